"""Translations, pure parts: versions, front matter keys, layout, structure, status, search index."""
from __future__ import annotations


import yaml

from guide.languages import language_for
from guide.tools.new_language import add_language_entry, section_names, starter_strings
from guide.search_index import localize_index, plurals
from guide.strings import load_strings
from guide.translation_status import as_markdown, as_text, collect, describe_change
from guide.translations import check_layout, compare_shapes, english_hash, page_shape, read_meta

PAGE = "---\ntitle: CRS\nreviewed: 2026-11-25\n---\n\n# CRS\n\nFever first.\n"


def test_english_hash_ignores_front_matter_and_blank_lines_only() -> None:
    base = english_hash(PAGE)
    assert len(base) == 12
    assert english_hash(PAGE.replace("2026-11-25", "2027-01-01")) == base
    assert english_hash(PAGE.replace("\n\nFever", "\n\n\n\nFever") + "\n\n") == base
    assert english_hash(PAGE.replace("Fever first.", "Fever comes first.")) != base


def test_read_meta_names_the_fix() -> None:
    meta, problems = read_meta({}, "docs/es/crs.md", 3, hash_hint="0123456789ab")
    assert [str(p) for p in problems] == [
        'docs/es/crs.md:3: front matter key "translation_of" is missing. Add: translation_of: 0123456789ab '
        '(the hash printed by "make translations").']
    _, problems = read_meta({"translation_of": "PENDING"}, "docs/es/crs.md", 3, hash_hint="0123456789ab")
    assert '"translation_of: PENDING" is not a version hash' in str(problems[0])
    _, problems = read_meta({"translation_of": "0123456789ab", "translation_status": "reviewed"}, "x.md", 1,
                            hash_hint="0123456789ab")
    assert "needs \"translation_reviewed_by:\"" in str(problems[0])
    meta, problems = read_meta({"translation_of": "0123456789ab", "translation_status": "reviewed",
                                "translation_reviewed_by": "Ana", "translation_reviewed_on": "2026-12-01"},
                               "x.md", 1, hash_hint="0123456789ab")
    assert problems == [] and meta.status == "reviewed" and meta.reviewed_by == "Ana"


def test_layout_problems() -> None:
    pages = ["en/crs.md", "es/crs.md", "es/extra.md", "it/crs.md", "assets/x.md", "es/_includes/urgent.md"]
    problems = [str(p) for p in check_layout(pages, ["en", "es"], "en", ["en.yml", "es.yml", "de.yml"])]
    assert problems == [
        "docs/es/extra.md:1: this translation has no English page docs/en/extra.md. "
        "Rename it to match the English file name, or delete it.",
        'docs/it/crs.md:1: the folder docs/it/ is for a language that is not set up. '
        'Run "make new-language LANG=it", or move the file.',
        'glossary/de.yml:1: this glossary is for the language "de", which is not set up. '
        'Run "make new-language LANG=de", or delete it.',
    ]


EN = ('<h2 id="key-points">Key points</h2><ul><li>a</li></ul><h2 id="grading">Grading</h2><p>Grade 1 to 4. '
      'Call 555-123-4567.</p><div class="admonition note"><p>x</p></div><a href="../crs/">CRS</a>'
      '<a class="guide-term" href="g/#x">term</a><div class="guide-urgent"><p>Call 1</p><div>x</div></div>')


def test_same_shape_has_no_differences() -> None:
    assert compare_shapes(page_shape(EN), page_shape(EN), "docs/es/crs.md", "docs/en/crs.md") == []


def test_shape_differences_are_named() -> None:
    es = EN.replace('<h2 id="grading">Grading</h2>', "<h2>Grado</h2>").replace("4.", "5.").replace(
        '<a href="../crs/">CRS</a>', "").replace("555-123-4567", "555-123-0000")
    assert compare_shapes(page_shape(EN), page_shape(es), "docs/es/crs.md", "docs/en/crs.md") == [
        "docs/es/crs.md: 1 headings vs 2 in docs/en/crs.md (missing: #grading)",
        "docs/es/crs.md: 0 links vs 1 in docs/en/crs.md (missing: ../crs/)",
        "docs/es/crs.md: numbers ['1', '5'] vs ['1', '4'] in docs/en/crs.md",
        "docs/es/crs.md: phone numbers ['555-123-0000'] vs ['555-123-4567'] in docs/en/crs.md",
    ]
    no_box = EN.split('<div class="guide-urgent">')[0]
    assert compare_shapes(page_shape(EN), page_shape(no_box), "a", "b")[-1] == "a: the urgent box is missing"


def test_status_fresh_outdated_missing_and_glossary_gaps() -> None:
    old, new = PAGE, PAGE.replace("Fever first.", "Fever comes first.")
    pages = {
        "en/crs.md": new, "en/steps.md": PAGE,
        "es/crs.md": f"---\ntranslation_of: {english_hash(old)}\ntranslation_status: draft\n---\n# SLC\n",
    }
    [es] = collect(pages, {"en": "English", "es": "Español"}, "en", {"en": {"crs", "cytokine"}, "es": {"crs"}},
                   old_english=lambda page, version: old if version == english_hash(old) else None)
    crs, steps = es.pages
    assert (crs.state, crs.review, crs.now) == ("outdated", "draft", english_hash(new))
    assert "-Fever first." in crs.change and "+Fever comes first." in crs.change
    assert steps.state == "missing"
    assert es.glossary_missing == ["cytokine"]
    assert not es.ok
    text = as_text([es])
    assert f"crs.md: OUTDATED. After updating it, put this line in its front matter: translation_of: {english_hash(new)}" in text
    page = as_markdown([es])
    assert f"translation_of: {english_hash(new)}" in page and "+Fever comes first." in page
    assert "| Español | 0 | 1 | 1 | 1 | 0 | 1 |" in page


