"""The small pure parts the hooks call: notices, words to know, the 404 links, handout planning."""
from __future__ import annotations


from guide.glossary import load_glossary
from guide.handout_plan import paper_size, split_urgent, URGENT_START
from guide.languages import language_for
from guide.not_found import not_found_links
from guide.notices import notices_for
from guide.page_record import PageRecord
from guide.settings import parse_settings
from guide.term_marks import build_matcher
from guide.translation_status import PageStatus
from guide.words_to_know import glossary_body, mark_page

EN = load_glossary("terms:\n  fever:\n    term: fever\n    definition: A high body heat.\n"
                   "  crs:\n    term: CRS\n    definition: A reaction.\n", "glossary/en.yml", "en")[0]
ES = load_glossary("terms:\n  fever:\n    term: fiebre\n    definition: Calor alto del cuerpo.\n", "glossary/es.yml", "es")[0]
STRINGS = {"fallback_notice": "No traducida.", "draft_note": "Borrador.", "outdated_notice": "Vieja.",
           "english_link": "Inglés"}


def test_notices() -> None:
    assert [n.kind for n in notices_for(True, None, STRINGS, "../crs/", "en")] == ["fallback"]
    assert notices_for(False, None, STRINGS, "../crs/", "en") == []
    both = notices_for(False, PageStatus("crs.md", "outdated", "draft"), STRINGS, "../../crs/", "en")
    assert [n.kind for n in both] == ["outdated", "draft"]
    assert both[0].link == "../../crs/" and both[0].link_lang == "en" and both[0].link_text == "Inglés"


def test_words_to_know_fall_back_to_the_page_language_and_say_which() -> None:
    matcher = build_matcher({e.id: e.forms for e in EN.entries})
    marked = mark_page("<p>A fever can come with CRS.</p>", matcher, ES, EN, "../glossary/", "per_page", "en")
    assert [w.id for w in marked.words.entries] == ["fever", "crs"]
    fever, crs = marked.words.entries
    assert fever.term == "Fiebre" and fever.lang == "" and fever.href == "../glossary/#fever"
    assert crs.term == "CRS" and crs.lang == "en"
    assert marked.missing == ("crs",) and marked.matched == {"fever", "crs"}
    assert 'data-guide-term="fever"' in marked.html


def test_glossary_page_body_is_made_from_the_data_only() -> None:
    assert "fever" in glossary_body(EN, "", "docs/en/glossary.md", "glossary/en.yml", "Glossary")
    for glossary, written, says in ((None, "", "there is no glossary/xx.yml"), (EN, "Hand text", "Keep only its front matter")):
        try:
            glossary_body(glossary, written, "docs/xx/glossary.md", "glossary/xx.yml", "Glossary")
        except ValueError as error:
            assert says in str(error)
        else:
            raise AssertionError("no error")


def test_not_found_links_use_the_help_page_setting() -> None:
    links = not_found_links({"en": {"not_found_title": "Gone"}, "es": {}}, "en", "https://x.org/guide/", "help.md")
    assert links[0]["home"] == "/guide/" and links[0]["help"] == "/guide/help/" and links[0]["title"] == "Gone"
    assert links[1]["home"] == "/guide/es/" and links[1]["help"] == "/guide/es/help/"


def test_paper_size_comes_from_settings_then_table_then_default() -> None:
    handouts = parse_settings({"handouts": {"sizes": {"es": "A4"}}}).handouts
    assert paper_size(language_for("es"), handouts) == "A4"
    assert paper_size(language_for("fr"), handouts) == "A4" and paper_size(language_for("en"), handouts) == "letter"
    assert paper_size(language_for("tl"), handouts) == "letter"


def test_urgent_box_split_and_the_page_record() -> None:
    assert split_urgent(f"<p>a</p>{URGENT_START}b</div>") == ("<p>a</p>", f"{URGENT_START}b</div>")
    assert split_urgent("<p>a</p>") == ("<p>a</p>", "")
    record = PageRecord("es/crs.md", "crs.md", "es", "en")
    assert record.fallback and record.text_lang == "en"
    assert not PageRecord("es/crs.md", "crs.md", "es", "es").fallback


def test_unused_entries_name_file_line_and_fix() -> None:
    from guide.words_to_know import unused_entries

    found = unused_entries(EN, {"fever"}, "glossary/en.yml")
    assert found == ['glossary/en.yml:5: the term "CRS" (entry "crs") appears on no page. Use it in a page, add the '
                     "word the pages use as an alias, or remove the entry."]


def test_text_direction_is_marked_only_where_it_changes() -> None:
    english_in_arabic = PageRecord("ar/crs.md", "crs.md", "ar", "en", direction="ltr", site_direction="rtl")
    assert english_in_arabic.text_dir == "ltr" and english_in_arabic.text_lang == "en"
    english_in_spanish = PageRecord("es/crs.md", "crs.md", "es", "en", direction="ltr", site_direction="ltr")
    assert english_in_spanish.text_dir == ""
    assert PageRecord("ar/crs.md", "crs.md", "ar", "ar", direction="rtl", site_direction="rtl").text_dir == ""


def test_the_booklet_follows_the_menu_ends_with_the_end_pages_and_skips_volunteer_pages() -> None:
    from guide.handout_plan import BookletPage, booklet_order

    def page(name: str) -> BookletPage:
        return BookletPage(name, name, name, "en", name, "", "", "2026-11-25")

    names = ("about.md", "crs.md", "glossary.md", "index.md", "privacy.md", "print.md", "what-is-car-t.md", "extra.md")
    menu = ["index.md", "what-is-car-t.md", "crs.md", "print.md", "glossary.md", "about.md", "privacy.md"]
    ordered = [p.name for p in booklet_order([page(n) for n in names], menu, ("privacy.md",), ("glossary.md", "print.md"))]
    assert ordered == ["index.md", "what-is-car-t.md", "crs.md", "about.md", "extra.md", "glossary.md", "print.md"]
