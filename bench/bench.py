"""`make bench`: build cost of the pipeline, measured against a bare MkDocs + Material build.

Prints and writes bench/RESULTS.md:

* full build time (hook + macros + redirects) next to a bare MkDocs + Material build of
  the same generated Markdown, measured in the same run, as a ratio;
* the pipeline's own time (load, parse, render, export, search index);
* scaling at 1x, 5x and 10x synthetic reports (the seeds registered again under other
  years): build time and HTML size per page;
* the `mkdocs serve` rebuild latency after a data edit, at 1x.

Goals (from the foundation issue): pipeline <= 5% of build time; build <= 1.2x bare;
no superlinear growth beyond Material's navigation; serve rebuild <= 2 s at 1x.
"""

from __future__ import annotations

import os
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from gwr import crosslink_pages, export, indicator_pages, render, search  # noqa: E402
from gwr.pipeline import load_site  # noqa: E402

PROJECT = ["mkdocs.yml", "mkdocs.en.yml", "docs", "hooks", "overrides", "data", "seeds"]
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
RUNS = 3


def make_project(dest: Path, scale: int) -> Path:
    dest.mkdir(parents=True)
    for name in PROJECT:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    registry = yaml.safe_load((ROOT / "data/reports.yml").read_text(encoding="utf-8"))
    reports = []
    for i in range(scale):
        for entry in registry["reports"]:
            e = dict(entry)
            year = e["year"] - i
            e["id"] = e["id"].replace(str(e["year"]), str(year))
            e["year"] = year
            reports.append(e)
    (dest / "data/reports.yml").write_text(
        yaml.safe_dump({"reports": reports}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return dest


def timed_build(project: Path, config: str = "mkdocs.yml") -> float:
    times = []
    for _ in range(RUNS):
        site = Path(tempfile.mkdtemp()) / "site"
        t0 = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / config), "-d", str(site)],
            cwd=project, env=ENV, capture_output=True, text=True,
        )
        times.append(time.perf_counter() - t0)
        if result.returncode:
            raise SystemExit(f"build failed:\n{result.stderr}")
        shutil.rmtree(site.parent)
    return statistics.median(times)


def html_stats(project: Path) -> tuple[int, float]:
    site = Path(tempfile.mkdtemp()) / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=ENV, check=True)
    pages = list(site.rglob("*.html"))
    size = sum(p.stat().st_size for p in pages)
    shutil.rmtree(site.parent)
    return len(pages), size / len(pages)


