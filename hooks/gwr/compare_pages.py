"""Comparison pages: the targets of every published city for a year, side by side, and the panel as CSV.

Pure functions over :class:`gwr.indicator_context.Context` (figures, scorecard rows, catalogue, URLs). Links are
relative through ``ROOT_HREF``. One page per year in which a report sets targets (``/compare/<year>/``), an
index (``/compare/``), one CSV per table (``data/compare/<year>.csv``, ``…-shared.csv``, ``…-five-year.csv``)
and the whole panel (``data/panel.csv``): one row per city, indicator and year (or period) with the target, the
result and the scorecard status.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator

from .indicator_context import Context, data_table, figure_text, quote_window, unsearched_front_matter
from .indicator_data import cell, csv_parts, num
from .catalogue import Indicator
from .indicators import Figure
from .labels import colon
from .model import Document, ReportMeta
from .markup import attr, esc, md_esc, ROOT_HREF
from .scorecard import ScoreRow
from . import shares
from .shares import Keys, Share
from .slots import slot

CORE = ("gdp-growth", "budget-revenue-growth", "budget-revenue", "cpi", "new-jobs", "unemployment",
        "registered-unemployment")
"""Always compared when any city sets them: GDP growth, budget revenue, CPI, jobs, unemployment."""

T = {
    "zh": {
        "compare": "目标对照", "year_title": "{year}年目标对照", "indicator": "指标", "national": "全国",
        "main": "主要目标", "shared": "两个以上城市共有的其他目标", "five_year": "五年规划目标（{period}）",
        "prev": "{year}年实绩", "none": "—", "not_set": "未提出", "summary": "（摘要）", "download": "下载",
        "intro": ("{year}年各城市政府工作报告提出的目标，按指标并列。每个数值带原文的修饰语（左右、以上、力争……），"
                  "点击即打开原文所在段落（鼠标悬停可见原句）；数值下方是上一年（{prev}年）的实绩，取自同一报告，同一报告未提及时取自最早提及它的报告。"
                  "“未提出”表示该城市的报告没有以数字或文字提出这一目标。每张表都可下载为 CSV。"),
        "intro_index": ("各城市同一年的目标并列对照：地区生产总值增速、一般公共预算收入、居民消费价格、就业、失业率，"
                        "以及两个以上城市共有的其他目标。每个数值链接到原文句子。目标与下一年结果的对照见"
                        "[目标完成情况](../scorecards/index.md)。"),
        "panel": ("全部城市、指标、年份的目标与实绩面板（每行一个城市、指标和年份或时期）："),
        "cities": "城市", "targets": "目标数", "scorecard": "完成情况见[{year}年目标完成情况](../scorecards/{year}.md)。",
    },
    "en": {
        "compare": "Compare targets", "year_title": "Targets for {year} compared", "indicator": "Indicator",
        "national": "National", "main": "Main targets", "shared": "Other targets set by two or more cities",
        "five_year": "Five-year plan targets ({period})", "prev": "{year} result", "none": "—",
        "not_set": "not set", "summary": " (summary)", "download": "Download",
        "intro": ("The targets each city's government work report sets for {year}, side by side by indicator. Each "
                  "value carries its qualifier as printed (about, at least, strive for …) and opens the paragraph it "
                  "is in (hover to see the Chinese sentence); below it, the previous year's ({prev}) result as the "
                  "same report states it, or else the earliest report that does. \"Not set\" means that city's "
                  "report sets no such target, in figures or in words. Every table downloads as CSV."),
        "intro_index": ("The targets of the cities for the same year side by side: GDP growth, budget revenue, the CPI, "
                        "jobs, unemployment, and every other target two or more cities share. Every value links to "
                        "its sentence. Targets are set against the next year's results in "
                        "[Targets and results](../scorecards/index.md)."),
        "panel": "The panel of all cities, indicators and years, targets and results (one row per city, indicator "
                 "and year or period): ",
        "cities": "Cities", "targets": "Targets",
        "scorecard": "Results against these targets: [Targets for {year}](../scorecards/{year}.md).",
    },
}

TABLE_COLUMNS = ["year", "period", "indicator", "name_zh", "name_en", "city", "city_en", "report", "value",
                 "value_high", "unit", "comparator", "qualifier", "aspirational", "stretch", "text_zh", "text_en",
                 "quote", "url", "url_en", "previous_year", "previous_value", "previous_unit", "previous_comparator",
                 "previous_url"]
PANEL_COLUMNS = ["city", "city_en", "indicator", "name_zh", "name_en", "unit_base", "year", "period", "basis",
                 "target_report", "target_value", "target_value_high", "target_comparator", "target_qualifier",
                 "target_text_zh", "target_text_en", "target_url", "result_report", "result_value", "result_unit",
                 "result_comparator", "result_value_base", "result_url", "status", "reason_en"]


def is_national(meta: ReportMeta) -> bool:
    """The State Council's report, when one is registered: compared as the national target."""
    return meta.city in ("全国", "中国") or meta.id.startswith(("national-", "china-"))


