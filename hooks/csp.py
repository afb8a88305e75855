"""MkDocs hook: a Content-Security-Policy meta tag on every page (logic in guide.csp)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from guide.csp import add_policy


def _directives(config: MkDocsConfig) -> dict:
    return config.extra.get("guide", {}).get("content_security_policy", {})


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return add_policy(output, _directives(config)) if _directives(config) else output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html and other pages made from templates alone
    return add_policy(output, _directives(config)) if template_name.endswith(".html") and _directives(config) else output
