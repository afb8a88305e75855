"""The guide's pictures: SVG templates in overrides/pictures/, with words from each language's strings.yml.

A page asks for a picture with a line of its own: `[picture: treatment-steps]`. The picture is drawn
inline (not as an <img>), so it takes the page's colours in light and dark mode and its words are
in the page's language; the words live in strings.yml, where translators already work.
SVG text does not wrap by itself: `lines()` wraps each label and refuses one too long for its place.
"""
from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .problems import Problem

MARKER = re.compile(r"^\[picture: *([a-z0-9-]+) *\][ \t]*$", re.MULTILINE)
ICONS = "icons"   # sub-folder of plain icons, without words, shared with the "get help now" part


class PictureError(ValueError):
    pass


def picture_key(name: str) -> str:
    """The prefix of a picture's words in strings.yml: "treatment-steps" -> "treatment_steps"."""
    return name.replace("-", "_")


class Pictures:
    """Draws the pictures of one folder; one instance per run (the templates are parsed once)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.globals["icon"] = self.icon

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.svg"))

    def icon(self, name: str, size: int = 24, x: float = 0, y: float = 0, css: str = "guide-icon") -> Markup:
        """An icon from icons/<name>.svg: its inside drawing, in an <svg> of the wanted size and place."""
        inside = (self.folder / ICONS / f"{name}.svg").read_text(encoding="utf-8")
        inside = re.sub(r"^\s*<svg[^>]*>|</svg>\s*$", "", inside.strip()).strip()
        inside = " ".join(line.strip() for line in inside.splitlines())
        return Markup(f'<svg class="{escape(css)}" x="{x}" y="{y}" width="{size}" height="{size}" viewBox="0 0 24 24" '
                      f'aria-hidden="true" focusable="false">{inside}</svg>')

    def figure(self, name: str, words: Mapping[str, str], words_file: str) -> str:
        """The picture as one HTML block: <figure> with the SVG (named by its text alternative) and a caption."""
        if not (self.folder / f"{name}.svg").is_file():
            raise PictureError(f"there is no picture called `{name}`. The pictures are: {', '.join(self.names())}.")
        key = picture_key(name)
        lookup = _Words(words, words_file)

        def lines(word: str, width: int, most: int = 2) -> list[str]:
            return wrap_label(lookup[word], width, most, word, words_file)

        svg = self.env.get_template(f"{name}.svg").render(w=lookup, lines=lines, id=f"picture-{name}")
        svg = " ".join(line.strip() for line in svg.splitlines() if line.strip())
        return (f'<figure class="guide-picture guide-picture--{name}" data-search-exclude>'
                f'{svg}<figcaption>{escape(lookup[f"{key}_caption"])}</figcaption></figure>')


class _Words:
    """strings.yml for a template: a missing word is an error naming the file to add it to."""

    def __init__(self, words: Mapping[str, str], words_file: str) -> None:
        self.words, self.words_file = words, words_file

    def __getitem__(self, key: str) -> str:
        if key not in self.words:
            raise PictureError(f"{self.words_file}: `{key}` is missing. Copy its line from the English strings.yml and translate it.")
        return self.words[key]


def wrap_label(text: str, width: int, most: int, key: str, words_file: str) -> list[str]:
    """Break a label into lines of at most `width` characters; more than `most` lines do not fit."""
    lines = textwrap.wrap(" ".join(text.split()), width) or [""]
    if len(lines) > most:
        raise PictureError(f"{words_file}: `{key}` is too long for its picture ({len(text)} characters; "
                           f"it must fit on {most} line(s) of {width}). Use fewer or shorter words.")
    return lines


def insert_pictures(markdown: str, draw: Callable[[str], str], path: str) -> tuple[str, list[Problem]]:
    """Replace each `[picture: name]` line with the drawn picture; a bad one is a problem at its line."""
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        try:
            return f"\n{draw(match.group(1))}\n"
        except PictureError as error:
            problems.append(Problem(path, markdown.count("\n", 0, match.start()) + 1, str(error)))
            return ""

    return MARKER.sub(replace, markdown), problems
