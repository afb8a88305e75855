"""`python -m guide bench` (`make bench`): time the real site's build with our hooks against a plain Material build of the same pages.

Also: glossary marking speed with 30 and 500 terms, and each hook's share of the real build time
(time spent inside its event functions). A benchmark prints numbers; it never fails.
This is tooling, not core logic: it may drive MkDocs itself (imported inside `hook_times`).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import yaml

from ..mkdocs_yml import load_mkdocs_yml
from ..settings import guide_section, with_absolute_paths
from . import OK, ROOT


def absolute_config(config_file: Path) -> dict:
    """The real mkdocs.yml with its paths made absolute, so a variant can live in another folder."""
    config = load_mkdocs_yml(config_file)
    base = config_file.parent
    config["docs_dir"] = str(base / config.get("docs_dir", "docs"))
    theme = config.get("theme", {})
    if isinstance(theme, dict) and "custom_dir" in theme:
        theme["custom_dir"] = str(base / theme["custom_dir"])
    config["hooks"] = [str(base / hook) for hook in config.get("hooks", [])]
    config["watch"] = [str(base / path) for path in config.get("watch", [])]
    extra = config.setdefault("extra", {})
    extra["guide"] = with_absolute_paths(guide_section(extra), base)
    config["strict"] = False
    return config


def with_own_cache(config: dict, folder: Path) -> dict:
    """Give a variant its own folder for what hooks keep between builds: variants sharing the project's
    would each keep only their own results, and every build would start cold."""
    guide = config["extra"]["guide"]
    guide.setdefault("reading_level", {})["cache"] = str(folder)
    guide["reading_level"]["report"] = str(folder / "reading-level.json")
    return config


def plain_config(config_file: Path) -> dict:
    """The same mkdocs.yml minus our hooks: a plain Material build of the same pages."""
    config = absolute_config(config_file)
    config.pop("hooks", None)
    return config


TEMPLATE_CACHE = "hooks/template_cache.py"


def with_template_cache(plain: dict, config_file: Path) -> dict:
    """A plain build that keeps its compiled templates as ours does (hooks/template_cache.py): against
    it, the rest of our hooks' cost shows, not hidden by the time the template cache saves."""
    return {**plain, "hooks": [str(config_file.parent / TEMPLATE_CACHE)]}


def without_hook(config_file: Path, hook: str) -> dict:
    config = absolute_config(config_file)
    config["hooks"] = [path for path in config["hooks"] if not path.endswith(hook)]
    return config


def build_env(**env_vars: str) -> dict[str, str]:
    """The environment of a timed build. Python keeps compiled code as a person's machine does: with
    PYTHONDONTWRITEBYTECODE (set on some machines) our hooks were compiled again in every build, while
    Material's code was compiled once when pip installed it."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return dict(env, NO_MKDOCS_2_WARNING="1", **env_vars)


def time_build(config_file: Path, site_dir: Path, handouts: bool = False, **env_vars: str) -> float:
    env = build_env(GUIDE_HANDOUTS="1" if handouts else "0", **env_vars)
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
    from ..glossary import load_glossary
    from ..term_marks import build_matcher, mark_terms

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


def hook_times(config_file: Path, site_dir: Path) -> dict[str, float]:
    """Build once in this process; return seconds spent in each hook module's events, and the total."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir))
    spent: dict[str, float] = {}
    hooks_dir = str(ROOT / "hooks")

    def timed(method, name):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
        return wrapper

    for event, methods in config.plugins.events.items():
        for index, method in enumerate(methods):
            code = getattr(method, "__code__", None)
            if code is not None and code.co_filename.startswith(hooks_dir):
                methods[index] = timed(method, Path(code.co_filename).stem)
    start = time.perf_counter()
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    spent["total"] = time.perf_counter() - start
    return spent


