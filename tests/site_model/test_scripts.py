"""Every script: pure functions for Arabic (vowel marks, joined prefixes, right to left) and Chinese
(no spaces, segmenting, characters), on real words from the guide."""
from __future__ import annotations

import pytest

from guide.bidi import isolate_ltr_runs
from guide.glossary import Entry, Glossary, glossary_page
from guide.languages import language_for
from guide.pictures import wrap_to
from guide.readability import common_characters, measure, score
from guide.reading_text import characters, split_sentences, words
from guide.scripts import drawn_order, join_wide_lines, strip_marks, without_prefix
from guide.search_index import RUN_START, add_variants, chinese_cut, run_starts, segment, segment_docs
from guide.term_marks import build_matcher, mark_terms
from guide.translations import page_shape

AR = language_for("ar")
ZH = language_for("zh")


def marked(html: str, forms: dict[str, list[str]], prefixes: tuple[str, ...] = ()) -> str:
    return mark_terms(html, build_matcher(forms, prefixes), lambda i, t: f"[{i}:{t}]", "every").html


# Arabic -------------------------------------------------------------------------------------------

def test_vowel_marks_and_tatweel_go_and_accented_letters_stay() -> None:
    assert strip_marks("الخَلايا التّائيـة") == "الخلايا التائية"
    assert strip_marks("fièvre rápida") == "fièvre rápida"


def test_words_of_a_right_to_left_picture_are_put_in_seen_order_for_the_pdf() -> None:
    drawn = drawn_order("خلية CAR-T")
    assert "CAR-T" in drawn and drawn.index("CAR-T") == 0  # right to left: the Latin word, last, is seen first
    assert all(not "\u0600" <= c <= "\u06ff" for c in drawn.replace("CAR-T", "").strip())  # joined forms


def test_a_prefix_comes_off_only_where_enough_of_the_word_is_left() -> None:
    assert without_prefix("والخلايا", AR.prefixes) == {"الخلايا", "خلايا"}
    assert without_prefix("ولد", AR.prefixes, 3) == set()


def test_arabic_terms_match_with_the_article_joined_words_and_vowel_marks() -> None:
    forms = {"t-cell": ["خلية تائية", "خلايا تائية"], "crs": ["متلازمة إطلاق السيتوكينات", "CRS"], "protein": ["بروتين"]}
    html = "<p>وللخلايا التائية دور. الخَلايا التّائية هنا. وبمتلازمة إطلاق السيتوكينات (CRS). بروتين. ولدت.</p>"
    assert marked(html, forms, AR.prefixes) == (
        "<p>[t-cell:وللخلايا التائية] دور. [t-cell:الخَلايا التّائية] هنا. [crs:وبمتلازمة إطلاق السيتوكينات] "
        "([crs:CRS]). [protein:بروتين]. ولدت.</p>")
    # Without the language's prefixes, only the bare form matches.
    assert marked("<p>الخلايا التائية</p>", forms) == "<p>الخلايا التائية</p>"


def test_arabic_search_variants_drop_marks_the_article_and_joined_words() -> None:
    docs = [{"location": "a/", "title": "", "text": "<p>وللخلايا التائية دورٌ مُهمّ</p>"}]
    add_variants(docs, AR)
    variants = set(docs[0]["variants"].split())
    assert {"خلايا", "تائية", "للخلايا"} <= variants
    # As often typed on a phone: alef maqsura as yeh, teh marbuta as heh, hamza seats as bare alef.
    docs = [{"location": "a/", "title": "", "text": "<p>حمى الأعراض شديدة</p>"}]
    add_variants(docs, AR)
    assert {"حمي", "الاعراض", "شديده"} <= set(docs[0]["variants"].split())


def test_arabic_reading_measures_do_not_change_with_vowel_marks() -> None:
    plain = ["الخلايا التائية تحارب السرطان.", "اتصل بفريقك الطبي فورا."]
    marks = ["الخَلايا التّائية تُحارِب السَّرَطان.", "اتَّصِل بفريقك الطبي فوراً."]
    a, b = (score(measure(s, lambda w: 1), "ar", unit=AR.length_unit).metrics for s in (plain, marks))
    assert a == b and a["avg_sentence"] == 4.0
    assert words("الخَلايا") == ["الخلايا"]
    assert split_sentences("هل لديك حمى؟ اتصل بفريقك.") == ["هل لديك حمى؟", "اتصل بفريقك."]


def test_numbers_units_and_latin_words_are_isolated_in_right_to_left_text() -> None:
    html = ('<p>إذا كانت الحرارة 38°C، اتصل. متلازمة (CRS) و CAR T خلال 2-3 أسابيع &amp; مثلا.</p>'
            '<pre><code>a b</code></pre><svg><text>T 1</text></svg>')
    assert isolate_ltr_runs(html) == (
        '<p>إذا كانت الحرارة <bdi dir="ltr">38°C</bdi>، اتصل. متلازمة (<bdi dir="ltr">CRS</bdi>) و <bdi dir="ltr">CAR T</bdi> '
        'خلال <bdi dir="ltr">2-3</bdi> أسابيع &amp; مثلا.</p><pre><code>a b</code></pre><svg><text>T 1</text></svg>')
    # Units after a space, signs, entities inside a run, the micro sign: each run stays whole.
    assert isolate_ltr_runs("<p>حرارة 38 °C و CAR&nbsp;T و 2&ndash;3 و -5 و 18+ و 10 µg</p>") == (
        '<p>حرارة <bdi dir="ltr">38 °C</bdi> و <bdi dir="ltr">CAR\u00a0T</bdi> و <bdi dir="ltr">2\u20133</bdi> و '
        '<bdi dir="ltr">-5</bdi> و <bdi dir="ltr">18+</bdi> و <bdi dir="ltr">10 µg</bdi></p>')
    # A part in English (dir="ltr") is left alone; an Arabic part inside it is not.
    assert isolate_ltr_runs('<div dir="ltr"><p>See CRS 3</p><div dir="rtl"><p>انظر CRS</p></div></div>') == (
        '<div dir="ltr"><p>See CRS 3</p><div dir="rtl"><p>انظر <bdi dir="ltr">CRS</bdi></p></div></div>')
    assert isolate_ltr_runs("<p>CRS</p>", "ltr") == "<p>CRS</p>"


