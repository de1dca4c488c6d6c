"""`make bench`: what a build costs, measured honestly, side by side with bare MkDocs + Material.

For each scale (1x, 10x, 30x, 100x the registered reports; see bench/corpus.py) it measures, in one run:

* **the real build**: both editions (``mkdocs.yml`` into ``site/``, ``mkdocs.en.yml`` into
  ``site/en``), strict, warnings counted, exactly as ``make build`` runs them (one process,
  ``python -m gwr build``: the English build reuses what the Chinese one computed that does not
  depend on the language);
* **the bare build**: plain MkDocs + Material (no hook, no plugins, no theme overrides) on exactly
  the Markdown the hook hands MkDocs, captured from the real build after the hook and macros
  (``GWR_BARE_DUMP``), with the same navigation, theme features and Markdown extensions;
* the real and bare builds alternate, run after run, and ratios are taken run by run, so that a
  machine whose speed drifts (ours is shared) compares like with like;
* **the hook's own time inside the real build** (``GWR_TIMING``: wall-clock time inside every event
  of the hook and the macros it serves, see hooks/gwr/timing.py) and where it goes;
* **peak memory** of the build process (the kernel's maximum resident set size), after the Chinese
  edition and after both;
* **page weight**: the median and the largest HTML page of both editions;
* **search**: the size of each edition's index files, raw and gzipped, and the time the first query
  takes to answer in headless Chromium (a fresh browser context, nothing cached, the page loaded and
  settled for half a second: from typing the query to the results being shown, index download
  included; median of three contexts per query), with the bytes it fetched;
* at 100x, **the preview of one city** (``make serve CITY=<city>``) and **of one report** of that city
  (``make serve REPORT=<id>``): its first build and its rebuilds after editing a seed and a PO file, as
  ``mkdocs serve`` reports them and as a maintainer waits for them;
* at 10x and 100x, one profiled build of the Chinese edition (its files written in memory, /dev/shm, where
  there is one: the disk's noise is not the code's growth): any function of the project whose time per report
  grows by more than 1.3x between the two scales is listed.

Writes bench/results.json (every measurement) and bench/RESULTS.md (tables and targets).
``python bench/bench.py --scales 1,10 --runs 1`` for a quick look.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

ROOT = corpus.ROOT
PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000", SITE_URL="http://127.0.0.1:8000/")
EDITIONS = (("zh", "mkdocs.yml", ""), ("en", "mkdocs.en.yml", "en"))
QUERIES = {
    "zh": ["低空经济", "人工智能", "河套", "营商环境", "保障性住房", "深圳低空经济"],
    "en": ["artificial intelligence", "low-altitude economy", "affordable housing", "Hetao", "urban village"],
}
TARGETS = {
    "growth": 1.3, "hook_share": 0.20, "vs_bare": 1.5, "max_page_kb": 150, "median_page_kb": 60,
    "memory_mb": 300, "search_1x_ms": 100, "search_100x_ms": 150, "preview_s": 2.0,
}


# --- running builds ------------------------------------------------------------------------------

def run(cmd: list[str], cwd: Path, env: dict) -> dict:
    """Run a command to completion: wall seconds, peak RSS (MB, this process and its children), exit code."""
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err.seek(0)
    stderr = err.read().decode("utf-8", "replace")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "rc": proc.returncode, "stderr": stderr,
            "warnings": sum(1 for ln in stderr.splitlines() if ln.startswith("WARNING"))}


def _driver(configs: list[tuple[Path, Path]]) -> list[str]:
    """``make build``'s command: both editions, one after the other, in one process (hooks/gwr/build.py)."""
    return [PY, "-m", "gwr", "build", *(f"{cfg}:{site}" for cfg, site in configs)]


def build_real(project: Path, site: Path, timing_dir: Path | None = None, extra_env: dict | None = None) -> dict:
    """Both editions as ``make build`` builds them (strict: mkdocs.yml says so), CPU and peak memory of the process;
    the hook's own time and the memory after each edition from GWR_TIMING."""
    env = dict(ENV, PYTHONPATH=str(project / "hooks"), **(extra_env or {}))
    if timing_dir is not None:
        env["GWR_TIMING"] = str(timing_dir / "timing-{lang}.json")
    r = run(_driver([(project / cfg, site / sub) for _, cfg, sub in EDITIONS]), project, env)
    if r["rc"] or r["warnings"]:
        raise SystemExit(f"real build failed ({project}):\n{r['stderr'][-4000:]}")
    r.pop("stderr")
    if timing_dir is not None:
        r["hook"] = {lang: json.loads((timing_dir / f"timing-{lang}.json").read_text(encoding="utf-8"))
                     for lang, _, _ in EDITIONS}
    return r


def build_bare(bare: Path, site: Path) -> dict:
    """The bare baseline, both editions in one process too (the same driver; no hook in these configs)."""
    env = dict(ENV, PYTHONPATH=str(ROOT / "hooks"))
    r = run(_driver([(bare / f"bare.{lang}.yml", site / sub) for lang, _, sub in EDITIONS]), bare, env)
    if r["rc"]:
        raise SystemExit(f"bare build failed ({bare}):\n{r['stderr'][-4000:]}")
    r.pop("stderr")
    return r


# --- the bare baseline ---------------------------------------------------------------------------

class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: ``!ENV [NAME, default]`` becomes the default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def edition_config(project: Path, config: str) -> dict:
    data = yaml.load((project / config).read_text(encoding="utf-8"), Loader=_ConfigLoader)
    parent = data.pop("INHERIT", None)
    return _merge(edition_config(project, parent), data) if parent else data


