"""Indicator pages, scorecards, per-report figure tables, SVG charts and the indicator open data.

Pure functions: figures and the catalogue in, Markdown/CSV/JSON out. Links are
relative; ``ROOT_HREF`` stands for the way from a page to the edition's root
and is filled in by the hook for each page (pages can sit at any depth).
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from .export import ReportRows, Urls, compact, computed, json_joined, json_parts as _json_parts, node_path
from .glossary_pages import _node_label
from .indicators import (BEFORE_WORDS, CATEGORIES, MAGNITUDE, PCT_TOLERANCE, REL_TOLERANCE, STATUSES, Catalogue, Figure,
                         Indicator, ScoreRow)
from .labels import colon
from .model import Document
from .render import ROOT_HREF, attr, esc, front_matter, md_esc, report_title, slot

COLUMNS = ["report", "city", "year", "kind", "indicator", "name_zh", "name_en", "value", "unit", "comparator",
           "quote", "url", "qualifier", "aspirational", "value_base", "unit_base", "measure", "node", "url_en",
           "period", "basis", "value_high", "stretch", "printed", "rule"]
SCORE_COLUMNS = ["city", "year", "indicator", "name_zh", "name_en", "direction", "target_report", "target_value",
                 "target_unit", "target_comparator", "target_qualifier", "aspirational", "target_quote", "target_url",
                 "result_report", "result_value", "result_unit", "result_comparator", "result_quote", "result_url",
                 "status", "period", "basis", "target_value_high", "stretch", "target_printed", "rule",
                 "vs_indicator", "vs_value", "vs_url", "reviewer_report", "reason_zh", "reason_en"]
FIGURE_COLUMNS = ["report", "city", "year", "kind", "value", "unit", "comparator", "qualifier", "value_base",
                  "unit_base", "indicator", "quote", "node", "url", "url_en", "period", "basis", "value_high",
                  "printed"]

T = {
    "zh": {
        "indicators": "指标", "scorecards": "目标完成情况", "figures": "全部数字", "actual": "实绩", "target": "目标",
        "year": "年份", "status": "完成情况", "indicator": "指标", "unit": "单位", "direction": "方向",
        "up": "越高越好", "down": "越低越好", "latest_target": "最近目标", "latest_actual": "最近实绩",
        "statements": "陈述", "none": "—", "met": "完成", "missed": "未完成", "no-result": "未报告结果",
        "unclear": "无法判断", "words": "文字目标", "not-due": "尚未到期", "summary": "摘要未提及",
        "no-report": "报告未收录", "source": "原文", "report": "报告", "quote": "原文（数字高亮）",
        "download": "下载", "aspirational": "力争", "category": "类别", "where": "位置",
        "main": "主要目标与完成情况", "targets_set": "本报告提出的目标", "results_reported": "本报告报告的实绩",
        "vs_target": "对照目标", "no_target": "无对应目标", "all_figures": "本报告全部数字",
        "other": "未编目", "chart": "图表", "by_year": "逐年目标与实绩",
        "chart_caption": "图：{name}。实心圆为实绩，空心方块为目标；点击数据点可打开原文段落。图表的文字版即上表。",
        "not_found": "本站收录的报告中尚未出现此指标。",
        "target_year": "{year}年目标", "result_in": "结果见", "by_city": "各城市", "city": "城市",
        "why.not-due": "尚未到期：{when}年的结果要到之后的报告才会公布。",
        "why.summary": "之后的文本（{report}）是摘要，没有提到这项结果。",
        "why.no-result": "之后的报告（{report}）没有报告这项结果。",
        "why.no-report": "本站尚未收录回顾{when}年的{city}报告。",
        "why.words": "目标以文字表述，没有数字可以判断。",
        "why.unclear": "实绩以界限表述，不足以判断。",
        "period_values": "五年期数值", "period": "时期", "average": "年均", "total": "累计",
        "vs": "对照：{name} {value}", "stretch": "争取更好结果",
        "card_intro": "{city}{year}年的目标出自{plan}（{plan_date}）；结果出自{review}（{review_date}）。",
        "card_intro_none": "{city}{year}年的目标出自{plan}（{plan_date}）；本站尚未收录回顾{year}年的报告。",
        "count": "{status} {n} 项", "five_year": "五年规划目标（{period}）",
    },
    "en": {
        "indicators": "Indicators", "scorecards": "Targets and results", "figures": "All figures", "actual": "Result",
        "target": "Target", "year": "Year", "status": "Status", "indicator": "Indicator", "unit": "Unit",
        "direction": "Direction", "up": "higher is better", "down": "lower is better", "latest_target": "Latest target",
        "latest_actual": "Latest result", "statements": "Statements", "none": "—", "met": "met", "missed": "missed",
        "no-result": "not reported", "unclear": "cannot be judged", "words": "target in words",
        "not-due": "not due yet", "summary": "not in the summary", "no-report": "report not on this site",
        "source": "source", "report": "Report",
        "quote": "Chinese text (figures highlighted)", "download": "Download", "aspirational": "strive for",
        "category": "Category", "where": "Where", "main": "Main targets and results",
        "targets_set": "Targets set in this report", "results_reported": "Results reported in this report",
        "vs_target": "Against the target", "no_target": "no matching target", "all_figures": "All figures of this report",
        "other": "uncatalogued", "chart": "Chart", "by_year": "Targets and results by year",
        "chart_caption": "Chart: {name}. Filled circles are results, hollow squares are targets; select a point to "
                         "open its source paragraph. The table above is the chart's text alternative.",
        "not_found": "This indicator does not yet occur in the reports on this site.",
        "target_year": "Targets for {year}", "result_in": "Result in", "by_city": "By city", "city": "City",
        "why.not-due": "Not due yet: the results for {when} will be published in later reports.",
        "why.summary": "The later text ({report}) is a summary and does not state this result.",
        "why.no-result": "The later report ({report}) does not report this result.",
        "why.no-report": "The {city} report reviewing {when} is not on this site yet.",
        "why.words": "The target is stated in words; no figure can settle it.",
        "why.unclear": "The result is stated as a bound that does not settle it.",
        "period_values": "Values over five-year periods", "period": "Period", "average": "average a year",
        "total": "in total", "vs": "against {name} {value}", "stretch": "striving for better",
        "card_intro": "{city}'s targets for {year} are from the {plan} ({plan_date}); the results from the "
                      "{review} ({review_date}).",
        "card_intro_none": "{city}'s targets for {year} are from the {plan} ({plan_date}); no report on this site "
                           "reviews {year} yet.",
        "count": "{status}: {n}", "five_year": "Five-year plan targets ({period})",
    },
}

STATUS_ICON = {"met": "✔", "missed": "✘", "no-result": "…", "unclear": "?", "words": "≈", "not-due": "…",
               "summary": "…", "no-report": "…"}

EN_UNITS = {
    "%": "%", "‰": "‰", "百分点": "percentage points", "元": "yuan", "美元": "US dollars",
    "港元": "Hong Kong dollars", "人次": "person-times", "人年": "person-years", "人": "people", "户": "households",
    "标箱": "TEU", "吨": "tonnes", "千瓦": "kW", "平方公里": "km²", "平方米": "m²", "立方米/日": "m³ a day",
    "立方米": "m³", "公里": "km", "米": "m", "亩": "mu", "公顷": "hectares", "微克/立方米": "μg/m³", "英寸": "inches",
    "年": "years", "个月": "months", "天": "days", "小时": "hours", "分钟": "minutes", "毫秒": "milliseconds",
    "倍": "times", "辆": "vehicles", "套（间）": "units", "套": "units", "张": "", "周年": "years", "岁": "years",
    "斤": "jin", "元/人": "yuan per person", "千瓦时": "kWh",
}
"""English units; measure words (个, 家, 项 …) have none: the indicator name or the sentence says what is counted."""

COMPARATOR_EN = {"=": "", "≈": "about ", "≥": "at least ", ">": "over ", "≤": "at most ", "<": "under "}


def dec(value: float) -> Decimal:
    return Decimal(repr(value)).normalize()


def en_number(f: Figure) -> str:
    """The figure in English notation, magnitudes applied: 3.68万亿元 -> 3.68 trillion yuan; 4.5%-5% -> 4.5–5%."""
    mag = magnitude(f)
    d = Decimal(f.value) * MAGNITUDE.get(mag, 1)
    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(d) >= size:
            num = _plain(d / size) + f" {word}"
            break
    else:
        if mag:
            num = f"{int(d):,}" if d == d.to_integral_value() else _plain(d)
        else:  # as printed, with thousands separators: 9,000 / 97.0
            whole, _, frac = f.value.partition(".")
            num = f"{int(whole):,}" + (f".{frac}" if frac else "")
    if f.value_high:
        num += "–" + f.value_high
    unit = EN_UNITS.get(f.base_unit, "")
    if unit in ("%", "‰"):
        return num + unit
    return f"{num} {unit}".strip()


def magnitude(f: Figure) -> str:
    """The magnitude the printed unit starts with (万亿, 亿, 万), or ''."""
    return next((m for m in MAGNITUDE if f.unit.startswith(m)), "")


_CELL = re.compile(r"<(td|th)(?=[\s>])")
_ROW = re.compile(r"<tr(?=[\s>])")


LABELLED = 8
"""Columns whose labels the stylesheet can show on phones (``--gwr-l2`` … ``--gwr-l8``, overrides/assets/gwr.css)."""


def _css_string(text: str) -> str:
    return "'" + "".join(f"\\{ord(c):x} " if c in "'\\\n\r" else c for c in text) + "'"


def quote_window(f: Figure, around: int = 24) -> str:
    """The figure in its sentence, for a tooltip: up to ``around`` characters each side, cut with “…” (the link
    leads to the whole sentence; tables of many figures carried every sentence whole, most of their weight)."""
    q = f.quote
    a, b = max(0, f.start - f.quote_start), min(len(q), f.end - f.quote_start)
    lo, hi = max(0, a - around), min(len(q), b + around)
    if a >= b or (lo == 0 and hi == len(q)):
        return q
    return ("…" if lo else "") + q[lo:hi] + ("…" if hi < len(q) else "")


def data_table(headers: list[str], rows: list[str], cls: str = "gwr-data") -> str:
    """A data table: escaped header labels, rows as ready ``<tr>`` HTML (cells never nest tables).

    On phones the stylesheet shows a row as a card whose first cell heads it and whose other cells carry their
    column's label. The labels are written once, on the table (``style="--gwr-l2:'…'"``, the label of the second
    column, and so on), not on every cell: on a page of figures that was a sixth of the page. Explicit ARIA roles
    keep the table a table for screen readers in that layout.
    """
    head = "".join(f'<th role="columnheader" scope="col">{esc(h)}</th>' for h in headers)
    once = len(headers) <= LABELLED
    body = []
    for row in rows:
        n = itertools.count()

        def cell(m: re.Match) -> str:
            k = next(n)
            role = "rowheader" if m.group(1) == "th" else "cell"
            # the first cell heads the card; the others are labelled
            label = f' data-label="{attr(headers[k])}"' if not once and 0 < k < len(headers) else ""
            return f'<{m.group(1)} role="{role}"{label}'

        body.append(_ROW.sub('<tr role="row"', _CELL.sub(cell, row)))
    # single-quoted CSS strings (their own quotes escaped for CSS) inside a double-quoted attribute
    labels = ";".join(f"--gwr-l{k + 1}:{_css_string(h)}" for k, h in enumerate(headers) if k)
    style = (' style="' + labels.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
             + '"' if once and len(headers) > 1 else "")
    return (f'<table class="{cls}" role="table"{style}><thead role="rowgroup"><tr role="row">{head}</tr></thead>'
            f'<tbody role="rowgroup">{"".join(body)}</tbody></table>')


def _plain(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


_BEFORE_ZH = set(BEFORE_WORDS) | {"力争", "争取"}


def figure_text(f: Figure, lang: str) -> str:
    """The figure with its qualifier: ``增长5.5%左右`` is shown as ``5.5%左右`` / ``about 5.5%``; a target in words
    as its wording; an average over a period as ``年均5.2%`` / ``5.2% a year on average``."""
    if not f.value:
        return f.printed if lang == "zh" else f.wording_en
    words = f.qualifier.split("+") if f.qualifier else []
    stretch = [w for w in words if "争取" in w and w not in ("争取",)]
    if lang == "zh":
        before = "".join(w for w in words if w in _BEFORE_ZH)
        after = "".join(w for w in words if w not in _BEFORE_ZH and w not in stretch and w not in ("多", "余"))
        core = f.printed or f"{f.value}{f.unit}"
        basis = {"average": "年均", "total": "累计"}.get(f.basis, "")
        return f"{basis}{before}{core}{after}" + (f"、{stretch[0]}" if stretch else "")
    if f.printed == "两位数":
        text = "double-digit (at least 10%)"
    else:
        text = ("" if f.comparator == "range" else COMPARATOR_EN.get(f.comparator, "")) + en_number(f)
    text = ("strive for " + text) if f.aspirational else text
    if f.basis == "average":
        text += " a year on average"
    elif f.basis == "total":
        text += " in total"
    return text + (", striving for better" if stretch else "")


class Context:
    """What the page renderers share: documents by id, URLs, the catalogue."""

    def __init__(self, docs: list[Document], cat: Catalogue, figures: list[Figure], rows: list[ScoreRow],
                 urls: Urls, lang: str):
        self.docs = {d.meta.id: d for d in docs}
        self.cat = cat
        self.figures = figures
        self.rows = rows
        self.urls = urls
        self.lang = lang
        self.row_of = {id(r.target): r for r in rows}
        self.result_rows: dict[int, list[ScoreRow]] = {}
        for r in rows:
            if r.result is not None:
                self.result_rows.setdefault(id(r.result), []).append(r)
        # Indexes, so that a page never scans every figure or row of the site for its own.
        self.by_report: dict[str, list[Figure]] = {}
        self.by_indicator: dict[str, list[Figure]] = {}
        for f in figures:
            self.by_report.setdefault(f.report, []).append(f)
            if f.indicator:
                self.by_indicator.setdefault(f.indicator, []).append(f)
        # (targets for a year, targets over a period that ends in it), by that year
        self.rows_by_end_year: dict[int, tuple[list[ScoreRow], list[ScoreRow]]] = {}
        for r in rows:
            if r.target.basis == "year":
                self.rows_by_end_year.setdefault(r.target.year, ([], []))[0].append(r)
            elif r.target.period[-4:].isdigit():
                self.rows_by_end_year.setdefault(int(r.target.period[-4:]), ([], []))[1].append(r)
        self.city_doc: dict[str, Document] = {}
        self.city_index: dict[str, int] = {}  # each city's first place in the registry
        for n, d in enumerate(docs):
            self.city_doc.setdefault(d.meta.city, d)
            self.city_index.setdefault(d.meta.city, n)
        self.by_city_indicator: dict[tuple[str, str], list[Figure]] = {}
        for f in figures:
            if f.indicator:
                self.by_city_indicator.setdefault((f.city, f.indicator), []).append(f)

    def t(self, key: str, **kw) -> str:
        return T[self.lang][key].format(**kw) if kw else T[self.lang][key]

    def city_order(self, city: str) -> int:
        """Cities in registry order."""
        return self.city_index.get(city, len(self.docs))

    def rel(self, f: Figure) -> str:
        return node_path(self.docs[f.report], f.node)

    def link(self, f: Figure, label: str | None = None) -> str:
        doc = self.docs[f.report]
        label = label if label is not None else _node_label(doc, f.node, self.lang)
        return f'<a href="{ROOT_HREF}{attr(self.rel(f))}">{esc(label)}</a>'

    def ind_link(self, ind: Indicator) -> str:
        return f'<a href="{ROOT_HREF}indicators/{ind.id}/">{esc(ind.name(self.lang))}</a>'

    def value_cell(self, f: Figure) -> str:
        text = figure_text(f, self.lang)
        title = quote_window(f)
        label = _node_label(self.docs[f.report], f.node, self.lang)
        words = "" if f.value else ' class="gwr-words"'  # a target in words: no point on a chart
        return (f'<a{words} href="{ROOT_HREF}{attr(self.rel(f))}" title="{attr(title)}">{esc(text)}</a>'
                f' <span class="gwr-small">{esc(label)}</span>')

    def status_badge(self, status: str) -> str:
        return (f'<span class="gwr-status gwr-status-{status}">{STATUS_ICON[status]} '
                f'{esc(self.t(status))}</span>')

    def city_name(self, city: str, lang: str | None = None) -> str:
        doc = self.city_doc.get(city)  # the city's first report (a scan of every report per call grew with the site)
        return city if (lang or self.lang) == "zh" or doc is None else (doc.meta.city_en or city)

    def reason(self, r: ScoreRow, lang: str | None = None) -> str:
        """Why a target has no judgement, in words: not due, a summary, not reported …; empty when judged."""
        lang = lang or self.lang
        if r.status in ("met", "missed"):
            return ""
        when = r.target.when if lang == "zh" else r.target.when.replace("-", "–")
        rev = self.docs.get(r.reviewer) if r.reviewer else None
        report = report_title(rev, lang) if rev else ""
        return T[lang][f"why.{r.status}"].format(when=when, report=report, city=self.city_name(r.target.city, lang))

    def result_cell(self, r: ScoreRow) -> str:
        """The result (with the indicator it is compared with, for in-step targets), else why there is none."""
        if r.result is None:
            return f'<span class="gwr-small">{esc(self.reason(r))}</span>'
        cell = self.value_cell(r.result)
        if r.other is not None:
            ind = self.cat.by_id[r.target.vs]
            cell += (f'<br><span class="gwr-small">{esc(self.t("vs", name=ind.name(self.lang), value=""))}</span>'
                     + self.value_cell(r.other))
        return cell


# --- open data -----------------------------------------------------------------------------------

def _csv(rows: Iterable[list], columns: list[str]) -> str:
    """The CSV text of ``rows``, written as they come (a generator: no list of all the rows)."""
    return "".join(_csv_parts(rows, columns))


CSV_ROWS = 500
"""Rows of an open data file made at a time (see :func:`_csv_parts`)."""


def _csv_parts(rows: Iterable[list], columns: list[str]) -> Iterator[str]:
    """:func:`_csv` :data:`CSV_ROWS` rows at a time: the largest files (every figure of the site) made whole took
    several times their size in memory at once (the text in the writer's buffer, its copy, its encoding)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for i, row in enumerate(rows, 1):
        w.writerow(row)
        if i % CSV_ROWS == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate(0)
    yield buf.getvalue()


def _num(x: float) -> str:
    return _plain(dec(x))


def observation_row(f: Figure, ctx: Context) -> dict:
    """A figure's row of the open data (made for each file it goes into: kept for the next, the rows of every
    figure of the site were held at once)."""
    ind = ctx.cat.by_id[f.indicator] if f.indicator else None
    rel = ctx.rel(f)
    return {
        "report": f.report, "city": f.city, "year": f.year, "kind": f.kind, "indicator": f.indicator,
        "name_zh": ind.zh if ind else None, "name_en": ind.en if ind else None, "value": f.value, "unit": f.unit,
        "comparator": f.comparator, "quote": f.quote, "url": ctx.urls.url(rel, "zh"), "qualifier": f.qualifier,
        "aspirational": f.aspirational, "value_base": _num(f.base_value) if f.value else None,
        "unit_base": f.base_unit, "measure": f.measure, "node": f.node, "url_en": ctx.urls.url(rel, "en"),
        "period": f.period or None, "basis": f.basis, "value_high": f.value_high or None, "stretch": f.stretch,
        "printed": f.printed or None, "rule": f.rule or None,
    }


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def indicators_csv(ctx: Context, indicator: str | None = None) -> str:
    return "".join(indicators_csv_parts(ctx, indicator))


def _rows_csv(figs: Iterable[Figure], ctx: Context, columns: list[str]) -> str:
    """The CSV rows of ``figs`` (no header)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([_cell(r[c]) for c in columns] for r in
                                                   map(observation_row, figs, itertools.repeat(ctx)))
    return buf.getvalue()


def _by_report(ctx: Context, name: str, header: Iterable[str], rows: ReportRows, compute) -> Iterator[str]:
    """A file about every report, made of each report's share (``compute(figures)``, or the text kept)."""
    yield from header
    for report in ctx.docs:  # the registry's order, which is that of ctx.figures
        yield rows(report, name, lambda: compute(ctx.by_report.get(report, ())))


def indicators_csv_parts(ctx: Context, indicator: str | None = None, rows: ReportRows = computed) -> Iterator[str]:
    """An indicator's observations, or every catalogued figure's (a report's rows at a time, see ``rows``)."""
    if indicator:
        return _csv_parts(([_cell(r[c]) for c in COLUMNS] for r in
                           map(observation_row, ctx.by_indicator.get(indicator, []), itertools.repeat(ctx))), COLUMNS)
    return _by_report(ctx, "indicators.csv", _csv_parts((), COLUMNS), rows,
                      lambda figs: _rows_csv((f for f in figs if f.indicator), ctx, COLUMNS))


def indicators_json(ctx: Context) -> str:
    return "".join(indicators_json_parts(ctx))


def indicators_json_parts(ctx: Context, rows: ReportRows = computed) -> Iterator[str]:
    head = {
        "schema": "gwr-indicators/1",
        "columns": COLUMNS,
        "indicators": [{
            "id": i.id, "name": {"zh": i.zh, "en": i.en}, "category": i.category, "subjects": list(i.subjects),
            "share_of": list(i.share_of), "measure": i.measure, "unit": i.unit, "direction": i.direction,
            "headline": i.headline, "url": ctx.urls.both(f"indicators/{i.id}/"),
        } for i in ctx.cat.indicators],
    }
    return json_joined(head, "observations", _by_report(ctx, "indicators.json", (), rows, lambda figs: ",".join(
        compact(observation_row(f, ctx)) for f in figs if f.indicator)))


def figures_csv(ctx: Context) -> str:
    return "".join(figures_csv_parts(ctx))


def figures_csv_parts(ctx: Context, rows: ReportRows = computed) -> Iterator[str]:
    """Every figure."""
    return _by_report(ctx, "figures.csv", _csv_parts((), FIGURE_COLUMNS), rows,
                      lambda figs: _rows_csv(figs, ctx, FIGURE_COLUMNS))


def score_row(r: ScoreRow, ctx: Context) -> dict:
    f, res, other = r.target, r.result, r.other
    return {
        "city": f.city, "year": f.year, "indicator": r.indicator.id, "name_zh": r.indicator.zh,
        "name_en": r.indicator.en, "direction": r.indicator.direction, "target_report": f.report,
        "target_value": f.value or None, "target_unit": f.unit or None, "target_comparator": f.comparator or None,
        "target_qualifier": f.qualifier, "aspirational": f.aspirational, "target_quote": f.quote,
        "target_url": ctx.urls.url(ctx.rel(f)),
        "result_report": res.report if res else None, "result_value": res.value if res else None,
        "result_unit": res.unit if res else None, "result_comparator": res.comparator if res else None,
        "result_quote": res.quote if res else None, "result_url": ctx.urls.url(ctx.rel(res)) if res else None,
        "status": r.status, "period": f.period or None, "basis": f.basis, "target_value_high": f.value_high or None,
        "stretch": f.stretch, "target_printed": f.printed or None, "rule": f.rule or None,
        "vs_indicator": f.vs or None, "vs_value": other.value if other else None,
        "vs_url": ctx.urls.url(ctx.rel(other)) if other else None, "reviewer_report": r.reviewer,
        "reason_zh": ctx.reason(r, "zh") or None, "reason_en": ctx.reason(r, "en") or None,
    }


def scorecard_csv(ctx: Context) -> str:
    return "".join(scorecard_csv_parts(ctx))


def scorecard_csv_parts(ctx: Context) -> Iterator[str]:
    return _csv_parts((_score_cells(r, ctx) for r in ctx.rows), SCORE_COLUMNS)


def _score_cells(r: ScoreRow, ctx: Context) -> list[str]:
    row = score_row(r, ctx)  # once a row (it was made again for each of its 33 columns)
    return [_cell(row[c]) for c in SCORE_COLUMNS]


def scorecard_json(ctx: Context) -> str:
    return "".join(scorecard_json_parts(ctx))


def scorecard_json_parts(ctx: Context) -> Iterator[str]:
    head = {"schema": "gwr-scorecard/1", "columns": SCORE_COLUMNS,
            "rules": {"zh": rules_text("zh"), "en": rules_text("en")}}
    return _json_parts(head, "rows", (score_row(r, ctx) for r in ctx.rows))


# --- pages ---------------------------------------------------------------------------------------

def _fm(title: str, extra: str = "") -> str:
    return front_matter(title, "search:\n  exclude: true\n" + extra)


def rules_text(lang: str) -> list[str]:
    """The scorecard rules, as the code applies them (``gwr.indicators.judge`` and ``scorecard``)."""
    pct, rel = _plain(Decimal(str(PCT_TOLERANCE))), int(REL_TOLERANCE * 100)
    if lang == "zh":
        return [
            "N年的目标取自N年的政府工作报告（五年规划目标取自提出规划的报告），实绩取自之后最早一份同一城市的报告对N年（或同一时期）的陈述；"
            "同一城市、同一指标、同一年份才相互对照，年均值、累计值只与同一时期的年均值、累计值对照。",
            "无修饰的目标（如“增长5.5%”）：越高越好的指标，实绩不低于目标为完成；越低越好的指标（居民消费价格涨幅、失业率、PM2.5浓度等），"
            "目标是上限，实绩不高于目标为完成。",
            f"“左右”：越高越好的指标允许实绩略低于目标——百分比指标{pct}个百分点，其他指标为目标值的{rel}%。理由：增速目标以半个百分点为一档"
            f"（5%、5.5%、6%），实绩离目标比离下一档更近，才算在目标“左右”。例如“5.5%左右”的目标，实绩5.3%为完成，5.0%为未完成。"
            "上限不因“左右”放宽：居民消费价格涨幅“2%左右”的目标，实绩2.1%即为未完成。",
            "“以上”“不低于”：实绩不低于目标为完成；“超过”“突破”：实绩高于目标为完成；“以内”“以下”“控制在”：实绩不高于目标为完成。"
            "区间目标（如“4.5%—5%”）：越高越好的指标按下限判断，越低越好的指标按上限判断。“两位数增长”按至少10%判断。",
            "“力争”和“争取更好结果”只修饰它们所在的那一个目标，判断规则相同，表中另行标注。",
            f"以文字表述的目标：“居民收入增长和经济增长同步”——同年居民人均可支配收入增速比地区生产总值增速低不超过{pct}个百分点为完成"
            "（与“左右”的容差相同）；“居民收入增速高于经济增速”——高于为完成；“进一步下降”——实绩为下降即完成；“达到国家要求”“完成下达目标”"
            "“保持稳定”等没有数字可以判断，只列出。",
            "实绩本身以界限表述时（如“超过1万亿元”），按该界限判断；界限不足以判断时，标为“无法判断”。",
            "没有结果时说明原因：“尚未到期”——本站最新的报告还不可能回顾该年（五年期目标在期末之后才到期）；“摘要未提及”——之后只有摘要，"
            "且摘要没有提到；“未报告结果”——之后的全文报告没有提到；“报告未收录”——回顾该年的报告本站尚未收录。",
            "本表由程序按上述规则生成，判断结果不代表官方评价。",
        ]
    return [
        "The target for year N comes from the report delivered in year N (a five-year plan's targets from the report "
        "that presents the plan); the result is what the earliest later report of the same city states for year N "
        "(or the same period). Only the same city, indicator and year are compared; averages and totals over a "
        "period only with averages and totals over the same period.",
        "A plain target (\"growth of 5.5%\") is met when the result is at least the target where higher is better. "
        "Where lower is better (the CPI increase, unemployment, PM2.5) the target is a ceiling: met when the result "
        "is at most the target.",
        f"\"About\" (左右) allows a result slightly below the target where higher is better: {pct} percentage points "
        f"for figures in per cent, {rel}% of the target for other figures. Why: growth targets are set in steps of "
        "half a point (5%, 5.5%, 6%), so a result counts as about the target when it is nearer to it than to the "
        "next step. A target of \"about 5.5%\" is met by 5.3% and missed by 5.0%. A ceiling is not raised by "
        "\"about\": a CPI target of \"about 2%\" is missed by 2.1%.",
        "\"At least\" (以上, 不低于): met when the result is at least the target. \"Over\" (超过, 突破): met when "
        "the result is above it. \"Within\" (以内, 以下, 控制在): met when the result is at most the target. A "
        "range (\"4.5%–5%\") is judged by its lower bound where higher is better and its upper bound where lower "
        "is better. \"Double-digit growth\" means at least 10%.",
        "\"Strive for\" (力争) and \"striving for better\" (争取更好结果) qualify only the one target they belong "
        "to; it is judged by the same rules and flagged in the table.",
        f"Targets in words: \"income growth in step with economic growth\" is met when per capita disposable "
        f"income grows by no less than GDP growth minus {pct} points in the same year (the tolerance of "
        "\"about\"); \"faster than economic growth\" when it grows faster; \"to fall further\" when the result "
        "is a fall. \"Meet national requirements\", \"complete the targets set\", \"stay stable\" and the like "
        "have no figure to settle them; they are listed, not judged.",
        "A result that is itself stated as a bound (\"over 1 trillion yuan\") is judged by that bound; when the "
        "bound does not settle it, the target is marked \"cannot be judged\".",
        "Where there is no result, the reason is given: \"not due yet\" (the latest report on this site cannot have "
        "reviewed the year yet; a five-year target is due after its last year); \"not in the summary\" (the only "
        "later text is a summary that does not state it); \"not reported\" (the later full report does not state "
        "it); \"report not on this site\" (the report reviewing the year is not on this site yet).",
        "The table is generated from these rules; it is not an official assessment.",
    ]


def _rules_md(lang: str) -> str:
    return "\n".join(f"{n}. {md_esc(line)}" for n, line in enumerate(rules_text(lang), 1)) + "\n"


def render_indicator_index(ctx: Context) -> str:
    lang = ctx.lang
    zh = lang == "zh"
    out = [_fm(ctx.t("indicators")), f"# {ctx.t('indicators')} {{#indicators}}\n"]
    n_obs = sum(1 for f in ctx.figures if f.indicator)
    out.append(
        (f"从每份报告中自动识别的统计指标陈述，共 {len(ctx.cat.indicators)} 个指标、{n_obs} 条陈述。每条陈述记录其所指年份"
         "（不是报告年份：回顾部分是上一年的实绩，安排部分是当年的目标，“十五五”目标指2030年）、类型（实绩或目标）、数值、原文单位、"
         "修饰语（左右、以上、力争等）、原文句子和所在段落的永久链接。识别方法和数据格式见[开放数据](../data.md#indicators)。"
         "各年目标与实绩的对照见[目标完成情况](../scorecards/index.md)。\n")
        if zh else
        (f"Statements of statistical indicators, recognised automatically in every report: {len(ctx.cat.indicators)} "
         f"indicators, {n_obs} statements. Each records the year it refers to (not the year of the report: a review "
         "part gives the previous year's results, a plan part the current year's targets, the 15th Five-Year Plan "
         "goals refer to 2030), its kind (result or target), the value, the unit as printed, the qualifier (around, "
         "at least, strive for …), the Chinese sentence and the permanent link of its paragraph. The method and the "
         "data format are on [Open data](../data.md#indicators); targets are set against results in "
         "[Targets and results](../scorecards/index.md). Indicator names in English are the project's own.\n")
    )
    out.append(f'<p class="gwr-downloads">{esc(ctx.t("download") + colon(ctx.lang))}'
               f'<a href="{ROOT_HREF}data/indicators.csv"><code>indicators.csv</code></a> · '
               f'<a href="{ROOT_HREF}data/indicators.json"><code>indicators.json</code></a> · '
               f'<a href="{ROOT_HREF}data/scorecard.csv"><code>scorecard.csv</code></a> · '
               f'<a href="{ROOT_HREF}data/figures.csv"><code>figures.csv</code></a></p>\n')
    for cat, labels in CATEGORIES.items():
        inds = [i for i in ctx.cat.indicators if i.category == cat]
        if not inds:
            continue
        out.append(f"## {md_esc(labels[0 if zh else 1])} {{#cat-{cat}}}\n")
        rows = []
        for ind in inds:
            obs = ctx.by_indicator.get(ind.id, [])
            tgt = _latest(obs, "target")
            act = _latest(obs, "actual")
            cell = lambda f: (f"{f.year} · " + ctx.value_cell(f)) if f else ctx.t("none")  # noqa: E731
            rows.append(f"<tr><td>{ctx.ind_link(ind)}</td><td>{cell(act)}</td><td>{cell(tgt)}</td>"
                        f"<td>{len(obs)}</td></tr>")
        heads = [ctx.t("indicator"), ctx.t("latest_actual"), ctx.t("latest_target"), ctx.t("statements")]
        out.append(slot(data_table(heads, rows)) + "\n")
    return "\n".join(out)


def _latest(obs: list[Figure], kind: str) -> Figure | None:
    pick = [f for f in obs if f.kind == kind and f.year is not None]
    return max(pick, key=lambda f: f.year) if pick else None


def _indicator_head(ctx: Context, ind: Indicator, title: str, h1: str) -> list[str]:
    zh = ctx.lang == "zh"
    other = ind.en if zh else ind.zh
    out = [_fm(title), f"# {md_esc(h1)} {{#indicator}}\n"]
    out.append(f'<p class="gwr-altname" lang="{"en" if zh else "zh"}">{esc(other)}</p>\n')
    cat = CATEGORIES[ind.category][0 if zh else 1]
    unit = ind.unit if zh else (EN_UNITS.get(ind.unit) or ind.unit)
    meta = [(ctx.t("category"), esc(cat)), (ctx.t("unit"), esc(unit)), (ctx.t("direction"), esc(ctx.t(ind.direction)))]
    table = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in meta)
    out.append(f'<table class="gwr-meta"><tbody>{table}</tbody></table>\n')
    note = ind.note_zh if zh else ind.note_en
    if note:
        out.append(md_esc(note) + "\n")
    out.append(f'<p class="gwr-downloads">{esc(ctx.t("download") + colon(ctx.lang))}<a href="{ROOT_HREF}data/indicators/{ind.id}.csv">'
               f'<code>{ind.id}.csv</code></a></p>\n')
    return out


