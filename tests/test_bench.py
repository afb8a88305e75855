"""The benchmark's plain configuration is the real one minus our hooks, usable from another folder."""
from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.site
def test_the_benchmarks_copy_of_the_settings_builds_from_another_folder(tmp_path: Path) -> None:
    """`make bench` builds copies of mkdocs.yml from a temporary folder: every path setting must follow
    (the picture folder once did not, and the benchmark stopped with 'there is no picture')."""
    import yaml

    from guide.tools.bench import absolute_config, time_build

    config = tmp_path / "mkdocs.ours.yml"
    config.write_text(yaml.safe_dump(absolute_config(ROOT / "mkdocs.yml")), encoding="utf-8")
    assert time_build(config, tmp_path / "site") > 0
    assert (tmp_path / "site/zh/crs/index.html").exists() and (tmp_path / "site/ar/index.html").exists()


@pytest.mark.site
def test_the_ten_times_site_copies_every_page_in_every_language_and_builds(tmp_path: Path) -> None:
    """`make bench` times the same pages ten times over: copies under new names, in the menu, in every language."""
    import yaml

    from guide.tools.bench import ten_times, time_build

    settings = ten_times(ROOT / "mkdocs.yml", tmp_path / "ten")
    docs = Path(settings["docs_dir"])
    assert (docs / "en/crs-9.md").read_text(encoding="utf-8") == (ROOT / "docs/en/crs.md").read_text(encoding="utf-8")
    assert (docs / "zh/crs-1.md").exists() and not (docs / "en/glossary-1.md").exists()
    assert {"crs-9.md", "index-9.md"} <= set(settings["nav"][-1]["More 9"])
    config = tmp_path / "mkdocs.10x.yml"
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    assert time_build(config, tmp_path / "site") > 0
    assert (tmp_path / "site/es/crs-9/index.html").exists() and (tmp_path / "site/ar/steps-5/index.html").exists()


def test_timed_builds_keep_compiled_code_as_a_readers_machine_does(monkeypatch) -> None:
    from guide.tools.bench import build_env

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = build_env(GUIDE_HANDOUTS="0")
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["GUIDE_HANDOUTS"] == "0" and env["NO_MKDOCS_2_WARNING"] == "1"


def test_the_plain_build_with_kept_templates_has_only_that_hook() -> None:
    from guide.tools.bench import TEMPLATE_CACHE, with_template_cache

    config = with_template_cache(plain_config(ROOT / "mkdocs.yml"), ROOT / "mkdocs.yml")
    assert config["hooks"] == [str(ROOT / TEMPLATE_CACHE)] and Path(config["hooks"][0]).is_file()
    assert TEMPLATE_CACHE in real_config()["hooks"]


def _report(performance: float, first_paint: float, dom_loaded: float, index: float = 1300.0) -> dict:
    """The parts of a Lighthouse report (JSON) that make bench reads."""
    return {"categories": {"performance": {"score": performance}, "seo": {"score": None}},
            "audits": {"metrics": {"details": {"items": [
                {"observedFirstContentfulPaint": first_paint, "observedDomContentLoaded": dom_loaded}]}}},
            "environment": {"benchmarkIndex": index}}


def test_lighthouse_figures_say_how_many_runs_painted_before_the_themes_script() -> None:
    from guide.tools.bench import page_figures, run_figures

    runs = [run_figures(_report(0.97, 220, 450, 1290)), run_figures(_report(0.99, 1230, 420, 1300)),
            run_figures(_report(0.86, 200, 640, 1310)), run_figures(_report(0.99, 1210, 380, 1280)),
            run_figures(_report(0.98, 1250, 400, 1320))]
    figures = page_figures(runs)
    assert figures["performance"] == 98
    assert figures["seo"] == 0  # a failed category counts as 0, never hidden
    assert figures["performance of each run"] == "86 to 99"
    assert figures["painted before the theme's script"] == "2 of 5 runs"
    assert figures["benchmark index"] == 1300
