"""MkDocs hook: Jinja keeps the theme's compiled templates between builds.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds every language
anew, so Material's 30 or so templates were compiled again for each language: about a quarter of a
build's time. Jinja's own FileSystemBytecodeCache keeps them, checked against each template's source.
It needs nothing else from the guide, so a plain build can use it too (`make bench` compares both).
"""
from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig

from guide.settings import SettingsError, guide_section, parse_settings


def on_env(env: jinja2.Environment, config: MkDocsConfig, files) -> jinja2.Environment:
    try:  # the folder where the guide keeps its other results between builds
        folder = Path(config.config_file_path).parent / parse_settings(guide_section(config.extra)).reading_level.cache / "templates"
    except SettingsError:
        return env  # the site model reports broken settings
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env
