"""Figures on real wording: the statements a reader finds in the registered reports and the corpus fixtures.

Every expectation below was written by reading the sentence it comes from. Three kinds of checks:

* the plan's headline targets (the 主要预期目标 sentence, up to its 。) of the seven registered reports and of the
  four corpus fixtures (tests/fixtures/corpus, byte-identical copies of ../shared/corpus): all extracted, and
  nothing else — with their qualifier, 力争 / 争取更好结果 on the right target, ranges with both bounds;
* the wording rules of issue 9 §4 (GDP under any name, periods, registered vs surveyed unemployment, ％);
* recall: the core quantified statements of the Shenzhen seeds (an audit list of 149, read from the two seeds) and
  of the Beijing, Shanghai and Suzhou reports.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from gwr.ids import assign_ids
from gwr.catalogue import load_catalogue
from gwr.indicators import extract
from gwr.periods import part_infos
from gwr.ingest import decode, normalise
from gwr.model import ReportMeta
from gwr.parser import parse_source
from gwr.pipeline import load_site

CORPUS = Path(__file__).parent / "fixtures/corpus"
FIXTURES = {  # id -> (file, city)
    "national-2025": ("national-2025.md", "全国"),
    "guangdong-2026": ("guangdong-2026.txt", "广东"),
    "shaanxi-2026": ("shaanxi-2026.txt", "陕西"),
    "hailaer-2018": ("hailaer-2018.txt", "海拉尔"),
}


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)


@pytest.fixture(scope="module")
def figures(site):
    """Every figure of the registered reports and of the corpus fixtures, by report id."""
    cat = load_catalogue(ROOT)
    out = {}
    for doc in site.docs:
        out[doc.meta.id] = [f for f in site.figures if f.report == doc.meta.id]
    for rid, (name, city) in FIXTURES.items():
        path = CORPUS / name
        text, enc = decode(path.read_bytes(), str(path), None)
        meta = ReportMeta(id=rid, file=str(path), city=city, year=int(rid[-4:]), kind="full")
        doc = parse_source(meta, normalise(text, str(path), enc))
        assign_ids(doc)
        out[rid] = extract(doc, cat)
        out[rid + ":doc"] = doc
    return out


def _docs(site, figures):
    return {d.meta.id: d for d in site.docs} | {k[:-4]: v for k, v in figures.items() if k.endswith(":doc")}


# --- the headline targets -------------------------------------------------------------------------

# (node, indicator, kind, year or period, comparator, value or wording, upper bound, 力争, 争取更好结果)
HEADLINE = {
    "shenzhen-2025": [
        ("part_2__para_2", "gdp-growth", "target", "2025", "=", "5.5", "", False, False),
        ("part_2__para_2", "budget-revenue-growth", "target", "2025", "=", "3.0", "", False, False),
        ("part_2__para_2", "income-growth", "target", "2025", "", "居民收入增长和经济增长同步", "", False, False),
        ("part_2__para_2", "cpi", "target", "2025", "≈", "2", "", False, False),
        ("part_2__para_2", "new-jobs", "target", "2025", "=", "20", "", False, True),
    ],
    "shenzhen-2026-summary": [
        ("part_3__para_1", "gdp-growth", "target", "2026", "=", "5", "", False, True),
    ],
    "beijing-2025": [
        ("part_2__para_3", "gdp-growth", "target", "2025", "≈", "5", "", False, True),
        ("part_2__para_3", "budget-revenue-growth", "target", "2025", "≈", "4", "", False, False),
        ("part_2__para_3", "unemployment", "target", "2025", "≤", "5", "", False, False),
        ("part_2__para_3", "cpi", "target", "2025", "≈", "2", "", False, False),
        ("part_2__para_3", "income-growth", "target", "2025", "", "居民收入增长与经济增长同步", "", False, False),
        ("part_2__para_3", "binding-targets", "target", "2025", "", "生态环境质量、能源、水资源等指标达到国家要求", "", False, False),
    ],
    "beijing-2026": [
        ("part_3__para_2", "gdp-growth", "target", "2026", "≈", "5", "", False, False),
        ("part_3__para_2", "budget-revenue-growth", "target", "2026", "≈", "4", "", False, False),
        ("part_3__para_2", "unemployment", "target", "2026", "≤", "5", "", False, False),
        ("part_3__para_2", "cpi", "target", "2026", "≈", "2", "", False, False),
        ("part_3__para_2", "income-growth", "target", "2026", "", "居民收入增长和经济增长同步", "", False, False),
        ("part_3__para_2", "pm25", "target", "2026", "≈", "29", "", False, True),
        ("part_3__para_2", "binding-targets", "target", "2026", "", "能源、水资源、碳排放等指标达到国家要求", "", False, False),
    ],
    "shanghai-2025": [
        ("part_2__para_3", "gdp-growth", "target", "2025", "≈", "5", "", False, False),
        ("part_2__para_3", "budget-revenue-growth", "target", "2025", "=", "2", "", False, False),
        ("part_2__para_3", "rd-intensity", "target", "2025", "≈", "4.5", "", False, False),
        ("part_2__para_3", "unemployment", "target", "2025", "≤", "5", "", False, False),
        ("part_2__para_3", "income-growth", "target", "2025", "", "居民人均可支配收入增长与经济增长保持同步", "", False, False),
        ("part_2__para_3", "cpi", "target", "2025", "≈", "2", "", False, False),
        ("part_2__para_3", "energy-intensity", "target", "2025", "", "单位生产总值能耗、单位生产总值二氧化碳排放量进一步下降", "", False, False),
        ("part_2__para_3", "carbon-intensity", "target", "2025", "", "单位生产总值二氧化碳排放量进一步下降", "", False, False),
        ("part_2__para_3", "binding-targets", "target", "2025", "", "主要污染物重点工程减排量完成国家下达目标", "", False, False),
    ],
    "shanghai-2026": [
        ("part_3__para_2", "gdp-growth", "target", "2026", "≈", "5", "", False, False),
        ("part_3__para_2", "budget-revenue-growth", "target", "2026", "=", "2", "", False, False),
        ("part_3__para_2", "rd-intensity", "target", "2026", "≈", "4.6", "", False, False),
        ("part_3__para_2", "unemployment", "target", "2026", "≤", "5", "", False, False),
        ("part_3__para_2", "income-growth", "target", "2026", "", "居民人均可支配收入增长与经济增长保持基本同步", "", False, False),
        ("part_3__para_2", "cpi", "target", "2026", "≈", "2", "", False, False),
        ("part_3__para_2", "carbon-intensity", "target", "2026", "", "单位生产总值二氧化碳排放量进一步下降", "", False, False),
        ("part_3__para_2", "binding-targets", "target", "2026", "", "主要污染物重点工程减排量完成国家下达目标", "", False, False),
    ],
    "suzhou-2025": [
        ("part_2__para_4", "gdp-growth", "target", "2025", "≥", "5", "", False, False),
        ("part_2__para_4", "new-jobs", "target", "2025", "=", "35", "", False, False),
        ("part_2__para_4", "income-growth", "target", "2025", "", "居民人均可支配收入与经济增长基本同步", "", False, False),
        ("part_2__para_4", "retail-sales-growth", "target", "2025", "≈", "5.5", "", False, False),
        ("part_2__para_4", "fixed-asset-investment-growth", "target", "2025", "", "固定资产投资保持稳定", "", False, False),
        ("part_2__para_4", "foreign-trade-growth", "target", "2025", "", "进出口稳量提质", "", False, False),
        ("part_2__para_4", "rd-intensity", "target", "2025", "≈", "4.2", "", False, False),
        ("part_2__para_4", "energy-intensity", "target", "2025", "", "单位GDP能耗下降", "", False, False),
        ("part_2__para_4", "binding-targets", "target", "2025", "", "主要污染物排放总量削减完成省下达任务", "", False, False),
    ],
    "national-2025": [
        ("part_2__para_2", "gdp-growth", "target", "2025", "≈", "5", "", False, False),
        ("part_2__para_2", "unemployment", "target", "2025", "≈", "5.5", "", False, False),
        ("part_2__para_2", "new-jobs", "target", "2025", "≥", "1200", "", False, False),
        ("part_2__para_2", "cpi", "target", "2025", "≈", "2", "", False, False),
        ("part_2__para_2", "income-growth", "target", "2025", "", "居民收入增长和经济增长同步", "", False, False),
        ("part_2__para_2", "balance-of-payments", "target", "2025", "", "国际收支保持基本平衡", "", False, False),
        ("part_2__para_2", "grain-output", "target", "2025", "≈", "1.4", "", False, False),
        ("part_2__para_2", "energy-intensity", "target", "2025", "≈", "3", "", False, False),
        ("part_2__para_2", "environment-quality", "target", "2025", "", "生态环境质量持续改善", "", False, False),
    ],
    "guangdong-2026": [
        ("part_3__para_1", "gdp-growth", "target", "2026", "range", "4.5", "5", False, True),
        ("part_3__para_1", "budget-revenue-growth", "target", "2026", "≈", "3", "", False, False),
        ("part_3__para_1", "income-growth", "target", "2026", "", "居民收入增长与经济增长同步", "", False, False),
    ],
    "shaanxi-2026": [
        ("part_3__para_2", "gdp-growth", "target", "2026", "≈", "5", "", False, False),
        ("part_3__para_2", "fixed-asset-investment-growth", "target", "2026", "", "固定资产投资增速保持在全国平均水平以上", "", False, False),
        ("part_3__para_2", "budget-revenue-growth", "target", "2026", "=", "3", "", False, False),
        ("part_3__para_2", "income-growth", "target", "2026", "", "居民收入增速高于经济增速、高于全国平均水平", "", False, False),
        ("part_3__para_2", "new-jobs", "target", "2026", "≥", "40", "", False, False),
        ("part_3__para_2", "unemployment", "target", "2026", "≈", "5.5", "", False, False),
        ("part_3__para_2", "cpi", "target", "2026", "≈", "2", "", False, False),
        ("part_3__para_2", "binding-targets", "target", "2026", "", "完成国家下达的粮食生产、单位生产总值二氧化碳减排目标任务", "", False, False),
    ],
    "hailaer-2018": [
        ("part_2__para_4", "gdp-growth", "target", "2018", "≈", "6", "", False, False),
        ("part_2__para_4", "budget-revenue-growth", "target", "2018", "=", "6", "", False, False),
        ("part_2__para_4", "income-growth", "target", "2018", "=", "7.5", "", False, False),
        ("part_2__para_4", "binding-targets", "target", "2018", "", "约束性指标完成呼伦贝尔市确定的目标", "", False, False),
        ("part_2__para_4", "new-jobs", "target", "2018", "", "约束性指标完成呼伦贝尔市确定的目标", "", False, False),
        ("part_2__para_4", "registered-unemployment", "target", "2018", "", "约束性指标完成呼伦贝尔市确定的目标", "", False, False),
    ],
}


def _headline(figures, docs, rid):
    doc = docs[rid]
    spans = {}
    for b in doc.body_blocks():
        for m in re.finditer(r"主要预期目标[^。]*。?", b.text):
            spans.setdefault(b.id, []).append(m.span())
    return {(f.node, f.indicator, f.kind, f.when, f.comparator, f.value or f.printed, f.value_high, f.aspirational,
             f.stretch)
            for f in figures[rid] if f.indicator and f.field == "text"
            and any(a <= f.start < z for a, z in spans.get(f.node, []))}


@pytest.mark.parametrize("rid", sorted(HEADLINE))
def test_every_headline_target_is_extracted_and_nothing_else(site, figures, rid):
    assert _headline(figures, _docs(site, figures), rid) == set(HEADLINE[rid])


def test_every_report_has_its_headline_sentence_covered():
    assert set(HEADLINE) == {"shenzhen-2025", "shenzhen-2026-summary", "beijing-2025", "beijing-2026",
                             "shanghai-2025", "shanghai-2026", "suzhou-2025"} | set(FIXTURES)


def test_fixtures_are_byte_identical_copies_of_the_corpus():
    import hashlib
    expected = {
        "national-2025.md": "6711ce240acb0492f1c806c0eab8d9e4650518e4760c47128911f4bc2892c971",
        "guangdong-2026.txt": "63fab1a22a40af2eafd26398d1304dd8a60af91268f9ce0755f57c6032c73ba7",
        "shaanxi-2026.txt": "872092f2debc269bcd9d1ecb3278506e2264df12b139331b769d2cff050ada1f",
        "hailaer-2018.txt": "575cfe845558a55d5b5c12452915aa71d470719755f0deb9d17540dda4879c21",
    }
    for name, sha in expected.items():
        assert hashlib.sha256((CORPUS / name).read_bytes()).hexdigest() == sha, name


# --- wording rules ---------------------------------------------------------------------------------

def _find(figures, rid, **kw):
    return [f for f in figures[rid] if all(getattr(f, k) == v for k, v in kw.items())]


def test_gdp_under_any_name(figures):
    assert _find(figures, "shanghai-2026", indicator="gdp", year=2025, value="5.67")        # 全市生产总值
    assert _find(figures, "national-2025", indicator="gdp-growth", year=2025, value="5")      # 国内生产总值
    assert _find(figures, "shaanxi-2026", indicator="gdp-growth", year=2026, value="5")      # 生产总值
    assert _find(figures, "suzhou-2025", indicator="rd-intensity", value="4.2")              # 占GDP比重: share
    # never GDP: per capita, energy per unit of GDP, a district's GDP, a denominator
    for rid in figures:
        for f in figures[rid] if not rid.endswith(":doc") else []:
            if f.indicator in ("gdp", "gdp-growth"):
                before = f.quote[:f.start - f.quote_start]
                assert not re.search(r"(人均|万元|单位|平原新城|合作区|特区外)(地区|国内)?(生产总值|GDP)[^，；]*$", before), f.quote


def test_aspiration_qualifies_only_its_own_target(figures):
    # 力争 governs its clause (、-joined targets included), not the targets after the next comma
    air = _find(figures, "shenzhen-2025", node="part_2__sec_7__para_1")
    assert {f.indicator for f in air if f.aspirational} >= {"good-air-days", "excellent-air-days", "pm25"}
    assert not [f for f in air if f.indicator == "reclaimed-water-rate" and f.aspirational]
    # 努力争取更好结果 qualifies the GDP target it follows, not the budget revenue, unemployment or CPI after it
    bj = {f.indicator: f for f in _find(figures, "beijing-2025", node="part_2__para_3") if f.value}
    assert bj["gdp-growth"].stretch and not bj["gdp-growth"].aspirational
    assert not any(bj[i].aspirational or bj[i].stretch for i in ("budget-revenue-growth", "unemployment", "cpi"))
    assert bj["gdp-growth"].qualifier == "左右+努力争取更好结果"


def test_averages_and_totals_carry_their_period_never_a_year(figures):
    bj = _find(figures, "beijing-2026", indicator="gdp-growth", node="part_2__para_1")[0]
    assert (bj.kind, bj.basis, bj.period, bj.year, bj.value) == ("actual", "average", "2021-2025", None, "5.2")
    plan = _find(figures, "beijing-2026", indicator="gdp-growth", node="part_2__para_11")[0]
    assert (plan.kind, plan.basis, plan.period, plan.year) == ("target", "average", "2026-2030", None)
    sh = {(f.indicator, f.value): f for f in _find(figures, "shanghai-2026", node="part_2__para_2") if f.indicator}
    assert (sh[("gdp", "4.16")].year, sh[("gdp", "5.67")].year) == (2020, 2025)   # 从…增加到…
    assert (sh[("energy-intensity", "14")].basis, sh[("energy-intensity", "14")].period) == ("total", "2021-2025")
    assert (sh[("income-growth", "5")].basis, sh[("income-growth", "5")].year) == ("average", None)
    assert sh[("elderly-care-beds-added", "2.5")].basis == "total"                 # 新增… over five years
    gd = _find(figures, "guangdong-2026", indicator="gdp-growth", node="part_2__para_5")[0]
    assert (gd.kind, gd.basis, gd.period) == ("target", "average", "2026-2030")
    # 年均浓度 is an annual average concentration, not an average over years
    assert all(f.basis == "year" for rid in ("beijing-2025", "beijing-2026") for f in figures[rid]
               if f.indicator == "pm25")
    # a review of the past five years gives results
    for rid in ("beijing-2026", "shanghai-2026"):
        assert all(f.kind == "actual" for f in figures[rid] if f.period == "2021-2025")


def test_a_review_part_yields_results_never_targets(site, figures):
    docs = _docs(site, figures)
    for rid, doc in docs.items():
        review = {p.id for p, info in zip(doc.parts, part_infos(doc)) if info.kind == "actual"}
        bad = [f for f in figures[rid] if f.node.split("__")[0] in review and f.kind != "actual"]
        assert bad == [], rid


def test_registered_and_surveyed_unemployment_are_different_indicators(figures):
    cat = load_catalogue(ROOT)
    assert cat.by_id["unemployment"].subjects != cat.by_id["registered-unemployment"].subjects
    assert not set(cat.by_id["unemployment"].subjects) & set(cat.by_id["registered-unemployment"].subjects)
    assert _find(figures, "hailaer-2018", indicator="registered-unemployment", kind="target")
    assert not _find(figures, "hailaer-2018", indicator="unemployment")
    assert _find(figures, "national-2025", indicator="unemployment", kind="target", value="5.5")


def test_full_width_percent_and_ranges(figures):
    sx = _find(figures, "shaanxi-2026", indicator="cpi", kind="target")[0]
    assert (sx.unit, sx.base_unit, sx.value) == ("％", "%", "2")
    gd = _find(figures, "guangdong-2026", indicator="gdp-growth", year=2026, kind="target")[0]
    assert (gd.comparator, gd.value, gd.value_high, gd.base_value, gd.base_high) == ("range", "4.5", "5", 4.5, 5.0)
    assert gd.printed == "4.5%—5%"
    bj = _find(figures, "beijing-2026", indicator="gdp-growth", period="2026-2030", kind="target")[0]
    assert (bj.value, bj.value_high, bj.printed) == ("4.5", "5", "4.5%-5%")


def test_double_digit_growth_is_at_least_ten_per_cent(figures):
    sei = _find(figures, "shenzhen-2025", indicator="strategic-emerging-industries-growth", kind="target")[0]
    assert (sei.printed, sei.comparator, sei.base_value) == ("两位数", "≥", 10.0)
    # “连续9年保持两位数增长” speaks of nine years, not of 2024
    assert not _find(figures, "shenzhen-2025", indicator="rd-spending-growth", printed="两位数", kind="actual")


def test_separate_figures_after_a_list_with_fenbie(figures):
    loans = {f.indicator: f.value for f in _find(figures, "shenzhen-2025", node="part_1__sec_2__para_1")
             if f.indicator and "loans" in f.indicator}
    assert loans == {"inclusive-sme-loans-growth": "12.4", "manufacturing-loans-growth": "6.1",
                     "green-loans-growth": "18.3"}


# --- recall ----------------------------------------------------------------------------------------

# The Shenzhen audit list: core quantified statements of the two Shenzhen seeds (city-wide indicators of the
# economy, industry, innovation, trade, transport, environment, energy and livelihood), read from the text:
# (report, node, indicator, year or period, value as printed or wording).
SHENZHEN_AUDIT = [
    ("shenzhen-2025", "part_1__para_2", "gdp", "2024", "3.68"),
    ("shenzhen-2025", "part_1__para_2", "gdp-growth", "2024", "5.8"),
    ("shenzhen-2025", "part_1__para_2", "industrial-output", "2024", "5.4"),
    ("shenzhen-2025", "part_1__para_2", "industrial-value-added-growth", "2024", "9.7"),
    ("shenzhen-2025", "part_1__para_2", "fixed-asset-investment", "2024", "1"),
    ("shenzhen-2025", "part_1__para_2", "retail-sales", "2024", "1"),
    ("shenzhen-2025", "part_1__para_2", "foreign-trade", "2024", "4.5"),
    ("shenzhen-2025", "part_1__para_2", "foreign-trade-growth", "2024", "16.4"),
    ("shenzhen-2025", "part_1__para_3", "new-foreign-enterprises", "2024", "9738"),
    ("shenzhen-2025", "part_1__para_3", "cross-border-trips-growth", "2024", "45.6"),
    ("shenzhen-2025", "part_1__para_4", "strategic-emerging-industries-growth", "2024", "10.5"),
    ("shenzhen-2025", "part_1__para_4", "strategic-emerging-industries-share", "2024", "42.3"),
    ("shenzhen-2025", "part_1__para_4", "high-tech-enterprises", "2024", "2.5"),
    ("shenzhen-2025", "part_1__para_4", "little-giants-added", "2024", "296"),
    ("shenzhen-2025", "part_1__para_4", "little-giants", "2024", "1025"),
    ("shenzhen-2025", "part_1__para_4", "single-champions-added", "2024", "29"),
    ("shenzhen-2025", "part_1__para_4", "single-champions", "2024", "95"),
    ("shenzhen-2025", "part_1__para_4", "nev-output-growth", "2024", "69.2"),
    ("shenzhen-2025", "part_1__para_5", "rd-spending", "2024", "2236.6"),
    ("shenzhen-2025", "part_1__para_5", "rd-spending-growth", "2024", "18.9"),
    ("shenzhen-2025", "part_1__para_5", "rd-intensity", "2024", "6.46"),
    ("shenzhen-2025", "part_1__para_6", "parks-added", "2024", "35"),
    ("shenzhen-2025", "part_1__para_6", "parks", "2024", "1320"),
    ("shenzhen-2025", "part_1__para_6", "airport-passengers", "2024", "6147.7"),
    ("shenzhen-2025", "part_1__para_6", "port-container-throughput", "2024", "3339.9"),
    ("shenzhen-2025", "part_1__para_6", "metro-length", "2024", "595.1"),
    ("shenzhen-2025", "part_1__para_7", "livelihood-spending", "2024", "3156.7"),
    ("shenzhen-2025", "part_1__para_7", "new-jobs", "2024", "20.7"),
    ("shenzhen-2025", "part_1__para_7", "schools-built", "2024", "160"),
    ("shenzhen-2025", "part_1__para_7", "basic-education-places", "2024", "18"),
    ("shenzhen-2025", "part_1__para_7", "childcare-places-added", "2024", "4.9"),
    ("shenzhen-2025", "part_1__para_7", "hospital-beds-added", "2024", "9000"),
    ("shenzhen-2025", "part_1__para_7", "affordable-housing-built", "2024", "10.5"),
    ("shenzhen-2025", "part_1__para_7", "affordable-housing-allocated", "2024", "8.0"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "individual-businesses-added", "2024", "23.4"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "market-entities", "2024", "440.4"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "equipment-investment", "2024", "2056"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "equipment-investment-growth", "2024", "54.3"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "infrastructure-investment-growth", "2024", "8.8"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "new-infrastructure-investment-growth", "2024", "15.0"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "key-area-investment-growth", "2024", "13.5"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "local-government-bonds", "2024", "978.6"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "flagship-stores", "2024", "1010"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "online-retail-growth", "2024", "11.2"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "general-trade-growth", "2024", "19.2"),
    ("shenzhen-2025", "part_1__sec_1__para_1", "service-trade-growth", "2024", "7.8"),
    ("shenzhen-2025", "part_1__sec_2__para_1", "tax-relief", "2024", "878.0"),
    ("shenzhen-2025", "part_1__sec_2__para_1", "inclusive-sme-loans-growth", "2024", "12.4"),
    ("shenzhen-2025", "part_1__sec_2__para_1", "manufacturing-loans-growth", "2024", "6.1"),
    ("shenzhen-2025", "part_1__sec_2__para_1", "green-loans-growth", "2024", "18.3"),
    ("shenzhen-2025", "part_1__sec_2__para_1", "airport-cargo-growth", "2024", "17.6"),
    ("shenzhen-2025", "part_1__sec_2__para_1", "railway-passengers", "2024", "1.87"),
    ("shenzhen-2025", "part_1__sec_2__para_1", "port-cargo-growth", "2024", "11.5"),
    ("shenzhen-2025", "part_1__sec_3__para_1", "advanced-manufacturing-growth", "2024", "11.4"),
    ("shenzhen-2025", "part_1__sec_3__para_1", "advanced-manufacturing-share", "2024", "68.2"),
    ("shenzhen-2025", "part_1__sec_3__para_1", "industrial-investment-share", "2024", "27.6"),
    ("shenzhen-2025", "part_1__sec_3__para_1", "high-tech-manufacturing-investment-growth", "2024", "27.4"),
    ("shenzhen-2025", "part_1__sec_3__para_1", "modern-services-share", "2024", "76.5"),
    ("shenzhen-2025", "part_1__sec_3__para_1", "for-profit-services-growth", "2024", "6.1"),
    ("shenzhen-2025", "part_1__sec_4__para_1", "enterprise-rd-share", "2024", "93.3"),
    ("shenzhen-2025", "part_1__sec_4__para_1", "rd-personnel", "2024", "46.1"),
    ("shenzhen-2025", "part_1__sec_5__para_1", "hk-enterprises-added", "2024", "1529"),
    ("shenzhen-2025", "part_1__sec_6__para_1", "old-residential-renovation", "2024", "179"),
    ("shenzhen-2025", "part_1__sec_6__para_1", "elevators-added", "2024", "401"),
    ("shenzhen-2025", "part_1__sec_7__para_1", "trees-planted", "2024", "65"),
    ("shenzhen-2025", "part_1__sec_7__para_1", "greenways-added", "2024", "308"),
    ("shenzhen-2025", "part_1__sec_7__para_1", "rail-transit-under-construction", "2024", "278.2"),
    ("shenzhen-2025", "part_1__sec_7__para_1", "cycle-lanes", "2024", "715"),
    ("shenzhen-2025", "part_1__sec_7__para_1", "commute-45-share", "2024", "81"),
    ("shenzhen-2025", "part_1__sec_7__para_1", "parking-added", "2024", "15"),
    ("shenzhen-2025", "part_1__sec_7__para_1", "base-stations-5g-added", "2024", "2.7"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "pm25", "2024", "17.3"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "good-air-days", "2024", "97.0"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "excellent-air-days", "2024", "60.9"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "nev-penetration", "2024", "76.9"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "good-water-share", "2024", "82.8"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "sewage-collection-rate", "2024", "85.0"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "charging-piles", "2024", "13.4"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "power-outage-time-decline", "2024", "25"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "solar-capacity", "2024", "100"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "clean-energy-share", "2024", "47"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "green-buildings-added", "2024", "4000"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "construction-waste-recycling-rate", "2024", "33.0"),
    ("shenzhen-2025", "part_1__sec_8__para_1", "waste-recycling-rate", "2024", "49.1"),
    ("shenzhen-2025", "part_1__sec_9__para_1", "tourists-growth", "2024", "11.8"),
    ("shenzhen-2025", "part_1__sec_9__para_1", "tourism-revenue-growth", "2024", "15.5"),
    ("shenzhen-2025", "part_1__sec_10__para_1", "community-health-centres-added", "2024", "44"),
    ("shenzhen-2025", "part_1__sec_10__para_1", "community-health-centres", "2024", "970"),
    ("shenzhen-2025", "part_1__sec_10__para_1", "medical-insurance-coverage", "2024", "97.5"),
    ("shenzhen-2025", "part_1__sec_10__para_1", "criminal-cases-decline", "2024", "15.6"),
    ("shenzhen-2025", "part_1__sec_10__para_1", "work-safety-accidents-decline", "2024", "24.1"),
    ("shenzhen-2025", "part_1__sec_10__para_1", "road-accidents-decline", "2024", "25.5"),
    ("shenzhen-2025", "part_2__para_2", "gdp-growth", "2025", "5.5"),
    ("shenzhen-2025", "part_2__para_2", "budget-revenue-growth", "2025", "3.0"),
    ("shenzhen-2025", "part_2__para_2", "income-growth", "2025", "居民收入增长和经济增长同步"),
    ("shenzhen-2025", "part_2__para_2", "cpi", "2025", "2"),
    ("shenzhen-2025", "part_2__para_2", "new-jobs", "2025", "20"),
    ("shenzhen-2025", "part_2__sec_1__para_1", "retail-sales-growth", "2025", "6"),
    ("shenzhen-2025", "part_2__sec_1__para_1", "flagship-stores", "2025", "1000"),
    ("shenzhen-2025", "part_2__sec_1__para_1", "online-retail-growth", "2025", "8.0"),
    ("shenzhen-2025", "part_2__sec_1__para_2", "fixed-asset-investment-growth", "2025", "8.0"),
    ("shenzhen-2025", "part_2__sec_1__para_2", "infrastructure-investment", "2025", "2300"),
    ("shenzhen-2025", "part_2__sec_1__para_2", "new-infrastructure-investment", "2025", "1600"),
    ("shenzhen-2025", "part_2__sec_1__para_2", "key-area-investment", "2025", "3800"),
    ("shenzhen-2025", "part_2__sec_1__para_2", "local-government-bonds", "2025", "1000"),
    ("shenzhen-2025", "part_2__sec_1__para_3", "port-container-throughput", "2025", "3300"),
    ("shenzhen-2025", "part_2__sec_1__para_3", "service-trade", "2025", "1500"),
    ("shenzhen-2025", "part_2__sec_1__para_3", "digital-trade", "2025", "660"),
    ("shenzhen-2025", "part_2__sec_2__para_1", "industrial-value-added-growth", "2025", "8.0"),
    ("shenzhen-2025", "part_2__sec_2__para_2", "strategic-emerging-industries-growth", "2025", "10"),
    ("shenzhen-2025", "part_2__sec_2__para_3", "producer-services-share", "2025", "70"),
    ("shenzhen-2025", "part_2__sec_3__para_1", "schools-built", "2025", "50"),
    ("shenzhen-2025", "part_2__sec_3__para_2", "high-tech-enterprises", "2025", "2.6"),
    ("shenzhen-2025", "part_2__sec_3__para_2", "rd-spending-growth", "2025", "10"),
    ("shenzhen-2025", "part_2__sec_3__para_4", "little-giants-added", "2025", "200"),
    ("shenzhen-2025", "part_2__sec_3__para_4", "single-champions-added", "2025", "25"),
    ("shenzhen-2025", "part_2__sec_4__para_2", "airport-passengers", "2025", "6300"),
    ("shenzhen-2025", "part_2__sec_4__para_3", "base-stations-5g-added", "2025", "4000"),
    ("shenzhen-2025", "part_2__sec_4__para_4", "parks-added", "2025", "35"),
    ("shenzhen-2025", "part_2__sec_4__para_4", "greenways-added", "2025", "200"),
    ("shenzhen-2025", "part_2__sec_4__para_4", "dead-end-roads", "2025", "20"),
    ("shenzhen-2025", "part_2__sec_4__para_4", "cycle-lanes", "2025", "600"),
    ("shenzhen-2025", "part_2__sec_7__para_1", "good-air-days", "2025", "97.5"),
    ("shenzhen-2025", "part_2__sec_7__para_1", "excellent-air-days", "2025", "63"),
    ("shenzhen-2025", "part_2__sec_7__para_1", "pm25", "2025", "15"),
    ("shenzhen-2025", "part_2__sec_7__para_1", "reclaimed-water-rate", "2025", "80"),
    ("shenzhen-2025", "part_2__sec_7__para_1", "good-water-share", "2025", "80"),
    ("shenzhen-2025", "part_2__sec_7__para_2", "power-capacity-added", "2025", "200"),
    ("shenzhen-2025", "part_2__sec_7__para_2", "electrification-rate", "2025", "50"),
    ("shenzhen-2025", "part_2__sec_7__para_2", "charging-piles", "2025", "5"),
    ("shenzhen-2025", "part_2__sec_7__para_3", "waste-recycling-rate", "2025", "50"),
    ("shenzhen-2025", "part_2__sec_7__para_3", "construction-waste-recycling-rate", "2025", "35"),
    ("shenzhen-2025", "part_2__sec_7__para_4", "nev-promoted", "2025", "30"),
    ("shenzhen-2025", "part_2__sec_7__para_4", "green-buildings-added", "2025", "2000"),
    ("shenzhen-2025", "part_2__sec_7__para_4", "green-loans-added", "2025", "1800"),
    ("shenzhen-2025", "part_2__sec_9__para_1", "community-health-centres-added", "2025", "30"),
    ("shenzhen-2025", "part_2__sec_9__para_2", "affordable-housing-built", "2025", "4"),
    ("shenzhen-2025", "part_2__sec_9__para_2", "affordable-housing-allocated", "2025", "5"),
    ("shenzhen-2025", "part_2__sec_9__para_2", "old-residential-renovation", "2025", "100"),
    ("shenzhen-2025", "part_2__sec_9__para_2", "parking-added", "2025", "10"),
    ("shenzhen-2025", "part_2__sec_9__para_3", "childcare-places", "2025", "10.7"),
    ("shenzhen-2026-summary", "part_1__para_1", "gdp-growth", "2025", "5.5"),
    ("shenzhen-2026-summary", "part_1__para_1", "budget-revenue-growth", "2025", "6.4"),
    ("shenzhen-2026-summary", "part_1__sec_1__item_3", "high-tech-exports-growth", "2025", "10.1"),
    ("shenzhen-2026-summary", "part_1__sec_2__item_3", "software-revenue-growth", "2025", "11.1"),
    ("shenzhen-2026-summary", "part_1__sec_2__item_3", "financial-industry-growth", "2025", "12.1"),
    ("shenzhen-2026-summary", "part_2__para_1", "gdp", "2030", "5"),
    ("shenzhen-2026-summary", "part_2__para_1", "rd-intensity", "2030", "7"),
    ("shenzhen-2026-summary", "part_3__para_1", "gdp-growth", "2026", "5"),
]

# Core statements of the other published reports, read from the text the same way.
OTHER_REPORTS = [
    ("beijing-2025", "part_1__para_4", "gdp-growth", "2024", "5.2"),
    ("beijing-2025", "part_1__para_4", "budget-revenue-growth", "2024", "3.1"),
    ("beijing-2025", "part_1__para_4", "unemployment", "2024", "4.1"),
    ("beijing-2025", "part_1__para_4", "income-growth", "2024", "4.5"),
    ("beijing-2025", "part_1__para_4", "cpi", "2024", "0.1"),
    ("beijing-2025", "part_1__para_6", "pm25", "2024", "30.5"),
    ("beijing-2025", "part_1__para_8", "affordable-housing-built", "2024", "7.1"),
    ("beijing-2025", "part_1__para_8", "inbound-tourists-growth", "2024", "186.8"),
    ("beijing-2025", "part_1__para_8", "tax-relief", "2024", "1500"),
    ("beijing-2025", "part_1__para_8", "foreign-trade", "2024", "3.6"),
    ("beijing-2025", "part_1__para_10", "digital-economy-growth", "2024", "10"),
    ("beijing-2025", "part_1__para_10", "high-standard-farmland", "2024", "13.5"),
    ("beijing-2025", "part_1__para_12", "nev-stock", "2024", "100"),
    ("beijing-2025", "part_1__para_12", "green-power-share", "2024", "26"),
    ("beijing-2025", "part_1__para_12", "sewage-treatment-rate", "2024", "97.5"),
    ("beijing-2025", "part_1__para_12", "parks-added", "2024", "35"),
    ("beijing-2025", "part_1__para_12", "parks", "2024", "1100"),
    ("beijing-2025", "part_1__para_12", "greenways-added", "2024", "500"),
    ("beijing-2025", "part_1__para_13", "new-jobs", "2024", "29.9"),
    ("beijing-2025", "part_1__para_13", "childcare-places-added", "2024", "1.9"),
    ("beijing-2025", "part_1__para_13", "basic-education-places", "2024", "3.9"),
    ("beijing-2025", "part_1__para_13", "home-elderly-beds-added", "2024", "9829"),
    ("beijing-2025", "part_1__para_13", "elevators-added", "2024", "876"),
    ("beijing-2025", "part_1__para_13", "metro-length-added", "2024", "43"),
    ("beijing-2025", "part_1__para_13", "metro-length", "2024", "879"),
    ("beijing-2025", "part_1__para_13", "old-residential-renovation-started", "2024", "742"),
    ("beijing-2025", "part_1__para_13", "waste-recycling-rate", "2024", "40"),
    ("beijing-2025", "part_1__para_14", "work-safety-accidents-decline", "2024", "24.7"),
    ("beijing-2025", "part_2__para_3", "gdp-growth", "2025", "5"),
    ("beijing-2025", "part_2__para_3", "budget-revenue-growth", "2025", "4"),
    ("beijing-2025", "part_2__para_3", "unemployment", "2025", "5"),
    ("beijing-2025", "part_2__para_3", "cpi", "2025", "2"),
    ("beijing-2025", "part_2__para_3", "income-growth", "2025", "居民收入增长与经济增长同步"),
    ("beijing-2025", "part_2__para_3", "binding-targets", "2025", "生态环境质量、能源、水资源等指标达到国家要求"),
    ("beijing-2025", "part_2__sec_4__para_2", "basic-education-places", "2025", "2"),
    ("beijing-2025", "part_2__sec_7__para_2", "high-standard-farmland", "2025", "15"),
    ("beijing-2025", "part_2__sec_8__para_3", "dead-end-roads", "2025", "20"),
    ("beijing-2025", "part_2__sec_8__para_3", "parking-added", "2025", "2.5"),
    ("beijing-2025", "part_2__sec_9__para_2", "new-jobs", "2025", "26"),
    ("beijing-2025", "part_2__sec_9__para_4", "affordable-housing-built", "2025", "5"),
    ("beijing-2025", "part_2__sec_9__para_5", "elevators-added", "2025", "600"),
    ("beijing-2025", "part_2__sec_9__para_5", "home-elderly-beds-added", "2025", "2000"),
    ("beijing-2025", "part_2__sec_10__para_3", "greenways-added", "2025", "1000"),
    ("beijing-2026", "part_1__para_2", "gdp", "2025", "5.2"),
    ("beijing-2026", "part_1__para_2", "gdp-growth", "2025", "5.4"),
    ("beijing-2026", "part_1__para_2", "budget-revenue-growth", "2025", "4.8"),
    ("beijing-2026", "part_1__para_2", "unemployment", "2025", "4.1"),
    ("beijing-2026", "part_1__para_2", "income-growth", "2025", "4.4"),
    ("beijing-2026", "part_1__para_5", "high-tech-enterprises", "2025", "3"),
    ("beijing-2026", "part_1__para_5", "digital-economy-growth", "2025", "8.7"),
    ("beijing-2026", "part_1__para_6", "new-foreign-enterprises-growth", "2025", "19.5"),
    ("beijing-2026", "part_1__para_6", "inbound-tourists-growth", "2025", "39"),
    ("beijing-2026", "part_1__para_7", "nev-stock", "2025", "130"),
    ("beijing-2026", "part_1__para_7", "green-power-share", "2025", "36"),
    ("beijing-2026", "part_1__para_7", "good-air-days", "2025", "80"),
    ("beijing-2026", "part_1__para_7", "pm25", "2025", "27"),
    ("beijing-2026", "part_1__para_7", "greenways-added", "2025", "1000"),
    ("beijing-2026", "part_1__para_8", "old-residential-renovation", "2025", "1225"),
    ("beijing-2026", "part_1__para_8", "waste-recycling-rate", "2025", "43"),
    ("beijing-2026", "part_1__para_8", "metro-length-added", "2025", "30"),
    ("beijing-2026", "part_1__para_8", "metro-length", "2025", "909"),
    ("beijing-2026", "part_1__para_8", "dead-end-roads", "2025", "53"),
    ("beijing-2026", "part_1__para_9", "childcare-places-added", "2025", "8897"),
    ("beijing-2026", "part_1__para_9", "basic-education-places", "2025", "2.4"),
    ("beijing-2026", "part_1__para_9", "home-elderly-beds-added", "2025", "7701"),
    ("beijing-2026", "part_1__para_9", "elevators-added", "2025", "869"),
    ("beijing-2026", "part_1__para_9", "affordable-housing-built", "2025", "6.7"),
    ("beijing-2026", "part_1__para_9", "work-safety-accidents-decline", "2025", "3.6"),
    ("beijing-2026", "part_2__para_1", "gdp-growth", "2021-2025", "5.2"),
    ("beijing-2026", "part_2__para_5", "parks", "2025", "1136"),
    ("beijing-2026", "part_2__para_6", "life-expectancy", "2020", "82.4"),
    ("beijing-2026", "part_2__para_6", "life-expectancy", "2025", "83.9"),
    ("beijing-2026", "part_2__para_11", "gdp-growth", "2026-2030", "4.5"),
    ("beijing-2026", "part_2__para_11", "labour-productivity", "2030", "58"),
    ("beijing-2026", "part_2__para_11", "rd-intensity", "2030", "6"),
    ("beijing-2026", "part_2__para_11", "service-trade-growth", "2026-2030", "5"),
    ("beijing-2026", "part_2__para_11", "unemployment", "2030", "5"),
    ("beijing-2026", "part_3__para_2", "gdp-growth", "2026", "5"),
    ("beijing-2026", "part_3__para_2", "budget-revenue-growth", "2026", "4"),
    ("beijing-2026", "part_3__para_2", "unemployment", "2026", "5"),
    ("beijing-2026", "part_3__para_2", "cpi", "2026", "2"),
    ("beijing-2026", "part_3__para_2", "income-growth", "2026", "居民收入增长和经济增长同步"),
    ("beijing-2026", "part_3__para_2", "pm25", "2026", "29"),
    ("beijing-2026", "part_3__para_2", "binding-targets", "2026", "能源、水资源、碳排放等指标达到国家要求"),
    ("beijing-2026", "part_3__sec_3__para_2", "basic-education-places", "2026", "1"),
    ("beijing-2026", "part_3__sec_6__para_2", "old-residential-renovation", "2026", "300"),
    ("beijing-2026", "part_3__sec_6__para_2", "elevators-added", "2026", "800"),
    ("beijing-2026", "part_3__sec_6__para_4", "metro-length-added", "2026", "40"),
    ("beijing-2026", "part_3__sec_6__para_4", "dead-end-roads", "2026", "50"),
    ("beijing-2026", "part_3__sec_6__para_4", "parking-added", "2026", "3.5"),
    ("beijing-2026", "part_3__sec_6__para_4", "charging-piles", "2026", "3"),
    ("beijing-2026", "part_3__sec_7__para_2", "high-standard-farmland", "2026", "12"),
    ("beijing-2026", "part_3__sec_8__para_2", "new-jobs", "2026", "28"),
    ("beijing-2026", "part_3__sec_8__para_4", "home-elderly-beds-added", "2026", "5000"),
    ("beijing-2026", "part_3__sec_9__para_3", "greenways-added", "2026", "1000"),
    ("shanghai-2025", "part_1__para_2", "gdp-growth", "2024", "5"),
    ("shanghai-2025", "part_1__para_2", "budget-revenue", "2024", "8374.2"),
    ("shanghai-2025", "part_1__para_2", "budget-revenue-growth", "2024", "0.7"),
    ("shanghai-2025", "part_1__para_2", "unemployment", "2024", "4.2"),
    ("shanghai-2025", "part_1__para_2", "rd-intensity", "2024", "4.4"),
    ("shanghai-2025", "part_1__para_2", "foreign-trade", "2024", "4.27"),
    ("shanghai-2025", "part_1__para_2", "utilised-foreign-capital", "2024", "1243"),
    ("shanghai-2025", "part_1__para_2", "income", "2024", "8.8"),
    ("shanghai-2025", "part_1__para_2", "income-growth", "2024", "4.2"),
    ("shanghai-2025", "part_1__para_2", "good-air-days", "2024", "88.5"),
    ("shanghai-2025", "part_1__para_2", "parks-added", "2024", "141"),
    ("shanghai-2025", "part_1__para_2", "parks", "2024", "973"),
    ("shanghai-2025", "part_1__sec_1__para_2", "inclusive-sme-loans-growth", "2024", "15"),
    ("shanghai-2025", "part_1__sec_1__para_4", "port-container-throughput", "2024", "5150.6"),
    ("shanghai-2025", "part_1__sec_1__para_5", "technology-contracts", "2024", "5200.7"),
    ("shanghai-2025", "part_1__sec_1__para_5", "technology-contracts-growth", "2024", "7.2"),
    ("shanghai-2025", "part_1__sec_1__para_5", "high-tech-enterprises", "2024", "2.5"),
    ("shanghai-2025", "part_1__sec_3__para_1", "major-project-investment", "2024", "2383"),
    ("shanghai-2025", "part_1__sec_3__para_1", "major-project-investment-growth", "2024", "5.6"),
    ("shanghai-2025", "part_1__sec_3__para_1", "metro-length", "2024", "900"),
    ("shanghai-2025", "part_1__sec_3__para_3", "high-standard-farmland", "2024", "8.8"),
    ("shanghai-2025", "part_1__sec_4__para_2", "charging-piles", "2024", "5.5"),
    ("shanghai-2025", "part_1__sec_4__para_2", "road-accidents-decline", "2024", "14.7"),
    ("shanghai-2025", "part_1__sec_4__para_3", "criminal-cases-decline", "2024", "14.4"),
    ("shanghai-2025", "part_1__sec_4__para_4", "solar-capacity-added", "2024", "122"),
    ("shanghai-2025", "part_1__sec_4__para_4", "greenways-added", "2024", "230"),
    ("shanghai-2025", "part_1__sec_4__para_4", "greenways", "2024", "2000"),
    ("shanghai-2025", "part_1__sec_5__para_1", "elderly-care-beds-added", "2024", "4385"),
    ("shanghai-2025", "part_1__sec_5__para_1", "affordable-housing-built", "2024", "7.2"),
    ("shanghai-2025", "part_1__sec_5__para_1", "elevators-added", "2024", "3005"),
    ("shanghai-2025", "part_1__sec_5__para_2", "new-jobs", "2024", "62.2"),
    ("shanghai-2025", "part_2__para_3", "gdp-growth", "2025", "5"),
    ("shanghai-2025", "part_2__para_3", "budget-revenue-growth", "2025", "2"),
    ("shanghai-2025", "part_2__para_3", "rd-intensity", "2025", "4.5"),
    ("shanghai-2025", "part_2__para_3", "unemployment", "2025", "5"),
    ("shanghai-2025", "part_2__para_3", "income-growth", "2025", "居民人均可支配收入增长与经济增长保持同步"),
    ("shanghai-2025", "part_2__para_3", "cpi", "2025", "2"),
    ("shanghai-2025", "part_2__para_3", "energy-intensity", "2025", "单位生产总值能耗、单位生产总值二氧化碳排放量进一步下降"),
    ("shanghai-2025", "part_2__para_3", "carbon-intensity", "2025", "单位生产总值二氧化碳排放量进一步下降"),
    ("shanghai-2025", "part_2__para_3", "binding-targets", "2025", "主要污染物重点工程减排量完成国家下达目标"),
    ("shanghai-2025", "part_2__sec_1__para_3", "major-project-investment", "2025", "2400"),
    ("shanghai-2025", "part_2__sec_5__para_2", "high-standard-farmland", "2025", "4"),
    ("shanghai-2025", "part_2__sec_7__para_4", "parks-added", "2025", "120"),
    ("shanghai-2025", "part_2__sec_7__para_4", "greenways-added", "2025", "130"),
    ("shanghai-2025", "part_2__sec_9__para_2", "new-jobs", "2025", "60"),
    ("shanghai-2025", "part_2__sec_9__para_4", "elderly-care-beds-added", "2025", "3000"),
    ("shanghai-2025", "part_2__sec_9__para_6", "affordable-housing-built", "2025", "7"),
    ("shanghai-2025", "part_2__sec_9__para_6", "elevators-added", "2025", "3000"),
    ("shanghai-2026", "part_1__para_2", "gdp", "2025", "5.67"),
    ("shanghai-2026", "part_1__para_2", "gdp-growth", "2025", "5.4"),
    ("shanghai-2026", "part_1__para_2", "budget-revenue", "2025", "8500"),
    ("shanghai-2026", "part_1__para_2", "budget-revenue-growth", "2025", "1.5"),
    ("shanghai-2026", "part_1__para_2", "cpi", "2025", "0.1"),
    ("shanghai-2026", "part_1__para_2", "unemployment", "2025", "4.2"),
    ("shanghai-2026", "part_1__para_2", "rd-intensity", "2025", "4.5"),
    ("shanghai-2026", "part_1__para_2", "foreign-trade", "2025", "4.51"),
    ("shanghai-2026", "part_1__para_2", "foreign-trade-growth", "2025", "5.6"),
    ("shanghai-2026", "part_1__para_2", "exports-growth", "2025", "10.8"),
    ("shanghai-2026", "part_1__para_2", "utilised-foreign-capital", "2025", "1148"),
    ("shanghai-2026", "part_1__para_2", "income", "2025", "9.2"),
    ("shanghai-2026", "part_1__para_2", "income-growth", "2025", "4.1"),
    ("shanghai-2026", "part_1__para_2", "pm25", "2025", "26.3"),
    ("shanghai-2026", "part_1__para_2", "parks-added", "2025", "127"),
    ("shanghai-2026", "part_1__sec_1__para_2", "financial-industry-growth", "2025", "9.7"),
    ("shanghai-2026", "part_1__sec_1__para_3", "retail-sales-growth", "2025", "4.6"),
    ("shanghai-2026", "part_1__sec_1__para_3", "fixed-asset-investment-growth", "2025", "4.6"),
    ("shanghai-2026", "part_1__sec_1__para_3", "major-project-investment", "2025", "2510.1"),
    ("shanghai-2026", "part_1__sec_1__para_3", "major-project-investment-growth", "2025", "5.3"),
    ("shanghai-2026", "part_1__sec_1__para_3", "metro-length", "2025", "906"),
    ("shanghai-2026", "part_1__sec_1__para_5", "high-standard-farmland", "2025", "8.9"),
    ("shanghai-2026", "part_1__sec_2__para_1", "port-container-throughput", "2025", "5506.3"),
    ("shanghai-2026", "part_1__sec_2__para_1", "technology-contracts", "2025", "6496.8"),
    ("shanghai-2026", "part_1__sec_2__para_1", "technology-contracts-growth", "2025", "24.9"),
    ("shanghai-2026", "part_1__sec_3__para_1", "elevators-added", "2025", "3295"),
    ("shanghai-2026", "part_1__sec_3__para_3", "criminal-cases-decline", "2025", "13.5"),
    ("shanghai-2026", "part_1__sec_3__para_3", "road-accidents-decline", "2025", "2.7"),
    ("shanghai-2026", "part_1__sec_3__para_4", "solar-capacity-added", "2025", "214"),
    ("shanghai-2026", "part_1__sec_3__para_4", "greenways-added", "2025", "137"),
    ("shanghai-2026", "part_1__sec_3__para_4", "greenways", "2025", "2136"),
    ("shanghai-2026", "part_1__sec_4__para_1", "elderly-care-beds-added", "2025", "3852"),
    ("shanghai-2026", "part_1__sec_4__para_1", "affordable-housing-built", "2025", "7.4"),
    ("shanghai-2026", "part_1__sec_4__para_2", "new-jobs", "2025", "64.1"),
    ("shanghai-2026", "part_2__para_2", "gdp", "2020", "4.16"),
    ("shanghai-2026", "part_2__para_2", "gdp", "2025", "5.67"),
    ("shanghai-2026", "part_2__para_2", "labour-productivity", "2025", "42"),
    ("shanghai-2026", "part_2__para_2", "energy-intensity", "2021-2025", "14"),
    ("shanghai-2026", "part_2__para_2", "income-growth", "2021-2025", "5"),
    ("shanghai-2026", "part_2__para_2", "elderly-care-beds-added", "2021-2025", "2.5"),
    ("shanghai-2026", "part_3__para_2", "gdp-growth", "2026", "5"),
    ("shanghai-2026", "part_3__para_2", "budget-revenue-growth", "2026", "2"),
    ("shanghai-2026", "part_3__para_2", "rd-intensity", "2026", "4.6"),
    ("shanghai-2026", "part_3__para_2", "unemployment", "2026", "5"),
    ("shanghai-2026", "part_3__para_2", "income-growth", "2026", "居民人均可支配收入增长与经济增长保持基本同步"),
    ("shanghai-2026", "part_3__para_2", "cpi", "2026", "2"),
    ("shanghai-2026", "part_3__para_2", "carbon-intensity", "2026", "单位生产总值二氧化碳排放量进一步下降"),
    ("shanghai-2026", "part_3__para_2", "binding-targets", "2026", "主要污染物重点工程减排量完成国家下达目标"),
    ("shanghai-2026", "part_3__sec_1__para_3", "major-project-investment", "2026", "2550"),
    ("shanghai-2026", "part_3__sec_6__para_2", "high-standard-farmland", "2026", "8"),
    ("shanghai-2026", "part_3__sec_8__para_4", "parks-added", "2026", "100"),
    ("shanghai-2026", "part_3__sec_8__para_4", "greenways-added", "2026", "100"),
    ("shanghai-2026", "part_3__sec_9__para_2", "new-jobs", "2026", "60"),
    ("suzhou-2025", "part_1__para_2", "gdp", "2024", "2.67"),
    ("suzhou-2025", "part_1__para_2", "gdp-growth", "2024", "6"),
    ("suzhou-2025", "part_1__para_2", "budget-revenue", "2024", "2459.1"),
    ("suzhou-2025", "part_1__para_2", "budget-revenue-growth", "2024", "5.9"),
    ("suzhou-2025", "part_1__para_2", "industrial-output", "2024", "4.7"),
    ("suzhou-2025", "part_1__para_2", "foreign-trade-growth", "2024", "6.8"),
    ("suzhou-2025", "part_1__para_2", "retail-sales-growth", "2024", "4.8"),
    ("suzhou-2025", "part_1__para_3", "rd-intensity", "2024", "4.15"),
    ("suzhou-2025", "part_1__sec_1__para_1", "fixed-asset-investment", "2024", "6135.7"),
    ("suzhou-2025", "part_1__sec_1__para_1", "tourism-revenue-growth", "2024", "10.4"),
    ("suzhou-2025", "part_1__sec_1__para_1", "foreign-trade", "2024", "2.62"),
    ("suzhou-2025", "part_1__sec_2__para_1", "technology-contracts", "2024", "1050"),
    ("suzhou-2025", "part_1__sec_2__para_1", "little-giants-added", "2024", "206"),
    ("suzhou-2025", "part_1__sec_2__para_1", "high-tech-enterprises-added", "2024", "1769"),
    ("suzhou-2025", "part_1__sec_2__para_1", "port-container-throughput", "2024", "1000"),
    ("suzhou-2025", "part_1__sec_3__para_1", "tax-relief", "2024", "700"),
    ("suzhou-2025", "part_1__sec_4__para_1", "good-air-days", "2024", "84.2"),
    ("suzhou-2025", "part_1__sec_5__para_1", "new-jobs", "2024", "41.75"),
    ("suzhou-2025", "part_1__sec_5__para_1", "income", "2024", "7.75"),
    ("suzhou-2025", "part_1__sec_5__para_1", "childcare-places-added", "2024", "1.43"),
    ("suzhou-2025", "part_1__sec_5__para_1", "basic-education-places", "2024", "4.02"),
    ("suzhou-2025", "part_1__sec_6__para_1", "work-safety-accidents-decline", "2024", "12.2"),
    ("suzhou-2025", "part_2__para_4", "gdp-growth", "2025", "5"),
    ("suzhou-2025", "part_2__para_4", "new-jobs", "2025", "35"),
    ("suzhou-2025", "part_2__para_4", "income-growth", "2025", "居民人均可支配收入与经济增长基本同步"),
    ("suzhou-2025", "part_2__para_4", "retail-sales-growth", "2025", "5.5"),
    ("suzhou-2025", "part_2__para_4", "fixed-asset-investment-growth", "2025", "固定资产投资保持稳定"),
    ("suzhou-2025", "part_2__para_4", "foreign-trade-growth", "2025", "进出口稳量提质"),
    ("suzhou-2025", "part_2__para_4", "rd-intensity", "2025", "4.2"),
    ("suzhou-2025", "part_2__para_4", "energy-intensity", "2025", "单位GDP能耗下降"),
    ("suzhou-2025", "part_2__para_4", "binding-targets", "2025", "主要污染物排放总量削减完成省下达任务"),
    ("suzhou-2025", "part_3__sec_3__para_2", "little-giants-added", "2025", "200"),
    ("suzhou-2025", "part_3__sec_6__para_4", "construction-waste-recycling-rate", "2025", "85"),
    ("suzhou-2025", "part_3__sec_6__para_5", "pm25", "2025", "30"),
    ("suzhou-2025", "part_3__sec_6__para_5", "good-air-days", "2025", "80"),
]


def _recall(site, expected):
    got = {(f.report, f.node, f.indicator, f.when, f.value or f.printed) for f in site.figures if f.indicator}
    return [e for e in expected if e not in got]


def test_shenzhen_audit_recall(site):
    missing = _recall(site, SHENZHEN_AUDIT)
    assert missing == []
    assert len(SHENZHEN_AUDIT) == 149
    # the statements the outside audit named as missing
    named = {"little-giants-added", "little-giants", "single-champions-added", "single-champions",
             "construction-waste-recycling-rate", "reclaimed-water-rate", "new-foreign-enterprises",
             "green-loans-growth", "green-loans-added", "key-area-investment", "key-area-investment-growth",
             "good-water-share"}
    assert named <= {e[2] for e in SHENZHEN_AUDIT}


def test_river_water_quality_is_extracted_and_its_page_says_so(site):
    river = [f for f in site.figures if f.indicator == "good-water-share"]
    assert {(f.report, f.when, f.value) for f in river} == {("shenzhen-2025", "2024", "82.8"),
                                                           ("shenzhen-2025", "2025", "80")}


def test_other_reports_recall(site):
    assert _recall(site, OTHER_REPORTS) == []
    assert {e[0] for e in OTHER_REPORTS} == {"beijing-2025", "beijing-2026", "shanghai-2025", "shanghai-2026",
                                             "suzhou-2025"}


def test_every_catalogued_indicator_occurs_in_a_report_or_a_fixture(site, figures):
    """No indicator is catalogued for nothing: each one has statements on the site, or in a corpus fixture (the
    national report's balance of payments, Hailaer's registered unemployment), and its page says which."""
    on_site = {f.indicator for f in site.figures if f.indicator}
    in_fixtures = {f.indicator for rid in FIXTURES for f in figures[rid] if f.indicator}
    assert [i.id for i in site.catalogue.indicators if i.id not in on_site | in_fixtures] == []
