"""The offline copy as a reader uses it: each language's ZIP unzipped and opened from the disk
(file://) in Chromium and in Firefox: the start page, a content page, a glossary toggletip and a search in that
language, with no request leaving the copy and no file missing."""
from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# A word each language's CRS page uses, typed as a reader would.
SEARCHES = {"en": "fever", "es": "fiebre", "fr": "fièvre", "ar": "حمى", "zh": "发烧"}


def unzip(built_site: Path, language: str, tmp_path: Path) -> Path:
    folder = built_site if language == "en" else built_site / language
    with zipfile.ZipFile(folder / f"car-t-guide-{language}.zip") as archive:
        archive.extractall(tmp_path)
    return tmp_path / f"car-t-guide-{language}"


@pytest.mark.parametrize("language", sorted(SEARCHES))
def test_the_offline_copy_works_from_the_disk(browser, built_site: Path, tmp_path: Path, language: str) -> None:
    copy = unzip(built_site, language, tmp_path)
    inside = copy.as_uri() + "/"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside, failed, errors = [], [], []
    page.on("request", lambda r: r.url.startswith((inside, "data:", "about:")) or outside.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(inside + "index.html")  # what a reader double-clicks
        home = "index.html" if language == "en" else f"{language}/index.html"
        page.wait_for_url(inside + home, timeout=5_000)  # fails if the start page does not open the home page
        label = page.locator(".guide-offline-copy")
        assert label.is_visible() and label.locator("a").get_attribute("href").startswith("http")
        assert page.locator(".guide-offline").count() == 0, "the copy still offers to download itself"

        link = page.locator('.md-nav--primary a.md-nav__link[href$="crs/index.html"]').first
        page.locator("#" + link.evaluate("a => a.closest('nav').getAttribute('aria-labelledby')")).click()  # "Side effects"
        link.click()
        page.wait_for_url("**/crs/index.html")
        assert page.locator("h1").first.is_visible()

        term = page.locator(".md-content a.guide-term").first
        term.focus()
        page.keyboard.press("Enter")  # opens the definition (a click follows the link to the glossary)
        tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
        assert tip.is_visible() and tip.locator("a.guide-tip__more").get_attribute("href").split("#")[0].endswith("glossary/index.html")
        page.keyboard.press("Escape")

        field = page.locator("input.md-search__input")
        field.click()
        field.fill(SEARCHES[language])  # as an input method puts in a whole word
        field.press("End")  # Material searches on a key going up
        result = page.locator(".md-search-result__item a").first
        result.wait_for(timeout=10_000)
        href = result.get_attribute("href")
        assert href.startswith(inside) and "/index.html" in href, href
        if language != "en":
            assert href.startswith(inside + f"{language}/"), f"a result outside the language: {href}"
        result.click()
        page.wait_for_url("**/index.html*")
        assert page.locator("h1").first.is_visible()
    finally:
        context.close()
    assert outside == [], f"requests left the copy: {outside}"
    assert failed == [], f"files missing from the copy: {failed}"
    assert errors == []


@pytest.fixture(scope="module")
def firefox():
    from firefox import FIREFOX, Firefox

    if not FIREFOX.exists():
        message = f"{FIREFOX} is missing: install Debian's firefox-esr package (.ci/run does)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    browser = Firefox()
    yield browser
    browser.close()


@pytest.mark.parametrize("language", sorted(SEARCHES))
def test_the_offline_copy_works_from_the_disk_in_firefox(firefox, built_site: Path, tmp_path: Path, language: str) -> None:
    """The same walk in Firefox, which keeps files apart more strictly than Chromium on file://."""
    copy = unzip(built_site, language, tmp_path)
    inside = copy.as_uri() + "/"
    firefox.events.clear()
    firefox.viewport(1280, 900)
    firefox.go(inside + "index.html")
    home = "index.html" if language == "en" else f"{language}/index.html"
    firefox.wait_for(f"location.href === {json.dumps(inside + home)}", 5)
    assert firefox.js("!!document.querySelector('.guide-offline-copy a[href^=\"http\"]') && "
                      "!document.querySelector('.guide-offline')")

    firefox.go(firefox.js("document.querySelector('.md-nav--primary a.md-nav__link[href$=\"crs/index.html\"]').href"))
    assert firefox.js("location.href.endsWith('crs/index.html') && !!document.querySelector('h1')")

    firefox.js("document.querySelector('.md-content a.guide-term').focus()")
    firefox.type("\ue007")  # Enter opens the definition
    firefox.wait_for("(() => { const term = document.querySelector('.md-content a.guide-term'); "
                     "const tip = document.getElementById(term.getAttribute('aria-describedby')); "
                     "return !!tip && tip.getBoundingClientRect().height > 0 && "
                     "tip.querySelector('a.guide-tip__more').href.split('#')[0].endsWith('glossary/index.html'); })()", 3)
    firefox.type("\ue00c")  # Escape

    # Headless Firefox has no window focus, so it fires no focus events: a click into the field would
    # not open the search. The phone's search button (a label for the theme's switch) opens it.
    firefox.viewport(390, 844)
    firefox.click("label.md-header__button[for='__search']")
    firefox.wait_for("document.getElementById('__search').checked", 3)
    firefox.js("document.querySelector('input.md-search__input').focus()")
    firefox.type(*SEARCHES[language], "\ue010")  # Material searches on a key going up
    firefox.wait_for("!!document.querySelector('.md-search-result__item a')", 10)
    href = firefox.js("document.querySelector('.md-search-result__item a').href")
    assert href.startswith(inside + ("" if language == "en" else f"{language}/")) and "/index.html" in href, href
    firefox.go(href)
    assert firefox.js("!!document.querySelector('h1')")

    outside = [url for url in firefox.requests() if not url.startswith((inside, "data:", "about:"))]
    assert outside == [], f"requests left the copy: {outside}"
    assert firefox.failures() == []
