"""MkDocs hook: check every page's front matter before the build uses it (logic in guide.front_matter)."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from guide.front_matter import Rules, check_front_matter
from i18n_state import is_outer_build

log = get_plugin_logger(__name__)
_checked = False  # every page of every language is checked in the first language's build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _checked
    if is_outer_build(config):
        _checked = False
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _checked
    if _checked:
        return files
    _checked = True
    settings = config.extra.get("guide", {})
    rules = Rules(
        required=tuple(settings.get("required_front_matter", ("title", "description", "reviewed", "sources"))),
        sources=frozenset(settings.get("sources", {})),
        description_max_length=int(settings.get("description_max_length", 160)),
    )
    docs = Path(os.path.relpath(config.docs_dir, Path(config.config_file_path).parent))
    errors = []
    for file in files.documentation_pages():
        path = (docs / file.src_uri).as_posix()
        findings = check_front_matter(file.content_string, path, rules)
        errors += findings.errors
        for problem in findings.warnings:
            log.warning(str(problem))
    if errors:
        raise PluginError("\n".join(str(problem) for problem in errors))
    return files
