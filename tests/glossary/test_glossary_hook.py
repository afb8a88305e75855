"""The glossary hook on tiny sites: the page, the marks, Words to know, and every bad-data message."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import make_tiny_site, run_mkdocs_build, tiny_page

PAGE = tiny_page("Home", """Your care team checks for CRS. Your care team is there. CRS & fever.

<!-- guide:glossary off -->
Here CRS is not marked.
<!-- guide:glossary on -->""")
HELP = PAGE.replace("# Home", "# Help").replace("title: Home", "title: Help") + "\n## When to call {#when-to-call}\n"
GLOSSARY = """\
terms:
  care-team:
    term: care team
    definition: The doctors & nurses who treat you, "day and night".
    see_also: [crs]
  crs:
    term: cytokine release syndrome
    aliases: [CRS]
    definition: A strong immune reaction.
"""


def build(tmp_path: Path, glossary: str = GLOSSARY, page: str = PAGE, **extra: str):
    config = make_tiny_site(tmp_path, {"index.md": page, "get-help.md": HELP, **extra}, glossary=glossary)
    return run_mkdocs_build(config, tmp_path / "site")


def test_marks_link_to_the_generated_glossary_page(tmp_path: Path) -> None:
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr
    home = BeautifulSoup((tmp_path / "site/index.html").read_text("utf-8"), "html.parser")
    marks = home.select("a.guide-term")
    assert [(m.get_text(), m["href"]) for m in marks] == [
        ("care team", "glossary/#care-team"), ("CRS", "glossary/#crs"),
    ]
    words = home.select_one("section.guide-words")
    assert [dt.get_text() for dt in words.select("dt")] == ["Care team", "Cytokine release syndrome"]
    assert words.select_one("#guide-def-care-team").get_text() == 'The doctors & nurses who treat you, "day and night".'
    assert "The doctors &amp; nurses" in str(words)
    glossary = BeautifulSoup((tmp_path / "site/glossary/index.html").read_text("utf-8"), "html.parser")
    assert glossary.select_one("#care-team") and glossary.select_one("#crs")
    assert glossary.select("a.guide-term") == []  # the glossary page itself carries no marks
    assert "Also called: CRS." in glossary.get_text()
    assert glossary.select_one('#care-team ~ p a[href="#crs"]') is not None


def test_bad_glossary_data_fails_with_every_problem_listed(tmp_path: Path) -> None:
    bad = GLOSSARY + "  fever:\n    term: Care Team\n    definition: <b>hot</b>\n    see_also: [nothing]\n"
    result = build(tmp_path, glossary=bad)
    assert result.returncode != 0
    assert 'glossary/en.yml:10: entry "fever": the definition contains markup' in result.stderr
    assert 'glossary/en.yml:10: entry "fever": "Care Team" is already used by entry "care-team" (line 2)' in result.stderr
    assert 'glossary/en.yml:10: entry "fever": see_also names "nothing"' in result.stderr
    assert "Traceback" not in result.stderr


def test_duplicate_entry_fails(tmp_path: Path) -> None:
    result = build(tmp_path, glossary=GLOSSARY + "  crs:\n    term: CRS again\n    definition: x\n")
    assert result.returncode != 0
    assert 'glossary/en.yml:10: the file is not valid YAML' in result.stderr
    assert 'the key "crs" is written twice' in result.stderr


def test_unused_term_is_a_warning_that_fails_strict(tmp_path: Path) -> None:
    unused = GLOSSARY + "  tocilizumab:\n    term: tocilizumab\n    definition: A medicine.\n"
    result = build(tmp_path, glossary=unused)
    assert result.returncode != 0
    assert 'glossary/en.yml:10: the term "tocilizumab" (entry "tocilizumab") appears on no page.' in result.stderr


def test_glossary_page_written_by_hand_is_refused(tmp_path: Path) -> None:
    from sitebuild import GLOSSARY_STUB

    result = build(tmp_path, **{"glossary.md": GLOSSARY_STUB + "\n# Glossary\n\nMy own list.\n"})
    assert result.returncode != 0
    assert "docs/en/glossary.md: this page is made from glossary/en.yml." in result.stderr


def test_unknown_marker_names_the_page(tmp_path: Path) -> None:
    result = build(tmp_path, page=PAGE.replace("glossary off", "glossary of"))
    assert result.returncode != 0
    assert "docs/en/index.md: unknown marker '<!-- guide:glossary of -->'" in result.stderr
