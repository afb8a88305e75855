"""The guide's pictures: SVG templates in overrides/pictures/, with words from each language's strings.yml.

A page asks for a picture with a line of its own: `[picture: treatment-steps]`. The picture is drawn
inline (not as an <img>), so it takes the page's colours in light and dark mode and its words are
in the page's language; the words live in strings.yml, where translators already work.
SVG text does not wrap by itself: `lines()` wraps each label to the room it has, measured with the
handout fonts (DejaVu is wider than most phone fonts, so what fits on paper fits on screen), and
refuses one too long for its place.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .problems import Problem
from .scripts import CLOSING, NO_SPACE
from .settings import Punctuation

MARKER = re.compile(r"^\[picture: *([a-z0-9-]+) *\][ \t]*$", re.MULTILINE)
ICONS = "icons"   # sub-folder of plain icons, without words, shared with the "get help now" part


class PictureError(ValueError):
    pass


def picture_key(name: str) -> str:
    """The prefix of a picture's words in strings.yml: "treatment-steps" -> "treatment_steps"."""
    return name.replace("-", "_")


@lru_cache(maxsize=4)
def _advances(font_file: str) -> tuple[dict[int, float], float]:
    """Each character's advance width, as a share of the font size."""
    from fontTools.ttLib import TTFont

    with TTFont(font_file, lazy=True, fontNumber=0) as font:  # a collection (.ttc): its first face
        scale, metrics = font["head"].unitsPerEm, font["hmtx"].metrics
        return {code: metrics[glyph][0] / scale for code, glyph in font.getBestCmap().items()}, metrics[".notdef"][0] / scale


def text_width(text: str, size: float, font_file: str) -> float:
    """How wide `text` is at `size` in a font (a character the font lacks counts one em: a wide guess)."""
    widths, _ = _advances(font_file)
    return sum(widths.get(ord(c), 1.0) for c in text) * size


# A line may break at a space, and between the characters of a script written without spaces
# (but not before closing punctuation, which stays with the character before it).
_PIECES = re.compile(rf"\s+|[{NO_SPACE}][{CLOSING}]*|[^\s{NO_SPACE}]+")


def wrap_to(text: str, room: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy line breaks so that each line measures at most `room`: at spaces, and between the
    characters of Chinese or Japanese text; a word wider than the room stays whole on its own line
    (the caller refuses it)."""
    lines: list[str] = []
    space = False
    for piece in _PIECES.findall(text):
        if piece.isspace():
            space = True
            continue
        joined = f"{lines[-1]}{' ' if space else ''}{piece}" if lines else piece
        if lines and measure(joined) <= room:
            lines[-1] = joined
        else:
            lines.append(piece)
        space = False
    return lines or [""]


class Pictures:
    """Draws the pictures of one folder; one instance per run (the templates are parsed once)."""

    def __init__(self, folder: Path, fonts: tuple[str, str] = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                                                 "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")) -> None:
        self.folder = folder
        self.fonts = fonts  # regular, bold
        self._drawings: dict[str, str] = {}
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.globals["icon"] = self.icon

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.svg"))

    def icon(self, name: str, size: int = 24, x: float = 0, y: float = 0, css: str = "guide-icon") -> Markup:
        """An icon from icons/<name>.svg: its inside drawing, in an <svg> of the wanted size and place."""
        inside = self._drawing(name)
        return Markup(f'<svg class="{escape(css)}" x="{x}" y="{y}" width="{size}" height="{size}" viewBox="0 0 24 24" '
                      f'aria-hidden="true" focusable="false">{inside}</svg>')

    def _drawing(self, name: str) -> str:
        """The inside of icons/<name>.svg, read once per run (the help part draws three on every page)."""
        if name not in self._drawings:
            inside = (self.folder / ICONS / f"{name}.svg").read_text(encoding="utf-8")
            inside = re.sub(r"^\s*<svg[^>]*>|</svg>\s*$", "", inside.strip()).strip()
            self._drawings[name] = " ".join(line.strip() for line in inside.splitlines())
        return self._drawings[name]

    def figure(self, name: str, words: Mapping[str, str], words_file: str, direction: str = "ltr",
               marks: Punctuation = Punctuation()) -> str:
        """The picture as one HTML block: <figure> with the SVG (named by its text alternative) and a caption.
        In a right-to-left language the picture is mirrored (it reads from the right: `mx` mirrors an x,
        `rtl` lets a template turn a drawing round), but not its icons, which have no direction."""
        if not (self.folder / f"{name}.svg").is_file():
            raise PictureError(f"there is no picture called `{name}`. The pictures are: {', '.join(self.names())}.")
        key = picture_key(name)
        lookup = _Words(words, words_file)

        def lines(word: str, room: float, most: int = 2, size: float = 26, bold: bool = False) -> list[str]:
            font = self.fonts[1 if bold else 0]
            return wrap_label(lookup[word], room, most, word, words_file, lambda text: text_width(text, size, font))

        rtl = direction == "rtl"

        def mx(x: float, width: float = 0, whole: float = 560) -> float:
            """An x (of something `width` wide) in the drawing, mirrored when the language reads from the right."""
            return round(whole - x - width, 1) if rtl else x

        svg = self.env.get_template(f"{name}.svg").render(w=lookup, lines=lines, id=f"picture-{name}", rtl=rtl, mx=mx, marks=marks,
                                                          svg_class="guide-picture__svg" + (" gp-rtl" if rtl else ""))
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


def wrap_label(text: str, room: float, most: int, key: str, words_file: str, measure: Callable[[str], float]) -> list[str]:
    """Break a label into lines that fit `room`; more than `most` lines, or a word too wide, do not fit."""
    lines = wrap_to(text, room, measure)
    if len(lines) > most or any(measure(line) > room for line in lines):
        raise PictureError(f"{words_file}: `{key}` is too long for its place in the picture (it must fit on "
                           f"{most} line(s)). Use fewer or shorter words.")
    return lines


_PLACE = re.compile(r"<!-- guide:picture (\d+) -->")


def place_pictures(markdown: str, draw: Callable[[str], str], path: str,
                   first_line: int = 1) -> tuple[str, list[str], list[Problem]]:
    """Each `[picture: name]` line becomes a placeholder, and its drawing is returned, in order: Markdown
    passes the placeholder through, so it never reads the drawing's HTML (on a page with a picture that
    was half of its time); `put_pictures` puts the drawings in. A bad picture is a problem at its line
    (`first_line`: the line of the file where `markdown` starts, after the front matter)."""
    problems: list[Problem] = []
    drawings: list[str] = []

    def replace(match: re.Match[str]) -> str:
        try:
            drawings.append(draw(match.group(1)))
        except PictureError as error:
            problems.append(Problem(path, first_line + markdown.count("\n", 0, match.start()), str(error)))
            return ""
        return f"\n<!-- guide:picture {len(drawings) - 1} -->\n"

    return MARKER.sub(replace, markdown), drawings, problems


def put_pictures(text: str, drawings: list[str]) -> str:
    """The page's Markdown or HTML with each placeholder of `place_pictures` replaced by its drawing."""
    def drawing(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return drawings[number] if number < len(drawings) else match.group(0)

    return _PLACE.sub(drawing, text)


def insert_pictures(markdown: str, draw: Callable[[str], str], path: str, first_line: int = 1) -> tuple[str, list[Problem]]:
    """The Markdown with each `[picture: name]` line drawn in place, and the problems."""
    placed, drawings, problems = place_pictures(markdown, draw, path, first_line)
    return put_pictures(placed, drawings), problems
