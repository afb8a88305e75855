"""Mark glossary terms in rendered HTML: only in eligible text, longest term first, whole words only.

In every script: a term written in Chinese needs no spaces around it; Arabic vowel marks are
ignored, and a language's `prefixes` (the Arabic article and one-letter words written joined to the
next word) may stand before each word of a term.

The HTML is tokenised, never searched with one regex: tags, comments and raw text (script, style)
pass through byte for byte, and only text outside the skip zones is ever rewritten.
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import product

from .scripts import SPACED_LETTER, prefix_readings, strip_marks, strip_marks_mapped

MODES = ("per_page", "per_section", "every")

# Elements whose text is never marked.
SKIP_TAGS = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "abbr", "dfn",
    "script", "style", "textarea", "title", "button", "select", "option", "label", "svg",
    "math", "nav", "header", "footer", "head", "template",
})
# Elements with one of these classes are skipped too (the table of contents, admonition titles, ...).
SKIP_CLASSES = frozenset({"toc", "md-nav", "admonition-title", "guide-term", "guide-urgent", "guide-help-now", "guide-picture", "headerlink",
                          "guide-words", "guide-letters"})
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                           "wbr"})  # no end tag: never on the stack of open elements
_RAW_TEXT = frozenset({"script", "style", "textarea", "title"})
_SECTION = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_TOKEN = re.compile(
    r"(?P<comment><!--.*?-->)"
    r"|(?P<decl><![^>]*>|<\?[^>]*>)"
    r"|(?P<end></(?P<end_name>[A-Za-z][^\s/>]*)\s*>)"
    r"|(?P<start><(?P<start_name>[A-Za-z][^\s/>]*)"
    r"(?P<attrs>(?:\s+[^\s/>=\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"'=<`]+))?|\s*/(?!>))*)\s*/?>)",
    re.DOTALL,
)
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
_MARK_ID = re.compile(r"""\sdata-guide-term\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_MARKER = re.compile(r"^<!--\s*guide:(\S+)(?:\s+(\S+))?\s*-->$")


class MarkerError(ValueError):
    """An HTML comment marker the guide does not know, such as a misspelt `guide:glossary of`."""


@dataclass(frozen=True)
class Token:
    kind: str  # "text", "start", "end", "comment", "other"
    raw: str
    name: str = ""


def tokenize(source: str) -> Iterator[Token]:
    """Split HTML into tokens whose raw strings join back to exactly `source`."""
    position, length = 0, len(source)
    while position < length:
        match = _TOKEN.search(source, position)
        if match is None:
            yield Token("text", source[position:])
            return
        if match.start() > position:
            yield Token("text", source[position:match.start()])
        if match.group("start"):
            name = match.group("start_name").lower()
            yield Token("start", match.group(0), name)
            position = match.end()
            if name in _RAW_TEXT and not match.group(0).endswith("/>"):
                close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(source, position)
                stop = close.start() if close else length
                if stop > position:
                    yield Token("other", source[position:stop])
                position = stop
            continue
        if match.group("end"):
            yield Token("end", match.group(0), match.group("end_name").lower())
        elif match.group("comment"):
            yield Token("comment", match.group(0))
        else:
            yield Token("other", match.group(0))
        position = match.end()


@dataclass
class Matcher:
    """One compiled pattern for all forms of all terms, built once per language."""

    pattern: re.Pattern[str]
    ids: Mapping[str, str]  # normalised form -> entry id
    prefixes: tuple[str, ...] = ()

    def entry_id(self, matched: str) -> str:
        key = _key(matched)
        if key in self.ids or not self.prefixes:
            return self.ids[key]
        # Each word may carry a prefix, or start with letters that only look like one: try each reading.
        readings = [[word, *sorted(prefix_readings(word, self.prefixes, 1), key=len, reverse=True)]
                    for word in key.split(" ")]
        return next(self.ids[" ".join(words)] for words in product(*readings) if " ".join(words) in self.ids)


def _key(text: str) -> str:
    return " ".join(strip_marks(text).lower().replace("\u2019", "'").split())


