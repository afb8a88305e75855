"""MkDocs hook: a PDF handout (standard and large print) next to every page, in every language,
one booklet per language, and the things to print (guide.printables) next to the page that links
them. Not during `mkdocs serve`, unless GUIDE_HANDOUTS=1.

Planning lives in guide.handout_plan, rendering and caching in guide.handout_pdf.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from markupsafe import Markup

from guide import handout_pdf
from guide.disk_cache import Memo, stable_text
from guide.handout_plan import BookletPage, PagePlan, PrintedPage, Printer, Sheets, missing_fonts, page_limit_problems
from guide.languages import Language
from guide.page_record import HandoutLinks
from guide.urgent_box import SIGNS
from guide.printables import Questions, print_links, question_stages
from guide_site import site

WEASYPRINT_HELP = ("On Debian or Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0. "
                   "To build without handouts: GUIDE_HANDOUTS=0.")


@dataclass
class Handouts:
    printer: Printer | None = None   # None: no handouts in this run
    jobs: dict[str, list[handout_pdf.Job]] = field(default_factory=lambda: defaultdict(list))
    booklets: dict[str, list[BookletPage]] = field(default_factory=lambda: defaultdict(list))
    menus: dict[str, list[str]] = field(default_factory=dict)  # each language's pages in menu order
    questions: dict[str, dict[str, Questions]] = field(default_factory=lambda: defaultdict(dict))  # by language, page
    sheets: dict[str, Sheets] = field(default_factory=dict)    # by language: what its things to print need
    used: set[str] = field(default_factory=set)                # the kept PDFs this run used (all languages)


class Planned(Memo):
    """Each page's plan (guide.handout_plan.PagePlan) and each language's things to print from earlier
    builds, by a hash of what they are made from and of the templates: making them was most of this
    hook's time once the PDFs are cached."""


def _start(config: MkDocsConfig) -> Handouts:
    if not site.makes_files():
        return Handouts()
    project = site.project
    languages = [project.language(code) for code in project.inputs.built]
    problems = missing_fonts(languages, project.settings.handouts)
    if problems:
        raise site.fail(problems)
    try:
        printer = Printer(Path(config.theme.custom_dir or "overrides") / "handouts", project.settings.handouts, _cache())
    except RuntimeError as error:
        raise site.fail(f"WeasyPrint cannot start ({error}). {WEASYPRINT_HELP}") from None
    problems = printer.font_problems(languages)
    if problems:
        raise site.fail(problems)
    return Handouts(printer)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site.state(Handouts, lambda: _start(config))  # once per run
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The handout templates and stylesheet sit in the theme folder, which MkDocs copies to the site.
    for file in [f for f in files if f.src_uri.startswith("handouts/")]:
        files.remove(file)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files) -> Navigation:
    site.state(Handouts).menus[config.theme["language"]] = [site.project.split(p.file.src_uri)[1] for p in nav.pages]
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    record, project = site.record(page, config), site.project
    home = project.settings.handouts.printables.page
    linked, problems = print_links(markdown, record.strings, f"docs/{page.file.src_uri}", None if record.name == home else home,
                                   project.body_line(page.file.src_uri))
    if problems:
        raise site.fail([str(p) for p in problems])
    return linked


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if site.state(Handouts).printer:
        settings = site.project.settings.handouts
        site.record(page, config).handout = HandoutLinks(settings.file, settings.large_file)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    run, record = site.state(Handouts), site.record(page, config)
    if run.printer is None:
        return output
    printed = PrintedPage(record, page.title or "", str(page.meta.get("description", "")), str(page.meta.get("reviewed", "")),
                          site.address(config, page.url), page.url, page.content or "",
                          Path(page.file.abs_dest_path).parent, config.site_name)
    plan = _plan(run.printer, printed, site.project.language(record.site_language))
    run.jobs[record.site_language] += plan.jobs
    _gather(run, printed, plan)
    return output


def _planned() -> Planned:
    return site.memo(Planned, "handout-pages.pickle")


