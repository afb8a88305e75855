"""Plan the PDF handouts: for each page a standard and a large-print handout, and one booklet per
language in menu order. Turns a page's record into WeasyPrint jobs (guide.handout_pdf renders them).
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import jinja2
from markupsafe import Markup

from . import handout_pdf
from .disk_cache import cached_file, cached_text, file_stamp, stable_text
from .handout_html import Handout, css_counter_text, css_font_list, css_string, font_families, prefix_ids, prepare_content, with_svg_font
from .languages import Language
from .page_record import PageRecord
from .urgent_box import HELP_CLASS
from .printables import PRINTABLES, TITLES as TITLE_KEYS, Stage, file_name, list_items, section
from .settings import Fonts, Handouts

URGENT_START = '<div class="guide-urgent-box">'
HELP_START = f'<div class="{HELP_CLASS}"'
DIARY_ROWS = 20      # two landscape pages of readings; "print more copies" says the sheet
DIARY_ENTRIES = 3    # large print: one block per reading (two pages)


@dataclass(frozen=True)
class PrintedPage:
    """One page of one language's build, as the handouts need it."""

    record: PageRecord
    title: str
    description: str
    reviewed: str
    url: str              # the page online (absolute): printed and in the QR code
    path: str             # the page's address inside the site, like "es/crs/"
    content: str          # the page's rendered HTML
    folder: Path          # where the page's files go in site/
    guide_name: str = ""  # the site's name in this language

    @cached_property
    def paper(self) -> str:
        """The content made for paper, once for both handouts and the booklet."""
        return prepare_content(self.content, self.url)


@dataclass
class BookletPage:
    name: str             # the page's name inside its language folder, like "crs.md"
    anchor: str
    title: str
    lang: str
    url: str
    content: Markup
    help: str             # the page's short help part, printed once on the booklet's cover
    reviewed: str
    strings: Mapping[str, str] = field(default_factory=dict)


@dataclass
class PagePlan:
    """What one page gives the handouts, all made for paper: its two handouts, its part of the
    booklet, the questions it lists, and (on the things-to-print page) its checklist."""

    jobs: list[handout_pdf.Job]
    booklet: BookletPage
    questions: tuple[str, ...]
    checklist: str


@dataclass(frozen=True)
class Sheets:
    """What one language's things to print are made from."""

    strings: Mapping[str, str]
    url: str                       # the things-to-print page online: printed and in the QR codes
    folder: Path                   # that page's folder in site/: the PDF files go there
    label: str                     # "docs/es/things-to-print.md"
    guide_name: str
    stages: list[Stage]            # the question sheet
    checklist: Markup              # the checklist part of the page, made for paper
    checklist_lang: str
    icons: Mapping[str, Markup]    # the signs' icons


@dataclass(frozen=True)
class PrintableDoc:
    name: str
    title: str
    language: str
    direction: str
    url: str
    strings: Mapping[str, str]
    guide_name: str
    page_size: str
    large: bool


def paper_size(language: Language, settings: Handouts) -> str:
    return settings.sizes.get(language.code) or language.paper_size or settings.page_size


def fonts_for(language: Language, settings: Handouts) -> Fonts:
    return language.fonts or settings.fonts


def missing_fonts(languages: list[Language], settings: Handouts) -> list[str]:
    """One message per language whose handout fonts are not on this computer."""
    install = ("Install them (on Debian or Ubuntu: sudo apt-get install fonts-dejavu-core fonts-noto-core "
               "fonts-noto-cjk)")
    problems = []
    for language in languages:
        fonts = fonts_for(language, settings)
        missing = [path for path in fonts.files() if not Path(path).exists()]
        if missing:
            problems.append(f"mkdocs.yml: the handout fonts for '{language.code}' ({', '.join(missing)}) are not on this "
                            f"computer. {install}, or set extra.guide.languages.{language.code}.fonts (or, for every "
                            "language the table gives no fonts, extra.guide.handouts.fonts). To build without "
                            "handouts: GUIDE_HANDOUTS=0.")
        if (fonts.fallback_regular is None) != (fonts.fallback_bold is None):
            problems.append(f"mkdocs.yml: the handout fonts for '{language.code}' name a fallback_regular or a "
                            "fallback_bold, not both. Name both (the bold one prints bold Latin letters).")
    missing = [path for path in settings.other_scripts if not Path(path).exists()]
    if missing:
        problems.append(f"mkdocs.yml: the fonts under extra.guide.handouts.other_scripts ({', '.join(missing)}) are not "
                        f"on this computer. {install}, or remove them from that list.")
    return problems


