"""Changes to the theme's stylesheets, made on the built copies.

At every page load Material's palette switch marks <body> with `data-md-color-switching` (it applies
the palette then, even when nothing changes) and unmarks it a frame later. A rule in its stylesheet
turns off every transition while the mark is there (`[data-md-color-switching] *`): it applies to
every element, so the browser restyled the whole page twice per load, 150 to 250 ms of blocked
screen on Lighthouse's phone preset, the largest single cost of the theme's script. Without that
rule, links and menus fade over the theme's short transitions (at most 0.25 s) when the colours
change: when a reader switches between light and dark, and on a dark-mode reader's first page (the
page starts light until the theme's script applies dark; the background changes at once).
"""
from __future__ import annotations

import re

SWITCHING = "data-md-color-switching"
# A whole rule (its selector list and block) that names the mark anywhere in its selectors. No "/"
# or ";" before the block: a comment there leaves the sheet as it is (and a test says so).
_SWITCHING_RULE = re.compile(r"(?<=[{}])[^{}/;]*\[" + SWITCHING + r"\][^{}/;]*\{[^{}]*\}")


def without_switching_rule(css: str) -> str:
    """`css` without the rules that restyle every element while the palette switches. Each becomes
    spaces of its length, so the theme's source map still points at the right columns."""
    return _SWITCHING_RULE.sub(lambda found: " " * len(found.group()), css)
