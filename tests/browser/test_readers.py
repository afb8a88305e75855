"""Every page as readers meet it, in every language: no errors, nothing from other hosts, no cookies,
no Content-Security-Policy violation, axe-core WCAG 2.x A and AA at two widths in light and dark,
keyboard reach with visible focus, and reflow at 320 px and at 200% zoom.

For speed each page is loaded once per width: light and dark are checked on the same load, and the
four widths run side by side, so that while one page waits for the network the browser works on
the others (see run_side_by_side)."""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sitebuild import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
EXCLUSIONS = json.loads((ROOT / "tests/browser/axe-exclusions.json").read_text(encoding="utf-8"))["rules"]
AXE_WIDTHS = (390, 1280)
# 320 CSS px, and 200% zoom of a 1280 px window (the same 640 CSS px at twice the pixel density).
REFLOW = ((320, 1), (640, 2))

# A reader's light/dark choice is stored and reused on the next page: forget it, so that every
# load starts as a first visit, which follows the system (overrides/partials/guide-palette.html).
FORGET_PALETTE = "for (const key of Object.keys(localStorage)) if (key.endsWith('__palette')) localStorage.removeItem(key);"
# The dark palette applied, and the colours done fading (axe must see the colours they end on).
DARK_APPLIED = ("() => matchMedia('(prefers-color-scheme: dark)').matches && !document.body.hasAttribute('data-md-color-switching')"
                " && document.body.getAttribute('data-md-color-scheme') === 'slate' && document.getAnimations().length === 0")
SCHEME = "() => [document.body.getAttribute('data-md-color-scheme'), getComputedStyle(document.body).backgroundColor]"
# Started from a timer, so this call returns at once and the browser runs axe while we tend to the
# other pages. axe-core comes in through eval (once per load), which our policy refuses: the axe
# contexts bypass the policy. resultTypes only spares axe listing every passing node: violations
# are reported in full.
START_AXE = """([source, tags]) => {
    window.__axe = new Promise(resolve => setTimeout(resolve)).then(() => {
        if (source) (0, eval)(source);
        return axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
    });
}"""
AXE_VIOLATIONS = "() => window.__axe.then(result => result.violations)"
QUIET_SECONDS = 0.5  # what Playwright's networkidle waits for


def all_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix().replace(".", "") + "/" if p.parent != site else ""
                  for p in site.rglob("index.html"))


def axe_script() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages(built_site: Path) -> list[str]:
    found = [p.lstrip("/") for p in all_pages(built_site)]
    assert len(found) >= 42
    return found


Lane = Iterator[None]  # a run of checks that yields whenever it has left the browser some work to do


def run_side_by_side(lanes: list[Lane]) -> None:
    """Advance each lane one step in turn: while we wait on one page, the browser works on the others."""
    done = object()
    while lanes:
        for lane in list(lanes):
            if next(lane, done) is done:
                lanes.remove(lane)


@dataclass
class Watched:
    """A tab with what its page logged and asked for; `stage` says light or dark in the messages."""

    page: Page
    stage: str = "light"
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    in_flight: set[object] = field(default_factory=set)
    last_traffic: float = field(default_factory=time.monotonic)

    def traffic(self, request: object, started: bool) -> None:
        (self.in_flight.add if started else self.in_flight.discard)(request)
        self.last_traffic = time.monotonic()

    def wait_for_quiet_network(self, timeout: float = 10.0) -> None:
        """Playwright's networkidle, for a page already loaded: nothing in flight for half a second."""
        give_up = time.monotonic() + timeout
        while self.in_flight or time.monotonic() - self.last_traffic < QUIET_SECONDS:
            if time.monotonic() > give_up:
                raise TimeoutError(f"the network was still busy after {timeout} s ({len(self.in_flight)} in flight)")
            self.page.wait_for_timeout(50)

    def take_problems(self, where: str) -> list[str]:
        found = [f"{where}: console error, {e}" for e in self.errors]
        found += [f"{where}: request to another host, {u}" for u in self.outside]
        self.errors.clear()
        self.outside.clear()
        return found


