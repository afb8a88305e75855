"""`make bench`: time the real site's build with our hooks against a plain Material build of the same pages."""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def plain_config(config_file: Path) -> dict:
    """The same mkdocs.yml minus our hooks, with paths made absolute so it can live elsewhere."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config.pop("hooks", None)
    base = config_file.parent
    config["docs_dir"] = str(base / config.get("docs_dir", "docs"))
    theme = config.get("theme", {})
    if isinstance(theme, dict) and "custom_dir" in theme:
        theme["custom_dir"] = str(base / theme["custom_dir"])
    config["strict"] = False
    return config


def time_build(config_file: Path, site_dir: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config_file), "-d", str(site_dir)],
        check=True, cwd=config_file.parent, env=env,
    )
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (default 5)")
    args = parser.parse_args(argv)
    ours_file = ROOT / "mkdocs.yml"
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        tmp_path = Path(tmp)
        plain_file = tmp_path / "mkdocs.plain.yml"
        plain_file.write_text(yaml.safe_dump(plain_config(ours_file)), encoding="utf-8")
        ours, plain = [], []
        time_build(ours_file, tmp_path / "warm")  # first build warms caches; not counted
        for _ in range(args.runs):
            ours.append(time_build(ours_file, tmp_path / "ours"))
            plain.append(time_build(plain_file, tmp_path / "plain"))
    ours_median, plain_median = statistics.median(ours), statistics.median(plain)
    print(f"Build time, median of {args.runs} runs each")
    print(f"  ours (with hooks)   {ours_median:7.2f} s")
    print(f"  plain Material      {plain_median:7.2f} s")
    print(f"  ratio ours / plain  {ours_median / plain_median:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
