"""Pull a page's reading text out of its rendered HTML as units, sentences and words.

Each paragraph, list item, table cell and definition is a unit; a unit without a full stop is one
sentence (Markdown list items and cells have none, and merging them would add about a grade).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .scripts import HAN, strip_marks
from .term_marks import VOID_ELEMENTS

# A picture's words count like page text: each SVG <text> is a unit (its <title>, <desc> repeat them).
UNIT_TAGS = frozenset({"p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "caption", "text"})
SKIP_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "kbd", "samp", "script", "style",
                       "nav", "header", "footer", "desc", "math", "button", "template", "title"})
SKIP_CLASSES = frozenset({"guide-urgent", "guide-help-now", "guide-print-links", "guide-words", "guide-letters", "admonition-title", "headerlink",
                          "toc", "md-nav", "guide-tip", "guide-notice", "guide-aliases", "guide-see-also"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Web addresses are names, not words to read: "compassionatevoices.org" is left out.
_ADDRESS = re.compile(r"\b(?:https?://)?[\w-]+(?:\.[\w-]+)*\.(?:org|com|net|gov|edu|info)\b(?:/\S*)?")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_HAN_OR_OTHER = re.compile(f"[{HAN}]|[^{HAN}]+")
# A sentence ends at . ! ? or … (and any closing quote or bracket) followed by a space, at the Arabic
# question mark, or at a Chinese full stop, exclamation or question mark (no space follows those).
_SENTENCE_END = re.compile(r"[.!?…؟]+[\"'”’»)]*(?=\s)|[。！？]+[”’」』）]*")
# ... unless the full stop belongs to an abbreviation ("e.g.", "Dr."). A single capital letter is
# not one here: "CAR T." and "células T." end sentences in this guide.
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|Sr|Sra|Dra|p\.ej|approx)\.$", re.IGNORECASE)


@dataclass
class Outline:
    """The page's headings in order (level, id), the words of reading text before the first heading
    and after each one, and the headings that a numbered list follows."""

    headings: list[tuple[int, str]] = field(default_factory=list)
    runs: list[int] = field(default_factory=lambda: [0])
    numbered_after: set[int] = field(default_factory=set)


@dataclass
class PageText:
    units: list[str]
    outline: Outline

    @property
    def sentences(self) -> list[str]:
        return [sentence for unit in self.units for sentence in split_sentences(unit)]


class _Units(HTMLParser):
    def __init__(self, skip_classes: frozenset[str], within: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.outline = Outline()
        self.skip_classes = skip_classes
        self.within = within
        self.inside = 0 if within else 1  # depth inside an element with the `within` class
        self.units: list[str] = []
        self.stack: list[tuple[str, bool, bool, bool]] = []  # (tag, skips, is_unit, opens `within`)
        self.buffers: list[list[str]] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            if tag == "br" and self.buffers:
                self.buffers[-1].append(" ")
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        if not self.skipping and not self.within:
            if tag in _HEADINGS:
                self.outline.headings.append((int(tag[1]), values.get("id") or ""))
                self.outline.runs.append(0)
            elif tag == "ol" and self.outline.headings:
                self.outline.numbered_after.add(len(self.outline.headings) - 1)
        opens = bool(self.within) and self.within in classes
        skips = tag in SKIP_TAGS or bool(classes & self.skip_classes - {self.within})
        is_unit = tag in UNIT_TAGS and not self.skipping and not skips and (self.inside > 0)
        if is_unit:
            self.buffers.append([])  # a nested unit (a list inside a list item) is a unit of its own
        self.stack.append((tag, skips, is_unit, opens))
        self.skipping += skips
        self.inside += opens

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                for _, skips, is_unit, opens in reversed(self.stack[depth:]):
                    self.skipping -= skips
                    self.inside -= opens
                    if is_unit:
                        self._close_unit()
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self.buffers and not self.skipping:
            self.buffers[-1].append(data)
            self.outline.runs[-1] += len(_WORD.findall(data))  # a word count for the outline is enough

    def _close_unit(self) -> None:
        text = " ".join("".join(self.buffers.pop()).split())
        if text:
            self.units.append(text)

    def close(self) -> None:
        super().close()
        while self.buffers:
            self._close_unit()


def read_page(html: str, skip_classes: frozenset[str] = SKIP_CLASSES, within: str | None = None) -> PageText:
    """One pass over the HTML: the reading units and the outline the structure rules need.

    With `within`, only the text inside elements of that class (to measure the urgent box alone).
    """
    parser = _Units(skip_classes, within)
    parser.feed(html)
    parser.close()
    return PageText(parser.units, parser.outline)


def reading_units(html: str, skip_classes: frozenset[str] = SKIP_CLASSES, within: str | None = None) -> list[str]:
    """The page's reading text: one string per paragraph, list item, table cell or definition."""
    return read_page(html, skip_classes, within).units


def split_sentences(unit: str) -> list[str]:
    """Split one unit into sentences; a unit with no full stop is one sentence."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(unit):
        if _ABBREVIATION.search(unit[start:match.start() + 1]):
            continue
        sentences.append(unit[start:match.end()])
        start = match.end()
    sentences.append(unit[start:])
    return [sentence.strip() for sentence in sentences if _WORD.search(sentence)]


def words(sentence: str) -> list[str]:
    """The words of a sentence: letters, with inner hyphens and apostrophes (numbers are not words).
    Arabic vowel marks are left out first: they would cut a word in two."""
    return _WORD.findall(_ADDRESS.sub(" ", strip_marks(sentence)))


def characters(sentence: str) -> list[str]:
    """For Chinese, where sentence length is counted in characters: each Chinese character, and
    each word of any other script (a Latin abbreviation like CRS counts once)."""
    return [piece for word in words(sentence) for piece in _HAN_OR_OTHER.findall(word)]


def sentences_of(html: str, skip_classes: frozenset[str] = SKIP_CLASSES, within: str | None = None) -> list[str]:
    return [sentence for unit in reading_units(html, skip_classes, within) for sentence in split_sentences(unit)]
