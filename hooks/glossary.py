"""MkDocs hook: the glossary page from glossary/<lang>.yml, and term marks on every other page.

The logic lives in guide.glossary (data, page) and guide.term_marks (HTML); this file only wires
it to MkDocs events and reports problems.
"""
from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.glossary import Glossary, load_glossary, glossary_page
from i18n_state import LanguageStack, default_language, is_outer_build
from guide.term_marks import MODES, Matcher, MarkerError, build_matcher, mark_terms

log = get_plugin_logger(__name__)


@dataclass
class _Language:
    glossary: Glossary
    matcher: Matcher | None
    matched: set[str] = field(default_factory=set)
    pages: int = 0


_languages: dict[str, _Language] = {}


def _settings(config: MkDocsConfig) -> dict:
    return {"folder": "glossary", "page": "glossary.md", "mode": "per_page", **config.extra.get("guide", {}).get("glossary", {})}


def _language(page: Page, config: MkDocsConfig) -> str:
    """The language of the page's text (English for a page shown untranslated in another language)."""
    return getattr(page.file, "locale", None) or config.theme["language"]


_missing_warned: set[tuple[str, str]] = set()
_building = LanguageStack()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_outer_build(config):  # hook modules stay loaded across `mkdocs serve` rebuilds
        _languages.clear()
        _missing_warned.clear()
        _building.reset()
    mode = _settings(config)["mode"]
    if mode not in MODES:
        raise PluginError(f"mkdocs.yml: extra.guide.glossary.mode is {mode!r}. Use one of: {', '.join(MODES)}.")
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    _building.push(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _languages:
        return files  # every language's data was loaded and checked in the outer build
    settings = _settings(config)
    root = Path(config.config_file_path).parent
    problems = []
    for data_file in sorted((root / settings["folder"]).glob("*.yml")):
        relative = os.path.relpath(data_file, root)
        glossary, found = load_glossary(data_file.read_text(encoding="utf-8"), relative, data_file.stem)
        problems += found
        _languages[data_file.stem] = _Language(glossary, build_matcher({e.id: e.forms for e in glossary.entries}))
    if problems:
        raise PluginError("\n".join(str(problem) for problem in problems))
    return files


def _is_glossary_page(page: Page, config: MkDocsConfig) -> bool:
    name = _settings(config)["page"]
    return page.file.src_uri == name or page.file.src_uri.endswith("/" + name)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The glossary page is a real file holding only front matter (so that mkdocs-static-i18n,
    # which re-reads every page from disk, treats it like any page); its body comes from the data.
    if not _is_glossary_page(page, config):
        return markdown
    language = _language(page, config)
    folder = _settings(config)["folder"]
    if language not in _languages:
        raise PluginError(f"docs/{page.file.src_uri}: there is no {folder}/{language}.yml to make this page from. "
                          f"Add it: copy the English glossary file and translate the definitions.")
    if markdown.strip():
        raise PluginError(f"docs/{page.file.src_uri}: this page is made from {folder}/{language}.yml. "
                          "Keep only its front matter here, and edit the terms in the data file.")
    return glossary_page(_languages[language].glossary, str(page.meta.get("title", "Glossary")))


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    settings = _settings(config)
    site, text = config.theme["language"], _language(page, config)
    matching = _languages.get(text)                # terms as written in the page's text
    explaining = _languages.get(site) or matching  # definitions in the reader's language
    if matching is None or _is_glossary_page(page, config) or page.meta.get("glossary") is False:
        return html_text
    name = settings["page"]
    glossary_file = (files.get_file_from_path(f"{site}/{name}") or files.get_file_from_path(f"{text}/{name}")
                     or files.get_file_from_path(f"{default_language(config)}/{name}"))
    if glossary_file is None:
        raise PluginError(f"docs/{default_language(config)}/{name} is missing. Add it with front matter only "
                          "(title, description, reviewed, sources): its text is made from the glossary data.")
    href = get_relative_url(glossary_file.url, page.url)

    def render(entry_id: str, term: str) -> str:
        return (f'<a class="guide-term" href="{html.escape(href)}#{entry_id}" '
                f'data-guide-term="{entry_id}">{term}</a>')

    try:
        marks = mark_terms(html_text, matching.matcher, render, page.meta.get("glossary_mode", settings["mode"]))
    except (MarkerError, ValueError) as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
    explaining.matched |= marks.matched
    explaining.pages += 1
    own, fallback = explaining.glossary.by_id(), matching.glossary.by_id()
    entries = []
    for entry_id in marks.marked:
        entry, lang = own.get(entry_id), ""
        if entry is None:
            entry, lang = fallback[entry_id], text
            if (site, entry_id) not in _missing_warned:
                _missing_warned.add((site, entry_id))
                log.warning(f'{settings["folder"]}/{site}.yml: the entry "{entry_id}" is missing, so the '
                            f"{text} definition is shown. Add the entry, translated.")
        entries.append({"id": entry_id, "term": entry.headword, "definition": entry.definition,
                        "href": f"{href}#{entry_id}", "lang": lang})
    page.meta["guide_words"] = {"title": explaining.glossary.labels["words_to_know"],
                                "more": explaining.glossary.labels["more"], "entries": entries}
    return marks.html


def on_post_build(config: MkDocsConfig) -> None:
    language = _building.pop(config)  # each language's build reports on its own glossary
    state = _languages.get(language)
    if state is None or not state.pages:
        return
    for entry in state.glossary.entries:
        if entry.id not in state.matched:
            log.warning(f'{_settings(config)["folder"]}/{language}.yml:{entry.line}: the term "{entry.term}" '
                        f'(entry "{entry.id}") appears on no page. Use it in a page, add the word '
                        "the pages use as an alias, or remove the entry.")
