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
    return getattr(page.file, "locale", None) or config.theme["language"]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _languages.clear()  # hook modules stay loaded across `mkdocs serve` rebuilds
    mode = _settings(config)["mode"]
    if mode not in MODES:
        raise PluginError(f"mkdocs.yml: extra.guide.glossary.mode is {mode!r}. Use one of: {', '.join(MODES)}.")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
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
    language = _language(page, config)
    state = _languages.get(language)
    if state is None or _is_glossary_page(page, config) or page.meta.get("glossary") is False:
        return html_text
    glossary_file = files.get_file_from_path(f"{language}/{settings['page']}") or files.get_file_from_path(settings["page"])
    if glossary_file is None:
        raise PluginError(f"docs/{language}/{settings['page']} is missing. Add it with front matter only "
                          "(title, description, reviewed, sources): its text is made from the glossary data.")
    href = get_relative_url(glossary_file.url, page.url)
    definitions = state.glossary.by_id()

    def render(entry_id: str, text: str) -> str:
        return (f'<a class="guide-term" href="{html.escape(href)}#{entry_id}" '
                f'data-guide-term="{entry_id}">{text}</a>')

    try:
        marks = mark_terms(html_text, state.matcher, render, page.meta.get("glossary_mode", settings["mode"]))
    except (MarkerError, ValueError) as error:
        raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
    state.matched |= marks.matched
    state.pages += 1
    page.meta["guide_words"] = {
        "title": state.glossary.labels["words_to_know"],
        "more": state.glossary.labels["more"],
        "entries": [
            {"id": i, "term": definitions[i].headword, "definition": definitions[i].definition, "href": f"{href}#{i}"}
            for i in marks.marked
        ],
    }
    return marks.html


def on_post_build(config: MkDocsConfig) -> None:
    for language, state in _languages.items():
        if not state.pages:
            continue  # this build did not show that language's pages
        for entry in state.glossary.entries:
            if entry.id not in state.matched:
                log.warning(f'{_settings(config)["folder"]}/{language}.yml:{entry.line}: the term "{entry.term}" '
                            "(entry \"" + entry.id + "\") appears on no page. Use it in a page, add the word "
                            "the pages use as an alias, or remove the entry.")