def build_matcher(forms: Mapping[str, Iterable[str]], prefixes: Iterable[str] = ()) -> Matcher | None:
    """Compile a trie-shaped pattern over every form, so that cost per page does not grow with terms.

    `forms` maps an entry id to its written forms. At each point the longest form is tried first.
    `prefixes` (up to two) may stand joined before each word of a form (Arabic: the article, "and", "for", ...).
    """
    trie: dict = {}
    ids: dict[str, str] = {}
    for entry_id, written in forms.items():
        for form in written:
            key = _key(form)
            if not key:
                continue
            ids.setdefault(key, entry_id)
            node = trie
            for char in key:
                node = node.setdefault(char, {})
            node[""] = True
    if not trie:
        return None
    prefixes = tuple(sorted(set(prefixes), key=len, reverse=True))
    joined = f"(?:{'|'.join(map(re.escape, prefixes))}){{0,2}}" if prefixes else ""  # "و" + "لل" + word
    body = _trie_pattern(trie, joined)
    # Whole words: no letter of a spaced script right before or after; Chinese needs no edge. The
    # check after the body is written once (compiling it at every form's end took half a second):
    # when it fails, the engine backtracks into the body and tries the next shorter form.
    return Matcher(re.compile(rf"(?<!{SPACED_LETTER}){joined}(?:{body})(?!{SPACED_LETTER})", re.IGNORECASE), ids, prefixes)


def _trie_pattern(node: dict, joined: str = "") -> str:
    branches = []
    for char in sorted(k for k in node if k):
        head = rf"\s+{joined}" if char == " " else "['\u2019]" if char == "'" else re.escape(char)
        branches.append(head + _trie_pattern(node[char], joined))
    if "" in node:
        branches.append("")  # the shorter form ends here: tried last, so longer forms win
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


@dataclass
class Marks:
    """What marking found on one page: the HTML and the ids marked, in order of first mark."""

    html: str
    marked: list[str] = field(default_factory=list)
    matched: set[str] = field(default_factory=set)  # every id whose term occurs, marked or not


def mark_terms(source: str, matcher: Matcher | None, render: "callable[[str, str], str]", mode: str = "per_page") -> Marks:
    """Return the HTML with eligible term occurrences wrapped by `render(entry_id, original_text)`.

    `render` receives the text as HTML (already escaped) and must return HTML: an element with
    `data-guide-term="<id>"` and the class `guide-term`, so that marking twice equals marking once.
    """
    if mode not in MODES:
        raise ValueError(f"unknown glossary mode {mode!r}; use one of {', '.join(MODES)}")
    result = Marks(source)
    if matcher is None:
        return result
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag, skips)
    skipping = 0
    enabled = True
    seen: set[str] = set()
    for token in tokenize(source):
        if token.kind == "start":
            if token.name in _SECTION and mode == "per_section":
                seen = set()
            if (existing := _MARK_ID.search(token.raw)) and mode != "every":
                # A term marked before (marking twice must equal marking once) counts as seen.
                entry_id = existing.group(1) or existing.group(2)
                seen.add(entry_id)
                if entry_id not in result.marked:
                    result.marked.append(entry_id)
            if token.name not in VOID_ELEMENTS and not token.raw.endswith("/>"):
                skips = token.name in SKIP_TAGS or _has_skip_class(token.raw)
                stack.append((token.name, skips))
                skipping += skips
        elif token.kind == "end":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == token.name:
                    skipping -= sum(skips for _, skips in stack[depth:])
                    del stack[depth:]
                    break
        elif token.kind == "comment" and (marker := _MARKER.match(token.raw)):
            name, value = marker.groups()
            if name != "glossary" or value not in ("off", "on"):
                raise MarkerError(f"unknown marker {token.raw!r}; use <!-- guide:glossary off --> and <!-- guide:glossary on -->")
            enabled = value == "on"
        elif token.kind == "text" and enabled and not skipping:
            out.append(_mark_text(token.raw, matcher, render, mode, seen, result))
            continue
        out.append(token.raw)
    result.html = "".join(out)
    return result


def _has_skip_class(raw: str) -> bool:
    match = _CLASS.search(raw)
    if not match:
        return False
    classes = next(group for group in match.groups() if group is not None).split()
    return any(name in SKIP_CLASSES for name in classes)


def _mark_text(raw: str, matcher: Matcher, render, mode: str, seen: set[str], result: Marks) -> str:
    text = unicodedata.normalize("NFC", html.unescape(raw))
    # Terms are found in the text without its vowel marks, then cut from the text as written.
    bare, places = strip_marks_mapped(text)
    pieces: list[str] = []
    last = 0
    changed = False
    for match in matcher.pattern.finditer(bare):
        entry_id = matcher.entry_id(match.group(0))
        result.matched.add(entry_id)
        if mode != "every" and entry_id in seen:
            continue
        seen.add(entry_id)
        if entry_id not in result.marked:
            result.marked.append(entry_id)
        start = places[match.start()]
        end = places[match.end()] if match.end() < len(places) else len(text)  # with the marks on its last letter
        pieces.append(html.escape(text[last:start], quote=False))
        pieces.append(render(entry_id, html.escape(text[start:end], quote=False)))
        last = end
        changed = True
    if not changed:
        return raw  # untouched text keeps its exact bytes, entities included
    pieces.append(html.escape(text[last:], quote=False))
    return "".join(pieces)
