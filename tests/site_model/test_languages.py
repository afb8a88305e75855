"""The language table: one record per language, defaults for many, changes from mkdocs.yml."""
from __future__ import annotations

import snowballstemmer

from guide.languages import TABLE, language_for, unknown_language_note
from guide.readability import DIRECTION, FORMULAS
from guide.settings import parse_settings
from guide.syllables import COUNTERS


def test_the_table_covers_the_languages_we_plan_for() -> None:
    assert {"en", "es", "fr", "de", "pt", "ar", "zh", "vi", "ko"} <= set(TABLE)
    assert language_for("ar").direction == "rtl" and language_for("en").direction == "ltr"
    assert language_for("ar").reading_level == language_for("zh").reading_level == "report"
    assert language_for("en").reading_level == "gate"


def test_every_record_names_things_that_exist() -> None:
    stemmers = set(snowballstemmer.algorithms())
    for code, language in TABLE.items():
        assert language.code == code
        assert set(language.formulas) <= set(FORMULAS), code
        assert set(language.columns) <= set(DIRECTION) and language.status_metric in DIRECTION, code
        assert language.syllables == "cmudict" or language.syllables in COUNTERS, code
        assert language.stemmer is None or language.stemmer in stemmers, code
        assert language.plurals in ("english", "romance", "french", "none"), code
        assert language.direction in ("ltr", "rtl"), code
        assert language.length_unit in ("words", "characters") and language.glossary_order in ("letters", "pinyin"), code
        assert language.segmenter in (None, "chinese"), code
        for path in (language.fonts.files() if language.fonts else ()):
            assert path.startswith("/usr/share/fonts/"), (code, path)  # from a Debian package README names


def test_scripts_get_their_fonts_prefixes_and_punctuation() -> None:
    arabic, chinese, korean = language_for("ar"), language_for("zh"), language_for("ko")
    assert "Arabic" in arabic.fonts.regular and "DejaVu" in arabic.fonts.fallback_regular  # Latin letters beside Arabic
    assert "CJK" in chinese.fonts.regular and chinese.fonts.regular == korean.fonts.regular
    # One file holds the Chinese, Japanese and Korean fonts, whose letter forms differ: each names its own.
    assert (chinese.fonts.face, korean.fonts.face) == ("Noto Sans CJK SC", "Noto Sans CJK KR")
    assert "ال" in arabic.prefixes and chinese.prefixes == ()
    assert chinese.punctuation.stop == "。" and chinese.punctuation.space == "" and arabic.punctuation.comma == "، "
    assert chinese.length_unit == "characters" and chinese.segmenter == "chinese" and chinese.glossary_order == "pinyin"


def test_starter_notices_exist_for_languages_not_yet_set_up() -> None:
    for code in ("de", "pt", "ar", "zh", "vi", "ko"):
        notices = TABLE[code].starter_strings
        assert set(notices) == {"draft_note", "fallback_notice", "outdated_notice", "english_link"}, code
        assert all(text.strip() and "English" not in text for text in notices.values()), code


def test_regional_codes_share_their_language_and_unknown_codes_get_clear_defaults() -> None:
    assert language_for("pt-BR").stemmer == "portuguese" and language_for("pt-BR").code == "pt-BR"
    unknown = language_for("tl")
    assert not unknown.known and unknown.reading_level == "report" and unknown.formulas == ()
    assert unknown.stemmer is None and unknown.direction == "ltr" and unknown.paper_size is None
    note = unknown_language_note("tl")
    assert "'tl'" in note and "extra.guide.languages.tl" in note and "paper_size" in note


def test_mkdocs_yml_changes_a_record_field_by_field() -> None:
    settings = parse_settings({"languages": {"tl": {"name": "Tagalog", "paper_size": "letter"},
                                             "fr": {"paper_size": "letter"}}})
    tagalog = language_for("tl", settings.languages)
    assert tagalog.name == "Tagalog" and tagalog.paper_size == "letter" and tagalog.known
    french = language_for("fr", settings.languages)
    assert french.paper_size == "letter" and french.stemmer == "french"


def test_a_volunteer_sets_a_new_scripts_needs_in_mkdocs_yml() -> None:
    """TRANSLATING.md's example: direction, fonts with a fallback for Latin letters, punctuation, prefixes."""
    settings = parse_settings({"languages": {"hi": {
        "direction": "ltr", "punctuation": {"stop": "।"}, "prefixes": ["x"], "length_unit": "words",
        "fonts": {"regular": "/r.ttf", "bold": "/b.ttf", "fallback_regular": "/lr.ttf", "fallback_bold": "/lb.ttf"}}}})
    hindi = language_for("hi", settings.languages)
    assert hindi.known and hindi.punctuation.stop == "।" and hindi.punctuation.colon == ": " and hindi.prefixes == ("x",)
    assert hindi.fonts.files() == ("/r.ttf", "/b.ttf", "/lr.ttf", "/lb.ttf")
