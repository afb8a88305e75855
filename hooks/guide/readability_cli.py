"""`make readability [FILE=docs/en/crs.md]`: the reading-level report without a full site build.

Renders each Markdown page with the site's Markdown extensions, scores it as the build does, and
prints the same table. Exit status 1 when a page is over a fail limit, so it can gate a check.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import markdown
import yaml

from .front_matter import split_front_matter
from .glossary import glossary_page, load_glossary
from .mkdocs_yml import load_mkdocs_yml
from .page_structure import StructureRules, check_structure
from .readability import check_limits, hardest, measure, score
from .readability_report import PageReport, details, table
from .reading_text import sentences_of
from .syllables import EnglishSyllables, counter_for

ROOT = Path(__file__).resolve().parents[2]


def load_settings(config_file: Path) -> dict:
    return load_mkdocs_yml(config_file)


def _extensions(config: dict) -> tuple[list[str], dict]:
    names, configs = [], {}
    for item in config.get("markdown_extensions", []):
        if isinstance(item, dict):
            (name, options), = item.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(item)
    return names, configs


def report_file(path: Path, config: dict, english: EnglishSyllables, root: Path = ROOT) -> PageReport:
    docs = root / config.get("docs_dir", "docs")
    relative = path.resolve().relative_to(docs.resolve())
    language = relative.parts[0]
    text = path.read_text(encoding="utf-8")
    block, _ = split_front_matter(text)
    meta = (yaml.safe_load(block) or {}) if block else {}
    body = text.split("\n---", 2)[-1] if block is not None else text
    glossary_settings = config.get("extra", {}).get("guide", {}).get("glossary", {})
    if relative.name == glossary_settings.get("page", "glossary.md"):  # its text is made from the data
        data = root / glossary_settings.get("folder", "glossary") / f"{language}.yml"
        if data.exists():  # without it the build names the missing file; here there is just nothing to read
            glossary, _ = load_glossary(data.read_text(encoding="utf-8"), data.name, language)
            body = glossary_page(glossary, str(meta.get("title", "")))
    names, configs = _extensions(config)
    html = markdown.markdown(body, extensions=names, extension_configs=configs)
    count = counter_for(language, english)
    sentences = measure(sentences_of(html), count)
    scores = score(sentences, language)
    settings = config.get("extra", {}).get("guide", {}).get("reading_level", {})
    own = meta.get("reading_level") or {}
    page_limits = {k: v for k, v in own.items() if k != "reason"} if own.get("reason") else {}
    structure = settings.get("structure", {})
    rules = StructureRules(
        key_points_ids=tuple(structure.get("key_points_ids", ("key-points",))),
        max_words_between_headings=int(structure.get("max_words_between_headings", 250)),
        action_ids=tuple(structure.get("action_ids", ("what-you-can-do", "when-to-call"))),
        needs_key_points=relative.name not in structure.get("no_key_points", []),
        needs_action=relative.name in structure.get("action_pages", []),
    )
    report = PageReport(f"{docs.name}/{relative.as_posix()}", language, scores,
                        check_limits(scores, settings.get("limits", {}).get(language, {}), page_limits),
                        check_structure(html, rules), reason=str(own.get("reason", "")) if page_limits else "")
    report.hardest = hardest(sentences)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the reading-level report for one page or all pages.")
    parser.add_argument("files", nargs="*", type=Path, help="Markdown pages (default: every page in docs/)")
    parser.add_argument("--all-details", action="store_true", help="show the hardest sentences of every page")
    args = parser.parse_args(argv)
    config = load_settings(ROOT / "mkdocs.yml")
    docs = ROOT / config.get("docs_dir", "docs")
    files = args.files or sorted(p for p in docs.rglob("*.md") if "_includes" not in p.parts)
    cache_path = ROOT / ".cache/guide/syllables-en.json"
    try:
        english = EnglishSyllables(json.loads(cache_path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        english = EnglishSyllables()
    reports = []
    for path in files:
        if not path.exists():
            print(f"{path}: there is no such file.", file=sys.stderr)
            return 2
        reports.append(report_file(path, config, english))
    for line in table(reports):
        print(line)
    for report in reports:
        if report.status != "ok" or args.all_details or len(files) == 1:
            print()
            print("\n".join(details(report)))
    return 1 if any(report.status == "FAIL" for report in reports) else 0


if __name__ == "__main__":
    raise SystemExit(main())
