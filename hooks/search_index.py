"""MkDocs hook: each language gets its own search index (site/es/search/search_index.json), and
its pages point Material's search at it. Logic in guide.search_index.

Material fetches `search/search_index.json` relative to the page's `base_url`, so a page of a
non-default language gets its language folder as `base_url`.

The parts of a page the search leaves out (`data-search-exclude`: drawings, help boxes) are set
aside while Material's search reads the page, and put back right after: its parser read every
tag of them only to drop them, the largest part of the time our hooks added to a build.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.disk_cache import cached_text
from guide.search_index import localize_index, put_back, set_aside_excluded
from guide_site import site

INDEX = Path("search") / "search_index.json"


class DefaultIndex(str):
    """The default language's raw index, kept before the other builds overwrite the shared file."""


def on_pre_build(config: MkDocsConfig) -> None:
    shared = Path(config.site_dir) / INDEX
    if not site.is_default(config.theme["language"]) and not site.has(DefaultIndex) and shared.exists():
        site.state(DefaultIndex, lambda: DefaultIndex(shared.read_text(encoding="utf-8")))


class SetAside(dict[tuple[str, str], list[str]]):
    """Each page's parts set aside from the search, by (language built, page)."""


@event_priority(-100)  # after every hook that reads or changes the page's HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    html, parts = set_aside_excluded(html)
    if parts:
        site.state(SetAside)[config.theme["language"], page.file.src_uri] = parts
    return html


@event_priority(-1)  # right after Material's search (0) has read the page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    parts = site.state(SetAside).pop((config.theme["language"], page.file.src_uri), None)
    if parts:
        page.content = put_back(page.content or "", parts)
    if not site.is_default(config.theme["language"]):
        context["base_url"] = get_relative_url(f"{config.theme['language']}/", page.url)
    return context


# After mkdocs-static-i18n's own post_build (-100), which builds the other languages and then
# rewrites the shared index; ours comes last and puts the default language's index back.
@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    language, shared = site.language(config), Path(config.site_dir) / INDEX
    if not shared.exists():
        return
    default = site.is_default(language)
    raw = site.state(DefaultIndex) if default and site.has(DefaultIndex) else shared.read_text(encoding="utf-8")
    (site.site_dir(config, language) / INDEX).parent.mkdir(parents=True, exist_ok=True)
    (site.site_dir(config, language) / INDEX).write_text(_localized(raw, language), encoding="utf-8")
    if not default and site.has(DefaultIndex):
        shared.write_text(site.state(DefaultIndex), encoding="utf-8")


def _localized(raw: str, language: str) -> str:
    """The language's index with its word variants, from the cache when the same index was done before."""
    record, prefix = site.project.language(language), site.folder(language)
    return cached_text(site.project.root / site.project.settings.reading_level.cache / "search", language,
                       [raw, repr(record), prefix], lambda: json.dumps(localize_index(json.loads(raw), record, prefix)))
