"""MkDocs hook: Jinja keeps the theme's compiled templates between builds.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n builds every language
anew, so Material's 30 or so templates were compiled again for each language: about a third of a
build's time. Jinja's own FileSystemBytecodeCache keeps them, checked against each template's source.
It needs nothing else from the guide, so a plain build can use it too (`make bench` compares both).
"""
from __future__ import annotations

import shutil
from importlib.metadata import version
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig

from guide.disk_cache import key_of
from guide.settings import SettingsError, guide_section, parse_settings

# Jinja checks a kept template against its source only: a new version of these could compile the
# same source differently, so each set of versions keeps its own folder.
COMPILERS = ("jinja2", "mkdocs", "mkdocs-material", "mkdocs-static-i18n")


class KeptTemplates(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a folder that cannot be written makes the build slower, not wrong


def on_env(env: jinja2.Environment, config: MkDocsConfig, files) -> jinja2.Environment:
    try:  # the folder where the guide keeps its other results between builds
        parent = Path(config.config_file_path).parent / parse_settings(guide_section(config.extra)).reading_level.cache / "templates"
    except SettingsError:
        return env  # the site model reports broken settings
    folder = _folder(parent, env)
    if folder is not None:
        env.bytecode_cache = KeptTemplates(str(folder))
    return env


def _folder(parent: Path, env: jinja2.Environment) -> Path | None:
    """The folder for these compilers' versions (the templates of other versions deleted); None if it cannot be made."""
    folder = parent / key_of([*(version(name) for name in COMPILERS), *sorted(env.extensions)])[:16]
    try:
        if not folder.is_dir():
            shutil.rmtree(parent, ignore_errors=True)
            folder.mkdir(parents=True)
    except OSError:
        return None
    return folder
