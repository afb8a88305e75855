"""Changes to the theme's stylesheets, made on the built copies.

Material's palette switch marks <body> with `data-md-color-switching` at every page load (it applies
the palette then, even when nothing changes) and unmarks it a frame later. Its stylesheet turns off
every transition while the mark is there, with a rule on every element (`[data-md-color-switching] *`),
so the browser restyles the whole page twice per load: 150 to 250 ms of blocked screen on Lighthouse's
phone preset, the largest single cost of the theme's script. Without that rule, the colours fade over
the theme's short transitions when a reader switches between light and dark; nothing else changes.
"""
from __future__ import annotations

import re

SWITCHING = "data-md-color-switching"
# A whole rule (its selector list and block) that names the mark anywhere in its selectors.
_SWITCHING_RULE = re.compile(r"(?<=[{}])[^{}]*\[" + SWITCHING + r"\][^{}]*\{[^{}]*\}")


def without_switching_rule(css: str) -> str:
    """`css` without the rules that restyle every element while the palette switches."""
    return _SWITCHING_RULE.sub("", css)
