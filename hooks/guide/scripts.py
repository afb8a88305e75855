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
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
NO_SPACE = f"\u2e80-\u2fdf\u3005-\u3007\u3040-\u30ff{HAN}"
HAN_RUN = re.compile(f"[{HAN}]+")
# Closing punctuation stays with the character before it when a line breaks.
CLOSING = "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff09\u300b\u300d\u300f\u3011\u201d\u2019)\\].,:;!?"
# A letter of a script that separates words with spaces (the edge of a whole word there).
SPACED_LETTER = rf"[^\W{NO_SPACE}]"
# Marks readers and writers put in or leave out at will: Arabic vowel marks, shadda, superscript
# alef, Quranic marks and tatweel (it only stretches a word); Hebrew points. Marks of other scripts
# (a Hindi virama, a Thai tone mark) are part of the word's spelling and stay.
_OPTIONAL_MARK = re.compile("[\u0591-\u05c7\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]")


def strip_marks(text: str) -> str:
    """The text without the optional marks above. Letters with accents ("é") keep them: removing
    those changes the word in Spanish or French."""
    return strip_marks_mapped(unicodedata.normalize("NFC", text))[0]


# Arabic letters people often type one for another: alef with hamza or madda as bare alef, alef
# maqsura as yeh, teh marbuta as heh ("حمي" for "حمى").
_ARABIC_LOOSE = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0649": "\u064a",
                               "\u0629": "\u0647"})


def loose_arabic(word: str) -> str:
    """The word as it is often typed on a phone (see _ARABIC_LOOSE); other words are unchanged."""
    return word.translate(_ARABIC_LOOSE)


def has_marks(text: str) -> bool:
    return _OPTIONAL_MARK.search(text) is not None


def strip_marks_mapped(text: str) -> tuple[str, list[int]]:
    """`strip_marks` of an NFC text, with the place in `text` of each character kept, so a match in
    the stripped text can be found in the original."""
    if not has_marks(text):  # nearly all text: no copy character by character
        return text, range(len(text))  # type: ignore[return-value]  # indexable like the list
    kept, places = [], []
    for place, char in enumerate(text):
        if not _OPTIONAL_MARK.match(char):
            kept.append(char)
            places.append(place)
    return "".join(kept), places


def prefix_readings(word: str, prefixes: Iterable[str], shortest: int = 2) -> set[str]:
    """The word with up to two prefixes taken off ("وللخلايا": "و", then "لل"), the word itself not included."""
    once = without_prefix(word, prefixes, shortest)
    return once | set().union(*(without_prefix(w, prefixes, shortest) for w in once)) if once else set()


def without_prefix(word: str, prefixes: Iterable[str], shortest: int = 2) -> set[str]:
    """The word with each prefix it starts with taken off, where at least `shortest` letters are left:
    "والخلايا" -> {"الخلايا", "خلايا"} for Arabic's prefixes (the word itself not included)."""
    return {word[len(p):] for p in prefixes if word.startswith(p) and len(word) - len(p) >= shortest}


_WIDE = rf"{NO_SPACE}\u3000-\u303f\uff00-\uffef"  # with the full-width punctuation: "。", "，", "（"
# Starts with the character, not a look-behind: the search then skips ahead to a wide character,
# instead of trying the look-behind at every place of every page in every language.
_LINE_BREAK = re.compile(rf"([{_WIDE}])[ \t]*\n[ \t]*(?=[{_WIDE}])")


def join_wide_lines(html: str) -> str:
    """Chinese written one sentence per line (like the English files) without the space a browser
    shows for each line break: CSS says to drop a line break between such characters, browsers do not."""
    return _LINE_BREAK.sub(r"\1", html)


def drawn_order(text: str) -> str:
    """Right-to-left text for a renderer that draws a line letter by letter, left to right, without
    joining letters (WeasyPrint's SVG text): Arabic letters in their joined forms (arabic-reshaper),
    in the order they are seen (python-bidi). Pages on screen never need it: browsers shape SVG text."""
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text), base_dir="R")  # a line starting with "CAR T" is still Arabic
