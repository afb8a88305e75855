"""`make new-language LANG=pt` on a copy of the real project: files made, settings added, no Python
file changed, and the language builds with a Portuguese notice on every page."""
from __future__ import annotations

import json
import os
import re
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


@pytest.mark.pdf
@pytest.mark.parametrize(("code", "notice"), [("vi", "Trang này chưa được dịch"), ("ko", "이 페이지는 아직 번역되지")])
def test_vietnamese_and_korean_build_with_notice_search_and_handouts(tmp_path: Path, code: str, notice: str) -> None:
    """Issue 12: a volunteer's `make new-language LANG=vi` (or ko) then `make build` works, with no
    Python file changed: the notice in the language, its own search index, its handouts (Korean in a
    CJK font). The other translations are switched off in the copy, and the English handouts come
    from the project's cache (hard links), so only the new language's PDFs are made."""
    config = copy_project(tmp_path)
    cache = ROOT / ".cache/guide/handouts"
    if cache.is_dir():
        shutil.copytree(cache, tmp_path / ".cache/guide/handouts", copy_function=os.link)
    text = config.read_text(encoding="utf-8")
    for other in ("es", "fr", "ar", "zh"):
        text = re.sub(rf"(- locale: {other}\n(?: {{10}}.*\n)*? {{10}}build: )true", r"\1false", text)
    config.write_text(text, encoding="utf-8")
    code_before = python_files(tmp_path / "hooks")
    run = new_language(config, code)
    assert run.returncode == 0, run.stdout + run.stderr
    result = run_mkdocs_build(config, tmp_path / "site", handouts=True, in_process=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert python_files(tmp_path / "hooks") == code_before
    site = tmp_path / "site" / code
    assert not (tmp_path / "site/es").exists()
    home = BeautifulSoup((site / "crs/index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("html")["lang"] == code and notice in home.select_one(".guide-notice").get_text()
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [code] and all(not d["location"].startswith(f"{code}/") for d in index["docs"])
    for pdf in ("crs/handout.pdf", "get-help/handout.pdf", "guide.pdf", "things-to-print/wallet-card.pdf"):
        fonts = subprocess.run(["pdffonts", str(site / pdf)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
        assert rows and all("yes" in row[-5:-3] for row in rows), (pdf, fonts)
