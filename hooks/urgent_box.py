"""MkDocs hook: end every page with the urgent box from docs/<language>/_includes/urgent.md."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide.urgent_box import append_urgent_box

_boxes: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _boxes.clear()  # hook modules stay loaded across `mkdocs serve` rebuilds
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The reader's language, even on a page shown untranslated: this box is about their safety.
    return append_urgent_box(markdown, _box(config.theme["language"], config))


def _box(language: str, config: MkDocsConfig) -> str:
    if language not in _boxes:
        relative = config.extra.get("guide", {}).get("urgent_box", "_includes/urgent.md")
        path = Path(config.docs_dir) / language / relative
        try:
            _boxes[language] = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PluginError(
                f"{path}: the urgent box for language '{language}' is missing. "
                "Copy docs/en/" + relative + " there and translate it."
            ) from None
    return _boxes[language]
