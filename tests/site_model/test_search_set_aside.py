"""The parts the search leaves out are set aside while Material's search reads a page, and put back."""
from __future__ import annotations

from material.plugins.search.plugin import Parser

from guide.search_index import put_back, set_aside_excluded

PAGE = """<h1 id="crs">CRS</h1>
<div class="guide-help-now" lang="en" dir="ltr" data-search-exclude><p>Call if you have:</p><ul><li><svg class="guide-icon" viewBox="0 0 24 24"><!-- A thermometer --><path d="M1 1"/></svg> a fever</li></ul></div>
<h2 id="signs">Signs</h2>
<p>CRS often starts with a fever.</p>
<figure class="guide-picture" data-search-exclude><svg viewBox="0 0 10 10"><title>When</title><svg class="gp-icon"><path d="M1 1"/></svg><text>Right after the infusion</text></svg><figcaption>The close watch.</figcaption></figure>
<div class="guide-urgent-box" data-search-exclude="data-search-exclude">
<div class="admonition danger"><p>Call your care team right away</p></div>
</div>
<p>The end.</p>
"""


def _sections(html: str) -> list[tuple[str, str, str, bool]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id or "", "".join(s.title), "".join(s.text), s.is_excluded()) for s in parser.data]


def test_the_page_comes_back_exactly() -> None:
    hidden, parts = set_aside_excluded(PAGE)
    assert len(parts) == 3
    assert put_back(hidden, parts) == PAGE


def test_the_search_reads_the_same_text_with_fewer_tags() -> None:
    hidden, _ = set_aside_excluded(PAGE)
    assert _sections(hidden) == _sections(PAGE)
    assert "<svg" not in hidden and "Call your care team" not in hidden
    # The elements' own tags stay: Material removes `data-search-exclude="..."` from them after reading.
    assert '<div class="guide-urgent-box" data-search-exclude="data-search-exclude">' in hidden
    assert '<figure class="guide-picture" data-search-exclude>' in hidden


def test_a_part_with_a_heading_stays_where_the_search_reads_it() -> None:
    page = '<div data-search-exclude><h2 id="x">Inside</h2><p>Words</p></div><p>After</p>'
    assert set_aside_excluded(page) == (page, [])


def test_an_element_without_an_end_tag_is_left_alone() -> None:
    page = '<p>Before</p><div data-search-exclude><p>No end'
    assert set_aside_excluded(page) == (page, [])


def test_an_excluded_part_inside_another_is_set_aside_once() -> None:
    page = '<div data-search-exclude><div data-search-exclude>In</div><div>Also in</div></div><p>Out</p>'
    hidden, parts = set_aside_excluded(page)
    assert hidden == '<div data-search-exclude><!--guide:aside 0--></div><p>Out</p>'
    assert parts == ['<div data-search-exclude>In</div><div>Also in</div>']


def test_a_page_without_excluded_parts_is_unchanged() -> None:
    assert set_aside_excluded("<p>Only text</p>") == ("<p>Only text</p>", [])
    assert put_back("<p>Only text</p>", []) == "<p>Only text</p>"
