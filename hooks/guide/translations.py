"""Translations, recorded rather than guessed: which English version each translation was made from
(a content hash), whether it is a draft, and whether its structure still matches the English page."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePosixPath

from .front_matter import split_front_matter
from .problems import Problem

STATUSES = ("draft", "reviewed")
_HASH = re.compile(r"^[0-9a-f]{12}$")
_LOCALE = re.compile(r"^[a-z]{2}(?:[-_][A-Za-z]{2,4})?$")
_NUMBER = re.compile(r"\d+(?:[.,:\u066b\u066c]\d+)*")
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")


def english_hash(page_text: str) -> str:
    """The version of an English page: a hash of its body, blind to front matter and blank-line edits."""
    block, first = split_front_matter(page_text)
    body = page_text
    if block is not None and first > 0:
        body = page_text.split("\n", block.count("\n") + 2)[-1]
    lines = [line.rstrip() for line in body.strip().splitlines()]
    normal = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class TranslationMeta:
    source_hash: str | None
    status: str
    reviewed_by: str = ""
    reviewed_on: str = ""


def read_meta(meta: Mapping, path: str, line: int, *, hash_hint: str) -> tuple[TranslationMeta, list[Problem]]:
    """Read a translated page's translation keys; every problem names the fix."""
    problems = []
    source = meta.get("translation_of")
    if source is None:
        problems.append(Problem(path, line, f'front matter key "translation_of" is missing. Add: translation_of: {hash_hint} '
                                '(the hash printed by "make translations").'))
    elif not _HASH.match(str(source)):
        problems.append(Problem(path, line, f'"translation_of: {source}" is not a version hash. Use the 12-letter hash '
                                f'printed by "make translations": translation_of: {hash_hint}'))
        source = None
    status = str(meta.get("translation_status", "draft"))
    if status not in STATUSES:
        problems.append(Problem(path, line, f'"translation_status: {status}" must be draft or reviewed.'))
        status = "draft"
    by, on = str(meta.get("translation_reviewed_by") or ""), str(meta.get("translation_reviewed_on") or "")
    if status == "reviewed" and not (by and on):
        problems.append(Problem(path, line, 'a reviewed translation needs "translation_reviewed_by:" (who) and '
                                '"translation_reviewed_on:" (the date, like 2026-12-01).'))
        status = "draft"
    return TranslationMeta(str(source) if source else None, status, by, on), problems


def check_layout(pages: Iterable[str], languages: Iterable[str], default: str,
                 glossary_files: Iterable[str] = (), glossary_folder: str = "glossary") -> list[Problem]:
    """Files in the wrong place: a folder for a language not configured, a translation with no English
    page (an orphan), a glossary file for a language not configured. `pages` are paths under docs/."""
    languages = set(languages)
    problems: list[Problem] = []
    english = {PurePosixPath(p).relative_to(default).as_posix() for p in pages if PurePosixPath(p).parts[0] == default}
    for page in sorted(pages):
        parts = PurePosixPath(page).parts
        if len(parts) < 2 or "_includes" in parts:
            continue
        language, rest = parts[0], PurePosixPath(*parts[1:]).as_posix()
        if language not in languages:
            if _LOCALE.match(language):
                problems.append(Problem(f"docs/{page}", 1, f'the folder docs/{language}/ is for a language that '
                                        f'is not set up. Run "make new-language LANG={language}", or move the file.'))
            continue
        if language != default and rest not in english:
            problems.append(Problem(f"docs/{page}", 1, f"this translation has no English page docs/{default}/{rest}. "
                                    "Rename it to match the English file name, or delete it."))
    for name in sorted(glossary_files):
        language = PurePosixPath(name).stem
        if language not in languages:
            problems.append(Problem(f"{glossary_folder}/{name}", 1, f'this glossary is for the language "{language}", '
                                    f'which is not set up. Run "make new-language LANG={language}", or delete it.'))
    return problems


