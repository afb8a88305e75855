"""Reading-level scores for a page's sentences, in the page's own language, and the limits they must meet.

English: Flesch-Kincaid grade, SMOG, Flesch Reading Ease. Spanish: Szigriszt-Pazos on the INFLESZ
scale, and Fernández-Huerta. French: Kandel-Moles. German: Amstad. Every language, known or not,
also gets the fallback measures: average sentence length, share of long words and LIX.

Arabic and Chinese have no formula we trust (textstat's OSMAN swings from 90 to -7 with vowel
marks), so they are reported, not checked, with simple measures from the literature: for Arabic,
sentence length in words and the share of words longer than six letters, vowel marks left out;
for Chinese, sentence length in characters and the share of characters outside the 3,500 common
ones of the 2013 Table of General Standard Chinese Characters (data/zh-common-characters.txt).
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from .reading_text import characters, words
from .scripts import HAN

HAN_CHAR = re.compile(f"[{HAN}]")

# Which way is harder for each metric: "max" means higher is harder, "min" means lower is harder.
DIRECTION = {
    "fk_grade": "max", "smog": "max", "longest_sentence": "max", "avg_sentence": "max",
    "long_word_share": "max", "lix": "max", "long_words": "max", "rare_characters": "max",
    "flesch_reading_ease": "min", "inflesz": "min", "fernandez_huerta": "min", "kandel_moles": "min", "amstad": "min",
}
LABELS = {
    "fk_grade": "grade", "smog": "SMOG", "flesch_reading_ease": "reading ease", "inflesz": "INFLESZ",
    "fernandez_huerta": "Fernández-Huerta", "kandel_moles": "Kandel-Moles", "amstad": "Amstad",
    "longest_sentence": "longest sentence (words)", "avg_sentence": "average sentence (words)",
    "long_word_share": "share of words with 3+ syllables", "lix": "LIX",
    "long_words": "share of words longer than 6 letters", "rare_characters": "share of characters outside the 3,500 common",
}
UNITS = {"words": words, "characters": characters}   # what a sentence's length is counted in


@cache
def common_characters() -> frozenset[str]:
    text = (Path(__file__).parent / "data" / "zh-common-characters.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


def label(metric: str, unit: str = "words") -> str:
    return LABELS.get(metric, metric).replace("(words)", f"({unit})")


@dataclass(frozen=True)
class Sentence:
    text: str
    words: int
    syllables: int
    long_words: tuple[str, ...]  # words of three or more syllables


@dataclass
class Scores:
    language: str
    sentences: int
    words: int
    syllables: int
    polysyllables: int
    metrics: dict[str, float] = field(default_factory=dict)
    over_20: int = 0
    over_25: int = 0
    unit: str = "words"   # or "characters" (Chinese)

    def as_dict(self) -> dict:
        return asdict(self)


def measure(sentences: list[str], count: Callable[[str], int], unit: str = "words") -> list[Sentence]:
    measured = []
    for text in sentences:
        found = UNITS[unit](text)
        if not found:
            continue
        counts = [count(word) for word in found]
        measured.append(Sentence(text, len(found), sum(counts),
                                 tuple(w for w, n in zip(found, counts) if n >= 3)))
    return measured


# Each formula from words per sentence (wps), syllables per word (spw), sentences (s), words (w) and
# words of three or more syllables (poly). Which ones a language gets is in guide.languages.
FORMULAS: dict[str, Callable[[float, float, int, int, int], float]] = {
    "fk_grade": lambda wps, spw, s, w, poly: 0.39 * wps + 11.8 * spw - 15.59,
    "flesch_reading_ease": lambda wps, spw, s, w, poly: 206.835 - 1.015 * wps - 84.6 * spw,
    "smog": lambda wps, spw, s, w, poly: 1.0430 * math.sqrt(poly * 30 / s) + 3.1291,
    "inflesz": lambda wps, spw, s, w, poly: 206.835 - 62.3 * spw - wps,  # Szigriszt-Pazos, on the INFLESZ scale
    "fernandez_huerta": lambda wps, spw, s, w, poly: 206.84 - 60 * spw - 102 * (s / w),
    "kandel_moles": lambda wps, spw, s, w, poly: 207 - 1.015 * wps - 73.6 * spw,
    "amstad": lambda wps, spw, s, w, poly: 180 - wps - 58.5 * spw,
}


def score(sentences: list[Sentence], language: str, formulas: tuple[str, ...] = (), unit: str = "words") -> Scores:
    """The language's `formulas`, plus the fallback measures every language gets."""
    s = len(sentences)
    w = sum(x.words for x in sentences)
    syl = sum(x.syllables for x in sentences)
    poly = sum(len(x.long_words) for x in sentences)
    result = Scores(language, s, w, syl, poly, unit=unit)
    result.over_20 = sum(x.words > 20 for x in sentences)
    result.over_25 = sum(x.words > 25 for x in sentences)
    if not s or not w:
        return result
    wps, spw = w / s, syl / w
    long_letters = sum(sum(len(word) > 6 for word in words(x.text)) for x in sentences)
    m = result.metrics
    m["avg_sentence"] = round(wps, 2)
    m["longest_sentence"] = max(x.words for x in sentences)
    m["long_word_share"] = round(poly / w, 4)
    m["lix"] = round(wps + 100 * long_letters / w, 2)
    m["long_words"] = round(long_letters / w, 4)
    if unit == "characters":
        han = [c for x in sentences for c in HAN_CHAR.findall(x.text)]
        m["rare_characters"] = round(sum(c not in common_characters() for c in han) / len(han), 4) if han else 0.0
    for name in formulas:
        m[name] = round(FORMULAS[name](wps, spw, s, w, poly), 2)
    return result


