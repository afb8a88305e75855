"""The publishing workflow keeps its promises: least privilege, pinned actions, locked packages."""
from __future__ import annotations

import re

import yaml

from sitebuild import ROOT

WORKFLOW = ROOT / ".github/workflows/site.yml"


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML reads the key `on` as true
    return data


def test_triggers_and_permissions() -> None:
    data = workflow()
    assert "pull_request" in data["on"] and "pull_request_target" not in data["on"]
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read"}
    jobs = data["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}  # reads the Pages address only
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["needs"] == "build"


def test_every_action_is_pinned_by_full_commit_sha() -> None:
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert uses, "no actions found"
    for use in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", use), use
    text = WORKFLOW.read_text(encoding="utf-8")
    for action in ("actions/upload-pages-artifact@", "actions/deploy-pages@", "actions/upload-artifact@"):
        assert action in text


def test_deploy_installs_locked_packages_with_hashes_and_sets_site_url() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "--require-hashes -r requirements/lock.txt" in text
    assert "SITE_URL:" in text and "steps.pages.outputs.base_url" in text
    lock = (ROOT / "requirements/lock.txt").read_text(encoding="utf-8")
    for package in ("mkdocs==", "mkdocs-material==", "mkdocs-static-i18n==", "pymdown-extensions==", "weasyprint=="):
        assert package in lock, package
    pins = re.findall(r"^([a-z0-9._-]+)==", lock, flags=re.M)
    hashes = re.findall(r"--hash=sha256:[0-9a-f]{64}", lock)
    assert len(hashes) >= len(pins) > 30
    assert "file://" not in lock and "/opt/" not in lock  # nothing from this machine


def test_dependabot_watches_pip_and_actions() -> None:
    data = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in data["updates"]} == {"pip", "github-actions"}


def test_contributing_and_issue_forms_route_people() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "TRANSLATING.md" in text and "make test" in text and "A mistake in the guide" in text
    forms = {p.name for p in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml")}
    assert {"content-mistake.yml", "translation.yml"} <= forms
    for name in ("content-mistake.yml", "translation.yml"):
        form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
        assert form["name"] and form["body"]


def test_zizmor_finds_nothing_in_the_workflow_or_dependabot() -> None:
    """Static analysis of GitHub Actions (zizmor, offline: no GitHub API), at its default persona:
    every finding it reports, at any severity, fails."""
    import subprocess
    import sys
    from pathlib import Path

    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", "--format", "plain", str(ROOT / ".github")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "No findings to report" in result.stdout + result.stderr, result.stdout + result.stderr


def test_workflow_dependabot_and_issue_forms_match_their_published_schemas() -> None:
    """check-jsonschema's built-in copies of the schemas (no network): a misspelt key or a wrong
    value type would otherwise show only on GitHub, at the first run."""
    import subprocess
    import sys
    from pathlib import Path

    check = Path(sys.executable).parent / "check-jsonschema"
    github = ROOT / ".github"
    forms = sorted(p for p in (github / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
    runs = {"vendor.github-workflows": sorted((github / "workflows").glob("*.yml")),
            "vendor.dependabot": [github / "dependabot.yml"],
            "vendor.github-issue-forms": forms,
            "vendor.github-issue-config": [github / "ISSUE_TEMPLATE" / "config.yml"]}
    assert all(runs.values()) and len(forms) >= 2
    for schema, files in runs.items():
        result = subprocess.run([str(check), "--builtin-schema", schema, *map(str, files)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"{schema}: {result.stdout}{result.stderr}"
