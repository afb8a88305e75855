"""The glossary in the real site: every content page explains terms, every entry has its anchor."""
from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from sitebuild import ROOT

DOCS = ROOT / "docs" / "en"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def entries() -> dict:
    return yaml.safe_load((ROOT / "glossary" / "en.yml").read_text(encoding="utf-8"))["terms"]


def test_glossary_has_the_terms_the_guide_needs() -> None:
    data = entries()
    assert len(data) >= 30
    forms = {form.casefold() for entry in data.values() for form in [entry["term"], *entry.get("aliases", [])]}
    for needed in [
        "T cell", "T lymphocyte", "CAR", "chimeric antigen receptor", "CAR T-cell therapy", "immunotherapy",
        "antigen", "marker", "CD19", "BCMA", "leukapheresis", "lymphodepleting chemotherapy", "infusion",
        "cytokine", "cytokine release syndrome", "CRS", "tocilizumab", "steroids", "corticosteroids", "ICANS",
        "neurotoxicity", "anti-seizure medicine", "intensive care", "blood counts", "B cell", "antibody",
        "immunoglobulin", "IVIG", "infection", "relapsed", "refractory", "remission",
        "acute lymphoblastic leukemia", "non-Hodgkin lymphoma", "multiple myeloma", "follicular lymphoma",
        "stem cell transplant", "chemotherapy", "clinical trial", "solid tumor", "allogeneic", "off-the-shelf",
        "survivorship care plan", "B-cell lymphoma", "immunoglobulin replacement",
    ]:
        assert needed.casefold() in forms, needed


def test_glossary_page_lists_every_entry_with_its_anchor(built_site: Path) -> None:
    page = soup(built_site / "glossary" / "index.html")
    anchors = {h["id"] for h in page.select(".md-content h3.guide-entry")}
    assert anchors == set(entries())
    letters = [a.get_text() for a in page.select(".guide-letters a")]
    assert letters == sorted(letters) and len(letters) >= 10


def test_every_content_page_has_marked_terms_that_link_to_real_entries(built_site: Path) -> None:
    known = set(entries())
    for source in sorted(DOCS.glob("*.md")):
        if source.name == "glossary.md" or "glossary: false" in source.read_text(encoding="utf-8"):
            continue
        path = built_site / "index.html" if source.stem == "index" else built_site / source.stem / "index.html"
        page = soup(path)
        marks = page.select(".md-content a.guide-term")
        assert marks, f"{source.name} has no marked glossary term"
        for mark in marks:
            assert mark["href"].split("#")[1] in known
            assert mark["href"].split("#")[0].endswith("glossary/")
            assert page.select_one(f"#guide-def-{mark['data-guide-term']}") is not None
        # First occurrence only, by default.
        ids = [mark["data-guide-term"] for mark in marks]
        assert len(ids) == len(set(ids)), source.name
        # Never in headings, links, code or admonition titles.
        for mark in marks:
            assert not mark.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"])
            assert not mark.find_parent(class_="admonition-title")