def hook_shares(runs: int, config_file: Path) -> dict[str, float]:
    """Median share of the build time spent in each hook, over `runs` builds in fresh processes."""
    import json

    shares: dict[str, list[float]] = {}
    code = ("import json, sys, pathlib; from guide.tools.bench import hook_times; "
            "print(json.dumps(hook_times(pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[1]))))")
    with tempfile.TemporaryDirectory(prefix="guide-hooks-") as tmp:
        for _ in range(runs + 1):
            out = subprocess.run([sys.executable, "-c", code, tmp, str(config_file)], check=True, capture_output=True, text=True,
                                 env=build_env(), cwd=ROOT).stdout
            spent = json.loads(out.strip().splitlines()[-1])
            for name, seconds in spent.items():
                if name != "total":
                    shares.setdefault(name, []).append(seconds / spent["total"])
    return {name: statistics.median(values[1:]) for name, values in shares.items()}  # first run warms caches


def with_languages(config_file: Path, count: int) -> dict:
    """The real settings, building only the first `count` languages."""
    config = absolute_config(config_file)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for index, language in enumerate(plugin["i18n"]["languages"]):
                language["build"] = index < count
    return config


def index_bytes(site: Path) -> dict[str, tuple[int, int]]:
    """Raw and gzipped bytes of each language's search index in a built site."""
    import gzip

    sizes = {}
    for index in sorted(site.rglob("search/search_index.json")):
        language = index.parent.parent.name if index.parent.parent != site else "default"
        data = index.read_bytes()
        sizes[language] = (len(data), len(gzip.compress(data)))
    return sizes


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")  # what GitHub Pages sends gzipped


class _Server:
    """The built site on a localhost port, for as long as the `with` block lasts; text files gzipped
    as GitHub Pages sends them, so that a page's measured weight and speed are what readers get."""

    def __init__(self, site: Path) -> None:
        import functools
        import gzip
        import threading
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = Path(self.translate_path(self.path))
                path = path / "index.html" if path.is_dir() else path
                if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.name.endswith(COMPRESSED) \
                        or not path.is_file() or not self.path.split("?")[0].endswith(("/", path.name)):
                    return super().do_GET()
                body = gzip.compress(path.read_bytes(), 6)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *args: object) -> None:
        self.server.shutdown()
        self.server.server_close()


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def page_weights(sites: dict[str, Path], paths: list[str]) -> dict[tuple[str, str], tuple[int, int]]:
    """Bytes (raw, gzip) a reader downloads to open each page, in Chromium, for each built site."""
    import gzip

    from playwright.sync_api import sync_playwright

    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, site in sites.items():
            with _Server(site) as url:
                for path in paths:
                    page = browser.new_page(viewport={"width": 390, "height": 844})
                    bodies: list[bytes] = []
                    page.on("response", lambda r: bodies.append(r.body()) if r.ok else None)
                    page.goto(url + path, wait_until="networkidle")
                    page.close()
                    weights[(name, path)] = (sum(map(len, bodies)), sum(len(gzip.compress(b)) for b in bodies))
        browser.close()
    return weights


LIGHTHOUSE = "12.2.3"  # 13.x needs Node 22; Debian bookworm has Node 18 (and this machine 20)
# Lighthouse's docs/variability.md: "the median Lighthouse score of 5 runs is twice as stable as 1 run".
# Here one page's runs range up to 10 points apart: with 3 runs two slow runs set the median, with 5 it takes three.
LIGHTHOUSE_RUNS = 5


def lighthouse(site: Path, paths: list[str], runs: int = LIGHTHOUSE_RUNS) -> dict[str, dict[str, object]] | None:
    """Lighthouse scores (mobile preset) from the npm package, run against Debian's Chromium: each page
    `runs` times, the median kept, with the lowest and highest performance score."""
    import json
    import shutil

    folder = ROOT / ".cache" / "lighthouse"
    binary = folder / "node_modules" / ".bin" / "lighthouse"
    installed = folder / "node_modules" / "lighthouse" / "package.json"
    if not installed.exists() or json.loads(installed.read_text(encoding="utf-8")).get("version") != LIGHTHOUSE:
        if not shutil.which("npm"):
            return None
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "-E", f"lighthouse@{LIGHTHOUSE}"], cwd=folder,
                       check=False, capture_output=True, timeout=600)
        if not binary.exists():
            return None
    runs_of: dict[str, list[Run]] = {}
    with _Server(site) as url, tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for path in paths:  # the pages in turn, so that a slow moment of the machine does not hit one page only
                out = Path(tmp) / "report.json"
                out.unlink(missing_ok=True)
                subprocess.run([str(binary), url + path, "--quiet", "--output=json", f"--output-path={out}",
                                "--only-categories=performance,accessibility,best-practices,seo",
                                "--chrome-flags=" + " ".join(CHROMIUM_ARGS)],
                               env=dict(os.environ, CHROME_PATH="/usr/bin/chromium"), capture_output=True, timeout=300)
                if out.exists():
                    runs_of.setdefault(path or "/", []).append(run_figures(json.loads(out.read_text(encoding="utf-8"))))
    return {path: page_figures(runs) for path, runs in runs_of.items()}


