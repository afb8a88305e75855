"""One search index per language: only that language's pages, its own stemming and stop words.

mkdocs-static-i18n stacks every language into one shared index, so a Spanish reader on a phone
would download all three languages and see mixed results; we split it instead.

Stemming: Material turns every search word into a prefix search ("fiebres" -> "fiebres*"), which
skips lunr's stemmer, so a stemmed index would miss "fiebre" and an unstemmed one misses
"fiebres". Each document therefore gets a `variants` field: the other forms of its words that share
a Snowball stem anywhere in the language's pages, plus their simple plurals, and every form without
its accents or other marks, so that "fievre" typed on a phone finds "fièvre".

Other scripts (guide.scripts): Arabic words are also indexed without vowel marks and without the
article or a joined one-letter word (the language's `prefixes`), so "خلايا" finds "الخلايا".
Chinese has no spaces: as Material does with jieba, the text is split into words at build time
(rjieba: the maintained Rust port of jieba; jieba itself has had no release since 2020) with a
zero-width space between them, which the language's separator splits on. Material matches the start
of a word, and a reader's query is one run of characters that need not begin or end where the
segmenter splits, so each document also gets, from every character on, the next few characters: a
query taken from the middle of a sentence matches the start of one of them (about 40 % more index
for a Chinese page).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable

import snowballstemmer

from .languages import Language, base_code
from .scripts import HAN_RUN, loose_arabic, prefix_readings, strip_marks

# Short words are mostly stop words: no variants for them, except in Arabic, where many words have
# three letters ("حمى", fever).
_WORD = re.compile(r"[^\W\d_]{4,}|[\u0600-\u06ff]{3}(?![^\W\d_])")
ZWSP = "\u200b"
RUN_START = 12  # characters kept from each character on: a Chinese query may be this long
_TAG = re.compile(r"<[^>]+>")
# A start tag that the search leaves out with all it holds, and any start or end tag (for its end).
# Not guide.term_marks.tokenize, the full tokenizer: 2.2 ms per page, most of what setting aside
# saves (0.3 ms this way). A ">" inside a quoted attribute can misplace a part's end: the page
# still comes back exactly (the same text is put back); only the search could read a little more or less.
_EXCLUDED_START = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*?\sdata-search-exclude\b[^>]*>")
_START_OR_END = re.compile(r"<(/?)([a-zA-Z][\w-]*)\b[^>]*>")
_HEADING = re.compile(r"<h[1-6]\b")
_ASIDE_MARK = re.compile(r"<!--guide:aside (\d+)-->")


def plurals(word: str, rule: str) -> set[str]:
    """Plural forms a reader may type for a singular word (the pages' own forms come from stems).
    `rule` is the language record's plural rule: romance, french, english or none."""
    if rule == "romance":
        return {word + ("s" if word[-1] in "aeiouáéíóú" else "es")}
    if rule == "french":
        return {word + ("x" if word.endswith(("au", "eu")) else "s")}
    if rule == "english":
        return {word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")}
    return set()


def unmarked(word: str) -> str:
    """The word without accents or other combining marks: "fièvre" -> "fievre"."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)))


def add_variants(docs: list[dict], language: Language) -> None:
    """Give each document a `variants` field with the other forms of its words (see module doc)."""
    stemmer = snowballstemmer.stemmer(language.stemmer) if language.stemmer else None
    texts = [strip_marks(_TAG.sub(" ", f"{d.get('title', '')} {d.get('text', '')}")).lower() for d in docs]
    words_of = [set(_WORD.findall(text)) for text in texts]
    vocabulary = set().union(*words_of) if words_of else set()
    # Stem each distinct word once: the Snowball stemmers are pure Python and slow per call.
    stems = dict(zip(vocabulary, stemmer.stemWords(list(vocabulary)))) if stemmer else {w: w for w in vocabulary}
    family: dict[str, set[str]] = defaultdict(set)
    for word, stem in stems.items():
        family[stem].add(word)
    expanded = {word: family[stems[word]] | plurals(word, language.plurals) for word in vocabulary}
    for doc, words in zip(docs, words_of):
        variants: set[str] = set()
        for word in words:
            variants |= expanded[word]
        variants |= {unmarked(word) for word in variants | words}
        if language.prefixes:
            variants |= set().union(*(prefix_readings(word, language.prefixes, 3) for word in variants | words))
        variants |= {loose_arabic(word) for word in variants | words}
        extra = sorted(variants - words)
        if extra:
            doc["variants"] = " ".join(extra)


def segment(text: str, cut: Callable[[str], list[str]]) -> str:
    """Chinese runs of `text` split into words by `cut`, with a zero-width space between them (as Material does)."""
    return HAN_RUN.sub(lambda run: ZWSP + ZWSP.join(cut(run.group())) + ZWSP, text).strip(ZWSP)


def run_starts(text: str, size: int = RUN_START) -> set[str]:
    """From each character of each Chinese run on, the next `size` characters of the run (see module doc)."""
    return {run[at:at + size] for run in HAN_RUN.findall(text) for at in range(len(run) - 1)}


def segment_docs(docs: list[dict], cut: Callable[[str], list[str]]) -> None:
    """Split the Chinese in each document into words, and add the starts of its runs to `variants`."""
    for doc in docs:
        starts = run_starts(_TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}"))
        doc["title"], doc["text"] = segment(doc.get("title", ""), cut), segment(doc.get("text", ""), cut)
        if starts:
            doc["variants"] = " ".join(filter(None, [doc.get("variants", ""), *sorted(starts)]))


def chinese_cut() -> Callable[[str], list[str]]:
    import rjieba  # only for a language whose `segmenter` is "chinese"

    return rjieba.cut


def localize_index(data: dict, language: Language, prefix: str) -> dict:
    """Keep the documents under `prefix` (like "es/"), make their locations relative to it, set the
    index's language (its stop words) and word separator, and add each document's word variants."""
    docs = [{**doc, "location": doc.get("location", "")[len(prefix):]}
            for doc in data.get("docs", []) if doc.get("location", "").startswith(prefix)]
    add_variants(docs, language)
    if language.segmenter == "chinese":
        segment_docs(docs, chinese_cut())
    config = dict(data.get("config", {}))
    config["lang"] = [base_code(language.code)]
    if language.search_separator:
        config["separator"] = language.search_separator
    config["fields"] = {**config.get("fields", {}), "variants": {"boost": 0.5}}
    return {"config": config, "docs": docs}


def set_aside_excluded(html: str) -> tuple[str, list[str]]:
    """The page's HTML with what each element marked `data-search-exclude` holds replaced by a short
    comment, and those contents in order (`put_back` restores them). Material's search parser reads
    every tag inside such an element only to drop it; our drawings and help boxes are most of the
    tags it read on our pages. The elements' own tags stay, for the theme to handle as before. One
    that holds a heading stays whole: the parser starts a new section at any heading, excluded or not."""
    parts: list[str] = []
    out, at = [], 0
    for start in _EXCLUDED_START.finditer(html):
        if start.start() < at:
            continue  # inside a part already set aside
        inner_end = _content_end(html, start)
        if inner_end is None or _HEADING.search(html, start.end(), inner_end):
            continue
        out += [html[at:start.end()], f"<!--guide:aside {len(parts)}-->"]
        parts.append(html[start.end():inner_end])
        at = inner_end
    return "".join(out) + html[at:], parts


def put_back(html: str, parts: list[str]) -> str:
    """The HTML with each comment of `set_aside_excluded` replaced by its part again."""
    return _ASIDE_MARK.sub(lambda mark: parts[int(mark.group(1))], html) if parts else html


def _content_end(html: str, start: re.Match[str]) -> int | None:
    """Where the content of the element opened by `start` ends (its end tag's start); None when it
    has no end tag."""
    name, depth = start.group(1).lower(), 1
    if start.group(0).endswith("/>"):
        return None
    for tag in _START_OR_END.finditer(html, start.end()):
        if tag.group(2).lower() != name or tag.group(0).endswith("/>"):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start()
    return None
