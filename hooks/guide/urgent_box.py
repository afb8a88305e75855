"""Add the shared urgent box to a page's Markdown, so it is written once per language."""
from __future__ import annotations


def append_urgent_box(markdown: str, box: str) -> str:
    """Return the page's Markdown with the urgent box at the end, as its own block."""
    return f"{markdown.rstrip()}\n\n{box.strip()}\n"
