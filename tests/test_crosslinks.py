"""Timelines and cross-links, read from the built site in both editions."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from conftest import ROOT, SITE_URL
from sitecheck import html_pages, load

from gwr.periods import part_infos
from gwr.pipeline import load_site
from gwr.registry import load_yaml
from gwr.themes import nodes

BASE = urlparse(SITE_URL).path


@pytest.fixture(scope="module")
def model():
    return load_site(ROOT)


def _resolves(site, url, pages, cache) -> bool:
    u = urlparse(url)
    path = u.path[len(BASE):]
    if path not in pages:
        return False
    ids = cache.setdefault(path, load(site, path).ids)
    return not u.fragment or u.fragment in ids


def test_every_crosslink_resolves_in_both_editions(site):
    pages, cache = html_pages(site), {}
    data = json.loads((site / "data/crosslinks.json").read_text(encoding="utf-8"))
    links = data["links"]
    assert {l["relation"] for l in links} == {"result", "plan", "related"}
    bad = [(l["from"]["url"][lang], l["to"]["url"][lang]) for l in links for lang in ("zh", "en")
           if not (_resolves(site, l["from"]["url"][lang], pages, cache)
                   and _resolves(site, l["to"]["url"][lang], pages, cache))]
    assert bad == []


def test_seed_alignment_is_the_curated_file(site, model):
    curated = load_yaml((ROOT / "data/alignments.yml").read_text(encoding="utf-8"), typed=True)["alignments"]
    expected = {((a["plan"], l["plan"]), (a["result"], r)) for a in curated for l in a["links"] for r in l["result"]}
    data = json.loads((site / "data/crosslinks.json").read_text(encoding="utf-8"))["links"]
    got = {((l["from"]["report"], l["from"]["id"]), (l["to"]["report"], l["to"]["id"]))
           for l in data if l["relation"] == "result" and l["basis"] == "curated"}
    back = {((l["to"]["report"], l["to"]["id"]), (l["from"]["report"], l["from"]["id"]))
            for l in data if l["relation"] == "plan" and l["basis"] == "curated"}
    assert got == expected == back
    # the examples, read in the seeds
    for plan, results in (("part_2__sec_4", {"part_1__sec_7"}), ("part_2__sec_5", {"part_1__sec_4"}),
                          ("part_2__sec_6", {"part_1__sec_5", "part_1__sec_6"})):
        assert {r for (p, r) in expected if p == ("shenzhen-2025", plan)} == \
            {("shenzhen-2026-summary", r) for r in results}
    # every plan section of each curated plan is accounted for
    docs = {d.meta.id: d for d in model.docs}
    plans = {"shenzhen-2025": ["part_2"], "beijing-2025": ["part_2"], "shanghai-2025": ["part_2", "part_3"]}
    for a in curated:
        sections = {s.id for p in docs[a["plan"]].parts if p.id in plans[a["plan"]] for s in p.sections}
        assert {l["plan"] for l in a["links"]} == sections, a["plan"]
    assert {a["plan"] for a in curated} == set(plans)


def test_beijing_and_shanghai_alignments(site):
    # Beijing reviews 2025 in paragraphs (一是…六是), so its plan sections link to paragraphs
    plan = _sections((site / "beijing/2025/part-2/index.html").read_text(encoding="utf-8"))
    assert "beijing/2026/part-1/#part_1__para_7" in plan["part_2__sec_10"]      # ecology -> 四是美丽北京
    assert "beijing/2026/part-1/#part_1__para_4" in plan["part_2__sec_2"]       # capital functions -> 一是
    review = (site / "en/beijing/2026/part-1/index.html").read_text(encoding="utf-8")
    assert "beijing/2025/part-2/#part_2__sec_9" in review
    sh = _sections((site / "shanghai/2025/part-2/index.html").read_text(encoding="utf-8"))
    assert "shanghai/2026/part-1/#part_1__sec_4" in sh["part_2__sec_9"]          # livelihood -> 民生
    back = _sections((site / "shanghai/2026/part-1/index.html").read_text(encoding="utf-8"))
    assert "shanghai/2025/part-3/#part_3__sec_1" in back["part_1__sec_5"]       # government -> 政府自身建设


def _sections(html: str) -> dict[str, str]:
    """Section id -> the HTML from its heading to the next heading."""
    parts = re.split(r'(<h2 id="([^"]+)")', html)
    return {parts[i + 2]: parts[i + 3] for i in range(0, len(parts) - 3, 3)}


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_from_any_plan_paragraph_a_reader_reaches_the_results(site, prefix):
    html = (site / prefix / "shenzhen/2025/part-2/index.html").read_text(encoding="utf-8")
    secs = _sections(html)
    for n in range(1, 10):
        assert "shenzhen/2026-summary/part-1/#part_1__sec_" in secs[f"part_2__sec_{n}"], n
    assert "shenzhen/2026-summary/part-1/#part_1__sec_7" in secs["part_2__sec_4"]
    # and back: the 2025 results point to the 2025 plan
    back = _sections((site / prefix / "shenzhen/2026-summary/part-1/index.html").read_text(encoding="utf-8"))
    assert "shenzhen/2025/part-2/#part_2__sec_4" in back["part_1__sec_7"]
    assert "shenzhen/2025/part-2/#part_2__sec_6" in back["part_1__sec_5"]
    # the 2026 plan has no results yet, and says so
    plan26 = _sections((site / prefix / "shenzhen/2026-summary/part-3/index.html").read_text(encoding="utf-8"))
    assert ("尚未收录" if not prefix else "No report on this site reviews") in plan26["part_3__sec_1"]


def test_related_sections_are_listed(site):
    html = (site / "shenzhen/2025/part-1/index.html").read_text(encoding="utf-8")
    secs = _sections(html)
    with_related = [k for k, v in secs.items() if "gwr-related" in v]
    assert len(with_related) >= 8
    assert "shenzhen/2026-summary/part-1/#part_1__sec_5" in secs["part_1__sec_5"]  # Bay Area <-> Bay Area


def test_themes_read_for_one_city_or_for_all(site, model):
    for prefix in ("", "en/"):
        page = load(site, f"{prefix}themes/housing/")
        assert any(h.endswith("beijing/themes/housing/") for h in page.links)
        # a city's timeline moved from /themes/<theme>/<city>/ to /<city>/themes/<theme>/; the old URL redirects
        old = (site / prefix / "themes/housing/beijing/index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in old and "beijing/themes/housing/" in old
        city = load(site, f"{prefix}beijing/themes/housing/")
        cited = {h.split("/")[-4] for h in city.links if re.search(r"/(shenzhen|beijing|shanghai|suzhou)/20\d\d", h)}
        assert "beijing" in cited and not cited & {"shenzhen", "shanghai", "suzhou"}
        assert {"y2024", "y2025", "y2026"} <= city.ids
    # each report has entries for most themes
    for doc in model.docs:
        themes = {t for t, es in model.entries.items() if any(e.node.doc is doc for e in es)}
        assert len(themes) >= (4 if doc.meta.kind == "summary" else 10), (doc.meta.id, len(themes))


REQUIRED = ["artificial-intelligence", "low-altitude-economy", "hetao", "qianhai", "greater-bay-area",
            "hundred-thousand-ten-thousand-project", "consumption", "foreign-trade-and-opening-up", "housing",
            "ecology-and-green-transition", "culture-sports-and-tourism", "education", "health-and-elderly-care"]


def test_themes_cover_every_report_and_every_year(site, model):
    assert len(model.themes) >= 12 and set(REQUIRED) <= {t.id for t in model.themes}
    for theme in model.themes:
        entries = model.entries[theme.id]
        shenzhen = {d.meta.id for d in model.docs if d.meta.city == "深圳"}
        assert shenzhen <= {e.node.doc.meta.id for e in entries}, theme.id
        for doc in model.docs:
            for part, info in zip(doc.parts, part_infos(doc)):
                year, kind = info.year, info.kind
                if kind is None or (year != doc.meta.year and kind == "target"):
                    continue  # the five-year goals: matched where they mention the theme
                here = [e for e in entries if e.node.doc is doc and e.node.part == part.id]
                if here:
                    continue
                # a gap must be real: the part does not mention the theme at all, and the page says so
                text = "\n".join(n.text for n in nodes(doc) if n.part == part.id)
                assert theme.find(text) < 0, (theme.id, doc.meta.id, part.id)
                mode = "planned" if kind == "target" else "done"
                if any(e.node.doc is doc and e.node.year == year and e.node.mode == mode for e in entries):
                    continue  # another part of the report speaks of it in that year
                page = load(site, f"{doc.meta.city_slug}/themes/{theme.id}/").text  # the city's timeline
                said = ("{report}的{year}年工作安排未提及此主题" if kind == "target" else "{report}对{year}年工作的回顾未提及此主题")
                label = f"{doc.meta.year}年报告" + ("（摘要）" if doc.meta.kind == "summary" else "")
                assert said.format(report=label, year=year) in page, (theme.id, doc.meta.id, part.id)
        for prefix in ("", "en/"):
            page = load(site, f"{prefix}themes/{theme.id}/")
            assert {f"y{y}" for y in (2024, 2025, 2026)} <= page.ids


def test_theme_entries_link_to_their_paragraphs_in_the_page_language(site):
    zh = load(site, "shenzhen/themes/hetao/")
    en = load(site, "en/shenzhen/themes/hetao/")
    assert "河套" in zh.text and "Hetao" in en.text
    assert any("shenzhen/2026-summary/part-1/#part_1__sec_5__item_3" in h for h in en.links)
    eco = load(site, "en/shenzhen/themes/ecology-and-green-transition/")
    assert any("indicators/pm25/" in h for h in eco.links)


def test_timeline_of_reports(site):
    for prefix, words in (("", ["回顾2024年", "安排2025年", "展望至2030年", "安排2026年"]),
                          ("en/", ["review of 2024", "plan for 2025", "goals to 2030", "plan for 2026"])):
        page = load(site, prefix + "shenzhen/timeline/")  # the timeline of a city's reports
        for w in words:
            assert w in page.text, w
        assert {"shenzhen-2025", "shenzhen-2026-summary"} <= page.ids


def test_whats_new(site):
    page = load(site, "shenzhen/2026-summary/")
    raw = (site / "shenzhen/2026-summary/index.html").read_text(encoding="utf-8")
    new = raw[raw.index('id="new-terms"'):raw.index('id="gone-terms"')]
    assert "APEC会议" in new and "part-3/#part_3__sec_5" in new
    assert "十五五" not in new  # the 2025 report already speaks of it
    assert "whats-new" in page.ids
    assert "APEC" in load(site, "en/shenzhen/2026-summary/").text


def test_a_report_added_through_the_registry_extends_everything(ext_site):
    ai = load(ext_site, "examplecity/themes/artificial-intelligence/")
    assert any("examplecity/2025/part-2/" in h for h in ai.links)
    assert any("examplecity/2024/part-2/" in h for h in load(ext_site, "examplecity/themes/housing/").links)
    assert any("examplecity/themes/housing/" in h for h in load(ext_site, "themes/housing/").links)
    # plan 2024 -> results 2024, without a curated alignment: linked part to part
    html = (ext_site / "examplecity/2024/part-2/index.html").read_text(encoding="utf-8")
    assert "examplecity/2025/part-1/" in html
    new = (ext_site / "examplecity/2025/index.html").read_text(encoding="utf-8")
    new = new[new.index('id="new-terms"'):new.index('id="gone-terms"')]
    assert "人工智能" in new and "APEC" in new
    assert "examplecity-2025" in load(ext_site, "examplecity/timeline/").ids
    assert any("examplecity/timeline/" in h for h in load(ext_site, "timeline/").links)


def test_suggest_alignments_command(model):
    from gwr.__main__ import suggest_alignments

    text = suggest_alignments(model)
    assert "- {plan: part_2__sec_1, result: [part_1__sec_1]}" in text
    agree = re.search(r"agreement with the curated file: (\d+)/(\d+)", text)
    assert int(agree.group(1)) >= 7 and agree.group(2) == "10"


def test_english_theme_excerpts_start_where_a_sentence_starts(model):
    """An excerpt starts with its sentence (a capital, a digit, a quote or a dash), never inside a clause."""
    n, bad = 0, []
    for theme, entries in model.entries.items():
        for e in entries:
            if e.excerpt_en:
                n += 1
                if not re.match(r"[A-Z0-9“‘\"(—]", e.excerpt_en):
                    bad.append(f"{theme} {e.node.doc.meta.id}#{e.node.id}: {e.excerpt_en[:60]}")
    assert n > 150 and bad == []
