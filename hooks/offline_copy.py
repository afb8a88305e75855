"""MkDocs hook: one offline copy per language (a ZIP a reader opens from the disk), made with the
handouts, cached by a hash of its files, linked from the pages named in `offline.pages` with its
size. Logic in guide.offline_copy.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from guide import offline_copy as oc
from guide.bidi import isolate_ltr_runs
from guide.disk_cache import Memo, cached_file, file_stamp, place
from guide.page_record import OfflineLink
from guide.review_dates import TODAY_VARIABLE, format_date, today_from
from guide_site import site


@dataclass
class LinkingPages:
    built: dict[str, list[Path]] = field(default_factory=dict)  # per language: the pages with the link


def _file_name(language: str) -> str:
    return site.project.settings.offline.file.format(language=language)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    record = site.record(page, config)
    if site.makes_files() and record.name in site.project.settings.offline.pages:
        zip_url = get_relative_url(site.folder(record.site_language) + _file_name(record.site_language), page.url)
        note = str(escape(record.strings["offline_note"])).replace("{size}", oc.SIZE_MARK)
        record.offline = OfflineLink(zip_url, record.strings["offline_link"], note)
        site.state(LinkingPages).built.setdefault(record.site_language, []).append(Path(page.file.abs_dest_path))
    return context


# After the language's handouts (0) and its search index (-110): the copy holds both.
@event_priority(-150)
def on_post_build(config: MkDocsConfig) -> None:
    if not site.makes_files():
        return
    language = site.language(config)
    size = oc.size_text(_make_copy(config, language))
    if site.project.language(language).direction == "rtl":  # the page's other numbers are isolated already
        size = f'<bdi dir="ltr">{size}</bdi>'
    for path in site.state(LinkingPages).built.pop(language, []):
        path.write_text(path.read_text(encoding="utf-8").replace(oc.SIZE_MARK, size), encoding="utf-8")


def _make_copy(config: MkDocsConfig, language: str) -> int:
    """Make (or take from the cache) the language's ZIP in its folder; its size in bytes."""
    project, root = site.project, Path(config.site_dir)
    folder = site.folder(language)
    index = (root / folder / oc.INDEX_JSON).read_text(encoding="utf-8")
    others = [code for code in project.inputs.built if code != language and not site.is_default(code)]
    names = oc.members(oc.site_files(root, others), folder, others, json.loads(index)["config"]["lang"])
    digests = {name: _digest(root / name) for name in names}
    strings = project.strings.get(language, project.strings[project.default])
    salt = "\n".join([_file_name(language), strings["offline_copy"], strings["offline_open"], index])
    made: list[bool] = []  # only to say whether the copy was made now or reused

    def make() -> bytes:
        made.append(True)
        day, files = _today(), {name: (root / name).read_bytes() for name in names}
        return oc.zip_bytes(_copy_files(config, language, folder, files, strings, index, day), Path(_file_name(language)).stem, day)

    kept = cached_file(project.root / project.settings.offline.cache, language, [oc.content_key(digests, salt)], make, ".zip")
    target = root / folder / _file_name(language)
    place(kept, target)  # a link, not 27 MB of ZIP files written again in every build
    size = kept.stat().st_size
    site.info(f"Offline copy ({language}): {target.name}, {oc.size_text(size)}{'' if made else ' (unchanged)'}")
    return size


class FileDigests(Memo):
    """Each site file's hash, by its path, size, time and inode: the handouts are links to kept files
    that do not change, so a build reads again only the pages it wrote again, not 27 MB of PDFs."""


def _digest(path: Path) -> str:
    return site.memo(FileDigests, "file-digests.pickle").get(file_stamp(path, changed_time=False),
                                                            lambda: hashlib.sha256(path.read_bytes()).hexdigest())


def _today() -> dt.date:
    try:
        return today_from(os.environ.get(TODAY_VARIABLE))
    except ValueError as error:
        raise site.fail(str(error)) from None


def _copy_files(config: MkDocsConfig, language: str, folder: str, files: dict[str, bytes],
                strings: dict[str, str], index: str, day: dt.date) -> dict[str, bytes]:
    """The copy's files: pages that work from the disk, the search index as a script, a start page."""
    project = site.project
    online, home = site.address(config), site.address(config, folder)
    label = str(escape(strings["offline_copy"])).replace("{date}", escape(format_date(day, language))).replace(
        "{address}", f'<a href="{escape(home)}" dir="ltr">{escape(home)}</a>')
    if project.language(language).direction == "rtl":  # the date's numbers and the address read left to right
        label = isolate_ltr_runs(label, "rtl")
    inside = set(files)
    copy = {name: oc.offline_page(data.decode("utf-8"), name, inside, online, label).encode("utf-8")
            if name.endswith(".html") else data for name, data in files.items()}
    copy[folder + oc.INDEX_SCRIPT] = oc.offline_index(index).encode("utf-8")
    if folder:
        record = project.language(language)
        copy["index.html"] = oc.start_page(f"{folder}index.html", language, record.direction,
                                           config.site_name or "", strings["offline_open"]).encode("utf-8")
    return copy
