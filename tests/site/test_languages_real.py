"""The real site in three languages: every page where it belongs, in the right language, findable."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import ROOT, real_config

ENGLISH_ONLY = set(real_config()["extra"]["guide"]["english_only"])
FRENCH = {p.name for p in (ROOT / "docs/fr").glob("*.md")}  # the pages translated so far


def english_pages() -> list[str]:
    return sorted(p.name for p in (ROOT / "docs/en").glob("*.md"))


def built(site: Path, language: str, name: str) -> Path:
    prefix = site if language == "en" else site / language
    return prefix / "index.html" if name == "index.md" else prefix / name.removesuffix(".md") / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_english_page_has_a_spanish_page() -> None:
    spanish = {p.name for p in (ROOT / "docs/es").glob("*.md")}
    assert set(english_pages()) - ENGLISH_ONLY <= spanish


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_pages_carry_the_right_language(built_site: Path, language: str) -> None:
    for name in english_pages():
        page = soup(built(built_site, language, name))
        assert page.find("html")["lang"] == language, (language, name)
        translated = language == "en" or (ROOT / "docs" / language / name).exists()
        fallback = page.select_one(".guide-notice--fallback")
        english_text = page.select_one('.md-content div[lang="en"]:not(.guide-help-now)')
        if translated:
            assert fallback is None and english_text is None, (language, name)
        else:
            assert fallback is not None and english_text is not None, (language, name)


def test_french_falls_back_where_expected(built_site: Path) -> None:
    for name in english_pages():
        page = soup(built(built_site, "fr", name))
        notice = page.select_one(".guide-notice--fallback")
        if name in FRENCH:
            assert notice is None, name
            assert page.select_one(".guide-notice--draft") is not None, name
        else:
            assert notice is not None and "anglais" in notice.get_text(), name


def test_drafts_say_so_and_nothing_claims_a_review(built_site: Path) -> None:
    for path in list((ROOT / "docs/es").glob("*.md")) + list((ROOT / "docs/fr").glob("*.md")):
        assert "translation_status: draft" in path.read_text(encoding="utf-8"), path
    page = soup(built(built_site, "es", "crs.md"))
    assert "borrador" in page.select_one(".guide-notice--draft").get_text()


def test_head_has_hreflang_alternates_and_the_sitemap_lists_every_language(built_site: Path) -> None:
    page = soup(built(built_site, "es", "crs.md"))
    langs = {link["hreflang"] for link in page.select('head link[rel="alternate"][hreflang]')}
    assert {"en", "es", "fr"} <= langs
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="es"' in sitemap and 'hreflang="fr"' in sitemap and "es/crs/" in sitemap


def test_each_language_has_its_own_search_index(built_site: Path) -> None:
    sizes = {}
    for language, prefix in (("en", ""), ("es", "es/"), ("fr", "fr/")):
        index = built_site / prefix / "search" / "search_index.json"
        data = json.loads(index.read_text(encoding="utf-8"))
        assert data["config"]["lang"] == [language]
        assert not any(doc["location"].startswith(("es/", "fr/")) for doc in data["docs"])
        sizes[language] = index.stat().st_size
    spanish = json.loads((built_site / "es/search/search_index.json").read_text(encoding="utf-8"))
    help_docs = [d for d in spanish["docs"] if d["location"].startswith("get-help/")]
    assert any("fiebre" in d["text"].lower() for d in help_docs)
    assert any("fiebres" in d.get("variants", "").split() for d in help_docs)
    # A Spanish reader downloads one language, not three.
    assert sizes["es"] < sizes["en"] + sizes["fr"]


def test_status_page_matches_make_translations(built_site: Path) -> None:
    cli = subprocess.run([sys.executable, "-m", "guide", "translations"], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert cli.returncode == 0, cli.stdout + cli.stderr
    rows = soup(built_site / "translation-status" / "index.html").select("table")[0].select("tr")[1:]
    table = {row.select("td")[0].get_text(): [td.get_text() for td in row.select("td")[1:]] for row in rows}
    for line in cli.stdout.splitlines():
        if line and not line.startswith(" ") and ":" in line and "(" in line:
            name = line.split(" (")[0]
            fresh = int(line.split(": ")[1].split(" up to date")[0])
            missing = int(line.split(" outdated, ")[1].split(" missing")[0])
            assert table[name][0] == str(fresh) and table[name][2] == str(missing), (line, table[name])
    assert set(table) == {"Español", "Français", "العربية", "简体中文"}
    assert soup(built_site / "about" / "index.html").select_one('a[href$="translation-status/"]') is not None
