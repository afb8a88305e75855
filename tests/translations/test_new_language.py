"""`make new-language LANG=pt` on a copy of the real project: files made, settings added, build still passes."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from guide.mkdocs_yml import load_mkdocs_yml

from sitebuild import ROOT, run_mkdocs_build


def copy_project(tmp_path: Path) -> Path:
    for name in ("docs", "glossary", "overrides", "hooks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("mkdocs.yml", "TRANSLATING.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path / "mkdocs.yml"


def test_new_language_starts_switched_off_and_the_build_passes(tmp_path: Path) -> None:
    config = copy_project(tmp_path)
    run = subprocess.run([sys.executable, "-m", "guide.new_language", "pt", "--config", str(config)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    for made in ("docs/pt/_includes/urgent.md", "docs/pt/_includes/strings.yml", "docs/pt/glossary.md", "glossary/pt.yml"):
        assert (tmp_path / made).exists(), made
    glossary = (tmp_path / "glossary/pt.yml").read_text(encoding="utf-8")
    assert glossary.count("    term:") == (ROOT / "glossary/en.yml").read_text(encoding="utf-8").count("    term:")
    text = config.read_text(encoding="utf-8")
    settings = load_mkdocs_yml(config)
    languages = next(p["i18n"]["languages"] for p in settings["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert {"locale": "pt", "name": "pt", "build": False} in languages
    assert "# Settings for the plain-language guide" in text  # comments kept
    again = subprocess.run([sys.executable, "-m", "guide.new_language", "pt", "--config", str(config)],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 2 and "already set up" in again.stdout
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (tmp_path / "site/pt").exists()


def test_bad_language_code_is_refused() -> None:
    run = subprocess.run([sys.executable, "-m", "guide.new_language", "Portuguese"], capture_output=True, text=True)
    assert run.returncode == 2 and "two small letters" in run.stdout
