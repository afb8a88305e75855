"""The light/dark switch (overrides/partials/guide-palette.html): the theme's buttons, worked by our
small script instead of the theme's, which restyled the whole page twice at every load."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

STATE = """() => ({
  scheme: document.body.getAttribute('data-md-color-scheme'),
  root: getComputedStyle(document.documentElement).colorScheme,
  shown: [...document.querySelectorAll('[data-guide-palette] label')].filter(l => !l.hidden).map(l => l.title),
  themeColor: document.querySelector('meta[name="theme-color"]')?.content,
  colorSchemeTags: document.querySelectorAll('meta[name="color-scheme"]').length,
  switching: document.body.hasAttribute('data-md-color-switching'),
})"""
# Recorded when the page's text starts to arrive: what a reader's first screen is painted with.
SCHEME_BEFORE_TEXT = """new MutationObserver((_, observer) => {
  if (!document.querySelector('.md-content')) return;
  window.__schemeBeforeText = document.body.getAttribute('data-md-color-scheme');
  observer.disconnect();
}).observe(document, {childList: true, subtree: true});"""
SETTLED = "() => !document.body.hasAttribute('data-md-color-switching')"


PHONE = {"has_touch": True, "is_mobile": True}


def open_phone(open_page, path: str, color_scheme: str, init: str = ""):
    return open_page(path, 390, 844, init=SCHEME_BEFORE_TEXT + init, color_scheme=color_scheme, **PHONE)


@pytest.mark.parametrize("color_scheme, scheme, shown", [("light", "default", "Switch to dark mode"),
                                                          ("dark", "slate", "Switch to light mode")])
def test_the_first_page_follows_the_phone_before_its_text_is_shown(open_page, color_scheme, scheme, shown) -> None:
    page = open_phone(open_page, "crs/", color_scheme)
    state = page.evaluate(STATE)
    assert page.evaluate("window.__schemeBeforeText") == scheme  # no light flash for a dark phone
    assert state["scheme"] == scheme and state["shown"] == [shown]
    assert state["root"] == ("dark" if scheme == "slate" else "normal")  # the page's edges and scrollbar
    assert state["themeColor"] == ("rgb(13, 59, 79)" if scheme == "slate" else "rgb(0, 87, 122)")
    # The theme's script did not take the buttons over: it would add this tag (two full restyles).
    assert state["colorSchemeTags"] == 0
    assert page.console_errors == []


def test_a_readers_choice_by_touch_or_keyboard_holds_on_the_next_page(open_page, site_url) -> None:
    page = open_phone(open_page, "crs/", "light")
    page.locator("[data-guide-palette] label:not([hidden])").tap()
    page.wait_for_function(SETTLED)
    assert page.evaluate(STATE)["scheme"] == "slate"
    page.goto(site_url + "get-help/", wait_until="networkidle")
    assert page.evaluate("window.__schemeBeforeText") == "slate"
    # The phone turning dark or light no longer decides: the reader did.
    page.emulate_media(color_scheme="dark")
    page.emulate_media(color_scheme="light")
    page.wait_for_timeout(100)
    assert page.evaluate(STATE)["scheme"] == "slate"

    for _ in range(30):  # Tab from the top of the page to the switch
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-guide-palette] input')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('data-md-color-scheme')") == "slate"
    # The focus shows on the visible button (the radio button itself has no size).
    assert page.evaluate("getComputedStyle(document.activeElement.nextElementSibling).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_function(SETTLED)
    state = page.evaluate(STATE)
    assert state["scheme"] == "default" and state["shown"] == ["Switch to dark mode"]
    assert page.evaluate("document.activeElement.getAttribute('data-md-color-scheme')") == "default"
    page.reload(wait_until="networkidle")
    assert page.evaluate("window.__schemeBeforeText") == "default"
    assert page.console_errors == []


def test_a_palette_the_theme_stored_is_not_a_choice_and_blocked_storage_breaks_nothing(open_page) -> None:
    # The theme stored the palette at every page load, chosen or not: a reader coming back follows the phone.
    page = open_phone(open_page, "crs/", "light")
    page.evaluate("""() => __md_set('__palette', {index: 1, color: {media: '(prefers-color-scheme: dark)',
        scheme: 'slate', primary: 'custom', accent: 'custom'}})""")
    page.reload(wait_until="networkidle")
    assert page.evaluate(STATE)["scheme"] == "default"
    blocked = """Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});"""
    page = open_phone(open_page, "crs/", "dark", init=blocked)
    assert page.evaluate(STATE)["scheme"] == "slate" and page.evaluate(STATE)["shown"] == ["Switch to light mode"]
    page.locator("[data-guide-palette] label:not([hidden])").tap()
    page.wait_for_function(SETTLED)
    assert page.evaluate(STATE)["scheme"] == "default"


def test_without_a_choice_the_page_follows_the_phone_turning_dark_with_names_in_its_language(open_page) -> None:
    page = open_phone(open_page, "es/crs/", "light")
    assert page.evaluate(STATE)["shown"] == ["Cambiar al modo oscuro"]
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function(SETTLED)
    assert page.evaluate(STATE)["shown"] == ["Cambiar al modo claro"]
    assert page.locator("[data-guide-palette] input").evaluate_all("inputs => inputs.map(i => i.getAttribute('aria-label'))") \
        == ["Cambiar al modo oscuro", "Cambiar al modo claro"]
    assert page.console_errors == []
