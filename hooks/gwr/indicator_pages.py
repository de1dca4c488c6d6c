"""Indicator pages, scorecards, per-report figure tables, SVG charts and the indicator open data.

Pure functions: figures and the catalogue in, Markdown/CSV/JSON out. Links are
relative; ``ROOT_HREF`` stands for the way from a page to the edition's root
and is filled in by the hook for each page (pages can sit at any depth).
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from .export import Urls, node_path
from .glossary_pages import _node_label
from .indicators import CATEGORIES, MAGNITUDE, PCT_TOLERANCE, REL_TOLERANCE, Catalogue, Figure, Indicator, ScoreRow
from .model import Document
from .render import ROOT_HREF, attr, esc, md_esc, report_title, slot



COLUMNS = ["report", "city", "year", "kind", "indicator", "name_zh", "name_en", "value", "unit", "comparator",
           "quote", "url", "qualifier", "aspirational", "value_base", "unit_base", "measure", "node", "url_en"]
SCORE_COLUMNS = ["city", "year", "indicator", "name_zh", "name_en", "direction", "target_report", "target_value",
                 "target_unit", "target_comparator", "target_qualifier", "aspirational", "target_quote", "target_url",
                 "result_report", "result_value", "result_unit", "result_comparator", "result_quote", "result_url",
                 "status"]
FIGURE_COLUMNS = ["report", "city", "year", "kind", "value", "unit", "comparator", "qualifier", "value_base",
                  "unit_base", "indicator", "quote", "node", "url", "url_en"]

T = {
    "zh": {
        "indicators": "指标", "scorecards": "目标完成情况", "figures": "全部数字", "actual": "实绩", "target": "目标",
        "year": "年份", "status": "完成情况", "indicator": "指标", "unit": "单位", "direction": "方向",
        "up": "越高越好", "down": "越低越好", "latest_target": "最近目标", "latest_actual": "最近实绩",
        "statements": "陈述", "none": "—", "met": "完成", "missed": "未完成", "no-result": "尚无结果报告",
        "unclear": "无法判断", "source": "原文", "report": "报告", "quote": "原文（数字高亮）",
        "download": "下载", "aspirational": "力争", "category": "类别", "where": "位置",
        "main": "主要目标与完成情况", "targets_set": "本报告提出的目标", "results_reported": "本报告报告的实绩",
        "vs_target": "对照目标", "no_target": "无对应目标", "all_figures": "本报告全部数字",
        "other": "未编目", "chart": "图表", "by_year": "逐年目标与实绩",
        "chart_caption": "图：{name}。实心圆为实绩，空心方块为目标；点击数据点可打开原文段落。图表的文字版即上表。",
        "not_found": "本站收录的报告中尚未出现此指标。",
        "n_met": "完成 {met} 项，未完成 {missed} 项，尚无结果报告 {none} 项。",
        "target_year": "{year}年目标", "result_in": "结果见", "by_city": "各城市", "city": "城市",
    },
    "en": {
        "indicators": "Indicators", "scorecards": "Targets and results", "figures": "All figures", "actual": "Result",
        "target": "Target", "year": "Year", "status": "Status", "indicator": "Indicator", "unit": "Unit",
        "direction": "Direction", "up": "higher is better", "down": "lower is better", "latest_target": "Latest target",
        "latest_actual": "Latest result", "statements": "Statements", "none": "—", "met": "met", "missed": "missed",
        "no-result": "no result reported", "unclear": "cannot be judged", "source": "source", "report": "Report",
        "quote": "Chinese text (figures highlighted)", "download": "Download", "aspirational": "strive for",
        "category": "Category", "where": "Where", "main": "Main targets and results",
        "targets_set": "Targets set in this report", "results_reported": "Results reported in this report",
        "vs_target": "Against the target", "no_target": "no matching target", "all_figures": "All figures of this report",
        "other": "uncatalogued", "chart": "Chart", "by_year": "Targets and results by year",
        "chart_caption": "Chart: {name}. Filled circles are results, hollow squares are targets; select a point to "
                         "open its source paragraph. The table above is the chart's text alternative.",
        "not_found": "This indicator does not yet occur in the reports on this site.",
        "n_met": "{met} met, {missed} missed, {none} with no result reported.",
        "target_year": "Targets for {year}", "result_in": "Result in", "by_city": "By city", "city": "City",
    },
}

STATUS_ICON = {"met": "✔", "missed": "✘", "no-result": "…", "unclear": "?"}

EN_UNITS = {
    "%": "%", "‰": "‰", "百分点": "percentage points", "元": "yuan", "美元": "US dollars",
    "港元": "Hong Kong dollars", "人次": "person-times", "人年": "person-years", "人": "people", "户": "households",
    "标箱": "TEU", "吨": "tonnes", "千瓦": "kW", "平方公里": "km²", "平方米": "m²", "立方米/日": "m³ a day",
    "立方米": "m³", "公里": "km", "米": "m", "亩": "mu", "公顷": "hectares", "微克/立方米": "μg/m³", "英寸": "inches",
    "年": "years", "个月": "months", "天": "days", "小时": "hours", "分钟": "minutes", "毫秒": "milliseconds",
    "倍": "times", "辆": "vehicles", "套（间）": "units", "套": "units", "张": "", "周年": "years",
}
"""English units; measure words (个, 家, 项 …) have none: the indicator name or the sentence says what is counted."""

COMPARATOR_EN = {"=": "", "≈": "about ", "≥": "at least ", ">": "over ", "≤": "at most ", "<": "under "}


def dec(value: float) -> Decimal:
    return Decimal(repr(value)).normalize()


def en_number(f: Figure) -> str:
    """The figure in English notation, magnitudes applied: 3.68万亿元 -> 3.68 trillion yuan."""
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
    unit = EN_UNITS.get(f.base_unit, "")
    if unit in ("%", "‰"):
        return num + unit
    return f"{num} {unit}".strip()


def magnitude(f: Figure) -> str:
    """The magnitude the printed unit starts with (万亿, 亿, 万), or ''."""
    return next((m for m in MAGNITUDE if f.unit.startswith(m)), "")


def data_table(headers: list[str], rows: list[str], cls: str = "gwr-data") -> str:
    """A data table: escaped header labels, rows as ready ``<tr>`` HTML."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _plain(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s.rstrip("0").rstrip(".") if "." in s else s


