"""A two-language site: fresh and outdated translations, fallback pages, drafts, and bad input."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from guide.translations import english_hash
from sitebuild import (GLOSSARY_ES, GLOSSARY_STUB, HELP, HOME, glossary_stub_es, make_tiny_site,
                       run_mkdocs_build, spanish_home)
from sitebuild import two_language_site as site

def build(config: Path) -> subprocess.CompletedProcess[str]:
    return run_mkdocs_build(config, config.parent / "site")


def status(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guide", "--config", str(config), "translations"],
                          capture_output=True, text=True, timeout=300)


def page(config: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((config.parent / "site" / path).read_text(encoding="utf-8"), "html.parser")


def git(config: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=config.parent, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin"})


def test_fresh_then_outdated_then_fresh_again(tmp_path: Path) -> None:
    config = site(tmp_path)
    git(config, "init", "-q")
    git(config, "add", "-A")
    git(config, "commit", "-qm", "first")
    result = build(config)
    assert result.returncode == 0, result.stderr
    es_home = page(config, "es/index.html")
    notices = [n["class"][-1] for n in es_home.select(".guide-notice")]
    assert notices == ["guide-notice--draft"], notices
    assert "borrador" in es_home.select_one(".guide-notice").get_text()
    assert status(config).returncode == 0

    english = config.parent / "docs/en/index.md"
    english.write_text(HOME.replace("checks for a fever.", "checks for a fever and chills."), encoding="utf-8")
    result = build(config)
    assert result.returncode == 0, result.stderr
    es_home = page(config, "es/index.html")
    outdated = es_home.select_one(".guide-notice--outdated")
    assert outdated is not None and "desactualizada" in outdated.get_text()
    assert outdated.select_one("a")["href"] in ("..", "../") and outdated.select_one("a")["hreflang"] == "en"
    report = page(config, "translation-status/index.html").get_text()
    new_version = english_hash(english.read_text(encoding="utf-8"))
    assert f"translation_of: {new_version}" in report
    assert "+Your care team checks for a fever and chills." in report
    assert "-Your care team checks for a fever." in report
    cli = status(config)
    assert cli.returncode == 1
    assert f"index.md: OUTDATED. After updating it, put this line in its front matter: translation_of: {new_version}" in cli.stdout

    spanish = config.parent / "docs/es/index.md"
    spanish.write_text(spanish_home(new_version), encoding="utf-8")
    result = build(config)
    assert result.returncode == 0, result.stderr
    assert page(config, "es/index.html").select_one(".guide-notice--outdated") is None
    rows = [row.get_text(" ", strip=True) for row in page(config, "translation-status/index.html").select("tr")]
    assert "index.md Up to date draft" in " | ".join(rows).replace("  ", " ")
    assert status(config).returncode == 0


def test_untranslated_page_says_so_in_the_readers_language(tmp_path: Path) -> None:
    config = site(tmp_path)
    assert build(config).returncode == 0
    help_es = page(config, "es/get-help/index.html")
    assert help_es.find("html")["lang"] == "es"
    notice = help_es.select_one(".guide-notice--fallback")
    assert notice is not None and "inglés" in notice.get_text()
    assert help_es.select_one('.md-content div[lang="en"] h1').get_text().startswith("Help")
    # The short help part is in the reader's language, even on an English page (not on the help page itself).
    assert help_es.select_one(".guide-help-now") is None
    status_es = page(config, "es/translation-status/index.html")
    help_part = status_es.select_one('.md-content div[lang="en"] .guide-help-now')
    assert help_part is not None and help_part["lang"] == "es" and "equipo" in help_part.get_text()


def test_glossary_entry_missing_in_spanish_falls_back_and_warns(tmp_path: Path) -> None:
    home = spanish_home(english_hash(HOME), text="Su equipo de atención revisa. Vea el care team.")
    config = site(tmp_path, es_glossary="terms:\n  other:\n    term: otra cosa\n    definition: Algo.\n")
    (config.parent / "docs/es/index.md").write_text(home, encoding="utf-8")
    result = build(config)
    assert result.returncode != 0  # the warning fails the strict build
    assert 'glossary/es.yml: the entry "care-team" is missing, so the en definition is shown.' in result.stderr


def test_orphan_translation_fails_naming_the_file(tmp_path: Path) -> None:
    config = site(tmp_path)
    (config.parent / "docs/es/otra.md").write_text(spanish_home("0123456789ab"), encoding="utf-8")
    result = build(config)
    assert result.returncode != 0
    assert "docs/es/otra.md:1: this translation has no English page docs/en/otra.md." in result.stderr


def test_missing_or_malformed_version_fails_with_the_fix(tmp_path: Path) -> None:
    config = site(tmp_path)
    good = english_hash(HOME)
    (config.parent / "docs/es/index.md").write_text(spanish_home("PENDING"), encoding="utf-8")
    result = build(config)
    assert result.returncode != 0
    assert f'docs/es/index.md:1: "translation_of: PENDING" is not a version hash. Use the 12-letter hash ' \
           f'printed by "make translations": translation_of: {good}' in result.stderr


def test_folder_or_glossary_for_a_language_not_set_up_fails(tmp_path: Path) -> None:
    config = site(tmp_path)
    (config.parent / "docs/it").mkdir()
    (config.parent / "docs/it/index.md").write_text(HOME, encoding="utf-8")
    (config.parent / "glossary/de.yml").write_text(GLOSSARY_ES, encoding="utf-8")
    result = build(config)
    assert result.returncode != 0
    assert 'docs/it/index.md:1: the folder docs/it/ is for a language that is not set up.' in result.stderr
    assert 'glossary/de.yml:1: this glossary is for the language "de", which is not set up.' in result.stderr


def test_structure_difference_is_a_warning(tmp_path: Path) -> None:
    home = HOME + "\n## Signs {#signs}\n\nFever.\n"
    es = {"index.md": spanish_home(english_hash(home)), "glossary.md": glossary_stub_es(english_hash(GLOSSARY_STUB))}
    config = site(tmp_path, home=home, es_pages=es)
    result = build(config)
    assert result.returncode != 0
    assert "docs/es/index.md: 0 headings vs 1 in docs/en/index.md (missing: #signs)" in result.stderr


def test_page_in_a_language_folder_of_the_nav_fails(tmp_path: Path) -> None:
    import yaml

    config = site(tmp_path)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["nav"].append("es/index.md")
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    result = build(config)
    assert result.returncode != 0
    assert 'nav lists "es/index.md", a page inside a language folder. Write "index.md"' in result.stderr


def test_a_language_the_table_does_not_know_builds_with_one_info_line(tmp_path: Path) -> None:
    tagalog = spanish_home(english_hash(HOME), text="Tinitingnan ng iyong care team kung may lagnat.").replace("Inicio", "Home")
    config = make_tiny_site(tmp_path, {"index.md": HOME, "get-help.md": HELP},
                            translations={"tl": {"index.md": tagalog, "glossary.md": glossary_stub_es(english_hash(GLOSSARY_STUB))}},
                            glossaries={"tl": GLOSSARY_ES})
    result = build(config)
    assert result.returncode == 0, result.stderr
    note = [line for line in result.stderr.splitlines() if "not in the guide's language table" in line]
    assert len(note) == 1 and note[0].startswith("INFO")
    assert "'tl'" in note[0] and "extra.guide.languages.tl" in note[0] and "stemmer" in note[0]
    assert "WARNING" not in result.stderr
    assert page(config, "tl/index.html").select_one("html")["lang"] == "tl"
