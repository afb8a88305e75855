"""Typed settings: every default in one place, every mistake named with its path and the closest key."""
from __future__ import annotations

import pytest

from guide.mkdocs_yml import load_mkdocs_yml
from guide.settings import Settings, SettingsError, parse_settings, with_absolute_paths

from sitebuild import ROOT


def problems(raw: object) -> list[str]:
    with pytest.raises(SettingsError) as caught:
        parse_settings(raw)
    return caught.value.problems


def test_no_settings_gives_every_default() -> None:
    assert parse_settings(None) == parse_settings({}) == Settings()
    assert Settings().glossary.page == "glossary.md" and Settings().handouts.page_size == "letter"


def test_the_real_settings_are_read_whole() -> None:
    settings = parse_settings(load_mkdocs_yml(ROOT / "mkdocs.yml")["extra"]["guide"])
    assert settings.reading_level.limits["en"]["fk_grade"].fail == 8.0
    assert settings.reading_level.limits["es"]["inflesz"].warn == 65.0
    assert "get-help.md" in settings.reading_level.structure.action_pages
    assert settings.content_security_policy["object-src"] == "'none'"


def test_settings_are_frozen() -> None:
    settings = parse_settings({"sources": {"a.txt": "A"}})
    with pytest.raises(Exception):
        settings.glossary = None  # type: ignore[misc]
    with pytest.raises(TypeError):
        settings.sources["b.txt"] = "B"  # type: ignore[index]


def test_unknown_key_is_named_with_the_closest_known_one() -> None:
    assert problems({"handout": {}}) == ["mkdocs.yml: `extra.guide.handout`: unknown key; did you mean `handouts`?"]
    assert problems({"handouts": {"size": {"fr": "A4"}}}) == [
        "mkdocs.yml: `extra.guide.handouts.size`: unknown key; did you mean `sizes`?"]
    found = problems({"colour": 1})
    assert len(found) == 1 and "`extra.guide.colour`: unknown key." in found[0] and "Known keys:" in found[0]


def test_wrong_types_and_values_say_what_was_expected() -> None:
    found = problems({"description_max_length": "long", "english_only": "translating.md",
                      "glossary": {"mode": "per_pge"}, "handouts": {"page_size": "A3"}})
    assert "mkdocs.yml: `extra.guide.description_max_length`: expected a whole number, found 'long'." in found
    assert any(p.startswith("mkdocs.yml: `extra.guide.english_only`: expected a list of texts") for p in found)
    assert any("`extra.guide.glossary.mode`: is 'per_pge'; did you mean `per_page`?" in p for p in found)
    assert any("`extra.guide.handouts.page_size`: is 'A3'" in p and "letter, A4" in p for p in found)
    assert len(found) == 4  # every problem at once


def test_limits_name_a_known_measure() -> None:
    found = problems({"reading_level": {"limits": {"en": {"fk_grad": {"fail": 8}}}}})
    assert found[0].startswith("mkdocs.yml: `extra.guide.reading_level.limits.en.fk_grad`: unknown measure; "
                               "did you mean `fk_grade`?")
    assert problems({"reading_level": {"limits": {"en": {"fk_grade": {"fial": 8}}}}}) == [
        "mkdocs.yml: `extra.guide.reading_level.limits.en.fk_grade.fial`: unknown key; did you mean `fail`?"]
    assert problems({"reading_level": {"limits": {"en": {"fk_grade": 8}}}})[0].startswith(
        "mkdocs.yml: `extra.guide.reading_level.limits.en.fk_grade`: expected a group of settings")


