"""Languages as readers meet them: the language selector, search in Spanish, a fallback page in French."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_switching_language_on_a_deep_page_lands_on_the_same_page(open_page) -> None:
    page = open_page("icans/", 1280, 800)
    page.locator(".md-header .md-select > button").hover()  # the language selector opens on hover
    link = page.locator('.md-select__link[hreflang="es"]')
    link.click()
    page.wait_for_url("**/es/icans/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.console_errors == []


@pytest.mark.parametrize(("language", "query"), [("es", "fiebre"), ("es", "fiebres"), ("es", "rapida"), ("fr", "fievre")])
def test_search_finds_the_help_page_with_or_without_accents(open_page, language: str, query: str) -> None:
    page = open_page(f"{language}/", 390, 844)
    page.locator("label.md-header__button[for='__search']").click()
    page.locator(".md-search__input").press_sequentially(query, delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert any(f"/{language}/get-help/" in href for href in hrefs), hrefs
    assert not any(f"/{language}/" not in href for href in hrefs), "a result from another language"
    assert page.outside_requests == [] and page.console_errors == []


def test_french_fallback_page_says_so(open_page) -> None:
    page = open_page("fr/crs/", 390, 844)
    notice = page.locator(".guide-notice--fallback")
    assert notice.is_visible()
    assert "anglais" in notice.inner_text()
    assert page.locator('.md-content div[lang="en"] h1').inner_text().startswith("Cytokine")
    assert page.console_errors == []