# checks one page: (tab, path, name for messages, problems) -> steps
Check = Callable[[Watched, str, str, list[str]], Lane]


def watch(context: BrowserContext, site_url: str) -> Watched:
    """A new tab that records console errors, uncaught exceptions and requests to other hosts."""
    page = context.new_page()
    w = Watched(page)
    page.on("console", lambda m: m.type == "error" and w.errors.append(f"{w.stage}: {m.text}"))
    page.on("pageerror", lambda e: w.errors.append(f"{w.stage}: {e}"))
    page.on("request", lambda r: r.url.startswith(site_url) or r.url.startswith("data:")
            or w.outside.append(f"{w.stage}: {r.url}"))
    page.on("request", lambda r: w.traffic(r, started=True))
    page.on("requestfinished", lambda r: w.traffic(r, started=False))
    page.on("requestfailed", lambda r: w.traffic(r, started=False))
    return w


def axe_problems(page: Page, where: str) -> list[str]:
    violations = [v for v in page.evaluate(AXE_VIOLATIONS) if v["id"] not in EXCLUSIONS]
    return [f"{where}: axe {v['id']}: {v['help']} ({v['nodes'][0]['target']}"
            + (f" and {len(v['nodes']) - 1} more)" if len(v["nodes"]) > 1 else ")") for v in violations]


def switch_to_dark(page: Page) -> None:
    """The reader's system turns dark; with no choice stored the page follows it, as a fresh dark load
    does (test_dark_switch_matches_a_fresh_dark_load shows the result is the same page)."""
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(DARK_APPLIED, timeout=10_000)


def each_page(context: BrowserContext, site_url: str, pages: list[str], where: Callable[[str], str],
              check: Check, problems: list[str]) -> Lane:
    """Run `check` on every page in turn in one tab, as a reader goes from page to page.
    A page that breaks the run is a problem, not the end: the next page gets a new tab."""
    w = watch(context, site_url)
    for path in pages:
        try:
            yield from check(w, path, where(path), problems)
        except Exception as e:  # noqa: BLE001 - a timeout or a crash is reported with the page's name
            problems.append(f"{where(path)}, {w.stage}: {type(e).__name__}: {e}")
            problems += w.take_problems(where(path))
            w.page.close()
            w = watch(context, site_url)
        problems += w.take_problems(where(path))
    w.page.close()
    problems += w.take_problems(where(pages[-1]))  # anything that came in after the last look
    if context.cookies():
        problems.append(f"{where('every page')}: the site set a cookie: {context.cookies()}")


# Where the help is, measured from the top of the page: the signs and a link to the help page (on
# the help page, its picture of the signs). Layout depends on the width only, not the height.
HELP_ON_FIRST_SCREEN = """() => {
  const bottom = e => e.getBoundingClientRect().bottom + window.scrollY;
  const part = document.querySelector('.guide-help-now');
  if (!part) {
    const picture = document.querySelector('.guide-picture--warning-signs');
    return picture ? [['the picture of the signs', bottom(picture)]] : [['the help part', null]];
  }
  const link = [...part.querySelectorAll('a')].find(a => new URL(a.href).pathname.endsWith('/get-help/'));
  return [['the signs', bottom(part.querySelector('ul'))], ['the link to the help page', link ? bottom(link) : null]];
}"""
FIRST_SCREEN = 844


def help_on_first_screen(page: Page, where: str) -> list[str]:
    """The help part's signs and link (or, on the help page, the signs' picture) on a 390x844 first screen."""
    return [f"{where}: {what} is {'missing' if at is None else f'at {at:.0f} px, below the first {FIRST_SCREEN} px'}"
            for what, at in page.evaluate(HELP_ON_FIRST_SCREEN) if at is None or at > FIRST_SCREEN]