def test_language_settings_are_checked_like_the_rest() -> None:
    settings = parse_settings({"languages": {"pt": {"paper_size": "letter", "stemmer": "portuguese"}}})
    assert settings.languages["pt"].paper_size == "letter" and settings.languages["pt"].direction is None
    assert problems({"languages": {"he": {"direction": "right"}}})[0].startswith(
        "mkdocs.yml: `extra.guide.languages.he.direction`: is 'right'")
    assert problems({"languages": {"he": {"fonts": {"regular": "a.ttf"}}}}) == [
        "mkdocs.yml: `extra.guide.languages.he.fonts.bold`: is missing; expected a text."]


def test_absolute_paths_cover_every_path_setting(tmp_path) -> None:
    raw = {"glossary": {"folder": "words", "page": "glossary.md"}}
    moved = with_absolute_paths(raw, tmp_path)
    assert moved["glossary"] == {"folder": str(tmp_path / "words"), "page": "glossary.md"}
    assert moved["reading_level"]["cache"] == str(tmp_path / ".cache/guide")
    assert moved["pictures"] == str(tmp_path / "overrides/pictures")  # make bench broke without it
    assert raw == {"glossary": {"folder": "words", "page": "glossary.md"}}  # the original is untouched
    parse_settings(moved)


def test_language_fields_name_things_that_exist() -> None:
    found = problems({"languages": {"pt": {"stemmer": "portugese", "formulas": ["fk_grad"], "columns": ["lix", "grade"],
                                           "status_metric": "inflez", "search_separator": "["}}})
    assert any("`extra.guide.languages.pt.stemmer`: is 'portugese'; did you mean `portuguese`?" in p for p in found)
    assert any("`extra.guide.languages.pt.formulas`: is 'fk_grad'; did you mean `fk_grade`?" in p for p in found)
    assert any("`extra.guide.languages.pt.columns`: is 'grade'" in p for p in found)
    assert any("`extra.guide.languages.pt.status_metric`: is 'inflez'; did you mean `inflesz`?" in p for p in found)
    assert any("`extra.guide.languages.pt.search_separator`: is not a valid regular expression" in p for p in found)
    assert len(found) == 5


def test_nested_values_keep_their_checks_and_empty_groups_mean_defaults() -> None:
    assert problems({"handouts": {"sizes": {"fr": "A3"}}}) == [
        "mkdocs.yml: `extra.guide.handouts.sizes.fr`: is 'A3'. Use one of: letter, A4, A5, legal."]
    settings = parse_settings({"handouts": {"sizes": None}, "glossary": None})
    assert dict(settings.handouts.sizes) == {} and settings.glossary.page == "glossary.md"
    assert problems({"languages": {False: {"name": "Norsk"}}}) == [
        'mkdocs.yml: `extra.guide.languages.False`: a name here must be text; put it in quotes, like "no".']


def test_settings_that_name_pages_or_words_are_checked() -> None:
    from guide.project import named_pages_problems
    from guide.settings import parse_settings

    settings = parse_settings({"urgent_box_pages": ["crz.md"], "offline": {"pages": ["index.md", "thing-to-print.md"]}, "handouts": {
        "booklet_end": ["glossary.md"], "printables": {"stages": {"questions_before": ["stepz.md"], "questions_later": []}}}})
    problems = named_pages_problems(settings, {"index.md", "crs.md", "steps.md", "glossary.md", "things-to-print.md"},
                                    {"questions_before": "Before"}, "docs/en")
    assert problems == [
        "mkdocs.yml:1: `extra.guide.urgent_box_pages`: there is no page crz.md in docs/en/; did you mean crs.md?",
        "mkdocs.yml:1: `extra.guide.offline.pages`: there is no page thing-to-print.md in docs/en/; did you mean things-to-print.md?",
        "mkdocs.yml:1: `extra.guide.handouts.printables.stages.questions_before`: there is no page stepz.md in docs/en/; "
        "did you mean steps.md?",
        "mkdocs.yml:1: `extra.guide.handouts.printables.stages.questions_later`: the question sheet shows this name's "
        "words as a title, but docs/en/_includes/strings.yml has no `questions_later`. Add `questions_later: <the title>` there."]
