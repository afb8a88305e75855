"""MkDocs hook: what a script needs in the page HTML (guide.scripts, guide.bidi). In a right-to-left
page, numbers, units and Latin abbreviations are isolated, so "38°C" does not show as "C°38";
Chinese lines join without the space a browser would show for each line break."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.bidi import isolate_ltr_runs
from guide.scripts import join_wide_lines
from guide_site import site


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = join_wide_lines(html)
    return isolate_ltr_runs(html) if site.record(page, config).direction == "rtl" else html
