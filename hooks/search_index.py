"""MkDocs hook: each language gets its own search index (site/es/search/search_index.json), and
its pages point Material's search at it. Logic in guide.search_index.

Material fetches `search/search_index.json` relative to the page's `base_url`, so a page of a
non-default language gets its language folder as `base_url`.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.search_index import localize_index
from i18n_state import LanguageStack, default_language, is_outer_build

_saved: dict[str, str] = {}  # the default language's raw index, kept before other builds overwrite it
_building = LanguageStack()


def _index(config: MkDocsConfig) -> Path:
    return Path(config.site_dir) / "search" / "search_index.json"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_outer_build(config):
        _saved.clear()
        _building.reset()
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    site = _building.push(config)
    if site != default_language(config) and "raw" not in _saved and _index(config).exists():
        _saved["raw"] = _index(config).read_text(encoding="utf-8")  # written by the default build


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    site = config.theme["language"]
    if site != default_language(config):
        context["base_url"] = get_relative_url(f"{site}/", page.url)
    return context


# After mkdocs-static-i18n's own post_build (-100), which builds the other languages and then
# rewrites the shared index; ours comes last and puts the default language's index back.
@event_priority(-110)
def on_post_build(config: MkDocsConfig) -> None:
    site, default = _building.pop(config), default_language(config)
    root = _index(config)
    if not root.exists():
        return
    if site == default:
        raw = _saved.get("raw") or root.read_text(encoding="utf-8")
        root.write_text(json.dumps(localize_index(json.loads(raw), site, "")), encoding="utf-8")
        return
    target = Path(config.site_dir) / site / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(localize_index(json.loads(root.read_text(encoding="utf-8")), site, f"{site}/")),
                      encoding="utf-8")
    if "raw" in _saved:
        root.write_text(_saved["raw"], encoding="utf-8")
