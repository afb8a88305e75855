"""The house rules of ARCHITECTURE.md, checked on the code: thin hooks, one site model, one settings
reader, tools on top."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from sitebuild import ROOT

HOOKS = ROOT / "hooks"
SITE_MODEL = HOOKS / "guide_site.py"


def python_files() -> list[Path]:
    return sorted(p for p in HOOKS.rglob("*.py") if "egg-info" not in str(p))


def test_every_event_function_is_thin() -> None:
    long = []
    for path in sorted(HOOKS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("on_"):
                body = node.body[1:] if ast.get_docstring(node) else node.body
                lines = body[-1].end_lineno - body[0].lineno + 1
                if lines > 12:
                    long.append(f"{path.name}:{node.lineno} {node.name} has {lines} lines")
    assert not long, long


def test_state_lives_in_the_site_model_only() -> None:
    found = []
    for path in python_files():
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        if path != SITE_MODEL and any(isinstance(node, ast.Global) for node in ast.walk(tree)):
            found.append(f"{path.relative_to(ROOT)}: global")
        if "LanguageStack" in text:
            found.append(f"{path.relative_to(ROOT)}: LanguageStack")
    assert not found, found


def test_hooks_keep_no_module_level_mutable_state() -> None:
    """A dict, list or set made at import time outlives a `mkdocs serve` rebuild: use site.state()."""
    mutable = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
    found = []
    for path in sorted(HOOKS.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            called = isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and \
                value.func.id in ("dict", "list", "set", "defaultdict", "Site")
            if isinstance(value, mutable) or (called and path != SITE_MODEL):
                found.append(f"{path.name}:{node.lineno}")
    assert not found, found


def test_no_page_meta_message_bus() -> None:
    pattern = re.compile(r"""page\.meta(?:\[["']|\.|\.get\(["'])guide_""")
    files = python_files() + sorted((ROOT / "overrides").rglob("*.html"))
    assert not [p.name for p in files if pattern.search(p.read_text(encoding="utf-8"))]


def test_only_the_settings_module_reads_extra_guide() -> None:
    pattern = re.compile(r"""extra\.get\(["']guide["']|get\(["']extra["'], \{\}\)\.get\(["']guide["']|extra\[["']guide["']\](?!\s*=)""")  # reads
    assert [p.relative_to(HOOKS).as_posix() for p in python_files()
            if pattern.search(p.read_text(encoding="utf-8"))] == ["guide/settings.py"]


def test_no_hook_or_core_module_imports_a_tool() -> None:
    found = []
    for path in python_files():
        if "tools" in path.parts or path.name == "__main__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if any("tools" in name.split(".") or name.endswith("_cli") for name in names):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, found


def test_the_core_does_not_know_mkdocs() -> None:
    core = [p for p in (HOOKS / "guide").rglob("*.py") if "tools" not in p.parts]
    assert [p.name for p in core if re.search(r"^\s*(?:from|import) mkdocs", p.read_text("utf-8"), re.M)] == []


def test_the_site_model_hook_comes_first() -> None:
    from guide.mkdocs_yml import load_mkdocs_yml

    assert load_mkdocs_yml(ROOT / "mkdocs.yml")["hooks"][0] == "hooks/site_model.py"
