"""The theme's palette stylesheet, without the rule that restyled every element at each page load."""
from __future__ import annotations

from pathlib import Path

from guide.theme_css import SWITCHING, without_switching_rule


def test_only_the_rules_naming_the_switching_mark_go() -> None:
    css = ("[data-md-color-scheme=slate]{--a:1}@media screen{.x{color:red}[data-md-color-switching] *,"
           "[data-md-color-switching] :after{transition-duration:0s!important}}"
           ".y,[data-md-color-switching] .z{b:2}.w{c:3}/*# sourceMappingURL=palette.css.map*/")
    changed = without_switching_rule(css)
    assert len(changed) == len(css)  # spaces in its place: the source map's columns stay right
    assert " ".join(changed.split()) == ("[data-md-color-scheme=slate]{--a:1}@media screen{.x{color:red} }"
                                         " .w{c:3}/*# sourceMappingURL=palette.css.map*/")
    assert without_switching_rule(changed) == changed
    # A comment before a rule is left alone, rule and all, rather than cut in two.
    commented = ".x{a:1}/* } */[data-md-color-switching] *{b:2}"
    assert without_switching_rule(commented) == commented


def test_the_installed_theme_still_has_the_rule_and_loses_only_it() -> None:
    """Fails when a new Material version drops or moves the rule: then look again at guide/theme_css.py."""
    import material

    sheets = list((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.min.css"))
    css = sheets[0].read_text(encoding="utf-8")
    assert SWITCHING in css
    changed = without_switching_rule(css)
    assert SWITCHING not in changed and len(changed) == len(css)
    assert len(css.replace(" ", "")) - len(changed.replace(" ", "")) < 200  # one short rule, nothing more
    assert changed.count("{") == changed.count("}") and "[data-md-color-scheme=slate]" in changed


def test_the_built_site_has_the_palette_without_the_rule(built_site: Path) -> None:
    sheets = list((built_site / "assets" / "stylesheets").glob("palette.*.css"))
    assert len(sheets) == 1
    css = sheets[0].read_text(encoding="utf-8")
    assert SWITCHING not in css and "[data-md-color-scheme=slate]" in css
