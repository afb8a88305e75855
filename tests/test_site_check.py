"""The built-site checker finds broken links, missing anchors and resources from other hosts."""
from __future__ import annotations

from pathlib import Path

from guide.site_check import check_site, is_external, parse_refs


def write(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")


def test_parse_refs_collects_ids_links_and_resources() -> None:
    refs = parse_refs('<h2 id="a">A</h2><a name="b"></a><a href="x/">x</a><img src="i.png"><link href="s.css">'
                      '<link rel="canonical" href="https://site.example/x/">')
    assert refs.ids == {"a", "b"}
    assert refs.links == ["x/"]
    assert refs.resources == ["i.png", "s.css"]


def test_is_external() -> None:
    assert is_external("https://example.org/a.js")
    assert is_external("//cdn.example.org/a.js")
    assert not is_external("../assets/a.js")
    assert not is_external("#top")


def test_check_site_reports_each_problem(tmp_path: Path) -> None:
    write(tmp_path / "index.html", '<a href="crs/#signs">ok</a><a href="crs/#gone">bad anchor</a>'
          '<a href="nowhere/">bad</a><a href="https://example.org/">outside link is fine</a>'
          '<script src="https://cdn.example.org/x.js"></script><a href="#top">top</a><p id="top"></p>')
    write(tmp_path / "crs" / "index.html", '<h2 id="signs">Signs</h2><a href="../">home</a>')
    assert check_site(tmp_path) == [
        "index.html: loads https://cdn.example.org/x.js from another host",
        "index.html: link to crs/#gone has no anchor #gone",
        "index.html: link to nowhere/ goes nowhere",
    ]
