"""Issue 11 on the real PDF files: help on page 1, a help card that fits, no last page with only a
tail, the things to print in every language, the booklet's order and ends."""
from __future__ import annotations

import math
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from guide.scripts import strip_marks
from sitebuild import ROOT

LANGUAGES = {"en": "", "es": "es/", "fr": "fr/", "ar": "ar/", "zh": "zh/"}
PRINTABLES = ("diary.pdf", "diary-large.pdf", "wallet-card.pdf", "questions.pdf", "questions-large.pdf",
              "checklist.pdf", "checklist-large.pdf")


def words(language: str) -> dict[str, str]:
    return yaml.safe_load((ROOT / f"docs/{language}/_includes/strings.yml").read_text(encoding="utf-8"))


def squash(value: str) -> str:
    return " ".join(value.split())


def bare(value: str) -> str:
    """Letters and digits only: how words compare across PDF line breaks (no spaces, hyphens or
    punctuation), in every script (Arabic's joined letter forms and vowel marks made plain; brackets,
    which a PDF reader may put on the wrong side of a right-to-left run, left out)."""
    return re.sub(r"[\W_]+", "", strip_marks(unicodedata.normalize("NFKC", value)))


def page_text(pdf: Path, number: int = 1) -> str:
    return squash(subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                                 capture_output=True, text=True, check=True).stdout)


def in_order(pdf: Path, number: int = 1) -> str:
    """A page's text in the order it was written (pypdf), not by position: the QR code's words beside
    the title and the diary's hyphenated column heads do not interleave with the rest."""
    return PdfReader(pdf).pages[number - 1].extract_text()


