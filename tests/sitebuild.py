"""Helpers for tests that build sites: the real one, or tiny ones from the real settings."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from guide.mkdocs_yml import load_mkdocs_yml

ROOT = Path(__file__).resolve().parents[1]


# Tiny pages say `reviewed: 2026-11-25`; every test runs as if it were this day (conftest.py sets
# GUIDE_TODAY), so no review ever falls due in a test. The real site is built with the real date.
TINY_TODAY = "2026-12-01"


def run_mkdocs_build(config_file: Path, site_dir: Path, handouts: bool = False,
                     in_process: bool = True, today: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run a strict build the way `make build` does; return what it printed and its exit status.

    In this process by default: the hooks keep no state between runs (the site model resets on every
    outer build), and starting Python and MkDocs again costs about a second per build. PDF handouts
    take seconds, so only builds that check them make them. `today` (like "2027-12-01") builds as if
    it were that day; without it, GUIDE_TODAY stays as it is.
    """
    saved = os.environ.get("GUIDE_TODAY")
    if today:
        os.environ["GUIDE_TODAY"] = today
    try:
        if in_process:
            return _build_here(config_file, site_dir, handouts)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GUIDE_HANDOUTS="1" if handouts else "0")
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
            cwd=config_file.parent, env=env, capture_output=True, text=True, timeout=900,
        )
    finally:
        if saved is None:
            os.environ.pop("GUIDE_TODAY", None)
        else:
            os.environ["GUIDE_TODAY"] = saved


def _build_here(config_file: Path, site_dir: Path, handouts: bool) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in this process, its log formatted as the command prints it."""
    import io
    import logging
    import warnings

    from click import ClickException
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    old_level, old_env, old_cwd = logger.level, os.environ.get("GUIDE_HANDOUTS"), os.getcwd()
    logger.setLevel(logging.INFO)
    os.environ["GUIDE_HANDOUTS"] = "1" if handouts else "0"
    os.chdir(config_file.parent)
    code = 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # as the command line shows them: not at all
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
    except ClickException as error:  # Abort (strict mode, a BuildError) and ConfigurationError
        code = error.exit_code
        if not str(error.message).startswith("Aborted"):
            logger.error(error.message)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        os.chdir(old_cwd)
        if old_env is None:
            os.environ.pop("GUIDE_HANDOUTS", None)
        else:
            os.environ["GUIDE_HANDOUTS"] = old_env
    return subprocess.CompletedProcess(["mkdocs build --strict (in process)"], code, "", stream.getvalue())


def examples(full: int) -> int:
    """Hypothesis examples per property: all of them in `make test`, a tenth in `make check` (GUIDE_QUICK=1)."""
    return max(50, full // 10) if os.environ.get("GUIDE_QUICK") == "1" else full


def real_config() -> dict:
    return load_mkdocs_yml(ROOT / "mkdocs.yml")


TINY_GLOSSARY = """\
terms:
  care-team:
    term: care team
    aliases: [care teams]
    definition: The doctors and nurses who treat you.
