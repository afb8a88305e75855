"""Review dates on tiny sites: both dates on every page in the reader's language, one warning per
overdue page (not one per language build), a clear stop for a wrong GUIDE_TODAY, and the
`translations` tool listing overdue pages."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guide.__main__ import main
from sitebuild import HELP, make_tiny_site, run_mkdocs_build, tiny_page, two_language_site

FIX = "Check the page against the sources, then change `reviewed:` to the day you checked it."


def build(config: Path):
    return run_mkdocs_build(config, config.parent / "site")


def review_line(config: Path, path: str) -> BeautifulSoup:
    page = BeautifulSoup((config.parent / "site" / path).read_text(encoding="utf-8"), "html.parser")
    lines = page.select(".md-content .guide-review")
    assert len(lines) == 1, path
    assert lines[0].find_parent("div", attrs={"lang": "en"}) is None, path  # the site's words, in the reader's language
    return lines[0]


def warnings(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith("WARNING")]


def test_every_page_shows_both_dates_in_the_readers_language(tmp_path: Path) -> None:
    config = two_language_site(tmp_path)
    result = build(config)
    assert result.returncode == 0, result.stderr
    english = review_line(config, "index.html")
    assert [t["datetime"] for t in english.select("time")] == ["2026-11-25", "2027-11-25"]
    assert english.get_text(" ", strip=True) == ("We last checked this page on November 25, 2026 . "
                                                 "We will check it again by November 25, 2027 .")
    spanish = review_line(config, "es/index.html")
    assert [t["datetime"] for t in spanish.select("time")] == ["2026-11-25", "2027-11-25"]
    assert [t.get_text() for t in spanish.select("time")] == ["25 de noviembre de 2026", "25 de noviembre de 2027"]
    assert "Revisamos esta página por última vez el" in spanish.get_text()
    fallback = review_line(config, "es/get-help/index.html")  # shown in English: the dates still speak Spanish
    assert "La volveremos a revisar antes del 25 de noviembre de 2027" in fallback.get_text(" ", strip=True).replace(" .", ".")


def test_an_overdue_page_is_one_clear_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = tiny_page("Home", "Your care team checks for a fever.").replace("2026-11-25", "2025-01-31")
    config = make_tiny_site(tmp_path, {"index.md": old, "get-help.md": HELP})
    monkeypatch.setenv("GUIDE_TODAY", "2026-01-31")   # due that day: not late yet
    result = build(config)
    assert result.returncode == 0, result.stderr
    monkeypatch.setenv("GUIDE_TODAY", "2026-02-01")
    result = build(config)
    assert result.returncode != 0
    assert warnings(result.stderr) == [
        "WARNING -  guide: docs/en/index.md:4: this page is overdue for a check: reviewed 2025-01-31, "
        f"next check due by 2026-01-31. {FIX}"], result.stderr


def test_each_overdue_page_is_named_once_in_a_two_language_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = two_language_site(tmp_path)
    monkeypatch.setenv("GUIDE_TODAY", "2027-11-26")
    found = warnings(build(config).stderr)
    named = sorted(line.split("guide: ", 1)[-1].split(":")[0] for line in found)
    assert named == ["docs/en/get-help.md", "docs/en/glossary.md", "docs/en/index.md", "docs/en/translation-status.md",
                     "docs/es/glossary.md", "docs/es/index.md"], found
    assert all("next check due by 2027-11-25" in line and FIX in line for line in found)


def test_a_wrong_guide_today_stops_the_build_with_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = make_tiny_site(tmp_path, {"index.md": tiny_page("Home", "Hello.")})
    monkeypatch.setenv("GUIDE_TODAY", "next week")
    result = build(config)
    assert result.returncode != 0
    assert 'GUIDE_TODAY="next week" is not a date. Use a date like GUIDE_TODAY=2027-12-01' in result.stderr


def test_the_translations_tool_lists_overdue_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    config = two_language_site(tmp_path)
    assert main(["--config", str(config), "translations"]) == 0
    assert "overdue" not in capsys.readouterr().out
    monkeypatch.setenv("GUIDE_TODAY", "2027-11-26")
    assert main(["--config", str(config), "translations"]) == 1
    out = capsys.readouterr().out
    assert "Pages overdue for a check (6):" in out
    assert (f"docs/es/index.md:4: this page is overdue for a check: reviewed 2026-11-25, next check due by 2027-11-25. "
            f"{FIX}") in out
    monkeypatch.setenv("GUIDE_TODAY", "someday")
    assert main(["--config", str(config), "translations"]) == 2
    assert 'GUIDE_TODAY="someday" is not a date' in capsys.readouterr().err
