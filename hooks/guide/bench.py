"""`make bench`: time the real site's build with our hooks against a plain Material build of the same pages.

Also: glossary marking speed with 30 and 500 terms, and each hook's share of the real build time
(measured by building without that hook). A benchmark prints numbers; it never fails.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def absolute_config(config_file: Path) -> dict:
    """The real mkdocs.yml with its paths made absolute, so a variant can live in another folder."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    base = config_file.parent
    config["docs_dir"] = str(base / config.get("docs_dir", "docs"))
    theme = config.get("theme", {})
    if isinstance(theme, dict) and "custom_dir" in theme:
        theme["custom_dir"] = str(base / theme["custom_dir"])
    config["hooks"] = [str(base / hook) for hook in config.get("hooks", [])]
    config["watch"] = [str(base / path) for path in config.get("watch", [])]
    config["strict"] = False
    return config


def plain_config(config_file: Path) -> dict:
    """The same mkdocs.yml minus our hooks: a plain Material build of the same pages."""
    config = absolute_config(config_file)
    config.pop("hooks", None)
    return config


def without_hook(config_file: Path, hook: str) -> dict:
    config = absolute_config(config_file)
    config["hooks"] = [path for path in config["hooks"] if not path.endswith(hook)]
    return config


def time_build(config_file: Path, site_dir: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config_file), "-d", str(site_dir)],
        check=True, cwd=config_file.parent, env=env, stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def median_builds(configs: dict[str, Path], tmp: Path, runs: int) -> dict[str, float]:
    """Median build time per configuration, the builds interleaved so that drift hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in configs}
    for name, config in configs.items():  # warm-up build of each, not counted
        time_build(config, tmp / f"warm-{name}")
    for _ in range(runs):
        for name, config in configs.items():
            times[name].append(time_build(config, tmp / name))
    return {name: statistics.median(values) for name, values in times.items()}


def per_second(work: Callable[[], object], seconds: float = 1.0) -> float:
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        work()
        count += 1
    return count / (time.perf_counter() - start)


def marking_speed() -> dict[int, float]:
    """Pages per second when marking a 600-word page with 30 and with 500 glossary terms."""
    from .glossary import load_glossary
    from .term_marks import build_matcher, mark_terms

    glossary, _ = load_glossary((ROOT / "glossary" / "en.yml").read_text(encoding="utf-8"), "glossary/en.yml", "en")
    forms = {entry.id: entry.forms for entry in glossary.entries}
    words = " ".join(entry.definition for entry in glossary.entries).split()
    paragraphs = [" ".join(words[i:i + 60]) for i in range(0, 600, 60)]
    page = "".join(f"<h2>Part {n}</h2><p>{text}</p>" for n, text in enumerate(paragraphs))
    results = {}
    for size in (30, 500):
        chosen = dict(list(forms.items())[:size])
        for n in range(len(chosen), size):  # made-up terms fill the list up to its size
            chosen[f"made-up-{n}"] = [f"madeup{n} term", f"madeup{n}s"]
        matcher = build_matcher(chosen)
        results[size] = per_second(lambda: mark_terms(page, matcher, lambda i, t: t))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (default 5)")
    args = parser.parse_args(argv)
    ours_file = ROOT / "mkdocs.yml"
    variants = {"plain": plain_config(ours_file), "no-glossary": without_hook(ours_file, "glossary.py")}
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        tmp_path = Path(tmp)
        configs = {"ours": ours_file}
        for name, config in variants.items():
            path = tmp_path / f"mkdocs.{name}.yml"
            path.write_text(yaml.safe_dump(config), encoding="utf-8")
            configs[name] = path
        medians = median_builds(configs, tmp_path, args.runs)
    ours, plain = medians["ours"], medians["plain"]
    print(f"Build time of the real site, median of {args.runs} runs each")
    print(f"  ours (with hooks)        {ours:7.2f} s")
    print(f"  plain Material           {plain:7.2f} s")
    print(f"  ratio ours / plain       {ours / plain:7.2f}")
    share = max(0.0, ours - medians["no-glossary"]) / ours
    print(f"  glossary hook share      {share:7.1%}  (ours minus a build without it)")
    speed = marking_speed()
    print("Glossary marking of a 600-word page")
    print(f"  with  30 terms           {speed[30]:7.0f} pages/s")
    print(f"  with 500 terms           {speed[500]:7.0f} pages/s")
    print(f"  500 / 30                 {speed[500] / speed[30]:7.2f}  (target: at least 0.50)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
