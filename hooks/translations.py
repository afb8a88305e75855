"""MkDocs hook: translations that say what they are. Notices on fallback, draft and outdated pages in
the reader's language, each translation's structure compared with its English page, and the
translation status page. The logic lives in guide.status_report, guide.notices and guide.translations.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide.disk_cache import Memo
from guide.notices import notices_for
from guide.status_report import TranslationReport, translation_report
from guide.translation_status import as_markdown
from guide.translations import Shape, compare_shapes, page_shape
from guide_site import site


class Shapes(dict[str, Shape]):
    """The English pages' shapes, by page name, to compare each translation with."""


class ShapeMemo(Memo):
    """Each page's shape from earlier builds, by a hash of its HTML: reading every page's HTML again was
    this hook's whole cost."""


def _shape(html: str) -> Shape:
    return site.memo(ShapeMemo, "page-shapes.pickle").get([html], lambda: page_shape(html))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if site.has(TranslationReport):  # once per run, not once per language
        return config
    report = site.state(TranslationReport, lambda: translation_report(site.project))
    for note in report.notes:
        site.info(note)
    if report.problems:
        raise site.fail(report.problems)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    project = site.project
    if page.file.src_uri != f"{project.default}/{project.settings.translation_status_page}":
        return markdown
    if markdown.strip():
        raise site.fail(f"docs/{page.file.src_uri}: this page is made by the build. Keep only its front matter.")
    return f"# {page.meta.get('title', 'Translation status')}\n\n{as_markdown(site.state(TranslationReport).statuses)}"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    record, project, shapes = site.record(page, config), site.project, site.state(Shapes)
    if record.name == project.settings.glossary.page or record.name in project.settings.english_only:
        return html  # made from data, or not translated: nothing to compare
    if not record.fallback and site.is_default(record.text_language):
        shapes[record.name] = _shape(html)
    elif not site.is_default(record.text_language) and record.name in shapes:
        site.warn(*compare_shapes(shapes[record.name], _shape(html), f"docs/{record.src_uri}",
                                   f"docs/{project.default}/{record.name}"))
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    record = site.record(page, config)
    english = page.url.removeprefix(f"{record.site_language}/") if not site.is_default(record.site_language) else page.url
    record.notices = notices_for(record.fallback, site.state(TranslationReport).entry(record.site_language, record.name),
                                 record.strings, get_relative_url(english, page.url), site.project.default)
    return context