def test_describe_change_is_a_short_diff() -> None:
    assert describe_change("a\nb\n", "a\nc\n") == ["@@ -1,2 +1,2 @@", " a", "-b", "+c"]


def test_strings_fall_back_and_name_gaps() -> None:
    english = {"draft_note": "Draft.", "english_link": "English"}
    strings, problems = load_strings("draft_note: Borrador.\nextra: x\n", "docs/es/_includes/strings.yml", english)
    assert strings == {"draft_note": "Borrador.", "english_link": "English", "extra": "x"}
    assert [str(p) for p in problems] == [
        'docs/es/_includes/strings.yml:1: "english_link" is missing. Copy its line from the English file and translate it.',
        'docs/es/_includes/strings.yml:2: "extra" is not a name the site uses. Check the spelling.',
    ]


def test_search_index_keeps_one_language_and_adds_variants() -> None:
    data = {"config": {"lang": ["en", "es"], "fields": {"title": {"boost": 1000}}},
            "docs": [{"location": "crs/", "title": "CRS", "text": "Fever"},
                     {"location": "es/get-help/", "title": "Ayuda", "text": "Una fiebre. Las infecciones."},
                     {"location": "es/crs/", "title": "SLC", "text": "La infección."}]}
    es = localize_index(data, language_for("es"), "es/")
    assert es["config"]["lang"] == ["es"] and "variants" in es["config"]["fields"]
    assert [d["location"] for d in es["docs"]] == ["get-help/", "crs/"]
    help_variants = es["docs"][0]["variants"].split()
    assert "fiebres" in help_variants          # a plural a reader may type
    assert "infección" in help_variants        # same stem, found on another page
    assert "infecciones" in es["docs"][1]["variants"].split()
    assert "infeccion" in help_variants and "infeccion" in es["docs"][1]["variants"].split()  # typed without accents
    fr = localize_index({"docs": [{"location": "fr/x/", "title": "Aide", "text": "Une fièvre."}]}, language_for("fr"), "fr/")
    assert "fievre" in fr["docs"][0]["variants"].split()
    assert plurals("fever", "english") == {"fevers"} and plurals("canal", "romance") == {"canales"}
    assert "separator" not in es["config"]  # the site's own separator stays
    zh = localize_index({"docs": [{"location": "zh/", "title": "首页", "text": "发烧"}]}, language_for("zh"), "zh/")
    assert r"\u200b" in zh["config"]["separator"] and zh["config"]["lang"] == ["zh"]


def test_add_language_entry_keeps_the_file() -> None:
    text = ("plugins:\n  - i18n:\n      languages:\n        - locale: en\n          name: English\n"
            "          default: true\n        - locale: es\n          name: Español\n          nav_translations:\n"
            "            A: B\n\nhooks:\n  - x.py\n")
    out = add_language_entry(text, "pt", language_for("pt"), "The guide", ["Side effects"])
    assert out.index("locale: pt") > out.index("A: B") and out.index("locale: pt") < out.index("hooks:")
    assert "        - locale: pt\n          name: \"Português\"" in out and "build: true" in out
    assert out.replace(out[out.index("        - locale: pt"):out.index("\nhooks")], "").count("locale") == 2
    entry = yaml.safe_load(out)["plugins"][0]["i18n"]["languages"][-1]
    assert entry == {"locale": "pt", "name": "Português", "build": True, "site_name": "The guide",
                     "nav_translations": {"Side effects": "Side effects"}}
    unknown = add_language_entry(text, "xx", language_for("xx"), "The guide", [])
    assert yaml.safe_load(unknown)["plugins"][0]["i18n"]["languages"][-1]["name"] == "xx"


def test_add_language_entry_quotes_what_yaml_would_misread() -> None:
    text = "plugins:\n  - i18n:\n      languages:\n        - locale: en\n          name: English\n\nhooks: []\n"
    sections = ["On: the day", "No", "#1 tips", 'Say "hi"']
    out = add_language_entry(text, "vi", language_for("vi"), "Guide: CAR T", sections)
    entry = yaml.safe_load(out)["plugins"][0]["i18n"]["languages"][-1]
    assert entry["site_name"] == "Guide: CAR T"
    assert entry["nav_translations"] == {section: section for section in sections}


def test_add_language_entry_refuses_a_file_without_languages() -> None:
    import pytest

    from guide.tools import ToolError

    with pytest.raises(ToolError, match="no list of languages"):
        add_language_entry("site_name: x\n", "pt", language_for("pt"), "x", [])


def test_new_language_helpers_find_sections_and_translate_the_notices() -> None:
    nav = ["index.md", {"Side effects": ["crs.md", {"More": ["a.md"]}]}, {"Glossary": "glossary.md"}]
    assert section_names(nav) == ["Side effects", "More"]
    english = 'draft_note: "Draft."\nfallback_notice: In English.\nhandout_link: Print\n'
    started = yaml.safe_load(starter_strings(english, language_for("pt")))
    assert started["fallback_notice"].startswith("Esta página ainda não foi traduzida")
    assert started["handout_link"] == "Print"
    assert starter_strings(english, language_for("xx")) == english


def test_nav_entry_inside_a_language_folder_is_refused() -> None:
    from guide.translations import check_nav

    nav = ["index.md", {"Side effects": ["crs.md", "es/icans.md"]}, {"Web": "https://example.org/es/x.md"}]
    assert [str(p) for p in check_nav(nav, ["en", "es"])] == [
        'mkdocs.yml:1: nav lists "es/icans.md", a page inside a language folder. '
        'Write "icans.md": each language finds its own version of the page.']
