"""What the build learns about one page, in one typed record: the templates and the handouts read it.

The site model (hooks/guide_site.py) keeps one record per page and language build; hooks fill it,
and the templates get it as `guide` in their context. See ARCHITECTURE.md for each field.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from .readability_report import PageReport


@dataclass(frozen=True)
class Notice:
    kind: str                  # "fallback", "draft" or "outdated"
    text: str
    link: str = ""
    link_text: str = ""
    link_lang: str = ""


@dataclass(frozen=True)
class Word:
    id: str
    term: str
    definition: str
    href: str
    lang: str = ""             # set when the definition is not in the reader's language


@dataclass(frozen=True)
class WordsToKnow:
    title: str
    more: str
    entries: tuple[Word, ...] = ()


@dataclass(frozen=True)
class HandoutLinks:
    file: str
    large_file: str


@dataclass(frozen=True)
class OfflineLink:
    href: str     # the language's ZIP, relative to the page
    text: str     # the link's words
    note: str     # HTML: what the file is, with a mark the hook fills with its size once it is made


@dataclass(frozen=True)
class Review:
    reviewed: date             # front matter `reviewed:`
    due: date                  # the next check: extra.guide.review_interval_months later
    reviewed_text: str         # the dates as the reader's language writes them
    due_text: str


@dataclass
class PageRecord:
    src_uri: str               # "es/crs.md"
    name: str                  # the page's name inside its language folder: "crs.md"
    site_language: str         # the reader's language: the language of this build
    text_language: str         # the language the page's text is in (English on a fallback page)
    direction: str = "ltr"     # of the page's text
    strings: Mapping[str, str] = field(default_factory=dict)   # the site's words, in the reader's language
    site_direction: str = "ltr"  # of the reader's language
    notices: list[Notice] = field(default_factory=list)
    words: WordsToKnow | None = None
    reading: PageReport | None = None
    handout: HandoutLinks | None = None
    offline: OfflineLink | None = None
    review: Review | None = None

    @property
    def fallback(self) -> bool:
        """The page is shown untranslated, in the default language."""
        return self.text_language != self.site_language

    @property
    def text_lang(self) -> str:
        """The `lang` to put on the page's text, when it differs from the reader's language."""
        return self.text_language if self.fallback else ""

    @property
    def text_dir(self) -> str:
        """The `dir` to put on the page's text, when it differs from the reader's language's."""
        return self.direction if self.fallback and self.direction != self.site_direction else ""
