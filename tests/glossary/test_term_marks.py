"""Marking glossary terms in HTML: golden cases for every skip zone, and properties over generated pages."""
from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.term_marks import MarkerError, build_matcher, mark_terms, tokenize
from sitebuild import examples

FORMS = {
    "crs": ["cytokine release syndrome", "CRS"],
    "cytokine": ["cytokine", "cytokines"],
    "car": ["CAR", "chimeric antigen receptor"],
    "car-t": ["CAR T-cell therapy"],
    "t-cell": ["T cell", "T cells", "T-cell"],
    "cafe": ["caf\u00e9"],
}
MATCHER = build_matcher(FORMS)


def render(entry_id: str, text: str) -> str:
    return f'<a class="guide-term" href="g/#{entry_id}" data-guide-term="{entry_id}">{text}</a>'


def mark(source: str, mode: str = "per_page") -> str:
    return mark_terms(source, MATCHER, render, mode).html


def term(entry_id: str, text: str) -> str:
    return render(entry_id, text)


@pytest.mark.parametrize(
    "zone",
    [
        "<h1>CRS</h1>", "<h2 id='x'>CRS</h2>", "<h6>CRS</h6>", '<a href="x">CRS</a>', "<code>CRS</code>",
        "<pre><code>CRS\nCRS</code></pre>", "<kbd>CRS</kbd>", '<abbr title="CRS">CRS</abbr>',
        "<script>var a = '<p>CRS</p>';</script>", "<style>.CRS{}</style>",
        '<nav class="md-nav">CRS</nav>', '<div class="toc"><ul><li>CRS</li></ul></div>',
        '<div class="admonition note"><p class="admonition-title">CRS</p></div>',
        '<a class="guide-term" href="g/#crs" data-guide-term="crs">CRS</a>', '<div class="guide-urgent"><p>CRS</p></div>',
        '<p title="CRS and cytokine">x</p>', "<!-- CRS -->",
    ],
)
def test_skip_zones_are_left_alone(zone: str) -> None:
    assert mark(zone) == zone


def test_text_after_a_skip_zone_is_marked() -> None:
    assert mark("<h2>CRS</h2><p>CRS</p>") == f"<h2>CRS</h2><p>{term('crs', 'CRS')}</p>"
    assert mark("<p><code>CRS</code> CRS</p>") == f"<p><code>CRS</code> {term('crs', 'CRS')}</p>"


def test_admonition_body_is_marked_but_not_its_title() -> None:
    source = '<div class="admonition"><p class="admonition-title">CRS</p><p>About CRS.</p></div>'
    assert mark(source) == f'<div class="admonition"><p class="admonition-title">CRS</p><p>About {term("crs", "CRS")}.</p></div>'


def test_longest_term_wins_and_nested_terms_are_not_marked_inside() -> None:
    assert mark("<p>Cytokine release syndrome is not a cytokine.</p>") == (
        f"<p>{term('crs', 'Cytokine release syndrome')} is not a {term('cytokine', 'cytokine')}.</p>"
    )
    assert mark("<p>CAR T-cell therapy changes T cells.</p>") == (
        f"<p>{term('car-t', 'CAR T-cell therapy')} changes {term('t-cell', 'T cells')}.</p>"
    )


def test_whole_words_only() -> None:
    assert mark("<p>CART, CARS, scar, cytokines2, xCRS</p>") == "<p>CART, CARS, scar, cytokines2, xCRS</p>"


def test_plural_and_case_keep_the_text_as_written() -> None:
    assert mark("<p>CYTOKINES and crs</p>") == f"<p>{term('cytokine', 'CYTOKINES')} and {term('crs', 'crs')}</p>"


def test_term_across_a_line_break_matches() -> None:
    assert mark("<p>cytokine release\nsyndrome</p>") == f"<p>{term('crs', 'cytokine release' + chr(10) + 'syndrome')}</p>"


def test_entities_next_to_terms() -> None:
    assert mark("<p>CRS&amp;ICANS &lt;CRS&gt;</p>") == f"<p>{term('crs', 'CRS')}&amp;ICANS &lt;CRS&gt;</p>"
    assert mark("<p>&quot;CRS&quot;</p>") == f'<p>"{term("crs", "CRS")}"</p>'


def test_unicode_is_matched_after_nfc() -> None:
    decomposed = "cafe\u0301"
    assert mark(f"<p>{decomposed}</p>") == f"<p>{term('cafe', 'caf' + chr(0xE9))}</p>"


def test_modes() -> None:
    source = "<h2>A</h2><p>CRS CRS</p><h2>B</h2><p>CRS</p>"
    assert mark(source).count('class="guide-term"') == 1
    assert mark(source, "per_section").count('class="guide-term"') == 2
    assert mark(source, "every").count('class="guide-term"') == 3
    with pytest.raises(ValueError, match="unknown glossary mode"):
        mark(source, "sometimes")


