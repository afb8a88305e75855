"""The front-matter check, on fixture pages: valid pages pass, each kind of mistake is named."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.front_matter import Rules, check_front_matter, split_front_matter
from sitebuild import examples

DATA = Path(__file__).parent / "data"
RULES = Rules(
    required=("title", "description", "reviewed", "sources"),
    sources=frozenset({"000_e29c6a3aeaea8b20.txt", "001_d32869e5158d1a68.txt"}),
    description_max_length=160,
)


def check(name: str):
    return check_front_matter((DATA / name).read_text(encoding="utf-8"), f"docs/en/{name}", RULES)


def test_good_page_has_no_problems() -> None:
    findings = check("good.md")
    assert findings.errors == [] and findings.warnings == []


@pytest.mark.parametrize("key", RULES.required)
def test_each_missing_key_is_named(key: str) -> None:
    text = (DATA / "good.md").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith(key + ":")]
    if key == "sources":
        lines = [line for line in lines if not line.startswith("  - ")]
    findings = check_front_matter("\n".join(lines) + "\n", "docs/en/crs.md", RULES)
    assert findings.errors == []
    assert [str(p) for p in findings.warnings] == [
        f'docs/en/crs.md:2: front matter key "{key}" is missing. ' + _fix_for(key)
    ]


def _fix_for(key: str) -> str:
    from guide.front_matter import _HOW_TO_FIX

    return _HOW_TO_FIX[key]


def test_broken_yaml_is_an_error_with_its_line() -> None:
    findings = check("broken_yaml.md")
    assert len(findings.errors) == 1
    message = str(findings.errors[0])
    assert message.startswith("docs/en/broken_yaml.md:3: the front matter is not valid YAML")
    assert "needs quotes" in message


def test_duplicate_key_is_an_error() -> None:
    findings = check("duplicate_key.md")
    assert len(findings.errors) == 1
    assert str(findings.errors[0]).startswith("docs/en/duplicate_key.md:4:")
    assert 'the key "title" is written twice' in str(findings.errors[0])


def test_unclosed_front_matter_is_an_error() -> None:
    findings = check("unclosed.md")
    assert [str(p) for p in findings.errors] == [
        'docs/en/unclosed.md:1: the front matter has no closing "---" line. '
        'Add "---" on its own line after the last key.'
    ]


def test_page_without_front_matter_is_named() -> None:
    findings = check("no_front_matter.md")
    assert findings.errors == []
    assert len(findings.warnings) == 1
    assert "docs/en/no_front_matter.md:1: the page has no front matter" in str(findings.warnings[0])


def test_bad_values_name_their_lines() -> None:
    messages = [str(p) for p in check("bad_values.md").warnings]
    assert any(m.startswith("docs/en/bad_values.md:3:") and "the most is 160" in m for m in messages)
    assert any(m.startswith("docs/en/bad_values.md:4:") and "must be a date" in m for m in messages)
    assert any(m.startswith("docs/en/bad_values.md:5:") and '"wikipedia.txt"' in m for m in messages)
    assert len(messages) == 3


def test_split_accepts_mkdocs_dot_fence() -> None:
    block, line = split_front_matter("---\ntitle: x\n...\n# x\n")
    assert block == "title: x\n" and line == 2


@settings(max_examples=examples(200), deadline=None)
@given(st.text())
def test_any_text_gives_findings_not_a_crash(text: str) -> None:
    findings = check_front_matter(text, "docs/en/x.md", RULES)
    for problem in findings.errors + findings.warnings:
        assert problem.path == "docs/en/x.md" and problem.line >= 1