def render_indicator(ctx: Context, ind: Indicator) -> str:
    """``/indicators/<id>/``: the indicator in every city (latest target and result), leading to each city's page."""
    lang = ctx.lang
    out = _indicator_head(ctx, ind, f"{ind.name(lang)} · {ctx.t('indicators')}", ind.name(lang))
    obs = ctx.by_indicator.get(ind.id, [])
    if not obs:
        out.append(md_esc(ctx.t("not_found")) + "\n")
        return "\n".join(out)
    out.append(f"## {md_esc(ctx.t('by_city'))} {{#by-city}}\n")
    rows = []
    for city, fs in _by_city(obs).items():
        doc = ctx.city_doc[city]
        cell = lambda f: (f"{f.year} · " + ctx.value_cell(f)) if f else ctx.t("none")  # noqa: E731
        rows.append(f'<tr><td><a href="{ROOT_HREF}{doc.meta.city_slug}/indicators/{ind.id}/">'
                    f'{esc(city if lang == "zh" else (doc.meta.city_en or city))}</a></td>'
                    f'<td>{cell(_latest(fs, "actual"))}</td><td>{cell(_latest(fs, "target"))}</td><td>{len(fs)}</td></tr>')
    heads = [ctx.t("city"), ctx.t("latest_actual"), ctx.t("latest_target"), ctx.t("statements")]
    out.append(slot(data_table(heads, rows)) + "\n")
    return "\n".join(out)


