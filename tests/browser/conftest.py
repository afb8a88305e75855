"""Browser fixtures: the built site served on localhost and one Debian Chromium for the whole session."""
from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - name fixed by the base class
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, site_url: str):
    """Open a path of the site at a viewport size; collect console errors, every request and off-site requests."""
    contexts = []

    def _open(path: str, width: int, height: int, init: str = "", **options):
        """`init`: a script run before each page's own; `options`: more of Playwright's context options."""
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        if init:
            context.add_init_script(init)
        page = context.new_page()
        page.console_errors = []
        page.requests, page.outside_requests = [], []

        def record(request) -> None:
            page.requests.append(request.url)
            if not request.url.startswith((site_url, "data:")):
                page.outside_requests.append(request.url)

        page.on("request", record)
        page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
        page.on("pageerror", lambda e: page.console_errors.append(str(e)))
        page.goto(site_url + path, wait_until="networkidle")
        return page

    yield _open
    for context in contexts:
        context.close()
