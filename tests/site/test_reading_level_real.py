"""The real English guide meets the content targets, page by page, in the build's own report."""
from __future__ import annotations

import json
from pathlib import Path

from sitebuild import ROOT

TARGETS = {"fk_grade": 6.0, "smog": 9.0, "longest_sentence": 25, "avg_sentence": 12}


def test_every_english_page_is_inside_the_content_targets(built_site: Path) -> None:
    report = json.loads((ROOT / ".cache/guide/reading-level.json").read_text(encoding="utf-8"))
    pages = {p["page"]: p for p in report["pages"]}
    sources = {f"docs/en/{p.name}" for p in (ROOT / "docs/en").glob("*.md")}
    assert sources | {"urgent box (en)"} == set(pages), "the report must list every page"
    for name, page in pages.items():
        metrics = page["scores"]["metrics"]
        for metric, target in TARGETS.items():
            assert metrics[metric] <= target, f"{name}: {metric} {metrics[metric]} is over the target {target}"
        assert page["status"] == "ok", (name, page["findings"], page["structure"])
        assert page["scores"]["over_25"] == 0
