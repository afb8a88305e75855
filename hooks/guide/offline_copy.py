"""The offline copy of one language: its pages (untranslated ones included), handouts, things to
print, search and the theme's files, in one ZIP a reader opens from the disk (`file://`).

A browser on `file://` opens a folder's listing, not its `index.html`, fetches nothing and runs no
web worker. So, in the copy only: every link to a folder names its `index.html`, a link to a page
outside the copy (another language) goes to the published site, the search index is a script
(Material reads `__index` on `file://`), and `assets/offline-worker.js` runs the search worker.
Pure functions; hooks/offline_copy.py calls them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import posixpath
import re
import zipfile
from collections.abc import Collection, Iterable, Iterator, Mapping
from html import escape
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

INDEX_JSON = "search/search_index.json"
INDEX_SCRIPT = "search/search_index.js"
WORKER_SHIM = "assets/offline-worker.js"
LUNR = "assets/javascripts/lunr/"
LINK_CLASS = "guide-offline"          # the download link's paragraph, left out of the copy
LABEL_CLASS = "guide-offline-copy"    # "Offline copy of <date>" at the top of every page of the copy
SIZE_MARK = "<!--guide:offline-size-->"   # filled with the ZIP's size once it is made
SKIPPED = (".map", ".zip", ".json", ".gz")  # source maps, other copies, the index as JSON, sitemaps
SKIPPED_FILES = {"404.html", "sitemap.xml"}

_LINK = re.compile(r'(\s(?:data-)?(?:href|src)=")([^"]*)(")')
_OUTSIDE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|#|//|\?|$)")   # has a scheme or a host, or is a fragment
_PARTS = re.compile(r"([^#?]*)([#?]?)(.*)")   # path, "#" or "?", the rest
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">')
_HEAD_END = re.compile(r"</head>", re.IGNORECASE)


def members(files: Iterable[str], folder: str, other_languages: Iterable[str], search_languages: Iterable[str]) -> list[str]:
    """The site files that go into a language's copy: its folder ("" for the default language,
    without the other languages' folders) and the theme's `assets/`, source maps, the search's
    files for other languages and the like left out."""
    others = {f"{code}/" for code in other_languages}
    search = lunr_files(search_languages)
    chosen = []
    for name in files:
        if name.endswith(SKIPPED) or posixpath.basename(name) in SKIPPED_FILES:
            continue
        if name.startswith(LUNR) and name not in search:
            continue
        if name.startswith("assets/") or (name.startswith(folder) and not any(name.startswith(o) for o in others)):
            chosen.append(name)
    return sorted(chosen)


def site_files(root: Path, skipped: Collection[str]) -> Iterator[str]:
    """The site's files ("es/crs/index.html"; not broken links), the top folders named in `skipped`
    left out (os.walk: pathlib's rglob took most of the offline copy's time)."""
    for top, folders, files in os.walk(root):
        inside = Path(top).relative_to(root).as_posix()
        if inside == ".":
            inside = ""
            folders[:] = [name for name in folders if name not in skipped]
        yield from (posixpath.join(inside, name) for name in files if os.path.isfile(os.path.join(top, name)))


def lunr_files(languages: Iterable[str]) -> set[str]:
    """The search's language files Material's worker loads for these languages (none for English alone)."""
    languages = list(languages)
    needed = {f"{LUNR}min/lunr.{code}.min.js" for code in languages if code != "en"}
    needed |= {f"{LUNR}tinyseg.js" for code in languages if code == "ja"}
    needed |= {f"{LUNR}wordcut.js" for code in languages if code in ("hi", "th")}
    needed |= {f"{LUNR}min/lunr.multi.min.js"} if len(languages) > 1 else set()
    return needed | {f"{LUNR}min/lunr.stemmer.support.min.js"} if needed else needed


def _as_file(path: str) -> str:
    """A folder's address as its index.html: "crs/" -> "crs/index.html", "." -> "index.html"."""
    if path in ("", "."):
        return "index.html"
    return path + "index.html" if path.endswith("/") else path


