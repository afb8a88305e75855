"""Shared fixtures: the real site, built strictly once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import ROOT, run_mkdocs_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly into a temporary folder."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = run_mkdocs_build(ROOT / "mkdocs.yml", site, handouts=True)
    assert result.returncode == 0, f"the strict build failed:\n{result.stdout}\n{result.stderr}"
    return site
