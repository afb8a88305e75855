"""The "Words to know" part of a page: the glossary terms marked on it, defined in the reader's language,
or in the page text's language when the reader's glossary lacks the entry (and that is reported)."""
from __future__ import annotations

import dataclasses
import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .glossary import Glossary, glossary_page
from .page_record import PageRecord, Word, WordsToKnow
from .settings import Punctuation
from .term_marks import Matcher, mark_terms

if TYPE_CHECKING:
    from .project import Project


@dataclass(frozen=True)
class MarkedPage:
    html: str
    words: WordsToKnow
    matched: frozenset[str]         # every entry found on the page (marked or not)
    missing: tuple[str, ...]        # entries the reader's glossary lacks: the fallback definition is shown
    glossary: str = ""              # the language of the glossary that explains the words
    warnings: tuple[str, ...] = ()  # for the writer: the entries missing in the reader's glossary


def mark_record(project: Project, record: PageRecord, page_html: str, href: str, meta: Mapping) -> MarkedPage | None:
    """Mark a page of the build, or None for a page that gets no marks (the glossary page, `glossary: false`)."""
    matching = project.glossaries.get(record.text_language)    # terms as written in the page's text
    if matching is None or record.name == project.settings.glossary.page or meta.get("glossary") is False:
        return None
    explaining = project.glossaries.get(record.site_language, matching)  # definitions in the reader's language
    marked = mark_page(page_html, project.matchers[record.text_language], explaining, matching, href,
                       meta.get("glossary_mode", project.settings.glossary.mode), record.text_language)
    warnings = tuple(f'{project.glossary_file(record.site_language)}: the entry "{entry_id}" is missing, so the '
                     f"{record.text_language} definition is shown. Add the entry, translated." for entry_id in marked.missing)
    return dataclasses.replace(marked, glossary=explaining.language, warnings=warnings)


def mark_page(page_html: str, matcher: Matcher | None, own: Glossary, fallback: Glossary, href: str,
              mode: str, text_language: str) -> MarkedPage:
    """Mark the glossary terms of a page and list their definitions; raises MarkerError or ValueError."""

    def render(entry_id: str, term: str) -> str:
        return f'<a class="guide-term" href="{html.escape(href)}#{entry_id}" data-guide-term="{entry_id}">{term}</a>'

    marks = mark_terms(page_html, matcher, render, mode)
    mine, theirs = own.by_id(), fallback.by_id()
    entries, missing = [], []
    for entry_id in marks.marked:
        entry, lang = mine.get(entry_id), ""
        if entry is None:
            entry, lang = theirs[entry_id], text_language
            missing.append(entry_id)
        entries.append(Word(entry_id, entry.headword, entry.definition, f"{href}#{entry_id}", lang))
    words = WordsToKnow(own.labels["words_to_know"], own.labels["more"], tuple(entries))
    return MarkedPage(marks.html, words, frozenset(marks.matched), tuple(missing))


def glossary_body(glossary: Glossary | None, written: str, path: str, data_file: str, title: str,
                  order: str = "letters", marks: Punctuation = Punctuation()) -> str:
    """The glossary page's Markdown, made from the data; raises ValueError with the fix for a writer."""
    if glossary is None:
        raise ValueError(f"{path}: there is no {data_file} to make this page from. "
                         "Add it: copy the English glossary file and translate the definitions.")
    if written.strip():
        raise ValueError(f"{path}: this page is made from {data_file}. "
                         "Keep only its front matter here, and edit the terms in the data file.")
    return glossary_page(glossary, title, order, marks)


def unused_entries(glossary: Glossary, used: set[str], data_file: str) -> list[str]:
    """One message per entry whose term appears on no page of the language."""
    return [f'{data_file}:{entry.line}: the term "{entry.term}" (entry "{entry.id}") appears on no page. Use it in a '
            "page, add the word the pages use as an alias, or remove the entry." for entry in glossary.entries
            if entry.id not in used]
