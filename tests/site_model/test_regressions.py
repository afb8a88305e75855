"""Regressions found by the review that asked for the site model: each one on a two-language tiny
site, through the build and through the tools, which now share one reading-level function."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from guide.translations import english_hash
from sitebuild import HOME, run_mkdocs_build, spanish_home
from sitebuild import two_language_site as site


def tool(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "guide", "--config", str(config), *args],
                          capture_output=True, text=True, timeout=300)


def test_a_bare_reading_level_in_a_translation_is_a_clear_message_not_a_traceback(tmp_path: Path) -> None:
    spanish = spanish_home(english_hash(HOME)).replace("translation_status: draft\n", "translation_status: draft\nreading_level: 9\n")
    config = site(tmp_path)
    (tmp_path / "docs/es/index.md").write_text(spanish, encoding="utf-8")
    result = run_mkdocs_build(config, tmp_path / "site", in_process=False)  # as a writer runs it
    assert "Traceback" not in result.stderr and "AttributeError" not in result.stderr
    assert result.returncode != 0  # a warning: the strict build fails
    assert 'docs/es/index.md: front matter "reading_level" is 9. It must name the measure and a reason' in result.stderr
    run = tool(config, "translations")
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "Español" in run.stdout or "ES (es)" in run.stdout
    run = tool(config, "readability", str(tmp_path / "docs/es/index.md"))
    assert run.returncode == 1 and 'front matter "reading_level" is 9' in run.stdout and "Traceback" not in run.stderr


def test_the_status_page_shows_the_figure_the_build_measured(tmp_path: Path) -> None:
    import json

    config = site(tmp_path)
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    measured = next(p for p in json.loads((tmp_path / ".cache/guide/reading-level.json").read_text("utf-8"))["pages"]
                    if p["page"] == "docs/es/index.md")
    row = BeautifulSoup((tmp_path / "site/translation-status/index.html").read_text("utf-8"), "html.parser") \
        .find("code", string="index.md").find_parent("tr").get_text()
    assert f"inflesz {measured['scores']['metrics']['inflesz']:g}, {measured['status']}" in row


def test_a_horizontal_rule_in_the_body_counts_every_word(tmp_path: Path) -> None:
    words_in_status = []
    for rule in ("", "\n---\n\nMore text after a rule for the reader to see.\n"):
        folder = tmp_path / ("rule" if rule else "plain")
        folder.mkdir()
        body = "More text after a rule for the reader to see.\n" if not rule else rule
        spanish = spanish_home(english_hash(HOME), text="Su equipo de atención revisa si hay fiebre.\n" + body)
        config = site(folder)
        (folder / "docs/es/index.md").write_text(spanish, encoding="utf-8")
        result = run_mkdocs_build(config, folder / "site")
        assert result.returncode == 0, result.stderr
        report = tool(config, "readability", str(folder / "docs/es/index.md"))
        words_in_status.append(BeautifulSoup((folder / "site/translation-status/index.html").read_text("utf-8"),
                                             "html.parser").find("code", string="index.md").find_parent("tr").get_text())
        line = next(line for line in report.stdout.splitlines() if line.startswith("docs/es/index.md"))
        words_in_status.append(int(line.split()[2]))
    plain_status, plain_words, rule_status, rule_words = words_in_status
    assert plain_words == rule_words and plain_words > 15
    assert plain_status == rule_status


def test_an_unknown_setting_fails_the_build_naming_the_closest_key(tmp_path: Path) -> None:
    config = site(tmp_path)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["extra"]["guide"]["handout"] = settings["extra"]["guide"].pop("handouts")
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    result = run_mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "mkdocs.yml: `extra.guide.handout`: unknown key; did you mean `handouts`?" in result.stderr
    run = tool(config, "translations")
    assert run.returncode == 2 and "did you mean `handouts`?" in run.stderr
