"""MkDocs hook: end every page with the urgent box from docs/<language>/_includes/urgent.md."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.urgent_box import append_urgent_box
from guide_site import site


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The reader's language, even on a page shown untranslated: this box is about their safety.
    return append_urgent_box(markdown, site.project.urgent[site.record(page, config).site_language])
