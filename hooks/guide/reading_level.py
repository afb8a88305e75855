"""One page's reading level from its HTML: the one function the build, `make readability` and the
translation status page all use, so their figures and rules cannot drift apart."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .languages import Language
from .page_structure import StructureRules, check_structure
from .readability import DIRECTION, check_limits, hardest, jargon, measure, score
from .readability_report import SHARES, PageReport, shown_value
from .reading_text import read_page, sentences_of
from .settings import Limit, ReadingLevel
from .syllables import EnglishSyllables, counter_for

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class PageLimits:
    """A page's own, raised fail limits from its front matter, and why."""

    limits: Mapping[str, float] = field(default_factory=dict)
    reason: str = ""
    problem: str = ""   # what is wrong with the front matter, for the writer


def page_limits(meta: Mapping) -> PageLimits:
    """Read `reading_level: {fk_grade: 9, reason: "..."}` from front matter; never raises."""
    own = meta.get("reading_level")
    if own is None:
        return PageLimits()
    example = 'like this: reading_level: {fk_grade: 9, reason: "Why this page cannot be simpler"}'
    if not isinstance(own, Mapping):
        return PageLimits(problem=f'front matter "reading_level" is {own!r}. It must name the measure and a reason, {example}.')
    reason = str(own.get("reason") or "").strip()
    limits, wrong = {}, []
    for key, value in own.items():
        if key == "reason":
            continue
        if key not in DIRECTION or isinstance(value, bool) or not isinstance(value, (int, float)):
            wrong.append(str(key))
        else:
            limits[str(key)] = float(value)
    if wrong:
        return PageLimits(problem=f'front matter "reading_level" has {", ".join(wrong)}, which is not a measure with a '
                                  f"number. Use one of: {', '.join(DIRECTION)}, {example}.")
    if limits and not reason:
        return PageLimits(problem='front matter raises the reading-level limit without a reason. Add "reason:" under '
                                  '"reading_level:" saying why, or remove the raised limit.')
    return PageLimits(limits, reason)


def language_limits(settings: ReadingLevel, language: Language) -> dict[str, dict[str, float]]:
    """The configured limits of a language as check_limits takes them ({metric: {warn: x, fail: y}});
    none for a language whose record says its reading level is reported only."""
    found: Mapping[str, Limit] = settings.limits.get(language.code, {}) if language.reading_level == "gate" else {}
    return {metric: {level: value for level, value in (("warn", limit.warn), ("fail", limit.fail)) if value is not None}
            for metric, limit in found.items()}


def structure_rules(settings: ReadingLevel, page_name: str) -> StructureRules:
    """The structure rules for a page, by its name inside its language folder ("crs.md")."""
    rules = settings.structure
    return StructureRules(key_points_ids=rules.key_points_ids, max_words_between_headings=rules.max_words_between_headings,
                          action_ids=rules.action_ids, needs_key_points=page_name not in rules.no_key_points,
                          needs_action=page_name in rules.action_pages)


def glossary_words(forms: list[str]) -> frozenset[str]:
    """The lower-case words of every glossary term and alias: long words that are explained."""
    return frozenset(word.lower() for form in forms for word in _WORD.findall(form))


@dataclass
class Assessment:
    report: PageReport
    problems: list[str]          # each one fails the strict build (a warning)


def assess_page(html: str, label: str, page_name: str, language: Language, settings: ReadingLevel, meta: Mapping,
                english: EnglishSyllables, explained: frozenset[str] = frozenset()) -> Assessment:
    """Score a page's finished HTML in its own language and check it against every rule."""
    own = page_limits(meta)
    problems = [f"{label}: {own.problem}"] if own.problem else []
    text = read_page(html)
    sentences = measure(text.sentences, counter_for(language.syllables, english), language.length_unit)
    scores = score(sentences, language.code, language.formulas, language.length_unit)
    findings = check_limits(scores, language_limits(settings, language), own.limits)
    report = PageReport(label, language.code, scores, findings,
                        check_structure(text.outline, structure_rules(settings, page_name)), reason=own.reason)
    report.hardest = hardest(sentences)
    if language.syllables == "cmudict":
        report.jargon = jargon(sentences, english.in_dictionary,
                               lambda w: w.lower() in explained or w.lower().rstrip("s") in explained)
    for finding in findings:
        if finding.level == "fail":
            problems.append(f'{label}: {finding.describe()}. Hardest sentence: "{hardest(sentences, 1)[0].text}"')
    problems += [f"{label}: {problem}." for problem in report.structure]
    return Assessment(report, problems)


def assess_box(html: str, box_class: str, language: Language, settings: ReadingLevel,
               english: EnglishSyllables) -> PageReport:
    """The reading level of one shared box (the urgent box) inside a page."""
    label = f"{box_class.removeprefix('guide-')} box ({language.code})"
    sentences = measure(sentences_of(html, within=box_class), counter_for(language.syllables, english), language.length_unit)
    scores = score(sentences, language.code, language.formulas, language.length_unit)
    return PageReport(label, language.code, scores, check_limits(scores, language_limits(settings, language)))


def summary(report: PageReport, language: Language, english: PageReport | None = None) -> str:
    """A short figure for the translation status page, like "inflesz 72.3, ok". A language only
    reported (no trusted formula) shows its main measures, in their units, and the English page's
    sentence length beside them: "avg_sentence 24.1 characters, rare_characters 1.2 % (English:
    avg_sentence 9.8 words), reported"."""
    metrics = report.scores.metrics
    value = metrics.get(language.status_metric)
    if value is None:
        return report.status
    if language.reading_level != "report":
        return f"{language.status_metric} {value:g}, {report.status}"
    parts = [f"{name} {shown_value(name, metrics[name]):.3g}{' %' if name in SHARES else ''}"
             + (f" {report.scores.unit}" if name in ("avg_sentence", "longest_sentence") else "")
             for name in dict.fromkeys((language.status_metric, *language.columns)) if name in metrics]
    if english is not None and "avg_sentence" in english.scores.metrics:
        parts[-1] += f" (English: avg_sentence {english.scores.metrics['avg_sentence']:.3g} words)"
    return ", ".join(parts) + ", reported"
