"""The benchmark's plain configuration is the real one minus our hooks, usable from another folder."""
from __future__ import annotations

from pathlib import Path

from guide.tools.bench import plain_config
from sitebuild import ROOT, real_config


def test_plain_config_drops_only_our_hooks() -> None:
    ours = real_config()
    plain = plain_config(ROOT / "mkdocs.yml")
    assert "hooks" in ours and "hooks" not in plain
    assert len(plain["watch"]) == len(ours["watch"])
    assert plain["nav"] == ours["nav"]
    assert plain["plugins"] == ours["plugins"]
    assert Path(plain["docs_dir"]).is_absolute() and Path(plain["docs_dir"]).is_dir()
    assert Path(plain["theme"]["custom_dir"]).is_dir()


def test_without_hook_drops_just_that_hook() -> None:
    from guide.tools.bench import without_hook

    config = without_hook(ROOT / "mkdocs.yml", "glossary.py")
    assert not any(path.endswith("glossary.py") for path in config["hooks"])
    assert len(config["hooks"]) == len(real_config()["hooks"]) - 1
    assert all(Path(path).is_file() for path in config["hooks"])
