"""When each page was last checked and when its next check is due: from `reviewed:` in front matter.

Pure functions: the hook shows both dates on the page and warns when a check is overdue; the
`translations` tool lists overdue pages too. "Today" comes from the caller (GUIDE_TODAY for tests).
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping

from .front_matter import page_parts
from .page_record import Review

# Set it to a date like 2027-12-01 to build or check as if it were that day (tests, planning ahead).
TODAY_VARIABLE = "GUIDE_TODAY"

from babel.core import UnknownLocaleError  # a dependency in pyproject.toml (Material needs it too)
from babel.dates import format_date as _babel_format_date

_REVIEWED_LINE = re.compile(r"^reviewed\s*:")


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months; a day the month lacks becomes its last day (Jan 31 + 1 month = Feb 28)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def as_date(value: object) -> dt.date | None:
    """The front matter's `reviewed:` as a date (YAML reads 2026-11-25 as a date; text is read too)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def due_date(reviewed: dt.date, months: int) -> dt.date:
    """The day the next check is due: `months` after the last one."""
    return add_months(reviewed, months)


@functools.lru_cache(maxsize=None)  # most pages share a few dates; Babel takes long for each
def format_date(day: dt.date, language: str) -> str:
    """The date as people write it in `language` ("November 25, 2026", "25 de noviembre de 2026"),
    or ISO (2026-11-25) for a language Babel does not know."""
    try:
        return _babel_format_date(day, format="long", locale=language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return day.isoformat()


def page_review(reviewed: object, months: int, language: str) -> Review | None:
    """Both dates of a page, for the reader of `language`; None when `reviewed:` is missing or not a date
    (the front matter check already says so)."""
    day = as_date(reviewed)
    if day is None:
        return None
    due = due_date(day, months)
    return Review(day, due, format_date(day, language), format_date(due, language))


def today_from(value: str | None, clock: Callable[[], dt.date] = dt.date.today) -> dt.date:
    """Today, or the day GUIDE_TODAY names; ValueError with the fix when it names none."""
    if not value:
        return clock()
    day = as_date(value)
    if day is None:
        raise ValueError(f'{TODAY_VARIABLE}="{value}" is not a date. Use a date like {TODAY_VARIABLE}=2027-12-01, '
                         f"or leave it out to use today's date.")
    return day


def overdue_message(path: str, line: int, reviewed: dt.date, due: dt.date) -> str:
    return (f"{path}:{line}: this page is overdue for a check: reviewed {reviewed.isoformat()}, next check due by "
            f"{due.isoformat()}. Check the page against the sources, then change `reviewed:` to the day you checked it.")


def overdue_pages(pages: Mapping[str, str], months: int, today: dt.date, folder: str = "docs") -> list[str]:
    """One message for each page whose next check is due before `today`. `pages` maps "es/crs.md" to
    the file's text; pages with no valid `reviewed:` are left to the front matter check."""
    messages = []
    for src_uri, text in sorted(pages.items()):
        reviewed = as_date(page_parts(text)[0].get("reviewed"))
        if reviewed is None or today <= due_date(reviewed, months):
            continue
        line = next((n for n, row in enumerate(text.splitlines(), start=1) if _REVIEWED_LINE.match(row)), 1)
        messages.append(overdue_message(f"{folder}/{src_uri}", line, reviewed, due_date(reviewed, months)))
    return messages
