"""`python -m guide check-site [SITE]`: a built site's internal links and anchors all lead somewhere,
and no page loads anything from another host. Exit 1 when something is broken."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..site_check import check_site
from . import FINDINGS, OK, ToolError, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="the built site (default: site/)")


def run(args: argparse.Namespace) -> int:
    if not (args.site / "index.html").exists():
        raise ToolError(f"{args.site}: there is no built site here. Run \"make build\" first.")
    problems = check_site(args.site)
    say(*problems, f"{len(problems)} broken links, anchors or outside resources.")
    return FINDINGS if problems else OK