"""
GLOSSARY_STUB = """---
title: Glossary
description: Plain meanings of hard words.
reviewed: 2026-11-25
sources: [001_d32869e5158d1a68.txt]
---
"""


def make_tiny_site(
    tmp_path: Path, pages: dict[str, str], urgent: str | None = None, glossary: str = TINY_GLOSSARY,
    structure: bool = False, translations: dict[str, dict[str, str]] | None = None,
    glossaries: dict[str, str] | None = None,
) -> Path:
    """Write a small site that uses the real hooks, theme overrides and settings; return its mkdocs.yml.

    It has the given pages plus a glossary page made from `glossary` (glossary/en.yml). The page
    structure rules of the reading-level gate apply only with `structure=True`.
    """
    config = real_config()
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:  # English only, unless a test adds languages
            plugin["i18n"]["languages"] = plugin["i18n"]["languages"][:1]
    config["extra"]["guide"]["english_only"] = ["translation-status.md"]
    if not structure:
        rules = config["extra"]["guide"]["reading_level"]["structure"]
        rules["no_key_points"] = [*pages, "glossary.md"]
        rules["action_pages"] = []
    docs = tmp_path / "docs"
    (tmp_path / "glossary").mkdir(exist_ok=True)
    (tmp_path / "glossary" / "en.yml").write_text(glossary, encoding="utf-8")
    pages = {**pages, "glossary.md": pages.get("glossary.md", GLOSSARY_STUB)}
    for name, text in pages.items():
        (docs / "en" / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / "en" / name).write_text(text, encoding="utf-8")
    box = docs / "en" / "_includes" / "urgent.md"
    box.parent.mkdir(parents=True, exist_ok=True)
    box.write_text(urgent or (ROOT / "docs/en/_includes/urgent.md").read_text(encoding="utf-8"), encoding="utf-8")
    (box.parent / "strings.yml").write_text((ROOT / "docs/en/_includes/strings.yml").read_text("utf-8"), "utf-8")
    config["docs_dir"] = str(docs)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["extra"]["guide"]["pictures"] = str(ROOT / "overrides/pictures")
    guide, handouts = config["extra"]["guide"], config["extra"]["guide"]["handouts"]  # only pages this site has
    guide["urgent_box_pages"] = [name for name in guide.get("urgent_box_pages", []) if name in pages]
    handouts["booklet_end"] = [name for name in handouts.get("booklet_end", []) if name in pages]
    offline = guide.setdefault("offline", {})
    offline["pages"] = [name for name in offline.get("pages", []) if name in pages]
    stages = handouts.get("printables", {}).get("stages", {})
    handouts.setdefault("printables", {})["stages"] = {k: [n for n in v if n in pages] for k, v in stages.items()}
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    for language, translated in (translations or {}).items():
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "i18n" in plugin:
                plugin["i18n"]["languages"].append({"locale": language, "name": language.upper(), "build": True})
        for name, text in translated.items():
            (docs / language / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / language / name).write_text(text, encoding="utf-8")
        includes = docs / language / "_includes"
        includes.mkdir(parents=True, exist_ok=True)
        for name in ("urgent.md", "strings.yml"):
            source = ROOT / "docs" / language / "_includes" / name
            source = source if source.exists() else ROOT / "docs/en/_includes" / name
            (includes / name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    for language, text in (glossaries or {}).items():
        (tmp_path / "glossary" / f"{language}.yml").write_text(text, encoding="utf-8")
    config["nav"] = [{name.removesuffix(".md"): name} for name in pages]
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def tiny_page(title: str, body: str) -> str:
    """A page with the front matter every page needs, its title as heading, then `body`."""
    return (f"---\ntitle: {title}\ndescription: A short page for a test.\nreviewed: 2026-11-25\n"
            f"sources: [001_d32869e5158d1a68.txt]\n---\n\n# {title}\n\n{body}\n")


# A two-language site (English and Spanish) for translation tests.
HOME = tiny_page("Home", "Your care team checks for a fever.")
HELP = HOME.replace("title: Home", "title: Help").replace("# Home", "# Help") + "\n## When to call {#when-to-call}\n\n1. Call.\n"
GLOSSARY_ES = """\
terms:
  care-team:
    term: equipo de atención
    definition: Los médicos y enfermeros que le tratan.
"""


def spanish_home(version: str, status: str = "draft", text: str = "Su equipo de atención revisa si hay fiebre.") -> str:
    return (f"---\ntitle: Inicio\ndescription: Una página corta.\nreviewed: 2026-11-25\n"
            f"sources: [001_d32869e5158d1a68.txt]\ntranslation_of: {version}\ntranslation_status: {status}\n---\n\n"
            f"# Inicio\n\n{text}\n")


def glossary_stub_es(version: str) -> str:
    return GLOSSARY_STUB.replace("---\n", f"---\ntranslation_of: {version}\ntranslation_status: draft\n", 1).replace(
        "title: Glossary", "title: Glosario", 1)


def two_language_site(tmp_path: Path, home: str = HOME, es_pages: dict[str, str] | None = None, es_glossary: str = GLOSSARY_ES):
    """English and Spanish, with the translation status page: the site most translation tests need."""
    from guide.translations import english_hash

    es = es_pages if es_pages is not None else {
        "index.md": spanish_home(english_hash(home)), "glossary.md": glossary_stub_es(english_hash(GLOSSARY_STUB))}
    status_page = (ROOT / "docs/en/translation-status.md").read_text(encoding="utf-8")
    return make_tiny_site(tmp_path, {"index.md": home, "get-help.md": HELP, "translation-status.md": status_page},
                          translations={"es": es},
                          glossaries={"es": es_glossary})
