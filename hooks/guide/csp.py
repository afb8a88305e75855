"""A Content-Security-Policy for each page, as a meta tag (GitHub Pages cannot send headers).

Inline scripts are allowed one by one by their sha256 hash, computed from the finished page;
no 'unsafe-inline' for scripts, and nothing from any other host.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping

_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\ssrc\s*=", re.IGNORECASE)
# A comment (skipped) or a script element; a script's text ends at the first `</script`, as in HTML.
_SCRIPT = re.compile(r"<!--.*?-->|<script\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
# Script types the browser runs; a JSON data block (Material's __config) is not run.
_RUNNABLE = {"", "text/javascript", "application/javascript", "module"}


def inline_scripts(page: str) -> list[str]:
    """The text of each inline script the browser would run (found by a pattern: the tokenizer over
    the whole page took 5 ms a page)."""
    scripts = []
    for match in _SCRIPT.finditer(page):
        attributes = match.group(1)
        if attributes is None:  # a comment
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") in _RUNNABLE and not _SRC.search(attributes):
            scripts.append(match.group(2))
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
