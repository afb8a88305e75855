"""The offline copy's pure parts: which files go in, links that work from the disk, the index as a
script, a ZIP that is the same for the same files."""
from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

from guide import offline_copy as oc

SITE = ["index.html", "crs/index.html", "crs/handout.pdf", "guide.pdf", "search/search_index.json", "sitemap.xml",
        "404.html", "es/index.html", "es/crs/index.html", "es/guide.pdf", "es/search/search_index.json",
        "es/car-t-guide-es.zip", "assets/guide.css", "assets/javascripts/bundle.js", "assets/javascripts/bundle.js.map",
        "assets/offline-worker.js", "assets/javascripts/lunr/min/lunr.es.min.js", "assets/javascripts/lunr/min/lunr.fr.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.multi.min.js",
        "assets/javascripts/lunr/wordcut.js"]


def test_a_language_copy_holds_its_folder_and_the_theme_files_it_needs() -> None:
    chosen = oc.members(SITE, "es/", [], ["es"])
    assert chosen == sorted(["es/index.html", "es/crs/index.html", "es/guide.pdf", "assets/guide.css",
                             "assets/javascripts/bundle.js", "assets/offline-worker.js",
                             "assets/javascripts/lunr/min/lunr.es.min.js",
                             "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"])
    assert "assets/javascripts/lunr/min/lunr.multi.min.js" in oc.members(SITE, "es/", [], ["es", "en"])


def test_the_default_language_copy_leaves_out_the_other_languages() -> None:
    chosen = oc.members(SITE, "", ["es"], ["en"])
    assert "index.html" in chosen and "crs/handout.pdf" in chosen and "guide.pdf" in chosen
    assert not [name for name in chosen if name.startswith("es/")]
    assert not [name for name in chosen if name.endswith((".map", ".zip", ".json")) or "lunr" in name]
    assert "sitemap.xml" not in chosen and "404.html" not in chosen


INSIDE = {"es/index.html", "es/crs/index.html", "es/glossary/index.html", "assets/guide.css"}
ONLINE = "https://example.org/guide/"


def test_links_to_folders_name_their_index_file() -> None:
    page = "es/crs/index.html"
    assert oc.local_link("../glossary/#fever", page, INSIDE, ONLINE) == "../glossary/index.html#fever"
    assert oc.local_link("../", page, INSIDE, ONLINE) == "../index.html"
    assert oc.local_link("./", page, INSIDE, ONLINE) == "index.html"
    assert oc.local_link("..", page, INSIDE, ONLINE) == "../index.html"
    assert oc.local_link("../../assets/guide.css", page, INSIDE, ONLINE) == "../../assets/guide.css"
    assert oc.local_link("./", "es/index.html", INSIDE, ONLINE) == "index.html"


def test_links_outside_the_copy_go_to_the_published_site() -> None:
    page = "es/crs/index.html"
    assert oc.local_link("../../crs/", page, INSIDE, ONLINE) == "https://example.org/guide/crs/"
    assert oc.local_link("../../", page, INSIDE, ONLINE) == "https://example.org/guide/"
    assert oc.local_link("../../fr/crs/#signs", page, INSIDE, ONLINE) == "https://example.org/guide/fr/crs/#signs"


def test_addresses_and_fragments_are_left_alone() -> None:
    for url in ("#signs", "https://example.com/", "//example.com/x", "mailto:a@b.c", "data:image/png;base64,xx", ""):
        assert oc.local_link(url, "es/crs/index.html", INSIDE, ONLINE) == url


def test_links_from_the_site_root_are_read_from_the_published_path() -> None:
    """The language menu of a home page links "/guide/es/": in the copy, a file; other languages, online."""
    assert oc.local_link("/guide/es/", "es/crs/index.html", INSIDE, ONLINE) == "../index.html"
    assert oc.local_link("/guide/es/glossary/#fever", "es/index.html", INSIDE, ONLINE) == "glossary/index.html#fever"
    assert oc.local_link("/guide/fr/", "es/index.html", INSIDE, ONLINE) == "https://example.org/guide/fr/"
    assert oc.local_link("/guide/", "es/index.html", INSIDE, ONLINE) == "https://example.org/guide/"
    assert oc.local_link("/other/", "es/index.html", INSIDE, ONLINE) == "https://example.org/other/"
    assert oc.local_link("/es/", "es/index.html", INSIDE, "http://127.0.0.1:8000/") == "index.html"


