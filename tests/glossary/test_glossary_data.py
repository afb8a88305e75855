"""Loading glossary data: good files load; each kind of bad data gets one clear line with file and line."""
from __future__ import annotations

from pathlib import Path

from guide.glossary import glossary_page, load_glossary, normalize

DATA = Path(__file__).parent / "data"


def load(name: str):
    return load_glossary((DATA / name).read_text(encoding="utf-8"), f"glossary/{name}", "en")


def test_good_file_loads_without_problems() -> None:
    glossary, problems = load("good.yml")
    assert problems == []
    assert [e.id for e in glossary.entries] == ["cytokine-release-syndrome", "cytokine", "t-cell"]
    crs = glossary.by_id()["cytokine-release-syndrome"]
    assert crs.forms == ("cytokine release syndrome", "CRS")
    assert crs.see_also == ("cytokine",)
    assert crs.line == 4


def test_every_problem_in_a_bad_file_is_reported_at_once() -> None:
    _, problems = load("bad.yml")
    messages = [str(p) for p in problems]
    expected = [
        ("glossary/bad.yml:2:", "the definition contains markup ('<b')"),
        ("glossary/bad.yml:9:", 'entry "no-definition" has no definition'),
        ("glossary/bad.yml:11:", 'entry "no-term" has no term'),
        ("glossary/bad.yml:13:", 'entry "Bad_Id": the id must be lower case'),
        ("glossary/bad.yml:13:", 'entry "Bad_Id" has an unknown key "colour"'),
        ("glossary/bad.yml:6:", '"Cytokine Release Syndrome" is already used by entry "crs" (line 2)'),
        ("glossary/bad.yml:2:", 'see_also names "cytokines", which is not an entry id'),
    ]
    for prefix, text in expected:
        assert any(m.startswith(prefix) and text in m for m in messages), (prefix, text, messages)
    assert len(messages) == len(expected)


def test_duplicate_key_is_refused_not_silently_kept() -> None:
    glossary, problems = load("duplicate.yml")
    assert glossary.entries == ()
    assert len(problems) == 1
    assert str(problems[0]).startswith("glossary/duplicate.yml:5: the file is not valid YAML")
    assert 'the key "crs" is written twice' in str(problems[0])


def test_broken_yaml_names_its_line() -> None:
    _, problems = load("broken.yml")
    assert len(problems) == 1 and str(problems[0]).startswith("glossary/broken.yml:4:")


def test_missing_terms_section() -> None:
    _, problems = load_glossary("page: {}\n", "glossary/x.yml", "en")
    assert [str(p) for p in problems] == ['glossary/x.yml:1: the file needs a "terms:" section with one entry per term.']


def test_normalize_folds_case_space_hyphen_and_unicode() -> None:
    assert normalize("T-Cell") == normalize("t  cell")
    assert normalize("Cafe\u0301") == normalize("Café")


def test_glossary_page_is_alphabetical_with_letters_anchors_aliases_and_links() -> None:
    glossary, _ = load("good.yml")
    page = glossary_page(glossary, "Glossary")
    assert page.startswith("# Glossary\n")
    assert page.index("### Cytokine {#cytokine") < page.index("### Cytokine release syndrome {#cytokine-release-syndrome") < page.index("### T cell {#t-cell")
    assert "[C](#letter-c) · [T](#letter-t)" in page
    assert "## C {#letter-c }" in page
    assert "Also called: CRS." in page
    assert "See also: [Cytokine](#cytokine)." in page


def test_glossary_page_escapes_what_it_prints() -> None:
    glossary, problems = load_glossary(
        "terms:\n  x:\n    term: '*star* [x](y)'\n    definition: 'Uses * and _ and # only.'\n", "g.yml", "en"
    )
    page = glossary_page(glossary, "Words")
    assert r"\*star\* \[x\]\(y\)" in page
    assert r"Uses \* and \_ and \# only." in page


# ---- whatever a definition holds, it comes out as text, never as markup --------------------

import markdown as _markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.glossary import Entry, Glossary
from sitebuild import examples

HOSTILE = st.lists(st.sampled_from(list('<>"&\'*_[]()`#!|{}~\\ab /:;=') + ["<script>", "&amp;", "<b>", "**"]),
                   min_size=1, max_size=30).map(lambda parts: "".join(parts).strip() or "x")


def _render(markdown_text: str) -> str:
    return _markdown.markdown(markdown_text, extensions=["attr_list", "md_in_html", "toc", "tables", "admonition", "def_list", "abbr"])


@settings(max_examples=examples(1000), deadline=None)
@given(HOSTILE)
def test_any_definition_is_inert_on_the_glossary_page(definition: str) -> None:
    from bs4 import BeautifulSoup

    glossary = Glossary("en", (Entry("x", "fever", definition),))
    html = _render(glossary_page(glossary, "Glossary"))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("b") is None
    heading = soup.find(id="x")
    paragraph = heading.find_next_sibling("p")
    assert " ".join(paragraph.get_text().split()) == " ".join(definition.split())
    assert paragraph.find() is None  # no element inside: text only


def test_words_to_know_template_escapes_definitions() -> None:
    import jinja2

    from sitebuild import ROOT

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    hostile = '<script>alert("x")</script> & <b>bold</b>'
    out = env.get_template("partials/guide-words.html").render(guide={"words": {
        "title": "Words to know", "more": 'More "here"',
        "entries": [{"id": "x", "term": hostile, "definition": hostile, "href": '../g/#x"><script>'}],
    }})
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in out
