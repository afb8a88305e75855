"""The 404 page's words: one block per language, with links to that language's home and help page."""
from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit


def not_found_links(strings: Mapping[str, Mapping[str, str]], default: str, site_url: str, help_page: str) -> list[dict]:
    base = urlsplit(site_url).path.rstrip("/") + "/"
    help_path = help_page.removesuffix(".md").removesuffix("index").strip("/")
    links = []
    for language, words in strings.items():
        home = base + ("" if language == default else f"{language}/")
        links.append({"lang": language, "title": words.get("not_found_title", ""), "text": words.get("not_found_text", ""),
                      "home": home, "help": home + (f"{help_path}/" if help_path else ""),
                      "home_text": words.get("not_found_home", ""), "help_text": words.get("not_found_help", "")})
    return links