def check_nav(nav: object, languages: Iterable[str], config_name: str = "mkdocs.yml") -> list[Problem]:
    """A nav entry must name a page without its language folder ("crs.md", not "es/crs.md"):
    each language's site finds its own version by that name."""
    languages = set(languages)
    problems: list[Problem] = []

    def walk(item: object) -> None:
        if isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, str) and not re.match(r"^[a-z]+://", item):
            parts = PurePosixPath(item).parts
            if len(parts) > 1 and parts[0] in languages:
                rest = PurePosixPath(*parts[1:]).as_posix()
                problems.append(Problem(config_name, 1, f'nav lists "{item}", a page inside a language folder. '
                                        f'Write "{rest}": each language finds its own version of the page.'))

    walk(nav)
    return problems


@dataclass
class Shape:
    """What a translation must keep from its English page."""

    heading_ids: list[str] = field(default_factory=list)
    admonitions: int = 0
    lists: int = 0
    tables: int = 0
    links: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    urgent_box: bool = False


class _ShapeParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape = Shape()
        self.text: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        classes = values.get("class", "").split()
        if self.skip:  # inside the urgent box, which the site adds to every page in every language
            self.skip += tag == "div"
            return
        if "guide-urgent" in classes:
            self.shape.urgent_box = True
            self.skip = 1
            return
        if re.match(r"^h[2-6]$", tag) and values.get("id"):
            self.shape.heading_ids.append(values["id"])
        elif (tag == "div" and "admonition" in classes) or tag == "details":
            self.shape.admonitions += 1
        elif tag in ("ul", "ol"):
            self.shape.lists += 1
        elif tag == "table":
            self.shape.tables += 1
        elif tag == "a" and "href" in values and not {"headerlink", "guide-term"} & set(classes):
            self.shape.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if self.skip and tag == "div":
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.text.append(data)


def ascii_digits(number: str) -> str:
    """A number as 0-9, whatever digits it is written in: a translator may write "٣" (Arabic-Indic)
    where English has "3", the Arabic decimal point "٫" where English has "." and the thousands
    separator "٬" where it has ",", and it is the same number."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() else {"\u066b": ".", "\u066c": ","}.get(c, c) for c in number)


def page_shape(html: str) -> Shape:
    parser = _ShapeParser()
    parser.feed(html)
    parser.close()
    text = " ".join(parser.text)
    parser.shape.phones = sorted(map(ascii_digits, _PHONE.findall(text)))
    parser.shape.numbers = sorted(map(ascii_digits, _NUMBER.findall(_PHONE.sub(" ", text))))
    return parser.shape


def compare_shapes(english: Shape, translation: Shape, path: str, english_path: str) -> list[str]:
    """Plain messages for each way the translation's structure differs from the English page."""
    out = []
    en_ids, tr_ids = english.heading_ids, translation.heading_ids
    if en_ids != tr_ids:
        missing = [i for i in en_ids if i not in tr_ids]
        extra = [i for i in tr_ids if i not in en_ids]
        detail = ", ".join([*(f"missing: #{i}" for i in missing), *(f"not in English: #{i}" for i in extra)]) or "other order"
        out.append(f"{path}: {len(tr_ids)} headings vs {len(en_ids)} in {english_path} ({detail})")
    for name in ("admonitions", "lists", "tables"):
        a, b = getattr(english, name), getattr(translation, name)
        if a != b:
            out.append(f"{path}: {b} {name} vs {a} in {english_path}")
    if sorted(english.links) != sorted(translation.links):
        missing = sorted(set(english.links) - set(translation.links))
        extra = sorted(set(translation.links) - set(english.links))
        detail = ", ".join([*(f"missing: {x}" for x in missing), *(f"not in English: {x}" for x in extra)]) or "a link is repeated"
        out.append(f"{path}: {len(translation.links)} links vs {len(english.links)} in {english_path} ({detail})")
    if english.numbers != translation.numbers:
        out.append(f"{path}: numbers {translation.numbers} vs {english.numbers} in {english_path}")
    if english.phones != translation.phones:
        out.append(f"{path}: phone numbers {translation.phones} vs {english.phones} in {english_path}")
    if english.urgent_box and not translation.urgent_box:
        out.append(f"{path}: the urgent box is missing")
    return out
