"""Checks over a built site folder: internal links and anchors that resolve, nothing from other hosts."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


@dataclass
class PageRefs:
    """What one HTML page links to, loads, and offers as anchors."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)      # <a href>
    resources: list[str] = field(default_factory=list)  # src, <link href>, srcset


class _RefParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs = PageRefs()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.refs.ids.add(values[name])
        if tag == "a" and "href" in values:
            self.refs.links.append(values["href"])
        # canonical and alternate links name pages; they are not loaded by the browser
        if tag == "link" and "href" in values and not {"canonical", "alternate"} & set(values.get("rel", "").split()):
            self.refs.resources.append(values["href"])
        if "src" in values:
            self.refs.resources.append(values["src"])
        if values.get("srcset"):
            self.refs.resources += [part.split()[0] for part in values["srcset"].split(",") if part.strip()]


def parse_refs(html: str) -> PageRefs:
    parser = _RefParser()
    parser.feed(html)
    parser.close()
    return parser.refs


def is_external(url: str) -> bool:
    """True for a URL that would make the browser contact another host."""
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme in ("http", "https")


def _target(site: Path, page: Path, href: str) -> Path:
    path = unquote(urlsplit(href).path)
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target


def check_site(site: Path, allowed_hosts: tuple[str, ...] = ()) -> list[str]:
    """Return one line per broken internal link or anchor, and per resource from another host."""
    site = site.resolve()
    pages = {path: parse_refs(path.read_text(encoding="utf-8")) for path in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    for page, refs in pages.items():
        name = page.relative_to(site).as_posix()
        for url in refs.resources:
            if is_external(url) and urlsplit(url).hostname not in allowed_hosts:
                problems.append(f"{name}: loads {url} from another host")
        for href in refs.links:
            scheme = urlsplit(href).scheme
            if is_external(href) or scheme in ("mailto", "tel", "javascript", "data"):
                continue
            target = _target(site, page, href)
            if not target.exists():
                problems.append(f"{name}: link to {href} goes nowhere")
                continue
            anchor = unquote(urldefrag(href).fragment)
            if anchor and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse_refs(target.read_text("utf-8")).ids
                if anchor not in ids:
                    problems.append(f"{name}: link to {href} has no anchor #{anchor}")
    return problems