@dataclass(frozen=True)
class Finding:
    level: str      # "warn" or "fail"
    metric: str
    value: float
    limit: float
    raised_by_page: bool = False

    def describe(self) -> str:
        word = "above" if DIRECTION[self.metric] == "max" else "below"
        note = " (this page's own limit)" if self.raised_by_page else ""
        return f"{label(self.metric)} {self.value:g} is {word} the {self.level} limit of {self.limit:g}{note}"


def check_limits(scores: Scores, limits: Mapping[str, Mapping[str, float]],
                 page_limits: Mapping[str, float] | None = None) -> list[Finding]:
    """Compare the scores with `limits` ({metric: {warn: x, fail: y}}); a page may raise a fail limit."""
    findings: list[Finding] = []
    page_limits = page_limits or {}
    for metric, levels in limits.items():
        if metric not in scores.metrics:
            continue
        value = scores.metrics[metric]
        harder = (lambda v, lim: v > lim) if DIRECTION[metric] == "max" else (lambda v, lim: v < lim)
        for level in ("fail", "warn"):
            if level not in levels:
                continue
            limit = levels[level]
            raised = level == "fail" and metric in page_limits
            if raised:
                limit = page_limits[metric]
            if harder(value, limit):
                findings.append(Finding(level, metric, value, limit, raised))
                break  # a failure already says more than the warning
    return findings


def hardest(sentences: list[Sentence], n: int = 5) -> list[Sentence]:
    """The sentences a writer should rewrite first: longest, then with the most long words."""
    return sorted(sentences, key=lambda x: (x.words + 3 * len(x.long_words), x.words), reverse=True)[:n]


def jargon(sentences: list[Sentence], is_common: Callable[[str], bool], explained: Callable[[str], bool]) -> list[str]:
    """Long words (3+ syllables) that are neither common nor in the glossary: explain or replace them."""
    found: dict[str, None] = {}
    for sentence in sentences:
        for word in sentence.long_words:
            if not is_common(word) and not explained(word):
                found.setdefault(word.lower(), None)
    return list(found)
