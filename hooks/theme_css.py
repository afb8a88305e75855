"""MkDocs hook: the built copy of Material's palette stylesheet without the rule that made the browser
restyle every element twice at each page load (guide.theme_css says why)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from guide.theme_css import without_switching_rule


# After every language's pages are built (mkdocs-static-i18n, -100), before the offline copy (-150).
@event_priority(-120)
def on_post_build(config: MkDocsConfig) -> None:
    for sheet in (Path(config.site_dir) / "assets" / "stylesheets").glob("palette.*.css"):
        css = sheet.read_text(encoding="utf-8")
        changed = without_switching_rule(css)
        if changed != css:
            sheet.write_text(changed, encoding="utf-8")