def _t(ctx: Context, key: str, **kw) -> str:
    return T[ctx.lang][key].format(**kw) if kw else T[ctx.lang][key]


def compare_years(ctx: Context) -> list[int]:
    """Years for which at least one report sets targets (a report's own year)."""
    return sorted({f.year for f in ctx.figures if _is_plan_target(ctx, f)})


def _is_plan_target(ctx: Context, f: Figure) -> bool:
    return bool(f.indicator and f.kind == "target" and f.basis == "year"
                and f.year == ctx.docs[f.report].meta.year)


def _sources(ctx: Context, year: int) -> list[Document]:
    """One report per city for the year: the full text where there is one, else the summary; national first."""
    best: dict[str, Document] = {}
    for doc in ctx.docs.values():
        if doc.meta.year != year:
            continue
        cur = best.get(doc.meta.city)
        if cur is None or (cur.meta.kind != "full" and doc.meta.kind == "full"):
            best[doc.meta.city] = doc
    return sorted(best.values(), key=lambda d: (not is_national(d.meta), ctx.city_order(d.meta.city)))


class Table:
    """Targets of one year (or one period), by indicator and source report."""

    def __init__(self, ctx: Context, sources: list[Document], figures: list[Figure]):
        self.ctx = ctx
        self.sources = sources
        self.cells: dict[tuple[str, str], list[Figure]] = {}
        for f in figures:
            self.cells.setdefault((f.indicator, f.report), []).append(f)

    def cities_with(self, ind: str) -> int:
        return sum(1 for d in self.sources if (ind, d.meta.id) in self.cells and not is_national(d.meta))

    def indicators(self, pick) -> list[Indicator]:
        return [i for i in self.ctx.cat.indicators if pick(i)]


def _actuals(ctx: Context) -> dict[tuple[str, str, int], list[Figure]]:
    """Results by (city, indicator, year), built once per context."""
    index = getattr(ctx, "_compare_actuals", None)
    if index is None:
        index = {}
        for g in ctx.figures:
            if g.indicator and g.kind == "actual" and g.basis == "year" and g.year is not None and g.value:
                index.setdefault((g.city, g.indicator, g.year), []).append(g)
        ctx._compare_actuals = index
    return index


def _previous(ctx: Context, f: Figure, year: int) -> Figure | None:
    """The result for ``year`` of the same city and indicator: as the same report states it, else as the earliest
    report that does."""
    pool = list(_actuals(ctx).get((f.city, f.indicator, year), []))
    same = [g for g in pool if g.report == f.report]
    if same:
        return same[0]
    pool.sort(key=lambda g: ctx.docs[g.report].meta.year)
    return pool[0] if pool else None


