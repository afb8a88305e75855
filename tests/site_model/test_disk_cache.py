"""Results kept between builds: the same inputs give the stored result, new inputs a new one, and
the files keep only what the last run used."""
from __future__ import annotations

import types
from pathlib import Path

from guide.disk_cache import Memo, cached_text, file_stamp, stable_text


def test_a_memo_gives_back_what_it_made_and_keeps_only_what_the_run_used(tmp_path: Path) -> None:
    made = []

    def make(text: str):
        return lambda: made.append(text) or text.upper()

    first = Memo(tmp_path / "m.pickle")
    assert first.get(["a"], make("a")) == "A" and first.get(["b"], make("b")) == "B"
    first.save()
    second = Memo(tmp_path / "m.pickle")
    assert second.get(["a"], make("a")) == "A"  # from the file: not made again
    assert made == ["a", "b"]
    second.save()
    third = Memo(tmp_path / "m.pickle")
    assert third.get(["b"], make("b")) == "B" and made == ["a", "b", "b"], "b was not used by the last run: dropped"


def test_a_broken_memo_file_is_a_new_memo(tmp_path: Path) -> None:
    (tmp_path / "m.pickle").write_bytes(b"not a pickle")
    assert Memo(tmp_path / "m.pickle").get(["a"], lambda: 1) == 1


def test_cached_text_keeps_the_newest_of_each_name(tmp_path: Path) -> None:
    assert cached_text(tmp_path, "es", ["one"], lambda: "1") == "1"
    assert cached_text(tmp_path, "es", ["one"], lambda: "changed") == "1"
    assert cached_text(tmp_path, "es", ["two"], lambda: "2") == "2"
    assert cached_text(tmp_path, "fr", ["one"], lambda: "x") == "x"
    assert len(list(tmp_path.glob("es-*.txt"))) == 1 and len(list(tmp_path.glob("fr-*.txt"))) == 1
    assert cached_text(tmp_path, "zh-TW", ["one"], lambda: "tw") == "tw"
    assert cached_text(tmp_path, "zh", ["one"], lambda: "zh") == "zh"  # a new "zh" leaves "zh-TW" alone
    assert cached_text(tmp_path, "zh-TW", ["one"], lambda: "made again") == "tw"


class Placeholder:  # like MkDocs' `!relative` value: its repr() holds a memory address
    def __fspath__(self) -> str:
        return "/work/site"


def test_stable_text_is_the_same_from_run_to_run() -> None:
    value = {"base": Placeholder(), "words": frozenset({"b", "a", "c"}), "limits": types.MappingProxyType({"x": 1})}
    assert stable_text(value) == '{"base": "/work/site", "limits": {"x": 1}, "words": ["a", "b", "c"]}'
    assert "0x" not in stable_text(value)


def test_a_file_stamp_changes_with_the_file_and_not_with_a_link_to_it(tmp_path: Path) -> None:
    import os

    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"one")
    linked = file_stamp(kept, changed_time=False)
    os.link(kept, tmp_path / "site.pdf")  # as the site's copies are made
    assert file_stamp(kept, changed_time=False) == linked
    kept.unlink()
    kept.write_bytes(b"three")
    assert file_stamp(kept, changed_time=False) != linked and len(file_stamp(kept)) == len(linked) + 1
