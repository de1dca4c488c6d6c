"""Indicators: extraction on the seeds and on reports written for the tests, the open data, the pages."""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import urlparse

import pytest
from conftest import ROOT, SITE_URL
from sitecheck import html_pages, load

from gwr.catalogue import load_catalogue
from gwr.indicators import Figure
from gwr.scorecard import judge
from gwr.pipeline import load_site

COLUMNS = "report, city, year, kind, indicator, name_zh, name_en, value, unit, comparator, quote, url".split(", ")


@pytest.fixture(scope="module")
def model():
    return load_site(ROOT)


def _rows(site, name="data/indicators.csv"):
    return list(csv.DictReader(io.StringIO((site / name).read_text(encoding="utf-8"))))


def _find(rows, **kw):
    return [r for r in rows if all(str(r[k]) == str(v) for k, v in kw.items())]


def test_csv_has_the_documented_columns(site):
    header = (site / "data/indicators.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[: len(COLUMNS)] == COLUMNS
    data = json.loads((site / "data/indicators.json").read_text(encoding="utf-8"))
    assert data["columns"][: len(COLUMNS)] == COLUMNS and data["observations"]


def test_every_value_is_verbatim_in_its_quote_and_the_quote_in_the_report(site, model):
    texts = {}
    for doc in model.docs:
        for b in doc.body_blocks():
            texts[(doc.meta.id, b.id)] = b.text + "\n" + (b.detail or "")
    rows = _rows(site) + _rows(site, "data/figures.csv")
    assert len(rows) > 400
    # a figure as printed (4.5%-5%, 8000多场, 两位数) or a target in words is verbatim in its sentence
    bad = [r for r in rows if (r["printed"] not in r["quote"] if r["printed"] else
                               r["value"] not in r["quote"]
                               or not re.search(re.escape(r["value"]) + "(多|余)?" + re.escape(r["unit"]), r["quote"]))
           or r["quote"] not in texts[(r["report"], r["node"])]]
    assert bad == []


def test_every_row_url_resolves_in_the_built_site(site):
    pages = html_pages(site)
    base = urlparse(SITE_URL).path
    cache = {}
    bad = []
    for name in ("data/indicators.csv", "data/figures.csv", "data/scorecard.csv"):
        for r in _rows(site, name):
            for key in ("url", "url_en", "target_url", "result_url"):
                if not r.get(key):
                    continue
                u = urlparse(r[key])
                path = u.path[len(base):]
                if path not in pages:
                    bad.append((name, key, r[key]))
                    continue
                ids = cache.setdefault(path, load(site, path).ids)
                if u.fragment not in ids:
                    bad.append((name, key, r[key]))
    assert bad == []


def test_units_are_converted(site):
    rows = _rows(site)
    gdp = _find(rows, report="shenzhen-2025", indicator="gdp", year=2024)[0]
    assert (gdp["value"], gdp["unit"], float(gdp["value_base"])) == ("3.68", "万亿元", 3.68e12)
    jobs = _find(rows, report="shenzhen-2025", indicator="new-jobs", year=2024)[0]
    assert float(jobs["value_base"]) == 207000 and jobs["unit_base"] == "人"
    rd = _find(rows, report="shenzhen-2025", indicator="rd-spending")[0]
    assert float(rd["value_base"]) == 2236.6e8


# (report, indicator, year, kind, value, comparator): what a reader of the seeds finds, by hand.
SEED_FACTS = [
    ("shenzhen-2025", "gdp", 2024, "actual", "3.68", "="),
    ("shenzhen-2025", "gdp-growth", 2024, "actual", "5.8", "="),
    ("shenzhen-2025", "rd-intensity", 2024, "actual", "6.46", "="),
    ("shenzhen-2025", "fixed-asset-investment", 2024, "actual", "1", ">"),
    ("shenzhen-2025", "retail-sales", 2024, "actual", "1", ">"),
    ("shenzhen-2025", "gdp-growth", 2025, "target", "5.5", "="),
    ("shenzhen-2025", "budget-revenue-growth", 2025, "target", "3.0", "="),
    ("shenzhen-2025", "cpi", 2025, "target", "2", "≈"),
    ("shenzhen-2025", "new-jobs", 2025, "target", "20", "="),
    ("shenzhen-2025", "good-air-days", 2025, "target", "97.5", "≥"),
    ("shenzhen-2025", "pm25", 2025, "target", "15", "="),
    ("shenzhen-2025", "fixed-asset-investment-growth", 2025, "target", "8.0", "="),
    ("shenzhen-2026-summary", "gdp-growth", 2025, "actual", "5.5", "="),
    ("shenzhen-2026-summary", "budget-revenue-growth", 2025, "actual", "6.4", "="),
    ("shenzhen-2026-summary", "gdp-growth", 2026, "target", "5", "="),
    ("shenzhen-2026-summary", "gdp", 2030, "target", "5", ">"),
    ("shenzhen-2026-summary", "rd-intensity", 2030, "target", "7", ">"),
]


@pytest.mark.parametrize("report,indicator,year,kind,value,comparator", SEED_FACTS)
def test_seed_statements_have_the_right_year_and_kind(site, report, indicator, year, kind, value, comparator):
    found = _find(_rows(site), report=report, indicator=indicator, year=year, kind=kind, value=value)
    assert len(found) == 1, found
    assert found[0]["comparator"] == comparator


# (report, part) -> (year, kind) of every figure in it; parts on a five-year plan are checked paragraph by paragraph
PARTS = {
    ("shenzhen-2025", "part_1"): (2024, "actual"), ("shenzhen-2025", "part_2"): (2025, "target"),
    ("shenzhen-2026-summary", "part_1"): (2025, "actual"), ("shenzhen-2026-summary", "part_2"): (2030, "target"),
    ("shenzhen-2026-summary", "part_3"): (2026, "target"),
    ("beijing-2025", "part_1"): (2024, "actual"), ("beijing-2025", "part_2"): (2025, "target"),
    ("beijing-2026", "part_1"): (2025, "actual"), ("beijing-2026", "part_3"): (2026, "target"),
    ("shanghai-2025", "part_1"): (2024, "actual"), ("shanghai-2025", "part_2"): (2025, "target"),
    ("shanghai-2025", "part_3"): (2025, "target"),  # 三、全面提升政府治理现代化水平 continues the plan
    ("shanghai-2026", "part_1"): (2025, "actual"), ("shanghai-2026", "part_3"): (2026, "target"),
    ("shanghai-2026", "part_4"): (2026, "target"),
    ("suzhou-2025", "part_1"): (2024, "actual"), ("suzhou-2025", "part_2"): (2025, "target"),
    ("suzhou-2025", "part_3"): (2025, "target"),
}
# paragraphs of the parts on the five-year plans: the 十四五 review gives results of 2021-2025, the rest targets
FIVE_YEAR = {("beijing-2026", "part_2"): {f"part_2__para_{n}": "2021-2025" for n in range(1, 7)},
             ("shanghai-2026", "part_2"): {"part_2__para_2": "2021-2025"}}


def test_years_and_kinds_follow_the_parts(site):
    """Review parts give last year's results, plan parts this year's targets, the 15th FYP part 2030."""
    wrong = []
    for r in _rows(site, "data/figures.csv"):
        part = (r["report"], r["node"].split("__")[0])
        if part in FIVE_YEAR:
            past = FIVE_YEAR[part].get(r["node"].split("__")[0] + "__" + r["node"].split("__")[1])
            ok = (r["kind"], r["period"]) == ("actual", past) if past else (
                r["kind"] == "target" and (r["period"] == "2026-2030" or r["year"] in ("2030", "2035")))
            if not ok:
                wrong.append(r)
        elif (r["year"] and int(r["year"]), r["kind"]) != PARTS[part] and not re.search(r"到\d{4}年", r["quote"]):
            wrong.append(r)
    assert wrong == []
    seen = {(int(r["year"]), r["kind"]) for r in _rows(site) if r["year"]}
    assert {(2024, "actual"), (2025, "target"), (2025, "actual"), (2026, "target"), (2030, "target")} <= seen


def test_qualifiers(site):
    rows = _rows(site)
    air = _find(rows, indicator="good-air-days", year=2025, kind="target")[0]
    assert air["aspirational"] == "true" and air["qualifier"] == "力争+以上"
    fai = _find(rows, indicator="fixed-asset-investment-growth", year=2025, kind="target")[0]
    assert fai["aspirational"] == "true"
    assert _find(rows, indicator="cpi", year=2025)[0]["qualifier"] == "左右"


def test_no_sub_city_or_denominator_statement_is_taken_for_the_city(model):
    """合作区规上工业总产值 and 深汕特别合作区地区生产总值 are not the city's; 占地区生产总值比重 is not GDP."""
    city_gdp = [f for f in model.figures if f.indicator in ("gdp", "gdp-growth", "industrial-output")]
    assert all("合作区" not in f.quote[max(0, f.quote.find(f.value) - 12):f.quote.find(f.value)] for f in city_gdp)
    assert not [f for f in model.figures if f.indicator == "gdp" and f.base_unit == "%"]


def test_list_layout_and_unseen_reports(ext_model):
    """The examplecity reports (prose paragraphs, inline heads, bullet items) need no rule of their own."""
    got = {(f.report, f.indicator, f.year, f.kind, f.value, f.comparator) for f in ext_model.figures if f.indicator}
    assert {
        ("examplecity-2024", "gdp", 2023, "actual", "1.23", "="),
        ("examplecity-2024", "rd-intensity", 2023, "actual", "4.2", "="),
        ("examplecity-2024", "new-jobs", 2023, "actual", "12.5", "="),
        ("examplecity-2024", "gdp-growth", 2024, "target", "5", "≈"),
        ("examplecity-2024", "retail-sales-growth", 2024, "target", "6", "≥"),
        ("examplecity-2025", "gdp-growth", 2024, "actual", "4.8", "="),
        ("examplecity-2025", "fixed-asset-investment-growth", 2024, "actual", "2.1", "="),
        ("examplecity-2025", "foreign-trade", 2024, "actual", "3200", "="),
        ("examplecity-2025", "unemployment", 2025, "target", "5.5", "≤"),
        ("examplecity-2025", "pm25", 2025, "target", "20", "≤"),
    } <= got
    # the summary's list items: a figure in an item's detail lines
    assert any(f.indicator == "high-tech-exports-growth" and f.field == "detail" for f in ext_model.figures)


def test_a_new_report_extends_tables_and_scorecards(ext_site):
    rows = _rows(ext_site, "data/scorecard.csv")
    gdp = _find(rows, city="示例", year=2024, indicator="gdp-growth")[0]
    assert (gdp["status"], gdp["result_value"], gdp["result_report"]) == ("met", "4.8", "examplecity-2025")
    retail = _find(rows, city="示例", year=2024, indicator="retail-sales-growth")[0]
    assert (retail["status"], retail["result_value"]) == ("missed", "5.2")
    text = load(ext_site, "indicators/gdp-growth/").text
    assert "示例" in text and "4.8%" in text
    assert "2024年目标" in load(ext_site, "scorecards/").text


def _fig(value, unit="%", comparator="=", base_unit=None):
    v = float(value)
    return Figure("r", "c", "n", "text", 0, 1, value, unit, v, base_unit or unit, comparator, "", False, "", 2025,
                  "target")


def test_scorecard_rules():
    cat = load_catalogue(ROOT)
    up, down = cat.by_id["gdp-growth"], cat.by_id["pm25"]
    assert judge(_fig("5.5", comparator="≈"), _fig("5.4"), up) == "met"      # 5.5%左右 vs 5.4%
    assert judge(_fig("5.5", comparator="≈"), _fig("5.3"), up) == "met"
    assert judge(_fig("5.5", comparator="≈"), _fig("5.0"), up) == "missed"   # nearer to the 5% step: not “about 5.5%”
    assert judge(_fig("5.5", comparator="≈"), _fig("4.9"), up) == "missed"
    assert judge(_fig("5.5"), _fig("5.4"), up) == "missed"                   # a plain target is a floor
    assert judge(_fig("5.5"), _fig("5.5"), up) == "met"
    assert judge(_fig("15", "微克/立方米"), _fig("17.3", "微克/立方米"), down) == "missed"  # lower is better
    assert judge(_fig("15", "微克/立方米"), _fig("14", "微克/立方米"), down) == "met"
    assert judge(_fig("97.5", comparator="≥"), _fig("97.5"), up) == "met"
    assert judge(_fig("1", "万亿元", ">", "元"), _fig("1", "万亿元", ">", "元"), up) == "met"  # both "over 1"
    assert judge(_fig("5.5", comparator="≤"), _fig("5.6"), cat.by_id["unemployment"]) == "missed"
    cpi = cat.by_id["cpi"]
    assert judge(_fig("2", comparator="≈"), _fig("0.1"), cpi) == "met"      # CPI: a ceiling …
    assert judge(_fig("2", comparator="≈"), _fig("2.0"), cpi) == "met"
    assert judge(_fig("2", comparator="≈"), _fig("2.1"), cpi) == "missed"   # … that 左右 does not raise
    assert judge(_fig("2", comparator="≈"), _fig("2.5"), cpi) == "missed"
    rng = _fig("4.5", comparator="range")
    rng.value_high, rng.base_high = "5", 5.0
    assert judge(rng, _fig("4.6"), up) == "met" and judge(rng, _fig("4.4"), up) == "missed"


def test_scorecard_rules_for_targets_in_words():
    cat = load_catalogue(ROOT)
    income = cat.by_id["income-growth"]
    step = _fig("0", comparator="")
    step.value, step.rule, step.vs = "", "in-step", "gdp-growth"
    assert judge(step, _fig("5.2"), income, _fig("5.4")) == "met"      # within 0.25 points of GDP growth
    assert judge(step, _fig("4.4"), income, _fig("5.4")) == "missed"
    fall = _fig("0", comparator="")
    fall.value, fall.rule = "", "decline"
    result = _fig("3.1")
    result.measure = "decline"
    assert judge(fall, result, cat.by_id["energy-intensity"]) == "met"


def test_rules_text_states_what_the_code_does():
    from gwr.scorecard_pages import rules_text
    from gwr.scorecard import PCT_TOLERANCE, REL_TOLERANCE

    zh, en = "\n".join(rules_text("zh")), "\n".join(rules_text("en"))
    assert PCT_TOLERANCE == 0.25 and REL_TOLERANCE == 0.05
    assert "0.25个百分点" in zh and "5%" in zh and "上限" in zh and "2.1%即为未完成" in zh
    assert "0.25 percentage points" in en and "ceiling" in en and "missed by 2.1%" in en
    assert "5.0%为未完成" in zh and "missed by 5.0%" in en
    cpi = load_catalogue(ROOT).by_id["cpi"]
    assert "不放宽" in cpi.note_zh and "does not raise" in cpi.note_en


# status of each headline target for 2025, by city, as a reader of the 2026 reports finds it
STATUS_2025 = {
    ("北京", "gdp-growth"): "met", ("北京", "budget-revenue-growth"): "met", ("北京", "unemployment"): "met",
    ("北京", "cpi"): "no-result",  # 居民消费价格总体平稳: no figure
    ("北京", "income-growth"): "missed",  # 4.4% against GDP growth of 5.4%
    ("北京", "binding-targets"): "words", ("北京", "new-jobs"): "no-result",
    ("上海", "gdp-growth"): "met", ("上海", "budget-revenue-growth"): "missed",  # 1.5% against 2%
    ("上海", "rd-intensity"): "met", ("上海", "unemployment"): "met", ("上海", "income-growth"): "missed",
    ("上海", "cpi"): "met", ("上海", "new-jobs"): "met", ("上海", "binding-targets"): "words",
    ("深圳", "gdp-growth"): "met", ("深圳", "budget-revenue-growth"): "met", ("深圳", "cpi"): "summary",
    ("深圳", "new-jobs"): "summary", ("深圳", "income-growth"): "summary",
    ("苏州", "gdp-growth"): "no-report", ("苏州", "new-jobs"): "no-report",
}


def test_scorecard_statuses_for_2025(site):
    rows = _rows(site, "data/scorecard.csv")
    got = {(r["city"], r["indicator"]): r["status"] for r in rows if r["year"] == "2025"
           and (r["city"], r["indicator"]) in STATUS_2025}
    assert got == STATUS_2025
    # every target has a result or a reason; later targets are not due
    assert all(r["status"] in ("met", "missed", "unclear") or r["reason_en"] for r in rows)
    assert {r["status"] for r in rows if r["year"] in ("2026", "2030") or r["period"] == "2026-2030"} == {"not-due"}
    bj = _find(rows, city="北京", year=2025, indicator="gdp-growth")[0]
    assert (bj["target_value"], bj["target_qualifier"], bj["result_value"], bj["result_report"]) == \
        ("5", "左右+努力争取更好结果", "5.4", "beijing-2026")
    inc = _find(rows, city="北京", year=2025, indicator="income-growth")[0]
    assert (inc["rule"], inc["result_value"], inc["vs_indicator"], inc["vs_value"]) == \
        ("in-step", "4.4", "gdp-growth", "5.4")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_beijing_scorecard_shows_promise_and_result(site, prefix):
    page = load(site, prefix + "scorecards/2025/")  # the year: one row per city, leading to its card
    assert {"city-beijing", "city-shanghai", "city-shenzhen", "rules"} <= page.ids
    for slug in ("beijing", "shanghai", "shenzhen"):
        assert any(h.endswith(f"{slug}/scorecards/2025/") for h in page.links)
    bj = (site / prefix / "beijing/scorecards/2025/index.html").read_text(encoding="utf-8")
    assert "beijing/2025/part-2/#part_2__para_3" in bj and "beijing/2026/part-1/#part_1__para_2" in bj
    assert ("2026年1月25日" if not prefix else "25 January 2026") in bj
    assert ("未报告结果" if not prefix else "not reported") in bj
    assert "shenzhen/" not in bj.split('class="md-content"')[1]  # the card holds Beijing's targets only
    sz = load(site, prefix + "shenzhen/scorecards/2025/").text
    assert ("摘要" if not prefix else "summary") in sz
    card26 = " ".join(load(site, prefix + f"{slug}/scorecards/2026/").text for slug in ("beijing", "shanghai")
                      if (site / prefix / f"{slug}/scorecards/2026/index.html").is_file())
    assert ("尚未到期" if not prefix else "not due yet") in card26
    assert ("尚无结果报告" if not prefix else "no result reported") not in card26


def test_seed_scorecard(site):
    rows = _rows(site, "data/scorecard.csv")
    gdp = _find(rows, year=2025, indicator="gdp-growth")[0]
    assert (gdp["status"], gdp["target_value"], gdp["result_value"]) == ("met", "5.5", "5.5")
    assert gdp["result_url"].endswith("shenzhen/2026-summary/part-1/#part_1__para_1")
    rev = _find(rows, year=2025, indicator="budget-revenue-growth")[0]
    assert (rev["status"], rev["result_value"]) == ("met", "6.4")
    assert _find(rows, city="深圳", year=2025, indicator="cpi")[0]["status"] == "summary"  # not in the summary
    targets = [r for r in _rows(site) if r["kind"] == "target"]
    assert len(rows) == len(targets)
    data = json.loads((site / "data/scorecard.json").read_text(encoding="utf-8"))
    assert len(data["rows"]) == len(rows) and data["rules"]["zh"] and data["rules"]["en"]


def test_pages_in_both_editions(site):
    for prefix in ("", "en/"):
        assert any("shenzhen/indicators/gdp-growth/" in h for h in load(site, prefix + "indicators/gdp-growth/").links)
        page = load(site, prefix + "shenzhen/indicators/gdp-growth/")  # year by year in the city
        assert "5.8%" in page.text and "5.5%" in page.text
        assert any("shenzhen/2026-summary/part-1/#part_1__para_1" in h for h in page.links)
        raw = (site / (prefix + "shenzhen/indicators/gdp-growth/index.html")).read_text(encoding="utf-8")
        assert "<svg" in raw and 'role="group"' in raw and "<title" in raw and 'class="gwr-frame"' in raw
        assert (site / prefix / "data/indicators/gdp-growth.csv").is_file()
        card = load(site, prefix + "scorecards/2025/")
        assert ("判断规则" if not prefix else "Rules") in card.text
        main = load(site, prefix + "shenzhen/2025/")
        assert "main-indicators" in main.ids
        figs = load(site, prefix + "shenzhen/2025/figures/")
        assert "3.68万亿元" in figs.text
    assert "3.68 trillion yuan" in load(site, "en/shenzhen/2025/figures/").text
    assert any("shenzhen/scorecards/2025/" in h for h in load(site, "en/scorecards/2025/").links)
    assert "about 2%" in load(site, "en/shenzhen/scorecards/2025/").text  # the city's card for the year


def test_figures_are_marked_in_the_text_in_both_languages(site):
    for prefix, text in (("", "3.68万亿元"), ("en/", "3.68 trillion")):
        raw = (site / prefix / "shenzhen/2025/part-1/index.html").read_text(encoding="utf-8")
        assert 'class="gwr-fig" href="../../../indicators/gdp/">' in raw  # its title is in terms.js (test_reader)
        assert f">{text}</a>" in raw


def test_chart_has_no_external_resources(site):
    raw = (site / "shenzhen/indicators/pm25/index.html").read_text(encoding="utf-8")
    svg = raw[raw.index("<svg"):raw.index("</svg>")]
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "") and "<script" not in svg


