"""`make new-language LANG=pt` on a copy of the real project: files made, settings added, no Python
file changed, and the language builds with a Portuguese notice on every page."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guide.mkdocs_yml import load_mkdocs_yml

from sitebuild import ROOT, run_mkdocs_build

pytestmark = pytest.mark.site  # builds a copy of the whole real site


def copy_project(tmp_path: Path) -> Path:
    for name in ("docs", "glossary", "overrides", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("mkdocs.yml", "TRANSLATING.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path / "mkdocs.yml"


def new_language(config: Path, code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guide", "--config", str(config), "new-language", code],
                          capture_output=True, text=True, timeout=120)


def python_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.py")}


def test_new_language_builds_with_its_own_notice_on_every_page(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    code_before = python_files(tmp_path / "hooks")
    run = new_language(config, "pt")
    assert run.returncode == 0, run.stdout + run.stderr
    assert python_files(tmp_path / "hooks") == code_before
    for made in ("docs/pt/_includes/urgent.md", "docs/pt/_includes/strings.yml", "docs/pt/glossary.md", "glossary/pt.yml"):
        assert (tmp_path / made).exists(), made
    glossary = (tmp_path / "glossary/pt.yml").read_text(encoding="utf-8")
    assert glossary.count("    term:") == (ROOT / "glossary/en.yml").read_text(encoding="utf-8").count("    term:")
    settings = load_mkdocs_yml(config)
    languages = next(p["i18n"]["languages"] for p in settings["plugins"] if isinstance(p, dict) and "i18n" in p)
    entry = languages[-1]
    assert entry["locale"] == "pt" and entry["name"] == "Português" and entry["build"] is True
    assert entry["site_name"] == settings["site_name"]
    assert set(entry["nav_translations"]) == {"Side effects", "About this guide"}
    assert "# Settings for the plain-language guide" in config.read_text(encoding="utf-8")  # comments kept

    again = new_language(config, "pt")
    assert again.returncode == 2 and "already set up" in again.stderr

    result = run_mkdocs_build(config, tmp_path / "site", in_process=False)  # the copied hooks, not ours
    assert result.returncode == 0, result.stderr[-3000:]
    pages = sorted((tmp_path / "site/pt").rglob("index.html"))
    assert len(pages) >= 12
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        notice = soup.select_one(".guide-notice")
        assert notice is not None, path
        assert "Esta página ainda não foi traduzida" in notice.get_text() or "rascunho" in notice.get_text(), path


def test_bad_language_code_is_refused() -> None:
    run = subprocess.run([sys.executable, "-m", "guide", "new-language", "Portuguese"], capture_output=True, text=True)
    assert run.returncode == 2 and "two small letters" in run.stderr
