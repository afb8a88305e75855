"""Where a page tells the reader to get help: a short part under the title, and the full box at the end.

The short part ("get help now") is on the first screen of every page and on page 1 of every handout:
the signs in three lines, each with its icon, and a link to the help page. The full urgent box
(docs/<lang>/_includes/urgent.md) ends only the pages listed in `urgent_box_pages`, so a short page
does not show the same help twice. Both are left out of the search index: on every page, they would
make every page a result for "fever".
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping

SIGNS = (("fever", "sign_fever"), ("thinking", "sign_thinking"), ("breathing", "sign_breathing"))
_TITLE = re.compile(r"^# .*$", re.MULTILINE)


def help_now(strings: Mapping[str, str], icon: Callable[[str], str], help_link: str, lang: str) -> str:
    """The short part, as Markdown inside one HTML block (md_in_html), so MkDocs checks the link."""
    signs = "\n".join(f"- {icon(name)} {strings[key]}" for name, key in SIGNS)
    return (f'<div class="guide-help-now" lang="{lang}" data-search-exclude markdown>\n\n'
            f'**{strings["help_now_title"]}**\n{{: .guide-help-now__title }}\n\n{signs}\n\n'
            f'[{strings["help_now_link"]}]({help_link}). {strings["help_now_later"]}\n\n</div>')


def link_to(target: str, page: str) -> str:
    """The relative Markdown link from one page of a language folder to another."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def insert_after_title(markdown: str, block: str) -> str:
    """Put `block` right after the page's title line (at the top when there is none)."""
    title = _TITLE.search(markdown)
    at = title.end() if title else 0
    return f"{markdown[:at]}\n\n{block}\n\n{markdown[at:].lstrip(chr(10))}"


def append_urgent_box(markdown: str, box: str) -> str:
    """Return the page's Markdown with the urgent box at the end, as its own block."""
    return f"{markdown.rstrip()}\n\n<div class=\"guide-urgent-box\" data-search-exclude markdown>\n\n{box.strip()}\n\n</div>\n"
