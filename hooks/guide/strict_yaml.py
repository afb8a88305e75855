"""Load YAML the strict way: a repeated key is an error, and every top-level key keeps its line."""
from __future__ import annotations

from typing import Any

import yaml


class DuplicateKeyError(yaml.MarkedYAMLError):
    """Raised for a key written twice in one mapping (PyYAML would silently keep the last)."""


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C parser is ~10x faster
    pass


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise DuplicateKeyError(
                problem=f'the key "{key}" is written twice',
                problem_mark=key_node.start_mark,
            )
        seen[key] = key_node
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_strict(text: str) -> tuple[Any, dict[str, int]]:
    """Parse `text`; return the data and, for a top-level mapping, each key's 1-based line.

    Raises yaml.YAMLError (with a mark giving the line) when the text is not valid YAML
    or repeats a key.
    """
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, {}
        data = loader.construct_document(root)
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if isinstance(root, yaml.MappingNode):
        for key_node, _ in root.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 1
    return data, lines


def error_line(error: yaml.YAMLError) -> int:
    """The 1-based line a YAML error points at (1 when PyYAML gives no position)."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else 1


def error_text(error: yaml.YAMLError) -> str:
    """A one-line description of a YAML error, without PyYAML's multi-line layout."""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    return f"{context}, {problem}" if context else str(problem)
