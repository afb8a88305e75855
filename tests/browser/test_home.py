"""The home page as a reader meets it, on a phone and a laptop, in Debian's Chromium."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SIZES = [(390, 844), (1280, 800)]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_home_page_fits_and_loads_cleanly(open_page, width: int, height: int) -> None:
    page = open_page("", width, height)
    assert page.title().startswith("CAR T-cell therapy")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"the page scrolls sideways: {scroll_width}px wide in a {width}px window"
    assert page.console_errors == []
    assert page.outside_requests == []
    # The help part is on the first screen, right under the title, with its three signs.
    part = page.locator(".md-content .guide-help-now")
    assert part.is_visible() and part.locator("li").count() == 3
    assert part.bounding_box()["y"] + part.bounding_box()["height"] <= height


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_search_for_fever_finds_the_help_page(open_page, width: int, height: int) -> None:
    page = open_page("", width, height)
    if width < 960:
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("fever", delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=20_000)  # the index loads only now, when the search opens
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert any("/get-help/" in href for href in hrefs), hrefs
    assert page.console_errors == []


def test_the_search_index_loads_only_when_the_reader_goes_to_the_search(open_page) -> None:
    """Material would fetch and index the whole search at every page load, the largest start-up
    work on a slow phone; partials/guide-search-on-demand.html holds it until the reader searches."""
    index = "/search/search_index.json"
    page = open_page("", 1280, 800)
    page.wait_for_timeout(500)
    assert not any(url.endswith(index) for url in page.requests), "the index was loaded before any search"
    with page.expect_request(lambda r: r.url.endswith(index)):
        page.keyboard.press("/")  # the theme's keyboard shortcut to the search, nothing else
    assert page.evaluate("document.activeElement.matches('.md-search__input')")
    page.keyboard.type("fever", delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=20_000)
    assert any("/get-help/" in href for href in results.evaluate_all("links => links.map(a => a.href)"))
    assert page.console_errors == []


def test_a_page_opened_from_a_search_result_marks_the_words(open_page) -> None:
    """A result link carries the words (?h=): that page needs the index at once to mark them."""
    page = open_page("crs/?h=fever", 390, 844)
    marks = page.locator(".md-content mark[data-md-highlight]")
    marks.first.wait_for(timeout=20_000)
    assert "fever" in marks.first.inner_text().lower()
    assert page.console_errors == []


def test_content_page_on_a_phone_has_no_sideways_scroll(open_page) -> None:
    for path in ("steps/", "crs/", "get-help/"):
        page = open_page(path, 390, 844)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        assert page.console_errors == []
