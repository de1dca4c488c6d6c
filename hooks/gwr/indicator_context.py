"""What the indicator, scorecard, compare and figures pages share: how a figure is written (its number, unit and
qualifiers, in either language), their data tables, their labels, and the :class:`Context` they are rendered with
(documents, catalogue, figures, scorecard rows, URLs, and indexes of them).

Pure functions. Links are relative; ``ROOT_HREF`` stands for the way from a page to the edition's root and is
filled in by the hook for each page (pages can sit at any depth).
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from .export import Urls, node_path
from .glossary_pages import _node_label
from .catalogue import MAGNITUDE, Catalogue, Indicator
from .figure_scan import BEFORE_WORDS
from .indicators import Figure
from .scorecard import ScoreRow
from .model import Document
from .markup import attr, esc, front_matter, ROOT_HREF
from .render import report_title

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
            num = plain(d / size) + f" {word}"
            break
    else:
        if mag:
            num = f"{int(d):,}" if d == d.to_integral_value() else plain(d)
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


def plain(d: Decimal) -> str:
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



def unsearched_front_matter(title: str, extra: str = "") -> str:
    """The front matter of a generated page left out of the search index (its figures are indexed where they
    are said, in the reports)."""
    return front_matter(title, "search:\n  exclude: true\n" + extra)


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
