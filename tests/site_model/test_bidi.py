"""Characters that reorder text are refused with the file, line and column; direction marks stay allowed."""
from __future__ import annotations

from pathlib import Path

from guide.bidi import reordering_characters
from sitebuild import make_tiny_site, run_mkdocs_build, tiny_page


def test_an_override_is_refused_and_marks_and_isolates_are_not() -> None:
    text = "Line one.\nCall your team \u202eright away\u202c.\n\u200fمرحبا\u200e and \u2067عربي\u2069 are fine.\n"
    problems = [str(p) for p in reordering_characters(text, "docs/en/x.md")]
    assert problems == [
        "docs/en/x.md:2: a hidden character that changes the order of the words (U+202E RIGHT-TO-LEFT OVERRIDE) "
        "is at column 16, and 1 more on this line. Readers would see the words in another order. Delete it. "
        "For a word in the other direction inside a sentence, use the isolates U+2066 to U+2069 instead."]
    assert reordering_characters("\u200e\u200f\u061c\u2066\u2067\u2068\u2069", "f") == []


def test_the_build_fails_on_one_in_a_page(tmp_path: Path) -> None:
    page = tiny_page("Home", "Call your team \u202eright away\u202c.")
    config = make_tiny_site(tmp_path, {"index.md": page, "get-help.md": tiny_page("Help", "Call.")})
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/en/index.md:" in result.stderr and "U+202E RIGHT-TO-LEFT OVERRIDE" in result.stderr
