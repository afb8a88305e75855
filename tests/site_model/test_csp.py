"""The Content-Security-Policy: which inline scripts get a hash."""
from __future__ import annotations

import base64
import hashlib

from guide.csp import add_policy, inline_scripts, policy


def test_only_scripts_the_browser_runs_are_found() -> None:
    page = ('<head><script>var a = 1;</script><script id="__config" type="application/json">{"x": 1}</script>'
            '<script src="a.js"></script><!-- <script>old()</script> --><script type="module">b()</script>'
            '<SCRIPT data-x="a>b">c()</SCRIPT ><script type="text/javascript">\nd("</p>")\n</script></head>')
    assert inline_scripts(page) == ["var a = 1;", "b()", "c()", '\nd("</p>")\n']


def test_the_policy_holds_the_hash_of_each_inline_script_once() -> None:
    page = "<html><head><title>t</title></head><body><script>go()</script><script>go()</script></body></html>"
    digest = base64.b64encode(hashlib.sha256(b"go()").digest()).decode()
    assert policy(page, {"default-src": "'self'", "script-src": "'self'"}) == f"default-src 'self'; script-src 'self' 'sha256-{digest}'"
    assert '<head>\n    <meta http-equiv="Content-Security-Policy" content="default-src' in add_policy(page, {"default-src": "'self'"})
