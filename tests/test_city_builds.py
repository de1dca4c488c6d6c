"""One city built alone (``GWR_CITY``), a maintainer's preview of it (``make serve CITY=…``: ``GWR_PREVIEW``) and
of one report (``make serve REPORT=…``: ``GWR_REPORT``).

A city's pages need nothing that only a build of every city can compute (bench/SCALING.md): built alone, they
read as in the whole site. The navigation, which lists every city, is left out of the comparison."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import os
from pathlib import Path

from conftest import ROOT, SITE_URL, build_ok

CITY = "beijing"
_ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def _articles(site: Path, folder: str) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): _ARTICLE.search(p.read_text(encoding="utf-8")).group(0)
            for p in sorted((site / folder).rglob("index.html"))}


def test_one_city_built_alone_reads_as_in_the_whole_site(site, tmp_path):
    alone = build_ok(ROOT, tmp_path / "alone", GWR_CITY=CITY)
    for folder in (CITY, f"en/{CITY}"):
        mine, whole = _articles(alone, folder), _articles(site, folder)
        assert len(mine) > 5 and set(mine) == set(whole)
        assert [p for p in mine if mine[p] != whole[p]] == []
    assert not (alone / "shanghai").exists() and not (alone / "en/shanghai").exists()
    for rid in ("beijing-2025", "beijing-2026"):
        assert (alone / f"data/reports/{rid}.json").read_bytes() == (site / f"data/reports/{rid}.json").read_bytes()


def test_preview_of_one_city(site, tmp_path):
    """``make serve CITY=beijing`` builds (strictly) the city's reports and pages, not the pages or the open data
    about all reports, and no search index."""
    out = tmp_path / "preview"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL, GWR_CITY=CITY, GWR_PREVIEW="1")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                        "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    assert [ln for ln in r.stderr.splitlines() if ln.startswith("WARNING")] == []
    whole = _articles(site, f"{CITY}/2026")
    mine = _articles(out, f"{CITY}/2026")
    assert set(mine) == set(whole) and all(mine[p] == whole[p] for p in mine)  # the report as published
    assert (out / f"{CITY}/timeline/index.html").is_file()
    assert not (out / "shanghai").exists()
    assert (out / "indicators/index.html").is_file() and not (out / "indicators/gdp-growth").exists()
    assert (out / "data/reports/beijing-2026.json").read_bytes() == (site / "data/reports/beijing-2026.json").read_bytes()
    assert not (out / "data/figures.csv").exists() and not (out / "data/urls.json").exists()
    index = json.loads((out / "search-index.json").read_text(encoding="utf-8"))
    assert index["n"] == 0 and not (out / "search/d").exists()


def _preview(out: Path, **env: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL, GWR_PREVIEW="1", **env)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


def test_preview_of_one_report(site, tmp_path):
    """``make serve REPORT=beijing-2026`` builds (strictly) that report's pages as published, with the city's
    timeline and sources and the index pages, and not the city's other reports' pages."""
    out = tmp_path / "report"
    r = _preview(out, GWR_REPORT="beijing-2026")
    assert r.returncode == 0, r.stderr[-3000:]
    assert [ln for ln in r.stderr.splitlines() if ln.startswith("WARNING")] == []
    whole, mine = _articles(site, f"{CITY}/2026"), _articles(out, f"{CITY}/2026")
    assert len(mine) > 3 and set(mine) == set(whole) and all(mine[p] == whole[p] for p in mine)
    for script in (site / f"{CITY}/2026").rglob("*.js"):  # the pages' other language and terms
        assert (out / script.relative_to(site)).read_bytes() == script.read_bytes()
    assert not (out / f"{CITY}/2025").exists() and not (out / "data/reports/beijing-2025.json").exists()
    assert (out / f"{CITY}/timeline/index.html").is_file() and (out / f"{CITY}/sources/index.html").is_file()
    assert not (out / f"{CITY}/themes").exists() and not (out / f"{CITY}/indicators").exists()
    assert (out / "indicators/index.html").is_file() and not (out / "shanghai").exists()
    assert (out / "data/reports/beijing-2026.json").read_bytes() == (site / "data/reports/beijing-2026.json").read_bytes()


def test_preview_of_an_unknown_report_names_the_reports(tmp_path):
    r = _preview(tmp_path / "out", GWR_REPORT="beijing-2031")
    assert r.returncode != 0
    assert "no report 'beijing-2031'" in r.stderr and "beijing-2025, beijing-2026" in r.stderr
    r = _preview(tmp_path / "out", GWR_REPORT="beijing-2026", GWR_CITY="shanghai")
    assert r.returncode != 0 and "of city 'beijing', not 'shanghai'" in r.stderr