def clean_and_axe_in_light_and_dark(site_url: str, script: str, first_screen: bool = False) -> Check:
    def check(w: Watched, path: str, where: str, problems: list[str]) -> Lane:
        page = w.page
        w.stage = "light"
        page.emulate_media(color_scheme="light")  # the last page in this tab was left dark
        page.goto(site_url + path, wait_until="commit")
        yield
        page.wait_for_load_state("networkidle")
        if first_screen:
            problems.extend(help_on_first_screen(page, where))
        light = page.evaluate(SCHEME)
        if light[0] != "default":
            problems.append(f"{where}, light: the palette is {light[0]!r}, not 'default'")
        page.evaluate(START_AXE, [script, AXE_TAGS])
        yield
        problems.extend(axe_problems(page, f"{where}, light"))
        w.stage = "dark"
        switch_to_dark(page)
        dark = page.evaluate(SCHEME)
        if dark[1] == light[1]:
            problems.append(f"{where}, dark: the background stayed {dark[1]}: dark would test light")
            return
        w.wait_for_quiet_network()  # whatever the dark palette asks for has come, as networkidle ensured for light
        page.evaluate(START_AXE, [None, AXE_TAGS])
        yield
        problems.extend(axe_problems(page, f"{where}, dark"))
        if page.evaluate(SCHEME) != dark:
            problems.append(f"{where}, dark: the palette changed while axe ran")
    return check


def fits_without_sideways_scrolling(site_url: str, width: int) -> Check:
    def check(w: Watched, path: str, where: str, problems: list[str]) -> Lane:
        w.page.goto(site_url + path, wait_until="commit")
        yield
        w.page.wait_for_load_state("networkidle")
        scroll = w.page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            problems.append(f"{where}: {scroll} px wide, so it scrolls sideways")
    return check


def test_every_page_is_clean_passes_axe_in_light_and_dark_and_reflows(browser: Browser, site_url: str, pages: list[str]) -> None:
    """axe at 390 and 1280 px in light and dark, and reflow at 320 px and 200% zoom, on every page;
    at 390 px, the help part's signs and link on the first 844 px (a phone's first screen).
    Console errors, requests to other hosts and cookies are checked in all four. The reflow
    contexts keep the site's Content-Security-Policy in force: a violation shows as a console error."""
    started = time.perf_counter()
    script = axe_script()
    problems: list[str] = []
    contexts: list[BrowserContext] = []
    lanes: list[Lane] = []
    try:
        for width in AXE_WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="light", bypass_csp=True)
            context.add_init_script(FORGET_PALETTE)
            contexts.append(context)
            lanes.append(each_page(context, site_url, pages, lambda path, width=width: f"{path or '/'} at {width} px",
                                   clean_and_axe_in_light_and_dark(site_url, script, first_screen=width == 390), problems))
        for width, zoom in REFLOW:
            context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=zoom)
            contexts.append(context)
            lanes.append(each_page(context, site_url, pages,
                                   lambda path, width=width, zoom=zoom: f"{path or '/'} at {width} px, zoom {zoom * 100}%, CSP in force",
                                   fits_without_sideways_scrolling(site_url, width), problems))
        run_side_by_side(lanes)
    finally:
        for context in contexts:
            context.close()
    print(f"\n{len(pages)} pages, axe at {AXE_WIDTHS} px light and dark, reflow at {REFLOW}: {time.perf_counter() - started:.1f} s")
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems)


PAGE_STATE = """() => ({
  palette: [...document.body.attributes].filter(a => a.name.startsWith('data-md-color')).map(a => `${a.name}=${a.value}`).sort(),
  meta: [...document.querySelectorAll('meta[name="theme-color"], meta[name="color-scheme"]')].map(m => `${m.name}=${m.content}`),
  toggle: [...document.querySelectorAll('[data-guide-palette] input, [data-guide-palette] label')]
    .map(e => e.tagName + (e.checked ? ' checked' : '') + (e.hidden ? ' hidden' : '')),
  styles: [...document.querySelectorAll('*')].map(e => { const s = getComputedStyle(e);
    return [e.tagName, e.className, s.color, s.backgroundColor, s.borderTopColor, s.borderBottomColor, s.outlineColor,
            s.fill, s.textDecorationColor, s.boxShadow, s.opacity, s.display, s.visibility].join(' | '); }),
})"""