def pipeline_time(project: Path) -> float:
    """Everything our code does in a build, outside MkDocs: parse, render, export, index."""
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        site = load_site(project)
        urls = export.Urls("http://127.0.0.1:8000/")
        for doc in site.docs:
            render.render_report(doc, site.edition(doc, "zh"), site.shas[doc.meta.id], "x.json")
            export.document_json(doc, site.shas[doc.meta.id], urls, site.translations.get(doc.meta.id))
        export.registry_json(site.docs, site.shas, urls)
        export.urls_json(site.docs, ["index.md"], urls)
        render.render_sources(site.docs, site.shas, "zh")
        render.reports_table(site.docs, "zh")
        eds = {d.meta.id: site.edition(d, "zh") for d in site.docs}
        search.index_json(site.docs, [], site.terms, "zh", eds)
        # indicators, scorecards, themes, cross-links, what's new
        ictx = indicator_pages.Context(site.docs, site.catalogue, site.figures, site.scores, urls, "zh")
        xctx = crosslink_pages.XContext(site.docs, site.themes, site.entries, site.links, urls, "zh", eds,
                                        site.figures, site.matcher, site.catalogue)
        indicator_pages.files(ictx)
        crosslink_pages.files(xctx)
        for doc in site.docs:
            crosslink_pages.notes(xctx, doc)
            crosslink_pages.render_whats_new(xctx, doc)
            indicator_pages.main_table(ictx, doc)
            indicator_pages.render_figures_page(ictx, doc)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def make_bare(project: Path) -> None:
    """The same generated Markdown, built by plain MkDocs + Material: no hook, no plugins."""
    site = load_site(project)
    docs = project / "docs" / "zh"  # the Chinese edition's docs_dir
    urls = export.Urls("http://127.0.0.1:8000/")
    eds = {d.meta.id: site.edition(d, "zh") for d in site.docs}
    ictx = indicator_pages.Context(site.docs, site.catalogue, site.figures, site.scores, urls, "zh")
    xctx = crosslink_pages.XContext(site.docs, site.themes, site.entries, site.links, urls, "zh", eds,
                                    site.figures, site.matcher, site.catalogue)
    pages = {}
    for doc in site.docs:
        eds[doc.meta.id].notes = crosslink_pages.notes(xctx, doc)
        extra = indicator_pages.main_table(ictx, doc) + "\n" + crosslink_pages.render_whats_new(xctx, doc)
        pages.update(render.render_report(doc, eds[doc.meta.id], site.shas[doc.meta.id], "x.json", extra))
        pages[render.figures_src(doc)] = indicator_pages.render_figures_page(ictx, doc)
    pages.update({k: v for k, v in {**indicator_pages.files(ictx), **crosslink_pages.files(xctx)}.items()
                  if k.endswith(".md")})
    for src, text in pages.items():
        depth = src.count("/") + (0 if src.endswith("index.md") else 1)
        text = render.fill_slots(text).replace(render.ROOT_HREF, "../" * depth)  # all of it through Markdown
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(text, encoding="utf-8")
    config = yaml.safe_load(
        re.sub(r"!ENV \[SITE_URL, (\"[^\"]+\")\]", r"\1", (project / "mkdocs.yml").read_text(encoding="utf-8"))
    )
    config.pop("hooks")
    config["plugins"] = []
    config["theme"].pop("custom_dir")
    config["strict"] = False
    nav = []
    for item in config["nav"]:
        markers = {"gwr:reports": render.nav(site.docs), "gwr:indicators": indicator_pages.nav(ictx),
                   "gwr:themes": crosslink_pages.nav(xctx)}
        nav.extend(markers[item] if isinstance(item, str) and item in markers else [item])
    config["nav"] = nav
    (project / "bare.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_latency(project: Path, edits: int = 3) -> list[float]:
    """Seconds from a data edit to the end of the rebuild, as `mkdocs serve` logs it."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=ENV, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    built = threading.Event()
    def reader():
        for line in proc.stderr:
            if "Documentation built" in line or "Reloading browsers" in line:
                built.set()
    threading.Thread(target=reader, daemon=True).start()
    try:
        if not built.wait(120):
            raise SystemExit("mkdocs serve did not start")
        time.sleep(1.5)
        latencies = []
        terms = project / "data/terms.yml"
        for i in range(edits):
            built.clear()
            t0 = time.perf_counter()
            terms.write_text(terms.read_text(encoding="utf-8") + f"  - 基准测试词{i}\n", encoding="utf-8")
            if not built.wait(60):
                raise SystemExit("no rebuild after the edit")
            latencies.append(time.perf_counter() - t0)
            time.sleep(1.5)
        return latencies
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    rows = []
    results = {}
    work = Path(tempfile.mkdtemp(prefix="gwr-bench-"))
    try:
        for scale in (1, 5, 10):
            project = make_project(work / f"x{scale}", scale)
            full = timed_build(project)
            pipe = pipeline_time(project)
            pages, per_page = html_stats(project)
            bare_project = make_project(work / f"bare{scale}", scale)
            make_bare(bare_project)
            bare = timed_build(bare_project, "bare.yml")
            results[scale] = (full, bare, pipe, pages, per_page)
            rows.append(
                f"| {scale}x | {len(load_site(project).docs)} | {pages} | {full:.2f} s | {bare:.2f} s | "
                f"{full / bare:.2f} | {pipe * 1000:.0f} ms | {100 * pipe / full:.1f}% | {per_page / 1024:.1f} KB |"
            )
            print(rows[-1], flush=True)
        latencies = serve_latency(make_project(work / "serve", 1))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    f1, f10 = results[1][0], results[10][0]
    p1, p10 = results[1][3], results[10][3]
    report = "\n".join(
        [
            "# Benchmark results",
            "",
            f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}. Median of {RUNS} builds each. "
            "Written by `make bench` (bench/bench.py).",
            "",
            "| scale | reports | HTML pages | full build | bare MkDocs + Material | ratio | pipeline | pipeline share | HTML per page |",
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"- Growth 1x -> 10x: build time x{f10 / f1:.1f} for pages x{p10 / p1:.1f}.",
            f"- `mkdocs serve` rebuild after editing data/terms.yml at 1x: "
            + ", ".join(f"{x:.2f} s" for x in latencies)
            + f" (median {statistics.median(latencies):.2f} s).",
            "",
            "Goals: pipeline <= 5% of build; full build <= 1.2x bare; no superlinear growth beyond Material's "
            "navigation (navigation.prune is on); serve rebuild <= 2 s at 1x.",
            "",
        ]
    )
    (ROOT / "bench/RESULTS.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
