"""MkDocs hook: the short "get help now" part under every page's title, and the full urgent box at
the end of the pages listed in `urgent_box_pages` (guide.urgent_box)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.urgent_box import append_urgent_box, help_now, insert_after_title, link_to
from guide_site import site


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The reader's language, even on a page shown untranslated: this part is about their safety.
    record, project, settings = site.record(page, config), site.project, site.project.settings
    if record.name != settings.help_page:  # the help page starts with the signs themselves
        part = help_now(record.strings, project.pictures.icon, link_to(settings.help_page, record.name), record.site_language)
        markdown = insert_after_title(markdown, part)
    if record.name in settings.urgent_box_pages:
        markdown = append_urgent_box(markdown, project.urgent[record.site_language])
    return markdown