def make_bare(project: Path, bare: Path) -> None:
    """Capture the Markdown and navigation the hook hands MkDocs, and write bare configs for them."""
    bare.mkdir(parents=True)
    for lang, config, _ in EDITIONS:
        dump = bare / f"dump-{lang}"
        env = dict(ENV, GWR_BARE_DUMP=str(dump), GWR_CACHE="0")  # the capture leaves no disk cache behind
        r = run([PY, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(bare / "_site")],
                project, env)
        if r["rc"]:
            raise SystemExit(f"capture build failed ({lang}):\n{r['stderr'][-4000:]}")
        shutil.rmtree(bare / "_site")
        shutil.move(str(dump / "docs"), str(bare / f"docs-{lang}"))
        cfg = edition_config(project, config)
        theme = {k: v for k, v in cfg["theme"].items() if k != "custom_dir"}
        bare_cfg = {
            "site_name": cfg["site_name"], "site_url": ENV["SITE_URL"] + ("" if lang == "zh" else "en/"),
            "docs_dir": f"docs-{lang}", "use_directory_urls": True, "strict": False, "theme": theme,
            "markdown_extensions": cfg.get("markdown_extensions", []), "extra": {"generator": False},
            "validation": cfg.get("validation", {}),
            "nav": yaml.safe_load((dump / "nav.yml").read_text(encoding="utf-8")),
        }
        (bare / f"bare.{lang}.yml").write_text(yaml.safe_dump(bare_cfg, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")
        shutil.rmtree(dump)


# --- what a build produced -----------------------------------------------------------------------

def _kinds(paths: list[str]) -> dict[str, int]:
    """Pages counted by kind: cities (a slug with its synthetic number) and years as placeholders."""
    out: dict[str, int] = {}
    for p in paths:
        k = re.sub(r"(?<=/)\d{4}(?=[/-])|^\d{4}(?=[/-])", "<year>", p)
        k = re.sub(r"^(en/)?+(?!(?:compare|indicators|scorecards|themes|glossary|timeline|sources)/)[a-z]+\d*/",
                   r"\1<city>/", k)
        out[k] = out.get(k, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def page_stats(site: Path) -> dict:
    sizes = sorted((f.stat().st_size, f.relative_to(site).as_posix()) for f in site.rglob("*.html"))
    values = [s for s, _ in sizes]
    gz = [len(gzip.compress(f.read_bytes(), 6)) for f in (site / p for _, p in sizes[-1:])]
    return {
        "pages": len(sizes), "median_kb": statistics.median(values) / 1024, "max_kb": values[-1] / 1024,
        "max_gz_kb": gz[0] / 1024, "largest": [[p, round(s / 1024, 1)] for s, p in sizes[-8:][::-1]],
        "over_150kb": sum(1 for s in values if s > 150 * 1024),
        "over_150kb_kinds": _kinds([p for s, p in sizes if s > 150 * 1024]),
        "p90_kb": values[int(len(values) * 0.9)] / 1024,
    }


def search_files(edition_site: Path) -> list[Path]:
    files = [edition_site / "search-index.json"] if (edition_site / "search-index.json").is_file() else []
    if (edition_site / "search").is_dir():
        files += sorted(p for p in (edition_site / "search").rglob("*") if p.is_file())
    return files


def search_size(edition_site: Path) -> dict:
    files = search_files(edition_site)
    raw = sum(p.stat().st_size for p in files)
    gz = sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)
    return {"files": len(files), "raw_kb": raw / 1024, "gz_kb": gz / 1024}


# --- first search query in headless Chromium -----------------------------------------------------

class _Server:
    """A static server in its own process (``python -m http.server``), as a real one would be: not sharing the
    interpreter, and its lock, with the browser driver."""

    def __init__(self, directory: Path):
        self.port = _free_port()
        self.proc = subprocess.Popen([PY, "-m", "http.server", str(self.port), "--bind", "127.0.0.1", "--directory",
                                      str(directory)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self):
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        return f"http://127.0.0.1:{self.port}/"

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(10)


_FIRST_QUERY = """async (q) => {
  const input = document.querySelector('.gwr-search__input');
  const panel = document.querySelector('.gwr-search__results');
  const done = () => panel.querySelector('li a') || /没有找到|No results/.test(panel.textContent);
  const t0 = performance.now();
  input.value = q;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise((resolve) => {
    if (done()) return resolve();
    new MutationObserver((_, obs) => { if (done()) { obs.disconnect(); resolve(); } })
      .observe(panel, {childList: true, subtree: true, characterData: true});
  });
  return [performance.now() - t0, panel.querySelectorAll('li a').length];
}"""


SETTLE_MS = 500
"""Time between the page's load event and the query: a reader's page has loaded and settled before they type."""
REPEATS = 3


def first_queries(site: Path) -> dict | None:
    """Each query typed into a report page of a fresh browser context (nothing cached, index not loaded), timed
    from the keystroke to the results shown, index download included; the median of REPEATS contexts per query,
    after one warm-up of the browser."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return None
    from playwright.sync_api import sync_playwright

    out = {}
    with _Server(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])

        def once(url: str, q: str) -> tuple[float, int, float]:
            ctx = browser.new_context()
            page = ctx.new_page()
            fetched = []
            page.on("response", lambda r, f=fetched: f.append(r) if "search" in r.url else None)
            page.goto(url, wait_until="load")
            page.wait_for_timeout(SETTLE_MS)
            ms, n = page.evaluate(_FIRST_QUERY, q)
            size = 0
            for r in fetched:
                try:
                    size += len(r.body())
                except Exception:  # noqa: BLE001 - a response without a body
                    pass
            ctx.close()
            return ms, n, size / 1024

        for lang, _, sub in EDITIONS:
            start = next(iter(sorted((site / sub).glob("*/*/part-1/index.html"))))
            url = base + start.relative_to(site).as_posix()[: -len("index.html")]
            once(url, QUERIES[lang][0])  # warm-up: the browser's first page is slower than any other
            rows = []
            for q in QUERIES[lang]:
                runs = [once(url, q) for _ in range(REPEATS)]
                rows.append({"q": q, "ms": statistics.median(r[0] for r in runs), "runs_ms": [r[0] for r in runs],
                             "results": runs[0][1], "fetched_kb": statistics.median(r[2] for r in runs)})
            out[lang] = {"queries": rows, "median_ms": statistics.median(r["ms"] for r in rows),
                         "max_ms": max(r["ms"] for r in rows),
                         "median_fetched_kb": statistics.median(r["fetched_kb"] for r in rows)}
        browser.close()
    return out


# --- preview of one city -------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _target(project: Path, city: str) -> dict:
    """A report of ``city``: a copy where there is one (no checksum to break by editing its seed)."""
    registry = yaml.safe_load((project / "data/reports.yml").read_text(encoding="utf-8"))["reports"]
    mine = [e for e in registry if e["id"].rsplit(f"-{e['year']}", 1)[0] == city]
    return next((e for e in mine if "synthetic" in e["file"]), mine[0])


def edit_po(project: Path, label: str, city: str | None = None) -> Path:
    """A translator's edit of one entry of a report's PO file (of ``city``, by default the first city)."""
    target = _target(project, city or corpus.cities(project)[0])
    po = project / "data/translations/en" / f"{target['id']}.po"
    text = po.read_text(encoding="utf-8")
    at = text.index('msgstr "', text.index("msgctxt \"part_1"))
    po.write_text(text[:at + 8] + f"[edit {label}] " + text[at + 8:], encoding="utf-8")
    return po


def preview(project: Path, city: str, edits: int = 3, one_report: bool = False) -> dict:
    """`make serve CITY=<city>`: first build, then rebuilds after seed and PO edits. With ``one_report``,
    `make serve REPORT=<id>` of the report edited (a report of ``city``)."""
    registry = yaml.safe_load((project / "data/reports.yml").read_text(encoding="utf-8"))["reports"]
    mine = [e for e in registry if e["id"].rsplit(f"-{e['year']}", 1)[0] == city]
    target = _target(project, city)
    seed = project / target["file"]
    built = re.compile(r"Documentation built in ([\d.]+) seconds")
    port = _free_port()
    env = dict(ENV, GWR_CITY=city, GWR_PREVIEW="1")  # as make serve CITY=… runs it
    if one_report:
        env.update(GWR_CITY="", GWR_REPORT=target["id"])  # as make serve REPORT=… runs it
    t_start = time.perf_counter()
    proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    events: list[tuple[float, float, float]] = []
    tick = os.sysconf("SC_CLK_TCK")

    def cpu() -> float:
        """CPU seconds the serve process has used (user + system), from /proc: what a rebuild costs on a busy machine."""
        fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick
    cond = threading.Condition()
    log: list[str] = []

    started: list[float] = []
    changes: list[float] = []  # "Detected file changes": a rebuild starts

    last = [0.0]

    def reader():
        # A build ends with "Documentation built in …" and, once serving, "Reloading browsers" (the first build:
        # "Serving on"); the end is taken from the latter, which mkdocs serve prints after every build.
        for line in proc.stderr:
            log.append(line)
            if not started and "Building documentation" in line:
                started.append(cpu())  # imports and configuration done: the first build starts
            if "Detected file changes" in line:
                with cond:
                    changes.append(time.perf_counter())
                    cond.notify_all()
            m = built.search(line)
            if m:
                last[0] = float(m.group(1))
            if "Reloading browsers" in line or "Serving on" in line:
                with cond:
                    events.append((time.perf_counter(), last[0], cpu()))
                    last[0] = float("nan")
                    cond.notify_all()

    threading.Thread(target=reader, daemon=True).start()

    def wait(n: int, timeout: float = 300) -> tuple[float, float, float]:
        with cond:
            if not cond.wait_for(lambda: len(events) >= n, timeout):
                raise SystemExit("mkdocs serve did not finish a build:\n" + "".join(log[-30:]))
            return events[n - 1]

    def quiet(settle: float = 1.5) -> None:
        """Until every rebuild that started has finished and none starts for ``settle`` seconds: a save the watcher
        sees twice is rebuilt twice, and the second build, still running at the next edit, was once measured as
        that edit's (its end came before the edit's own build had started)."""
        while True:
            with cond:
                n = len(changes)
                if not cond.wait_for(lambda: len(events) >= len(changes) + 1, 300):
                    raise SystemExit("mkdocs serve did not finish a rebuild:\n" + "".join(log[-30:]))
            time.sleep(settle)
            with cond:
                if len(changes) == n:
                    return

    try:
        t, reported, c = wait(1)
        first = {"reported": reported, "wall": t - t_start, "cpu": c - (started[0] if started else 0.0),
                 "cpu_with_start": c}
        rebuilds: dict[str, list[dict]] = {"seed": [], "po": []}
        for i in range(edits):
            for kind in ("seed", "po"):
                quiet()
                with cond:
                    n0 = len(events)
                t0, c0 = time.perf_counter(), cpu()
                if kind == "seed":  # a real edit of the text: a word added inside a paragraph
                    text = seed.read_text(encoding="utf-8")
                    at = text.index("。", len(text) // 2)
                    seed.write_text(text[:at] + f"（修订{i}）" + text[at:], encoding="utf-8")
                else:  # a translator's edit of one entry
                    edit_po(project, str(i), city)
                wait(n0 + 1)
                quiet()  # the maintainer waits for the last build the save set off
                with cond:
                    builds, (t, reported, c) = len(events) - n0, events[-1]
                rebuilds[kind].append({"reported": reported, "wall": t - t0, "cpu": c - c0, "builds": builds})
        reports = len(mine)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if os.environ.get("GWR_BENCH_SERVE_LOG"):  # what mkdocs serve printed, to check what was measured
            Path(os.environ["GWR_BENCH_SERVE_LOG"]).write_text("".join(log), encoding="utf-8")
    return {"city": city, "reports": reports, "report": target["id"] if one_report else None, "first": first,
            **rebuilds}


# --- growth of each function ---------------------------------------------------------------------

PROFILE_SCRATCH = Path("/dev/shm")
"""Where the profiled build writes its site and temporary files, when it exists: in memory. Creating a file on this
machine's disk took from 25 to 500 µs depending on what else was writing, so the same search files (thousands a
scale) made ``_post_build`` look 1.08x or 1.38x faster-growing than the reports from one day to the next; what the
profile is for is whether the code's work grows faster than the reports. Files still cost what they cost in the
build tables: the real and bare builds write to the disk."""


PROFILE_RUNS = 2
"""Profiled builds a scale: each function's time is the least of them. One build a scale made the same code's
``search._postings`` grow 1.19x in one bench and 1.31x in the next (0.25 and 0.22 s at 10x): a single run's noise
at the small scale, where a function takes a fifth of a second."""


def profile(project: Path, work: Path) -> dict:
    """Cumulative seconds of every project function in a profiled build of the Chinese edition, the least of
    :data:`PROFILE_RUNS` builds."""
    runs = [_profile_once(project, work) for _ in range(PROFILE_RUNS)]
    return {key: min(run.get(key, 0.0) for run in runs) for key in runs[0]}


def _profile_once(project: Path, work: Path) -> dict:
    """Cumulative seconds of every project function in one profiled build of the Chinese edition, without the disk
    cache (with it, what a scale computes depends on what an earlier build left), its files written in memory
    (:data:`PROFILE_SCRATCH`) where it can."""
    import pstats

    out = work / "profile.out"
    in_memory = PROFILE_SCRATCH.is_dir() and os.access(PROFILE_SCRATCH, os.W_OK)
    scratch = Path(tempfile.mkdtemp(prefix="gwr-profile-", dir=PROFILE_SCRATCH if in_memory else work))
    try:
        r = run([PY, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict", "-f",
                 str(project / "mkdocs.yml"), "-d", str(scratch / "site")], project,
                dict(ENV, GWR_CACHE="0", TMPDIR=str(scratch)))  # every function computes, as in a cold build
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if r["rc"]:
        raise SystemExit("profiled build failed:\n" + r["stderr"][-3000:])
    hooks = str(project / "hooks")
    funcs = {}
    for (file, line, name), (_, ncalls, _, cum, _) in pstats.Stats(str(out)).stats.items():
        if file.startswith(hooks) and name != "<module>":
            key = f"{Path(file).relative_to(hooks).as_posix()}:{name}"
            funcs[key] = funcs.get(key, 0.0) + cum
    return funcs


def growth(small: tuple[int, dict], large: tuple[int, dict], share: float = 0.01) -> list[list]:
    """Functions whose time per report grows by more than the target between two scales."""
    (n1, f1), (n2, f2) = small, large
    top = max(f2.values())
    rows = []
    for key, t2 in f2.items():
        t1 = f1.get(key, 0.0)
        if t2 < share * top or t1 <= 0:
            continue
        ratio = (t2 / n2) / (t1 / n1)
        rows.append([key, round(t1, 3), round(t2, 3), round(ratio, 2)])
    return sorted(rows, key=lambda r: -r[3])


# --- one scale -----------------------------------------------------------------------------------

_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def city_identity(project: Path, site: Path, city: str, work: Path) -> dict:
    """Build one city alone (GWR_CITY) and compare its pages' content with the whole site's: a city's pages must
    need nothing that only a build of every city can compute. The navigation (every city) is left out."""
    alone = work / "city-site"
    env = dict(ENV, PYTHONPATH=str(project / "hooks"), GWR_CITY=city)
    r = run(_driver([(project / "mkdocs.yml", alone)]), project, env)
    if r["rc"]:
        raise SystemExit("city build failed:\n" + r["stderr"][-3000:])
    same, differ = 0, []
    for f in sorted((alone / city).rglob("*")):
        if not f.is_file():
            continue
        rel = f.relative_to(alone).as_posix()
        a, b = f.read_text(encoding="utf-8"), (site / rel).read_text(encoding="utf-8")
        if f.suffix == ".html":
            a, b = _ARTICLE.search(a).group(0), _ARTICLE.search(b).group(0)
        if a == b:
            same += 1
        else:
            differ.append(rel)
    shutil.rmtree(alone)
    return {"city": city, "files": same + len(differ), "identical": same, "different": differ[:10],
            "cpu": r["cpu"], "rss_mb": r["rss_mb"]}


def measure(scale: int, runs: int, work: Path, with_browser: bool, with_preview: bool, with_profile: bool,
            with_city: bool = False) -> dict:
    project = corpus.make_project(work / f"x{scale}", scale)
    n_reports = len(yaml.safe_load((project / "data/reports.yml").read_text(encoding="utf-8"))["reports"])
    bare = work / f"bare{scale}"
    make_bare(project, bare)
    real_runs, warm_runs, bare_runs, same_runs, added_runs = [], [], [], [], []
    for i in range(runs):
        site_r, site_b = work / f"site-real{scale}", work / f"site-bare{scale}"
        # cold: no disk cache (as CI and a fresh clone build); warm: the next build, with the cache the cold one left,
        # after a translator's edit of one report (that report, its city's pages and its neighbours' are made again)
        shutil.rmtree(project / ".cache", ignore_errors=True)
        for kind, into in (("cold", real_runs), ("warm", warm_runs)):
            tdir = work / f"timing{scale}-{i}-{kind}"
            tdir.mkdir()
            if site_r.exists():
                shutil.rmtree(site_r)
            if kind == "warm":
                edit_po(project, f"run {i}")
            into.append(build_real(project, site_r, tdir))
        # adding a report: the next build with nothing changed, then the build after one report is registered (with
        # the disk cache the builds before left, as a maintainer's); the difference is what the report itself costs
        # (into a site of its own: the pages and search measured below are those of the scale's corpus)
        entry, site_a = None, work / f"site-added{scale}"
        try:
            for kind, into, dest in (("same", same_runs, site_r), ("added", added_runs, site_a)):
                tdir = work / f"timing{scale}-{i}-{kind}"
                tdir.mkdir()
                shutil.rmtree(dest, ignore_errors=True)
                if kind == "added":
                    entry = corpus.add_report(project, scale)
                into.append(build_real(project, dest, tdir))
        finally:
            if entry:
                corpus.remove_report(project, entry)
            shutil.rmtree(site_a, ignore_errors=True)
        bare_runs.append(build_bare(bare, site_b))
        shutil.rmtree(site_b)
        print(f"  {scale}x run {i + 1}: real {real_runs[-1]['cpu']:.1f} s CPU (hook {hook_cpu(real_runs[-1]):.1f} s), "
              f"warm {warm_runs[-1]['cpu']:.1f} s (hook {hook_cpu(warm_runs[-1]):.1f} s), "
              f"unchanged {same_runs[-1]['cpu']:.1f} s (hook {hook_cpu(same_runs[-1]):.1f} s), "
              f"a report added {added_runs[-1]['cpu']:.1f} s (hook {hook_cpu(added_runs[-1]):.1f} s), "
              f"bare {bare_runs[-1]['cpu']:.1f} s CPU", flush=True)
    site = work / f"site-real{scale}"
    res: dict = {"scale": scale, "reports": n_reports, "runs": runs}
    res["real"], res["warm"], res["bare"] = real_runs, warm_runs, bare_runs
    res["same"], res["added"] = same_runs, added_runs
    res["pages"] = page_stats(site)
    res["search"] = {lang: search_size(site / sub) for lang, _, sub in EDITIONS}
    if with_browser:
        res["first_query"] = first_queries(site)
    if with_city:
        res["city_alone"] = _optional(lambda: city_identity(project, site, corpus.cities(project)[-1], work))
    shutil.rmtree(site)
    if with_preview:
        shutil.rmtree(project / ".cache", ignore_errors=True)  # a maintainer's very first preview: nothing cached
        res["preview"] = _optional(lambda: preview(project, corpus.cities(project)[0]))
        # and the first preview after an earlier build (the disk cache holds every report but the one edited)
        res["preview_warm"] = _optional(lambda: preview(project, corpus.cities(project)[0], edits=1))
        # the preview of one report of that city (make serve REPORT=…), with no cache and then with the disk cache
        shutil.rmtree(project / ".cache", ignore_errors=True)
        res["preview_report"] = _optional(lambda: preview(project, corpus.cities(project)[0], one_report=True))
        res["preview_report_warm"] = _optional(lambda: preview(project, corpus.cities(project)[0], edits=1,
                                                               one_report=True))
    if with_profile:
        res["profile"] = _optional(lambda: profile(project, work))
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(bare, ignore_errors=True)
    return res


def _optional(measure_it):
    """A measurement that may fail without losing the others: its error is recorded instead."""
    try:
        return measure_it()
    except (Exception, SystemExit) as exc:  # noqa: BLE001
        print(f"  (failed: {str(exc)[:2000]})", flush=True)
        return {"error": str(exc)[:2000]}


def hook_cpu(run: dict) -> float:
    """The hook's CPU seconds in one build, both editions."""
    return sum(h["total_cpu"] for h in run["hook"].values())


def summary(res: dict, which: str = "real") -> dict:
    """Medians across runs; ratios run by run. Times are CPU seconds of the build processes (user + system):
    on a shared machine they measure what a build costs, whatever else runs; wall-clock time is kept beside."""
    runs = res[which]
    real = [r["cpu"] for r in runs]
    bare = [r["cpu"] for r in res["bare"]]
    real_wall = [r["wall"] for r in runs]
    bare_wall = [r["wall"] for r in res["bare"]]
    hook = [hook_cpu(r) for r in runs]
    stages: dict[str, float] = {}
    for lang, _, _ in EDITIONS:
        for key in runs[0]["hook"][lang]["cpu"]:
            name = key.split(":", 1)[1] if key.startswith("stage:") else None
            if name:
                stages[name] = stages.get(name, 0.0) + statistics.median(
                    r["hook"][lang]["cpu"].get(key, 0.0) for r in runs)
    return {
        "real_s": statistics.median(real), "bare_s": statistics.median(bare), "hook_s": statistics.median(hook),
        "real_wall_s": statistics.median(real_wall), "bare_wall_s": statistics.median(bare_wall),
        "vs_bare": statistics.median(r / b for r, b in zip(real, bare)),
        "vs_bare_wall": statistics.median(r / b for r, b in zip(real_wall, bare_wall)),
        "hook_share": statistics.median(h / r for h, r in zip(hook, real)),
        "hook_per_report_ms": 1000 * statistics.median(hook) / res["reports"],
        "rss_mb": max(r["rss_mb"] for r in runs),
        "rss_zh_mb": max(r["hook"]["zh"].get("rss_mb", 0) for r in runs),
        "bare_rss_mb": max(r["rss_mb"] for r in res["bare"]),
        "warnings": sum(r["warnings"] for r in runs),
        "stages": stages,
    }


def added_cost(res: dict) -> dict | None:
    """What registering one report more costs (``measure``: the build after it against the build before it with
    nothing changed, both with the disk cache): medians of the differences, run by run, of CPU and of hook time."""
    same, added = res.get("same"), res.get("added")
    if not same or not added:
        return None
    return {"same_s": statistics.median(r["cpu"] for r in same), "same_hook_s": statistics.median(map(hook_cpu, same)),
            "added_s": statistics.median(r["cpu"] for r in added),
            "added_hook_s": statistics.median(map(hook_cpu, added)),
            "cost_s": statistics.median(a["cpu"] - b["cpu"] for a, b in zip(added, same)),
            "cost_hook_s": statistics.median(hook_cpu(a) - hook_cpu(b) for a, b in zip(added, same))}


# --- report --------------------------------------------------------------------------------------

def _ok(flag: bool) -> str:
    return "met" if flag else "**not met**"


def write_report(results: list[dict], meta: dict) -> str:
    by = {r["scale"]: r for r in results}
    sm = {r["scale"]: summary(r) for r in results}
    lines = ["# Benchmark results", "",
             f"Written by `make bench` (bench/bench.py) on {meta['date']}: {meta['machine']}. "
             f"Median of {meta['runs']} runs at each scale; real and bare builds alternate and ratios are taken "
             "run by run. The machine is shared (2 cores, other builds running), so quote the ratios and the "
             "scaling, not single absolute times. Build times are CPU seconds (user + system) of the two build "
             "processes, both editions, which another engineer's build on the same cores does not inflate; "
             "wall-clock times are beside them. The hook's time is the CPU time inside its events "
             "(hooks/gwr/timing.py). The corpus is bench/corpus.py: at 1x the registry as it is; at kx the registry "
             "and k - 1 copies of the two Shenzhen seeds moved back in years, ten years to a city (100x: the 7 "
             "registered reports and 198 copies, in 13 cities). Real builds are cold (no disk cache, as CI builds) "
             "unless the table says warm.", "",
             "## Build: both editions, strict, against bare MkDocs + Material on the same Markdown", "",
             "| scale | reports | HTML pages | real build | bare build | real / bare | (wall-clock) | hook in build "
             "| hook share | hook per report | peak memory (after zh / both) | bare peak | warnings |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for s, r in by.items():
        m = sm[s]
        lines.append(
            f"| {s}x | {r['reports']} | {r['pages']['pages']} | {m['real_s']:.1f} s | {m['bare_s']:.1f} s | "
            f"{m['vs_bare']:.2f} | {m['real_wall_s']:.1f} / {m['bare_wall_s']:.1f} s = {m['vs_bare_wall']:.2f} | "
            f"{m['hook_s']:.2f} s | {100 * m['hook_share']:.0f}% | "
            f"{m['hook_per_report_ms']:.0f} ms | {m['rss_zh_mb']:.0f} / {m['rss_mb']:.0f} MB | "
            f"{m['bare_rss_mb']:.0f} MB | {m['warnings']} |")
    if all(r.get("warm") for r in results):
        smw = {r["scale"]: summary(r, "warm") for r in results}
        lines += ["", "### The next build, with the disk cache, after one report's translation is edited", "",
                  "The same project built again after a translator's edit of one entry of one report's PO file: "
                  "what each other report yields (parsed, translated, figures, search postings, open data, pages) "
                  "is read from `.cache/gwr/` (hooks/gwr/cache.py); the edited report, its city's pages and the "
                  "pages of reports that show it are made again, as are the pages about all reports and every "
                  "page's HTML. This is a maintainer's `make build` after the first.", "",
                  "| scale | warm build | bare build | warm / bare | hook in build | hook share | hook per report "
                  "| peak memory (after zh / both) |", "|---|---|---|---|---|---|---|---|"]
        for s_, r in by.items():
            m = smw[s_]
            lines.append(f"| {s_}x | {m['real_s']:.1f} s | {m['bare_s']:.1f} s | {m['vs_bare']:.2f} | "
                         f"{m['hook_s']:.2f} s | {100 * m['hook_share']:.0f}% | {m['hook_per_report_ms']:.0f} ms | "
                         f"{m['rss_zh_mb']:.0f} / {m['rss_mb']:.0f} MB |")
    else:
        smw = None
    adds = {s_: added_cost(r) for s_, r in by.items()}
    if all(adds.values()):
        lines += ["", "### Adding a report", "",
                  "What a maintainer's build costs when one report is registered (its seed, PO file and registry "
                  "entry: the corpus's next report, `corpus.add_report`), against the same build with nothing changed "
                  "just before it; both with the disk cache the builds before them left. The difference is what the "
                  "added report itself costs: it is parsed, translated and indexed, its pages and its city's are made, "
                  "and it joins the pages about all reports. Medians of the differences, run by run.", "",
                  "| scale | reports before | the next build, nothing changed (hook) | with one report added (hook) "
                  "| what the added report costs (hook) |", "|---|---|---|---|---|"]
        for s_, r in by.items():
            a_ = adds[s_]
            lines.append(f"| {s_}x | {r['reports']} | {a_['same_s']:.1f} s ({a_['same_hook_s']:.2f} s) | "
                         f"{a_['added_s']:.1f} s ({a_['added_hook_s']:.2f} s) | {a_['cost_s']:.2f} s "
                         f"({a_['cost_hook_s']:.2f} s) |")
        below = [f"{s_}x" for s_, a_ in adds.items() if a_["cost_s"] <= 0]
        if below:
            lines += ["", f"At {', '.join(below)} the whole build's difference is not above zero: there, the "
                      "build-to-build noise (MkDocs included) is larger than what the report adds; the hook's own time "
                      "measures it."]
    lines += ["", "## Pages and search", "",
              "| scale | median page | largest page | pages over 150 KB | search index zh (raw / gzip) "
              "| search index en (raw / gzip) | first query zh (median / max) | first query en (median / max) "
              "| fetched by a first query zh / en |",
              "|---|---|---|---|---|---|---|---|---|"]
    for s, r in by.items():
        p, sz = r["pages"], r["search"]
        fq = r.get("first_query")
        q = (lambda lang: f"{fq[lang]['median_ms']:.0f} / {fq[lang]['max_ms']:.0f} ms") if fq else (lambda lang: "—")
        fetched = f"{fq['zh']['median_fetched_kb']:.0f} / {fq['en']['median_fetched_kb']:.0f} KB" if fq else "—"
        lines.append(
            f"| {s}x | {p['median_kb']:.1f} KB | {p['max_kb']:.1f} KB ({p['largest'][0][0]}) | {p['over_150kb']} | "
            f"{sz['zh']['raw_kb']:.0f} / {sz['zh']['gz_kb']:.0f} KB | {sz['en']['raw_kb']:.0f} / "
            f"{sz['en']['gz_kb']:.0f} KB | {q('zh')} | {q('en')} | {fetched} |")
    for s, r in by.items():
        kinds = r["pages"].get("over_150kb_kinds")
        if kinds:
            lines += ["", f"Pages over 150 KB at {s}x: " + ", ".join(f"`{k}` ({n})" for k, n in kinds.items()) + "."]
    lines += ["", "Largest pages at the largest scale: " + ", ".join(
        f"`{p}` {kb} KB" for p, kb in by[max(by)]["pages"]["largest"]) + "."]
    if "first_query" in by[max(by)] and by[max(by)]["first_query"]:
        lines += ["", "First queries at the largest scale (ms, results, KB fetched): " + "; ".join(
            f"{q['q']} {q['ms']:.0f} ms, {q['results']}, {q['fetched_kb']:.0f} KB"
            for lang in ("zh", "en") for q in by[max(by)]["first_query"][lang]["queries"]) + "."]
    # where the hook's time goes
    names = sorted({n for m in sm.values() for n in m["stages"]})
    if names:
        lines += ["", "## Where the hook's time goes (both editions, seconds; per report in brackets)", "",
                  "| stage | " + " | ".join(f"{s}x" for s in by) + " |", "|---|" + "---|" * len(by)]
        for n in names:
            lines.append(f"| {n} | " + " | ".join(
                f"{sm[s]['stages'].get(n, 0):.2f} ({1000 * sm[s]['stages'].get(n, 0) / by[s]['reports']:.0f} ms)"
                for s in by) + " |")
    prev = _preview_section(lines, by, "preview", "preview_warm")
    prev_report = _preview_section(lines, by, "preview_report", "preview_report_warm")
    alone = [r for r in results if r.get("city_alone") and "error" not in r["city_alone"]]
    if alone:
        c = alone[0]["city_alone"]
        lines += ["", f"## One city built alone ({alone[0]['scale']}x)", "",
                  f"`{c['city']}` built by itself (`GWR_CITY={c['city']}`, Chinese edition): {c['identical']} of its "
                  f"{c['files']} files (pages compared by their content, the navigation aside; scripts and data as "
                  f"bytes) are identical to the whole site's"
                  + (f"; different: {', '.join(c['different'])}" if c["different"] else "")
                  + f". That build took {c['cpu']:.1f} s CPU and {c['rss_mb']:.0f} MB."]
    prof = [r for r in results if r.get("profile") and "error" not in r["profile"]]
    grow_rows = []
    if len(prof) >= 2:
        small, large = prof[0], prof[-1]
        grow_rows = growth((small["reports"], small["profile"]), (large["reports"], large["profile"]))
        lines += ["", f"## Growth of each function, {small['scale']}x -> {large['scale']}x (profiled Chinese build)",
                  "", f"Cumulative seconds under cProfile (which slows Python code down several times; the ratios "
                  f"are what counts), the least of {PROFILE_RUNS} profiled builds a scale, "
                  f"of every project function taking at least 1% of the largest one; growth = "
                  f"time per report at {large['scale']}x / time per report at {small['scale']}x. The profiled "
                  f"builds write their files in memory ({PROFILE_SCRATCH}) where it exists: creating a file on "
                  f"this machine's disk costs from 25 to 500 µs depending on other writes, which is noise here, "
                  f"not growth (the build tables above write to the disk).", "",
                  "| function | " + f"{small['scale']}x | {large['scale']}x | growth |", "|---|---|---|---|"]
        for key, t1, t2, ratio in grow_rows[:15]:
            lines.append(f"| `{key}` | {t1:.2f} s | {t2:.2f} s | {ratio:.2f}{' **>1.3**' if ratio > 1.3 else ''} |")
    # targets
    big, ten = max(by), (10 if 10 in by else min(by))
    m_big = sm[big]
    lines += ["", f"## Targets (at {big}x unless stated)", "", "| target | measured | |", "|---|---|---|"]
    g = m_big["hook_per_report_ms"] / sm[ten]["hook_per_report_ms"]
    lines.append(f"| hook time per report at {big}x within 1.3x of {ten}x | {g:.2f}x "
                 f"({sm[ten]['hook_per_report_ms']:.0f} -> {m_big['hook_per_report_ms']:.0f} ms) | {_ok(g <= 1.3)} |")
    if grow_rows:
        worst = grow_rows[0]
        lines.append(f"| no project function grows faster than the reports (profile) | worst `{worst[0]}` "
                     f"{worst[3]:.2f}x | {_ok(worst[3] <= 1.3)} |")
    lines.append(f"| hook at most 20% of the build (no disk cache) | {100 * m_big['hook_share']:.0f}% | "
                 f"{_ok(m_big['hook_share'] <= 0.2)} |")
    lines.append(f"| build at most 1.5x bare (no disk cache) | {m_big['vs_bare']:.2f}x | {_ok(m_big['vs_bare'] <= 1.5)} |")
    if smw:
        w = smw[big]
        lines.append(f"| hook at most 20% of the build (the next build, disk cache) | {100 * w['hook_share']:.0f}% | "
                     f"{_ok(w['hook_share'] <= 0.2)} |")
        lines.append(f"| build at most 1.5x bare (the next build, disk cache) | {w['vs_bare']:.2f}x | "
                     f"{_ok(w['vs_bare'] <= 1.5)} |")
    if adds.get(big) and adds.get(ten) and big != ten:
        a_big, a_ten = adds[big]["cost_hook_s"], adds[ten]["cost_hook_s"]
        lines.append(f"| adding a report at {big}x costs what it did at {ten}x: the hook's time for it within 1.3x "
                     f"| {a_ten:.2f} s at {ten}x, {a_big:.2f} s at {big}x: {a_big / a_ten:.2f}x | "
                     f"{_ok(a_big <= 1.3 * a_ten)} |")
    mx = max(by[s]["pages"]["max_kb"] for s in by)
    md = max(by[s]["pages"]["median_kb"] for s in by)
    lines.append(f"| no page over 150 KB, at every scale | largest {mx:.0f} KB | {_ok(mx <= 150)} |")
    lines.append(f"| median page at most 60 KB, at every scale | largest median {md:.0f} KB | {_ok(md <= 60)} |")
    mem = m_big["rss_mb"]
    lines.append(f"| peak memory at most 300 MB per edition | {mem:.0f} MB (the process that builds both) | "
                 f"{_ok(mem <= 300)} |")
    fq1, fqb = by[min(by)].get("first_query"), by[big].get("first_query")
    if fq1 and fqb:
        a = max(fq1[lang]["max_ms"] for lang in ("zh", "en"))
        b = max(fqb[lang]["max_ms"] for lang in ("zh", "en"))
        lines.append(f"| first query <= 100 ms at {min(by)}x (slowest query, both editions) | {a:.0f} ms | "
                     f"{_ok(a <= 100)} |")
        lines.append(f"| first query <= 150 ms at {big}x (slowest query, both editions) | {b:.0f} ms | "
                     f"{_ok(b <= 150)} |")
    _preview_targets(lines, prev, by[big].get("preview_warm"), "one city")
    _preview_targets(lines, prev_report, by[big].get("preview_report_warm"), "one report")
    return "\n".join(lines) + "\n"


def _median_known(xs: list[dict], k: str) -> float:
    """The median of the builds that gave the value: mkdocs serve's own time is read from its log, and a build whose
    line was not read (one of six rebuilds in the bench of 2026-11-30) has none (NaN), not a zero."""
    known = [x[k] for x in xs if x[k] == x[k]]
    return statistics.median(known) if known else float("nan")


def _preview_section(lines: list[str], by: dict, key: str, warm_key: str) -> dict | None:
    """The table of a preview at the largest scale (``key``: of one city, or of one report), added to ``lines``; the
    preview's results, or None when it was not measured or failed."""
    prev = by.get(max(by)).get(key)
    what = "one report" if key == "preview_report" else "one city"
    if prev and "error" in prev:
        lines += ["", f"Preview of {what} at {max(by)}x: failed ({prev['error'][:300]})."]
        return None
    if not prev:
        return None
    med = _median_known
    if prev.get("report"):
        title = f"`make serve REPORT={prev['report']}` (one of the {prev['reports']} reports of its city, Chinese edition)"
    else:
        title = f"`make serve CITY={prev['city']}` ({prev['reports']} reports, Chinese edition)"
    lines += ["", f"## Preview of {what} at {max(by)}x: {title}", "",
              "| build | CPU time of the serve process | as mkdocs serve reports it (wall-clock) "
              "| as the maintainer waits (from the save) |", "|---|---|---|---|",
              f"| first build, no disk cache | {prev['first']['cpu']:.2f} s ({prev['first']['cpu_with_start']:.2f} s "
              "with Python's start, imports and configuration) | "
              f"{prev['first']['reported']:.2f} s | {prev['first']['wall']:.2f} s from the command |",
              *([f"| first build, the disk cache left by an earlier build | "
                 f"{by[max(by)][warm_key]['first']['cpu']:.2f} s | "
                 f"{by[max(by)][warm_key]['first']['reported']:.2f} s | "
                 f"{by[max(by)][warm_key]['first']['wall']:.2f} s from the command |"]
                if by[max(by)].get(warm_key) and "error" not in by[max(by)][warm_key] else []),
              f"| after a seed edit (median of {len(prev['seed'])}) | {med(prev['seed'], 'cpu'):.2f} s | "
              f"{med(prev['seed'], 'reported'):.2f} s | {med(prev['seed'], 'wall'):.2f} s |",
              f"| after a PO edit (median of {len(prev['po'])}) | {med(prev['po'], 'cpu'):.2f} s | "
              f"{med(prev['po'], 'reported'):.2f} s | {med(prev['po'], 'wall'):.2f} s |"]
    unread = sum(1 for x in prev["seed"] + prev["po"] if x["reported"] != x["reported"])
    if unread:
        lines += ["", f"mkdocs serve's own time (the third column) was not read from its log for {unread} of the "
                  f"{len(prev['seed']) + len(prev['po'])} rebuilds: its medians are of the others."]
    twice = sum(1 for x in prev["seed"] + prev["po"] if x.get("builds", 1) > 1)
    if twice:
        lines += ["", f"{twice} of the {len(prev['seed']) + len(prev['po'])} saves were rebuilt more than once "
                  "(the watcher saw the save twice): their times run from the save to the end of the last build, "
                  "which is what the maintainer waits for; the reported time is the last build's."]
    return prev


def _preview_targets(lines: list[str], prev: dict | None, warm: dict | None, what: str) -> None:
    """The preview's rows of the targets table."""
    if not prev:
        return
    rebuild = max(x["cpu"] for x in prev["seed"] + prev["po"])
    lines.append(f"| preview of {what}: first build, no disk cache, <= 2 s | {prev['first']['cpu']:.2f} s CPU "
                 f"({prev['first']['reported']:.2f} s as mkdocs serve reports it) | {_ok(prev['first']['cpu'] <= 2.0)} |")
    if warm and "error" not in warm:
        lines.append(f"| preview of {what}: first build after an earlier build (disk cache), <= 2 s | "
                     f"{warm['first']['cpu']:.2f} s CPU ({warm['first']['reported']:.2f} s) | "
                     f"{_ok(warm['first']['cpu'] <= 2.0)} |")
    lines.append(f"| preview of {what}: each rebuild after a seed or PO edit <= 2 s | slowest {rebuild:.2f} s CPU "
                 f"| {_ok(rebuild <= 2.0)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scales", default="1,10,30,100")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-preview", action="store_true")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench"))
    args = ap.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    work = Path(tempfile.mkdtemp(prefix="gwr-bench-"))
    results = []
    try:
        for scale in scales:
            print(f"{scale}x ...", flush=True)
            res = measure(scale, args.runs, work, not args.no_browser,
                          not args.no_preview and scale == max(scales),
                          not args.no_profile and scale in (10, max(scales)) and max(scales) > 10,
                          with_city=scale == 30)
            results.append(res)
            (Path(args.out) / "results.json").write_text(json.dumps({"meta": {}, "results": results}, indent=1,
                                                                    ensure_ascii=False) + "\n", encoding="utf-8")
            m = summary(res)
            print(f"  {scale}x: real {m['real_s']:.1f} s, bare {m['bare_s']:.1f} s, ratio {m['vs_bare']:.2f}, "
                  f"hook {m['hook_s']:.2f} s ({100 * m['hook_share']:.0f}%), peak {m['rss_mb']:.0f} MB, "
                  f"pages median {res['pages']['median_kb']:.0f} KB max {res['pages']['max_kb']:.0f} KB", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    meta = {"date": time.strftime("%Y-%m-%d"), "runs": args.runs,
            "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.machine()}"}
    out = Path(args.out)
    (out / "results.json").write_text(json.dumps({"meta": meta, "results": results}, indent=1, ensure_ascii=False)
                                      + "\n", encoding="utf-8")
    report = write_report(results, meta)
    (out / "RESULTS.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