def _by_city(obs: list[Figure]) -> dict[str, list[Figure]]:
    out: dict[str, list[Figure]] = {}
    for f in obs:
        out.setdefault(f.city, []).append(f)
    return out


def city_indicator_src(doc: Document, ind: Indicator) -> str:
    return f"{doc.meta.city_slug}/indicators/{ind.id}.md"


def render_city_indicator(ctx: Context, ind: Indicator, city: str, fs: list[Figure]) -> str:
    """``/<city>/indicators/<id>/``: one city's targets and results year by year, with a chart, then its values
    over five-year periods."""
    lang = ctx.lang
    doc = ctx.city_doc[city]
    name = ctx.city_name(city)
    out = _indicator_head(ctx, ind, f"{ind.name(lang)} · {name} · {ctx.t('indicators')}", f"{ind.name(lang)} · {name}")
    out.insert(3, f"[{md_esc(ctx.t('indicators'))}](../../indicators/index.md) › [{md_esc(ind.name(lang))}]"
                  f"(../../indicators/{ind.id}.md) › {md_esc(name)}\n{{: .gwr-crumbs }}\n")
    yearly = [f for f in fs if f.basis == "year"]
    if yearly:
        out.append(f"## {md_esc(ctx.t('by_year'))} {{#by-year}}\n")
        out.append(slot(_year_table(ctx, yearly)) + "\n")
        out.append(slot(chart_svg(ctx, ind, [f for f in yearly if f.value])) + "\n")
    periods = [f for f in fs if f.basis != "year"]
    if periods:
        out.append(f"## {md_esc(ctx.t('period_values'))} {{#periods}}\n")
        out.append(slot(_period_table(ctx, periods)) + "\n")
    return "\n".join(out)


