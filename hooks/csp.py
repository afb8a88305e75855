"""MkDocs hook: a Content-Security-Policy meta tag on every page (logic in guide.csp)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from guide.csp import add_policy
from guide_site import site


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    directives = site.project.settings.content_security_policy
    return add_policy(output, directives) if directives else output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # 404.html and other pages made from templates alone
    directives = site.project.settings.content_security_policy
    return add_policy(output, directives) if template_name.endswith(".html") and directives else output
