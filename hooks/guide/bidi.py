"""Hidden characters that reorder text. An override (U+202D, U+202E) or an embedding (U+202A, U+202B,
U+202C) makes a reader see words in another order than the file holds, so "Call your team right
away" can read reversed, and a reviewer of the file would not see it. The direction marks (U+200E,
U+200F, U+061C) and isolates (U+2066 to U+2069) are what right-to-left text legitimately needs: allowed.
"""
from __future__ import annotations

import unicodedata

from .problems import Problem

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
