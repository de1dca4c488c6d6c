"""Scorecard pages: each year's targets against the results the next report states, with the rules that judge them.

``/scorecards/`` (the years), ``/scorecards/<year>/`` (each city's count, leading to its card) and
``/<city>/scorecards/<year>/`` (the card: every target of the city for the year, or for a period ending in it,
against its result). The judging is :mod:`gwr.scorecard`; what the pages share, :mod:`gwr.indicator_context`;
they are wired into the site with the indicator pages (:mod:`gwr.indicator_pages`).
"""

from __future__ import annotations

from decimal import Decimal

from .indicator_context import Context, data_table, plain, unsearched_front_matter
from .labels import colon
from .markup import ROOT_HREF, esc, md_esc
from .model import Document
from .render import report_title
from .scorecard import PCT_TOLERANCE, REL_TOLERANCE, STATUSES, ScoreRow
from .slots import slot


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


def city_scorecards(ctx: Context, city: str) -> list[tuple[int, list[ScoreRow]]]:
    out = []
    for y in target_years(ctx):
        single, period = year_rows(ctx, y)
        group = _by_city_rows(single + period).get(city)
        if group:
            out.append((y, group))
    return out



def target_years(ctx: Context) -> list[int]:
    """Years with a scorecard page: the years of targets, and the last years of periods with targets."""
    return sorted({r.target.year if r.target.basis == "year" else int(r.target.period[-4:]) for r in ctx.rows})
