"""Build a handout's HTML from a page's rendered content: the same words, glossary marks included,
made for paper (no links to click, addresses printed, a QR code to the page online)."""
from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

import segno

from .scripts import drawn_order
from .term_marks import tokenize

_HREF = re.compile(r"""(\shref\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
_CLASS = re.compile(r"""\sclass\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


@dataclass
class Handout:
    """Everything one handout is made from; `html()` of it is what the cache key hashes."""

    language: str
    title: str
    description: str
    reviewed: str
    url: str                      # the page online, printed and in the QR code
    content: str                  # the page's rendered content, prepared for paper
    words: list[Mapping[str, str]] = field(default_factory=list)  # "Words to know"
    large: bool = False
    strings: Mapping[str, str] = field(default_factory=dict)
    guide_name: str = ""
    page_size: str = "letter"
    one_sheet: bool = False       # the card to keep by the phone: one sheet (large print: both sides of one)
    direction: str = "ltr"        # of the handout's text


_SVG_WITHOUT_FONT = re.compile(r"<svg(?=[\s/>])(?![^>]*\sfont-family\s*=)", re.IGNORECASE)


def with_svg_font(document: str, families: Sequence[str]) -> str:
    """`document` with the handout's fonts on each drawing that names none. WeasyPrint draws the words
    in an SVG with the computer's default font (the page's stylesheet does not reach inside it): in
    Chinese that put a second copy of a Chinese font into every PDF with a picture (a third of its
    size). The names go unquoted: WeasyPrint's SVG reader splits them at the commas and keeps the
    quotes of a name that follows a space."""
    return _SVG_WITHOUT_FONT.sub(f'<svg font-family="{html.escape(", ".join(families))}"', document)


def font_families(fallback: bool, others: Sequence[str]) -> tuple[str, ...]:
    """The handout's fonts in order: the language's font, its fallback, the other scripts' fonts."""
    return ("Guide Sans", *(["Guide Fallback"] if fallback else []), *(name.replace(",", " ") for name in others))


def css_font_list(families: Sequence[str]) -> str:
    return ", ".join(css_string(name) for name in families)


def prepare_content(content: str, page_url: str) -> str:
    """Paper versions of the page's HTML: glossary marks become plain text, links get absolute
    addresses (printed after the link text by the stylesheet), the "¶" heading anchors go, and
    folded details are opened. The words of a right-to-left picture are put in the order they are
    seen, with joined letters (WeasyPrint draws SVG text letter by letter: see scripts.drawn_order);
    runs isolated in <bdi> get the isolate characters too, as WeasyPrint has no CSS unicode-bidi."""
    out: list[str] = []
    links: list[str] = []  # for each open <a>: "keep", "span" (a glossary mark) or "drop" (a heading anchor)
    rtl_picture, inside = 0, []  # depth of <svg class="... gp-rtl">; the open elements in it
    for token in tokenize(content):
        raw = token.raw
        if token.kind == "start" and token.name == "svg" and (rtl_picture or "gp-rtl" in raw):
            rtl_picture += 1
        if rtl_picture:
            if token.kind == "start" and not raw.endswith("/>"):
                inside.append(token.name)
            elif token.kind == "end" and inside:
                inside.pop()
                rtl_picture -= token.name == "svg"
            elif token.kind == "text" and inside and inside[-1] in ("text", "tspan") and raw.strip():
                out.append(html.escape(drawn_order(html.unescape(raw)), quote=False))
                continue
        dropping = "drop" in links
        if token.kind == "start" and token.name == "a":
            classes = (_CLASS.search(raw) or [None, None, ""])[2].split()
            kind = "drop" if "headerlink" in classes else "span" if "guide-term" in classes else "keep"
            links.append(kind)
            if dropping or kind == "drop":
                continue
            if kind == "span":
                raw = '<span class="guide-term">'
            else:
                raw = _HREF.sub(lambda m: f"{m.group(1)}{m.group(2)}{html.escape(_absolute(m.group(3), page_url))}"
                                          f"{m.group(2)}", raw)
        elif token.kind == "end" and token.name == "a" and links:
            kind = links.pop()
            if dropping:
                continue
            raw = "</span>" if kind == "span" else raw
        elif dropping:
            continue
        elif token.kind == "start" and token.name == "details" and " open" not in raw:
            raw = raw[:-1] + " open>"
        elif token.kind == "start" and token.name == "bdi":
            raw += "\u2066"  # LEFT-TO-RIGHT ISOLATE: the runs guide.bidi isolates are all left to right
        elif token.kind == "end" and token.name == "bdi":
            raw = "\u2069" + raw
        out.append(raw)
    return "".join(out)


def _absolute(href: str, page_url: str) -> str:
    href = html.unescape(href)
    if href.startswith("#"):
        return page_url + href
    return urljoin(page_url, href)


@lru_cache(maxsize=1024)
def qr_data_uri(url: str) -> str:
    """A QR code for the page's address, as an SVG data URI (made at build time, offline)."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def css_counter_text(template: str) -> str:
    """Turn "Page {page} of {pages}" into a CSS content value with the page counters."""
    parts = re.split(r"(\{page\}|\{pages\})", template)
    values = []
    for part in parts:
        if part == "{page}":
            values.append("counter(page)")
        elif part == "{pages}":
            values.append("counter(pages)")
        elif part:
            values.append('"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(values) or '""'


def css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


_ID = re.compile(r"""(\sid\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)


def prefix_ids(content: str, prefix: str) -> str:
    """Make a page's ids unique inside a booklet of many pages (every page has "#key-points")."""
    out = []
    for token in tokenize(content):
        raw = token.raw
        if token.kind == "start":
            raw = _ID.sub(lambda m: f"{m.group(1)}{m.group(2)}{prefix}-{m.group(3)}{m.group(2)}", raw)
        out.append(raw)
    return "".join(out)
