"""A Content-Security-Policy for each page, as a meta tag (GitHub Pages cannot send headers).

Inline scripts are allowed one by one by their sha256 hash, computed from the finished page;
no 'unsafe-inline' for scripts, and nothing from any other host.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping

from .term_marks import tokenize

_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
# Script types the browser runs; a JSON data block (Material's __config) is not run.
_RUNNABLE = {"", "text/javascript", "application/javascript", "module"}


def inline_scripts(page: str) -> list[str]:
    """The text of each inline script the browser would run."""
    scripts, inside = [], None
    for token in tokenize(page):
        if token.kind == "start" and token.name == "script":
            match = _TYPE.search(token.raw)
            runnable = (match.group(1).lower() if match else "") in _RUNNABLE and not _SRC.search(token.raw)
            inside = [] if runnable else None
        elif token.kind == "end" and token.name == "script":
            if inside is not None:
                scripts.append("".join(inside))
            inside = None
        elif inside is not None:
            inside.append(token.raw)
    return scripts


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def policy(page: str, directives: Mapping[str, str]) -> str:
    """The policy for one page: the configured directives, with the page's inline script hashes added."""
    hashes = sorted(set(script_hash(s) for s in inline_scripts(page)))
    parts = []
    for name, value in directives.items():
        if name == "script-src":
            value = " ".join([value, *hashes]).strip()
        parts.append(f"{name} {value}".strip())
    return "; ".join(parts)


def add_policy(page: str, directives: Mapping[str, str]) -> str:
    """Insert the policy meta tag first in <head>, before any script can run."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(page, directives)}">'
    return re.sub(r"(<head\b[^>]*>)", lambda m: m.group(1) + "\n    " + tag, page, count=1)
