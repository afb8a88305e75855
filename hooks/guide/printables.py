"""Things to print: a diary, a wallet card, a question sheet and a checklist, in every language.

Each is a template in overrides/handouts/printables/ filled with the language's words (strings.yml);
the question sheet gathers the "questions" part of the pages, and the checklist is the "checklist"
part of the things-to-print page, so translators translate them as page text. The handout pipeline
renders them (fonts, tags, language, QR code, cache). A page links them with a line of its own:
`[print: diary]`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import escape

from .problems import Problem

# Each printable, and whether it has a large-print copy (the wallet card has one size: ID-1).
PRINTABLES = {"diary": True, "wallet-card": False, "questions": True, "checklist": True}
TITLES = {"diary": "diary_title", "wallet-card": "wallet_title", "questions": "questions_title",
          "checklist": "checklist_title"}
MARKER = re.compile(r"^\[print: *([a-z-]+) *\][ \t]*$", re.MULTILINE)
LINKS_CLASS = "guide-print-links"
_H2 = re.compile(r"<h2\b[^>]*>", re.IGNORECASE)
_LI = re.compile(r"<li\b[^>]*>(.*?)</li>", re.IGNORECASE | re.DOTALL)
_FIRST_LIST = re.compile(r"<(ul|ol)\b[^>]*>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_LINKS = re.compile(rf'<p class="{LINKS_CLASS}">.*?</p>', re.DOTALL)


def file_name(name: str, large: bool) -> str:
    return f"{name}-large.pdf" if large else f"{name}.pdf"


def print_links(markdown: str, strings: Mapping[str, str], path: str, home: str | None = None,
                first_line: int = 1) -> tuple[str, list[Problem]]:
    """Replace each `[print: name]` line with links to that printable's PDF files, which are made next
    to the page `home` (when this page is another one, the line is a problem)."""
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        name, line = match.group(1), first_line + markdown.count("\n", 0, match.start())
        if name not in PRINTABLES:
            problems.append(Problem(path, line, f"there is nothing to print called `{name}`. Use one of: {', '.join(PRINTABLES)}."))
            return ""
        if home is not None:
            problems.append(Problem(path, line, f"`[print: {name}]` lines belong on {home}, where the files are made. "
                                    f"Link to that page instead: [{strings[TITLES[name]]}]({home})."))
            return ""
        title = strings[TITLES[name]]
        links = [(file_name(name, False), strings["print_file"].format(title=title))]
        if PRINTABLES[name]:
            links.append((file_name(name, True), strings["print_large_file"].format(title=title)))
        anchors = " · ".join(f'<a href="{href}" type="application/pdf">{escape(text)}</a>' for href, text in links)
        return f'<p class="{LINKS_CLASS}">{anchors}</p>'

    return MARKER.sub(replace, markdown), problems


def section(html: str, section_id: str) -> str:
    """The HTML of a page's part, from after its <h2 id="..."> to the next <h2> (empty when none)."""
    start = re.search(rf'<h2\b[^>]*\bid="{re.escape(section_id)}"[^>]*>.*?</h2>', html, re.IGNORECASE | re.DOTALL)
    if not start:
        return ""
    end = _H2.search(html, start.end())
    return _LINKS.sub("", html[start.end():end.start() if end else len(html)]).strip()


def list_items(html: str) -> list[str]:
    """The inner HTML of each item of the first list (the question lists are flat): not the urgent
    box's signs, which may follow in the same part of the page."""
    first = _FIRST_LIST.search(html)
    return [item.strip() for item in _LI.findall(first.group(2))] if first else []


@dataclass(frozen=True)
class Questions:
    """One page's questions, in the language of its text."""

    lang: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Stage:
    title: str
    questions: tuple[tuple[str, str], ...]   # (lang, question HTML)


def question_stages(stages: Mapping[str, tuple[str, ...]], found: Mapping[str, Questions],
                    strings: Mapping[str, str]) -> list[Stage]:
    """The question sheet: for each stage (a name in strings.yml), the questions of its pages in order,
    each once (several pages ask "Who do I call?")."""
    seen: set[str] = set()
    sheet = []
    for key, pages in stages.items():
        asked = [(found[page].lang, q) for page in pages if page in found for q in found[page].items]
        sheet.append(Stage(strings[key], tuple(item for item in asked if not (item[1] in seen or seen.add(item[1])))))
    return sheet