def _cell_html(ctx: Context, figs: list[Figure], prev_year: int | None) -> str:
    if not figs:
        return f'<span class="gwr-small">{esc(_t(ctx, "not_set"))}</span>'
    bits = []
    for f in figs:
        html = ctx.value_cell(f)
        prev = _previous(ctx, f, prev_year) if prev_year else None
        if prev is not None:
            rel = ROOT_HREF + ctx.rel(prev)
            html += (f'<br><span class="gwr-small">{esc(_t(ctx, "prev", year=prev_year) + colon(ctx.lang))}'
                     f'<a href="{attr(rel)}" title="{attr(quote_window(prev))}">{esc(figure_text(prev, ctx.lang))}</a></span>')
        bits.append(html)
    return "<br>".join(bits)


def _name(ctx: Context, doc: Document) -> str:
    name = _t(ctx, "national") if is_national(doc.meta) else ctx.city_name(doc.meta.city)
    return name + (_t(ctx, "summary") if doc.meta.kind == "summary" else "")


def _head(ctx: Context, doc: Document) -> str:
    return f'<a href="{ROOT_HREF}{attr(doc.meta.path)}/">{esc(_name(ctx, doc))}</a>'


def _table_html(ctx: Context, table: Table, inds: list[Indicator], prev_year: int | None) -> str:
    """Cities as columns; on phones each row is a card whose values carry their city (``data-label``)."""
    heads = [esc(_t(ctx, "indicator"))] + [_head(ctx, d) for d in table.sources]
    head = "".join(f'<th role="columnheader" scope="col">{h}</th>' for h in heads)
    rows = []
    for ind in inds:
        cells = "".join(f'<td role="cell" data-label="{attr(_name(ctx, d))}">'
                        f"{_cell_html(ctx, table.cells.get((ind.id, d.meta.id), []), prev_year)}</td>"
                        for d in table.sources)
        rows.append(f'<tr role="row" id="{ind.id}"><th role="rowheader">{ctx.ind_link(ind)}</th>{cells}</tr>')
    return (f'<table class="gwr-data gwr-compare" role="table"><thead role="rowgroup"><tr role="row">{head}</tr>'
            f'</thead><tbody role="rowgroup">{"".join(rows)}</tbody></table>')


def _table_rows(ctx: Context, table: Table, inds: list[Indicator], prev_year: int | None) -> list[list[str]]:
    out = []
    for ind in inds:
        for d in table.sources:
            for f in table.cells.get((ind.id, d.meta.id), []):
                prev = _previous(ctx, f, prev_year) if prev_year else None
                rel = ctx.rel(f)
                row = {
                    "year": f.year if f.basis == "year" else None, "period": f.period or None, "indicator": ind.id,
                    "name_zh": ind.zh, "name_en": ind.en, "city": f.city,
                    "city_en": d.meta.city_en, "report": f.report, "value": f.value or None,
                    "value_high": f.value_high or None, "unit": f.unit or None, "comparator": f.comparator or None,
                    "qualifier": f.qualifier, "aspirational": f.aspirational, "stretch": f.stretch,
                    "text_zh": figure_text(f, "zh"), "text_en": figure_text(f, "en"), "quote": f.quote,
                    "url": ctx.urls.url(rel, "zh"), "url_en": ctx.urls.url(rel, "en"),
                    "previous_year": prev_year if prev else None, "previous_value": prev.value if prev else None,
                    "previous_unit": prev.unit if prev else None,
                    "previous_comparator": prev.comparator if prev else None,
                    "previous_url": ctx.urls.url(ctx.rel(prev), "zh") if prev else None,
                }
                out.append([cell(row[c]) for c in TABLE_COLUMNS])
    return out


