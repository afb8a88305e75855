"""MkDocs hook: draw each `[picture: name]` line of a page (guide.pictures), in the words of the page's text."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from guide_site import site


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The picture templates sit in the theme folder, which MkDocs copies to the site: they are for the build only.
    folder = f"{Path(site.project.settings.pictures).name}/"  # its place inside the theme folder
    for file in [f for f in files if f.src_uri.startswith(folder)]:
        files.remove(file)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    record = site.record(page, config)
    project = site.project
    drawn, problems = project.draw_pictures(markdown, record.text_language, f"docs/{page.file.src_uri}",
                                            project.body_line(page.file.src_uri))
    if problems:
        raise site.fail("\n".join(str(p) for p in problems))
    return drawn