def figure_text(f: Figure, lang: str) -> str:
    """The figure with its qualifier: ``增长5.5%左右`` is shown as ``5.5%左右`` / ``about 5.5%``."""
    if lang == "zh":
        words = f.qualifier.split("+") if f.qualifier else []
        before = "".join(w for w in words if w in ("力争", "超过", "突破", "超", "逾", "近", "约", "不低于",
                                                    "不少于", "不超过", "控制在"))
        after = "".join(w for w in words if w not in before)
        return f"{before}{f.value}{f.unit}{after}"
    text = COMPARATOR_EN[f.comparator] + en_number(f)
    return ("strive for " + text) if f.aspirational else text


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
        self.rows_by_year: dict[int, list[ScoreRow]] = {}
        for r in rows:
            self.rows_by_year.setdefault(r.target.year, []).append(r)
        self.obs_rows: dict[int, dict] = {}
        self.city_doc: dict[str, Document] = {}
        for d in docs:
            self.city_doc.setdefault(d.meta.city, d)
        self.by_city_indicator: dict[tuple[str, str], list[Figure]] = {}
        for f in figures:
            if f.indicator:
                self.by_city_indicator.setdefault((f.city, f.indicator), []).append(f)

    def t(self, key: str, **kw) -> str:
        return T[self.lang][key].format(**kw) if kw else T[self.lang][key]

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
        title = f.quote
        label = _node_label(self.docs[f.report], f.node, self.lang)
        return (f'<a href="{ROOT_HREF}{attr(self.rel(f))}" title="{attr(title)}">{esc(text)}</a>'
                f' <span class="gwr-small">{esc(label)}</span>')

    def status_badge(self, status: str) -> str:
        return (f'<span class="gwr-status gwr-status-{status}">{STATUS_ICON[status]} '
                f'{esc(self.t(status))}</span>')