def _period_table(ctx: Context, fs: list[Figure]) -> str:
    """Averages and totals over five-year periods: never a single year's value."""
    rows = []
    for f in sorted(fs, key=lambda f: (f.period, f.kind != "actual")):
        span = f.period.replace("-", "–") if f.period else ctx.t("none")
        status = ctx.status_badge(ctx.row_of[id(f)].status) if id(f) in ctx.row_of else ctx.t("none")
        rows.append(f"<tr><th>{esc(span)}</th><td>{esc(ctx.t(f.kind or 'actual'))}</td><td>{ctx.value_cell(f)}</td>"
                    f"<td>{status}</td></tr>")
    kind = "类型" if ctx.lang == "zh" else "Kind"
    return data_table([ctx.t("period"), kind, ctx.t("target") + " / " + ctx.t("actual"), ctx.t("status")], rows)


def _year_table(ctx: Context, fs: list[Figure]) -> str:
    slug = ctx.docs[fs[0].report].meta.city_slug
    years = sorted({f.year for f in fs if f.year is not None})
    rows = []
    for y in years:
        tg = [f for f in fs if f.year == y and f.kind == "target"]
        ac = [f for f in fs if f.year == y and f.kind == "actual"]
        status = [ctx.status_badge(ctx.row_of[id(f)].status) for f in tg if id(f) in ctx.row_of]
        aspir = lambda f: (f' <span class="gwr-flag">{esc(ctx.t("aspirational"))}</span>'  # noqa: E731
                           if f.aspirational and ctx.lang == "zh" else "")
        rows.append(
            f'<tr id="{slug}-y{y}"><th>{y}</th><td>{"<br>".join(ctx.value_cell(f) + aspir(f) for f in tg) or ctx.t("none")}</td>'
            f'<td>{"<br>".join(ctx.value_cell(f) for f in ac) or ctx.t("none")}</td>'
            f'<td>{"<br>".join(status) or ctx.t("none")}</td></tr>'
        )
    return data_table([ctx.t("year"), ctx.t("target"), ctx.t("actual"), ctx.t("status")], rows)


