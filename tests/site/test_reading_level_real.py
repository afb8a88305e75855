"""The real guide meets the content targets, page by page and language by language, in the build's report."""
from __future__ import annotations

import json
from pathlib import Path

from sitebuild import ROOT

ENGLISH_TARGETS = {"fk_grade": 6.0, "smog": 9.0, "longest_sentence": 25, "avg_sentence": 12}


def report() -> dict[str, dict]:
    data = json.loads((ROOT / ".cache/guide/reading-level.json").read_text(encoding="utf-8"))
    return {p["page"]: p for p in data["pages"]}


def test_the_report_lists_every_page_of_every_language(built_site: Path) -> None:
    pages = report()
    sources = {f"docs/{p.relative_to(ROOT / 'docs').as_posix()}" for p in (ROOT / "docs").rglob("*.md")
               if "_includes" not in p.parts}
    boxes = {f"{box} box ({language})" for language in ("en", "es", "fr", "ar", "zh") for box in ("urgent", "help-now")}
    assert sources | boxes == set(pages)


def test_every_english_page_is_inside_the_content_targets(built_site: Path) -> None:
    for name, page in report().items():
        if page["language"] != "en":
            continue
        metrics = page["scores"]["metrics"]
        for metric, target in ENGLISH_TARGETS.items():
            assert metrics[metric] <= target, f"{name}: {metric} {metrics[metric]} is over the target {target}"
        assert page["status"] == "ok", (name, page["findings"], page["structure"])
        assert page["scores"]["over_25"] == 0


def test_every_spanish_page_reaches_inflesz_65(built_site: Path) -> None:
    spanish = {name: page for name, page in report().items() if page["language"] == "es"}
    assert len(spanish) >= 12
    for name, page in spanish.items():
        assert page["scores"]["metrics"]["inflesz"] >= 65, name
        assert page["status"] == "ok", (name, page["findings"], page["structure"])