def split_urgent(content: str) -> tuple[str, str]:
    """(the page's own content, the urgent box at its end)."""
    start = content.find(URGENT_START)
    return (content[:start], content[start:]) if start >= 0 else (content, "")


def split_help(content: str) -> tuple[str, str]:
    """(the page without its short help part, the help part): guide.urgent_box makes it one flat <div>."""
    start = content.find(HELP_START)
    if start < 0:
        return content, ""
    end = content.index("</div>", start) + len("</div>")
    return content[:start] + content[end:], content[start:end]


def anchor(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


class FontData(NamedTuple):
    """What every handout of one font set shares."""
    css: str        # the stylesheet, with its @font-face rules
    families: tuple[str, ...]  # the fonts in order (the stylesheet's, also put on each drawing: with_svg_font)
    salt: str       # what makes a kept PDF out of date when it changes (WeasyPrint, the fonts, the layout rules)


class Printer:
    """The handout templates and stylesheet, loaded once per run; fonts and their characters per language."""

    def __init__(self, templates: Path, settings: Handouts, cache: Path | None = None) -> None:
        self.settings = settings
        self.cache = cache  # where facts about the font files are kept between builds (reading a font takes long)
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True,
                                      undefined=jinja2.StrictUndefined)  # a missing word is an error, not a blank
        self.env.globals.update(css_string=lambda text: Markup(css_string(str(text))))
        self._css = jinja2.Environment(autoescape=False).from_string((templates / "handout.css").read_text("utf-8"))
        self._fonts: dict[Fonts, FontData] = {}
        self.version = handout_pdf.weasyprint_version()
        self.templates = templates

    @cached_property
    def fingerprint(self) -> str:
        """The templates, stylesheet and settings that documents are made from: part of a kept plan's key."""
        digest = hashlib.sha256(stable_text(self.settings).encode("utf-8"))
        for path in sorted(p for p in self.templates.rglob("*") if p.is_file()):
            digest.update(path.relative_to(self.templates).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
        return digest.hexdigest()

    def font_problems(self, languages: list[Language]) -> list[str]:
        """One message per language whose fonts name a font their collection does not hold."""
        problems = []
        for language in languages:
            fonts = fonts_for(language, self.settings)
            try:
                self._files(fonts)
            except ValueError as error:
                key = f"languages.{language.code}" if language.fonts else "handouts"
                problems.append(f"mkdocs.yml: extra.guide.{key}.fonts.face is '{fonts.face}' ('{language.code}'). {error}")
        return problems

    @functools.lru_cache(maxsize=None)  # noqa: B019 - one Printer per run
    def _files(self, fonts: Fonts) -> Fonts:
        """The font set, the font it names in a collection copied into a file of its own once. The
        copy keeps its name when our code changes: the stylesheet names it, and a new name would make
        every handout of the language again."""
        if not fonts.face:
            return fonts
        face = fonts.face
        folder = self.cache / "faces" if self.cache else Path(tempfile.mkdtemp(prefix="guide-faces-"))

        def own_file(path: str) -> str:
            name = hashlib.sha256(f"{Path(path).resolve()}\0{face}".encode("utf-8")).hexdigest()[:16]
            return str(cached_file(folder, name, file_stamp(Path(path)), lambda: handout_pdf.face_bytes(path, face),
                                   ".otf", code=False))
        return dataclasses.replace(fonts, regular=own_file(fonts.regular), bold=own_file(fonts.bold), face=None)

    def _font_data(self, fonts: Fonts) -> FontData:
        """The stylesheet, font list and cache salt for a font set, made once."""
        if fonts not in self._fonts:
            files = self._files(fonts)
            uri = lambda path: Path(path).resolve().as_uri() if path else ""  # noqa: E731
            others = self.settings.other_scripts
            families = font_families(bool(files.fallback_regular), [self._font_file(path)["family"] for path in others])
            css = self._css.render(fonts={name: uri(getattr(files, name)) for name in
                                          ("regular", "bold", "fallback_regular", "fallback_bold")},
                                   families=css_font_list(families))
            version = handout_pdf.fonts_version(self._font_file(path)["digest"] for path in (*files.files(), *others))
            salt = (f"weasyprint {self.version}; fonts {version}; "
                    f"layouts {handout_pdf.LAYOUTS} below {handout_pdf.TAIL}")  # a new relayout rule makes them again
            self._fonts[fonts] = FontData(css, families, salt)
        return self._fonts[fonts]

    @functools.lru_cache(maxsize=None)  # noqa: B019 - one Printer per run
    def _cmaps(self, fonts: Fonts) -> list[frozenset[int]]:
        """The characters regular and bold can draw, each with its fallback and the other scripts' fonts:
        only needed when a document is made, not when a kept plan is used."""
        fonts = self._files(fonts)
        shared = frozenset().union(*(self._glyphs(path) for path in self.settings.other_scripts))
        cmap = lambda main, fallback: self._glyphs(main) | (self._glyphs(fallback) if fallback else frozenset())  # noqa: E731
        return [cmap(fonts.regular, fonts.fallback_regular) | shared, cmap(fonts.bold, fonts.fallback_bold) | shared]

    @functools.lru_cache(maxsize=None)  # noqa: B019 - one Printer per run
    def _font_file(self, path: str) -> dict[str, str]:
        """A font file's family name and content hash (the Chinese font is 20 MB)."""
        return json.loads(self._kept_font_fact(path, "fonts", lambda: json.dumps(
            {"family": handout_pdf.font_family(path), "digest": handout_pdf.file_digest(path)})))

    @functools.lru_cache(maxsize=None)  # noqa: B019 - one Printer per run
    def _glyphs(self, path: str) -> frozenset[int]:
        """The characters a font file can draw: only read when a document is made."""
        return frozenset(json.loads(self._kept_font_fact(path, "glyphs", lambda: json.dumps(sorted(handout_pdf.font_cmap(path))))))

    def _kept_font_fact(self, path: str, kind: str, read: Callable[[], str]) -> str:
        """`read()`, kept between builds by the font file's path, size, times and inode (reading a font takes long)."""
        if self.cache is None:
            return read()
        return cached_text(self.cache / kind, hashlib.sha256(path.encode("utf-8")).hexdigest()[:16], file_stamp(Path(path)), read)

    def _document(self, template: str, font: FontData, **context: object) -> str:
        """A template rendered with the font set's stylesheet, its drawings given the same fonts."""
        return with_svg_font(self.env.get_template(template).render(css=Markup(font.css), **context), font.families)

    def salt(self, language: Language) -> str:
        return self._font_data(fonts_for(language, self.settings)).salt

    def page_plan(self, page: PrintedPage, language: Language) -> PagePlan:
        """All the handouts need from one page; raises ValueError for a glyph the font lacks."""
        printables = self.settings.printables
        return PagePlan(self.page_jobs(page, language), self.booklet_page(page),
                        tuple(list_items(section(page.paper, printables.questions))),
                        section(page.paper, printables.checklist) if page.record.name == printables.page else "")

    def page_jobs(self, page: PrintedPage, language: Language) -> list[handout_pdf.Job]:
        """A standard and a large-print handout of the page; raises ValueError for a glyph the font lacks."""
        record, strings = page.record, page.record.strings
        fonts = fonts_for(language, self.settings)
        font, cmaps = self._font_data(fonts), self._cmaps(fonts)
        content = page.paper
        one_sheet = record.name == self.settings.one_sheet
        words = record.words
        jobs = []
        for large in (False, True):
            # A page shown untranslated is tagged in its text's language: PDF tags keep no inner lang.
            handout = Handout(one_sheet=one_sheet, language=record.text_language, title=page.title,
                              description=page.description, reviewed=page.reviewed, url=page.url,
                              content=Markup(content), words=list(words.entries) if words else [], large=large,
                              strings=strings, guide_name=page.guide_name, page_size=paper_size(language, self.settings),
                              direction=record.direction)
            document = self._document("handout.html", font,
                h=handout, counter_text=Markup(css_counter_text(strings.get("handout_page", "{page} / {pages}"))),
                words_title=words.title if words else "", qr=handout_pdf.QR, qr_url=page.url, created=handout_pdf.CREATED)
            label = f"docs/{record.src_uri}" + (" (large print)" if large else "")
            if not large:  # both sizes print the same characters
                self._check_glyphs(document, label, cmaps, language.code)
            target = page.folder / (self.settings.large_file if large else self.settings.file)
            jobs.append(handout_pdf.Job(label, document, page.folder.as_uri() + "/", [target],
                                        (2 if large else 1) if one_sheet else None))
        return jobs

    def printable_jobs(self, sheets: Sheets, language: Language) -> list[handout_pdf.Job]:
        """Each thing to print (guide.printables), in standard and, where it has one, large print."""
        fonts = fonts_for(language, self.settings)
        font, cmaps = self._font_data(fonts), self._cmaps(fonts)
        counter = Markup(css_counter_text(sheets.strings.get("handout_page", "{page} / {pages}")))
        jobs = []
        for name, has_large in PRINTABLES.items():
            for large in (False, True) if has_large else (False,):
                doc = PrintableDoc(name, sheets.strings[TITLE_KEYS[name]], language.code, language.direction, sheets.url,
                                   sheets.strings, sheets.guide_name, paper_size(language, self.settings), large)
                document = self._document(f"printables/{name}.html", font,
                    p=doc, counter_text=counter, qr=handout_pdf.QR, qr_url=sheets.url,
                    created=handout_pdf.CREATED, icons=sheets.icons, stages=sheets.stages, checklist=sheets.checklist,
                    checklist_lang=sheets.checklist_lang, rows=DIARY_ROWS, entries=DIARY_ENTRIES)
                label = f"{sheets.label}: {name}" + (" (large print)" if large else "")
                if not large:
                    self._check_glyphs(document, label, cmaps, language.code)
                jobs.append(handout_pdf.Job(label, document, sheets.folder.as_uri() + "/",
                                            [sheets.folder / file_name(name, large)]))
        return jobs

    @staticmethod
    def _check_glyphs(document: str, label: str, cmaps: list[frozenset[int]], code: str) -> None:
        text = handout_pdf.visible_text(document)
        missing = sorted(set().union(*(handout_pdf.missing_glyphs(text, cmap) for cmap in cmaps)))
        if missing:
            raise ValueError(f"{label}: the handout font cannot print {' '.join(missing)} "
                             f"({', '.join(f'U+{ord(c):04X}' for c in missing)}). Use a font that has them "
                             f"(extra.guide.languages.{code}.fonts in mkdocs.yml, or for a few words in another "
                             "script extra.guide.handouts.other_scripts), or change the text.")

    def booklet_page(self, page: PrintedPage) -> BookletPage:
        # The booklet says where to get help once, on its cover, not on each of its pages.
        own, help_part = split_help(split_urgent(page.paper)[0])
        return BookletPage(page.record.name, "page-" + anchor(page.path), page.title, page.record.text_language, page.path,
                           Markup(prefix_ids(own, "p-" + anchor(page.path))), help_part, page.reviewed, page.record.strings)

    def booklet_job(self, language: Language, pages: list[BookletPage], home_path: str, home_url: str,
                    target: Path, site_dir: Path, guide_name: str, description: str,
                    menu: list[str] = ()) -> handout_pdf.Job:
        """The whole guide in one PDF, in the menu's reading order, ending with the `booklet_end` pages."""
        ordered = booklet_order(pages, menu, self.settings.booklet_skip, self.settings.booklet_end)
        home = next((p for p in pages if p.url == home_path), pages[0])
        font = self._font_data(fonts_for(language, self.settings))
        strings = home.strings
        document = self._document("booklet.html", font,
            language=language.code, direction=language.direction, guide_name=guide_name, description=description,
            reviewed=max(p.reviewed for p in ordered), strings=strings, pages=ordered, help=Markup(home.help),
            counter_text=Markup(css_counter_text(strings.get("handout_page", "{page} / {pages}"))),
            page_size=paper_size(language, self.settings), home_url=home_url, qr=handout_pdf.QR, qr_url=home_url,
            created=handout_pdf.CREATED)
        return handout_pdf.Job(f"booklet ({language.code})", document, site_dir.as_uri() + "/", [target])


def booklet_order(pages: list[BookletPage], menu: list[str], skip: tuple[str, ...] = (),
                  end: tuple[str, ...] = ()) -> list[BookletPage]:
    """The booklet's pages in the order of the menu (`menu`: page names), pages not in it after them,
    the `end` pages last in their own order (the glossary, the things to print), and without the
    pages in `skip` (pages for volunteers, not for patients)."""
    place = {name: n for n, name in enumerate(menu)}
    last = {name: n for n, name in enumerate(end)}
    kept = [p for p in pages if p.name not in skip]
    return sorted(kept, key=lambda p: (last.get(p.name, -1), place.get(p.name, len(place)), p.name))


def page_limit_problems(jobs: list[handout_pdf.Job], results: list[handout_pdf.Result]) -> list[str]:
    """What went wrong in rendering, and handouts longer than they may be."""
    problems = []
    for job, result in zip(jobs, results):
        problems += [f"{job.label}: the handout has a problem: {problem}" for problem in result.problems]
        if job.max_pages and result.pages > job.max_pages:
            problems.append(f"{job.label}: the handout has {result.pages} pages; it must fit on {job.max_pages}. "
                            "Shorten the page.")
    return problems
