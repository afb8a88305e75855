"""Glossary data: load and check `glossary/<lang>.yml`, and write the glossary page from it."""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml

from .problems import Problem
from .settings import Punctuation
from .strict_yaml import error_line, error_text, load_strict

# Labels the page and the tooltips need; a language's file may override each one.
DEFAULT_LABELS = {
    "also_called": "Also called",
    "see_also": "See also",
    "words_to_know": "Words to know",
    "more": "Read more in the glossary",
    "letters": "Jump to a letter",
}
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|&[A-Za-z#][A-Za-z0-9]*;|\]\(|\*\*|`")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    line: int = 0

    @property
    def headword(self) -> str:
        """The term as a heading: first letter upper case, the rest as written."""
        return self.term[:1].upper() + self.term[1:]

    @property
    def forms(self) -> tuple[str, ...]:
        """Every written form that stands for this entry: the term first, then its aliases."""
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Glossary:
    language: str
    entries: tuple[Entry, ...]
    page: Mapping[str, object] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


def normalize(text: str) -> str:
    """The key two forms must not share: NFC, case-folded, spaces and hyphens made one space."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return " ".join(folded.replace("-", " ").split())


def load_glossary(text: str, path: str, language: str) -> tuple[Glossary, list[Problem]]:
    """Parse and check one language's glossary file; return what is usable and every problem found."""
    try:
        data, lines = load_strict(text)
    except yaml.YAMLError as error:
        return Glossary(language, ()), [Problem(path, error_line(error), f"the file is not valid YAML ({error_text(error)}). "
                                                "Check the spacing and quotes; a value with \":\" needs quotes.")]
    if not isinstance(data, Mapping) or not isinstance(data.get("terms"), Mapping):
        return Glossary(language, ()), [Problem(path, 1, 'the file needs a "terms:" section with one entry per term.')]
    term_lines = _entry_lines(text)
    problems: list[Problem] = []
    entries: list[Entry] = []
    for key, raw in data["terms"].items():
        line = term_lines.get(str(key), lines.get("terms", 1))
        entry = _entry(str(key), raw, path, line, problems)
        if entry is not None:
            entries.append(entry)
    problems += _check_links_and_collisions(entries, path)
    page = data.get("page") or {}
    labels = dict(DEFAULT_LABELS)
    labels.update({k: str(v) for k, v in (page.get("labels") or {}).items()})
    return Glossary(language, tuple(entries), page, labels), problems


def _entry_lines(text: str) -> dict[str, int]:
    """Line of each entry id under `terms:` (two-space indented keys)."""
    found: dict[str, int] = {}
    in_terms = False
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"^terms:\s*(#.*)?$", line):
            in_terms = True
        elif re.match(r"^\S", line):
            in_terms = False
        elif in_terms and (match := re.match(r"^  ([^\s#][^:]*):", line)):
            found.setdefault(match.group(1).strip().strip("'\""), number)
    return found


def _entry(key: str, raw: object, path: str, line: int, problems: list[Problem]) -> Entry | None:
    where = f'entry "{key}"'
    if not _ID.match(key):
        problems.append(Problem(path, line, f'{where}: the id must be lower case letters, digits and dashes, like "cytokine-release-syndrome".'))
    if not isinstance(raw, Mapping):
        problems.append(Problem(path, line, f"{where} must have term: and definition: lines under it."))
        return None
    term, definition = raw.get("term"), raw.get("definition")
    missing = [name for name, value in (("term", term), ("definition", definition)) if not isinstance(value, str) or not value.strip()]
    for name in missing:
        problems.append(Problem(path, line, f'{where} has no {name}. Add a "{name}:" line.'))
    aliases = _string_list(raw.get("aliases"), f"{where}: aliases", path, line, problems)
    see_also = _string_list(raw.get("see_also"), f"{where}: see_also", path, line, problems)
    unknown = set(raw) - {"term", "definition", "aliases", "see_also"}
    for name in sorted(unknown, key=str):
        problems.append(Problem(path, line, f'{where} has an unknown key "{name}". Use term, definition, aliases or see_also.'))
    if missing:
        return None
    for name, value in (("term", term), ("definition", definition), *((f"alias {a!r}", a) for a in aliases)):
        if _MARKUP.search(value):
            problems.append(Problem(path, line, f"{where}: the {name} contains markup ({_MARKUP.search(value).group(0)!r}). "
                                    "Write plain text only: no HTML, Markdown or entities."))
    return Entry(key, term.strip(), " ".join(definition.split()), aliases, see_also, line)