def tables(ctx: Context, year: int) -> list[tuple[str, str, Table, list[Indicator], int | None]]:
    """(key, title, table, indicators, previous year) of each table of a year's page, in order."""
    sources = _sources(ctx, year)
    # the year's reports' own figures (ctx.by_report), not every figure of the site for each year
    own = [f for d in sources for f in ctx.by_report.get(d.meta.id, ())]
    figs = [f for f in own if _is_plan_target(ctx, f) and f.year == year]
    table = Table(ctx, sources, figs)
    core = [ctx.cat.by_id[i] for i in CORE if i in ctx.cat.by_id and any(k[0] == i for k in table.cells)]
    main = core + table.indicators(lambda i: i.id not in CORE and i.headline and table.cities_with(i.id) >= 2)
    shared = table.indicators(lambda i: not i.headline and i.id not in CORE and table.cities_with(i.id) >= 2)
    out = [("", _t(ctx, "main"), table, main, year - 1)]
    if shared:
        out.append(("-shared", _t(ctx, "shared"), table, shared, year - 1))
    five = [f for f in own if f.indicator and f.kind == "target" and f.period and f.period.startswith(str(year))]
    spans = sorted({f.period for f in five})
    for span in spans:
        pf = [f for f in five if f.period == span]
        t5 = Table(ctx, [d for d in sources if any(f.report == d.meta.id for f in pf)], pf)
        inds = t5.indicators(lambda i: any(k[0] == i.id for k in t5.cells))
        label = _t(ctx, "five_year", period=span if ctx.lang == "zh" else span.replace("-", "–"))
        out.append(("-five-year" + ("" if len(spans) == 1 else f"-{span}"), label, t5, inds, None))
    return out


CITIES_PER_PAGE = 5
"""Cities side by side on one page: a year's comparison of more cities is split into pages of this many
(``/compare/<year>/``, then ``/compare/<year>/2/``, …), so that no page grows with the site (a column is ≈ 15 KB)."""


def _groups(ctx: Context, year: int) -> list[list[Document]]:
    """The cities of a year's comparison, page by page; the national report, when there is one, on every page."""
    sources = _sources(ctx, year)
    national = [d for d in sources if is_national(d.meta)]
    cities = [d for d in sources if not is_national(d.meta)]
    return [national + cities[i:i + CITIES_PER_PAGE] for i in range(0, len(cities), CITIES_PER_PAGE)] or [national]


def year_src(year: int, page: int) -> str:
    return f"compare/{year}.md" if page == 1 else f"compare/{year}/{page}.md"


def not_in_nav(src: str) -> bool:
    """The second and later pages of a year (``compare/<year>/<n>.md``): reached from the first, not the navigation."""
    return bool(re.fullmatch(r"compare/\d{4}/\d+\.md", src))


def _pager(ctx: Context, groups: list[list[Document]], page: int) -> str:
    """Links to the pages of a year's comparison, each named by its cities (page 1 is ``/compare/<year>/``)."""
    bits = []
    for n, group in enumerate(groups, 1):
        names = ("、" if ctx.lang == "zh" else ", ").join(_name(ctx, d) for d in group if not is_national(d.meta))
        if n == page:
            bits.append(f'<li><a href="./" aria-current="page">{esc(names)}</a></li>')
            continue
        href = (f"{n}/" if n > 1 else "./") if page == 1 else (f"../{n}/" if n > 1 else "../")
        bits.append(f'<li><a href="{href}">{esc(names)}</a></li>')
    label = "本年对照的城市（分页）" if ctx.lang == "zh" else "The cities compared this year, page by page"
    return f'<nav class="gwr-pager" aria-label="{attr(label)}"><ol>{"".join(bits)}</ol></nav>'


