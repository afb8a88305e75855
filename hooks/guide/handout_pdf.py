"""Render handout HTML to tagged PDF with WeasyPrint: cached by content, in parallel, every problem named."""
from __future__ import annotations

import functools
import hashlib
import html as html_lib
import io
import json
import logging
import os
import re
import shutil
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Set as AbstractSet
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .disk_cache import place, write_new

PDF_VARIANT = "pdf/ua-1"  # tagged PDF, so that screen readers can read it


@dataclass
class Job:
    label: str                 # what a writer knows it by: "docs/es/crs.md (large print)"
    html: str
    base_url: str              # where relative images resolve: the page's folder in site/
    outputs: list[Path]
    max_pages: int | None = None  # the "when to get help" card must fit on one sheet
    key: str = ""


@dataclass
class Result:
    key: str
    pages: int
    problems: list[str] = field(default_factory=list)
    cached: bool = False


def fonts_version(digests: Iterable[str]) -> str:
    """One short hash for a set of font files, from each file's `file_digest`."""
    return hashlib.sha256("".join(digests).encode("ascii")).hexdigest()[:16]


def file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def cache_key(job_html: str, salt: str) -> str:
    """Everything a handout is made from: its HTML (template, CSS, content, words) and, in `salt`,
    the fonts and the WeasyPrint version."""
    return hashlib.sha256(f"{salt}\n{job_html}".encode("utf-8")).hexdigest()[:24]


def missing_glyphs(text: str, cmap: AbstractSet[int]) -> list[str]:
    """Characters of `text` that the font cannot draw (which would print as empty boxes)."""
    # Format characters (direction marks and isolates, zero-width spaces) are never drawn.
    return sorted(c for c in set(text) if not c.isspace() and ord(c) >= 32 and unicodedata.category(c) != "Cf"
                  and ord(c) not in cmap)


def visible_text(document: str) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", document, flags=re.S | re.I)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", body))


def font_family(path: str) -> str:
    """A font file's family name (of its first face), as fontconfig knows it."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True, fontNumber=0) as font:
        return font["name"].getBestFamilyName()


def collection_faces(path: str) -> list[str]:
    """The family names of the fonts in a font collection (.ttc), in order; [] for a file of one font."""
    from fontTools.ttLib import TTCollection, TTLibError

    with open(path, "rb") as file:
        try:
            collection = TTCollection(file, lazy=True)
        except TTLibError:  # "Not a Font Collection"
            return []
        return [font["name"].getBestFamilyName() for font in collection.fonts]


def face_bytes(path: str, face: str) -> bytes:
    """The font named `face` in the collection at `path`, as a font file of its own: WeasyPrint only
    reads the first font of a collection (in Noto Sans CJK, the Japanese one). Raises ValueError
    with the problem and its fix."""
    from fontTools.ttLib import TTFont

    try:
        faces = collection_faces(path)
        family = "" if faces else font_family(path)
    except Exception as error:  # a damaged file fails in many ways inside fontTools (even assertions)
        raise ValueError(f"{path} cannot be read as a font ({error}).") from None
    if face not in faces:
        if faces:
            raise ValueError(f"{path} holds no font named '{face}'. It holds: {', '.join(faces)}. Use one of these names.")
        raise ValueError(f"{path} holds one font only ({family}). Remove face:, or name a .ttc file.")
    # The same bytes at every build (not stamped with the time), so kept handouts stay valid.
    with TTFont(path, fontNumber=faces.index(face), lazy=True, recalcTimestamp=False) as font:
        out = io.BytesIO()
        font.save(out)
        return out.getvalue()


def font_cmap(path: str) -> set[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True, fontNumber=0) as font:  # a collection (.ttc): its first face
        return set(font.getBestCmap())


CREATED = "__GUIDE_CREATED__"  # stands for the creation time in the HTML, so it is not part of the cache key
QR = "__GUIDE_QR__"  # stands for the QR code, made from the address (already in the HTML) only when rendering
QR_URL = re.compile(r'data-qr="([^"]*)"')
# A handout that runs over its page limit, or whose last page holds only a few lines, is laid out
# again: a little tighter (it may lose its last page), or else a little looser (its last page fills
# up); classes in handout.css. The templates end with this mark.
END_MARK = "guide-end"
TAIL = 0.33          # the end mark above this share of the last page's height: a tail of a few lines
LAYOUTS = ("tight", "tight tighter", "loose", "loose looser")

_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


@functools.lru_cache(maxsize=16)
def _shared_stylesheet(css: str):
    """The stylesheet all handouts of a font set share, with its fonts: loaded once per worker process
    (WeasyPrint parsed it and loaded the fonts again for every PDF). Its font paths are absolute."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return weasyprint.CSS(string=css, base_url="file:///", font_config=fonts), fonts


