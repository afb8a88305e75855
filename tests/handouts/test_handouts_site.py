"""Handouts on a tiny site: the cache, a wide table, a missing picture, a character the font lacks."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from sitebuild import make_tiny_site, run_mkdocs_build

pytestmark = pytest.mark.pdf

PAGE = """---
title: {title}
description: A short page for a test.
reviewed: 2026-11-25
sources: [001_d32869e5158d1a68.txt]
{front}---

# {title}

Your care team checks on you.
{extra}
"""
HELP = PAGE.format(title="Help", extra="", front="") + "\n## When to call {#when-to-call}\n\n1. Call.\n"


def build(tmp_path: Path, extra: str = "", front: str = ""):
    page = PAGE.format(title="Home", extra=extra, front=front)
    config = make_tiny_site(tmp_path, {"index.md": page, "get-help.md": HELP})
    return config, run_mkdocs_build(config, tmp_path / "site", handouts=True)


def made(stderr: str) -> int:
    return int(re.search(r"Handouts \(en\): \d+ PDF files, (\d+) made now", stderr).group(1))


def test_cache_second_build_makes_nothing_and_one_change_makes_only_its_handouts(tmp_path: Path) -> None:
    config, first = build(tmp_path)
    assert first.returncode == 0, first.stderr
    assert made(first.stderr) == 7  # 3 pages x 2 sizes + the booklet
    second = run_mkdocs_build(config, tmp_path / "site", handouts=True)
    assert made(second.stderr) == 0
    assert (tmp_path / "site/handout.pdf").exists()
    page = tmp_path / "docs/en/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("checks on you", "checks on you often"), encoding="utf-8")
    third = run_mkdocs_build(config, tmp_path / "site", handouts=True)
    assert made(third.stderr) == 3  # this page's two handouts, and the booklet that holds it
    assert "checks on you often" in PdfReader(tmp_path / "site/handout.pdf").pages[0].extract_text()


def test_a_wide_table_wraps_instead_of_being_cut(tmp_path: Path) -> None:
    header = "| " + " | ".join(f"Column {i}" for i in range(1, 13)) + " |"
    rule = "|" + "---|" * 12
    row = "| " + " | ".join(f"word{i}longwordlongwordlong" for i in range(1, 13)) + " |"
    hard = "reading_level: {fk_grade: 40, reason: A table of made-up long words for a test.}\n"
    config, result = build(tmp_path, f"\n{header}\n{rule}\n{row}\n", front=hard)
    assert result.returncode == 0, result.stderr
    content = "".join(page.extract_text() for page in PdfReader(tmp_path / "site/handout.pdf").pages)
    flat = "".join(content.split()).replace("\u2010", "").replace("-", "")
    # Every cell of all 12 columns is on the page, its words wrapped (documented rule: wrap, never cut).
    assert flat.count("Colu") == 12 and flat.count("word") == 12 * 3
    assert all(str(i) in flat for i in range(1, 13))


def test_a_missing_picture_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    config, result = build(tmp_path, "\n![A drawing](missing.png)\n")
    assert result.returncode != 0
    assert "missing.png" in result.stderr and "index.md" in result.stderr


def test_a_character_the_font_lacks_is_an_error(tmp_path: Path) -> None:
    # Devanagari: in none of the handout fonts (DejaVu, nor the Arabic and CJK fonts for other scripts).
    config, result = build(tmp_path, "\nA sign: \u0915 and 漢.\n")
    assert result.returncode != 0
    assert "docs/en/index.md: the handout font cannot print" in result.stderr
    assert "U+0915" in result.stderr and "U+6F22" not in result.stderr  # 漢 is in Noto Sans CJK


def test_kept_handouts_no_build_used_for_two_weeks_are_deleted_after_a_build(tmp_path: Path) -> None:
    import json

    config, first = build(tmp_path)
    assert first.returncode == 0, first.stderr
    cache = tmp_path / ".cache/guide/handouts"
    before = {p.stem for p in cache.glob("*.pdf")}
    page = tmp_path / "docs/en/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("checks on you", "checks on you often"), encoding="utf-8")
    (cache / "last-used.json").write_text(json.dumps(dict.fromkeys(before, "2020-01-01")), encoding="utf-8")
    second = run_mkdocs_build(config, tmp_path / "site", handouts=True)
    assert made(second.stderr) == 3, second.stderr
    after = {p.stem for p in cache.glob("*.pdf")}
    assert len(after) == 7  # the three PDFs of the old page text are gone; the four others were used again
    assert len(before - after) == 3 and not any((cache / f"{key}.json").exists() for key in before - after)
    assert set(json.loads((cache / "last-used.json").read_text(encoding="utf-8"))) == after
