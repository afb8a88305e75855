"""`python -m guide readability [FILE ...]`: the reading-level report without a full site build.

Each page is scored by the build's own function (guide.reading_level) from its Markdown, rendered
with the site's Markdown extensions. Exit 1 when a page is over a fail limit or breaks a rule.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from ..readability_report import details, table
from . import FINDINGS, OK, ToolError, load, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", type=Path, help="Markdown pages (default: every page in docs/)")
    parser.add_argument("--all-details", action="store_true", help="show the hardest sentences of every page")


def run(args: argparse.Namespace) -> int:
    project = load(args.config)
    docs = project.docs.resolve()
    names = []
    for path in args.files or [docs / name for name in project.pages]:
        try:
            names.append(Path(path).resolve().relative_to(docs).as_posix())
        except ValueError:
            raise ToolError(f"{path}: this is not a page in {project.relative(docs)}/.") from None
        if names[-1] not in project.pages:
            raise ToolError(f"{path}: there is no such page.")
    assessed = [project.assess_source(name) for name in names]
    project.save_syllables()
    reports = [a.report for a in assessed]
    say(*table(reports, {r.language: project.language(r.language).columns for r in reports}))
    for a in assessed:
        if a.report.status != "ok" or args.all_details or len(names) == 1:
            say("", *details(a.report), *(p for p in a.problems if "front matter" in p))
    return FINDINGS if any(a.problems for a in assessed) else OK