def _scale(fs: list[Figure]) -> tuple[Decimal, str]:
    """A common display unit for a chart: that of the most recent figure (万亿元, %, 万人次 …)."""
    f = max(fs, key=lambda f: (f.year or 0, f.kind == "actual"))
    mag = magnitude(f)
    size = Decimal(MAGNITUDE.get(mag, 1))
    return size, mag + f.base_unit


def _en_scale(fs: list[Figure]) -> tuple[Decimal, str]:
    """The English display unit of a chart: the English magnitude (trillion, billion, million, thousand) of the
    largest value, as the tables write it (223.66 billion yuan, not 2,236.6 "100 million yuan")."""
    top = max(abs(dec(f.base_value)) for f in fs)
    unit = EN_UNITS.get(fs[0].base_unit, "") or fs[0].base_unit
    if unit in ("%", "‰"):
        return Decimal(1), unit
    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**4, "thousand")):
        if top >= size:
            size = Decimal(10**3) if word == "thousand" else Decimal(size)
            return size, f"{word} {unit}".strip()
    return Decimal(1), unit


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    """Round tick values from at or below ``lo`` to at or above ``hi``: the axis always holds every value."""
    import math

    if hi <= lo:
        hi = lo + (abs(lo) or 1.0)
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw * (1 - 1e-9))
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(k * step, 10) for k in range(first, last + 1)]


