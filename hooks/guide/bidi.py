"""Hidden characters that reorder text. An override (U+202D, U+202E) or an embedding (U+202A, U+202B,
U+202C) makes a reader see words in another order than the file holds, so "Call your team right
away" can read reversed, and a reviewer of the file would not see it. The direction marks (U+200E,
U+200F, U+061C) and isolates (U+2066 to U+2069) are what right-to-left text legitimately needs: allowed.

In a right-to-left page, numbers, units and Latin abbreviations are isolated (`isolate_ltr_runs`),
so the reader sees them in their own order.
"""
from __future__ import annotations

import re
import unicodedata

from .problems import Problem
from .term_marks import tokenize

REFUSED = frozenset("\u202a\u202b\u202c\u202d\u202e")


def reordering_characters(text: str, path: str) -> list[Problem]:
    """One problem per line that holds a refused character, naming it and where it is."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = [(column, char) for column, char in enumerate(line, start=1) if char in REFUSED]
        if found:
            column, char = found[0]
            problems.append(Problem(path, number, (
                f"a hidden character that changes the order of the words (U+{ord(char):04X} "
                f"{unicodedata.name(char)}) is at column {column}"
                + (f", and {len(found) - 1} more on this line" if len(found) > 1 else "")
                + ". Readers would see the words in another order. Delete it. For a word in the other "
                "direction inside a sentence, use the isolates U+2066 to U+2069 instead.")))
    return problems


# A run of Latin letters and digits inside right-to-left text: "38°C", "CAR T", "CRS", "2-3".
_LTR_RUN = re.compile(r"[A-Za-z\u00c0-\u024f0-9](?:[A-Za-z\u00c0-\u024f0-9°%+/:.,\-\u2013]*[A-Za-z\u00c0-\u024f0-9°%]"
                      r"|(?:[ \u00a0](?=[A-Za-z\u00c0-\u024f0-9])))*")
_REFERENCE = re.compile(r"(&#?\w+;)")
# Where text is never wrapped: code, pictures (drawn with their own direction), runs already isolated.
_KEEP = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "bdi", "bdo", "textarea", "title"})


def isolate_ltr_runs(html: str) -> str:
    """Right-to-left page text with each run of Latin letters and digits in <bdi dir="ltr">, so that
    "38°C" does not show as "C°38" and "(CRS)" keeps its brackets round the abbreviation."""
    out: list[str] = []
    keep: list[str] = []
    for token in tokenize(html):
        if token.kind == "start" and token.name in _KEEP and not token.raw.endswith("/>"):
            keep.append(token.name)
        elif token.kind == "end" and keep and token.name == keep[-1]:
            keep.pop()
        elif token.kind == "text" and not keep and _LTR_RUN.search(token.raw):
            # Character references ("&amp;", "&#160;") stay whole.
            out.extend(piece if piece.startswith("&") else _LTR_RUN.sub(lambda m: f'<bdi dir="ltr">{m.group(0)}</bdi>', piece)
                       for piece in _REFERENCE.split(token.raw))
            continue
        out.append(token.raw)
    return "".join(out)


_ROOT = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def set_root_direction(page: str, direction: str) -> str:
    """The page's <html> element with `dir`, so the whole document (scroll bars, form fields, the
    reader's tools) knows its direction."""
    return _ROOT.sub(lambda m: m.group(0) if " dir=" in m.group(1) else f'<html dir="{direction}"{m.group(1)}>', page, count=1)
