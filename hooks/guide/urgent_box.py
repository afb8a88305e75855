"""Where a page tells the reader to get help: a short part under the title, and the full box at the end.

The short part ("get help now") is on the first screen of every page and on page 1 of every handout:
the signs in three lines, each with its icon, and a link to the help page. The full urgent box
(docs/<lang>/_includes/urgent.md) ends only the pages listed in `urgent_box_pages`, so a short page
does not show the same help twice. Both are left out of the search index: on every page, they would
make every page a result for "fever".
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from markupsafe import escape

from .settings import Punctuation

SIGNS = (("fever", "sign_fever"), ("thinking", "sign_thinking"), ("breathing", "sign_breathing"))
_TITLE_END = re.compile(r"</h1>", re.IGNORECASE)


HELP_CLASS = "guide-help-now"


def help_now(strings: Mapping[str, str], icon: Callable[[str], str], help_href: str, lang: str, direction: str = "ltr",
             marks: Punctuation = Punctuation()) -> str:
    """The short part, as HTML: put in after the page's HTML is made, so it also follows a title that
    comes from an included file (the translating page)."""
    signs = "".join(f"<li>{icon(name)} {escape(strings[key])}</li>" for name, key in SIGNS)
    return (f'<div class="{HELP_CLASS}" lang="{escape(lang)}" dir="{escape(direction)}" data-search-exclude>'
            f'<p class="guide-help-now__title"><strong>{escape(strings["help_now_title"])}</strong></p>'
            f'<ul>{signs}</ul><p><a href="{escape(help_href)}">{escape(strings["help_now_link"])}</a>{escape(marks.stop + marks.space)}'
            f'{escape(strings["help_now_later"])}</p></div>')


def insert_after_title(html: str, block: str) -> str:
    """Put `block` right after the page's title (at the top when there is none)."""
    title = _TITLE_END.search(html)
    at = title.end() if title else 0
    return f"{html[:at]}\n{block}\n{html[at:]}"


def append_urgent_box(markdown: str, box: str) -> str:
    """Return the page's Markdown with the urgent box at the end, as its own block."""
    return f"{markdown.rstrip()}\n\n<div class=\"guide-urgent-box\" data-search-exclude markdown>\n\n{box.strip()}\n\n</div>\n"
