"""MkDocs hook: when each page was last checked and when its next check is due. Puts both dates in the
page's record (the template shows them in the reader's language) and warns, once per run, about every
page whose check is overdue. Set GUIDE_TODAY=2027-12-01 to build as if it were that day.

The logic lives in guide.review_dates.
"""
from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from guide.review_dates import TODAY_VARIABLE, overdue_pages, page_review, today_from
from guide_site import site


class OverdueChecked:
    """Every page's dates are checked once per run (all languages), not once per language build."""


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if site.has(OverdueChecked):
        return config
    site.state(OverdueChecked)
    project = site.project
    try:
        today = today_from(os.environ.get(TODAY_VARIABLE))
    except ValueError as error:
        raise site.fail(str(error)) from None
    site.warn(*overdue_pages(project.pages, project.settings.review_interval_months, today, project.docs.name))
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    record = site.record(page, config)
    record.review = page_review(page.meta.get("reviewed"), site.project.settings.review_interval_months,
                                record.site_language)
    return context