def render_year(ctx: Context, year: int) -> dict[str, str]:
    """A year's comparison: ``{src: markdown}``, one page per :data:`CITIES_PER_PAGE` cities."""
    groups = _groups(ctx, year)
    year_tables = tables(ctx, year)
    out_pages = {}
    for page, group in enumerate(groups, 1):
        title = _t(ctx, "year_title", year=year)
        if len(groups) > 1:
            title += f"（{page}/{len(groups)}）" if ctx.lang == "zh" else f" ({page}/{len(groups)})"
        fm = unsearched_front_matter(f"{title} · {_t(ctx, 'compare')}")
        out = [fm, f"# {md_esc(title)} {{#compare}}\n"]
        out.append(md_esc(_t(ctx, "intro", year=year, prev=year - 1)) + "\n")
        if any(r.target.year == year for r in ctx.rows):
            out.append(_t(ctx, "scorecard", year=year).replace("](../", "](../" + "../" * (page > 1)) + "\n")
        if len(groups) > 1:
            out.append(slot(_pager(ctx, groups, page)) + "\n")
        ids = {d.meta.id for d in group}
        for key, label, table, inds, prev in year_tables:
            table = Table(ctx, [d for d in table.sources if d.meta.id in ids],
                          [f for fs in table.cells.values() for f in fs if f.report in ids])
            inds = [i for i in inds if any(k[0] == i.id for k in table.cells)]
            if not inds:
                continue
            anchor = key.strip("-") or "main"
            out.append(f"## {md_esc(label)} {{#{anchor}}}\n")
            out.append(slot(_table_html(ctx, table, inds, prev)) + "\n")
            name = f"{year}{key}.csv"
            out.append(f'<p class="gwr-downloads">{esc(_t(ctx, "download") + colon(ctx.lang))}'
                       f'<a href="{ROOT_HREF}data/compare/{name}"><code>{name}</code></a></p>\n')
        out_pages[year_src(year, page)] = "\n".join(out)
    return out_pages


def render_index(ctx: Context) -> str:
    zh = ctx.lang == "zh"
    title = _t(ctx, "compare")
    out = [unsearched_front_matter(title), f"# {md_esc(title)} {{#compare}}\n", _t(ctx, "intro_index") + "\n"]
    rows = []
    for y in compare_years(ctx):
        ts = tables(ctx, y)
        sources = ts[0][2].sources
        names = [(_t(ctx, "national") if is_national(d.meta) else ctx.city_name(d.meta.city)) for d in sources]
        n = sum(len(v) for v in ts[0][2].cells.values())
        rows.append(f'<tr><th><a href="{y}/">{esc(_t(ctx, "year_title", year=y))}</a></th>'
                    f'<td>{esc(("、" if zh else ", ").join(names))}</td><td>{n}</td></tr>')
    out.append(slot(data_table(["年份" if zh else "Year", _t(ctx, "cities"), _t(ctx, "targets")], rows)) + "\n")
    out.append(f'<p class="gwr-downloads">{esc(_t(ctx, "panel"))}'
               f'<a href="{ROOT_HREF}data/panel.csv"><code>panel.csv</code></a></p>\n')
    return "\n".join(out)


# --- the panel -------------------------------------------------------------------------------------

def panel_csv(ctx: Context) -> str:
    """One row per city, indicator and year (or period and basis): the target, the result, the status."""
    return shares.text(panel_csv_parts(ctx))


def panel_csv_parts(ctx: Context, keys: Keys | None = None) -> Iterator:
    """:func:`panel_csv` piece by piece: a city's rows at a time (cities in registry order, as the rows are
    sorted), as shares of the file kept under ``keys`` (:mod:`gwr.shares`): a city's rows depend on its reports
    and on the site's latest year (whether a target is due yet)."""
    yield from csv_parts((), PANEL_COLUMNS)
    rows: dict[str, list[ScoreRow]] = {}
    for r in ctx.rows:
        rows.setdefault(r.target.city, []).append(r)
    docs: dict[str, list[Document]] = {}
    for d in ctx.docs.values():
        docs.setdefault(d.meta.city, []).append(d)
    for city in sorted(docs, key=ctx.city_order):
        yield Share(keys and f"{keys.city[city]} {keys.latest}", lambda city=city: _rows_text(_panel_rows(
            ctx, _panel_keys(ctx, rows.get(city, []), (f for d in docs[city] for f in ctx.by_report.get(d.meta.id, ()))))))