def test_off_and_on_markers() -> None:
    source = "<!-- guide:glossary off --><p>CRS</p><!-- guide:glossary on --><p>CRS</p>"
    assert mark(source) == f"<!-- guide:glossary off --><p>CRS</p><!-- guide:glossary on --><p>{term('crs', 'CRS')}</p>"


def test_unknown_marker_is_an_error() -> None:
    with pytest.raises(MarkerError, match="guide:glossary of"):
        mark("<!-- guide:glossary of --><p>CRS</p>")


def test_marks_report_marked_and_matched_ids() -> None:
    result = mark_terms("<p>CRS, cytokines, CRS</p><h2>T cell</h2>", MATCHER, render)
    assert result.marked == ["crs", "cytokine"]
    assert result.matched == {"crs", "cytokine"}


def test_no_terms_means_no_change() -> None:
    assert mark_terms("<p>CRS</p>", build_matcher({}), render).html == "<p>CRS</p>"


def test_matcher_cost_does_not_grow_with_alternatives() -> None:
    # One trie-shaped pattern: a shared prefix is written once.
    pattern = build_matcher({f"t{i}": [f"term{i}"] for i in range(500)}).pattern.pattern
    assert pattern.count("term") == 1


# ---- properties over generated pages ---------------------------------------------------------

WORDS = ["CRS", "crs", "cytokine", "cytokines", "release", "syndrome", "CAR", "CART", "T", "cell", "T-cell",
         "the", "a", "&amp;", "&lt;", "<", ">", '"', "'", "&", "caf\u00e9", "cafe\u0301", "x", "\n", "2"]
text_st = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)


def _leaf(tag: str, cls: str | None = None):
    attr = f' class="{cls}"' if cls else ""
    return text_st.map(lambda t: f"<{tag}{attr}>{html.escape(html.unescape(t), quote=False)}</{tag}>")


leaf_st = st.one_of(
    text_st.map(lambda t: html.escape(html.unescape(t), quote=False)),
    _leaf("h2"), _leaf("code"), _leaf("a"), _leaf("p", "admonition-title"), _leaf("kbd"),
    text_st.map(lambda t: f'<abbr title="{html.escape(t)}">x</abbr>'),
    st.just("<!-- guide:glossary off -->"), st.just("<!-- guide:glossary on -->"), st.just("<br>"),
)
doc_st = st.recursive(
    st.lists(leaf_st, max_size=6).map("".join),
    lambda inner: st.one_of(
        inner.map(lambda x: f"<p>{x}</p>"), inner.map(lambda x: f"<div>{x}</div>"),
        inner.map(lambda x: f"<li>{x}</li>"), st.lists(inner, max_size=3).map("".join),
    ),
    max_leaves=12,
)


class _Text(HTMLParser):
    """Visible text (NFC), and whether any guide-term mark sits inside a skip zone."""

    SKIP = {"h2", "code", "a", "kbd", "abbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.bad_mark = False

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        is_mark = "guide-term" in (values.get("class") or "")
        skipping = any(skip for _, skip in self.stack)
        if is_mark and skipping:
            self.bad_mark = True
        if tag != "br":
            skip = (tag in self.SKIP and not is_mark) or "admonition-title" in (values.get("class") or "")
            self.stack.append((tag, skip))

    def handle_endtag(self, tag) -> None:
        if self.stack:
            self.stack.pop()

    def handle_data(self, data) -> None:
        self.parts.append(data)


def visible(source: str) -> _Text:
    parser = _Text()
    parser.feed(source)
    parser.close()
    return parser


@settings(max_examples=examples(1200), deadline=None)
@given(doc_st)
def test_marking_keeps_the_text_and_never_marks_a_skip_zone(source: str) -> None:
    import unicodedata

    marked = mark(source, "every")
    before, after = visible(source), visible(marked)
    assert unicodedata.normalize("NFC", "".join(before.parts)) == unicodedata.normalize("NFC", "".join(after.parts))
    assert not after.bad_mark
    # Marks only ever come from our renderer.
    assert marked.count("<a ") - source.count("<a ") == marked.count('class="guide-term"')


@settings(max_examples=examples(1000), deadline=None)
@given(doc_st, st.sampled_from(["per_page", "per_section", "every"]))
def test_marking_twice_is_marking_once(source: str, mode: str) -> None:
    once = mark(source, mode)
    assert mark(once, mode) == once


@settings(max_examples=examples(1000), deadline=None)
@given(st.text())
def test_tokens_join_back_to_the_source(source: str) -> None:
    assert "".join(token.raw for token in tokenize(source)) == source
