"""The site's own words in each language: docs/<lang>/_includes/strings.yml, English as the fallback."""
from __future__ import annotations

import re
from collections.abc import Mapping

import yaml

from .problems import Problem
from .strict_yaml import error_line, error_text, load_strict

_PLACE = re.compile(r"\{[^{}]*\}")  # "{page}", "{date}", "{title}": filled in by the site


def load_strings(text: str, path: str, english: Mapping[str, str] | None = None) -> tuple[dict[str, str], list[Problem]]:
    """Parse one strings file; with `english`, also name every key that is missing or unknown."""
    try:
        data, lines = load_strict(text)
    except yaml.YAMLError as error:
        return dict(english or {}), [Problem(path, error_line(error), f"the file is not valid YAML ({error_text(error)}). "
                                             'Check the spacing and quotes; a text with ":" needs quotes.')]
    data = data or {}
    if not isinstance(data, Mapping):
        return dict(english or {}), [Problem(path, 1, 'the file must be a list of "name: text" lines.')]
    problems = [Problem(path, lines.get(str(k), 1), f'"{k}" must be text.') for k, v in data.items() if not isinstance(v, str)]
    strings = {str(k): v for k, v in data.items() if isinstance(v, str)}
    if english is not None:
        for key in english:
            if key not in strings:
                problems.append(Problem(path, 1, f'"{key}" is missing. Copy its line from the English file and translate it.'))
        for key in strings:
            if key not in english:
                problems.append(Problem(path, lines.get(key, 1), f'"{key}" is not a name the site uses. Check the spelling.'))
            elif set(_PLACE.findall(strings[key])) != set(_PLACE.findall(english[key])):
                keep = " ".join(sorted(set(_PLACE.findall(english[key])))) or "no {...} part"
                problems.append(Problem(path, lines.get(key, 1), f'"{key}" must keep {keep} exactly as in English: '
                                        "the site puts a page number, a date or a title there."))
        strings = {**english, **strings}
    return strings, problems
