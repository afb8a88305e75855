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
    results.first.wait_for(timeout=20_000)  # the index loads only now, when the search opens
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert any(f"/{language}/get-help/" in href for href in hrefs), hrefs
    assert not any(f"/{language}/" not in href for href in hrefs), "a result from another language"
    assert page.outside_requests == [] and page.console_errors == []


def test_a_fallback_page_inside_arabic_says_so_and_reads_left_to_right(open_page) -> None:
    page = open_page("ar/steps/", 390, 844)
    notice = page.locator(".guide-notice--fallback")
    assert notice.is_visible()
    assert "الإنجليزية" in notice.inner_text()
    english = page.locator('.md-content div[lang="en"]')
    assert english.locator("h1").inner_text().startswith("The treatment step by step")
    # Its punctuation stays where English puts it: the part is laid out left to right.
    assert english.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.console_errors == []


def search(page, query: str) -> list[str]:
    page.locator("label.md-header__button[for='__search']").click()
    field = page.locator(".md-search__input")
    field.fill(query)  # as an input method (Chinese, Arabic) puts in a whole word
    field.press("End")  # Material searches on a key going up
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=20_000)
    return results.evaluate_all("links => links.map(a => a.href)")


def test_a_chinese_query_from_the_middle_of_the_help_page_finds_it_in_chinese_only(open_page, built_site) -> None:
    import json
    import re

    from bs4 import BeautifulSoup

    html = BeautifulSoup((built_site / "zh/get-help/index.html").read_text(encoding="utf-8"), "html.parser")
    sentence = html.select_one("#when-to-call").find_next("ol").select_one("li").get_text()
    run = max(re.findall(r"[\u4e00-\u9fff]+", sentence), key=len)
    assert len(run) >= 8, run
    query = run[len(run) // 2 - 3:len(run) // 2 + 3]  # six characters from its middle, cutting through words
    hrefs = search(open_page("zh/", 390, 844), query)
    assert any("/zh/get-help/" in href for href in hrefs), (query, hrefs)
    assert all("/zh/" in href for href in hrefs), (query, hrefs)
    for code in ("", "es/", "fr/", "ar/"):  # in the Chinese index only
        docs = json.loads((built_site / code / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
        assert not any(query in doc["text"] or query in doc.get("variants", "") for doc in docs), code


def test_an_arabic_word_without_its_article_finds_a_page_that_has_it_only_with_the_article(open_page, built_site) -> None:
    import json
    import re

    from guide.scripts import strip_marks

    docs = json.loads((built_site / "ar/search/search_index.json").read_text(encoding="utf-8"))["docs"]

    def words(doc: dict) -> set[str]:
        return set(re.findall(r"\w+", strip_marks(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))))

    only_article = {d["location"].split("#")[0] for d in docs if "الخلايا" in words(d)} - {
        d["location"].split("#")[0] for d in docs if "خلايا" in words(d)}
    assert only_article, "no Arabic page has only الخلايا: pick another word"
    hrefs = search(open_page("ar/", 390, 844), "خلايا")
    found = {re.split("[?#]", href.split("/ar/", 1)[1])[0] for href in hrefs}
    assert found & only_article, (sorted(only_article), sorted(found))


@pytest.mark.parametrize("name", ["", "get-help/"])
def test_arabic_pages_read_right_to_left_on_a_phone(open_page, built_site, name: str) -> None:
    """Screenshots of the Arabic home and help pages at 390 px, kept for a person to look at
    (.cache/guide/screenshots/), and the checks they stand for: the title, the help part and the
    text start on the right, an English word inside keeps its order."""
    from sitebuild import ROOT

    page = open_page(f"ar/{name}", 390, 844)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    shots = ROOT / ".cache/guide/screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / f"ar-{name.strip('/') or 'home'}-390.png"), full_page=False)
    # Where the words of the title and of the first paragraph start: at the right edge of the text column.
    starts = page.evaluate("""() => [".md-content h1", ".md-content article p"].map(s => {
        const range = document.createRange(); range.selectNodeContents(document.querySelector(s));
        const lines = [...range.getClientRects()]; return [lines[0].right, lines[0].left]; })""")
    column = page.locator(".md-content article").bounding_box()
    for right, left in starts:
        assert right > column["x"] + column["width"] - 30 and left > column["x"] - 1, (starts, column)
    assert page.locator(".md-content bdi[dir=ltr]").count() >= 1
    assert page.console_errors == [] and page.outside_requests == []


# Every layout shift while the page loads, kept by the page itself from its first moment on.
_SHIFTS = """window.guideShifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.guideShifts.push(
  [Math.round(e.startTime), e.value, e.sources.map(s => s.node ? s.node.nodeName + "." + s.node.className : "")]); })
  .observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("path", ["ar/crs/", "ar/", "crs/"])
def test_a_page_does_not_move_while_it_loads_on_a_phone(browser, site_url: str, path: str) -> None:
    """On a phone the theme showed its search button only once its script ran: the header's other
    buttons moved, and on a right-to-left page the whole page moved sideways for a moment. On the
    Arabic home page the title's hidden second line did the same while the header was half read
    (seen with a slow phone's CPU, hence the 4x slowdown)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1.75,
                                  is_mobile=True, has_touch=True)
    try:
        context.add_init_script(_SHIFTS)
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(site_url + path, wait_until="networkidle")
        # With the slower CPU the theme's script may still be setting up after the network is quiet.
        page.wait_for_function("() => document.readyState === 'complete' && document.documentElement.classList.contains('js')",
                               timeout=15_000)
        page.wait_for_timeout(300)
        shifts = page.evaluate("window.guideShifts")
        assert page.evaluate("document.documentElement.className").split().count("js") == 1  # the script ran
        assert sum(value for _, value, _ in shifts) < 0.001, shifts
    finally:
        context.close()
