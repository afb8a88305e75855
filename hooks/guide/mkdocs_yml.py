"""Read mkdocs.yml outside MkDocs (for the command-line tools, the benchmark and the tests), with
its two tags: `!relative $config_dir` (the file's folder) and `!ENV [NAME, default]`."""
from __future__ import annotations

import os
from pathlib import Path

import yaml


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """`!ENV [NAME, default]`: the variable's value, else the default (as MkDocs reads it)."""
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in values[:-1] if len(values) > 1 else values:
        if os.environ.get(str(name)):
            return os.environ[str(name)]
    return values[-1] if len(values) > 1 else None


def load_mkdocs_yml(config_file: Path) -> dict:
    folder = str(Path(config_file).resolve().parent)
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!relative", lambda _, node: folder)
    loader.add_constructor("!ENV", _env)
    # Other tags (like !!python/name:) are not needed outside MkDocs: read them as nothing.
    loader.add_multi_constructor("", lambda _, suffix, node: None)
    return yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=loader)
