"""`python -m guide <command>`: the guide's tools behind one `--help`. The Makefile calls these.

Exit codes, the same for every command: 0 all is well, 1 something needs attention (a finding),
2 the command or its input is wrong (the message says what to do).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .tools import ROOT, USAGE, ToolError, bench, check_site, new_language, readability, translations

COMMANDS = {
    "readability": (readability, "reading level of one page or all, without a build"),
    "translations": (translations, "where each translation stands"),
    "new-language": (new_language, "start a new language"),
    "check-site": (check_site, "check a built site's links and anchors"),
    "bench": (bench, "time our build against a plain Material build"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    for name, (module, summary) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=(module.__doc__ or summary).strip())
        sub.add_argument("--config", type=Path, default=argparse.SUPPRESS, help="the site's mkdocs.yml")
        module.add_arguments(sub)
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command][0].run(args)
    except ToolError as error:
        print(error, file=sys.stderr)
        return USAGE


if __name__ == "__main__":
    raise SystemExit(main())
