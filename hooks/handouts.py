"""MkDocs hook: a PDF handout (standard and large print) next to every page, in every language,
and one booklet per language. Not during `mkdocs serve`, unless GUIDE_HANDOUTS=1.

Logic lives in guide.handout_html (the paper HTML) and guide.handout_pdf (render, cache, parallel).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from guide import handout_pdf
from guide.handout_html import Handout, css_counter_text, css_string, prefix_ids, prepare_content
from i18n_state import LanguageStack, default_language, is_outer_build

log = get_plugin_logger(__name__)


@dataclass
class _State:
    enabled: bool = True
    jobs: dict[str, list[handout_pdf.Job]] = field(default_factory=dict)     # per language
    booklets: dict[str, list[dict]] = field(default_factory=dict)
    building: LanguageStack = field(default_factory=LanguageStack)
    salt: str = ""
    cmaps: list[set[int]] = field(default_factory=list)
    env: jinja2.Environment | None = None
    css: str = ""


_state = _State()
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _settings(config: MkDocsConfig) -> dict:
    defaults = {"page_size": "letter", "sizes": {}, "file": "handout.pdf", "large_file": "handout-large.pdf",
                "booklet_file": "guide.pdf", "fonts": {}}
    return {**defaults, **config.extra.get("guide", {}).get("handouts", {})}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    if not is_outer_build(config):
        return config
    wanted = os.environ.get("GUIDE_HANDOUTS", "0" if _serving else "1") not in ("0", "", "false", "no")
    _state = _State(enabled=wanted)
    if not wanted:
        return config
    settings = _settings(config)
    fonts = settings["fonts"]
    missing = [path for path in (fonts.get("regular"), fonts.get("bold")) if not path or not Path(path).exists()]
    if missing:
        raise PluginError(f"mkdocs.yml: the handout fonts {missing} are not on this computer. Install them "
                          "(on Debian or Ubuntu: sudo apt-get install fonts-dejavu-core) or set "
                          "extra.guide.handouts.fonts. To build without handouts: GUIDE_HANDOUTS=0.")
    try:
        version = handout_pdf.weasyprint_version()
    except RuntimeError as error:
        raise PluginError(f"WeasyPrint cannot start ({error}). On Debian or Ubuntu: sudo apt-get install "
                          "libpango-1.0-0 libpangoft2-1.0-0. To build without handouts: GUIDE_HANDOUTS=0.") from None
    templates = Path(config.theme.custom_dir or "overrides") / "handouts"
    _state.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True)
    _state.env.globals.update(css_string=lambda text: Markup(css_string(str(text))))
    css = jinja2.Environment(autoescape=False).from_string((templates / "handout.css").read_text("utf-8"))
    _state.css = css.render(fonts={k: Path(v).resolve().as_uri() for k, v in fonts.items()})
    _state.salt = f"weasyprint {version}; fonts {handout_pdf.fonts_version([fonts['regular'], fonts['bold']])}"
    _state.cmaps = [handout_pdf.font_cmap(fonts["regular"]), handout_pdf.font_cmap(fonts["bold"])]
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    _state.building.push(config)


def _page_url(config: MkDocsConfig, page: Page) -> str:
    return urljoin(config.site_url or "http://127.0.0.1:8000/", page.url)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if _state.enabled:
        settings = _settings(config)
        page.meta["guide_handout"] = {"file": settings["file"], "large_file": settings["large_file"]}
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not _state.enabled:
        return output
    settings = _settings(config)
    language = config.theme["language"]
    text_language = getattr(page.file, "locale", None) or language
    strings = page.meta.get("guide_strings", {})
    words = page.meta.get("guide_words") or {}
    url = _page_url(config, page)
    content = prepare_content(page.content or "", url)
    size = settings["sizes"].get(language, settings["page_size"])
    folder = Path(page.file.abs_dest_path).parent
    jobs = _state.jobs.setdefault(language, [])
    one_sheet = page.file.src_uri.endswith("/" + settings.get("one_sheet", "get-help.md"))
    for large in (False, True):
        # A page shown untranslated is tagged in its text's language: PDF tags keep no inner lang.
        handout = Handout(one_sheet=one_sheet and not large, language=text_language, title=page.title or "", description=str(page.meta.get("description", "")),
                          reviewed=str(page.meta.get("reviewed", "")), url=url, content=Markup(content),
                          words=words.get("entries", []), large=large, strings=strings,
                          guide_name=config.site_name, page_size=size)
        document = _state.env.get_template("handout.html").render(
            h=handout, css=Markup(_state.css), counter_text=Markup(css_counter_text(strings.get("handout_page", "{page} / {pages}"))),
            words_title=words.get("title", ""), qr=handout_pdf.QR, qr_url=url, created=handout_pdf.CREATED)
        name = f"docs/{page.file.src_uri}" + (" (large print)" if large else "")
        if not large:  # both sizes print the same characters
            _check_glyphs(document, name)
        max_pages = 1 if one_sheet and not large else None
        jobs.append(handout_pdf.Job(name, document, folder.as_uri() + "/",
                                    [folder / (settings["large_file"] if large else settings["file"])], max_pages))
    _state.booklets.setdefault(language, []).append({
        "anchor": "page-" + (page.url.strip("/").replace("/", "-") or "home"), "title": page.title or "",
        "lang": text_language, "url": page.url,
        "content": Markup(prefix_ids(_without_urgent_box(content), "p-" + (page.url.strip("/").replace("/", "-") or "home"))),
        "urgent": _urgent_box(content), "glossary": page.file.src_uri.endswith("/glossary.md"),
        "reviewed": str(page.meta.get("reviewed", "")), "strings": strings,
    })
    return output


def _check_glyphs(document: str, name: str) -> None:
    text = handout_pdf.visible_text(document)
    missing = sorted(set(handout_pdf.missing_glyphs(text, _state.cmaps[0])) | set(handout_pdf.missing_glyphs(text, _state.cmaps[1])))
    if missing:
        raise PluginError(f"{name}: the handout font cannot print {' '.join(missing)} "
                          f"({', '.join(f'U+{ord(c):04X}' for c in missing)}). Use a font that has them "
                          "(extra.guide.handouts.fonts in mkdocs.yml), or change the text.")


_URGENT_START = '<div class="guide-urgent-box">'


def _urgent_box(content: str) -> str:
    start = content.find(_URGENT_START)
    return content[start:] if start >= 0 else ""


def _without_urgent_box(content: str) -> str:
    start = content.find(_URGENT_START)
    return content[:start] if start >= 0 else content


def _booklet_job(config: MkDocsConfig, language: str, pages: list[dict]) -> handout_pdf.Job:
    settings = _settings(config)
    glossary = [p for p in pages if p["glossary"]]
    ordered = [p for p in pages if not p["glossary"]] + glossary  # the glossary comes last
    home = next((p for p in pages if p["url"] in ("", f"{language}/")), pages[0])
    strings = home["strings"]
    home_url = urljoin(config.site_url or "http://127.0.0.1:8000/", home["url"])
    document = _state.env.get_template("booklet.html").render(
        language=language, guide_name=config.site_name, description=config.site_description or "",
        reviewed=max(p["reviewed"] for p in pages), strings=strings, pages=ordered, urgent=Markup(home["urgent"]),
        css=Markup(_state.css), counter_text=Markup(css_counter_text(strings.get("handout_page", "{page} / {pages}"))),
        css_string=lambda text: Markup(css_string(str(text))), page_size=settings["sizes"].get(language, settings["page_size"]),
        home_url=home_url, qr=handout_pdf.QR, qr_url=home_url, created=handout_pdf.CREATED)
    site = Path(config.site_dir)
    target = site / settings["booklet_file"] if language == default_language(config) else site / language / settings["booklet_file"]
    return handout_pdf.Job(f"booklet ({language})", document, site.as_uri() + "/", [target])


def on_post_build(config: MkDocsConfig) -> None:
    language = _state.building.pop(config)
    if not _state.enabled or language not in _state.jobs:
        return
    jobs = _state.jobs.pop(language)
    jobs.append(_booklet_job(config, language, _state.booklets.pop(language)))
    cache = Path(config.config_file_path).parent / ".cache" / "guide" / "handouts"
    total = len(jobs)

    def progress(done: int, todo: int) -> None:
        if done == todo or done % 10 == 0:
            log.info(f"Handouts ({language}): {done} of {todo} made, {total - todo} from the cache")

    try:
        results = handout_pdf.build(jobs, cache, _state.salt, progress=progress)
    except RuntimeError as error:
        raise PluginError(f"WeasyPrint cannot start ({error}). On Debian or Ubuntu: sudo apt-get install "
                          "libpango-1.0-0 libpangoft2-1.0-0. To build without handouts: GUIDE_HANDOUTS=0.") from None
    made = sum(not r.cached for r in results)
    log.info(f"Handouts ({language}): {total} PDF files, {made} made now, {total - made} from the cache.")
    for job, result in zip(jobs, results):
        for problem in result.problems:
            log.warning(f"{job.label}: the handout has a problem: {problem}")
        if job.max_pages and result.pages > job.max_pages:
            log.warning(f"{job.label}: the handout has {result.pages} pages; it must fit on {job.max_pages}. "
                        "Shorten the page.")
