"""Indicator pages, scorecards and per-report figure tables (with their charts, :mod:`gwr.charts`).

Pure functions: figures and the catalogue in, Markdown out (the open data: :mod:`gwr.indicator_data`; what the
pages share: :mod:`gwr.indicator_context`). Links are relative; ``ROOT_HREF`` stands for the way from a page to the
edition's root and is filled in by the hook for each page (pages can sit at any depth).
"""

from __future__ import annotations

from decimal import Decimal

from .charts import chart_svg
from .indicator_context import EN_UNITS, Context, data_table, figure_text, plain, unsearched_front_matter
from .indicators import CATEGORIES, Figure, Indicator
from .scorecard import PCT_TOLERANCE, REL_TOLERANCE, STATUSES, ScoreRow
from .labels import colon
from .model import Document
from .markup import esc, md_esc, ROOT_HREF
from .render import report_title
from .slots import slot

# --- pages ---------------------------------------------------------------------------------------

def rules_text(lang: str) -> list[str]:
    """The scorecard rules, as the code applies them (``gwr.scorecard.judge`` and ``scorecard``)."""
    pct, rel = plain(Decimal(str(PCT_TOLERANCE))), int(REL_TOLERANCE * 100)
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
    out = [unsearched_front_matter(ctx.t("indicators")), f"# {ctx.t('indicators')} {{#indicators}}\n"]
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
    out = [unsearched_front_matter(title), f"# {md_esc(h1)} {{#indicator}}\n"]
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


def _counts(ctx: Context, rs: list[ScoreRow]) -> str:
    sep = "，" if ctx.lang == "zh" else "; "
    return sep.join(ctx.t("count", status=ctx.t(st), n=n) for st in STATUSES
                    if (n := sum(1 for r in rs if r.status == st)))


def year_rows(ctx: Context, year: int) -> tuple[list[ScoreRow], list[ScoreRow]]:
    """(targets for the year, targets over a period that ends in the year)."""
    single, period = ctx.rows_by_end_year.get(year, ([], []))
    return list(single), list(period)


def render_scorecard_index(ctx: Context, years: list[int]) -> str:
    out = [unsearched_front_matter(ctx.t("scorecards")), f"# {ctx.t('scorecards')} {{#scorecards}}\n"]
    zh = ctx.lang == "zh"
    out.append("每年的政府工作报告提出当年目标，下一年的报告报告完成结果。下表把每个目标与其结果对照；没有结果的，说明原因。"
               "各城市同一年的目标并列见[目标对照](../compare/index.md)。\n" if zh else
               "Each year's report sets that year's targets; the next year's report states the results. These "
               "scorecards set each target against its result, and say why when there is none. The targets of the "
               "cities side by side are on [Compare targets](../compare/index.md).\n")
    rows = []
    for y in years:
        single, period = year_rows(ctx, y)
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
    out = [unsearched_front_matter(f"{title} · {ctx.t('scorecards')}"), f"# {md_esc(title)} {{#scorecard}}\n"]
    single, period = year_rows(ctx, year)
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
    out = [unsearched_front_matter(f"{title} · {name} · {ctx.t('scorecards')}"), f"# {md_esc(title)} · {md_esc(name)} {{#scorecard}}\n",
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
        single, period = year_rows(ctx, y)
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
    out = [unsearched_front_matter(title, f"gwr_figures: {doc.meta.id}\n"), f"# {md_esc(ctx.t('figures'))} {{#figures}}\n"]
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
