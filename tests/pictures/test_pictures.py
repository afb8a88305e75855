"""The pictures (guide.pictures), the short help part (guide.urgent_box) and the things to print
(guide.printables): pure functions, on the real templates and words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from guide.languages import language_for
from guide.pictures import Pictures, PictureError, insert_pictures, place_pictures, put_pictures, wrap_label
from guide.printables import PRINTABLES, Questions, list_items, print_links, question_stages, section
from guide.reading_text import reading_units
from guide.urgent_box import help_now, insert_after_title
from sitebuild import ROOT

PICTURES = Pictures(ROOT / "overrides/pictures")


def words(language: str) -> dict[str, str]:
    return yaml.safe_load((ROOT / f"docs/{language}/_includes/strings.yml").read_text(encoding="utf-8"))


LANGUAGES = sorted(p.parent.parent.name for p in (ROOT / "docs").glob("*/_includes/strings.yml"))


def test_there_are_at_least_four_pictures_and_each_draws_in_every_language() -> None:
    assert {"treatment-steps", "car-finds-antigen", "warning-signs", "after-infusion"} <= set(PICTURES.names())
    assert {"en", "es", "fr", "ar", "zh"} <= set(LANGUAGES)
    for language in LANGUAGES:  # every picture, even one no translated page shows yet: its words must fit
        own = language_for(language)
        for name in PICTURES.names():
            figure = PICTURES.figure(name, words(language), f"docs/{language}/_includes/strings.yml", own.direction,
                                     own.punctuation)
            assert figure.startswith(f'<figure class="guide-picture guide-picture--{name}" data-search-exclude>')
            assert "\n" not in figure  # one HTML block for Markdown
            # Named by its text alternative, with a caption, in the language's own words.
            key = name.replace("-", "_")
            assert f'role="img" aria-labelledby="picture-{name}-title"' in figure
            assert f"<title id=\"picture-{name}-title\">{words(language)[key + '_alt']}</title>".replace("'", "&#39;") in figure
            assert f"<figcaption>{words(language)[key + '_caption']}</figcaption>".replace("'", "&#39;") in figure


def test_a_spanish_picture_holds_no_english_words() -> None:
    english = words("en")
    spanish = PICTURES.figure("treatment-steps", words("es"), "es")
    for key in ("treatment_steps_collect", "treatment_steps_lab_note", "treatment_steps_watch"):
        assert english[key] not in spanish
    assert "Recoger sus células T" in spanish


def test_picture_words_count_as_reading_text() -> None:
    figure = PICTURES.figure("treatment-steps", words("en"), "en")
    units = reading_units(figure)
    assert "Collect your T cells" in units and "A few hours, a bit like giving blood" in units
    assert words("en")["treatment_steps_caption"] in units
    # The text alternative repeats the words: it is not counted twice.
    assert units.count("Collect your T cells") == 1


def test_picture_lines_are_drawn_and_a_bad_one_names_its_line() -> None:
    markdown = "# Title\n\nText.\n\n[picture: warning-signs]\n\n[picture: no-such-picture]\n"
    draw = lambda name: PICTURES.figure(name, words("en"), "docs/en/_includes/strings.yml")  # noqa: E731
    drawn, problems = insert_pictures(markdown, draw, "docs/en/x.md")
    assert drawn.count("<figure") == 1 and "[picture:" not in drawn
    assert [str(p) for p in problems] == [
        "docs/en/x.md:7: there is no picture called `no-such-picture`. The pictures are: "
        + ", ".join(PICTURES.names()) + "."]


def test_words_too_long_for_their_place_or_missing_are_clear_errors() -> None:
    by_letters = lambda text: float(len(text))  # noqa: E731
    assert wrap_label("Collect your T cells", 26, 2, "k", "f", by_letters) == ["Collect your T cells"]
    assert wrap_label("one two  three", 9, 2, "k", "f", by_letters) == ["one two", "three"]
    with pytest.raises(PictureError, match=r"docs/es/_includes/strings.yml: `treatment_steps_collect` is too long"):
        PICTURES.figure("treatment-steps", {**words("es"), "treatment_steps_collect": "palabra " * 20},
                        "docs/es/_includes/strings.yml")
    missing = {k: v for k, v in words("es").items() if k != "car_t_cell"}
    with pytest.raises(PictureError, match=r"`car_t_cell` is missing. Copy its line from the English strings.yml"):
        PICTURES.figure("car-finds-antigen", missing, "docs/es/_includes/strings.yml")


def test_pictures_follow_the_page_colours_and_print_without_them() -> None:
    for name in PICTURES.names():
        figure = PICTURES.figure(name, words("en"), "en")
        # Ink is the text colour (dark mode follows); fills have a light value for paper that guide.css darkens.
        assert 'fill="currentColor"' in figure and 'stroke="currentColor"' in figure
        assert not re.search(r'fill="#(?:0|1|2|3)', figure), "no dark fill that would hide black text on paper"
    css = (ROOT / "overrides/assets/guide.css").read_text(encoding="utf-8")
    assert '[data-md-color-scheme="slate"] .guide-picture .gp-fill' in css


def test_the_help_part_goes_under_the_title_and_links_the_help_page() -> None:
    part = help_now(words("es"), lambda name: f"<svg data-icon='{name}'></svg>", "../get-help/", "es")
    assert part.startswith('<div class="guide-help-now" lang="es" dir="ltr" data-search-exclude>')
    assert 'dir="rtl"' in help_now(words("es"), str, "x", "ar", "rtl")
    assert "usted o la persona a la que usted cuida" in part
    assert '<a href="../get-help/">Qué hacer, y todas las señales</a>' in part
    assert part.count("<svg data-icon=") == 3
    assert "semanas o meses" in part  # the risk does not end with the first hours
    assert "<script>" not in help_now({**words("en"), "sign_fever": "<script>"}, str, "x", "en")  # words are escaped
    placed = insert_after_title('<h1 id="t">Title</h1>\n<p>First words.</p>', "PART")
    assert placed.index("</h1>") < placed.index("PART") < placed.index("First words.")
    assert insert_after_title("<p>No title.</p>", "PART").startswith("\nPART")


def test_print_lines_become_links_to_the_pdf_files() -> None:
    linked, problems = print_links("## Diary\n\n[print: diary]\n\n[print: wallet-card]\n\n[print: poster]\n", words("en"), "p.md")
    assert '<a href="diary.pdf" type="application/pdf">Temperature and symptom diary (PDF)</a>' in linked
    assert '<a href="diary-large.pdf" type="application/pdf">Temperature and symptom diary, large print (PDF)</a>' in linked
    assert "wallet-card.pdf" in linked and "wallet-card-large.pdf" not in linked  # one size: ID-1
    assert [str(p) for p in problems] == [f"p.md:7: there is nothing to print called `poster`. Use one of: {', '.join(PRINTABLES)}."]


def test_sections_and_questions_are_gathered_by_stage() -> None:
    html = ('<h2 id="key-points">Key</h2><ul><li>No</li></ul><h2 id="questions">Questions</h2>'
            '<ul>\n<li>What is <span class="guide-term">CRS</span>?</li>\n<li>Who do I call?</li></ul>'
            '<div class="guide-urgent-box"><ul><li>a fever</li></ul></div>'
            '<p class="guide-print-links"><a href="x.pdf">x</a></p><h2 id="next">Next</h2><ul><li>No</li></ul>')
    part = section(html, "questions")
    assert "guide-print-links" not in part and "Next" not in part
    assert list_items(part) == ['What is <span class="guide-term">CRS</span>?', "Who do I call?"]
    assert section(html, "missing") == ""
    found = {"crs.md": Questions("en", ("Q1", "Q2", "Q3")), "steps.md": Questions("es", ("Q3",))}
    stages = question_stages({"questions_before": ("steps.md", "gone.md"), "questions_side_effects": ("crs.md",)},
                             found, words("en"))
    assert [(s.title, s.questions) for s in stages] == [
        ("Before treatment", (("es", "Q3"),)), ("Side effects", (("en", "Q1"), ("en", "Q2")))]


def test_every_word_a_template_names_is_in_the_english_file() -> None:
    """strings.yml in every other language must hold every English name (the build checks that), so
    a name missing from English would break every language."""
    pictures = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides/pictures").rglob("*.*"))
    printables = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides/handouts").glob("printable*.html"))
    printables += " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides/handouts/printables").glob("*.html"))
    named = set(re.findall(r"\bw\.([a-z_]+)", pictures)) | set(re.findall(r"\bp\.strings\.([a-z_]+)", printables))
    named |= set(re.findall(r'"([a-z]+(?:_[a-z]+)+)"', pictures + printables))
    assert {"sign_fever", "treatment_steps_collect", "wallet_heading", "diary_fever_at"} <= named
    assert named <= set(words("en")), named - set(words("en"))


def test_a_word_too_wide_for_its_room_is_refused_by_its_measured_width() -> None:
    narrow = lambda text: len(text) * 10.0  # noqa: E731 - ten units a character
    assert wrap_label("aa bb cc", 50, 2, "k", "f", narrow) == ["aa bb", "cc"]
    with pytest.raises(PictureError, match="`k` is too long"):
        wrap_label("aaaaaaaaaaa", 50, 2, "k", "f", narrow)  # one word wider than the room
    with pytest.raises(PictureError, match="`k` is too long"):
        wrap_label("aa bb cc dd ee ff", 50, 2, "k", "f", narrow)  # three lines where two fit


def test_translated_words_keep_the_parts_the_site_fills_in() -> None:
    from guide.strings import load_strings

    english = {"print_file": "{title} (PDF)", "handout_page": "Page {page} of {pages}", "plain": "Plain"}
    text = 'print_file: "{titel} (PDF)"\nhandout_page: "Página {page} de {pages}"\nplain: "Claro {x}"\n'
    _, problems = load_strings(text, "docs/es/_includes/strings.yml", english)
    assert [str(p) for p in problems] == [
        'docs/es/_includes/strings.yml:1: "print_file" must keep {title} exactly as in English: '
        "the site puts a page number, a date or a title there.",
        'docs/es/_includes/strings.yml:3: "plain" must keep no {...} part exactly as in English: '
        "the site puts a page number, a date or a title there."]


def test_print_lines_belong_on_the_things_to_print_page_and_name_their_file_line() -> None:
    _, problems = print_links("Text.\n\n[print: diary]\n", words("en"), "docs/en/crs.md", "things-to-print.md", first_line=9)
    assert [str(p) for p in problems] == [
        "docs/en/crs.md:11: `[print: diary]` lines belong on things-to-print.md, where the files are made. "
        "Link to that page instead: [Temperature and symptom diary](things-to-print.md)."]


def test_a_right_to_left_picture_is_mirrored_and_its_icons_and_numbers_are_not() -> None:
    arabic = words("ar")
    steps = PICTURES.figure("treatment-steps", arabic, "ar", "rtl")
    # The marks stand on the right (560 - 52), the words end at their left, read right to left.
    assert 'class="guide-picture__svg gp-rtl"' in steps and 'cx="508"' in steps and 'cx="52"' not in steps
    assert '<text x="508"' in steps and '<tspan x="452"' in steps and ">1</text>" in steps
    signs = PICTURES.figure("warning-signs", arabic, "ar", "rtl")
    assert '<svg class="gp-icon" x="486"' in signs  # 560 - 30 - 44: placed mirrored, drawn unmirrored
    antigen = PICTURES.figure("car-finds-antigen", arabic, "ar", "rtl")
    assert 'transform="matrix(-1 0 0 1 560 0)"' in antigen and arabic["car_t_cell"].split()[0] in antigen
    left_to_right = PICTURES.figure("car-finds-antigen", words("en"), "en")
    assert "matrix(" not in left_to_right and "gp-rtl" not in left_to_right


def test_markdown_gets_a_placeholder_and_the_html_gets_the_picture_where_its_line_was() -> None:
    import markdown as python_markdown

    from sitebuild import real_config

    source = "# Title\n\nText before.\n\n[picture: warning-signs]\n\nText after.\n"
    draw = lambda name: PICTURES.figure(name, words("en"), "docs/en/_includes/strings.yml")  # noqa: E731
    placed, drawings, problems = place_pictures(source, draw, "docs/en/x.md")
    assert not problems and len(drawings) == 1 and "<svg" not in placed and "<svg" in drawings[0]
    config = real_config()
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    options = {next(iter(e)): e[next(iter(e))] for e in config["markdown_extensions"] if isinstance(e, dict)}
    options.pop("pymdownx.snippets", None)
    convert = lambda text: python_markdown.markdown(text, extensions=[e for e in extensions if e != "pymdownx.snippets"],  # noqa: E731
                                                   extension_configs=options)
    # The page's HTML is the same as when Markdown read the drawing itself.
    assert put_pictures(convert(placed), drawings) == convert(insert_pictures(source, draw, "docs/en/x.md")[0])
    assert put_pictures("<p>no picture</p>", []) == "<p>no picture</p>"