def test_dark_switch_matches_a_fresh_dark_load(browser: Browser, site_url: str) -> None:
    """The main test checks dark by switching a loaded page: it must be the page a dark system gets."""
    problems: list[str] = []
    contexts: list[BrowserContext] = []

    def compare(path: str, width: int) -> Lane:
        fresh_context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="dark")
        switched_context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="light")
        switched_context.add_init_script(FORGET_PALETTE)
        contexts.extend([fresh_context, switched_context])
        fresh, switched = fresh_context.new_page(), switched_context.new_page()
        fresh.goto(site_url + path, wait_until="commit")
        switched.goto(site_url + path, wait_until="commit")
        yield
        fresh.wait_for_load_state("networkidle")
        fresh.wait_for_function(DARK_APPLIED, timeout=10_000)  # dark from the start: no fade
        switched.wait_for_load_state("networkidle")
        light = switched.evaluate(PAGE_STATE)
        switch_to_dark(switched)
        want, got = fresh.evaluate(PAGE_STATE), switched.evaluate(PAGE_STATE)
        where = f"{path or '/'} at {width} px"
        if want == light:
            problems.append(f"{where}: a fresh dark load looks light")
        for key in want:
            if len(want[key]) != len(got[key]):
                problems.append(f"{where}: {key}: {len(want[key])} items on a fresh dark load, {len(got[key])} after switching")
            elif want[key] != got[key]:
                differ = [f"{a} != {b}" for a, b in zip(want[key], got[key]) if a != b]
                problems.append(f"{where}: {key} differs after switching in {len(differ)} places, first: {differ[:3]}")

    try:
        run_side_by_side([compare(path, width) for path in ("", "crs/") for width in AXE_WIDTHS])
    finally:
        for context in contexts:
            context.close()
    assert problems == [], "\n".join(problems)


def test_no_csp_violation_when_searching_and_opening_a_toggletip(open_page) -> None:
    page = open_page("es/crs/", 1280, 800)
    page.evaluate("() => { window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective)); }")
    page.locator(".md-content a.guide-term").first.focus()
    page.keyboard.press("Enter")
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("fiebre", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
    assert page.evaluate("window.__csp") == [] and page.console_errors == []
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_keyboard_reaches_everything_with_visible_focus(open_page) -> None:
    page = open_page("crs/", 1280, 800)
    reached, invisible, terms = set(), [], set()
    for _ in range(260):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            return {cls: e.className || '', tag: e.tagName, href: e.getAttribute('href') || '', label: e.getAttribute('aria-label') || '',
                    text: (e.textContent || '').trim().slice(0, 40), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    shadow: s.boxShadow !== 'none', visible: r.width > 0 && r.height > 0}; }""")
        if info["tag"] == "BODY":
            continue
        key = "skip" if "md-skip" in info["cls"] else "search" if "md-search__input" in info["cls"] else \
            "language" if info["label"] and "md-header__button" in info["cls"] and "lang" in info["label"].lower() else \
            "term" if "guide-term" in info["cls"] else "handout" if info["href"].endswith("handout.pdf") else None
        if key:
            reached.add(key)
        if key == "term":
            terms.add(info["href"])
        if info["visible"] and not (info["outline"] or info["shadow"]):
            invisible.append(info)
    assert {"skip", "search", "language", "term", "handout"} <= reached, reached
    every = set(page.locator(".md-content a.guide-term").evaluate_all("links => links.map(a => a.getAttribute('href'))"))
    assert terms == every, "a toggletip is not reachable by keyboard"
    assert invisible == [], invisible[:5]
