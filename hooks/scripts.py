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
from guide.disk_cache import Memo
from guide.scripts import join_wide_lines
from guide_site import site


class Isolated(Memo):
    """Pages whose numbers and Latin words were isolated in earlier builds, by a hash of their HTML."""


def _memo() -> Isolated:
    return site.memo(Isolated, "scripts-pages.pickle")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html, record = join_wide_lines(html), site.record(page, config)
    if "rtl" not in (record.direction, record.site_direction):
        return html
    # The content (which the handouts print) in its own direction: on a page shown in English
    # inside Arabic, only the Arabic help part.
    return _memo().get([html, record.direction], lambda: isolate_ltr_runs(html, record.direction))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if site.record(page, config).site_direction != "rtl":
        return output
    # Also on a page shown in English: its menu, header and help part are in the reader's language.
    return _memo().get([output, "page"], lambda: isolate_ltr_runs(set_root_direction(output, "rtl"), "rtl"))