CHART = {"min_width": 360, "year": 84, "left": 64, "right": 16, "top": 24, "bottom": 36, "height": 260, "pad": 14,
         "offset": 15, "hit": 28}
"""Chart geometry in SVG units. Each year gets ``year`` units, so a chart of many years is wider rather than
denser; the SVG is never drawn below 90% of its size (it scrolls sideways in its figure instead), so a point's
``hit`` area stays at least 24 CSS px. Values are mapped ``pad`` units inside the frame, so no mark crosses it."""


def chart_svg(ctx: Context, ind: Indicator, fs: list[Figure]) -> str:
    """A year-by-year chart, drawn at build time: no script, no external resource.

    The plot frame (``rect.gwr-frame``) holds every point: the axis runs from the lowest to the highest value
    (zero included). Each point is a link to its source paragraph with its own accessible name; axis labels are
    hidden from screen readers (the table above the chart states the same values).
    """
    pts = [f for f in fs if f.year is not None and f.kind in ("actual", "target")]
    if not pts:
        return ""
    g = CHART
    size, unit = _scale(pts) if ctx.lang == "zh" else _en_scale(pts)
    years = sorted({f.year for f in pts})
    value = {id(f): float(dec(f.base_value) / size) for f in pts}
    ticks = _ticks(min(0.0, *value.values()), max(0.0, *value.values()))
    lo, hi = ticks[0], ticks[-1]
    W = max(g["min_width"], g["left"] + g["right"] + g["year"] * len(years))
    H, L, R, TOP, B, PAD = g["height"], g["left"], g["right"], g["top"], g["bottom"], g["pad"]
    xw = (W - L - R) / len(years)
    x = lambda y: L + xw * (years.index(y) + 0.5)  # noqa: E731
    yv = lambda v: TOP + PAD + (H - TOP - B - 2 * PAD) * (1 - (v - lo) / (hi - lo))  # noqa: E731
    name = ind.name(ctx.lang)
    title_id = f"chart-{ind.id}-{pts[0].city}"
    label = f"{name} ({unit})"
    parts = [f'<figure class="gwr-chart"><svg viewBox="0 0 {W} {H}" width="{W}" height="{H}" '
             f'style="min-width:{W * 0.9:.0f}px;max-width:{W * 1.3:.0f}px" role="group" '
             f'aria-labelledby="{attr(title_id)}" xmlns="http://www.w3.org/2000/svg">'
             f'<title id="{attr(title_id)}">{esc(label)}</title>',
             f'<rect class="gwr-frame" x="{L}" y="{TOP}" width="{W - L - R}" height="{H - TOP - B}"/>',
             '<g aria-hidden="true">']
    for tk in ticks:
        ty = yv(tk)
        parts.append(f'<line class="gwr-grid" x1="{L}" x2="{W - R}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
                     f'<text class="gwr-tick" x="{L - 6}" y="{ty + 4:.1f}" text-anchor="end">{_plain(dec(tk))}</text>')
    for y in years:
        parts.append(f'<text class="gwr-tick" x="{x(y):.1f}" y="{H - B + 20}" text-anchor="middle">{y}</text>')
    parts.append(f'<text class="gwr-tick" x="4" y="14">{esc(unit)}</text>')
    off = {"target": -g["offset"], "actual": g["offset"]}  # a year's target and result side by side
    coords = {kind: [(x(f.year) + off[kind], yv(value[id(f)]), f)
                     for f in sorted((f for f in pts if f.kind == kind), key=lambda f: f.year)]
              for kind in ("target", "actual")}
    for kind, cs in coords.items():
        if len(cs) > 1:
            path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy, _ in cs)
            parts.append(f'<polyline class="gwr-line-{kind}" points="{path}"/>')
    parts.append("</g>")
    hit = g["hit"]
    for kind, cs in coords.items():
        for cx, cy, f in cs:
            shape = (f'<circle class="gwr-pt gwr-pt-actual" cx="{cx:.1f}" cy="{cy:.1f}" r="6"/>' if kind == "actual"
                     else f'<rect class="gwr-pt gwr-pt-target" x="{cx - 6:.1f}" y="{cy - 6:.1f}" width="12" height="12"/>')
            # the value above the point, or below it when the point is near the top of the frame
            ty = cy - 11 if cy - 11 - 11 >= TOP else cy + 20
            where = _node_label(ctx.docs[f.report], f.node, ctx.lang)
            name_pt = f"{f.year} {ctx.t(kind)} {figure_text(f, ctx.lang)} · {where}"
            parts.append(
                f'<a class="gwr-pt-link" href="{ROOT_HREF}{attr(ctx.rel(f))}" aria-label="{attr(name_pt)}">'
                f'<title>{esc(name_pt)}</title>'
                f'<rect class="gwr-hit" x="{cx - hit / 2:.1f}" y="{cy - hit / 2:.1f}" width="{hit}" height="{hit}"/>'
                f'{shape}<text class="gwr-val" x="{cx:.1f}" y="{ty:.1f}" text-anchor="middle" aria-hidden="true">'
                f'{_plain(dec(f.base_value) / size)}</text></a>')
    parts.append("</svg>")
    parts.append(f'<figcaption>{esc(ctx.t("chart_caption", name=name))}</figcaption></figure>\n')
    return "".join(parts)


def _counts(ctx: Context, rs: list[ScoreRow]) -> str:
    sep = "，" if ctx.lang == "zh" else "; "
    return sep.join(ctx.t("count", status=ctx.t(st), n=n) for st in STATUSES
                    if (n := sum(1 for r in rs if r.status == st)))


def _year_rows(ctx: Context, year: int) -> tuple[list[ScoreRow], list[ScoreRow]]:
    """(targets for the year, targets over a period that ends in the year)."""
    single, period = ctx.rows_by_end_year.get(year, ([], []))
    return list(single), list(period)


