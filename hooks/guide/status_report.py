"""The translation status of a project: each translation's state and reading level, problems to fix
and lines to tell. Used by the build (the status page, the notices) and by `make translations`."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from .disk_cache import code_version, stable_text
from .history import english_finder
from .project import Project
from .reading_level import summary
from .translation_status import LanguageStatus, PageStatus, collect


@dataclass
class TranslationReport:
    statuses: list[LanguageStatus] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # broken translations: the build stops
    notes: list[str] = field(default_factory=list)      # outdated translations: said, not failed

    def entry(self, language: str, page: str) -> PageStatus | None:
        return next((p for s in self.statuses if s.language == language for p in s.pages if p.page == page), None)


def translation_report(project: Project, languages: dict[str, str] | None = None) -> TranslationReport:
    """Where each translation of `languages` (default: the built ones) stands; reading levels are
    cached by page text and settings, so a warm build measures none."""
    languages = languages or {code: name for code, name in project.inputs.names.items() if code in project.inputs.built}
    glossary_ids = {code: {entry.id for entry in g.entries} for code, g in project.glossaries.items()}
    statuses = collect(project.pages, languages, project.default, glossary_ids,
                       english_finder(project.root, f"{project.docs.name}/{project.default}"),
                       frozenset(project.settings.english_only))
    report = TranslationReport(statuses)
    _add_reading_levels(project, statuses)
    for status in statuses:
        for page in status.pages:
            report.problems += [f"docs/{status.language}/{page.page}:1: {message}" for message in page.problems]
        outdated = [p.page for p in status.pages if p.state == "outdated"]
        if outdated:
            report.notes.append(f"{status.name}: {len(outdated)} translated pages may be out of date: "
                                f'{", ".join(outdated)}. Run "make translations" to see what changed.')
    return report


def _add_reading_levels(project: Project, statuses: list[LanguageStatus]) -> None:
    cache_file = project.root / project.settings.reading_level.cache / "translation-reading.json"
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    size = len(cache)
    # New limits, Markdown extensions or glossary words give new figures.
    rules = stable_text((code_version(), project.settings.reading_level, project.inputs.markdown_extensions,
                         project.inputs.mdx_configs, sorted(project.explained_words.get(project.default, ()))))
    for status in statuses:
        language = project.language(status.language)
        for page in status.pages:
            if page.state not in ("fresh", "outdated"):
                continue
            src = f"{status.language}/{page.page}"
            english_src = f"{project.default}/{page.page}"
            english_text = project.pages.get(english_src, "") if language.reading_level == "report" else ""
            key = hashlib.sha256(f"{rules}\n{language}\n{project.pages[src]}\n{english_text}".encode()).hexdigest()[:16]
            if key not in cache:
                # A language only reported is shown beside the English page's figure (in the key above).
                english = project.assess_source(english_src).report if english_text else None
                cache[key] = summary(project.assess_source(src).report, language, english)
            status.reading[page.page] = cache[key]
    if len(cache) != size:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(cache, indent=0), encoding="utf-8")
