"""Indicator pages and per-report figure tables (with their charts, :mod:`gwr.charts`); the indicator and scorecard
pages in the site (the scorecard pages themselves: :mod:`gwr.scorecard_pages`).

Pure functions: figures and the catalogue in, Markdown out (the open data: :mod:`gwr.indicator_data`; what the
pages share: :mod:`gwr.indicator_context`). Links are relative; ``ROOT_HREF`` stands for the way from a page to the
edition's root and is filled in by the hook for each page (pages can sit at any depth).
"""

from __future__ import annotations

from .charts import chart_svg
from .indicator_context import EN_UNITS, Context, data_table, figure_text, unsearched_front_matter
from .catalogue import CATEGORIES, Indicator
from .indicators import Figure
from .scorecard_pages import (city_scorecard_src, city_scorecards, render_city_scorecard, render_scorecard,
                              render_scorecard_index, target_years)
from .labels import colon
from .model import Document
from .markup import esc, md_esc, ROOT_HREF
from .render import report_title
from .slots import slot

# --- pages ---------------------------------------------------------------------------------------

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
    cards = city_scorecards(ctx, city)
    if cards:
        out.append({ctx.t("scorecards"): [{ctx.t("target_year", year=y): city_scorecard_src(doc, y)}
                                          for y, _ in cards]})
    return out


def city_files(ctx: Context, city: str, only=lambda src: True) -> dict[str, str]:
    """The pages of one city (of them, those whose src ``only`` accepts)."""
    doc = ctx.city_doc[city]
    out = {city_indicator_src(doc, ind): render_city_indicator(ctx, ind, city, fs)
           for ind, fs in _city_indicators(ctx, city) if only(city_indicator_src(doc, ind))}
    for y, group in city_scorecards(ctx, city):
        if only(city_scorecard_src(doc, y)):
            out[city_scorecard_src(doc, y)] = render_city_scorecard(ctx, y, city, group)
    return out


def files(ctx: Context, per_city=lambda city, make: make(), only=lambda src: True) -> dict[str, str]:
    """Every page of the indicators, by src path: the cross-city pages, then each city's (``per_city(city, make)``
    gives them: the hook keeps them from one build to the next, as they depend on the city's reports only).
    ``only``: a preview's choice of pages (a function of the src); the others are not made."""
    out = {"indicators/index.md": render_indicator_index(ctx)} if only("indicators/index.md") else {}
    for ind in ctx.cat.indicators:
        if only(f"indicators/{ind.id}.md"):
            out[f"indicators/{ind.id}.md"] = render_indicator(ctx, ind)
    years = target_years(ctx)
    if only("scorecards/index.md"):
        out["scorecards/index.md"] = render_scorecard_index(ctx, years)
    for y in years:
        if only(f"scorecards/{y}.md"):
            out[f"scorecards/{y}.md"] = render_scorecard(ctx, y)
    for city in ctx.city_doc:
        out.update(per_city(city, lambda: city_files(ctx, city, only)))
    return out
