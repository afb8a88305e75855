"""`python -m guide translations`: where each translation stands, without a build. Exit 1 when a
translation is outdated or broken, a file is in the wrong place, or a page is overdue for its check
(its `reviewed:` date is more than `extra.guide.review_interval_months` ago; GUIDE_TODAY=2027-12-01
checks as if it were that day).

`--stamp docs/es/crs.md` writes the English page's current version into that translation's
front matter (for a maintainer who has just brought it up to date).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
from pathlib import Path

from ..review_dates import TODAY_VARIABLE, overdue_pages, today_from
from ..status_report import translation_report
from ..translation_status import as_text
from ..translations import english_hash
from . import FINDINGS, OK, ToolError, load, say


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--stamp", nargs="+", type=Path, metavar="FILE",
                        help="mark these translations as made from the current English page")


def stamp(path: Path, docs: Path, default: str) -> str:
    try:
        relative = path.resolve().relative_to(docs.resolve())
    except ValueError:
        raise ToolError(f"{path}: this is not a page in docs/.") from None
    english = docs / default / Path(*relative.parts[1:])
    if not english.exists() or not path.exists():
        raise ToolError(f"{path}: there is no such translation, or no English page {english}.")
    version = english_hash(english.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    if re.search(r"^translation_of:.*$", text, flags=re.M):
        text = re.sub(r"^translation_of:.*$", f"translation_of: {version}", text, count=1, flags=re.M)
    else:
        text = re.sub(r"^---\n", f"---\ntranslation_of: {version}\n", text, count=1)
    path.write_text(text, encoding="utf-8")
    return f"{path}: translation_of: {version}"


def run(args: argparse.Namespace) -> int:
    project = load(args.config, keep_going=True)  # a broken page elsewhere must not hide the table
    if args.stamp:
        say(*(stamp(path, project.docs, project.default) for path in args.stamp))
        return OK
    today = _today()  # before the table: a wrong GUIDE_TODAY stops here
    report = translation_report(project, dict(project.inputs.names))
    for status in report.statuses:
        if status.language not in project.inputs.built:
            status.name += " (not built yet)"
    problems = project.problems + report.problems
    say(as_text(report.statuses), *problems)
    overdue = overdue_pages(project.pages, project.settings.review_interval_months, today, project.docs.name)
    if overdue:
        say("", f"Pages overdue for a check ({len(overdue)}):", *overdue)
    if problems or overdue or not all(status.ok for status in report.statuses):
        say("", "Something needs attention: see the lines marked OUTDATED, overdue, or with a fix above.")
        return FINDINGS
    return OK


def _today() -> dt.date:
    try:
        return today_from(os.environ.get(TODAY_VARIABLE))
    except ValueError as error:
        raise ToolError(str(error)) from None