def render_scorecard_index(ctx: Context, years: list[int]) -> str:
    out = [_fm(ctx.t("scorecards")), f"# {ctx.t('scorecards')} {{#scorecards}}\n"]
    zh = ctx.lang == "zh"
    out.append("每年的政府工作报告提出当年目标，下一年的报告报告完成结果。下表把每个目标与其结果对照；没有结果的，说明原因。"
               "各城市同一年的目标并列见[目标对照](../compare/index.md)。\n" if zh else
               "Each year's report sets that year's targets; the next year's report states the results. These "
               "scorecards set each target against its result, and say why when there is none. The targets of the "
               "cities side by side are on [Compare targets](../compare/index.md).\n")
    rows = []
    for y in years:
        single, period = _year_rows(ctx, y)
        rs = single + period
        cities = sorted({r.target.city for r in rs}, key=ctx.city_order)
        rows.append(f'<tr><th><a href="{y}/">{esc(ctx.t("target_year", year=y))}</a></th>'
                    f'<td>{esc("、".join(cities) if zh else ", ".join(ctx.city_name(c) for c in cities))}</td>'
                    f"<td>{len(rs)}</td><td>{esc(_counts(ctx, rs))}</td></tr>")
    heads = [ctx.t("year"), "城市" if zh else "Cities", ctx.t("target"), ctx.t("status")]
    out.append(slot(data_table(heads, rows)) + "\n")
    out.append(f"## {'判断规则' if zh else 'Rules'} {{#rules}}\n")
    out.append(_rules_md(ctx.lang))
    out.append(f'<p class="gwr-downloads">{esc(ctx.t("download") + colon(ctx.lang))}'
               f'<a href="{ROOT_HREF}data/scorecard.csv"><code>scorecard.csv</code></a> · '
               f'<a href="{ROOT_HREF}data/scorecard.json"><code>scorecard.json</code></a> · '
               f'<a href="{ROOT_HREF}data/panel.csv"><code>panel.csv</code></a></p>\n')
    return "\n".join(out)


def _card_table(ctx: Context, group: list[ScoreRow]) -> str:
    body = []
    for r in group:
        aspir = (f' <span class="gwr-flag">{esc(ctx.t("aspirational"))}</span>' if r.target.aspirational else "")
        body.append(f'<tr><td>{ctx.ind_link(r.indicator)}</td><td>{ctx.value_cell(r.target)}{aspir}</td>'
                    f"<td>{ctx.result_cell(r)}</td><td>{ctx.status_badge(r.status)}</td></tr>")
    heads = [ctx.t("indicator"), ctx.t("target"), ctx.t("actual"), ctx.t("status")]
    return slot(data_table(heads, body)) + "\n"


def _by_city_rows(rs: list[ScoreRow]) -> dict[str, list[ScoreRow]]:
    out: dict[str, list[ScoreRow]] = {}
    for r in rs:
        out.setdefault(r.target.city, []).append(r)
    return out


def render_scorecard(ctx: Context, year: int) -> str:
    """``/scorecards/<year>/``: each city's targets met, missed and without result, leading to its card.

    The cards themselves are on the cities' pages (``/<city>/scorecards/<year>/``), so this page grows by one row
    per city, not by every target of every city."""
    zh = ctx.lang == "zh"
    title = ctx.t("target_year", year=year)
    out = [_fm(f"{title} · {ctx.t('scorecards')}"), f"# {md_esc(title)} {{#scorecard}}\n"]
    single, period = _year_rows(ctx, year)
    out.append(md_esc(_counts(ctx, single + period)) + ("。" if zh else ".") + "\n")
    out.append(f'<p class="gwr-downloads">{esc(ctx.t("download") + colon(ctx.lang))}'
               f'<a href="{ROOT_HREF}data/scorecards/{year}.csv"><code>scorecards/{year}.csv</code></a></p>\n')
    rows = []
    for city, group in sorted(_by_city_rows(single + period).items(), key=lambda kv: ctx.city_order(kv[0])):
        slug = ctx.city_doc[city].meta.city_slug
        rows.append(f'<tr id="city-{slug}"><th><a href="{ROOT_HREF}{slug}/scorecards/{year}/">'
                    f'{esc(ctx.city_name(city))}</a></th><td>{len(group)}</td>'
                    f"<td>{esc(_counts(ctx, group))}</td></tr>")
    out.append(slot(data_table(["城市" if zh else "City", ctx.t("target"), ctx.t("status")], rows)) + "\n")
    out.append(f"## {'判断规则' if zh else 'Rules'} {{#rules}}\n")
    out.append(_rules_md(ctx.lang))
    return "\n".join(out)


def city_scorecard_src(doc: Document, year: int) -> str:
    return f"{doc.meta.city_slug}/scorecards/{year}.md"


def render_city_scorecard(ctx: Context, year: int, city: str, group: list[ScoreRow]) -> str:
    """``/<city>/scorecards/<year>/``: the targets a city set for a year (and for a period ending in it), against
    the results it reported."""
    from .labels import date

    zh = ctx.lang == "zh"
    name = ctx.city_name(city)
    title = ctx.t("target_year", year=year)
    out = [_fm(f"{title} · {name} · {ctx.t('scorecards')}"), f"# {md_esc(title)} · {md_esc(name)} {{#scorecard}}\n",
           f"[{md_esc(ctx.t('scorecards'))}](../../scorecards/index.md) › [{md_esc(title)}](../../scorecards/{year}.md)"
           f" › {md_esc(name)}\n{{: .gwr-crumbs }}\n"]
    single = [r for r in group if r.target.basis == "year"]
    period = [r for r in group if r.target.basis != "year"]
    if single:
        plan = ctx.docs[single[0].target.report]
        review = next((ctx.docs[r.reviewer] for r in single if r.reviewer and r.reviewer in ctx.docs), None)
        when = lambda d: date(ctx.lang, d.meta.delivered) if d.meta.delivered else str(d.meta.year)  # noqa: E731
        intro = (ctx.t("card_intro", city=name, year=year, plan=report_title(plan, ctx.lang),
                       plan_date=when(plan), review=report_title(review, ctx.lang), review_date=when(review))
                 if review else
                 ctx.t("card_intro_none", city=name, year=year, plan=report_title(plan, ctx.lang),
                       plan_date=when(plan)))
        out.append(md_esc(intro) + " " + md_esc(_counts(ctx, single)) + ("。" if zh else ".") + "\n")
        out.append(_card_table(ctx, single))
    by_period: dict[str, list[ScoreRow]] = {}
    for r in period:
        by_period.setdefault(r.target.period, []).append(r)
    for span in sorted(by_period):
        label = ctx.t("five_year", period=span if zh else span.replace("-", "–"))
        out.append(f"## {md_esc(label)} {{#period-{span}}}\n")
        out.append(md_esc(_counts(ctx, by_period[span])) + ("。" if zh else ".") + "\n")
        out.append(_card_table(ctx, by_period[span]))
    out.append(f"[{'判断规则' if zh else 'Rules'}](../../scorecards/{year}.md#rules)\n")
    return "\n".join(out)


def _city_scorecards(ctx: Context, city: str) -> list[tuple[int, list[ScoreRow]]]:
    out = []
    for y in target_years(ctx):
        single, period = _year_rows(ctx, y)
        group = _by_city_rows(single + period).get(city)
        if group:
            out.append((y, group))
    return out


def main_table(ctx: Context, doc: Document) -> str:
    """For a report page: the headline targets it sets and the results it reports, with their status."""
    mine = [f for f in ctx.by_report.get(doc.meta.id, []) if f.indicator
            and ctx.cat.by_id[f.indicator].headline and f.kind]
    if not mine:
        return ""
    out = [f"## {md_esc(ctx.t('main'))} {{#main-indicators}}\n"]
    for kind, label in (("actual", "results_reported"), ("target", "targets_set")):
        fs = [f for f in mine if f.kind == kind]
        if not fs:
            continue
        rows = []
        for f in fs:
            ind = ctx.cat.by_id[f.indicator]
            if kind == "target":
                row = ctx.row_of.get(id(f))
                res = ctx.value_cell(row.result) if row and row.result else ctx.t("none")
                extra = f"<td>{res}</td><td>{ctx.status_badge(row.status) if row else ctx.t('none')}</td>"
            else:
                rr = ctx.result_rows.get(id(f), [])
                extra = ("<td>" + "<br>".join(ctx.value_cell(r.target) for r in rr) + "</td><td>"
                         + "<br>".join(ctx.status_badge(r.status) for r in rr) + "</td>") if rr else \
                    f"<td>{ctx.t('none')}</td><td>{ctx.t('none')}</td>"
            rows.append(f"<tr><td>{ctx.ind_link(ind)}</td><td>{f.year}</td><td>{ctx.value_cell(f)}</td>{extra}</tr>")
        other = ctx.t("actual") if kind == "target" else ctx.t("target")
        out.append(f"### {md_esc(ctx.t(label))} {{#main-{kind}}}\n")
        heads = [ctx.t("indicator"), ctx.t("year"), ctx.t(kind), other, ctx.t("status")]
        out.append(slot(data_table(heads, rows)) + "\n")
    out.append(f'[{md_esc(ctx.t("all_figures"))}](figures.md) · [{md_esc(ctx.t("indicators"))}](../../indicators/index.md)'
               f' · [{md_esc(ctx.t("scorecards"))}](../../scorecards/index.md)\n{{: .gwr-small }}\n')
    return "\n".join(out)


