"""Shared by our hooks (not a hook itself): which language a build is for, and whether it is the
outer build.

mkdocs-static-i18n builds the other languages from inside the default language's post_build event.
Each of those builds fires every event again, on_config included, and leaves config.theme set to
the last language. So module state is reset only in the outer build, and a post_build finds its
language on a stack filled by pre_build.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def configured_languages(config: MkDocsConfig) -> tuple[str, dict[str, str], list[str]]:
    """(the default language, every configured language's code and name, the languages built)."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        language = config.theme["language"]
        return language, {language: language}, [language]
    languages = plugin.config.languages
    default = next((lang.locale for lang in languages if lang.default), languages[0].locale)
    return default, {lang.locale: lang.name for lang in languages}, [lang.locale for lang in languages if lang.build]


def default_language(config: MkDocsConfig) -> str:
    return configured_languages(config)[0]


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
