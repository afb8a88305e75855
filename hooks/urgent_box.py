"""MkDocs hook: the short "get help now" part under every page's title, and the full urgent box at
the end of the pages listed in `urgent_box_pages` (guide.urgent_box)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.urgent_box import append_urgent_box, help_now, insert_after_title
from guide_site import site


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    record = site.record(page, config)
    if record.name not in site.project.settings.urgent_box_pages:
        return markdown
    # The reader's language, even on a page shown untranslated: this box is about their safety.
    return append_urgent_box(markdown, site.project.urgent[record.site_language])


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    record, project = site.record(page, config), site.project
    if record.name == project.settings.help_page:  # it starts with the signs themselves
        return html
    target = site.page_file(files, project.settings.help_page, record.site_language, record.text_language)
    if target is None:
        raise site.fail(f"docs/{project.default}/{project.settings.help_page}: the help page is missing. Every page "
                        "links to it. Add it, or set `extra.guide.help_page` in mkdocs.yml.")
    return insert_after_title(html, help_now(record.strings, project.pictures.icon, get_relative_url(target.url, page.url),
                                             record.site_language, record.site_direction,
                                             project.language(record.site_language).punctuation))
