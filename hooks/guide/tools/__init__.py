"""The guide's command-line tools (`python -m guide <command>`): they sit on the core, never the other
way round, and no hook imports them. Exit codes mean the same in every command."""
from __future__ import annotations

import sys
from pathlib import Path

from ..mkdocs_yml import load_mkdocs_yml
from ..project import Project, ProjectError, inputs_from_yaml, load_project

OK, FINDINGS, USAGE = 0, 1, 2   # all is well; something needs attention; the command or its input is wrong
ROOT = Path(__file__).resolve().parents[3]


class ToolError(Exception):
    """A problem the person running the tool must fix; the message says how. Exits with USAGE."""


def load(config_file: Path, keep_going: bool = False) -> Project:
    """The project of a mkdocs.yml, checked as the build checks it (with `keep_going`, the tool
    reports the problems itself: they are in `Project.problems`)."""
    config_file = Path(config_file)
    if not config_file.exists():
        raise ToolError(f"{config_file}: there is no such file. Give the site's mkdocs.yml with --config.")
    try:
        return load_project(inputs_from_yaml(load_mkdocs_yml(config_file), config_file), keep_going)
    except ProjectError as error:
        raise ToolError(str(error)) from None


def say(*lines: str) -> None:
    print("\n".join(lines))


def complain(message: str) -> None:
    print(message, file=sys.stderr)
