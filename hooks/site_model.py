"""MkDocs hook, listed first: drives the site model (guide_site) through one run of every language.

Loads and checks the project once per run, keeps the stack of languages being built, and gives the
templates the page's record as `guide`.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from guide.not_found import not_found_links
from guide_site import site


def on_startup(command: str, dirty: bool) -> None:
    site.command = command


@event_priority(100)  # before every other hook: they read the project
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site.start(config)
    return config


@event_priority(100)
def on_pre_build(config: MkDocsConfig) -> None:
    site.enter(config)


# Last of all: after mkdocs-static-i18n's post_build (-100), which runs the other languages' builds,
# and after the search index hook (-110); every hook's post_build before this knows its language.
@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    site.leave(config)


def on_build_error(error: Exception) -> None:
    site.abandon()


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    context["guide"] = site.record(page, config)
    return context


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":  # it speaks every language of the guide
        project = site.project
        context["guide_not_found"] = not_found_links(project.strings, project.default, config.site_url or "/",
                                                     project.settings.help_page)
    return context
