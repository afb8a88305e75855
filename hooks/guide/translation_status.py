"""Where each translation stands: translated, outdated, missing, draft or reviewed, glossary gaps.

One report, two forms: plain text for `make translations` and Markdown for the site's status page.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .front_matter import page_parts
from .translations import english_hash, read_meta


@dataclass
class PageStatus:
    page: str            # the page's name inside its language folder, like "crs.md"
    state: str           # "fresh", "outdated", "missing" or "broken"
    review: str = ""     # "draft" or "reviewed"
    now: str = ""        # the English page's current version
    recorded: str = ""   # the version the translation was made from
    change: list[str] = field(default_factory=list)  # what changed in the English page since then
    problems: list[str] = field(default_factory=list)


@dataclass
class LanguageStatus:
    language: str
    name: str
    pages: list[PageStatus] = field(default_factory=list)
    glossary_missing: list[str] = field(default_factory=list)
    reading: dict[str, str] = field(default_factory=dict)  # page -> short reading-level summary

    def count(self, state: str) -> int:
        return sum(p.state == state for p in self.pages)

    @property
    def ok(self) -> bool:
        return not any(p.state in ("outdated", "broken") for p in self.pages)


def body(text: str) -> str:
    return page_parts(text)[1]


def describe_change(old: str, new: str, limit: int = 40) -> list[str]:
    """The lines of the English page that changed, as a short unified diff of the page text."""
    lines = list(difflib.unified_diff(body(old).splitlines(), body(new).splitlines(), "before", "now", n=1, lineterm=""))
    return lines[2:limit + 2] + (["..."] if len(lines) > limit + 2 else [])


def collect(pages: Mapping[str, str], languages: Mapping[str, str], default: str,
            glossary_ids: Mapping[str, set[str]], old_english: Callable[[str, str], str | None] = lambda page, version: None,
            english_only: frozenset[str] = frozenset()) -> list[LanguageStatus]:
    """Status of every configured language but the default one.

    `pages` maps "es/crs.md" to the file text; `languages` maps a code to its name;
    `old_english(page, version)` returns the English page's text at that version, if history knows it.
    """
    english = {PurePosixPath(p).relative_to(default).as_posix(): t for p, t in pages.items()
               if PurePosixPath(p).parts[0] == default
               and PurePosixPath(p).relative_to(default).as_posix() not in english_only}
    statuses = []
    for language, name in languages.items():
        if language == default:
            continue
        status = LanguageStatus(language, name)
        for page, text in sorted(english.items()):
            now = english_hash(text)
            translated = pages.get(f"{language}/{page}")
            if translated is None:
                status.pages.append(PageStatus(page, "missing", now=now))
                continue
            meta, problems = read_meta(page_parts(translated)[0], f"docs/{language}/{page}", 1, hash_hint=now)
            entry = PageStatus(page, "fresh", meta.status, now, meta.source_hash or "",
                               problems=[p.message for p in problems])
            if problems:
                entry.state = "broken"
            elif meta.source_hash != now:
                entry.state = "outdated"
                old = old_english(page, meta.source_hash or "")
                entry.change = describe_change(old, text) if old is not None else []
            status.pages.append(entry)
        english_ids = glossary_ids.get(default, set())
        if language in glossary_ids:
            status.glossary_missing = sorted(english_ids - glossary_ids[language])
        else:
            status.glossary_missing = sorted(english_ids)
        statuses.append(status)
    return statuses


def as_text(statuses: list[LanguageStatus]) -> str:
    out = []
    for s in statuses:
        reviewed = sum(p.review == "reviewed" for p in s.pages if p.state != "missing")
        drafts = sum(p.review == "draft" for p in s.pages if p.state != "missing")
        out.append(f"{s.name} ({s.language}): {s.count('fresh')} up to date, {s.count('outdated')} outdated, "
                   f"{s.count('missing')} missing, {s.count('broken')} broken; {drafts} draft, {reviewed} reviewed; "
                   f"glossary entries missing: {len(s.glossary_missing)}")
        for p in s.pages:
            if p.state == "fresh":
                line = f"  {p.page}: up to date ({p.review})"
            elif p.state == "missing":
                line = f"  {p.page}: not translated (shown in English)"
            elif p.state == "broken":
                line = f"  {p.page}: " + " ".join(p.problems)
            else:
                line = f"  {p.page}: OUTDATED. After updating it, put this line in its front matter: translation_of: {p.now}"
            if p.page in s.reading:
                line += f" [{s.reading[p.page]}]"
            out.append(line)
            out += [f"      {change}" for change in p.change]
        if s.glossary_missing:
            out.append(f"  glossary/{s.language}.yml lacks: {', '.join(s.glossary_missing)}")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def as_markdown(statuses: list[LanguageStatus]) -> str:
    """The status page body: a summary table, then one section per language."""
    out = ["| Language | Up to date | Outdated | Missing | Drafts | Reviewed | Glossary entries missing |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for s in statuses:
        drafts = sum(p.review == "draft" for p in s.pages if p.state != "missing")
        reviewed = sum(p.review == "reviewed" for p in s.pages if p.state != "missing")
        out.append(f"| {s.name} | {s.count('fresh')} | {s.count('outdated')} | {s.count('missing')} | "
                   f"{drafts} | {reviewed} | {len(s.glossary_missing)} |")
    for s in statuses:
        out += ["", f"## {s.name} {{#lang-{s.language}}}", ""]
        out += ["| Page | State | Review | Reading level |", "| --- | --- | --- | --- |"]
        for p in s.pages:
            state = {"fresh": "Up to date", "missing": "Not translated", "broken": "Needs a fix",
                     "outdated": "Outdated"}[p.state]
            out.append(f"| `{p.page}` | {state} | {p.review or '-'} | {_cell(s.reading.get(p.page, '-'))} |")
        for p in s.pages:
            if p.state == "outdated":
                out += ["", f"### `docs/{s.language}/{p.page}` is outdated {{#{s.language}-{p.page.replace('.md', '').replace('/', '-')}}}", "",
                        "What changed in the English page since this translation was made:", ""]
                out += (["```diff", *p.change, "```"] if p.change else
                        ["The history does not say. Compare the translation with the English page."])
                out += ["", "When the translation is updated, put this line in its front matter:", "",
                        "```yaml", f"translation_of: {p.now}", "```"]
            if p.state == "broken":
                out += ["", f"`docs/{s.language}/{p.page}`: " + _cell(" ".join(p.problems))]
        if s.glossary_missing:
            out += ["", f"Entries missing in `glossary/{s.language}.yml` (the English definition is shown): "
                    + ", ".join(f"`{i}`" for i in s.glossary_missing) + "."]
    return "\n".join(out) + "\n"
