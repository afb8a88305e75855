"""The writers' report: a table for the terminal, a JSON file for tools, and what to rewrite first."""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .readability import Finding, Scores, Sentence

SHORT = {"fk_grade": "grade", "smog": "SMOG", "inflesz": "INFLESZ", "fernandez_huerta": "F-H",
         "kandel_moles": "K-M", "amstad": "Amstad", "lix": "LIX", "avg_sentence": "avg",
         "longest_sentence": "longest", "long_words": "long %", "rare_characters": "rare %"}
SHARES = frozenset({"long_word_share", "long_words", "rare_characters"})  # shown as a percentage


def shown_value(metric: str, value: float) -> float:
    return value * 100 if metric in SHARES else value


@dataclass
class PageReport:
    page: str
    language: str
    scores: Scores
    findings: list[Finding] = field(default_factory=list)
    structure: list[str] = field(default_factory=list)
    hardest: list[Sentence] = field(default_factory=list)
    jargon: list[str] = field(default_factory=list)
    reason: str = ""  # why the page raised its own limit, from front matter

    @property
    def status(self) -> str:
        if any(f.level == "fail" for f in self.findings) or self.structure:
            return "FAIL"
        if any(f.level == "warn" for f in self.findings):
            return "warn"
        return "ok"

    def as_dict(self) -> dict:
        return {
            "page": self.page, "language": self.language, "status": self.status,
            "scores": self.scores.as_dict(),
            "findings": [{"level": f.level, "metric": f.metric, "value": f.value, "limit": f.limit,
                          "raised_by_page": f.raised_by_page, "message": f.describe()} for f in self.findings],
            "structure": self.structure, "reason": self.reason, "jargon": self.jargon,
            "hardest": [{"text": s.text, "words": s.words, "long_words": list(s.long_words)} for s in self.hardest],
        }


def table(reports: list[PageReport], columns: Mapping[str, tuple[str, ...]]) -> list[str]:
    """Lines of a plain table: page, language, words, the language's main scores (`columns`), status."""
    lines = []
    for language in dict.fromkeys(r.language for r in reports):
        shown = columns.get(language, ("avg_sentence", "lix"))
        rows = [r for r in reports if r.language == language]
        width = max(len(r.page) for r in rows)
        head = f"{'page':<{width}}  lang  words  " + "  ".join(f"{SHORT.get(c, c):>7}" for c in shown) + "  status"
        lines.append(head)
        for r in rows:
            values = "  ".join(f"{shown_value(c, r.scores.metrics.get(c, float('nan'))):>7.1f}" for c in shown)
            note = f"  (own limit: {r.reason})" if r.reason else ""
            lines.append(f"{r.page:<{width}}  {r.language:<4}  {r.scores.words:>5}  {values}  {r.status}{note}")
    return lines


def details(report: PageReport) -> list[str]:
    """What a writer needs for a page over a limit: the findings and the five hardest sentences."""
    lines = [f"{report.page}: {f.describe()}" for f in report.findings]
    lines += [f"{report.page}: {problem}" for problem in report.structure]
    if report.hardest:
        lines.append(f"{report.page}: the hardest sentences, to rewrite first:")
    for sentence in report.hardest:
        long_words = ", ".join(sentence.long_words) or "none"
        lines.append(f"  {sentence.words:>2} words, long words: {long_words}: {sentence.text}")
    if report.jargon:
        lines.append("  explain or replace: " + ", ".join(report.jargon))
    return lines


def write_json(reports: list[PageReport], path: Path, extra: dict | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"pages": [r.as_dict() for r in reports], **(extra or {})}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


def report_lines(reports: list[PageReport], columns: Mapping[str, tuple[str, ...]], report_file: str) -> list[str]:
    """What the build log shows for one language: the table, then the details of each page not "ok"."""
    if not reports:
        return []
    lines = [f"Reading level of each page (see the full report in {report_file}):", *table(reports, columns)]
    for report in reports:
        if report.status != "ok":
            lines += details(report)
    return lines
