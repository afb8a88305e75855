"""The site model's run: what hooks ask to do once every language is built."""
from __future__ import annotations

from types import SimpleNamespace

from guide_site import Site


def test_an_end_of_run_action_runs_once_after_the_last_language_and_the_latest_of_a_name_wins() -> None:
    run, done = Site(), []
    english, spanish = SimpleNamespace(theme={"language": "en"}), SimpleNamespace(theme={"language": "es"})
    run.enter(english)
    run.enter(spanish)  # mkdocs-static-i18n builds the other languages inside the first one's build
    run.at_end("report", lambda: done.append("with English only"))
    run.at_end("report", lambda: done.append("with every language"))
    run.leave(spanish)
    assert done == []
    run.leave(english)
    assert done == ["with every language"]
    run.enter(english)
    run.leave(english)
    assert done == ["with every language"]  # not again in the next run