def local_link(url: str, page: str, inside: set[str], online: str) -> str:
    """A link of `page` (a path in the site, like "es/crs/index.html") as it must be in the copy: to
    a file of the copy, relative; to a page outside it, its published address. A link from the
    site's root ("/es/", the language menu of home pages) is read from the published address's path."""
    here = posixpath.dirname(page)
    start = here
    if url.startswith("/") and not url.startswith("//"):
        root = urlsplit(online).path or "/"
        if not url.startswith(root):
            return urljoin(online, url)
        url, start = url[len(root):] or "./", ""
    elif _OUTSIDE.match(url):
        return url
    path, mark, rest = _PARTS.match(url).groups()
    folder_link = path.endswith("/") or posixpath.basename(path) in (".", "..")
    target = posixpath.normpath(posixpath.join(start, path))
    target = "" if target == "." else target
    file = _as_file(target + "/" if folder_link and target else target)
    if file in inside:
        return posixpath.relpath(file, here or ".") + mark + rest
    address = target + "/" if folder_link and target else target
    return urljoin(online, address) + mark + rest


def offline_page(html: str, page: str, inside: set[str], online: str, label: str) -> str:
    """One page of the copy: links that work from the disk, the search worker's shim, the download
    link left out and `label` (the copy's date) at the top of the text."""
    html = _LINK.sub(lambda m: m.group(1) + local_link(m.group(2), page, inside, online) + m.group(3), html)
    html = re.sub(rf'<p class="{LINK_CLASS}">.*?</p>\s*', "", html, flags=re.DOTALL)
    shim = posixpath.relpath(WORKER_SHIM, posixpath.dirname(page) or ".")
    html = _HEAD_END.sub(lambda m: f'<script src="{escape(shim)}"></script>\n' + m.group(0), html, count=1)
    return _ARTICLE.sub(lambda m: m.group(0) + f'\n<p class="{LABEL_CLASS}">{label}</p>', html, count=1)


def offline_index(index_json: str) -> str:
    """The language's search index as the script Material loads on `file://`, each result's address
    naming its index.html."""
    index = json.loads(index_json)
    for doc in index.get("docs", []):
        path, mark, rest = _PARTS.match(doc.get("location", "")).groups()
        doc["location"] = _as_file(path) + mark + rest
    return "var __index = " + json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def start_page(target: str, language: str, direction: str, title: str, link_text: str) -> str:
    """The copy's top `index.html` for a language in its own folder: it opens that folder's home."""
    target = escape(target)
    return (f'<!doctype html>\n<html lang="{escape(language)}" dir="{escape(direction)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f'<meta http-equiv="refresh" content="0; url={target}">\n<title>{escape(title)}</title>\n</head>\n'
            f'<body>\n<p><a href="{target}">{escape(link_text)}</a></p>\n</body>\n</html>\n')


def content_key(digests: Mapping[str, str], salt: str) -> str:
    """A hash of what a copy is made from, given each file's hash by its name: the same files (names
    and bytes) give the same copy."""
    digest = hashlib.sha256(salt.encode("utf-8"))
    for name in sorted(digests):
        digest.update(name.encode("utf-8") + b"\0" + digests[name].encode("ascii") + b"\0")
    return digest.hexdigest()[:24]


def zip_bytes(files: Mapping[str, bytes], top: str, day: dt.date) -> bytes:
    """The ZIP of `files` under the folder `top`, every entry dated `day` (the same files give the
    same bytes). PDF and PNG files are stored as they are: they are compressed already."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name.endswith((".pdf", ".png")) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return out.getvalue()


def size_text(size: int) -> str:
    """A file size in whole megabytes, rounded up (a reader on a small data plan is not surprised)."""
    return f"{max(1, -(-size // 1_000_000))} MB"