def _string_list(value: object, where: str, path: str, line: int, problems: list[Problem]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        problems.append(Problem(path, line, f"{where} must be a list of words, like [CRS, cytokine storm]."))
        return ()
    return tuple(item.strip() for item in value)


def _check_links_and_collisions(entries: list[Entry], path: str) -> list[Problem]:
    problems: list[Problem] = []
    ids = {entry.id for entry in entries}
    owner: dict[str, Entry] = {}
    for entry in entries:
        for form in entry.forms:
            key = normalize(form)
            other = owner.setdefault(key, entry)
            if other.id != entry.id:
                problems.append(Problem(path, entry.line, f'entry "{entry.id}": "{form}" is already used by entry '
                                        f'"{other.id}" (line {other.line}). Keep it in one entry only.'))
        for target in entry.see_also:
            if target not in ids:
                problems.append(Problem(path, entry.line, f'entry "{entry.id}": see_also names "{target}", '
                                        "which is not an entry id. Fix the id or remove it."))
    return problems


def _md(text: str) -> str:
    """Plain text made safe for Markdown: HTML-escaped, Markdown punctuation backslash-escaped.

    Only characters Python-Markdown itself can escape: a backslash before any other stays visible.
    """
    escaped = re.sub(r"([\\`*_{}\[\]()#+!])", r"\\\1", html.escape(" ".join(text.split()), quote=False))
    # A block that starts with ":", "-" or "1." would become a definition or a list: use an entity.
    return re.sub(r"^(:|-|\d+(?=\.))", lambda m: "".join(f"&#{ord(c)};" for c in m.group(1)), escaped)


def sort_key(entry: Entry) -> str:
    decomposed = unicodedata.normalize("NFKD", entry.term.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def pinyin_key(entry: Entry) -> str:
    """Chinese terms in the order of their sound written in Latin letters (pinyin), as Chinese
    dictionaries list them; their letters then group them A to Z."""
    from pypinyin import lazy_pinyin  # only for a language whose glossary_order is "pinyin"

    return " ".join(lazy_pinyin(entry.term)).casefold()


ORDERS = {"letters": sort_key, "pinyin": pinyin_key}


def glossary_page(glossary: Glossary, title: str, order: str = "letters", marks: Punctuation = Punctuation()) -> str:
    """The glossary page's Markdown body: a letter index, then one anchored entry per term, A to Z
    (`order`: by the terms' own letters, or for Chinese by pinyin; `marks`: the language's punctuation)."""
    labels = glossary.labels
    by_id = glossary.by_id()
    groups: dict[str, list[Entry]] = {}
    key = ORDERS[order]
    for entry in sorted(glossary.entries, key=key):
        letter = key(entry)[:1].upper()
        groups.setdefault(letter if letter.isalpha() else "#", []).append(entry)
    out = [f"# {_md(title)}\n"]
    if glossary.page.get("intro"):
        out.append(f"{_md(str(glossary.page['intro']))}\n")
    index = " · ".join(f"[{letter}](#letter-{letter.lower()})" for letter in groups)
    out.append(f'<nav class="guide-letters" aria-label="{html.escape(labels["letters"])}" markdown>\n{index}\n</nav>\n')
    for letter, entries in groups.items():
        out.append(f"## {letter} {{#letter-{letter.lower()} }}\n")
        for entry in entries:
            out.append(f"### {_md(entry.headword)} {{#{entry.id} .guide-entry}}\n")
            out.append(f"{_md(entry.definition)}\n")
            if entry.aliases:
                out.append(f"{_md(labels['also_called'])}{marks.colon}{marks.comma.join(_md(a) for a in entry.aliases)}{marks.stop}"
                           "\n{: .guide-aliases }\n")
            if entry.see_also:
                links = marks.comma.join(f"[{_md(by_id[i].headword)}](#{i})" for i in entry.see_also if i in by_id)
                out.append(f"{_md(labels['see_also'])}{marks.colon}{links}{marks.stop}\n{{: .guide-see-also }}\n")
    return "\n".join(out)
