"""One city built alone (``GWR_CITY``) and a maintainer's preview of it (``make serve CITY=…``: ``GWR_PREVIEW``).

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
