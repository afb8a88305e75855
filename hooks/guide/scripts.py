"""What the guide must know about writing systems beyond Latin script.

- Chinese and Japanese are written without spaces between words: lines may break between their
  characters, glossary terms may sit right against their neighbours, search needs segmenting.
- Arabic (like Hebrew) may carry vowel marks and other combining marks over or under its letters.
  Readers and writers leave them out or put them in at will, so matching and counting ignore them.
- Arabic words may carry the article and one-letter words written joined to them ("الخلايا",
  "وللخلايا"); a language's `prefixes` (in the language table) list them.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Han (Chinese characters, also used in Japanese), kana and CJK symbols: written without spaces.
NO_SPACE = "\u2e80-\u2fdf\u3005-\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Closing punctuation stays with the character before it when a line breaks.
CLOSING = "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff09\u300b\u300d\u300f\u3011\u201d\u2019)\\].,:;!?"
# A letter of a script that separates words with spaces (the edge of a whole word there).
SPACED_LETTER = rf"[^\W{NO_SPACE}]"
TATWEEL = "\u0640"  # stretches an Arabic word; carries no meaning


def strip_marks(text: str) -> str:
    """The text without combining marks that stand on their own after NFC (Arabic vowel marks,
    shadda, superscript alef) and without tatweel. Letters with accents, which NFC composes into
    one character ("é"), keep them: removing those changes the word in Spanish or French."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if not unicodedata.combining(c) and c != TATWEEL)


def strip_marks_mapped(text: str) -> tuple[str, list[int]]:
    """`strip_marks` of an NFC text, with the place in `text` of each character kept, so a match in
    the stripped text can be found in the original."""
    kept, places = [], []
    for place, char in enumerate(text):
        if not unicodedata.combining(char) and char != TATWEEL:
            kept.append(char)
            places.append(place)
    return "".join(kept), places


def without_prefix(word: str, prefixes: Iterable[str], shortest: int = 2) -> set[str]:
    """The word with each prefix it starts with taken off, where at least `shortest` letters are left:
    "والخلايا" -> {"الخلايا", "خلايا"} for Arabic's prefixes (the word itself not included)."""
    return {word[len(p):] for p in prefixes if word.startswith(p) and len(word) - len(p) >= shortest}


_WIDE = rf"{NO_SPACE}\u3000-\u303f\uff00-\uffef"  # with the full-width punctuation: "。", "，", "（"
_LINE_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t]*\n[ \t]*(?=[{_WIDE}])")


def join_wide_lines(html: str) -> str:
    """Chinese written one sentence per line (like the English files) without the space a browser
    shows for each line break: CSS says to drop a line break between such characters, browsers do not."""
    return _LINE_BREAK.sub("", html)


def drawn_order(text: str) -> str:
    """Right-to-left text for a renderer that draws a line letter by letter, left to right, without
    joining letters (WeasyPrint's SVG text): Arabic letters in their joined forms (arabic-reshaper),
    in the order they are seen (python-bidi). Pages on screen never need it: browsers shape SVG text."""
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))