def test_numbers_are_compared_by_value_whatever_digits_they_are_written_in() -> None:
    english = page_shape("<p>Call within 3 weeks; 2.5 and 38.</p>")
    arabic = page_shape("<p>اتصل خلال ٣ أسابيع؛ ٢٫٥ و ۳۸.</p>")
    assert arabic.numbers == english.numbers == ["2.5", "3", "38"]
    assert page_shape("<p>١٬٠٠٠</p>").numbers == page_shape("<p>1,000</p>").numbers == ["1,000"]
    assert page_shape("<p>٤ أسابيع</p>").numbers != english.numbers


# Chinese ------------------------------------------------------------------------------------------

def test_chinese_labels_break_between_characters_but_not_before_closing_punctuation() -> None:
    assert wrap_to("收集您的T细胞，然后送到实验室。", 6, len) == ["收集您的T细", "胞，然后送到", "实验室。"]
    assert wrap_to("one two  three", 9, len) == ["one two", "three"]


def test_chinese_terms_match_without_spaces_and_the_longest_wins() -> None:
    forms = {"crs": ["细胞因子释放综合征", "CRS"], "car": ["CAR-T细胞"], "t-cell": ["T细胞"], "b-cell": ["B细胞"],
             "lymphoma": ["B细胞淋巴瘤"]}
    html = "<p>出现细胞因子释放综合征时，您的CAR-T细胞和T细胞。B细胞淋巴瘤和B细胞。CARS不是。</p>"
    assert marked(html, forms) == ("<p>出现[crs:细胞因子释放综合征]时，您的[car:CAR-T细胞]和[t-cell:T细胞]。"
                                   "[lymphoma:B细胞淋巴瘤]和[b-cell:B细胞]。CARS不是。</p>")
    # A Latin term still needs whole words around it where there are letters of a spaced script.
    assert marked("<p>CRSX and XCRS, CRS.</p>", forms) == "<p>CRSX and XCRS, [crs:CRS].</p>"


def test_chinese_search_text_is_segmented_and_each_word_starts_a_searchable_run() -> None:
    cut = chinese_cut()
    text = "请立即打电话给您的医疗团队"
    segmented = segment(f"<p>{text}</p>", cut)
    assert segmented.replace("\u200b", "") == f"<p>{text}</p>" and segmented.count("\u200b") >= 5
    starts = run_starts(text)
    # A query from the middle of the sentence, even from the middle of a word, is the start of one of them.
    assert any(s.startswith("打电话给您") for s in starts) and any(s.startswith("话给您的医") for s in starts)
    assert all(2 <= len(s) <= RUN_START for s in starts) and len(starts) == len(text) - 1
    docs = [{"location": "", "title": "何时求助", "text": f"<p>{text}</p>"}]
    segment_docs(docs, cut)
    assert "\u200b" in docs[0]["text"] and "医疗团队" in docs[0]["variants"].split()


def test_chinese_sentences_are_measured_in_characters_with_the_share_of_rare_ones() -> None:
    assert split_sentences("您会发烧。请马上打电话！好吗？") == ["您会发烧。", "请马上打电话！", "好吗？"]
    assert characters("您的CAR-T细胞") == ["您", "的", "CAR-T", "细", "胞"]
    assert len(common_characters()) == 3500 and {"癌", "细", "胞", "您"} <= common_characters()
    scores = score(measure(["您会发烧。", "请马上打电话给医疗团队。"], lambda w: 1, ZH.length_unit), "zh",
                   unit=ZH.length_unit)
    assert scores.unit == "characters" and scores.metrics["avg_sentence"] == 7.5
    assert scores.metrics["rare_characters"] == 0.0
    rare = score(measure(["癫痫发作。"], lambda w: 1, "characters"), "zh", unit="characters").metrics
    assert rare["rare_characters"] == pytest.approx(0.5)  # 癫 and 痫 are outside the 3,500


def test_chinese_lines_join_without_a_space_and_other_lines_keep_theirs() -> None:
    assert join_wide_lines("<p>第一句。\n第二句，\n  第三句</p>") == "<p>第一句。第二句，第三句</p>"
    assert join_wide_lines("<p>One.\nTwo 二\nthree</p>") == "<p>One.\nTwo 二\nthree</p>"


def test_the_chinese_glossary_is_in_pinyin_order_with_chinese_punctuation() -> None:
    entries = [Entry("t-cell", "T细胞", "一种白细胞。", ("T淋巴细胞",), ("b-cell",)),
               Entry("b-cell", "B细胞", "一种免疫细胞。"),
               Entry("leukapheresis", "白细胞单采", "第一步。", ("单采", "采集"))]
    labels = {"also_called": "也叫", "see_also": "另见", "letters": "按首字母查找"}
    page = glossary_page(Glossary("zh", tuple(entries), labels=labels), "词汇表", ZH.glossary_order, ZH.punctuation)
    assert page.index("### B细胞") < page.index("### 白细胞单采") < page.index("### T细胞")
    assert "## B {#letter-b }" in page and "## T {#letter-t }" in page
    assert "也叫：单采、采集。" in page and "另见：[B细胞](#b-cell)。" in page
