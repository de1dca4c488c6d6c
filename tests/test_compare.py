"""Comparison pages and the panel: every city's targets for a year in one table, in both editions, as CSV."""

from __future__ import annotations

import re

import csv
import io
import shutil
from urllib.parse import urlparse

import pytest
from conftest import ROOT, SITE_URL, copy_project
from sitecheck import html_pages, load

from gwr import compare_pages
from gwr.export import Urls
from gwr.indicator_context import Context
from gwr.pipeline import load_site

BASE = urlparse(SITE_URL).path


def _csv(site, name):
    return list(csv.DictReader(io.StringIO((site / name).read_text(encoding="utf-8"))))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_2026_comparison_has_every_city_and_every_value_one_click_from_its_sentence(site, prefix):
    page = load(site, prefix + "compare/2026/")
    assert {"main", "shared", "five-year"} <= page.ids
    raw = (site / prefix / "compare/2026/index.html").read_text(encoding="utf-8")
    main = raw[raw.index('id="main"'):raw.index('id="shared"')]
    head = main[main.index("<thead"):main.index("</thead>")]
    for city in (("深圳", "北京", "上海") if not prefix else ("Shenzhen", "Beijing", "Shanghai")):
        assert city in head
    for ind in ("gdp-growth", "budget-revenue-growth", "cpi", "new-jobs", "unemployment"):
        assert f'<tr role="row" id="{ind}">' in main, ind
    gdp = main[main.index('<tr role="row" id="gdp-growth">'):]
    gdp = gdp[:gdp.index("</tr>")]
    assert "beijing/2026/part-3/#part_3__para_2" in gdp and "shanghai/2026/part-3/#part_3__para_2" in gdp
    assert "shenzhen/2026-summary/part-3/#part_3__para_1" in gdp
    assert ("5%左右" if not prefix else "about 5%") in gdp
    assert ("在实际工作中争取更好结果" if not prefix else "striving for better") in gdp  # Shenzhen's qualifier
    assert ("2025年实绩" if not prefix else "2025 result") in gdp and "5.4%" in gdp   # beside last year's result
    # every link of the page resolves, anchors included
    cache = {}
    for href in page.links:
        if "#" not in href or href.startswith("http"):
            continue
        target = (site / prefix / "compare/2026" / href.split("#")[0]).resolve()
        rel = str(target.relative_to(site.resolve())).rstrip("/") + "/"
        rel = "" if rel == "./" else rel
        ids = cache.setdefault(rel, load(site, rel).ids)
        assert href.split("#")[1] in ids, href


def test_comparison_tables_download_as_csv(site):
    pages, cache = html_pages(site), {}
    for name in ("data/compare/2025.csv", "data/compare/2026.csv", "data/compare/2026-shared.csv",
                 "data/compare/2026-five-year.csv"):
        rows = _csv(site, name)
        assert rows, name
        for r in rows:
            for key in ("url", "url_en", "previous_url"):
                if r[key]:
                    u = urlparse(r[key])
                    path = u.path[len(BASE):]
                    assert path in pages, r[key]
                    assert u.fragment in cache.setdefault(path, load(site, path).ids), r[key]
    rows = _csv(site, "data/compare/2026.csv")
    bj = [r for r in rows if r["city"] == "北京" and r["indicator"] == "gdp-growth"][0]
    assert (bj["value"], bj["comparator"], bj["text_zh"], bj["text_en"], bj["previous_value"]) == \
        ("5", "≈", "5%左右", "about 5%", "5.4")
    five = _csv(site, "data/compare/2026-five-year.csv")
    gdp = [r for r in five if r["city"] == "北京" and r["indicator"] == "gdp-growth"][0]
    assert (gdp["period"], gdp["value"], gdp["value_high"], gdp["comparator"]) == ("2026-2030", "4.5", "5", "range")


