"""The real handouts: read back as text, metadata, fonts, tagging, page counts, QR codes, pictures."""
from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from sitebuild import ROOT

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")


def text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def definition(language: str, entry: str) -> str:
    data = yaml.safe_load((ROOT / "glossary" / f"{language}.yml").read_text(encoding="utf-8"))
    return data["terms"][entry]["definition"]


def squash(value: str) -> str:
    return " ".join(value.split())


def test_every_page_of_every_language_has_its_two_handouts(built_site: Path) -> None:
    html_pages = list(built_site.rglob("index.html"))
    assert len(html_pages) == 5 * len(list((ROOT / "docs/en").glob("*.md")))
    for page in html_pages:
        for name in ("handout.pdf", "handout-large.pdf"):
            assert (page.parent / name).stat().st_size > 5000, page
        assert 'href="handout.pdf"' in page.read_text(encoding="utf-8"), page
    for booklet in [built_site / "guide.pdf", *(built_site / f"{code}/guide.pdf" for code in ("es", "fr", "ar", "zh"))]:
        assert len(PdfReader(booklet).pages) > 20


def test_english_handout_reads_right(built_site: Path) -> None:
    content = squash(text(built_site / "crs/handout.pdf"))
    # On page 1, top to bottom: the title (the QR code beside it), the help part, the page.
    first = squash(subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(built_site / "crs/handout.pdf"), "-"],
                                  capture_output=True, text=True, check=True).stdout)
    assert (first.index("Cytokine release syndrome (CRS)") < first.index("Call your care team right away if you or the")
            < first.index("Key points")), first
    assert "Scan the code to read this page online" in content
    assert "CAR T-cell therapy guide Cytokine release syndrome (CRS) Page 1 of" in content  # running header, footer
    assert "Reviewed: 2026-11-25" in content
    assert f"{SITE_URL}crs/" in content
    assert "Words to know" in content
    assert squash(definition("en", "tocilizumab")) in content
    assert "Page 1 of" in content
    # The urgent box, and a link printed with its address.
    assert "Call your care team right away if you have" in content
    assert f"({SITE_URL}get-help/)" in content.replace(" ", "") or f"{SITE_URL}get-help/" in content
    for chrome in ("Skip to content", "Table of contents", "Search", "Previous", "Print this page"):
        assert chrome not in content, chrome


def test_spanish_handout_is_in_spanish(built_site: Path) -> None:
    content = squash(text(built_site / "es/crs/handout.pdf"))
    assert "Palabras para conocer" in content and "Página 1 de" in content and "Revisado: 2026-11-25" in content
    assert squash(definition("es", "tocilizumab")) in content
    assert "Words to know" not in content


def test_metadata_tagging_and_fonts(built_site: Path) -> None:
    reader = PdfReader(built_site / "es/crs/handout.pdf")
    assert reader.metadata.title == "Síndrome de liberación de citocinas (SLC)"
    assert reader.metadata.author == "Guía de la terapia con células CAR T"
    assert reader.metadata.subject.startswith("Qué es el SLC")
    assert reader.metadata.creation_date is not None
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "es"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    fonts = subprocess.run(["pdffonts", str(built_site / "es/crs/handout.pdf")], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("yes" in row[-5:-3] for row in rows), fonts  # every font embedded


@pytest.mark.parametrize("language", ["", "es/", "fr/", "ar/", "zh/"])
def test_help_card_fits_on_one_sheet(built_site: Path, language: str) -> None:
    assert len(PdfReader(built_site / language / "get-help/handout.pdf").pages) == 1


def test_large_print_is_larger(built_site: Path) -> None:
    standard = len(PdfReader(built_site / "crs/handout.pdf").pages)
    large = len(PdfReader(built_site / "crs/handout-large.pdf").pages)
    assert large > standard


def test_paper_sizes_per_language(built_site: Path) -> None:
    letter = PdfReader(built_site / "es/crs/handout.pdf").pages[0].mediabox
    a4 = PdfReader(built_site / "fr/crs/handout.pdf").pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)


