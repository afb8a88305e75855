"""One search index per language: only that language's pages, its own stemming and stop words.

mkdocs-static-i18n stacks every language into one shared index, so a Spanish reader on a phone
would download all three languages and see mixed results; we split it instead.

Stemming: Material turns every search word into a prefix search ("fiebres" -> "fiebres*"), which
skips lunr's stemmer, so a stemmed index would miss "fiebre" and an unstemmed one misses
"fiebres". Each document therefore gets a `variants` field: the other forms of its words that share
a Snowball stem anywhere in the language's pages, plus their simple plurals, and every form without
its accents or other marks, so that "fievre" typed on a phone finds "fièvre".
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import snowballstemmer

from .languages import Language, base_code

_WORD = re.compile(r"[^\W\d_]{4,}")  # short words are mostly stop words: no variants for them
_TAG = re.compile(r"<[^>]+>")


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
    words_of = [set(_WORD.findall(_TAG.sub(" ", f"{d.get('title', '')} {d.get('text', '')}").lower())) for d in docs]
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
        extra = sorted(variants - words)
        if extra:
            doc["variants"] = " ".join(extra)


def localize_index(data: dict, language: Language, prefix: str) -> dict:
    """Keep the documents under `prefix` (like "es/"), make their locations relative to it, set the
    index's language (its stop words) and word separator, and add each document's word variants."""
    docs = [{**doc, "location": doc.get("location", "")[len(prefix):]}
            for doc in data.get("docs", []) if doc.get("location", "").startswith(prefix)]
    add_variants(docs, language)
    config = dict(data.get("config", {}))
    config["lang"] = [base_code(language.code)]
    if language.search_separator:
        config["separator"] = language.search_separator
    config["fields"] = {**config.get("fields", {}), "variants": {"boost": 0.5}}
    return {"config": config, "docs": docs}