def test_a_page_of_the_copy() -> None:
    html = ('<html><head><title>x</title></head><body><a class="x" href="../glossary/">g</a>'
            '<a class="guide-term" data-href="../glossary/#fever">f</a><img src="../../assets/x.svg">'
            '<article class="md-content__inner md-typeset"><p class="guide-offline"><a href="../car-t.zip">z</a>'
            ' (3 MB)</p><h1>T</h1></article></body></html>')
    out = oc.offline_page(html, "es/crs/index.html", INSIDE, ONLINE, "Copy of 1 May 2026")
    assert 'href="../glossary/index.html"' in out and 'data-href="../glossary/index.html#fever"' in out
    assert 'src="https://example.org/guide/assets/x.svg"' in out  # not in the copy: never a broken file
    assert '<script src="../../assets/offline-worker.js"></script>\n</head>' in out
    assert "car-t.zip" not in out
    assert '<article class="md-content__inner md-typeset">\n<p class="guide-offline-copy">Copy of 1 May 2026</p><h1>' in out


def test_the_search_index_becomes_a_script_with_file_addresses() -> None:
    index = {"config": {"lang": ["es"]}, "docs": [{"location": "crs/#signs"}, {"location": ""}, {"location": "glossary/"}]}
    script = oc.offline_index(json.dumps(index))
    assert script.startswith("var __index = ")
    docs = json.loads(script.removeprefix("var __index = "))["docs"]
    assert [d["location"] for d in docs] == ["crs/index.html#signs", "index.html", "glossary/index.html"]


def test_the_start_page_opens_the_language_folder() -> None:
    page = oc.start_page("es/index.html", "es", "ltr", "Guía", "Abrir la guía")
    assert '<html lang="es" dir="ltr">' in page
    assert 'content="0; url=es/index.html"' in page and '<a href="es/index.html">Abrir la guía</a>' in page


def test_the_same_files_give_the_same_zip_and_key() -> None:
    files = {"b.html": b"<p>b</p>", "a/guide.pdf": b"%PDF-1.7 data"}
    day = dt.date(2026, 11, 25)
    first, second = oc.zip_bytes(files, "guide-es", day), oc.zip_bytes(dict(reversed(files.items())), "guide-es", day)
    assert first == second
    digests = {"b.html": "1a", "a/guide.pdf": "2b"}
    assert oc.content_key(digests, "salt") == oc.content_key(dict(reversed(digests.items())), "salt")
    assert oc.content_key(digests, "salt") != oc.content_key({**digests, "b.html": "1c"}, "salt")
    assert oc.content_key(digests, "salt") != oc.content_key({**digests, "c.html": "1a"}, "salt")
    assert oc.content_key(digests, "salt") != oc.content_key(digests, "other salt")
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert sorted(archive.namelist()) == ["guide-es/a/guide.pdf", "guide-es/b.html"]
    assert archive.getinfo("guide-es/a/guide.pdf").compress_type == zipfile.ZIP_STORED
    assert archive.getinfo("guide-es/b.html").date_time[:3] == (2026, 11, 25)


def test_sizes_round_up_to_whole_megabytes() -> None:
    assert oc.size_text(1) == "1 MB"
    assert oc.size_text(2_000_000) == "2 MB"
    assert oc.size_text(2_000_001) == "3 MB"


def test_site_files_leaves_out_only_the_top_folders_it_is_told(tmp_path) -> None:
    for name in ("index.html", "es/crs/index.html", "fr/index.html", "assets/fr/x.js", "assets/guide.css"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "es" / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")  # a broken link is no file
    assert sorted(oc.site_files(tmp_path, ["fr"])) == ["assets/fr/x.js", "assets/guide.css", "es/crs/index.html", "index.html"]
    assert len(list(oc.site_files(tmp_path, []))) == 5
