"""Shared by our hooks (not a hook itself): which language a build is for, and whether it is the
outer build.

mkdocs-static-i18n builds the other languages from inside the default language's post_build event.
Each of those builds fires every event again, on_config included, and leaves config.theme set to
the last language. So module state is reset only in the outer build, and a post_build finds its
language on a stack filled by pre_build.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def default_language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return config.theme["language"]
    languages = plugin.config.languages
    return next((lang.locale for lang in languages if lang.default), languages[0].locale)


def is_outer_build(config: MkDocsConfig) -> bool:
    """True for the first language's build (a new `mkdocs build` or a `mkdocs serve` rebuild)."""
    return not getattr(config.plugins.get("i18n"), "building", False)


class LanguageStack:
    """Call push() in on_pre_build and pop() in on_post_build to know which language just finished."""

    def __init__(self) -> None:
        self._stack: list[str] = []

    def reset(self) -> None:
        self._stack.clear()

    def push(self, config: MkDocsConfig) -> str:
        self._stack.append(config.theme["language"])
        return self._stack[-1]

    def pop(self, config: MkDocsConfig) -> str:
        return self._stack.pop() if self._stack else config.theme["language"]
