"""The site model: the only module that knows MkDocs and mkdocs-static-i18n internals.

mkdocs-static-i18n builds every other language from inside the default language's post_build event,
and each of those builds fires every event again (on_config too), leaving config.theme set to the
last language. So this module keeps one `Site` per run: it is reset only by the outer build, it owns
the one stack of languages being built, one record per page and language, and each feature's state.
The `site_model.py` hook drives it; the other hooks only call `site`.
"""
from __future__ import annotations

import os

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin
from typing import TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from guide.disk_cache import Memo
from guide.page_record import PageRecord
from guide.project import Project, ProjectError, SiteInputs, load_project
from guide.settings import guide_section

log = get_plugin_logger("guide")
LOCAL_ADDRESS = "http://127.0.0.1:8000/"  # `make serve`'s address
State = TypeVar("State")
M = TypeVar("M", bound=Memo)


def inputs_from(config: MkDocsConfig) -> SiteInputs:
    """What the project needs, as MkDocs read mkdocs.yml."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        language = config.theme["language"]
        default, names, built = language, {language: language}, (language,)
    else:
        languages = plugin.config.languages
        default = next((lang.locale for lang in languages if lang.default), languages[0].locale)
        names = {lang.locale: lang.name for lang in languages}
        built = tuple(lang.locale for lang in languages if lang.build)
    excluded = "\n".join(str(p.pattern) for p in config.exclude_docs.patterns) if config.exclude_docs else ""
    return SiteInputs(Path(config.config_file_path).resolve(), Path(config.docs_dir), default, names, built,
                      guide_section(config.extra), config.nav, excluded, tuple(config.markdown_extensions),
                      dict(config.mdx_configs), config.site_url or "")


class Site:
    def __init__(self) -> None:
        self.command = "build"
        self._project: Project | None = None
        self._building: list[str] = []
        self._records: dict[tuple[str, str], PageRecord] = {}
        self._states: dict[type, object] = {}
        self._said: set[str] = set()
        self._at_end: dict[str, Callable[[], None]] = {}

    # The run: reset by the outer build (a new `mkdocs build`, or a `mkdocs serve` rebuild).
    def start(self, config: MkDocsConfig) -> None:
        if getattr(config.plugins.get("i18n"), "building", False):
            return  # another language of the same run
        self._building.clear()
        self._records.clear()
        self._states.clear()
        self._said.clear()
        self._at_end.clear()
        try:
            self._project = load_project(inputs_from(config))
        except ProjectError as error:
            self._project = None
            raise PluginError(str(error)) from None
        for note in self._project.notes:
            log.info(note)
        for warning in self._project.warnings:
            log.warning(warning)

    @property
    def project(self) -> Project:
        if self._project is None:
            raise PluginError("The guide's hooks need hooks/site_model.py listed first under hooks: in mkdocs.yml.")
        return self._project

    def enter(self, config: MkDocsConfig) -> None:
        self._building.append(config.theme["language"])

    def leave(self, config: MkDocsConfig) -> None:
        if self._building:
            self._building.pop()
        if not self._building:  # the run is over: keep what the hooks' memos learned for the next one
            for state in self._states.values():
                if isinstance(state, Memo):
                    state.save()
            self._end_run()

    def abandon(self) -> None:
        """A build failed: still do what hooks asked to do at the end (the reading-level report is most
        wanted when the gate fails), with what was done so far."""
        self._building.clear()
        self._end_run()

    def _end_run(self) -> None:
        actions, self._at_end = list(self._at_end.values()), {}
        for action in actions:
            action()

    def at_end(self, name: str, action: Callable[[], None]) -> None:
        """Do `action` once, when the run of every language is over; a later one of the same name replaces it."""
        self._at_end[name] = action

    def makes_files(self) -> bool:
        """Handouts and offline copies are made in `mkdocs build`; in `mkdocs serve` only with GUIDE_HANDOUTS=1."""
        return os.environ.get("GUIDE_HANDOUTS", "0" if self.command == "serve" else "1") not in ("0", "", "false", "no")

    def language(self, config: MkDocsConfig) -> str:
        """The language being built now (right in post_build too, after the nested builds)."""
        return self._building[-1] if self._building else config.theme["language"]

    def is_default(self, language: str) -> bool:
        return language == self.project.default

    def state(self, kind: type[State], make: Callable[[], State] | None = None) -> State:
        """A feature's state for this run: made on first use (by `make`, else `kind()`), dropped by the next run."""
        if kind not in self._states:
            self._states[kind] = make() if make else kind()
        return self._states[kind]  # type: ignore[return-value]

    def once(self, kind: type[dict], key: str, make: Callable[[], str]) -> str:
        """Text made once per run for `key` (a language's words for the memos' keys, say), kept in
        the run's `kind` state: not made again for every page."""
        kept = self.state(kind)
        if key not in kept:
            kept[key] = make()
        return kept[key]

    def memo(self, kind: type[M], file_name: str) -> M:
        """A hook's memo for this run (a `Memo` subclass), kept in the cache folder between builds."""
        project = self.project
        return self.state(kind, lambda: kind(project.root / project.settings.reading_level.cache / file_name))

    def has(self, kind: type) -> bool:
        return kind in self._states

    # Pages
    def record(self, page: Page, config: MkDocsConfig) -> PageRecord:
        site = config.theme["language"]
        key = (site, page.file.src_uri)
        if key not in self._records:
            text = getattr(page.file, "locale", None) or site  # mkdocs-static-i18n marks a fallback page's file
            project = self.project
            _, name = project.split(page.file.src_uri)
            self._records[key] = PageRecord(page.file.src_uri, name, site, text, project.language(text).direction,
                                            project.strings.get(site, project.strings[project.default]),
                                            project.language(site).direction)
        return self._records[key]

    def page_file(self, files: Files, name: str, *languages: str) -> File | None:
        """The first of the languages' versions of a page, found by its name inside the language folder."""
        for language in (*languages, self.project.default):
            found = files.get_file_from_path(f"{language}/{name}")
            if found is not None:
                return found
        return None

    def folder(self, language: str) -> str:
        """A language's folder in the site: "" for the default language, "es/" for the others."""
        return "" if self.is_default(language) else f"{language}/"

    @staticmethod
    def address(config: MkDocsConfig, path: str = "") -> str:
        """The published address of a path in the site (`make serve`'s address when site_url is not set)."""
        return urljoin(config.site_url or LOCAL_ADDRESS, path)

    def site_dir(self, config: MkDocsConfig, language: str) -> Path:
        """Where a language's pages go: site/ for the default language, site/<lang>/ for the others."""
        return Path(config.site_dir) if self.is_default(language) else Path(config.site_dir) / language

    # Messages
    @staticmethod
    def warn(*messages: str) -> None:
        """Findings about content: `mkdocs serve` goes on, `mkdocs build --strict` fails."""
        for message in messages:
            log.warning(message)

    def warn_once(self, *messages: str) -> None:
        """Warn once per run for each message, however many pages lead to it."""
        for message in messages:
            if message not in self._said:
                self._said.add(message)
                log.warning(message)

    @staticmethod
    def info(message: str) -> None:
        log.info(message)

    @staticmethod
    def fail(problems: list[str] | str) -> PluginError:
        """Broken data: the build stops and names every problem (raise what this returns)."""
        return PluginError(problems if isinstance(problems, str) else "\n".join(problems))


site = Site()
