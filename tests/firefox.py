"""Debian's Firefox driven through WebDriver BiDi, the protocol Firefox itself serves: Playwright
works only with its own patched Firefox, which cannot be downloaded here, and Debian has no
geckodriver. Only what the tests need: open a page, run a script, press keys, click, and record
each request and each error."""
from __future__ import annotations

import contextlib
import itertools
import json
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from websockets.sync.client import connect

FIREFOX = Path("/usr/bin/firefox-esr")


class Firefox:
    def __init__(self, width: int = 1280, height: int = 900) -> None:
        self.profile = tempfile.mkdtemp(prefix="guide-firefox-")
        with socket.socket() as probe:  # a free port
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.log = Path(self.profile) / "firefox.log"  # a file, not a pipe: a full pipe would stop Firefox
        with self.log.open("w") as log:
            self.process = subprocess.Popen([str(FIREFOX), "--headless", "--no-remote", "--profile", self.profile,
                                             "--remote-debugging-port", str(port), "about:blank"],
                                            stdout=log, stderr=subprocess.STDOUT)
        end = time.monotonic() + 60
        while "WebDriver BiDi listening on" not in self.log.read_text(errors="replace"):  # ready
            if self.process.poll() is not None or time.monotonic() > end:
                raise RuntimeError(f"Firefox did not start:\n{self.log.read_text(errors='replace')}")
            time.sleep(0.1)
        self.stack = contextlib.ExitStack()
        self.socket = self.stack.enter_context(connect(f"ws://127.0.0.1:{port}/session", max_size=None))
        self.ids = itertools.count(1)
        self.events: list[dict] = []
        self.send("session.new", {"capabilities": {}})
        self.send("session.subscribe", {"events": ["network.beforeRequestSent", "network.fetchError", "log.entryAdded"]})
        self.context = self.send("browsingContext.getTree", {})["contexts"][0]["context"]
        self.viewport(width, height)

    def send(self, method: str, params: dict) -> dict:
        number = next(self.ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=60))
            if message.get("type") == "event":
                self.events.append(message)
            elif message.get("id") == number:
                if message.get("type") == "error":
                    raise RuntimeError(f"{method}: {message.get('error')}: {message.get('message')}")
                return message["result"]

    def viewport(self, width: int, height: int) -> None:
        self.send("browsingContext.setViewport", {"context": self.context, "viewport": {"width": width, "height": height}})

    def go(self, url: str) -> None:
        self.send("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def js(self, expression: str) -> object:
        """The value of a script in the page, passed through JSON."""
        result = self.send("script.evaluate", {"expression": f"JSON.stringify({expression})",
                                                "target": {"context": self.context}, "awaitPromise": True})
        if result["type"] == "exception":
            raise RuntimeError(result["exceptionDetails"]["text"])
        return json.loads(result["result"].get("value", "null"))

    def wait_for(self, expression: str, timeout: float = 10) -> None:
        end = time.monotonic() + timeout
        while not self.js(expression):
            if time.monotonic() > end:
                raise TimeoutError(expression)
            time.sleep(0.1)

    def type(self, *keys: str) -> None:
        """Each key pressed and let go; WebDriver's codes for the others: Enter \ue007, Escape \ue00c, End \ue010."""
        actions = [a for key in keys for a in ({"type": "keyDown", "value": key}, {"type": "keyUp", "value": key})]
        self.send("input.performActions", {"context": self.context,
                                           "actions": [{"type": "key", "id": "keyboard", "actions": actions}]})

    def click(self, selector: str) -> None:
        x, y = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); e.scrollIntoView({{block: 'center'}}); "
                       "const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        self.send("input.performActions", {"context": self.context, "actions": [{"type": "pointer", "id": "mouse", "actions": [
            {"type": "pointerMove", "x": int(x), "y": int(y)}, {"type": "pointerDown", "button": 0},
            {"type": "pointerUp", "button": 0}]}]})

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "network.beforeRequestSent"]

    def failures(self) -> list[str]:
        """Requests that failed, and errors the pages logged."""
        return ([e["params"]["request"]["url"] for e in self.events if e["method"] == "network.fetchError"]
                + [e["params"].get("text") for e in self.events
                   if e["method"] == "log.entryAdded" and e["params"].get("level") == "error"])

    def close(self) -> None:
        try:
            self.send("browser.close", {})
            self.stack.close()
            self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            shutil.rmtree(self.profile, ignore_errors=True)
