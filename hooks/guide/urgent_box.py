"""Add the shared urgent box to a page's Markdown, so it is written once per language."""
from __future__ import annotations


def append_urgent_box(markdown: str, box: str) -> str:
    """Return the page's Markdown with the urgent box at the end, as its own block.

    The box is left out of the search index: it is on every page, so it would make every page
    a result for "fever".
    """
    return f"{markdown.rstrip()}\n\n<div class=\"guide-urgent-box\" data-search-exclude markdown>\n\n{box.strip()}\n\n</div>\n"
