"""Issue 12 on the real site: Arabic right to left, Chinese without spaces, French complete, and the
status page with every language's reading figures."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guide.front_matter import page_parts
from sitebuild import ROOT

ENGLISH = sorted(p.name for p in (ROOT / "docs/en").glob("*.md"))
HAN = "\u4e00-\u9fff"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_path(site: Path, language: str, name: str) -> Path:
    stem = name.removesuffix(".md")
    folder = site / language
    return folder / "index.html" if stem == "index" else folder / stem / "index.html"


def translated(language: str) -> set[str]:
    return {p.name for p in (ROOT / "docs" / language).glob("*.md")}


def test_arabic_and_chinese_exist_and_french_is_complete() -> None:
    for language, needed in (("ar", {"index.md", "get-help.md", "crs.md", "icans.md", "glossary.md", "things-to-print.md"}),
                             ("zh", {"index.md", "get-help.md", "crs.md", "icans.md", "glossary.md", "things-to-print.md"}),
                             ("fr", set(ENGLISH) - {"translating.md", "translation-status.md"})):
        assert needed <= translated(language), (language, needed - translated(language))
        for name in translated(language):
            meta, _ = page_parts((ROOT / "docs" / language / name).read_text(encoding="utf-8"))
            assert meta.get("translation_status") == "draft", f"{language}/{name}: not marked as a draft"


def test_every_arabic_page_is_right_to_left_and_english_parts_say_so(built_site: Path) -> None:
    for name in ENGLISH:
        page = soup(page_path(built_site, "ar", name))
        html_tag = page.find("html")
        assert html_tag["lang"] == "ar" and html_tag["dir"] == "rtl", name
        english = page.select('.md-content div[lang="en"]')
        if name in translated("ar"):
            assert english == [], f"ar/{name} is translated but has an English part"
        else:  # shown untranslated: its text is marked English and left to right, so "?" stays at the end
            assert len(english) == 1 and english[0].get("dir") == "ltr", f"ar/{name}: {english[:1]}"
            assert page.select_one(".guide-notice--fallback") is not None, name


def test_chinese_fallback_parts_are_english_and_keep_the_direction(built_site: Path) -> None:
    for name in sorted(set(ENGLISH) - translated("zh")):
        page = soup(page_path(built_site, "zh", name))
        english = page.select('.md-content div[lang="en"]')
        assert len(english) == 1 and not english[0].get("dir"), name


def test_numbers_and_latin_abbreviations_are_isolated_in_arabic_text(built_site: Path) -> None:
    isolated = [b.get_text() for b in soup(page_path(built_site, "ar", "crs.md")).select(".md-content bdi[dir=ltr]")]
    assert "CRS" in isolated, isolated[:20]
    # On every Arabic page, translated or shown in English: no Latin letter or digit left bare in
    # Arabic text (content, help part, words to know, menu, header); English parts are left alone.
    for name in ENGLISH:
        page = soup(page_path(built_site, "ar", name))
        body = page.select_one("body")
        for tag in body.select('svg, code, pre, bdi, script, style, .headerlink, [dir="ltr"]'):
            tag.decompose()
        bare = re.findall(r"[A-Za-z0-9]+", body.get_text(" "))
        assert bare == [], (name, bare[:10])


def test_chinese_text_has_no_space_from_line_breaks(built_site: Path) -> None:
    for name in sorted(translated("zh")):
        html = page_path(built_site, "zh", name).read_text(encoding="utf-8")
        assert not re.search(rf"[{HAN}\u3000-\u303f\uff00-\uffef]\s*\n\s*[{HAN}]", html), name


def test_search_indexes_fit_their_script(built_site: Path) -> None:
    zh = json.loads((built_site / "zh/search/search_index.json").read_text(encoding="utf-8"))
    assert zh["config"]["lang"] == ["zh"] and "\\u200b" in zh["config"]["separator"]  # a regular expression
    help_docs = [d for d in zh["docs"] if d["location"].startswith("get-help/")]
    assert any("\u200b" in d["text"] for d in help_docs) and all(d.get("variants") for d in help_docs if d["text"])
    ar = json.loads((built_site / "ar/search/search_index.json").read_text(encoding="utf-8"))
    assert ar["config"]["lang"] == ["ar"]
    variants = " ".join(d.get("variants", "") for d in ar["docs"]).split()
    assert "خلايا" in variants


def test_glossary_terms_are_marked_in_arabic_and_chinese(built_site: Path) -> None:
    for language in ("ar", "zh"):
        page = soup(page_path(built_site, language, "crs.md"))
        marked = {a["data-guide-term"] for a in page.select(".md-content [data-guide-term]")}
        assert "cytokine-release-syndrome" in marked and len(marked) >= 4, (language, marked)
    # The Chinese glossary is in pinyin order, grouped A to Z, with Chinese punctuation.
    glossary = soup(page_path(built_site, "zh", "glossary.md"))
    letters = [a.get_text() for a in glossary.select(".guide-letters a")]
    assert letters == sorted(letters) and all(re.fullmatch("[A-Z]", letter) for letter in letters), letters
    aliases = glossary.select_one(".guide-aliases").get_text()
    assert "：" in aliases and aliases.endswith("。"), aliases


@pytest.mark.parametrize(("language", "figure"), [("es", "inflesz"), ("fr", "kandel_moles"),
                                                  ("ar", "words"), ("zh", "characters")])
def test_status_page_shows_each_language_and_its_reading_figures(built_site: Path, language: str, figure: str) -> None:
    page = soup(built_site / "translation-status" / "index.html")
    text = page.get_text(" ")
    name = {"es": "Español", "fr": "Français", "ar": "العربية", "zh": "简体中文"}[language]
    assert name in text
    heading = next(h for h in page.select("h2") if name in h.get_text())
    rows = heading.find_next("table").select("tbody tr")
    crs = next(r for r in rows if "crs.md" in r.get_text())
    cell = crs.select("td")[-1].get_text(" ", strip=True)
    assert figure in cell, cell
    if language in ("ar", "zh"):  # reported beside the English page's figure, not checked
        assert "(English: avg_sentence" in cell and cell.endswith("reported"), cell
