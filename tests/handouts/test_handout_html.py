"""Handout HTML and PDF helpers: paper versions of links and marks, counters, ids, glyphs, cache keys."""
from __future__ import annotations

from pathlib import Path

from guide.handout_html import css_counter_text, css_font_list, css_string, font_families, prefix_ids, prepare_content, with_svg_font
from guide.handout_pdf import cache_key, missing_glyphs, visible_text

PAGE_URL = "https://guide.example/es/crs/"


def test_prepare_content_for_paper() -> None:
    source = ('<h2 id="signs">Signs<a class="headerlink" href="#signs" title="Link">&para;</a></h2>'
              '<p><a class="guide-term" href="../glossary/#crs" data-guide-term="crs">CRS</a> and '
              '<a href="../get-help/#when-to-call">help</a> and <a href="#signs">above</a> and '
              '<a href="https://other.example/x">out</a>.</p><details><summary>More</summary><p>x</p></details>')
    assert prepare_content(source, PAGE_URL) == (
        '<h2 id="signs">Signs</h2>'
        '<p><span class="guide-term">CRS</span> and '
        '<a href="https://guide.example/es/get-help/#when-to-call">help</a> and '
        '<a href="https://guide.example/es/crs/#signs">above</a> and '
        '<a href="https://other.example/x">out</a>.</p><details open><summary>More</summary><p>x</p></details>')


