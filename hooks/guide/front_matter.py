"""Check a page's front matter: valid YAML, the keys every page needs, and sensible values."""
from __future__ import annotations

import copy
import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import yaml

from .problems import Problem
from .strict_yaml import error_line, error_text, load_strict

# The same opening and closing fences MkDocs accepts (mkdocs.utils.meta.YAML_RE).
_OPEN = re.compile(r"^-{3}[ \t]*$")
_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")


@dataclass(frozen=True)
class Rules:
    """What a page's front matter must hold; built from `extra.guide` in mkdocs.yml."""

    required: tuple[str, ...]
    sources: frozenset[str]
    description_max_length: int


@dataclass(frozen=True)
class Findings:
    """`errors` are broken data (the page cannot be read as meant); `warnings` are gaps to fill."""

    errors: list[Problem]
    warnings: list[Problem]


def split_front_matter(text: str) -> tuple[str | None, int]:
    """Return the YAML between the fences and the line it starts on, or (None, 0) if there is none.

    A page that opens a fence but never closes it returns ("", -1) so the caller can say so:
    MkDocs would silently show such front matter as page text.
    """
    lines = text.splitlines()
    if not lines or not _OPEN.match(lines[0]):
        return None, 0
    for number, line in enumerate(lines[1:], start=1):
        if _CLOSE.match(line):
            return "\n".join(lines[1:number]) + "\n", 2
    return "", -1


def check_front_matter(text: str, path: str, rules: Rules) -> Findings:
    """Check one page's source text; every problem names `path` and a line."""
    block, first_line = split_front_matter(text)
    if first_line == -1:
        return Findings(
            [Problem(path, 1, 'the front matter has no closing "---" line. Add "---" on its own line after the last key.')],
            [],
        )
    if block is None:
        keys = ", ".join(rules.required)
        return Findings(
            [],
            [Problem(path, 1, f'the page has no front matter. Start the file with "---", the keys {keys}, and "---".')],
        )
    try:
        data, key_lines = load_strict(block)
    except yaml.YAMLError as error:
        line = first_line + error_line(error) - 1
        return Findings(
            [Problem(path, line, f"the front matter is not valid YAML ({error_text(error)}). "
                     'Check the spacing and quotes; a value with ":" needs quotes.')],
            [],
        )
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        return Findings(
            [Problem(path, first_line, 'the front matter must be a list of "key: value" lines.')], []
        )
    lines = {key: first_line + line - 1 for key, line in key_lines.items()}
    return Findings([], list(_check_values(data, lines, path, rules, first_line)))


def _check_values(
    data: Mapping, lines: Mapping[str, int], path: str, rules: Rules, first_line: int
) -> Iterable[Problem]:
    for key in rules.required:
        # `sources: []` says on purpose that a page has no medical content (the privacy note).
        if key not in data or data[key] in (None, "") or (data[key] == [] and key != "sources"):
            yield Problem(path, first_line, f'front matter key "{key}" is missing. {_HOW_TO_FIX.get(key, "Add it.")}')

    def at(key: str) -> int:
        return lines.get(key, first_line)

    title = data.get("title")
    if title is not None and not isinstance(title, str):
        yield Problem(path, at("title"), '"title" must be text. Put it in quotes.')

    description = data.get("description")
    if description is not None:
        if not isinstance(description, str):
            yield Problem(path, at("description"), '"description" must be text. Put it in quotes.')
        elif len(description) > rules.description_max_length:
            yield Problem(
                path, at("description"),
                f'"description" has {len(description)} characters; the most is '
                f"{rules.description_max_length}. Make it one short sentence.",
            )

    reviewed = data.get("reviewed")
    if reviewed is not None and not _is_date(reviewed):
        yield Problem(path, at("reviewed"), f'"reviewed" must be a date like 2026-11-25, not "{reviewed}".')

    sources = data.get("sources")
    if sources is not None:
        if isinstance(sources, str):
            sources = [sources]
        if not isinstance(sources, list):
            yield Problem(path, at("sources"), '"sources" must be a list of source file names.')
        else:
            known = ", ".join(sorted(rules.sources))
            for name in sources:
                if name not in rules.sources:
                    yield Problem(
                        path, at("sources"),
                        f'"sources" names "{name}", which is not a known source. Use one of: {known}.',
                    )


def _is_date(value: object) -> bool:
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


_HOW_TO_FIX = {
    "title": 'Add a line like: title: "Cytokine release syndrome (CRS)"',
    "description": "Add one sentence of at most 160 characters: description: \"...\"",
    "reviewed": "Add the date the page was last checked: reviewed: 2026-11-25",
    "sources": "List the source files the page uses, one per line under sources:",
}


def page_parts(text: str) -> tuple[dict, str]:
    """A page's front matter (empty when missing or broken) and its body: everything after the
    closing fence, so a "---" rule inside the body stays part of the body."""
    meta, body = _page_parts(text)
    return copy.deepcopy(meta), body


@functools.lru_cache(maxsize=4096)
def _page_parts(text: str) -> tuple[dict, str]:
    # Several hooks and the project ask for the same page's parts: each page is parsed once.
    block, first_line = split_front_matter(text)
    if block is None or first_line < 0:
        return {}, text
    try:
        meta = yaml.load(block, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        meta = None
    lines = text.splitlines(keepends=True)
    closing = next(n for n, line in enumerate(lines[1:], start=1) if _CLOSE.match(line.rstrip("\r\n")))
    return (meta if isinstance(meta, dict) else {}), "".join(lines[closing + 1:])


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser is ~10x faster
