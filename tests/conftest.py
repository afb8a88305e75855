"""Shared fixtures: the real site, built strictly once per test session."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from sitebuild import ROOT, TINY_TODAY, run_mkdocs_build

# The day the real site is built as: today, or GUIDE_TODAY as the person running the tests set it.
REAL_TODAY = os.environ.get("GUIDE_TODAY") or dt.date.today().isoformat()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly into a temporary folder. While you work, GUIDE_BUILT_SITE=folder
    reuses a site you built yourself (`.venv/bin/mkdocs build -d folder`); CI never sets it."""
    if os.environ.get("GUIDE_BUILT_SITE") and os.environ.get("CI") != "true":
        reused = Path(os.environ["GUIDE_BUILT_SITE"])
        print(f"\nGUIDE_BUILT_SITE: testing the site built in {reused} (not a new build): rebuild it after a change.")
        return reused
    site = tmp_path_factory.mktemp("real") / "site"
    result = run_mkdocs_build(ROOT / "mkdocs.yml", site, handouts=True, in_process=False,  # as `make build` runs it
                              today=REAL_TODAY)  # an overdue review fails the real build, as it should
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(autouse=True)
def tiny_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tiny sites and tools run as if it were TINY_TODAY: the calendar never fails a test."""
    monkeypatch.setenv("GUIDE_TODAY", TINY_TODAY)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the real site build is marked `site`, so `make check` can leave it out."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)