def test_counter_text_and_css_strings() -> None:
    assert css_counter_text("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'
    assert css_counter_text("{page}/{pages}") == 'counter(page) "/" counter(pages)'
    assert css_string('Say "hi"\\') == '"Say \\"hi\\"\\\\"'


def test_drawings_get_the_handouts_fonts_unless_they_name_their_own() -> None:
    families = font_families(True, ["Noto Sans Arabic", "Odd, Name"])
    assert families == ("Guide Sans", "Guide Fallback", "Noto Sans Arabic", "Odd  Name")
    assert font_families(False, []) == ("Guide Sans",)
    assert css_font_list(families) == '"Guide Sans", "Guide Fallback", "Noto Sans Arabic", "Odd  Name"'
    document = '<p>x</p><svg class="gp" viewBox="0 0 1 1"><text>y</text></svg><SVG\nfont-family="Mono"></SVG><svgx><svg-a>'
    assert with_svg_font(document, ("Guide Sans", "Guide Fallback")) == (
        '<p>x</p><svg font-family="Guide Sans, Guide Fallback" class="gp" viewBox="0 0 1 1"><text>y</text></svg>'
        '<SVG\nfont-family="Mono"></SVG><svgx><svg-a>')


def test_prefix_ids_makes_a_booklet_unique() -> None:
    assert prefix_ids('<h2 id="key-points">K</h2><p>x id="no"</p>', "p-crs") == '<h2 id="p-crs-key-points">K</h2><p>x id="no"</p>'


def test_missing_glyphs_and_visible_text() -> None:
    cmap = {ord(c) for c in "abcé"}
    assert missing_glyphs("abc é\n漢", cmap) == ["漢"]
    assert visible_text("<style>.x{}</style><p>a &amp; b</p>") .split() == ["a", "&", "b"]


def test_cache_key_changes_with_html_and_salt_only() -> None:
    assert cache_key("<p>a</p>", "fonts 1") == cache_key("<p>a</p>", "fonts 1")
    assert cache_key("<p>a</p>", "fonts 1") != cache_key("<p>b</p>", "fonts 1")
    assert cache_key("<p>a</p>", "fonts 1") != cache_key("<p>a</p>", "fonts 2")


def test_a_kept_pdf_is_linked_into_the_site_and_replacing_it_never_writes_into_the_cache(tmp_path) -> None:
    from guide.disk_cache import place

    kept = tmp_path / "cache" / "abc.pdf"
    kept.parent.mkdir()
    kept.write_bytes(b"%PDF kept")
    output = tmp_path / "site" / "crs" / "handout.pdf"
    place(kept, output)
    assert output.read_bytes() == b"%PDF kept" and output.stat().st_ino == kept.stat().st_ino
    other = tmp_path / "cache" / "def.pdf"
    other.write_bytes(b"%PDF other")
    place(other, output)  # the next build's PDF for the same page
    assert output.read_bytes() == b"%PDF other" and kept.read_bytes() == b"%PDF kept"


def test_the_printer_fingerprint_changes_with_a_template_or_a_setting(tmp_path) -> None:
    import dataclasses
    import shutil

    from guide.handout_plan import Printer
    from guide.settings import parse_settings
    from sitebuild import ROOT

    templates = tmp_path / "handouts"
    shutil.copytree(ROOT / "overrides" / "handouts", templates)
    settings = parse_settings(None).handouts
    first = Printer(templates, settings).fingerprint
    assert Printer(templates, settings).fingerprint == first  # the same from run to run
    page = templates / "handout.html"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert Printer(templates, settings).fingerprint != first
    changed = dataclasses.replace(settings, file="leaflet.pdf")
    assert Printer(templates, changed).fingerprint not in (first, Printer(templates, settings).fingerprint)


def test_a_kept_file_is_whole_and_readable_by_all_as_a_usual_file(tmp_path) -> None:
    import os

    from guide.disk_cache import write_new

    usual = tmp_path / "usual.pdf"
    usual.write_bytes(b"%PDF usual")
    kept = tmp_path / "kept.pdf"
    write_new(kept, b"%PDF new")
    assert kept.read_bytes() == b"%PDF new" and list(tmp_path.glob("*.new")) == []
    # A web server reading the site as another user must be able to read the linked PDFs and ZIPs.
    assert os.stat(kept).st_mode & 0o777 == os.stat(usual).st_mode & 0o777


def test_font_facts_are_kept_between_runs_and_read_again_when_the_file_changes(tmp_path, monkeypatch) -> None:
    import dataclasses
    import os
    import shutil

    from guide import handout_pdf
    from guide.handout_plan import Printer
    from guide.settings import Fonts, parse_settings
    from sitebuild import ROOT

    settings = parse_settings(None).handouts
    font = tmp_path / "Font.ttf"
    shutil.copyfile(settings.fonts.regular, font)
    settings = dataclasses.replace(settings, fonts=Fonts(str(font), str(font)), other_scripts=())
    templates, cache = ROOT / "overrides" / "handouts", tmp_path / "cache"
    fonts, reads = settings.fonts, []
    real_cmap = handout_pdf.font_cmap
    monkeypatch.setattr(handout_pdf, "font_cmap", lambda path: reads.append(path) or real_cmap(path))

    first = Printer(templates, settings, cache)
    salt = first._font_data(fonts).salt
    assert reads == []  # a kept plan needs the salt, not the characters
    cmaps = first._cmaps(fonts)
    assert 0x41 in cmaps[0] and reads == [str(font)]
    again = Printer(templates, settings, cache)  # a new run: the facts come from the cache
    assert (again._font_data(fonts).salt, again._cmaps(fonts)) == (salt, cmaps) and reads == [str(font)]

    font.write_bytes(font.read_bytes() + b"\0")  # the same file changed in place: read again, a new salt
    os.utime(font, ns=(font.stat().st_atime_ns, font.stat().st_mtime_ns + 1_000_000))
    changed = Printer(templates, settings, cache)
    assert changed._font_data(fonts).salt != salt and changed._cmaps(fonts) == cmaps and len(reads) == 2


def test_a_font_named_in_a_collection_is_printed_from_a_file_of_its_own(tmp_path, monkeypatch) -> None:
    """WeasyPrint reads only a collection's first font (Noto Sans CJK: the Japanese one, whose letter
    forms differ from Chinese ones): the font a language names is made a file of its own, once."""
    import dataclasses
    import os

    from fontTools.ttLib import TTCollection, TTFont

    from guide import handout_pdf
    from guide.handout_plan import Printer
    from guide.languages import Language
    from guide.settings import Fonts, parse_settings
    from sitebuild import ROOT

    dejavu = Path("/usr/share/fonts/truetype/dejavu")
    pair = tmp_path / "Pair.ttc"
    with TTFont(dejavu / "DejaVuSans.ttf") as sans, TTFont(dejavu / "DejaVuSansMono.ttf") as mono:
        collection = TTCollection()
        collection.fonts = [sans, mono]
        collection.save(pair)
    assert handout_pdf.collection_faces(str(pair)) == ["DejaVu Sans", "DejaVu Sans Mono"]
    assert handout_pdf.collection_faces(str(dejavu / "DejaVuSans.ttf")) == []

    made = []
    real_face_bytes = handout_pdf.face_bytes
    monkeypatch.setattr(handout_pdf, "face_bytes", lambda path, face: made.append(face) or real_face_bytes(path, face))
    settings = dataclasses.replace(parse_settings(None).handouts, other_scripts=())
    fonts = Fonts(str(pair), str(pair), face="DejaVu Sans Mono")
    templates, cache = ROOT / "overrides" / "handouts", tmp_path / "cache"
    first = Printer(templates, settings, cache)
    files = first._files(fonts)
    assert files.regular == files.bold and files.regular.endswith(".otf") and files.face is None
    assert handout_pdf.font_family(files.regular) == "DejaVu Sans Mono"  # not the first font of the file
    assert Path(files.regular).as_uri() in first._font_data(fonts).css
    assert ord("A") in first._cmaps(fonts)[0] and made == ["DejaVu Sans Mono"]  # once for regular and bold
    assert Printer(templates, settings, cache)._files(fonts) == files and len(made) == 1  # kept for the next build
    from guide import disk_cache
    with monkeypatch.context() as changed_code:  # kept after a change to our code too: the stylesheet names it
        changed_code.setattr(disk_cache, "code_version", lambda: "another version")
        assert Printer(templates, settings, cache)._files(fonts) == files and len(made) == 1
    # Made again (after a code change), the file is the same: not stamped with the time, which would
    # change the fonts' hash and make every handout of the language again.
    from fontTools.ttLib.tables import _h_e_a_d
    monkeypatch.setattr(_h_e_a_d, "timestampNow", lambda: 4_000_000_000)
    assert handout_pdf.face_bytes(str(pair), "DejaVu Sans Mono") == Path(files.regular).read_bytes()

    # The collection changed (a new version of the font package): a new copy in place of the old one.
    os.utime(pair, ns=(pair.stat().st_atime_ns, pair.stat().st_mtime_ns + 1_000_000))
    before = len(made)
    newer = Printer(templates, settings, cache)._files(fonts)
    assert newer.regular != files.regular and not Path(files.regular).exists() and len(made) == before + 1

    wrong = Language("xx", "X", fonts=dataclasses.replace(fonts, face="DejaVu Serif"))
    single = Language("yy", "Y", fonts=Fonts(str(dejavu / "DejaVuSans.ttf"), str(dejavu / "DejaVuSans-Bold.ttf"),
                                             face="DejaVu Sans"))
    broken = tmp_path / "Broken.ttc"
    broken.write_bytes(b"ttcf" + bytes(40))
    unreadable = Language("ww", "W", fonts=Fonts(str(broken), str(broken), face="DejaVu Sans"))
    usual = dataclasses.replace(settings, fonts=dataclasses.replace(fonts, face="DejaVu Serif"))
    assert Printer(templates, usual, cache).font_problems([Language("zz", "Z"), wrong, single]) == [
        f"mkdocs.yml: extra.guide.handouts.fonts.face is 'DejaVu Serif' ('zz'). {pair} holds no font named "
        "'DejaVu Serif'. It holds: DejaVu Sans, DejaVu Sans Mono. Use one of these names.",
        f"mkdocs.yml: extra.guide.languages.xx.fonts.face is 'DejaVu Serif' ('xx'). {pair} holds no font named "
        "'DejaVu Serif'. It holds: DejaVu Sans, DejaVu Sans Mono. Use one of these names.",
        f"mkdocs.yml: extra.guide.languages.yy.fonts.face is 'DejaVu Sans' ('yy'). {dejavu / 'DejaVuSans.ttf'} holds "
        "one font only (DejaVu Sans). Remove face:, or name a .ttc file."]
    [problem] = first.font_problems([unreadable])
    assert problem.startswith(f"mkdocs.yml: extra.guide.languages.ww.fonts.face is 'DejaVu Sans' ('ww'). {broken} "
                              "cannot be read as a font (")


def test_a_kept_handout_no_build_used_for_two_weeks_is_deleted(tmp_path: Path) -> None:
    import json
    from datetime import date

    from guide.handout_pdf import LAST_USED, forget_unused, stale_keys

    today = date(2026, 11, 26)
    assert stale_keys({"a": "2026-11-12", "b": "2026-11-11", "c": "2026-11-26"}, ["a", "b", "c", "d"], today) == {"b"}
    for key in ("old", "recent", "used", "unknown"):
        (tmp_path / f"{key}.pdf").write_bytes(b"%PDF")
        (tmp_path / f"{key}.json").write_text("{}", encoding="utf-8")
    (tmp_path / LAST_USED).write_text(json.dumps({"old": "2026-11-01", "recent": "2026-11-20", "used": "2026-10-01",
                                                  "gone": "2026-11-25"}), encoding="utf-8")
    forget_unused(tmp_path, ["used"], today)
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["recent.pdf", "unknown.pdf", "used.pdf"]
    assert not (tmp_path / "old.json").exists()
    # a PDF kept before this record existed counts from today; a key whose PDF is gone is dropped
    assert json.loads((tmp_path / LAST_USED).read_text(encoding="utf-8")) == {
        "recent": "2026-11-20", "unknown": "2026-11-26", "used": "2026-11-26"}
    (tmp_path / LAST_USED).write_text("{not json", encoding="utf-8")  # a broken record starts again
    forget_unused(tmp_path, [], today)
    assert len(list(tmp_path.glob("*.pdf"))) == 3
