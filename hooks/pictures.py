"""MkDocs hook: draw each `[picture: name]` line of a page (guide.pictures), in the words of the page's text."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from guide.disk_cache import Memo, key_of, stable_text
from guide.pictures import put_pictures
from guide_site import site


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The picture templates sit in the theme folder, which MkDocs copies to the site: they are for the build only.
    folder = f"{Path(site.project.settings.pictures).name}/"  # its place inside the theme folder
    for file in [f for f in files if f.src_uri.startswith(folder)]:
        files.remove(file)
    return files


class Drawn(Memo):
    """Pages whose pictures were drawn in earlier builds, by a hash of the page, the words and the picture files."""


def _memo() -> Drawn:
    return site.memo(Drawn, "picture-pages.pickle")


class PictureFiles(str):
    """The picture templates and icons, as one text: part of the memo's keys (read once per run)."""


def _picture_files() -> str:
    folder = site.project.root / site.project.settings.pictures
    return site.state(PictureFiles, lambda: PictureFiles(key_of(
        f"{p.relative_to(folder)}\n{p.read_text(encoding='utf-8')}" for p in sorted(folder.rglob("*")) if p.is_file())))


class WordsKeys(dict[str, str]):
    """Each language's words, language record and fonts as text, for the memo's keys: once per run,
    not once per page (the words are the language's whole strings file)."""


def _words_key(language: str) -> str:
    project = site.project
    return site.once(WordsKeys, language, lambda: stable_text((project.strings.get(language) or project.strings[project.default],
                                                                project.language(language), project.settings.handouts.fonts)))


class Drawings(dict[tuple[str, str], list[str]]):
    """Each page's drawn pictures, by (reader's language, page), from its Markdown to its HTML."""


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    record, project, src = site.record(page, config), site.project, page.file.src_uri
    if "[picture:" not in markdown:
        return markdown
    placed, drawings, problems = _memo().get(
        [markdown, src, _words_key(record.text_language), _picture_files()],
        lambda: project.place_pictures(markdown, record.text_language, f"docs/{src}", project.body_line(src)))
    if problems:
        raise site.fail("\n".join(str(p) for p in problems))
    site.state(Drawings)[record.site_language, src] = drawings
    return placed


@event_priority(50)  # before the hooks that read the page's HTML: they see the pictures
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    drawings = site.state(Drawings).pop((site.record(page, config).site_language, page.file.src_uri), None)
    return put_pictures(html, drawings) if drawings else html
