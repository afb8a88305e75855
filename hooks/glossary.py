"""MkDocs hook: the glossary page from glossary/<lang>.yml, and term marks on every other page.

The logic lives in guide.words_to_know (marks, "Words to know", the glossary page) over
guide.glossary and guide.term_marks; this file wires it to MkDocs events.
"""
from __future__ import annotations

from collections import defaultdict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.disk_cache import Memo, stable_text
from guide.term_marks import MarkerError
from guide.words_to_know import glossary_body, mark_record, unused_entries
from guide_site import site


class Usage(defaultdict):
    """For each reader's language: the glossary entries found on its pages (entries on no page are reported)."""

    def __init__(self) -> None:
        super().__init__(set)


class Marked(Memo):
    """Each page's marks and glossary page from earlier builds, by a hash of the page, the glossaries and the code."""


def _memo() -> Marked:
    return site.memo(Marked, "glossary-pages.pickle")


class GlossaryTexts(dict):
    """Each language's glossary as text, made once per run."""


def _glossary_text(*languages: str) -> str:
    """The glossaries of these languages as text, once per run: part of the memo's keys."""
    return "\n".join(site.once(GlossaryTexts, language, lambda language=language: stable_text(site.project.glossaries.get(language)))
                     for language in languages)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The glossary page is a real file holding only front matter (mkdocs-static-i18n re-reads every
    # page from disk, so it must exist); its body comes from the data.
    record, project = site.record(page, config), site.project
    if record.name != project.settings.glossary.page:
        return markdown
    language, title = project.language(record.text_language), str(page.meta.get("title", "Glossary"))
    try:
        return _memo().get([markdown, page.file.src_uri, title, stable_text(language), _glossary_text(language.code)],
                           lambda: glossary_body(project.glossaries.get(language.code), markdown, f"docs/{page.file.src_uri}",
                                                 project.glossary_file(language.code), title, language.glossary_order,
                                                 language.punctuation))
    except ValueError as error:
        raise site.fail(str(error)) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    record, project = site.record(page, config), site.project
    glossary_page = site.page_file(files, project.settings.glossary.page, record.site_language, record.text_language)
    try:
        marked = _marked(html, page, record, get_relative_url(glossary_page.url, page.url))
    except (MarkerError, ValueError) as error:
        raise site.fail(f"docs/{page.file.src_uri}: {error}") from None
    if marked is None:
        return html
    site.state(Usage)[marked.glossary] |= marked.matched
    site.warn_once(*marked.warnings)
    record.words = marked.words
    return marked.html


def _marked(html: str, page: Page, record, href: str):
    """The page's marks: made, or from the memo when the same page was marked before with the same glossaries."""
    project = site.project
    return _memo().get([html, record.name, record.site_language, record.text_language, href, stable_text(page.meta),
                        stable_text(project.settings.glossary), _glossary_text(record.text_language, record.site_language)],
                       lambda: mark_record(project, record, html, href, page.meta))


def on_post_build(config: MkDocsConfig) -> None:
    language = site.language(config)  # each language's build reports on its own glossary
    usage, glossary = site.state(Usage), site.project.glossaries.get(language)
    if glossary is not None and language in usage:
        site.warn(*unused_entries(glossary, usage[language], site.project.glossary_file(language)))
