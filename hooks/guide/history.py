"""Find an earlier version of an English page in git history, by its content hash."""
from __future__ import annotations

import subprocess
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .translations import english_hash


def english_finder(root: Path, english_dir: str) -> Callable[[str, str], str | None]:
    """`find(page, version)` -> the page's text at that version, or None (no git, or not found)."""

    @lru_cache(maxsize=256)
    def find(page: str, version: str) -> str | None:
        path = f"{english_dir}/{page}"
        try:
            commits = subprocess.run(["git", "log", "--format=%H", "--", path], cwd=root,
                                     capture_output=True, text=True, timeout=30).stdout.split()
            for commit in commits:
                text = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=root,
                                      capture_output=True, text=True, timeout=30).stdout
                if text and english_hash(text) == version:
                    return text
        except (OSError, subprocess.SubprocessError):
            return None
        return None

    return find