def pdfs(site: Path) -> list[Path]:
    return sorted(site.rglob("*.pdf"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_handout_has_the_help_part_on_page_1(built_site: Path, language: str) -> None:
    title = squash(words(language)["help_now_title"])
    site = built_site / LANGUAGES[language]
    handouts = [p for p in site.rglob("handout*.pdf") if language != "en" or p.relative_to(site).parts[0] not in LANGUAGES]
    assert len(handouts) == 2 * len(list((ROOT / "docs/en").glob("*.md")))
    for pdf in handouts:
        if pdf.parent.name == "get-help":
            continue  # the help card is the signs themselves: test_help_card_... checks its page 1
        assert bare(title) in bare(in_order(pdf)), f"{pdf}: no help part on page 1"
    assert bare(title) in bare(in_order(site / "guide.pdf"))  # the booklet: on its cover


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_card_one_page_and_large_print_two_with_every_sign_on_the_first(built_site: Path, language: str) -> None:
    folder = built_site / LANGUAGES[language] / "get-help"
    assert len(PdfReader(folder / "handout.pdf").pages) == 1
    assert len(PdfReader(folder / "handout-large.pdf").pages) <= 2
    html = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    signs = [li.get_text() for part in ("signs", "early-icans")
             for li in html.select_one(f"#{part}").find_next("ul").select("li")]
    assert len(signs) >= 7
    first = bare(in_order(folder / "handout-large.pdf"))
    for sign in signs:
        assert bare(sign.split(".")[0]) in first, f"{language}: '{sign}' is not on page 1 of the large-print card"


def content_bottom(pdf: Path, number: int) -> float:
    """How far down the page the text goes, as a share of its height, leaving out the running
    header and footer (in the page margins)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', out).group(1))
    bottoms = [float(y_max) for y_min, y_max in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', out)
               if 0.075 * height < float(y_min) and float(y_max) < 0.93 * height]
    return max(bottoms, default=0) / height


def test_no_pdf_ends_on_a_page_with_only_a_few_lines(built_site: Path) -> None:
    """The QR code is on page 1, so no last page holds only it; and no last page holds only a tail
    of a few lines (guide.handout_pdf lays such a handout out again)."""
    tails = []
    for pdf in pdfs(built_site):
        pages = len(PdfReader(pdf).pages)
        if pages > 1 and content_bottom(pdf, pages) < 0.25:
            tails.append(f"{pdf.relative_to(built_site)}: page {pages} ends at {content_bottom(pdf, pages):.0%}")
    assert tails == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_things_to_print_exist_open_and_carry_their_language(built_site: Path, language: str) -> None:
    folder = built_site / LANGUAGES[language] / "things-to-print"
    page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    linked = {a["href"] for a in page.select(".md-content .guide-print-links a")}
    assert linked == set(PRINTABLES)
    w = words(language)
    for name in PRINTABLES:
        reader = PdfReader(folder / name)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == language and bool(root["/MarkInfo"]["/Marked"]), name
        fonts = subprocess.run(["pdffonts", str(folder / name)], capture_output=True, text=True).stdout
        rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
        assert rows and all("yes" in row[-5:-3] for row in rows), f"{name}: a font is not embedded"
        assert bare(w["handout_online"]) in bare(in_order(folder / name)), f"{name}: no QR code text on page 1"
    diary = bare(in_order(folder / "diary.pdf"))
    for key in ("diary_call", "diary_day_phone", "diary_night_phone", "diary_fever_at", "diary_temperature",
                "sign_chills", "sign_shaky", "sign_faint"):
        assert bare(w[key]) in diary, key
    # A link's address is printed after its words: left out here, to compare the words.
    checklist = bare(re.sub(r"\(?https?://[^\s)]*\)?", "", " ".join(p.extract_text() for p in PdfReader(folder / "checklist.pdf").pages)))
    items = page.select(".guide-checklist li")
    assert len(items) >= 8
    for item in items:
        assert bare(item.get_text())[:30] in checklist, item.get_text()


def test_the_question_sheet_holds_every_pages_questions_by_stage(built_site: Path) -> None:
    reader = PdfReader(built_site / "things-to-print/questions.pdf")
    text = squash(" ".join(p.extract_text() for p in reader.pages))
    stages = [text.find(title) for title in ("Before treatment", "Side effects", "After treatment")]
    assert -1 not in stages and stages == sorted(stages)
    for sign in ("a fever", "shortness of breath, chest pain, or fainting"):
        assert f"☐ {sign}" not in text, "the urgent box's signs are not questions"
    for page in ("crs", "icans", "steps", "after-treatment"):
        html = BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        for question in html.select_one("#questions").find_next("ul").select("li"):
            assert squash(question.get_text(" ")) in text, question.get_text()


def test_wallet_card_keeps_every_text_at_least_6_pt(built_site: Path) -> None:
    for language, prefix in LANGUAGES.items():
        sizes: list[float] = []

        def visit(text: str, cm: list, tm: list, font: object, size: float) -> None:
            if text.strip():
                sizes.append(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]))

        PdfReader(built_site / prefix / "things-to-print/wallet-card.pdf").pages[0].extract_text(visitor_text=visit)
        assert sizes and min(sizes) >= 6, (language, min(sizes))
    css = (ROOT / "overrides/handouts/handout.css").read_text(encoding="utf-8")
    assert re.search(r"\.card \{[^}]*width: 85\.6mm; height: 54mm;", css), "the card is ID-1 size"


def test_booklet_opens_with_help_and_contents_and_ends_with_glossary_then_things_to_print(built_site: Path) -> None:
    booklet = built_site / "es/guide.pdf"
    pages = len(PdfReader(booklet).pages)
    assert bare(words("es")["help_now_title"]) in bare(page_text(booklet, 1))
    contents = page_text(booklet, 2)
    assert contents.startswith("Guía de la terapia con células CAR T Contenido") or "Contenido" in contents
    numbers = dict(re.findall(r"([A-ZÁÉÍÓÚ][^.]*?) ?\.{3,} ?(\d+)", contents))
    titles = list(numbers)
    assert titles[-2:] == ["Glosario", "Cosas para imprimir"], titles
    assert titles.index("Qué es la terapia con células CAR T") < titles.index("Síndrome de liberación de citocinas (SLC)")
    assert int(numbers["Cosas para imprimir"]) < pages and "Cosas para imprimir" in page_text(booklet, pages)
