"""'Listen': the page read aloud with the device's own voices only, tested with a stubbed
speechSynthesis that records what would be spoken and with which voice."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# A stand-in for the browser's speech synthesis: voices as given, and every call recorded.
STUB = """
(() => {
  const voices = %s;
  const calls = window.__speech = {spoken: [], cancel: 0, pause: 0, resume: 0};
  const listeners = {};
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  Object.defineProperty(window, "speechSynthesis", {value: {
    getVoices: () => voices,
    speak(u) {
      calls.spoken.push({text: u.text, voice: u.voice && u.voice.name, local: !!(u.voice && u.voice.localService)});
      setTimeout(() => { u.onstart && u.onstart(); setTimeout(() => { u.onend && u.onend(); }, 400); }, 10);
    },
    cancel() { calls.cancel++; }, pause() { calls.pause++; }, resume() { calls.resume++; },
    addEventListener(name, f) { listeners[name] = f; },
  }});
})();
"""
LOCAL_EN = {"name": "Local English", "lang": "en-US", "localService": True}
REMOTE_EN = {"name": "Network English", "lang": "en-US", "localService": False}
LOCAL_ES = {"name": "Local Spanish", "lang": "es-ES", "localService": True}


def open_with_voices(browser, site_url: str, path: str, voices: list[dict], width: int = 390, bypass_csp: bool = False):
    """The page with the stub; the site's Content-Security-Policy in force unless axe must be added."""
    import json

    context = browser.new_context(viewport={"width": width, "height": 844}, bypass_csp=bypass_csp)
    context.add_init_script(STUB % json.dumps(voices))
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(site_url + path, wait_until="networkidle")
    return context, page


def wait_until(page, expression: str, seconds: float = 5.0) -> None:
    """Poll from Python: Playwright's wait_for_function evaluates strings, which the policy refuses."""
    for _ in range(int(seconds * 20)):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"never true: {expression}")


def test_no_button_without_a_voice_on_the_device(browser, site_url) -> None:
    for voices in ([], [REMOTE_EN], [LOCAL_ES]):  # none, only a network voice, only another language
        context, page = open_with_voices(browser, site_url, "crs/", voices)
        assert page.locator(".guide-listen").is_hidden(), voices
        assert page.evaluate("window.__speech.spoken") == [] and page.errors == []
        context.close()


def test_reads_the_main_text_with_the_local_voice_only_and_highlights_each_sentence(browser, site_url) -> None:
    context, page = open_with_voices(browser, site_url, "crs/", [REMOTE_EN, LOCAL_EN])
    button = page.locator(".guide-listen__play")
    assert button.is_visible()
    button.click()
    wait_until(page, "window.__speech.spoken.length >= 2")
    spoken = page.evaluate("window.__speech.spoken")
    assert all(s["local"] and s["voice"] == "Local English" for s in spoken)  # never the network voice
    assert spoken[0]["text"].startswith("Cytokine release syndrome")  # the title first: the main text
    menu = page.locator(".md-nav__link").first.inner_text()
    assert all(menu not in s["text"] for s in spoken[:3])
    assert page.evaluate("CSS.highlights.has('guide-reading')")  # the sentence being read is highlighted
    assert page.errors == []
    context.close()


def test_pause_resume_and_stop_by_keyboard_and_reading_stops_when_the_reader_leaves(browser, site_url) -> None:
    context, page = open_with_voices(browser, site_url, "es/crs/", [LOCAL_ES])
    page.locator(".guide-listen__play").focus()
    page.keyboard.press("Enter")
    wait_until(page, "window.__speech.spoken.length >= 1")
    pause = page.locator(".guide-listen__pause")
    assert pause.is_visible() and page.evaluate("document.activeElement.classList.contains('guide-listen__pause')")
    assert page.evaluate("window.__speech.spoken[0].voice") == "Local Spanish"
    page.keyboard.press("Enter")  # pause
    assert page.evaluate("window.__speech.pause") == 1 and pause.inner_text() == "Seguir"
    page.keyboard.press("Space")  # go on
    assert page.evaluate("window.__speech.resume") == 1 and pause.inner_text() == "Pausa"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # stop
    assert page.locator(".guide-listen__play").is_visible() and pause.is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('guide-listen__play')")
    assert not page.evaluate("CSS.highlights.has('guide-reading')")
    page.locator(".guide-listen__play").click()
    wait_until(page, "window.__speech.spoken.length >= 2")
    cancels = page.evaluate("window.__speech.cancel")
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")  # the reader leaves the page
    assert page.evaluate("window.__speech.cancel") > cancels
    assert page.errors == []
    context.close()


def test_axe_finds_nothing_with_the_listen_controls_on_the_page(browser, site_url) -> None:
    import axe_playwright_python

    script = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
    for path, voices in (("crs/", [LOCAL_EN]), ("es/crs/", [LOCAL_ES])):
        context, page = open_with_voices(browser, site_url, path, voices, bypass_csp=True)  # axe is added by eval
        page.locator(".guide-listen__play").click()
        wait_until(page, "window.__speech.spoken.length >= 1")
        page.evaluate(script)
        violations = page.evaluate("axe.run(document).then(r => r.violations.map(v => v.id + ' ' + v.nodes.map(n => n.target).join()))")
        assert violations == [], (path, violations)
        context.close()