def test_panel_csv(site):
    rows = _csv(site, "data/panel.csv")
    cities = {r["city"] for r in rows}
    assert {"深圳", "北京", "上海", "苏州"} <= cities
    bj = [r for r in rows if r["city"] == "北京" and r["indicator"] == "gdp-growth" and r["year"] == "2025"][0]
    assert (bj["target_value"], bj["result_value"], bj["status"]) == ("5", "5.4", "met")
    avg = [r for r in rows if r["city"] == "北京" and r["indicator"] == "gdp-growth" and r["period"] == "2021-2025"][0]
    assert (avg["year"], avg["basis"], avg["result_value"], avg["target_value"]) == ("", "average", "5.2", "")
    assert len({(r["city"], r["indicator"], r["year"], r["period"], r["basis"]) for r in rows}) == len(rows)


def test_pages_are_linked_and_listed(site):
    for prefix in ("", "en/"):
        assert any(h.rstrip("/").endswith("compare") for h in load(site, prefix).links)
        idx = load(site, prefix + "compare/")
        assert any(h.endswith("2025/") for h in idx.links) and any(h.endswith("panel.csv") for h in idx.links)
    import json

    urls = {u["path"] for u in json.loads((site / "data/urls.json").read_text(encoding="utf-8"))["urls"]}
    assert {"/compare/", "/compare/2026/", "/en/compare/2026/", "/beijing/themes/housing/"} <= urls


def test_national_column_when_a_national_report_is_registered(tmp_path):
    """The State Council's report, registered as a test, gives the national target beside the cities."""
    project = copy_project(tmp_path / "project")
    shutil.copy2(ROOT / "tests/fixtures/corpus/national-2025.md", project / "seeds/national-2025.md")
    with open(project / "data/reports.yml", "a", encoding="utf-8") as f:
        f.write("\n  - id: national-2025\n    file: seeds/national-2025.md\n    city: 全国\n    city_en: China\n"
                "    year: 2025\n    kind: full\n")
    site = load_site(project)
    ctx = Context(site.docs, site.catalogue, site.figures, site.scores, Urls(SITE_URL), "en")
    key, title, table, inds, prev = compare_pages.tables(ctx, 2025)[0]
    assert compare_pages.is_national(table.sources[0].meta)  # first column
    from gwr.slots import fill_slots

    html = fill_slots(compare_pages.render_year(ctx, 2025)["compare/2025.md"])
    head = html[html.index("<thead"):html.index("</thead>")]
    assert head.index("National") < head.index("Shenzhen")
    assert ("new-jobs", "national-2025") in table.cells and ("unemployment", "national-2025") in table.cells
    # the nation is not counted as a city that shares an indicator
    assert "grain-output" not in {i.id for i in inds}


def test_a_year_of_many_cities_is_split_into_pages_of_a_few(monkeypatch):
    """A year's comparison grows with the cities (a column is about 15 KB): past CITIES_PER_PAGE cities it is
    split into pages (/compare/<year>/, /compare/<year>/2/, ...), each city on one page, each page linking to the
    others by their cities; the first page keeps the year's URL and the anchors of its tables."""
    from gwr.slots import fill_slots

    site = load_site(ROOT)
    ctx = Context(site.docs, site.catalogue, site.figures, site.scores, Urls(SITE_URL), "en")
    whole = compare_pages.render_year(ctx, 2025)
    assert list(whole) == ["compare/2025.md"]
    monkeypatch.setattr(compare_pages, "CITIES_PER_PAGE", 2)
    pages = {src: fill_slots(md) for src, md in compare_pages.render_year(ctx, 2025).items()}
    assert list(pages) == ["compare/2025.md", "compare/2025/2.md"]
    columns = []
    for src, html in pages.items():
        head = html[html.index("<thead"):html.index("</thead>")]
        cities = re.findall(r'scope="col"><a href="[^"]*">([^<]+)</a>', head)
        assert len(cities) == 2, (src, cities)
        columns += cities
        assert "{#main}" in html and '<nav class="gwr-pager"' in html
        assert html.count('aria-current="page"') == 1
    assert sorted(columns) == sorted({"Shenzhen", "Beijing", "Shanghai", "Suzhou"})
    assert '<a href="2/">' in pages["compare/2025.md"] and '<a href="../">' in pages["compare/2025/2.md"]