# --- open data -----------------------------------------------------------------------------------

def _csv(rows: list[list], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    w.writerows(rows)
    return buf.getvalue()


def _num(x: float) -> str:
    return _plain(dec(x))


def observation_row(f: Figure, ctx: Context) -> dict:
    row = ctx.obs_rows.get(id(f))  # the same row goes into four files
    if row is None:
        row = ctx.obs_rows[id(f)] = _observation_row(f, ctx)
    return row


def _observation_row(f: Figure, ctx: Context) -> dict:
    ind = ctx.cat.by_id[f.indicator] if f.indicator else None
    rel = ctx.rel(f)
    return {
        "report": f.report, "city": f.city, "year": f.year, "kind": f.kind, "indicator": f.indicator,
        "name_zh": ind.zh if ind else None, "name_en": ind.en if ind else None, "value": f.value, "unit": f.unit,
        "comparator": f.comparator, "quote": f.quote, "url": ctx.urls.url(rel, "zh"), "qualifier": f.qualifier,
        "aspirational": f.aspirational, "value_base": _num(f.base_value), "unit_base": f.base_unit,
        "measure": f.measure, "node": f.node, "url_en": ctx.urls.url(rel, "en"),
    }


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def indicators_csv(ctx: Context, indicator: str | None = None) -> str:
    figs = ctx.by_indicator.get(indicator, []) if indicator else [f for f in ctx.figures if f.indicator]
    rows = [observation_row(f, ctx) for f in figs]
    return _csv([[_cell(r[c]) for c in COLUMNS] for r in rows], COLUMNS)


def indicators_json(ctx: Context) -> str:
    data = {
        "schema": "gwr-indicators/1",
        "columns": COLUMNS,
        "indicators": [{
            "id": i.id, "name": {"zh": i.zh, "en": i.en}, "category": i.category, "subjects": list(i.subjects),
            "share_of": list(i.share_of), "measure": i.measure, "unit": i.unit, "direction": i.direction,
            "headline": i.headline, "url": ctx.urls.both(f"indicators/{i.id}/"),
        } for i in ctx.cat.indicators],
        "observations": [observation_row(f, ctx) for f in ctx.figures if f.indicator],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def figures_csv(ctx: Context) -> str:
    rows = []
    for f in ctx.figures:
        r = observation_row(f, ctx)
        rows.append([_cell(r[c]) for c in FIGURE_COLUMNS])
    return _csv(rows, FIGURE_COLUMNS)


def score_row(r: ScoreRow, ctx: Context) -> dict:
    f, res = r.target, r.result
    return {
        "city": f.city, "year": f.year, "indicator": r.indicator.id, "name_zh": r.indicator.zh,
        "name_en": r.indicator.en, "direction": r.indicator.direction, "target_report": f.report,
        "target_value": f.value, "target_unit": f.unit, "target_comparator": f.comparator,
        "target_qualifier": f.qualifier, "aspirational": f.aspirational, "target_quote": f.quote,
        "target_url": ctx.urls.url(ctx.rel(f)),
        "result_report": res.report if res else None, "result_value": res.value if res else None,
        "result_unit": res.unit if res else None, "result_comparator": res.comparator if res else None,
        "result_quote": res.quote if res else None, "result_url": ctx.urls.url(ctx.rel(res)) if res else None,
        "status": r.status,
    }


def scorecard_csv(ctx: Context) -> str:
    return _csv([[_cell(score_row(r, ctx)[c]) for c in SCORE_COLUMNS] for r in ctx.rows], SCORE_COLUMNS)


def scorecard_json(ctx: Context) -> str:
    data = {"schema": "gwr-scorecard/1", "columns": SCORE_COLUMNS,
            "rules": {"zh": rules_text("zh"), "en": rules_text("en")},
            "rows": [score_row(r, ctx) for r in ctx.rows]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# --- pages ---------------------------------------------------------------------------------------

def _fm(title: str, extra: str = "") -> str:
    safe = title.replace("\\", "\\\\").replace('"', '\\"')
    return f'---\ntitle: "{safe}"\nsearch:\n  exclude: true\n{extra}---\n'


def rules_text(lang: str) -> list[str]:
    pct, rel = _plain(Decimal(str(PCT_TOLERANCE))), int(REL_TOLERANCE * 100)
    if lang == "zh":
        return [
            f"N年的目标取自N年的政府工作报告，实绩取自之后最早一份报告对N年的陈述；同一城市、同一指标、同一年份才相互对照。",
            "无修饰的目标（如“增长5.5%”）：越高越好的指标，实绩不低于目标为完成；越低越好的指标（如PM2.5浓度、失业率、居民消费价格涨幅），实绩不高于目标为完成。",
            f"“左右”：允许偏差——百分比指标{pct}个百分点，其他指标为目标值的{rel}%；例如“5.5%左右”的目标，实绩5.4%为完成。",
            "“以上”“不低于”：实绩不低于目标为完成；“超过”“突破”：实绩高于目标为完成；“以内”“以下”“控制在”：实绩不高于目标为完成。",
            "“力争”表示争取实现的目标，判断规则相同，表中另行标注。",
            "实绩本身以界限表述时（如“超过1万亿元”），按该界限判断；界限不足以判断时，标为“无法判断”。",
            "之后的报告未提及该指标的，标为“尚无结果报告”。本表由程序按上述规则生成，判断结果不代表官方评价。",
        ]
    return [
        "The target for year N comes from the report delivered in year N; the result is what the earliest later "
        "report states for year N. Only the same city, indicator and year are compared.",
        "A plain target (\"growth of 5.5%\") is met when the result is at least the target for indicators where higher "
        "is better, and at most the target where lower is better (PM2.5, unemployment, the CPI increase).",
        f"\"Around\" (左右) allows a tolerance: {pct} percentage points for figures in per cent, {rel}% of the "
        "target for other figures. A target of \"around 5.5%\" is met by a result of 5.4%.",
        "\"At least\" (以上, 不低于): met when the result is at least the target. \"Over\" (超过, 突破): met when "
        "the result is above it. \"Within\" (以内, 以下, 控制在): met when the result is at most the target.",
        "\"Strive for\" (力争) marks an aspirational target; it is judged by the same rules and flagged in the table.",
        "A result that is itself stated as a bound (\"over 1 trillion yuan\") is judged by that bound; when the "
        "bound does not settle it, the target is marked \"cannot be judged\".",
        "A target that no later report mentions is marked \"no result reported\". The table is generated from these "
        "rules; it is not an official assessment.",
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
    out.append(f'<p class="gwr-downloads">{esc(ctx.t("download"))}: '
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
    out.append(f'<p class="gwr-downloads">{esc(ctx.t("download"))}: <a href="{ROOT_HREF}data/indicators/{ind.id}.csv">'
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
    """``/<city>/indicators/<id>/``: one city's targets and results year by year, with a chart."""
    lang = ctx.lang
    doc = ctx.city_doc[city]
    name = city if lang == "zh" else (doc.meta.city_en or city)
    out = _indicator_head(ctx, ind, f"{ind.name(lang)} · {name} · {ctx.t('indicators')}", f"{ind.name(lang)} · {name}")
    out.insert(3, f"[{md_esc(ctx.t('indicators'))}](../../indicators/index.md) › [{md_esc(ind.name(lang))}]"
                  f"(../../indicators/{ind.id}.md) › {md_esc(name)}\n{{: .gwr-crumbs }}\n")
    out.append(f"## {md_esc(ctx.t('by_year'))} {{#by-year}}\n")
    out.append(slot(_year_table(ctx, fs)) + "\n")
    out.append(slot(chart_svg(ctx, ind, fs)) + "\n")
    return "\n".join(out)


def _year_table(ctx: Context, fs: list[Figure]) -> str:
    years = sorted({f.year for f in fs if f.year is not None})
    rows = []
    for y in years:
        tg = [f for f in fs if f.year == y and f.kind == "target"]
        ac = [f for f in fs if f.year == y and f.kind == "actual"]
        status = [ctx.status_badge(ctx.row_of[id(f)].status) for f in tg if id(f) in ctx.row_of]
        aspir = lambda f: (f' <span class="gwr-flag">{esc(ctx.t("aspirational"))}</span>'  # noqa: E731
                           if f.aspirational and ctx.lang == "zh" else "")
        rows.append(
            f'<tr id="y{y}"><th>{y}</th><td>{"<br>".join(ctx.value_cell(f) + aspir(f) for f in tg) or ctx.t("none")}</td>'
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


def _en_scale_unit(size: Decimal, base: str) -> str:
    words = {Decimal(10**12): "trillion", Decimal(10**8): "100 million", Decimal(10**4): "10,000"}
    unit = EN_UNITS.get(base, "") or base
    return f"{words[size]} {unit}".strip() if size in words else unit


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    import math

    span = hi - lo or abs(hi) or 1.0
    raw = span / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    out, v = [], start
    while v <= hi + step * 0.001:
        out.append(round(v, 10))
        v += step
    return out


def chart_svg(ctx: Context, ind: Indicator, fs: list[Figure]) -> str:
    """A year-by-year chart, drawn at build time: no script, no external resource."""
    pts = [f for f in fs if f.year is not None and f.kind in ("actual", "target")]
    if not pts:
        return ""
    size, unit_zh = _scale(pts)
    unit = unit_zh if ctx.lang == "zh" else _en_scale_unit(size, pts[0].base_unit)
    years = sorted({f.year for f in pts})
    vals = [float(dec(f.base_value) / size) for f in pts]
    lo, hi = min(0.0, min(vals)), max(vals)
    ticks = _ticks(lo, hi * 1.1 if hi > 0 else 1.0)
    lo, hi = ticks[0], ticks[-1]
    W, H, L, R, TOP, B = 640, 260, 64, 16, 20, 36
    xw = (W - L - R) / max(len(years), 1)
    x = lambda y: L + xw * (years.index(y) + 0.5)  # noqa: E731
    yv = lambda v: TOP + (H - TOP - B) * (1 - (v - lo) / ((hi - lo) or 1))  # noqa: E731
    name = ind.name(ctx.lang)
    title_id = f"chart-{ind.id}-{pts[0].city}"
    parts = [f'<figure class="gwr-chart"><svg viewBox="0 0 {W} {H}" width="100%" role="img" '
             f'aria-labelledby="{attr(title_id)}" xmlns="http://www.w3.org/2000/svg">'
             f'<title id="{attr(title_id)}">{esc(name)} ({esc(unit)})</title>']
    for tk in ticks:
        ty = yv(tk)
        parts.append(f'<line class="gwr-grid" x1="{L}" x2="{W - R}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
                     f'<text class="gwr-tick" x="{L - 6}" y="{ty + 4:.1f}" text-anchor="end">{_plain(dec(tk))}</text>')
    for y in years:
        parts.append(f'<text class="gwr-tick" x="{x(y):.1f}" y="{H - B + 18}" text-anchor="middle">{y}</text>')
    parts.append(f'<text class="gwr-tick" x="4" y="12">{esc(unit)}</text>')
    for kind in ("target", "actual"):
        series = sorted((f for f in pts if f.kind == kind), key=lambda f: f.year)
        coords = [(x(f.year), yv(float(dec(f.base_value) / size)), f) for f in series]
        if len(coords) > 1:
            path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy, _ in coords)
            parts.append(f'<polyline class="gwr-line-{kind}" points="{path}"/>')
        for n, (cx, cy, f) in enumerate(coords):
            label = f"{f.year} {ctx.t(kind)} {figure_text(f, ctx.lang)}"
            dx = (n % 2) * 4  # targets and results of a year side by side
            shape = (f'<circle class="gwr-pt-actual" cx="{cx + 5:.1f}" cy="{cy:.1f}" r="5"/>' if kind == "actual" else
                     f'<rect class="gwr-pt-target" x="{cx - 10 - dx:.1f}" y="{cy - 5:.1f}" width="10" height="10"/>')
            value = _plain(dec(f.base_value) / size)
            tx = cx + 5 if kind == "actual" else cx - 5 - dx
            ty = cy - 9 if kind == "actual" else cy + 18
            parts.append(f'<a href="{ROOT_HREF}{attr(ctx.rel(f))}"><title>{esc(label)}</title>{shape}'
                         f'<text class="gwr-val" x="{tx:.1f}" y="{ty:.1f}" text-anchor="middle">{value}</text></a>')
    parts.append("</svg>")
    parts.append(f'<figcaption>{esc(ctx.t("chart_caption", name=name))}</figcaption></figure>\n')
    return "".join(parts)


def render_scorecard_index(ctx: Context, years: list[int]) -> str:
    out = [_fm(ctx.t("scorecards")), f"# {ctx.t('scorecards')} {{#scorecards}}\n"]
    zh = ctx.lang == "zh"
    out.append("每年的政府工作报告提出当年目标，下一年的报告报告完成结果。下表把每个目标与其结果对照。\n" if zh else
               "Each year's report sets that year's targets; the next year's report states the results. These "
               "scorecards set each target against its result.\n")
    rows = []
    for y in years:
        rs = ctx.rows_by_year.get(y, [])
        counts = {s: sum(1 for r in rs if r.status == s) for s in ("met", "missed", "no-result")}
        rows.append(f'<tr><th><a href="{y}/">{esc(ctx.t("target_year", year=y))}</a></th><td>{len(rs)}</td>'
                    f'<td>{esc(ctx.t("n_met", met=counts["met"], missed=counts["missed"], none=counts["no-result"]))}'
                    "</td></tr>")
    out.append(slot(data_table([ctx.t("year"), ctx.t("target"), ctx.t("status")], rows)) + "\n")
    out.append(f"## {'判断规则' if zh else 'Rules'} {{#rules}}\n")
    out.append(_rules_md(ctx.lang))
    out.append(f'<p class="gwr-downloads">{esc(ctx.t("download"))}: '
               f'<a href="{ROOT_HREF}data/scorecard.csv"><code>scorecard.csv</code></a> · '
               f'<a href="{ROOT_HREF}data/scorecard.json"><code>scorecard.json</code></a></p>\n')
    return "\n".join(out)


def _score_counts(rs: list[ScoreRow]) -> dict[str, int]:
    return {s: sum(1 for r in rs if r.status == s) for s in ("met", "missed", "no-result")}


def _by_city_rows(rs: list[ScoreRow]) -> dict[str, list[ScoreRow]]:
    out: dict[str, list[ScoreRow]] = {}
    for r in rs:
        out.setdefault(r.target.city, []).append(r)
    return out


def render_scorecard(ctx: Context, year: int) -> str:
    """``/scorecards/<year>/``: each city's count of targets met, missed and without result, leading to its card."""
    zh = ctx.lang == "zh"
    title = ctx.t("target_year", year=year)
    out = [_fm(f"{title} · {ctx.t('scorecards')}"), f"# {md_esc(title)} {{#scorecard}}\n"]
    rs = ctx.rows_by_year.get(year, [])
    counts = _score_counts(rs)
    out.append(md_esc(ctx.t("n_met", met=counts["met"], missed=counts["missed"], none=counts["no-result"])) + "\n")
    rows = []
    for city, group in _by_city_rows(rs).items():
        doc = ctx.city_doc[city]
        c = _score_counts(group)
        rows.append(f'<tr id="city-{doc.meta.city_slug}"><td><a href="{ROOT_HREF}{doc.meta.city_slug}/scorecards/{year}/">'
                    f'{esc(city if zh else (doc.meta.city_en or city))}</a></td><td>{len(group)}</td>'
                    f"<td>{esc(ctx.t('n_met', met=c['met'], missed=c['missed'], none=c['no-result']))}</td></tr>")
    out.append(slot(data_table([ctx.t("city"), ctx.t("target"), ctx.t("status")], rows)) + "\n")
    out.append(f"## {'判断规则' if zh else 'Rules'} {{#rules}}\n")
    out.append(_rules_md(ctx.lang))
    return "\n".join(out)


def city_scorecard_src(doc: Document, year: int) -> str:
    return f"{doc.meta.city_slug}/scorecards/{year}.md"


def render_city_scorecard(ctx: Context, year: int, city: str, group: list[ScoreRow]) -> str:
    """``/<city>/scorecards/<year>/``: the targets a city set for a year, against the results it reported."""
    zh = ctx.lang == "zh"
    doc = ctx.city_doc[city]
    name = city if zh else (doc.meta.city_en or city)
    title = ctx.t("target_year", year=year)
    out = [_fm(f"{title} · {name} · {ctx.t('scorecards')}"), f"# {md_esc(title)} · {md_esc(name)} {{#scorecard}}\n",
           f"[{md_esc(ctx.t('scorecards'))}](../../scorecards/index.md) › [{md_esc(title)}](../../scorecards/{year}.md)"
           f" › {md_esc(name)}\n{{: .gwr-crumbs }}\n"]
    c = _score_counts(group)
    out.append(md_esc(ctx.t("n_met", met=c["met"], missed=c["missed"], none=c["no-result"])) + "\n")
    body = []
    for r in group:
        aspir = (f' <span class="gwr-flag">{esc(ctx.t("aspirational"))}</span>' if r.target.aspirational else "")
        result = ctx.value_cell(r.result) if r.result else ctx.t("none")
        body.append(f'<tr><td>{ctx.ind_link(r.indicator)}</td><td>{ctx.value_cell(r.target)}{aspir}</td>'
                    f"<td>{result}</td><td>{ctx.status_badge(r.status)}</td></tr>")
    heads = [ctx.t("indicator"), ctx.t("target"), ctx.t("actual"), ctx.t("status")]
    out.append(slot(data_table(heads, body)) + "\n")
    out.append(f"[{'判断规则' if zh else 'Rules'}](../../scorecards/{year}.md#rules)\n")
    return "\n".join(out)


def _city_scorecards(ctx: Context, city: str) -> list[tuple[int, list[ScoreRow]]]:
    out = []
    for y in target_years(ctx):
        group = _by_city_rows(ctx.rows_by_year.get(y, [])).get(city)
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
    return sorted({r.target.year for r in ctx.rows})


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


def files(ctx: Context) -> dict[str, str]:
    """Every page of the indicators, by src path: the cross-city pages, then each city's."""
    out = {"indicators/index.md": render_indicator_index(ctx)}
    for ind in ctx.cat.indicators:
        out[f"indicators/{ind.id}.md"] = render_indicator(ctx, ind)
    years = target_years(ctx)
    out["scorecards/index.md"] = render_scorecard_index(ctx, years)
    for y in years:
        out[f"scorecards/{y}.md"] = render_scorecard(ctx, y)
    for city in ctx.city_doc:
        out.update(city_files(ctx, city))
    return out


def data_files(ctx: Context) -> dict[str, str]:
    """The indicators' open data (the same bytes in both editions)."""
    out = {f"data/indicators/{ind.id}.csv": indicators_csv(ctx, ind.id) for ind in ctx.cat.indicators}
    out["data/indicators.csv"] = indicators_csv(ctx)
    out["data/indicators.json"] = indicators_json(ctx)
    out["data/scorecard.csv"] = scorecard_csv(ctx)
    out["data/scorecard.json"] = scorecard_json(ctx)
    out["data/figures.csv"] = figures_csv(ctx)
    ctx.obs_rows.clear()  # the rows were kept only while the files were written
    return out
