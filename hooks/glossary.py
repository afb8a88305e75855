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

from guide.term_marks import MarkerError
from guide.words_to_know import glossary_body, mark_record, unused_entries
from guide_site import site


class Usage(defaultdict):
    """For each reader's language: the glossary entries found on its pages (entries on no page are reported)."""

    def __init__(self) -> None:
        super().__init__(set)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The glossary page is a real file holding only front matter (mkdocs-static-i18n re-reads every
    # page from disk, so it must exist); its body comes from the data.
    record, project = site.record(page, config), site.project
    if record.name != project.settings.glossary.page:
        return markdown
    try:
        return glossary_body(project.glossaries.get(record.text_language), markdown, f"docs/{page.file.src_uri}",
                             project.glossary_file(record.text_language), str(page.meta.get("title", "Glossary")),
                             project.language(record.text_language).glossary_order,
                             project.language(record.text_language).punctuation)
    except ValueError as error:
        raise site.fail(str(error)) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    record, project = site.record(page, config), site.project
    glossary_page = site.page_file(files, project.settings.glossary.page, record.site_language, record.text_language)
    try:
        marked = mark_record(project, record, html, get_relative_url(glossary_page.url, page.url), page.meta)
    except (MarkerError, ValueError) as error:
        raise site.fail(f"docs/{page.file.src_uri}: {error}") from None
    if marked is None:
        return html
    site.state(Usage)[marked.glossary] |= marked.matched
    site.warn_once(*marked.warnings)
    record.words = marked.words
    return marked.html


def on_post_build(config: MkDocsConfig) -> None:
    language = site.language(config)  # each language's build reports on its own glossary
    usage, glossary = site.state(Usage), site.project.glossaries.get(language)
    if glossary is not None and language in usage:
        site.warn(*unused_entries(glossary, usage[language], site.project.glossary_file(language)))
