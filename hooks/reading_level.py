"""MkDocs hook: the reading-level gate. Scores each page in its own language, warns over a limit
(so `mkdocs build --strict` fails), and prints and saves a report for writers.

The logic lives in guide.reading_text, guide.readability, guide.page_structure and
guide.readability_report; this file wires it to MkDocs events.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from guide.glossary import load_glossary
from guide.page_structure import StructureRules, check_structure
from guide.readability import DIRECTION, check_limits, hardest, jargon, known_language, measure, score
from guide.readability_report import PageReport, details, table, write_json
from guide.reading_text import read_page, sentences_of
from i18n_state import LanguageStack, is_outer_build
from guide.syllables import EnglishSyllables, counter_for

log = get_plugin_logger(__name__)


@dataclass
class _State:
    root: Path = Path(".")
    settings: dict = field(default_factory=dict)
    english: EnglishSyllables | None = None
    glossary_words: dict[str, set[str]] = field(default_factory=dict)
    reports: list[PageReport] = field(default_factory=list)
    urgent: dict[str, PageReport] = field(default_factory=dict)
    warned_languages: set[str] = field(default_factory=set)
    building: LanguageStack = field(default_factory=LanguageStack)


_state = _State()


def _cache_file(language: str) -> Path:
    return _state.root / _state.settings.get("cache", ".cache/guide") / f"syllables-{language}.json"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    if not is_outer_build(config):
        return config  # keep the reports of the languages built so far
    settings = config.extra.get("guide", {}).get("reading_level", {})
    _state = _State(root=Path(config.config_file_path).parent, settings=settings)
    for language, limits in settings.get("limits", {}).items():
        for metric, levels in limits.items():
            if metric not in DIRECTION or not isinstance(levels, dict) or set(levels) - {"warn", "fail"}:
                raise PluginError(f"mkdocs.yml: extra.guide.reading_level.limits.{language}.{metric} must be one of "
                                  f"{', '.join(DIRECTION)} with warn: and/or fail: numbers, like fk_grade: {{warn: 7, fail: 8}}.")
    cache_path = _cache_file("en")
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    _state.english = EnglishSyllables(cache)
    folder = _state.root / config.extra.get("guide", {}).get("glossary", {}).get("folder", "glossary")
    for data_file in folder.glob("*.yml"):
        glossary, _ = load_glossary(data_file.read_text(encoding="utf-8"), data_file.name, data_file.stem)
        _state.glossary_words[data_file.stem] = {
            word.lower() for entry in glossary.entries for form in entry.forms for word in re.findall(r"[^\W\d_]+", form)
        }
    return config


def _rules(page: Page, language_prefix: str) -> StructureRules:
    settings = _state.settings.get("structure", {})
    name = page.file.src_uri.removeprefix(language_prefix)
    return StructureRules(
        key_points_ids=tuple(settings.get("key_points_ids", ("key-points",))),
        max_words_between_headings=int(settings.get("max_words_between_headings", 250)),
        action_ids=tuple(settings.get("action_ids", ("what-you-can-do", "when-to-call"))),
        needs_key_points=name not in settings.get("no_key_points", []),
        needs_action=name in settings.get("action_pages", []),
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    language = getattr(page.file, "locale", None) or config.theme["language"]
    if language != config.theme["language"]:
        return html  # a page shown untranslated: its own language's build measured it
    name = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    limits = _state.settings.get("limits", {}).get(language)
    if not known_language(language) and limits is None and language not in _state.warned_languages:
        _state.warned_languages.add(language)
        log.warning(f"{name}: there is no reading-level formula for the language '{language}'. Only sentence "
                    f"length and long words are measured. Add limits for '{language}' under "
                    "extra.guide.reading_level.limits in mkdocs.yml to accept that.")
    count = counter_for(language, _state.english)
    text = read_page(html)
    sentences = measure(text.sentences, count)
    scores = score(sentences, language)
    own = page.meta.get("reading_level") or {}
    reason = str(own.get("reason", "")).strip() if isinstance(own, dict) else ""
    page_limits = {k: float(v) for k, v in own.items() if k in DIRECTION} if isinstance(own, dict) else {}
    if page_limits and not reason:
        log.warning(f"{name}: front matter raises the reading-level limit without a reason. "
                    'Add "reason:" under "reading_level:" saying why, or remove the raised limit.')
        page_limits = {}
    findings = check_limits(scores, limits or {}, page_limits)
    report = PageReport(name, language, scores, findings, check_structure(text.outline, _rules(page, f"{language}/")),
                        reason=reason if page_limits else "")
    if report.status != "ok":
        report.hardest = hardest(sentences)
    if language.startswith("en"):
        glossary_words = _state.glossary_words.get(language, set())
        report.jargon = jargon(sentences, _state.english.in_dictionary,
                               lambda w: w.lower() in glossary_words or w.lower().rstrip("s") in glossary_words)
    _state.reports.append(report)
    for finding in findings:
        if finding.level == "fail":
            log.warning(f"{name}: {finding.describe()}. Hardest sentence: \"{hardest(sentences, 1)[0].text}\"")
    for problem in report.structure:
        log.warning(f"{name}: {problem}.")
    if language not in _state.urgent and "guide-urgent" in html:
        box = measure(sentences_of(html, within="guide-urgent"), count)
        box_scores = score(box, language)
        _state.urgent[language] = PageReport(f"urgent box ({language})", language, box_scores,
                                             check_limits(box_scores, limits or {}))
    return html


def on_pre_build(config: MkDocsConfig) -> None:
    _state.building.push(config)


def on_post_build(config: MkDocsConfig) -> None:
    language = _state.building.pop(config)
    everything = _state.reports + list(_state.urgent.values())
    reports = [r for r in everything if r.language == language]  # this language's build
    if not reports:
        return
    log.info("Reading level of each page (see the full report in %s):", _state.settings.get("report", "the JSON file"))
    for line in table(reports):
        log.info(line)
    for report in reports:
        if report.status != "ok":
            for line in details(report):
                log.info(line)
    report_path = _state.root / _state.settings.get("report", ".cache/guide/reading-level.json")
    write_json(everything, report_path)
    if _state.english is not None and _state.english.changed:
        path = _cache_file("en")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(dict(_state.english.cache), sort_keys=True), encoding="utf-8")
        _state.english.changed = False
