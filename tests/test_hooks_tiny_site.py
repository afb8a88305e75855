"""The hooks on a tiny site built from the real settings: exact output and exact messages."""
from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from sitebuild import make_tiny_site, run_mkdocs_build

GOOD = """---
title: {title}
description: A short page for a test.
reviewed: 2026-11-25
sources:
  - 001_d32869e5158d1a68.txt
---

# {title}

Some text for your care team.
"""
HELP = GOOD.format(title="Help") + "\n## When to call {#when-to-call}\n\n1. Call.\n"


def site_pages(**overrides: str) -> dict[str, str]:
    pages = {"index.md": GOOD.format(title="Home"), "get-help.md": HELP}
    pages.update(overrides)
    return pages


def test_help_part_under_every_title_and_the_full_box_only_where_listed(tmp_path: Path) -> None:
    config = make_tiny_site(tmp_path, site_pages(**{"crs.md": GOOD.format(title="CRS")}))
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    pages = {name: (tmp_path / "site" / name).read_text(encoding="utf-8")
             for name in ("index.html", "get-help/index.html", "crs/index.html")}
    for name in ("index.html", "crs/index.html"):  # right under the title, before the page's own text
        html = pages[name]
        assert html.count('class="guide-help-now"') == 1
        assert html.index("</h1>") < html.index("guide-help-now") < html.index("Some text for your")
        part = BeautifulSoup(html, "html.parser").select_one(".guide-help-now")
        assert [a["href"] for a in part.select("a")] == ["get-help/" if name == "index.html" else "../get-help/"]
    assert "guide-help-now" not in pages["get-help/index.html"]  # the help page starts with the signs
    # The full box ends only the pages listed in urgent_box_pages (crs.md is), after the page's text.
    assert "guide-urgent" not in pages["index.html"] and "guide-urgent" not in pages["get-help/index.html"]
    assert pages["crs/index.html"].count('class="admonition danger guide-urgent"') == 1
    assert pages["crs/index.html"].index("Some text for your") < pages["crs/index.html"].index("guide-urgent")


def test_missing_key_fails_the_strict_build_naming_file_and_key(tmp_path: Path) -> None:
    page = GOOD.format(title="Home").replace("reviewed: 2026-11-25\n", "")
    config = make_tiny_site(tmp_path, site_pages(**{"index.md": page}))
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert 'docs/en/index.md:2: front matter key "reviewed" is missing.' in result.stderr
    assert result.stderr.count("WARNING") == 1


def test_broken_yaml_fails_the_build_naming_file_and_line(tmp_path: Path) -> None:
    page = GOOD.format(title="Home").replace("description: A short", "description: Note: a short")
    config = make_tiny_site(tmp_path, site_pages(**{"index.md": page}))
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/en/index.md:3: the front matter is not valid YAML" in result.stderr
    # MkDocs alone would have built the page with the broken YAML shown as text.
    assert not (tmp_path / "site" / "index.html").exists()


def test_missing_urgent_box_file_is_a_clear_error(tmp_path: Path) -> None:
    config = make_tiny_site(tmp_path, site_pages())
    (tmp_path / "docs/en/_includes/urgent.md").unlink()
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "the urgent box for the language 'en' is missing" in result.stderr


def test_broken_link_fails_the_strict_build(tmp_path: Path) -> None:
    page = GOOD.format(title="Home") + "\nSee [the missing page](nowhere.md) and [a bad part](get-help.md#nope).\n"
    config = make_tiny_site(tmp_path, site_pages(**{"index.md": page}))
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "nowhere.md" in result.stderr
    assert "#nope" in result.stderr


def test_compiled_templates_are_kept_between_builds_and_give_the_same_pages(tmp_path: Path) -> None:
    config = make_tiny_site(tmp_path, site_pages())
    assert run_mkdocs_build(config, tmp_path / "site").returncode == 0
    kept = {path: path.stat().st_mtime_ns for path in (tmp_path / ".cache/guide/templates").glob("*/*.cache")}
    assert len(kept) > 20  # the theme's main template and its partials, and ours
    assert run_mkdocs_build(config, tmp_path / "again").returncode == 0
    # Read back, not compiled and written again; and the pages come out the same.
    assert {path: path.stat().st_mtime_ns for path in kept} == kept
    for name in ("index.html", "get-help/index.html", "404.html"):
        assert (tmp_path / "again" / name).read_text(encoding="utf-8") == (tmp_path / "site" / name).read_text(encoding="utf-8")


def test_a_template_cache_that_cannot_be_written_leaves_the_build_as_it_was(tmp_path: Path) -> None:
    from types import SimpleNamespace

    import jinja2
    from template_cache import on_env

    (tmp_path / "blocked").write_text("a file where the cache folder would go", encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), extra={"guide": {"reading_level": {"cache": "blocked"}}})
    env = on_env(jinja2.Environment(), config, None)
    assert env.bytecode_cache is None
    config.extra["guide"]["reading_level"]["cache"] = "kept"
    assert isinstance(on_env(jinja2.Environment(), config, None).bytecode_cache, jinja2.FileSystemBytecodeCache)
    assert len(list((tmp_path / "kept" / "templates").iterdir())) == 1  # one folder for these versions