def _rows_text(rows: Iterable[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _panel_keys(ctx: Context, rows: Iterable[ScoreRow], figures: Iterable[Figure]) -> dict[tuple, dict]:
    """A city's rows of the panel by (city, indicator, year, period, basis): its target and result."""
    keys: dict[tuple, dict] = {}

    def key(f: Figure) -> tuple:
        return (ctx.city_order(f.city), f.city, f.indicator, f.year if f.basis == "year" else None, f.period,
                f.basis)

    for r in rows:
        keys.setdefault(key(r.target), {"target": r.target, "row": r})
    for f in figures:
        if not (f.indicator and f.kind == "actual" and f.value and (f.year is not None or f.period)):
            continue
        slot_ = keys.setdefault(key(f), {})
        cur = slot_.get("result")
        if cur is None or ctx.docs[f.report].meta.year < ctx.docs[cur.report].meta.year:
            slot_["result"] = f
    return keys


def _panel_rows(ctx: Context, keys: dict[tuple, dict]) -> Iterator[list[str]]:
    for k in sorted(keys, key=lambda k: (k[0], k[2], k[3] or 0, k[4], k[5])):
        entry = keys[k]
        t, row = entry.get("target"), entry.get("row")
        res = row.result if row is not None else entry.get("result")
        f = t or res
        ind = ctx.cat.by_id[f.indicator]
        doc = ctx.docs[f.report]
        data = {
            "city": f.city, "city_en": doc.meta.city_en, "indicator": ind.id, "name_zh": ind.zh, "name_en": ind.en,
            "unit_base": ind.unit or None, "year": k[3], "period": f.period or None, "basis": f.basis,
            "target_report": t.report if t else None, "target_value": (t.value or None) if t else None,
            "target_value_high": (t.value_high or None) if t else None,
            "target_comparator": (t.comparator or None) if t else None, "target_qualifier": t.qualifier if t else None,
            "target_text_zh": figure_text(t, "zh") if t else None, "target_text_en": figure_text(t, "en") if t else None,
            "target_url": ctx.urls.url(ctx.rel(t)) if t else None,
            "result_report": res.report if res else None, "result_value": res.value if res else None,
            "result_unit": res.unit if res else None, "result_comparator": res.comparator if res else None,
            "result_value_base": num(res.base_value) if res else None,
            "result_url": ctx.urls.url(ctx.rel(res)) if res else None,
            "status": row.status if row is not None else None,
            "reason_en": (ctx.reason(row, "en") or None) if row is not None else None,
        }
        yield [cell(data[c]) for c in PANEL_COLUMNS]


# --- site integration ------------------------------------------------------------------------------

def nav(ctx: Context) -> list:
    years = compare_years(ctx)
    if not years:
        return []
    return [{_t(ctx, "compare"): ["compare/index.md"] + [{str(y): f"compare/{y}.md"} for y in years]}]


def files(ctx: Context, only=lambda src: True) -> dict[str, str]:
    """The compare pages, by src path. ``only``: a preview's choice of pages (a function of the src); a year whose
    first page it does not want is not made."""
    out = {"compare/index.md": render_index(ctx)}
    for y in compare_years(ctx):
        if only(year_src(y, 1)):
            out.update(render_year(ctx, y))
    return out


def data_files(ctx: Context, keys: Keys | None = None) -> Iterator[tuple[str, Iterator]]:
    """The panel as open data (the same bytes in both editions); each year's compare tables: :func:`year_data_files`."""
    yield "data/panel.csv", panel_csv_parts(ctx, keys)


def year_key(ctx: Context, year: int, keys: Keys) -> tuple:
    """What a year's compare tables depend on: the year, and the reports of each city with a report of that year
    (the previous year's results come from the city's reports)."""
    cities = [d.meta.city for d in _sources(ctx, year)]
    return (year, tuple(keys.city[c] for c in cities))


def year_data_files(ctx: Context, year: int) -> Iterator[tuple[str, Iterator]]:
    """A year's compare tables as open data (the same bytes in both editions), file by file."""
    for key, _, table, inds, prev in tables(ctx, year):
        yield f"data/compare/{year}{key}.csv", csv_parts(_table_rows(ctx, table, inds, prev), TABLE_COLUMNS)


__all__ = ["files", "data_files", "year_data_files", "year_key", "nav", "is_national", "compare_years", "tables", "panel_csv"]