class LanguageKeys(dict[object, str]):
    """Parts of a kept plan's key made once per run: each language's record and its fonts' salt (a font
    file changed in place may lack a character that the plan's check passed), and the site's words
    (the same on every page of a language, `project.strings`: the longest part of a page's fields)."""

    def part(self, key: object, make: Callable[[], str]) -> str:
        if key not in self:
            self[key] = make()
        return self[key]


def _language_key(printer: Printer, language: Language) -> str:
    return site.state(LanguageKeys).part(language.code, lambda: stable_text(language) + printer.fingerprint + printer.salt(language))


def _plan(printer: Printer, printed: PrintedPage, language: Language) -> PagePlan:
    record = printed.record
    words = site.state(LanguageKeys).part(("strings", record.site_language), lambda: stable_text(record.strings))
    # The content as it is (the longest part); not the page's reading level, which no handout shows.
    rest = dataclasses.replace(printed, content="", record=dataclasses.replace(record, reading=None, strings={}))
    try:
        return _planned().get([printed.content, stable_text(rest), words, _language_key(printer, language)],
                              lambda: printer.page_plan(printed, language))
    except ValueError as error:  # a character the fonts cannot print
        raise site.fail(str(error)) from None


def _gather(run: Handouts, printed: PrintedPage, plan: PagePlan) -> None:
    """The page in its language's booklet; its questions for the question sheet; from the page that
    links the things to print, the rest of what they need."""
    record = printed.record
    run.booklets[record.site_language].append(plan.booklet)
    if plan.questions:
        run.questions[record.site_language][record.name] = Questions(record.text_language, plan.questions)
    if record.name == site.project.settings.handouts.printables.page:
        icons = {name: Markup(site.project.pictures.icon(name)) for name, _ in SIGNS}
        run.sheets[record.site_language] = Sheets(
            record.strings, printed.url, printed.folder, f"docs/{record.src_uri}", printed.guide_name, [],
            Markup(plan.checklist), record.text_language, icons)


def _progress(language: str):
    def say(done: int, todo: int) -> None:
        if done == todo or done % 10 == 0:
            site.info(f"Handouts ({language}): {done} of {todo} made")
    return say


def _jobs(run: Handouts, language: str, config: MkDocsConfig) -> list[handout_pdf.Job]:
    """This language's handouts, and its booklet (the home page's address on its cover)."""
    home = site.folder(language)
    booklet = run.printer.booklet_job(
        site.project.language(language), run.booklets.pop(language), home,
        site.address(config, home),
        site.site_dir(config, language) / site.project.settings.handouts.booklet_file, Path(config.site_dir),
        config.site_name, config.site_description or "", run.menus.get(language, []))
    jobs = run.jobs.pop(language) + [booklet]
    sheets = run.sheets.pop(language, None)
    if sheets:
        stages = question_stages(site.project.settings.handouts.printables.stages, run.questions.pop(language, {}),
                                 sheets.strings)
        sheets, record = dataclasses.replace(sheets, stages=stages), site.project.language(language)
        try:
            jobs += _planned().get([stable_text(sheets), _language_key(run.printer, record)],
                                   lambda: run.printer.printable_jobs(sheets, record))
        except ValueError as error:  # a character the fonts cannot print
            raise site.fail(str(error)) from None
    return jobs


def on_post_build(config: MkDocsConfig) -> None:
    run, language = site.state(Handouts), site.language(config)
    if run.printer is None or language not in run.jobs:
        return
    jobs = _jobs(run, language, config)
    try:
        results = handout_pdf.build(jobs, _cache(), run.printer.salt(site.project.language(language)), progress=_progress(language))
    except RuntimeError as error:
        raise site.fail(f"WeasyPrint cannot start ({error}). {WEASYPRINT_HELP}") from None
    site.info(f"Handouts ({language}): {len(jobs)} PDF files, {sum(not r.cached for r in results)} made now.")
    site.warn(*page_limit_problems(jobs, results))
    _note_used(run, results)


def _cache() -> Path:
    return site.project.root / site.project.settings.handouts.cache


def _note_used(run: Handouts, results: list[handout_pdf.Result]) -> None:
    """Once every language is built, the kept PDFs no build used for a while are deleted."""
    run.used.update(result.key for result in results)
    site.at_end("handout cache", lambda: handout_pdf.forget_unused(_cache(), run.used, date.today()))
