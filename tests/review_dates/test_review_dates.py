"""When a page's next check is due: month arithmetic, front matter dates, dates in each language,
"today", the overdue messages and the setting."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.review_dates import (add_months, as_date, due_date, format_date, overdue_pages, page_review,
                                today_from)
from guide.settings import SettingsError, parse_settings
from sitebuild import examples

PAGE = "---\ntitle: CRS\ndescription: A page.\nreviewed: {reviewed}\nsources: []\n---\n\n# CRS\n"


@pytest.mark.parametrize(("day", "months", "expected"), [
    ("2026-01-31", 1, "2026-02-28"),   # February has no 31st: its last day
    ("2028-01-31", 1, "2028-02-29"),   # a leap year
    ("2026-03-31", 1, "2026-04-30"),
    ("2028-02-29", 12, "2029-02-28"),  # a leap day, a year later
    ("2026-11-25", 12, "2027-11-25"),  # the guide's yearly check
    ("2026-12-15", 1, "2027-01-15"),   # over the end of the year
    ("2026-11-25", 25, "2028-12-25"),
    ("2026-01-01", 0, "2026-01-01"),
])
def test_add_months_keeps_the_day_or_takes_the_last_day_of_the_month(day: str, months: int, expected: str) -> None:
    assert add_months(dt.date.fromisoformat(day), months) == dt.date.fromisoformat(expected)


@settings(max_examples=examples(500))
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2900, 12, 31)), st.integers(min_value=1, max_value=1200))
def test_the_due_date_is_exactly_that_many_calendar_months_later(day: dt.date, months: int) -> None:
    due = due_date(day, months)
    assert (due.year * 12 + due.month) - (day.year * 12 + day.month) == months
    assert due.day == day.day or (due.day < day.day and (due + dt.timedelta(days=1)).day == 1)  # else the month's last day
    assert due > day


def test_reviewed_is_read_from_yaml_dates_and_text() -> None:
    assert as_date(dt.date(2026, 11, 25)) == dt.date(2026, 11, 25)
    assert as_date(dt.datetime(2026, 11, 25, 9, 30)) == dt.date(2026, 11, 25)
    assert as_date("2026-11-25") == dt.date(2026, 11, 25)
    assert as_date("last week") is None and as_date(None) is None and as_date("25/11/2026") is None


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "November 25, 2026"), ("es", "25 de noviembre de 2026"), ("fr", "25 novembre 2026"),
    ("pt-BR", "25 de novembro de 2026"),
    ("xx", "2026-11-25"),   # a language Babel does not know: ISO
])
def test_dates_are_written_the_way_the_readers_language_writes_them(language: str, expected: str) -> None:
    assert format_date(dt.date(2026, 11, 25), language) == expected


def test_page_review_gives_both_dates_in_the_readers_language() -> None:
    review = page_review(dt.date(2026, 1, 31), 1, "es")
    assert (review.reviewed, review.due) == (dt.date(2026, 1, 31), dt.date(2026, 2, 28))
    assert (review.reviewed_text, review.due_text) == ("31 de enero de 2026", "28 de febrero de 2026")
    assert page_review(None, 12, "en") is None and page_review("soon", 12, "en") is None


def test_today_is_the_clock_unless_guide_today_names_a_day() -> None:
    assert today_from(None, clock=lambda: dt.date(2030, 1, 2)) == dt.date(2030, 1, 2)
    assert today_from("", clock=lambda: dt.date(2030, 1, 2)) == dt.date(2030, 1, 2)
    assert today_from("2027-12-01") == dt.date(2027, 12, 1)
    with pytest.raises(ValueError, match=r'GUIDE_TODAY="tomorrow" is not a date\. Use a date like GUIDE_TODAY=2027-12-01'):
        today_from("tomorrow")


def test_a_page_is_overdue_only_after_its_due_date() -> None:
    pages = {"en/crs.md": PAGE.format(reviewed="2026-01-31"), "es/crs.md": PAGE.format(reviewed="2026-02-27"),
             "en/no-date.md": PAGE.format(reviewed="soon"), "en/plain.md": "# No front matter\n"}
    assert overdue_pages(pages, 1, dt.date(2026, 2, 28)) == []           # due that day: not late yet
    late = overdue_pages(pages, 1, dt.date(2026, 3, 1))
    assert late == [
        "docs/en/crs.md:4: this page is overdue for a check: reviewed 2026-01-31, next check due by 2026-02-28. "
        "Check the page against the sources, then change `reviewed:` to the day you checked it."]
    assert [m.split(":")[0] for m in overdue_pages(pages, 1, dt.date(2026, 3, 28))] == ["docs/en/crs.md", "docs/es/crs.md"]
    assert overdue_pages(pages, 12, dt.date(2026, 3, 28)) == []


def test_the_review_interval_setting() -> None:
    assert parse_settings(None).review_interval_months == 12
    assert parse_settings({"review_interval_months": 6}).review_interval_months == 6
    for wrong, message in ((0, "is 0; the smallest it may be is 1."), (-3, "the smallest it may be is 1"),
                           ("12", "expected a whole number"), (True, "expected a whole number"),
                           (1.5, "expected a whole number")):
        with pytest.raises(SettingsError) as error:
            parse_settings({"review_interval_months": wrong})
        assert "`extra.guide.review_interval_months`" in str(error.value) and message in str(error.value), wrong
    with pytest.raises(SettingsError, match="did you mean `review_interval_months`"):
        parse_settings({"review_interval_month": 12})
