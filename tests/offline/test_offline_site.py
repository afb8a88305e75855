"""The offline copies of the real site: one per language, linked with their size, holding what a
reader needs and nothing of the other languages."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

LANGUAGES = ["en", "es", "fr", "ar", "zh"]


def folder(site: Path, language: str) -> Path:
    return site if language == "en" else site / language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_and_things_to_print_pages_link_the_copy_with_its_size(built_site: Path, language: str) -> None:
    home = folder(built_site, language)
    size = (home / f"car-t-guide-{language}.zip").stat().st_size
    for page, href in ((home / "index.html", f"car-t-guide-{language}.zip"),
                       (home / "things-to-print" / "index.html", f"../car-t-guide-{language}.zip")):
        html = page.read_text(encoding="utf-8")
        link = re.search(r'<p class="guide-offline"><a href="([^"]+)" type="application/zip" download>[^<]+</a>(.*?)</p>', html)
        assert link, f"{page}: no link to the offline copy"
        assert link.group(1) == href
        assert f"{-(-size // 1_000_000)} MB" in re.sub("<[^>]+>", "", link.group(2)), link.group(2)
    assert "guide-offline" not in (home / "crs" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_copy_holds_its_pages_handouts_printables_and_search(built_site: Path, language: str) -> None:
    top = f"car-t-guide-{language}/"
    inner = "" if language == "en" else f"{language}/"
    with zipfile.ZipFile(folder(built_site, language) / f"car-t-guide-{language}.zip") as archive:
        names = set(archive.namelist())
        start = archive.read(top + "index.html").decode("utf-8")
        crs = archive.read(f"{top}{inner}crs/index.html").decode("utf-8")
        home = archive.read(f"{top}{inner}index.html").decode("utf-8")
    for needed in ("index.html", "crs/index.html", "about/index.html", "crs/handout.pdf", "crs/handout-large.pdf",
                   "guide.pdf", "things-to-print/diary.pdf", "things-to-print/wallet-card.pdf", "search/search_index.js"):
        assert top + inner + needed in names, needed
    assert top + "assets/offline-worker.js" in names
    others = [code for code in LANGUAGES if code not in ("en", language)]
    assert not [n for n in names if n.startswith(tuple(f"{top}{code}/" for code in others))], "another language is in the copy"
    assert not [n for n in names if n.endswith((".map", ".zip", ".json"))]
    if inner:
        assert f'url={inner}index.html' in start
    assert '<p class="guide-offline-copy">' in crs and 'offline-worker.js"></script>' in crs
    label = re.search(r'<p class="guide-offline-copy">(.*?)</p>', crs).group(1)
    assert re.search(r'<a href="http[^"]+" dir="ltr">', label), "the address must read left to right, slash included"
    if language == "ar":  # the date's numbers and the address keep their order in Arabic text
        assert re.sub("<[^>]+>", "", re.sub(r'<(bdi|a)\b[^>]*dir="ltr"[^>]*>.*?</\1>', "", label)).count("2") == 0, label
    for page in (crs, home):  # the home page's language menu links from the site's root ("/es/")
        assert not re.search(r'href="(?!https?:|#|mailto:)[^"]*/"', page), "a link to a folder is left (a folder listing on file://)"
        assert not re.search(r'(?:href|src)="/(?!/)', page), "a link from the site's root is left (the disk's root on file://)"
