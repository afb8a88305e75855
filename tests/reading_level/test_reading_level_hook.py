"""The reading-level gate on tiny sites: a hard page fails the strict build; a reasoned override passes."""
from __future__ import annotations

import json
from pathlib import Path

from sitebuild import make_tiny_site, run_mkdocs_build

FRONT = """---
title: {title}
description: A short page for a test.
reviewed: 2026-11-25
sources: [001_d32869e5158d1a68.txt]
{extra}---

# {title}

## Key points {{#key-points}}

- Your care team is there.
"""
EASY = "\nThe cells go in. You rest. Your team checks on you.\n"
HARD = ("\nThe administration of lymphodepleting chemotherapy necessitates comprehensive institutional "
        "coordination, meticulous hematological surveillance, and individualized pharmacological "
        "interventions administered by experienced multidisciplinary oncology professionals "
        "in specialized treatment centers.\n")
HELP = FRONT.format(title="Help", extra="") + "\n## When to call {#when-to-call}\n\n1. Call your care team.\n"


def build(tmp_path: Path, page: str):
    config = make_tiny_site(tmp_path, {"index.md": page, "get-help.md": HELP}, structure=True)
    return run_mkdocs_build(config, tmp_path / "site")


def report(tmp_path: Path) -> dict:
    return json.loads((tmp_path / ".cache/guide/reading-level.json").read_text(encoding="utf-8"))


def test_easy_page_passes_and_the_report_lists_every_page(tmp_path: Path) -> None:
    result = build(tmp_path, FRONT.format(title="Home", extra="") + EASY)
    assert result.returncode == 0, result.stderr
    assert "Reading level of each page" in result.stderr
    assert "docs/en/index.md" in result.stderr and "help-now box (en)" in result.stderr
    pages = {p["page"]: p for p in report(tmp_path)["pages"]}
    assert set(pages) == {"docs/en/index.md", "docs/en/get-help.md", "docs/en/glossary.md", "help-now box (en)"}
    assert pages["docs/en/index.md"]["status"] == "ok"
    assert pages["docs/en/index.md"]["scores"]["metrics"]["fk_grade"] < 6


def test_hard_page_fails_the_strict_build_naming_page_score_and_sentence(tmp_path: Path) -> None:
    result = build(tmp_path, FRONT.format(title="Home", extra="") + HARD)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert any("docs/en/index.md: grade" in line and "is above the fail limit of 8" in line
               and 'Hardest sentence: "The administration of lymphodepleting' in line for line in lines), lines
    assert any("longest sentence (words) 26 is above the fail limit of 25" in line for line in lines)
    page = next(p for p in report(tmp_path)["pages"] if p["page"] == "docs/en/index.md")
    assert page["status"] == "FAIL"
    assert page["hardest"][0]["text"].startswith("The administration")
    assert "lymphodepleting" in page["hardest"][0]["long_words"]
    assert "explain or replace" in result.stderr


def test_reasoned_override_passes_and_the_reason_is_reported(tmp_path: Path) -> None:
    extra = ('reading_level:\n  fk_grade: 40\n  smog: 30\n  longest_sentence: 30\n'
             '  reason: "A test page that must stay hard."\n')
    result = build(tmp_path, FRONT.format(title="Home", extra=extra) + HARD)
    assert result.returncode == 0, result.stderr
    assert "own limit: A test page that must stay hard." in result.stderr
    page = next(p for p in report(tmp_path)["pages"] if p["page"] == "docs/en/index.md")
    assert page["reason"] == "A test page that must stay hard."
    assert page["status"] == "warn"


def test_override_without_reason_is_refused(tmp_path: Path) -> None:
    extra = "reading_level:\n  fk_grade: 40\n"
    result = build(tmp_path, FRONT.format(title="Home", extra=extra) + HARD)
    assert result.returncode != 0
    assert "docs/en/index.md: front matter raises the reading-level limit without a reason." in result.stderr


def test_structure_rules_are_enforced(tmp_path: Path) -> None:
    page = FRONT.format(title="Home", extra="").replace("## Key points {#key-points}", "## Hello {#hello}") + EASY
    result = build(tmp_path, page)
    assert result.returncode != 0
    assert 'docs/en/index.md: the page does not start with a "Key points" part' in result.stderr


def test_when_a_translation_fails_the_gate_the_report_still_holds_every_language(tmp_path: Path) -> None:
    # The other languages are built inside English's build; a failing one ends the run from there.
    from guide.translations import english_hash
    from sitebuild import GLOSSARY_STUB, HOME, glossary_stub_es, spanish_home, two_language_site

    hard = ("La administración de quimioterapia linfodepletiva necesita una coordinación institucional "
            "exhaustiva, una vigilancia hematológica meticulosa e intervenciones farmacológicas "
            "individualizadas administradas por profesionales multidisciplinarios experimentados en "
            "oncología en centros especializados de tratamiento y de investigación internacional.")
    config = two_language_site(tmp_path, es_pages={"index.md": spanish_home(english_hash(HOME), text=hard),
                                                   "glossary.md": glossary_stub_es(english_hash(GLOSSARY_STUB))})
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0 and "docs/es/index.md" in result.stderr
    pages = {p["page"]: p for p in report(tmp_path)["pages"]}
    assert "docs/en/index.md" in pages and pages["docs/es/index.md"]["status"] == "FAIL"
