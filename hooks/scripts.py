"""MkDocs hook: what a script needs in the page HTML (guide.scripts, guide.bidi). In a right-to-left
page, numbers, units and Latin abbreviations are isolated, so "38°C" does not show as "C°38", in the
content (which the handouts print) and in the rest of the page (the words to know, the header);
the <html> element gets the direction too (Material sets it on <body> only). Chinese lines join
without the space a browser would show for each line break."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.bidi import isolate_ltr_runs, set_root_direction
from guide.scripts import join_wide_lines
from guide_site import site


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = join_wide_lines(html)
    return isolate_ltr_runs(html) if site.record(page, config).direction == "rtl" else html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    record = site.record(page, config)
    if record.site_direction == "rtl":
        output = set_root_direction(output, "rtl")
    return isolate_ltr_runs(output) if record.direction == "rtl" else output
