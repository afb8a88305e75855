"""One reading-level function for the build, `make readability` and the status page: front matter
limits read safely, and the body after front matter read whole."""
from __future__ import annotations

from guide.front_matter import page_parts
from guide.languages import language_for
from guide.reading_level import assess_page, page_limits
from guide.settings import parse_settings
from guide.syllables import EnglishSyllables

SETTINGS = parse_settings({"reading_level": {"limits": {"en": {"fk_grade": {"warn": 7, "fail": 8}}}}}).reading_level
HARD = "<p>" + " ".join(["Immunotherapeutic interventions necessitate comprehensive institutional coordination."] * 3) + "</p>"


def english() -> EnglishSyllables:
    return EnglishSyllables(load=lambda: {})  # rules only: no dictionary needed here


def test_page_limits_never_raise_and_say_what_to_write() -> None:
    assert page_limits({}).limits == {} and not page_limits({}).problem
    for bad in (9, "9", [9], {"fk_grade": "high", "reason": "x"}, {"grade": 9, "reason": "x"}):
        found = page_limits({"reading_level": bad})
        assert found.limits == {} and 'reading_level: {fk_grade: 9, reason: "' in found.problem, bad
    assert "without a reason" in page_limits({"reading_level": {"fk_grade": 9}}).problem
    good = page_limits({"reading_level": {"fk_grade": 9, "reason": "Names of medicines"}})
    assert good.limits == {"fk_grade": 9.0} and good.reason == "Names of medicines" and not good.problem


def test_a_bare_number_is_a_clear_problem_not_a_crash() -> None:
    done = assess_page(HARD, "docs/es/crs.md", "crs.md", language_for("en"), SETTINGS, {"reading_level": 9}, english())
    assert any(p.startswith('docs/es/crs.md: front matter "reading_level" is 9.') for p in done.problems)


def test_a_reason_raises_the_fail_limit_of_that_page_only() -> None:
    plain = assess_page(HARD, "p.md", "p.md", language_for("en"), SETTINGS, {}, english())
    assert plain.report.status == "FAIL" and any("above the fail limit" in p for p in plain.problems)
    raised = assess_page(HARD, "p.md", "p.md", language_for("en"), SETTINGS,
                         {"reading_level": {"fk_grade": 60, "reason": "Test"}}, english())
    assert not [p for p in raised.problems if "fail limit" in p] and raised.report.reason == "Test"


def test_a_rule_in_the_body_does_not_hide_the_text_before_it() -> None:
    text = "---\ntitle: T\n---\n\n# T\n\nFirst part of the page.\n\n---\n\nAfter the rule.\n"
    meta, body = page_parts(text)
    assert meta == {"title": "T"}
    assert "First part of the page." in body and "After the rule." in body
    assert page_parts("No front matter.\n\n---\n\nMore.\n") == ({}, "No front matter.\n\n---\n\nMore.\n")


def test_a_report_only_language_is_measured_but_never_gated() -> None:
    no_structure = {"no_key_points": ["p.md"]}
    settings = parse_settings({"reading_level": {"limits": {"ar": {"longest_sentence": {"fail": 3}}},
                                                 "structure": no_structure}}).reading_level
    done = assess_page(HARD, "docs/ar/p.md", "p.md", language_for("ar"), settings, {}, english())
    assert done.report.status == "ok" and not done.problems
    assert done.report.scores.metrics["longest_sentence"] > 3
    gated = assess_page(HARD, "docs/en/p.md", "p.md", language_for("en"),
                        parse_settings({"reading_level": {"limits": {"en": {"longest_sentence": {"fail": 3}}},
                                                          "structure": no_structure}}).reading_level,
                        {}, english())
    assert gated.report.status == "FAIL"
