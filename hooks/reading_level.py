"""MkDocs hook: the reading-level gate. Scores each page in its own language, warns over a limit
(so `mkdocs build --strict` fails), and prints and saves a report for writers.

The logic lives in guide.reading_level (one page), guide.readability_report (the report).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from guide.disk_cache import Memo, stable_text
from guide.project import Project
from guide.reading_level import assess_box, assess_page
from guide.readability_report import PageReport, report_lines, write_json
from guide_site import site


class Measured(Memo):
    """Each page's reading level from earlier builds, by a hash of its HTML and the rules."""


def _measured() -> Measured:
    return site.memo(Measured, "reading-pages.pickle")


@dataclass
class Reports:
    pages: list[PageReport] = field(default_factory=list)
    boxes: dict[tuple[str, str], PageReport] = field(default_factory=dict)   # each shared box, once per language


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    record, reports = site.record(page, config), site.state(Reports)
    _assess_boxes(html, site.project.language(record.site_language), reports)  # in the reader's language, on every page
    if record.fallback:
        return html  # a page shown untranslated: its own language's build measured it
    assessed = _assess(html, page, record)
    reports.pages.append(assessed.report)
    record.reading = assessed.report
    site.warn(*assessed.problems)
    return html


def _assess(html: str, page: Page, record):
    """The page's reading level: measured, or from the memo when this HTML was measured before by the same rules."""
    project = site.project
    language, settings, path = project.language(record.text_language), project.settings.reading_level, f"{project.docs.name}/{record.src_uri}"
    words = project.explained_words.get(language.code, frozenset())
    return _measured().get([html, path, record.name, _rules_key(language.code), stable_text(page.meta)],
                           lambda: assess_page(html, path, record.name, language, settings, page.meta, project.english, words))


class RulesKeys(dict[str, str]):
    """Each language's record, the reading-level settings and the words its glossary explains, as text
    for the memo's keys: once per run, not once per page."""


def _rules_key(code: str) -> str:
    project = site.project
    return site.once(RulesKeys, code, lambda: stable_text((project.language(code), project.settings.reading_level,
                                                            project.explained_words.get(code, frozenset()))))


def _assess_boxes(html: str, language, reports: Reports) -> None:
    """The boxes every page shares (the short help part, the urgent box): once per language."""
    settings = site.project.settings.reading_level
    for box in ("guide-help-now", "guide-urgent"):
        if (language.code, box) not in reports.boxes and box in html:
            reports.boxes[language.code, box] = _measured().get(
                [html, box, stable_text((language, settings))],
                lambda box=box: assess_box(html, box, language, settings, site.project.english))


def on_post_build(config: MkDocsConfig) -> None:
    project, reports, language = site.project, site.state(Reports), site.language(config)
    everything = reports.pages + list(reports.boxes.values())
    columns = {code: project.language(code).columns for code in {r.language for r in everything}}
    for line in report_lines([r for r in everything if r.language == language], columns, project.settings.reading_level.report):
        site.info(line)
    site.at_end("reading level", lambda: _save(project))  # once, with every language's pages


def _save(project: Project) -> None:
    reports = site.state(Reports)
    write_json(reports.pages + list(reports.boxes.values()), Path(project.root) / project.settings.reading_level.report)
    project.save_syllables()
