"""Checks over the real site after one strict build: pages, navigation, urgent box, links, privacy."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guide.front_matter import split_front_matter
from guide.site_check import check_site
from sitebuild import ROOT, real_config

DOCS = ROOT / "docs" / "en"


def nav_files(nav: list) -> list[str]:
    files: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        files += nav_files(value) if isinstance(value, list) else [value]
    return files


def page_files() -> list[str]:
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if "_includes" not in p.parts)


def built_path(site: Path, name: str) -> Path:
    stem = name.removesuffix(".md")
    return site / "index.html" if stem == "index" else site / stem / "index.html"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_nav_and_page_files_match() -> None:
    in_nav = nav_files(real_config()["nav"])
    assert len(in_nav) == len(set(in_nav)), "a page is in the navigation twice"
    assert sorted(in_nav) == page_files()


def test_the_required_pages_exist() -> None:
    required = {
        "index.md", "what-is-car-t.md", "steps.md", "who-may-get-it.md", "crs.md", "icans.md",
        "other-side-effects.md", "get-help.md", "after-treatment.md", "questions.md", "glossary.md", "about.md",
        "how-made.md",
    }
    assert required <= set(page_files())


def test_every_nav_page_is_built_with_its_title(built_site: Path) -> None:
    for name in nav_files(real_config()["nav"]):
        path = built_path(built_site, name)
        assert path.exists(), f"{name} was not built"
        page = soup(path)
        assert page.find("h1") is not None, f"{name} has no main heading"
        assert page.find("meta", attrs={"name": "description"})["content"].strip()


@pytest.mark.parametrize(("language", "fever"), [("en", "fever"), ("es", "fiebre"), ("fr", "fièvre"), ("ar", "حمى"), ("zh", "发烧")])
def test_help_under_every_title_and_the_full_box_where_listed_in_the_readers_language(
        built_site: Path, language: str, fever: str) -> None:
    import json

    import yaml

    words = yaml.safe_load((ROOT / "docs" / language / "_includes" / "strings.yml").read_text(encoding="utf-8"))
    box_source = (ROOT / "docs" / language / "_includes" / "urgent.md").read_text(encoding="utf-8")
    guide = real_config()["extra"]["guide"]
    site = built_site if language == "en" else built_site / language
    for name in page_files():
        page = soup(built_path(site, name))
        parts = page.select(".md-content .guide-help-now")
        if name == guide.get("help_page", "get-help.md"):  # it starts with the picture of the signs instead
            assert parts == [] and page.select_one("h1").find_next_sibling().name == "figure", name
        else:
            assert len(parts) == 1, f"{language}/{name} has {len(parts)} help parts"
            part = parts[0]
            assert part.find_previous_sibling().name == "h1", f"{language}/{name}: the help part is not under the title"
            assert part["lang"] == language and words["help_now_title"] in part.get_text(" ", strip=True)
            assert fever in part.get_text().lower()
            assert [a["href"] for a in part.select("a")] == ["../get-help/" if name != "index.md" else "get-help/"]
        boxes = page.select(".md-content .admonition.guide-urgent")
        assert len(boxes) == (1 if name in guide["urgent_box_pages"] else 0), f"{language}/{name}: {len(boxes)} urgent boxes"
        if boxes:
            assert boxes[0].select_one(".admonition-title").get_text(strip=True) in box_source
    # Both are on many pages, so they stay out of the search index (else every page matches "fever").
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for text in (words["help_now_later"], box_source.strip().splitlines()[-2].strip()):
        assert sum(text in doc["text"] for doc in docs) == 0, text


def test_page_descriptions_are_used_in_the_html(built_site: Path) -> None:
    import yaml

    for name in page_files():
        block, _ = split_front_matter((DOCS / name).read_text(encoding="utf-8"))
        meta = yaml.safe_load(block)
        tag = soup(built_path(built_site, name)).find("meta", attrs={"name": "description"})
        assert tag["content"] == meta["description"]


def test_nothing_loads_from_another_host_and_every_link_resolves(built_site: Path) -> None:
    assert check_site(built_site) == []


def test_no_web_fonts_or_analytics(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for needle in ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "google-analytics"):
            assert needle not in html, f"{path.relative_to(built_site)} mentions {needle}"


def test_search_index_has_the_help_page(built_site: Path) -> None:
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"] if "fever" in doc["text"].lower()}
    assert any(location.startswith("get-help/") for location in locations)


def test_search_leaves_out_the_translation_status_table(built_site: Path) -> None:
    """The table names every page, so it would match most searches a reader makes."""
    import json

    for index in built_site.rglob("search/search_index.json"):
        locations = [doc["location"] for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]]
        assert not any(location.startswith("translation-status/") for location in locations), index
        assert any(location.startswith("translating/") for location in locations), index  # the guide for translators stays


@pytest.mark.parametrize("name", ["crs.md", "icans.md", "other-side-effects.md", "get-help.md"])
def test_action_pages_have_a_numbered_list(built_site: Path, name: str) -> None:
    assert soup(built_path(built_site, name)).select(".md-content ol"), f"{name} has no numbered list"


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_shows_when_it_was_checked_and_when_it_is_due(built_site: Path, language: str) -> None:
    import datetime as dt

    import yaml

    from guide.review_dates import add_months

    months = real_config()["extra"]["guide"].get("review_interval_months", 12)
    words = yaml.safe_load((ROOT / "docs" / language / "_includes" / "strings.yml").read_text(encoding="utf-8"))
    site = built_site if language == "en" else built_site / language
    for name in page_files():
        source = ROOT / "docs" / language / name
        source = source if source.exists() else DOCS / name   # a page shown in English
        reviewed = yaml.safe_load(split_front_matter(source.read_text(encoding="utf-8"))[0])["reviewed"]
        lines = soup(built_path(site, name)).select(".md-content .guide-review")
        assert len(lines) == 1, f"{language}/{name} has {len(lines)} review lines"
        times = [t["datetime"] for t in lines[0].select("time[datetime]")]
        assert times == [reviewed.isoformat(), add_months(reviewed, months).isoformat()], (language, name)
        assert dt.date.fromisoformat(times[1]) > dt.date.fromisoformat(times[0])
        text = lines[0].get_text(" ", strip=True)
        for key in ("reviewed_on", "review_due"):
            assert words[key].split("{date}")[0].strip() in text, (language, name, key)


def test_how_this_guide_is_made_is_in_english_and_spanish_and_linked_from_about(built_site: Path) -> None:
    for site, title in ((built_site, "How this guide is made"), (built_site / "es", "Cómo se hace esta guía")):
        page = soup(built_path(site, "how-made.md"))
        assert page.find("h1").get_text(strip=True).startswith(title)
        assert page.select_one(".guide-notice--fallback") is None
        assert page.select_one("#key-points") is not None and page.select_one("#report-mistake") is not None
        about = soup(built_path(site, "about.md"))
        assert about.select_one('.md-content a[href="../how-made/"]') is not None


@pytest.mark.parametrize("language", ["en", "es"])
def test_pictures_are_on_their_pages_in_the_pages_words_and_out_of_search(built_site: Path, language: str) -> None:
    import json

    import yaml

    words = yaml.safe_load((ROOT / "docs" / language / "_includes" / "strings.yml").read_text(encoding="utf-8"))
    site = built_site if language == "en" else built_site / language
    where = {"index.md": "treatment-steps", "steps.md": "treatment-steps", "what-is-car-t.md": "car-finds-antigen",
             "get-help.md": "warning-signs", "other-side-effects.md": "after-infusion", "icans.md": "early-icans"}
    for name, picture in where.items():
        figure = soup(built_path(site, name)).select_one(f".md-content figure.guide-picture--{picture}")
        assert figure is not None, (language, name)
        svg = figure.select_one("svg")
        assert svg["role"] == "img" and svg.select_one("title").get_text() == words[f"{picture.replace('-', '_')}_alt"]
        assert figure.select_one("figcaption").get_text() == words[f"{picture.replace('-', '_')}_caption"]
        assert figure.find_parent(attrs={"lang": True})["lang"] == language  # its words are in the page's language
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    only_in_pictures = words["treatment_steps_lab_note"]
    assert only_in_pictures in soup(built_path(site, "steps.md")).get_text()
    assert not any(only_in_pictures in doc["text"] for doc in docs), "picture words are in the search index"
