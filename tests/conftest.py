"""Shared fixtures: the real site, built strictly once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import ROOT, run_mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly into a temporary folder."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = run_mkdocs_build(ROOT / "mkdocs.yml", site, handouts=True, in_process=False)  # as `make build` runs it
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the real site build is marked `site`, so `make check` can leave it out."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)