def _render(job: Job) -> tuple[bytes, int, list[str]]:
    """Runs in a worker process: WeasyPrint's warnings (a missing image, a bad rule) become problems."""
    import weasyprint

    problems: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                problems.append(record.getMessage())

    handler = Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        source = job.html.replace(CREATED, now_iso())
        if QR in source:
            from .handout_html import qr_data_uri

            url = html_lib.unescape(QR_URL.search(source).group(1))
            source = source.replace(QR, qr_data_uri(url))
        if os.environ.get("GUIDE_BENCH_NO_SHARING"):  # `make bench` measures the cost per PDF without the sharing
            _shared_stylesheet.cache_clear()
        styles, source = _STYLE.findall(source), _STYLE.sub("", source)
        shared, fonts = _shared_stylesheet(styles[0]) if styles else (None, None)
        sheets = [shared, *(weasyprint.CSS(string=css, base_url=job.base_url, font_config=fonts) for css in styles[1:])]

        def render(html: str):
            return weasyprint.HTML(string=html, base_url=job.base_url).render(
                stylesheets=[s for s in sheets if s is not None], font_config=fonts, pdf_variant=PDF_VARIANT)

        document = render(source)
        for layout in LAYOUTS if needs_relayout(document.pages, job.max_pages) else ():
            if job.max_pages and layout.startswith("loose"):
                break  # a page limit only gets tighter
            candidate = render(source.replace('<body class="', f'<body class="{layout} ', 1))
            if not needs_relayout(candidate.pages, job.max_pages):
                document = candidate  # else the first layout stays: a try may only make it better
                break
        data = document.write_pdf(pdf_variant=PDF_VARIANT)
    finally:
        logger.removeHandler(handler)
    return data, len(document.pages), problems


def needs_relayout(pages: list, max_pages: int | None) -> bool:
    """Over its page limit, or a last page that holds only a tail (where the end mark sits high)."""
    if max_pages and len(pages) > max_pages:
        return True
    if len(pages) < 2 or END_MARK not in pages[-1].anchors:
        return False
    return pages[-1].anchors[END_MARK][1] < TAIL * pages[-1].height


def _work(job: Job) -> tuple[str, bytes, int, list[str]]:
    data, pages, problems = _render(job)
    return job.key, data, pages, problems


def build(jobs: list[Job], cache_dir: Path, salt: str, workers: int | None = None,
          progress: Callable[[int, int], None] = lambda done, total: None) -> list[Result]:
    """Write every job's PDF to its outputs; render only what the cache does not hold."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Result] = {}
    todo: list[Job] = []
    for job in jobs:
        job.key = cache_key(job.html, f"{salt}; at most {job.max_pages} pages")
        meta = cache_dir / f"{job.key}.json"
        if meta.exists() and (cache_dir / f"{job.key}.pdf").exists():
            saved = json.loads(meta.read_text(encoding="utf-8"))
            results[job.key] = Result(job.key, saved["pages"], saved["problems"], cached=True)
        else:
            todo.append(job)
    total, done = len(todo), 0
    if todo:
        check_weasyprint()
        workers = max(1, min(workers or os.cpu_count() or 1, len(todo)))
        executor = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
        try:
            outputs = executor.map(_work, todo) if executor else map(_work, todo)
            for key, data, pages, problems in outputs:
                write_new(cache_dir / f"{key}.pdf", data)
                (cache_dir / f"{key}.json").write_text(json.dumps({"pages": pages, "problems": problems}), "utf-8")
                results[key] = Result(key, pages, problems)
                done += 1
                progress(done, total)
        finally:
            if executor:
                executor.shutdown()
    for job in jobs:
        for output in job.outputs:
            place(cache_dir / f"{job.key}.pdf", output)
    return [results[job.key] for job in jobs]


# Each edit of a page makes its PDFs again under new names: kept for good, they had filled 468 MB
# (4846 PDFs, 210 of them in use). A PDF that no build has used for this long is deleted.
KEEP_UNUSED_DAYS = 14
LAST_USED = "last-used.json"


def stale_keys(last_used: Mapping[str, str], present: Iterable[str], today: date,
               keep_days: int = KEEP_UNUSED_DAYS) -> set[str]:
    """The kept handouts no build has used for `keep_days`: `last_used` gives each key's last day
    (ISO dates); a key it lacks counts as used today, as if this were the first pruning."""
    oldest = (today - timedelta(days=keep_days)).isoformat()
    return {key for key in present if last_used.get(key, today.isoformat()) < oldest}


def forget_unused(cache_dir: Path, used: Iterable[str], today: date) -> None:
    """Note today as the last use of `used` (every language's handouts of this run), and delete the
    kept handouts no build has used for KEEP_UNUSED_DAYS. Of two builds at once, one's notes may be
    lost: its PDFs are then deleted early or made again, never wrong."""
    index = cache_dir / LAST_USED
    try:
        last_used: dict[str, str] = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last_used = {}
    last_used.update(dict.fromkeys(used, today.isoformat()))
    present = {path.stem for path in cache_dir.glob("*.pdf")}
    stale = stale_keys(last_used, present, today)
    for key in stale:
        for suffix in (".pdf", ".json"):
            (cache_dir / f"{key}{suffix}").unlink(missing_ok=True)
    kept = {key: last_used.get(key, today.isoformat()) for key in present - stale}
    write_new(index, json.dumps(kept, sort_keys=True, indent=0).encode("utf-8"))


def weasyprint_version() -> str:
    """WeasyPrint's version, read without importing it (the import takes most of a second)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("weasyprint")
    except PackageNotFoundError:
        raise RuntimeError("the weasyprint package is not installed") from None


def check_weasyprint() -> None:
    """Import WeasyPrint once, only when something must be rendered: it needs the Pango library."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as error:  # OSError: the Pango library is missing
        raise RuntimeError(str(error)) from None


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