def render_figures_page(ctx: Context, doc: Document) -> str:
    """Every figure of a report, sentence by sentence, each linked to its paragraph."""
    zh = ctx.lang == "zh"
    title = f"{ctx.t('figures')} · {report_title(doc, ctx.lang)}"
    out = [_fm(title, f"gwr_figures: {doc.meta.id}\n"), f"# {md_esc(ctx.t('figures'))} {{#figures}}\n"]
    out.append(f"[{md_esc(report_title(doc, ctx.lang))}](index.md) › {md_esc(ctx.t('figures'))}\n{{: .gwr-crumbs }}\n")
    mine = ctx.by_report.get(doc.meta.id, [])
    n_cat = sum(1 for f in mine if f.indicator)
    out.append(
        (f"本报告正文中全部带单位的数字，共 {len(mine)} 个，其中 {n_cat} 个属于指标目录（链接到指标页面）。按句子列出，"
         "数字在原文中高亮；点击位置可打开原文段落。年份和类型（实绩/目标）由所在部分判断。\n") if zh else
        (f"Every number with a unit in the body of this report: {len(mine)} figures, {n_cat} of them statements of "
         "a catalogued indicator (linked to the indicator's page). They are listed sentence by sentence in the "
         "authoritative Chinese text, with the figures highlighted; the English rendering of each figure follows. "
         "Select the location to open the paragraph. Year and kind (result or target) come from the part of the "
         "report the sentence is in.\n")
    )
    groups: dict[tuple[str, str, str], list[Figure]] = {}
    for f in mine:
        groups.setdefault((f.node, f.field, f.quote), []).append(f)
    rows = []
    for (node, _, quote), fs in groups.items():
        f0 = fs[0]
        # highlight each figure in the sentence
        marked, pos = [], 0
        sentence_start = f0.quote_start
        spans = sorted({(f.start - sentence_start, f.end - sentence_start, f.indicator) for f in fs})
        for a, b, ind in spans:
            if a < pos or a < 0:
                continue
            marked.append(esc(quote[pos:a]))
            inner = esc(quote[a:b])
            if ind:
                inner = f'<a href="{ROOT_HREF}indicators/{ind}/">{inner}</a>'
            marked.append(f"<mark>{inner}</mark>")
            pos = b
        marked.append(esc(quote[pos:]))
        info = []
        for f in fs:
            name = ctx.cat.by_id[f.indicator].name(ctx.lang) if f.indicator else ""
            bits = [figure_text(f, "zh")]
            if not zh:
                bits.append(f"({figure_text(f, 'en')})")
            if name:
                bits.append(f"· {name}")
            info.append(esc(" ".join(bits)))
        when = f"{f0.year} {ctx.t(f0.kind)}" if f0.kind else ""
        rows.append(f'<tr><td>{ctx.link(f0)}<br><span class="gwr-small">{esc(when)}</span></td>'
                    f'<td lang="zh">{"".join(marked)}</td><td>{"<br>".join(info)}</td></tr>')
    heads = [ctx.t("where"), ctx.t("quote"), ctx.t("figures")]
    out.append(slot(data_table(heads, rows, "gwr-data gwr-figures")) + "\n")
    return "\n".join(out)


# --- site integration ----------------------------------------------------------------------------

def target_years(ctx: Context) -> list[int]:
    """Years with a scorecard page: the years of targets, and the last years of periods with targets."""
    return sorted({r.target.year if r.target.basis == "year" else int(r.target.period[-4:]) for r in ctx.rows})


def nav(ctx: Context) -> list:
    """Navigation entries: indicators by category, then the scorecards."""
    zh = ctx.lang == "zh"
    entries: list = ["indicators/index.md"]
    for cat, labels in CATEGORIES.items():
        inds = [i for i in ctx.cat.indicators if i.category == cat]
        if inds:
            entries.append({labels[0 if zh else 1]: [{i.name(ctx.lang): f"indicators/{i.id}.md"} for i in inds]})
    scores = ["scorecards/index.md"] + [{ctx.t("target_year", year=y): f"scorecards/{y}.md"} for y in target_years(ctx)]
    return [{ctx.t("indicators"): entries}, {ctx.t("scorecards"): scores}]


def _city_indicators(ctx: Context, city: str) -> list[tuple[Indicator, list[Figure]]]:
    out = []
    for ind in ctx.cat.indicators:
        fs = ctx.by_city_indicator.get((city, ind.id))
        if fs:
            out.append((ind, fs))
    return out


def city_nav(ctx: Context, city: str) -> list:
    """A city's indicator pages (those the city's reports state) and scorecards in the navigation."""
    doc = ctx.city_doc[city]
    out: list = []
    inds = _city_indicators(ctx, city)
    if inds:
        out.append({ctx.t("indicators"): [{i.name(ctx.lang): city_indicator_src(doc, i)} for i, _ in inds]})
    cards = _city_scorecards(ctx, city)
    if cards:
        out.append({ctx.t("scorecards"): [{ctx.t("target_year", year=y): city_scorecard_src(doc, y)}
                                          for y, _ in cards]})
    return out


def city_files(ctx: Context, city: str) -> dict[str, str]:
    doc = ctx.city_doc[city]
    out = {city_indicator_src(doc, ind): render_city_indicator(ctx, ind, city, fs)
           for ind, fs in _city_indicators(ctx, city)}
    for y, group in _city_scorecards(ctx, city):
        out[city_scorecard_src(doc, y)] = render_city_scorecard(ctx, y, city, group)
    return out


def files(ctx: Context, per_city=lambda city, make: make()) -> dict[str, str]:
    """Every page of the indicators, by src path: the cross-city pages, then each city's (``per_city(city, make)``
    gives them: the hook keeps them from one build to the next, as they depend on the city's reports only)."""
    out = {"indicators/index.md": render_indicator_index(ctx)}
    for ind in ctx.cat.indicators:
        out[f"indicators/{ind.id}.md"] = render_indicator(ctx, ind)
    years = target_years(ctx)
    out["scorecards/index.md"] = render_scorecard_index(ctx, years)
    for y in years:
        out[f"scorecards/{y}.md"] = render_scorecard(ctx, y)
    for city in ctx.city_doc:
        out.update(per_city(city, lambda: city_files(ctx, city)))
    return out


def data_files(ctx: Context, rows: ReportRows = computed) -> Iterator[tuple[str, str]]:
    """The indicators' open data (the same bytes in both editions), file by file: ``(name, text)``; a text is given
    piece by piece (an iterator of strings), to be written as it comes. The files of every figure are made of each
    report's share, which ``rows`` may keep between builds."""
    for ind in ctx.cat.indicators:
        yield f"data/indicators/{ind.id}.csv", indicators_csv_parts(ctx, ind.id)
    for y in target_years(ctx):
        single, period = _year_rows(ctx, y)
        yield f"data/scorecards/{y}.csv", _csv_parts((_score_cells(r, ctx) for r in single + period), SCORE_COLUMNS)
    yield "data/indicators.csv", indicators_csv_parts(ctx, rows=rows)
    yield "data/indicators.json", indicators_json_parts(ctx, rows)
    yield "data/scorecard.csv", scorecard_csv_parts(ctx)
    yield "data/scorecard.json", scorecard_json_parts(ctx)
    yield "data/figures.csv", figures_csv_parts(ctx, rows)