def test_figures_page_highlights_exactly_the_figures(site, model):
    """Each highlight on a report's figures page is a figure as printed, in reading order."""
    for doc in model.docs:
        raw = (site / doc.meta.path / "figures/index.html").read_text(encoding="utf-8")
        marks = [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<mark>(.*?)</mark>", raw)]
        expected, seen, end = [], set(), {}
        for f in model.figures:
            where = (f.node, f.field, f.quote_start)
            if f.report == doc.meta.id and (f.node, f.field, f.start) not in seen and f.start >= end.get(where, 0):
                seen.add((f.node, f.field, f.start))
                end[where] = f.end  # a span inside another (two targets in words sharing 进一步下降) is not marked twice
                expected.append(f.quote[f.start - f.quote_start:f.end - f.quote_start])
        assert marks == expected
        words = {f.printed for f in model.figures if f.report == doc.meta.id and not f.value}  # targets in words
        assert all(re.fullmatch(r"\d+(?:\.\d+)?(万亿|亿|万)?(多|余)?\D*?([-—]\d+(?:\.\d+)?\D*)?|两位数", m)
                   or m in words for m in marks), marks


@pytest.mark.parametrize("lo, hi", [(0, 5.0), (0, 3.68), (0, 1.05), (-2.3, 6.1), (0, 0), (0, 2236.6), (0.5, 0.5),
                                     (0, 99.9), (0, 100), (-0.4, 0)])
def test_chart_axis_holds_every_value(lo, hi):
    from gwr.charts import _ticks

    ticks = _ticks(lo, hi)
    assert len(ticks) >= 2 and ticks[0] <= lo and ticks[-1] >= hi, ticks
    assert len(ticks) <= 7, ticks