class Run(NamedTuple):
    """One Lighthouse run of one page."""
    scores: dict[str, int]   # by category, out of 100
    early_paint: bool        # first painted before the theme's script had set the page up (DOMContentLoaded)
    benchmark_index: float   # the machine's speed as Lighthouse measures it


def run_figures(report: dict) -> Run:
    observed = report["audits"]["metrics"]["details"]["items"][0]
    return Run({k: round((v["score"] or 0) * 100) for k, v in report["categories"].items()},  # None: it failed
               observed["observedFirstContentfulPaint"] < observed["observedDomContentLoaded"],
               report["environment"]["benchmarkIndex"])


def page_figures(runs: list[Run]) -> dict[str, object]:
    """The median of each score over a page's runs, the range of the performance score, and in how many
    runs the page was painted before the theme's script had run: in those, Lighthouse counts the
    script's start-up as blocking time, and the score drops (README, "Weight and speed")."""
    figures: dict[str, object] = {name: round(statistics.median(r.scores[name] for r in runs)) for name in runs[0].scores}
    performance = [r.scores["performance"] for r in runs]
    figures["performance of each run"] = f"{min(performance)} to {max(performance)}"
    figures["painted before the theme's script"] = f"{sum(r.early_paint for r in runs)} of {len(runs)} runs"
    figures["benchmark index"] = round(statistics.median(r.benchmark_index for r in runs))
    return figures


def ten_times(config_file: Path, folder: Path, copies: int = 9) -> dict:
    """The real site with every page copied `copies` times under new names, in every language (the
    pages made from data or linking the things to print are not copied): the cost per page, at scale."""
    config = absolute_config(config_file)
    docs = Path(config["docs_dir"])
    skip = {"glossary.md", "translation-status.md", "things-to-print.md"}
    shutil.copytree(docs, folder / "docs")
    names = sorted(p.name for p in (docs / "en").glob("*.md") if p.name not in skip)
    for language in (p for p in (folder / "docs").iterdir() if p.is_dir()):
        for name in names:
            if (language / name).exists():
                for n in range(1, copies + 1):
                    shutil.copyfile(language / name, language / f"{name[:-3]}-{n}.md")
    config["docs_dir"] = str(folder / "docs")
    config["nav"] = config["nav"] + [{f"More {n}": [f"{name[:-3]}-{n}.md" for name in names]} for n in range(1, copies + 1)]
    return config


