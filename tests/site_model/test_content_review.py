"""What the content review of issue 11 found stays fixed, in every language (no build needed)."""
from __future__ import annotations

import re

import pytest

from sitebuild import ROOT

TEXTS = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
         for p in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "docs").rglob("*.yml"), *(ROOT / "glossary").glob("*.yml")]}


@pytest.mark.parametrize(("wrong", "why"), [
    (r"PET-CT", "comes only from the page furniture of source 000"),
    (r"form a lump|forman? un bulto|forment une masse", "lymphomas often form lumps: say 'start in organs or tissues'"),
    (r"Las primeras señales son", "a partial list made complete: 'Entre las primeras señales están'"),
    (r"\bataques?\b", "ambiguous for seizure: 'crisis convulsiva'"),
    (r"recuentos de la sangre", "one term: 'recuentos sanguíneos'"),
    (r"no le sigue\b", "'no le rastrea'"),
    (r"crises d'épilepsie", "'crises convulsives'"),
    (r"\bremplacement\b", "anglicism: 'traitement substitutif par immunoglobulines'"),
    (r"Elle est souvent basse", "blood counts are plural, and the source says 'common'"),
    (r"sigue bajo control", "English hedges: 'helps keep the cancer under control'"),
])
def test_a_review_finding_does_not_come_back(wrong: str, why: str) -> None:
    found = [name for name, text in TEXTS.items() if re.search(wrong, text)]
    assert found == [], f"{wrong!r} ({why}) is back in {found}"


def test_the_review_fixes_are_there() -> None:
    assert "pet-ct:" not in TEXTS["glossary/en.yml"]
    assert "It is not chemotherapy" not in TEXTS["docs/en/what-is-car-t.md"]
    assert "short course of chemotherapy" in TEXTS["docs/en/what-is-car-t.md"]
    assert "IgIV; en inglés, IVIG" in TEXTS["docs/es/questions.md"] + TEXTS["docs/es/other-side-effects.md"]
    assert "b-cell-lymphoma:" in TEXTS["glossary/en.yml"]  # so "B-cell" does not mark "B-cell lymphoma"
    help_card = TEXTS["docs/en/get-help.md"]
    for sign in ("Trouble finding words", "Trouble writing", "Trouble paying attention", "Feeling shaky"):
        assert sign in help_card  # the early ICANS signs are on the help card
    assert "what temperature they want you to call at" in help_card  # the sources give no number
