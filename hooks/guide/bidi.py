"""Hidden characters that reorder text. An override (U+202D, U+202E) or an embedding (U+202A, U+202B,
U+202C) makes a reader see words in another order than the file holds, so "Call your team right
away" can read reversed, and a reviewer of the file would not see it. The direction marks (U+200E,
U+200F, U+061C) and isolates (U+2066 to U+2069) are what right-to-left text legitimately needs: allowed.

In a right-to-left page, numbers, units and Latin abbreviations are isolated (`isolate_ltr_runs`),
so the reader sees them in their own order.
"""
from __future__ import annotations

import html as html_lib
import re
import unicodedata

from .problems import Problem
from .term_marks import VOID_ELEMENTS, tokenize

REFUSED = frozenset("\u202a\u202b\u202c\u202d\u202e")
_REFUSED = re.compile("[" + "".join(sorted(REFUSED)) + "]")


def reordering_characters(text: str, path: str) -> list[Problem]:
    """One problem per line that holds a refused character, naming it and where it is."""
    problems = []
    if not _REFUSED.search(text):  # almost always: a pattern is much faster than looking at each character
        return problems
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


# A run of Latin letters and digits inside right-to-left text: "38°C", "38 °C", "CAR T", "CRS", "2-3",
# "-5", "18+", "10 µg". Letters: Latin (with accents), Greek, the micro sign.
_L = "A-Za-z\u00b5\u00c0-\u024f\u0370-\u03ff0-9"
_LTR_RUN = re.compile(rf"(?:[-+\u2212](?=[0-9]))?[{_L}](?:[{_L}°%+/:.,\-\u2013]*[{_L}°%+]"
                      rf"|(?:[ \u00a0](?=[{_L}°%])))*")
# Where text is never wrapped: code, pictures (drawn with their own direction), runs already isolated.
_KEEP = frozenset({"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "bdi", "bdo", "textarea", "title"})
_DIR = re.compile(r"""\sdir\s*=\s*["']?(ltr|rtl|auto)""", re.IGNORECASE)


def isolate_ltr_runs(html: str, direction: str = "rtl") -> str:
    """Right-to-left text with each run of Latin letters and digits in <bdi dir="ltr">, so that
    "38°C" does not show as "C°38" and "(CRS)" keeps its brackets round the abbreviation. Only text
    whose direction (`direction`, or the nearest `dir` around it) is right to left: a page shown in
    English inside Arabic (dir="ltr") is left as it is, the Arabic help part inside it is not."""
    out: list[str] = []
    open_elements: list[tuple[str, str | None]] = []  # (name, its dir)
    keep = 0
    for token in tokenize(html):
        if token.kind == "start" and token.name not in VOID_ELEMENTS and not token.raw.endswith("/>"):
            found = _DIR.search(token.raw)
            open_elements.append((token.name, found.group(1).lower() if found else None))
            keep += token.name in _KEEP
        elif token.kind == "end":
            for depth in range(len(open_elements) - 1, -1, -1):
                if open_elements[depth][0] == token.name:
                    keep -= sum(name in _KEEP for name, _ in open_elements[depth:])
                    del open_elements[depth:]
                    break
        elif token.kind == "text" and not keep and _current(open_elements, direction) == "rtl":
            out.append(_isolate(token.raw))
            continue
        out.append(token.raw)
    return "".join(out)


def _current(open_elements: list[tuple[str, str | None]], direction: str) -> str:
    return next((d for _, d in reversed(open_elements) if d), direction)


def _isolate(raw: str) -> str:
    text = html_lib.unescape(raw)  # so "CAR&nbsp;T" and "2&ndash;3" are one run each
    if not _LTR_RUN.search(text):
        return raw
    pieces, last = [], 0
    for run in _LTR_RUN.finditer(text):
        pieces += [html_lib.escape(text[last:run.start()], quote=False),
                   f'<bdi dir="ltr">{html_lib.escape(run.group(0), quote=False)}</bdi>']
        last = run.end()
    return "".join(pieces) + html_lib.escape(text[last:], quote=False)


_ROOT = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)


def set_root_direction(page: str, direction: str) -> str:
    """The page's <html> element with `dir`, so the whole document (scroll bars, form fields, the
    reader's tools) knows its direction."""
    return _ROOT.sub(lambda m: m.group(0) if " dir=" in m.group(1) else f'<html dir="{direction}"{m.group(1)}>', page, count=1)
