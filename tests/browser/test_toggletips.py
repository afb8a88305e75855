"""Glossary toggletips as readers use them: mouse, keyboard, touch, after navigation, and with axe-core."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

FIRST_TERM = ".md-content a.guide-term"


def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def tip_for(page, term):
    tip_id = term.get_attribute("aria-describedby")
    assert tip_id, "the open toggletip is not the term's accessible description"
    return page.locator(f"#{tip_id}")


def test_hover_shows_the_definition_and_it_stays_while_hovered(open_page) -> None:
    page = open_page("crs/", 1280, 800)
    term = page.locator(FIRST_TERM).first
    assert term.get_attribute("aria-expanded") == "false"
    term.hover()
    tip = tip_for(page, term)
    assert tip.is_visible()
    definition = page.locator(f"#guide-def-{term.get_attribute('data-guide-term')}").text_content()
    assert definition in tip.text_content()
    assert term.get_attribute("aria-expanded") == "true"
    tip.hover()  # moving onto the bubble keeps it open (WCAG 1.4.13 hoverable)
    page.wait_for_timeout(500)
    assert tip.is_visible()
    page.mouse.move(5, 795)
    page.wait_for_timeout(600)
    assert term.get_attribute("aria-expanded") == "false"
    assert page.console_errors == []


def test_keyboard_enter_opens_and_escape_closes(open_page) -> None:
    page = open_page("crs/", 1280, 800)
    term = page.locator(FIRST_TERM).first
    term.focus()
    assert term.get_attribute("aria-expanded") == "false"  # focus alone does not open it
    page.keyboard.press("Enter")
    tip = tip_for(page, term)
    assert tip.is_visible()
    assert page.url.endswith("/crs/"), "Enter opened the definition instead of leaving the page"
    page.keyboard.press("Tab")  # the bubble's link to the full entry comes next
    assert page.evaluate("document.activeElement.classList.contains('guide-tip__more')")
    page.keyboard.press("Escape")
    assert term.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('guide-term')")


def test_tap_on_a_phone_shows_the_definition_and_links_to_the_glossary(browser, site_url) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site_url + "crs/", wait_until="networkidle")
        term = page.locator(FIRST_TERM).first
        entry_id = term.get_attribute("data-guide-term")
        term.tap()
        tip = tip_for(page, term)
        assert tip.is_visible()
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the bubble runs off the phone screen"
        more = tip.locator("a.guide-tip__more")
        more.tap()
        page.wait_for_url("**/glossary/#*")
        assert page.url.split("#")[1] == entry_id
    finally:
        context.close()


def test_toggletips_work_after_moving_to_another_page_through_the_menu(open_page) -> None:
    page = open_page("crs/", 1280, 800)
    page.locator(".md-nav--primary a[href$='icans/']").first.click()
    page.wait_for_url("**/icans/")
    term = page.locator(FIRST_TERM).first
    term.focus()
    page.keyboard.press("Enter")
    assert tip_for(page, term).is_visible()


def test_no_axe_violations_on_a_page_with_an_open_toggletip(browser, site_url) -> None:
    # axe-core is injected as an inline script, which the site's own policy refuses: bypass it here.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(site_url + "crs/", wait_until="networkidle")
    term = page.locator(FIRST_TERM).first
    term.focus()
    page.keyboard.press("Enter")
    page.add_script_tag(content=axe_script())
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    context.close()
    assert result["violations"] == [], json.dumps(result["violations"], indent=1)[:4000]


def test_in_print_terms_are_plain_text_and_words_to_know_ends_the_page(open_page) -> None:
    page = open_page("crs/", 1280, 800)
    page.emulate_media(media="print")
    words = page.locator(".guide-words")
    assert words.is_visible()
    assert "Tocilizumab" in words.inner_text()
    term = page.locator(FIRST_TERM).first
    assert "none" in term.evaluate("e => getComputedStyle(e).textDecorationLine")
    page.emulate_media(media="screen")
    assert not words.is_visible()


def test_printing_from_the_browser_gives_the_page_without_navigation(open_page, tmp_path) -> None:
    from pypdf import PdfReader

    page = open_page("crs/", 1280, 800)
    page.emulate_media(media="print")
    target = tmp_path / "printed.pdf"
    page.pdf(path=str(target), format="Letter")
    text = " ".join("".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Words to know" in text and "Tocilizumab" in text
    for chrome in ("Skip to content", "Table of contents", "Print this page (PDF)", "Previous", "Search"):
        assert chrome not in text, chrome


@pytest.mark.parametrize(("path", "width"), [("ar/crs/", 390), ("ar/crs/", 1280), ("zh/crs/", 390)])
def test_arabic_and_chinese_toggletips_open_by_touch_and_stay_on_the_screen(browser, site_url, path: str, width: int) -> None:
    """A term marked in Arabic (with the article joined) or in Chinese (no spaces) opens its
    definition by touch; in a right-to-left page the bubble stays inside the screen."""
    context = browser.new_context(viewport={"width": width, "height": 844}, has_touch=True, is_mobile=width < 600)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + path, wait_until="networkidle")
    terms = page.locator(FIRST_TERM)
    assert terms.count() >= 4
    term = terms.nth(2)
    term.scroll_into_view_if_needed()
    term.tap()
    tip = tip_for(page, term)
    assert tip.is_visible()
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, box
    definition = page.locator(f"#guide-def-{term.get_attribute('data-guide-term')}").text_content()
    assert definition.strip()[:20] in tip.text_content()
    assert errors == []
    context.close()