@pytest.mark.skipif(shutil.which("zbarimg") is None and os.environ.get("CI") != "true",
                    reason="zbarimg is missing: install Debian's zbar-tools (.ci/run does)")
@pytest.mark.parametrize("page", ["crs/handout-large.pdf", "es/get-help/handout.pdf", "fr/get-help/handout.pdf",
                                  "es/things-to-print/diary.pdf", "things-to-print/wallet-card.pdf"])
def test_qr_code_on_page_1_opens_the_same_page(built_site: Path, tmp_path: Path, page: str) -> None:
    pdf = built_site / page
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "qr")], check=True)
    image = next(tmp_path.glob("qr*.png"))
    found = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True).stdout.split()
    assert found == [f"{SITE_URL}{page.rpartition('/')[0]}/"]


def test_first_pages_render_to_pictures(built_site: Path, tmp_path: Path) -> None:
    """The same pictures `make handout-previews` makes; here their size says they are not blank."""
    for name, pdf in (("en", "crs/handout.pdf"), ("es", "es/crs/handout.pdf"), ("large", "crs/handout-large.pdf")):
        subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(built_site / pdf),
                        str(tmp_path / name)], check=True)
        image = next(tmp_path.glob(f"{name}*.png"))
        assert image.stat().st_size > 8000, f"{pdf} looks blank"


def test_booklet_reads_in_menu_order_without_the_volunteer_pages(built_site: Path) -> None:
    reader = PdfReader(built_site / "guide.pdf")
    text = squash(" ".join(page.extract_text() for page in reader.pages[:3]))  # the cover and the contents
    order = [text.find(title) for title in ("What CAR T-cell therapy is", "Cytokine release syndrome",
                                            "Questions and answers", "About this guide")]
    assert -1 not in order and order == sorted(order), order
    everything = squash(" ".join(page.extract_text() for page in reader.pages))
    assert "Your privacy" not in everything and "How to translate this guide" not in everything


def in_pdf_text(title: str, text: str, language: str) -> bool:
    """Whether pdftotext's text holds the title, letter for letter. For Arabic: vowel marks, spaces and
    brackets aside, poppler gives each lam ligature back with its two letters swapped ("العالج" for
    "العلاج", "عىل" for "على") and places Latin words by its own bidi: the Arabic letters other than lam
    and the alef and yeh forms are compared in order, each Latin word apart."""
    from guide.scripts import strip_marks

    plain = lambda value: re.sub(r"[\W_]+", "", strip_marks(unicodedata.normalize("NFKC", value)))  # noqa: E731
    if language != "ar":
        return plain(title) in plain(text)
    arabic = lambda value: re.sub(r"[^\u0621-\u064a]|[لاأإآىي]", "", plain(value))  # noqa: E731
    latin = re.findall(r"[A-Za-z]+", title)
    return len(arabic(title)) >= 4 and arabic(title) in arabic(text) and all(word in text for word in latin)