def locales(config: dict) -> list[str]:
    """The languages mkdocs-static-i18n builds, in order (the default first)."""
    return [language["locale"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin
            for language in plugin["i18n"]["languages"] if language.get("build", True)]


def handout_figures(config_file: Path, runs: int) -> None:
    """Handouts cold (empty cache) and warm, per handout, their share, and warm build vs none."""
    codes = locales(absolute_config(config_file))[1:]
    with tempfile.TemporaryDirectory(prefix="guide-handouts-") as tmp:
        tmp_path = Path(tmp)
        config = tmp_path / "mkdocs.yml"
        settings = with_own_cache(absolute_config(config_file), tmp_path / "memo-cache")
        guide = settings["extra"]["guide"]  # caches of their own: the first build with handouts is cold
        guide["handouts"]["cache"], guide.setdefault("offline", {})["cache"] = str(tmp_path / "pdf-cache"), str(tmp_path / "zip-cache")
        config.write_text(yaml.safe_dump(settings), encoding="utf-8")
        without = statistics.median(time_build(config, tmp_path / f"none{i}") for i in range(runs))
        # Each PDF loading its stylesheet and fonts again, as before they were shared; then as now.
        unshared = time_build(config, tmp_path / "unshared", handouts=True, GUIDE_BENCH_NO_SHARING="1")
        shutil.rmtree(tmp_path / "pdf-cache")
        shutil.rmtree(tmp_path / "zip-cache", ignore_errors=True)
        # The cold build and the warm ones into one folder, as a person's builds go to the same site/:
        # where a page's files go is part of its kept handout plan.
        cold = time_build(config, tmp_path / "site", handouts=True)
        made = list((tmp_path / "site").rglob("*.pdf"))
        count = len(made)
        copies = {zip_file.stem: zip_file.stat().st_size for zip_file in sorted((tmp_path / "site").rglob("*.zip"))}
        largest: dict[str, Path] = {}  # per language: its largest PDF (fonts are embedded as subsets)
        for pdf in made:
            folder = pdf.relative_to(tmp_path / "site").parts[0]
            language = folder if folder in codes else "default"
            if language not in largest or pdf.stat().st_size > largest[language].stat().st_size:
                largest[language] = pdf
        sizes = {language: (pdf.relative_to(tmp_path / "site").as_posix(), pdf.stat().st_size) for language, pdf in largest.items()}
        warm = statistics.median(time_build(config, tmp_path / "site", handouts=True) for _ in range(runs))
    print("Handouts (PDF)")
    print(f"  files                    {count:7d}")
    print(f"  build without handouts   {without:7.2f} s")
    print(f"  cold (nothing cached)    {cold:7.2f} s  (handouts {cold - without:.2f} s, "
          f"{(cold - without) / max(count, 1):.3f} s each, {(cold - without) / cold:.0%} of the build)")
    print(f"  seconds per PDF, cold    {(unshared - without) / max(count, 1):7.3f} s before (stylesheet and fonts loaded for "
          f"each PDF), {(cold - without) / max(count, 1):.3f} s now (once per process)")
    print(f"  warm (all cached)        {warm:7.2f} s  ({warm / without:.2f} x a build without handouts; target: at most 1.2)")
    print("Offline copy per language (ZIP)")
    for name, size in copies.items():
        print(f"  {name:<24} {size / 1_000_000:7.1f} MB")
    print("  largest PDF per language (fonts embedded as subsets)")
    for language, (name, size) in sorted(sizes.items()):
        print(f"    {language:<5} {size / 1024:7.0f} KB  {name}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (default 5)")


def run(args: argparse.Namespace) -> int:
    ours_file = Path(args.config).resolve()
    variants = {"ours": absolute_config(ours_file), "plain": plain_config(ours_file),
                "plain-kept": with_template_cache(plain_config(ours_file), ours_file), "1-language": with_languages(ours_file, 1)}
    languages = len(locales(variants["ours"]))
    with tempfile.TemporaryDirectory(prefix="guide-bench-") as tmp:
        tmp_path = Path(tmp)
        configs = {}
        for name, config in variants.items():
            with_own_cache(config, tmp_path / f"cache-{name}")
            path = tmp_path / f"mkdocs.{name}.yml"
            path.write_text(yaml.safe_dump(config), encoding="utf-8")
            configs[name] = path
        medians = median_builds(configs, tmp_path, args.runs)
        (tmp_path / "ten").mkdir()
        large = ten_times(ours_file, tmp_path / "ten")
        large_configs = {}
        plain_large = {k: v for k, v in large.items() if k != "hooks"}
        for name, config in {"ours-10x": large, "plain-10x": plain_large,
                             "plain-kept-10x": with_template_cache(plain_large, ours_file)}.items():
            with_own_cache(config, tmp_path / f"cache-{name}")
            path = tmp_path / f"mkdocs.{name}.yml"
            path.write_text(yaml.safe_dump(config), encoding="utf-8")
            large_configs[name] = path
        # As many runs as the real site: with 3, the ratio swung from 1.05 to 1.29 between two timings
        # of the same code on 2026-11-26 (a shared machine's speed drifts by a fifth within minutes).
        medians.update(median_builds(large_configs, tmp_path, args.runs))
        sizes = index_bytes(tmp_path / "ours")
        paths = ["", "crs/"]
        try:
            weights = page_weights({"ours": tmp_path / "ours", "plain": tmp_path / "plain"}, paths)
        except Exception as error:  # no Chromium or no Playwright: say so, a benchmark never fails
            weights, weight_error = {}, str(error).splitlines()[0]
        scores = lighthouse(tmp_path / "ours", [f"{code}/{page}".lstrip("/") if code != locales(variants["ours"])[0] else page
                                                for code in locales(variants["ours"]) for page in ("", "crs/")])
    ours, plain = medians["ours"], medians["plain"]
    print(f"Build time of the real site, median of {args.runs} runs each")
    for size, (mine, theirs, kept) in {"real": ("ours", "plain", "plain-kept"),
                                       "10x": ("ours-10x", "plain-10x", "plain-kept-10x")}.items():
        if size == "10x":
            print(f"The same pages ten times (each page copied under 9 new names), median of {args.runs} runs each")
        print(f"  ours (with hooks)        {medians[mine]:7.2f} s")
        print(f"  plain Material           {medians[theirs]:7.2f} s")
        print(f"  plain, templates kept    {medians[kept]:7.2f} s  (plain with only {TEMPLATE_CACHE})")
        print(f"  ratio ours / plain       {medians[mine] / medians[theirs]:7.2f}  (target: at most 1.15)")
        print(f"  ours / plain, templates kept {medians[mine] / medians[kept]:5.2f}  (the cost of the other hooks)")
    print(f"  growth for 10 x the pages: ours {medians['ours-10x'] / ours:.1f} x, plain {medians['plain-10x'] / plain:.1f} x")
    one = medians["1-language"]
    print("Build time by number of languages (median)")
    print(f"  1 language               {one:7.2f} s")
    print(f"  {languages} languages              {ours:7.2f} s  ({ours / one:.2f} x one; target: at most "
          f"{1.1 * languages:.1f}, 1.1 x the number of languages)")
    print("Search index a reader downloads on first search, per language (raw / gzip)")
    for language, (raw, packed) in sizes.items():
        print(f"  {language:<24} {raw / 1024:7.1f} KB / {packed / 1024:5.1f} KB")
    print("What a reader downloads to open a page (phone, Chromium), ours vs plain Material")
    if weights:
        for path in paths:
            (raw, packed), (plain_raw, plain_packed) = weights[("ours", path)], weights[("plain", path)]
            print(f"  /{path:<22} {raw / 1024:7.1f} KB / {packed / 1024:5.1f} KB gzip; plain {plain_raw / 1024:.1f} / "
                  f"{plain_packed / 1024:.1f}; ours adds {(packed - plain_packed) / 1024:+.1f} KB gzip (target: at most +10)")
    else:
        print(f"  skipped: {weight_error}")
    print(f"Lighthouse, mobile preset, served gzipped as GitHub Pages does, median of {LIGHTHOUSE_RUNS} runs per page "
          "(targets: performance 98 or more, the others 100)")
    if scores:
        for path, values in scores.items():
            print(f"  {path:<22} " + ", ".join(f"{k} {v}" for k, v in values.items() if k != "benchmark index"))
        index = statistics.median(values["benchmark index"] for values in scores.values())
        # Lighthouse's CPU throttling calculator maps an index of 1300 to 3x and 1533 to 4x (docs/throttling.md).
        print(f"  this machine's Lighthouse benchmark index: {index:.0f} (the mobile preset's 4x slowdown "
              "is meant for about 1500; a slower machine scores lower)")
    else:
        print("  skipped: the lighthouse npm package could not be installed or run")
    handout_figures(ours_file, args.runs)
    shares = hook_shares(args.runs, ours_file)
    print("Share of the build time spent in each hook (median)")
    for name, share in sorted(shares.items(), key=lambda item: -item[1]):
        print(f"  {name:<22} {share:7.1%}{'  (over the target of 5%)' if share > 0.05 else ''}")
    speed = marking_speed()
    print("Glossary marking of a 600-word page")
    print(f"  with  30 terms           {speed[30]:7.0f} pages/s")
    print(f"  with 500 terms           {speed[500]:7.0f} pages/s")
    print(f"  500 / 30                 {speed[500] / speed[30]:7.2f}  (target: at least 0.50)")
    return OK
