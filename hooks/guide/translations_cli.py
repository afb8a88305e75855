"""`make translations`: where each translation stands, without a build. Exit status 1 when a
translation is outdated or broken, or a file is in the wrong place, so it can gate a check.

`--stamp docs/es/crs.md` writes the English page's current version into that translation's
front matter (for a maintainer who has just brought it up to date).
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from .glossary import load_glossary
from .history import english_finder
from .readability_cli import ROOT, load_settings, report_file
from .syllables import EnglishSyllables
from .translation_status import as_text, collect
from .translations import check_layout, english_hash


def languages(config: dict) -> tuple[str, dict[str, str], dict[str, bool]]:
    plugin = next((p["i18n"] for p in config.get("plugins", []) if isinstance(p, dict) and "i18n" in p), None)
    if not plugin:
        return "en", {"en": "English"}, {"en": True}
    langs = plugin["languages"]
    default = next((lang["locale"] for lang in langs if lang.get("default")), langs[0]["locale"])
    return default, {lang["locale"]: lang["name"] for lang in langs}, {lang["locale"]: lang.get("build", True) for lang in langs}


def add_reading_levels(statuses: list, docs: Path, config: dict, root: Path, cache: dict | None = None) -> None:
    """Fill each status's reading-level summary; `cache` maps a page text's hash to its summary."""
    import hashlib

    english = EnglishSyllables()
    cache = cache if cache is not None else {}
    for status in statuses:
        for page in status.pages:
            if page.state not in ("fresh", "outdated"):
                continue
            path = docs / status.language / page.page
            key = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            if key not in cache:
                report = report_file(path, config, english, root)
                metric = {"es": "inflesz", "fr": "kandel_moles", "de": "amstad"}.get(status.language, "lix")
                value = report.scores.metrics.get(metric)
                cache[key] = f"{metric} {value:g}, {report.status}" if value is not None else report.status
            status.reading[page.page] = cache[key]


def stamp(path: Path, docs: Path, default: str) -> str:
    relative = path.resolve().relative_to(docs.resolve())
    english = docs / default / Path(*relative.parts[1:])
    version = english_hash(english.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    if re.search(r"^translation_of:.*$", text, flags=re.M):
        text = re.sub(r"^translation_of:.*$", f"translation_of: {version}", text, count=1, flags=re.M)
    else:
        text = re.sub(r"^---\n", f"---\ntranslation_of: {version}\n", text, count=1)
    path.write_text(text, encoding="utf-8")
    return f"{path}: translation_of: {version}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Show where each translation stands.")
    parser.add_argument("--stamp", nargs="+", type=Path, metavar="FILE",
                        help="mark these translations as made from the current English page")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    root = args.config.resolve().parent
    config = load_settings(args.config)
    docs = root / config.get("docs_dir", "docs")
    default, names, builds = languages(config)
    if args.stamp:
        for path in args.stamp:
            print(stamp(path, docs, default))
        return 0
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted(docs.rglob("*.md")) if "_includes" not in p.parts}
    folder = root / config.get("extra", {}).get("guide", {}).get("glossary", {}).get("folder", "glossary")
    problems = check_layout(pages, names, default, [p.name for p in folder.glob("*.yml")], folder.name)
    ids = {}
    for data_file in folder.glob("*.yml"):
        glossary, found = load_glossary(data_file.read_text(encoding="utf-8"), data_file.name, data_file.stem)
        ids[data_file.stem] = {entry.id for entry in glossary.entries}
    statuses = collect(pages, names, default, ids, english_finder(root, f"{docs.name}/{default}"),
                       frozenset(config.get("extra", {}).get("guide", {}).get("english_only", [])))
    add_reading_levels(statuses, docs, config, root)
    for status in statuses:
        if not builds.get(status.language, True):
            status.name += " (not built yet)"
    print(as_text(statuses))
    for problem in problems:
        print(problem)
    broken = problems or not all(status.ok for status in statuses)
    if broken:
        print("\nSomething needs attention: see the lines marked OUTDATED or with a fix above.")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