def test_chinese_handouts_print_chinese_letter_forms(built_site: Path) -> None:
    """Some characters are drawn differently in Chinese and in Japanese. Noto Sans CJK holds both, and
    WeasyPrint reads only the first font of the file (the Japanese one): the Chinese handouts use the
    Chinese font of the file (languages.py), body text and pictures alike. Each character printed must
    be the Chinese font's own glyph."""
    import re

    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    def cmaps(path: str) -> tuple[dict[int, str], dict[int, str]]:
        with TTFont(path, fontNumber=0, lazy=True) as japanese, TTFont(path, fontNumber=2, lazy=True) as chinese:
            assert chinese["name"].getBestFamilyName() == "Noto Sans CJK SC"
            return japanese.getBestCmap(), chinese.getBestCmap()

    folder = "/usr/share/fonts/opentype/noto/"
    fonts = {"Guide-Sans": cmaps(folder + "NotoSansCJK-Regular.ttc"), "Guide-Sans-Bold": cmaps(folder + "NotoSansCJK-Bold.ttc")}
    for pdf in (built_site / "zh/crs/handout.pdf", built_site / "zh/guide.pdf"):
        differ, wrong = set(), set()
        for page in PdfReader(pdf).pages:
            for font in (ref.get_object() for ref in page["/Resources"]["/Font"].values()):
                name = str(font["/BaseFont"]).split("+")[-1]
                if name not in fonts:
                    continue
                japanese, chinese = fonts[name]
                to_unicode = font["/ToUnicode"].get_object().get_data().decode("latin-1")
                for glyph, code in re.findall(r"<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]{4})>", to_unicode):
                    char = int(code, 16)
                    if char in chinese and chinese[char] != japanese.get(char):
                        differ.add(chr(char))
                        if f"cid{int(glyph, 16):05d}" != chinese[char]:
                            wrong.add(chr(char))
        assert len(differ) > 50, f"{pdf}: too few characters to tell the fonts apart ({len(differ)})"
        assert not wrong, f"{pdf}: printed in their Japanese forms: {''.join(sorted(wrong))}"


@pytest.mark.parametrize("language", ["ar", "zh"])
def test_arabic_and_chinese_handouts_print_their_script_with_embedded_fonts(built_site: Path, language: str) -> None:
    """Each handout and thing to print has every font embedded, and each translated page's handout
    holds its title in its own script, as pdftotext reads it (the glyph check before printing proves
    the language's fonts have every character)."""
    site = built_site / language
    pdfs = sorted(site.rglob("*.pdf"))
    assert len(pdfs) >= 2 * 16 + 1 + 7
    for pdf in pdfs:
        listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
        assert rows and all("yes" in row[-5:-3] for row in rows), f"{pdf}: a font is not embedded\n{listing}"
        if pdf.name in ("handout.pdf", "guide.pdf") and pdf.parent.name in ("crs", language):
            # The pictures' words too are in the handout's fonts (not the computer's default: in Chinese a
            # second copy of a Chinese font, a third of each PDF).
            assert all(row[0].split("+")[-1].startswith("Guide-") for row in rows), f"{pdf}\n{listing}"
    for name in ("index", "get-help", "crs", "icans", "things-to-print"):
        page = BeautifulSoup((site / name / "index.html" if name != "index" else site / "index.html")
                             .read_text(encoding="utf-8"), "html.parser")
        title = page.select_one(".md-content h1").get_text().replace("¶", "")
        pdf = site / (name if name != "index" else "") / "handout.pdf"
        text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert in_pdf_text(title, text, language), f"{pdf}: the title {title!r} is not in its text:\n{text[:500]}"


def test_a_right_to_left_handout_reads_right_to_left(built_site: Path, tmp_path: Path) -> None:
    """The Arabic help card: the page count and the guide's name on the right, the address on the left
    and in its own order; the picture's words joined and in the order they are seen."""
    pdf = built_site / "ar/get-help/handout.pdf"
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', out).group(1))
    words = [(float(x), html.unescape(w)) for x, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', out)]
    address = next(x for x, w in words if w.startswith("http://") and w.rstrip("/").endswith("ar/get-help"))
    assert address < width / 3, "the page's address is not on the left"
    # Two words found only in the picture (the help part lists the signs, not their group titles):
    # drawn letter by letter, they read in order only if they were joined and put in seen order.
    words = yaml.safe_load((ROOT / "docs/ar/_includes/strings.yml").read_text(encoding="utf-8"))
    title = words["sign_thinking_title"]
    assert len(title.split()) >= 2 and title not in (ROOT / "docs/ar/get-help.md").read_text(encoding="utf-8")
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout
    # As for the titles (in_pdf_text): pdftotext gives the lam-alef ligature of the handout's Arabic font back as "ال".
    assert in_pdf_text(title, unicodedata.normalize("NFKC", text), "ar"), "the picture's words are not joined and in order"
