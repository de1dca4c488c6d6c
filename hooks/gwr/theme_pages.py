"""Theme and timeline pages: each theme's timeline across the reports (the whole site's, and each city's),
the overview of themes, the timeline of reports, and their place in the navigation.

Pure functions over the model and :mod:`gwr.themes`; links are relative through ``ROOT_HREF``.
"""

from __future__ import annotations

import re

from .crosslink_context import City, XContext
from .export import node_path
from .glossary_pages import _node_label
from .indicator_context import data_table, figure_text
from .periods import part_context, part_infos
from .labels import colon
from .model import Document, Part, Section
from .markup import attr, esc, front_matter, md_esc, ROOT_HREF
from .page_scripts import beside, other_marker, other_script
from .render import bilingual_heading, report_title, section_title
from .slots import slot
from .themes import Entry, Theme


# --- theme pages ---------------------------------------------------------------------------------

def _fm(title: str) -> str:
    return front_matter(title, "search:\n  exclude: true\n")


def _years(ctx: XContext, city: "City | None" = None) -> list[int]:
    if city is None:
        return sorted({y for y, _ in ctx.covers})
    return sorted({y for (c, y, _) in ctx.city_covers if c == city.slug})


def _entry_li(ctx: XContext, e: Entry, alt: dict[str, str]) -> str:
    """A timeline entry in the page's language, and its link to its paragraph. A translated entry's other
    language goes into ``alt`` under the entry's id (``e<n>``), loaded on demand like a report page's other
    language (:func:`gwr.page_scripts.other_script`); an untranslated entry shows its Chinese text."""
    doc = e.node.doc
    where = f"{ctx.report_label(doc)} · {_node_label(doc, e.node.id, ctx.lang).split(' · ', 1)[1]}"
    zh, en = e.excerpt_zh, e.excerpt_en
    if e.node.kind == "section":
        ed = ctx.eds[doc.meta.id]
        node = ctx.node(doc, e.node.id)
        zh = section_title(node, "zh", ed)
        en = section_title(node, "en", ed) if ed.en_text(e.node.id) else None
    link = f' <a class="gwr-src" href="{attr(ctx.href(doc, e.node.id))}">{esc(where)}</a>'
    if en is None:
        return f'<li><span lang="zh">{esc(zh)}</span>{link}</li>'
    spans = {"zh": f'<span class="gwr-zh" lang="zh">{esc(zh)}</span>',
             "en": f'<span class="gwr-en" lang="en">{esc(en)}</span>'}
    key = f"e{len(alt) + 1}"
    alt[key] = spans["en" if ctx.lang == "zh" else "zh"]
    return f'<li id="{key}">{spans[ctx.lang]}{link}</li>'


def city_theme_src(city: "City", theme_id: str) -> str:
    return f"{city.slug}/themes/{theme_id}.md"


def old_city_theme_src(city: "City", theme_id: str) -> str:
    """Where a city's theme timeline was first published (``/themes/<theme>/<city>/``): now a redirect."""
    return f"themes/{theme_id}/{city.slug}.md"


def _theme_head(ctx: XContext, theme: Theme, city: "City | None") -> list[str]:
    """Title, heading and description in both languages, and the links to the theme in each city."""
    zh = ctx.lang == "zh"
    other = "en" if zh else "zh"
    where = {lang: f" · {city.name(lang)}" if city else "" for lang in ("zh", "en")}
    name = theme.name(ctx.lang) + where[ctx.lang]
    out = [_fm(f"{name} · {ctx.t('themes')}"),
           bilingual_heading(1, "theme", name, theme.name(other) + where[other], ctx.lang)]
    out.append(f'<p class="gwr-altname" lang="{other}">{esc(theme.name(other))}</p>\n')
    if city is not None:
        out.append(f"[{md_esc(ctx.t('themes'))}](../../themes/index.md) › [{md_esc(theme.name(ctx.lang))}]"
                   f"(../../themes/{theme.id}/index.md) › {md_esc(city.name(ctx.lang))}\n{{: .gwr-crumbs }}\n")
    desc = {"zh": f'<span class="gwr-zh" lang="zh">{esc(theme.description_zh)}</span>',
            "en": f'<span class="gwr-en" lang="en">{esc(theme.description_en)}</span>'}
    out.append(f'<p class="gwr-bi">{desc[ctx.lang]}{desc[other]}</p>\n')
    if city is None:
        out.append(_cities_links(ctx, theme.id))
    else:  # the cities are filled in when the page is used (fill_cities): a city's pages are kept under its reports
        out.append(CITIES_MARK.format(theme.id) + "\n")
    return out


CITIES_MARK = "<!-- gwr-cities {} -->"
"""Where a city's theme page lists the theme in every city (:func:`fill_cities`)."""

_CITIES_MARK = re.compile(r"<!-- gwr-cities ([^ ]+) -->\n")


def _cities_links(ctx: XContext, theme_id: str, cities: list[City] | None = None) -> str:
    links = [f'<a href="{ROOT_HREF}themes/{attr(theme_id)}/">{esc(ctx.t("all_cities"))}</a>']
    links += [f'<a href="{ROOT_HREF}{attr(c.slug)}/themes/{attr(theme_id)}/">{esc(c.name(ctx.lang))}</a>'
              for c in (ctx.cities if cities is None else cities)]
    return f'<p class="gwr-cities">{esc(ctx.t("read_for") + colon(ctx.lang))}{" · ".join(links)}</p>\n'


def fill_cities(ctx: XContext, text: str, cities: list[City]) -> str:
    """A city's theme page with the list of the theme in every city of the registry (``cities``; none when it has
    one city): the one part of a city's pages that depends on the other cities (their names), so made for every
    build, not kept, and the same when the city is built alone."""
    if "<!-- gwr-cities " not in text:
        return text
    return _CITIES_MARK.sub(lambda m: _cities_links(ctx, m.group(1), cities) if len(cities) > 1 else "", text)


def render_city_theme(ctx: XContext, theme: Theme, city: "City", alt: dict[str, str] | None = None) -> str:
    """``/<city>/themes/<theme>/``: the theme year by year in one city's reports. A year whose plan or review
    does not mention the theme says so, naming the report; paragraphs of a part on a five-year plan are placed
    by the period they speak of (``gwr.themes``).

    The excerpts are in the page's language; the other language of translated excerpts is collected in ``alt``
    (``{entry id: html}``), a script beside the page (:func:`city_files`) that gwr.js loads when the reader's
    view shows it: carried in the page, it made a city's timeline of twenty years over 150 KB."""
    zh = ctx.lang == "zh"
    alt = {} if alt is None else alt
    out = _theme_head(ctx, theme, city)
    by_year: dict[tuple[int | None, str | None], list[Entry]] = {}
    for e in ctx.city_entries.get((theme.id, city.slug), []):
        by_year.setdefault((e.node.year, e.node.mode), []).append(e)
    for year in _years(ctx, city):
        out.append(f"## {year} {{#y{year}}}\n")
        for mode in ("planned", "done"):
            es = by_year.get((year, mode), [])
            out.append(f'<p class="gwr-tl-label">{esc(ctx.t(mode))}</p>\n')
            if es:
                out.append(slot('<ul class="gwr-timeline">' + "".join(_entry_li(ctx, e, alt) for e in es) + "</ul>") + "\n")
                continue
            kind = "target" if mode == "planned" else "actual"
            src = [d for d in city.docs if _covers(ctx, d, year, kind)]
            if src:
                msg = ctx.t("no_plan_entry" if mode == "planned" else "no_result_entry",
                            report=ctx.report_label(src[0]), year=year)
            else:
                msg = ctx.t("no_plan_report" if mode == "planned" else "no_result_report", year=year)
            out.append(f'<p class="gwr-empty">{esc(msg)}</p>\n')
        figs = sorted((f for ind in theme.indicators for f in ctx.city_figs.get((city.slug, ind, year), [])
                       if f.value and f.basis == "year"), key=ctx.fig_order)
        if figs:
            cells = []
            for f in figs:
                ind = ctx.catalogue.by_id[f.indicator]
                kind = ("目标" if f.kind == "target" else "实绩") if zh else f.kind.replace("actual", "result")
                kind_label = f"（{kind}）：" if zh else f" ({kind}): "
                cells.append(f'<li><a href="{ROOT_HREF}indicators/{ind.id}/">{esc(ind.name(ctx.lang))}</a>'
                             f'{esc(kind_label)}<a href="{attr(ROOT_HREF + node_path(ctx.docs[f.report], f.node))}">'
                             f'{esc(figure_text(f, ctx.lang))}</a></li>')
            out.append(f'<p class="gwr-tl-label">{esc(ctx.t("indicators"))}</p>\n'
                       + slot(f'<ul class="gwr-timeline gwr-tl-figs">{"".join(cells)}</ul>') + "\n")
    if alt:
        out.append(other_marker("en" if zh else "zh") + "\n")
    return "\n".join(out)


def render_theme(ctx: XContext, theme: Theme) -> str:
    """``/themes/<theme>/``: the theme across cities, year by year, each count linking to the city's timeline."""
    out = _theme_head(ctx, theme, None)
    out.append(md_esc(ctx.t("theme_cities")) + "\n")
    rows = []
    for city in ctx.cities:
        base = f"{ROOT_HREF}{city.slug}/themes/{theme.id}/"
        rows.append((city.name(ctx.lang), base, _theme_counts(ctx, theme, city), base + "#y{year}"))
    out.append(slot(_table(ctx.t("city"), _years(ctx), rows)) + "\n")
    return "\n".join(out)


def _covers(ctx: XContext, doc: Document, year: int, kind: str) -> bool:
    """Does the report have a review (``actual``) or plan (``target``) part for the year?"""
    infos = ctx.infos.get(doc.meta.id)
    if infos is None:
        infos = ctx.infos[doc.meta.id] = part_infos(doc)
    return any((i.year, i.kind) == (year, kind) and i.period is None for i in infos)


def _table(first: str, years: list[int], rows: list[tuple[str, str, dict[int, int], str]]) -> str:
    head = "".join(f'<th id="y{y}">{y}</th>' for y in years)
    body = []
    for label, href, counts, cell_href in rows:
        cells = "".join(f'<td><a href="{attr(cell_href.format(year=y))}">{counts[y]}</a></td>' if counts.get(y)
                        else "<td>—</td>" for y in years)
        body.append(f'<tr><td><a href="{attr(href)}">{esc(label)}</a></td>{cells}</tr>')
    return (f'<table class="gwr-data"><thead><tr><th>{esc(first)}</th>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def _theme_counts(ctx: XContext, theme: Theme, city: "City | None" = None) -> dict[int, int]:
    es = ctx.entries[theme.id] if city is None else ctx.city_entries.get((theme.id, city.slug), [])
    counts: dict[int, int] = {}
    for e in es:
        if e.node.year is not None:
            counts[e.node.year] = counts.get(e.node.year, 0) + 1
    return counts


def render_themes_index(ctx: XContext) -> str:
    zh = ctx.lang == "zh"
    out = [_fm(ctx.t("themes")), f"# {ctx.t('themes')} {{#themes}}\n"]
    out.append(
        "每个主题按年份排列：各年政府工作报告的工作安排中计划做什么，下一年的报告回顾时报告做了什么。每一条都是原文摘录，链接到所在段落。"
        "主题由 `data/themes.yml` 中的词语识别，新增报告后自动延伸。各城市的主题时间线见下表中的主题页面。\n" if zh else
        "Each theme runs year by year: what each year's report planned and what the next year's report says was "
        "done. Every entry is an excerpt that links to its paragraph; English excerpts are from the project's own "
        "translation. Themes are recognised by the terms in `data/themes.yml` and extend to new reports by "
        "themselves. Each theme's page leads to its timeline in each city.\n")
    years = _years(ctx)
    rows = [(th.name(ctx.lang), f"{th.id}/", _theme_counts(ctx, th), f"{th.id}/") for th in ctx.themes]
    out.append(slot(_table(ctx.t("themes"), years, rows).replace(' id="y', ' data-y="')) + "\n")
    out.append(f"[{md_esc(ctx.t('timeline'))}](../timeline.md)\n")
    return "\n".join(out)


def render_city_themes_index(ctx: XContext, city: "City") -> str:
    """``/<city>/themes/``: the themes in one city's reports, counted by year."""
    name = city.name(ctx.lang)
    out = [_fm(f"{ctx.t('themes')} · {name}"), f"# {ctx.t('themes')} · {md_esc(name)} {{#themes}}\n"]
    years = _years(ctx, city)
    rows = [(th.name(ctx.lang), f"{th.id}/", _theme_counts(ctx, th, city), f"{th.id}/#y{{year}}") for th in ctx.themes]
    out.append(slot(_table(ctx.t("themes"), years, rows).replace(' id="y', ' data-y="')) + "\n")
    out.append(f"[{md_esc(ctx.t('all_themes'))}](../../themes/index.md) · [{md_esc(ctx.t('timeline'))}](../timeline.md)\n")
    return "\n".join(out)


def render_reports_timeline(ctx: XContext, city: "City") -> str:
    """``/<city>/timeline/``: the city's reports, when each was delivered and which years it covers."""
    from .labels import date

    zh = ctx.lang == "zh"
    name = city.name(ctx.lang)
    out = [_fm(f"{ctx.t('timeline')} · {name}"), f"# {ctx.t('timeline')} · {md_esc(name)} {{#timeline}}\n"]
    out.append("每份报告在何时、在哪次会议上作出，回顾和安排的是哪一年。\n" if zh else
               "When each report was delivered, at which session, and which years it reviews and plans.\n")
    rows = []
    for doc in sorted(city.docs, key=lambda d: (d.meta.delivered or str(d.meta.year), d.meta.id)):
        covers = []
        for p in doc.parts:
            y, k = part_context(doc, p.heading)
            if y is None or not k:
                continue
            key = "review" if k == "actual" else ("plan" if y == doc.meta.year else "horizon")
            covers.append(f'<a href="{ROOT_HREF}{attr(node_path(doc, p.id))}">{esc(ctx.t(key, year=y))}</a>')
            if k == "target":  # a horizon named in the text: 到二〇三五年
                for node, year in _horizons(doc, p, y):
                    covers.append(f'<a href="{ROOT_HREF}{attr(node_path(doc, node))}">'
                                  f'{esc(ctx.t("horizon", year=year))}</a>')
        session = (doc.meta.session_en or doc.meta.session) if not zh else doc.meta.session
        session = session or ("原文未注明" if zh else "not stated in the source")
        rows.append(
            f'<tr id="{doc.meta.id}"><td>{esc(date(ctx.lang, doc.meta.delivered)) if doc.meta.delivered else doc.meta.year}'
            + ("" if doc.meta.delivered else f'<br><span class="gwr-small">{"日期未注明" if zh else "date not stated"}</span>')
            + f'</td><td><a href="{ROOT_HREF}{attr(doc.meta.path)}/">{esc(report_title(doc, ctx.lang))}</a></td>'
            f'<td>{esc(session or "—")}</td><td>{"<br>".join(covers)}</td></tr>')
    heads = [ctx.t("delivered"), "报告" if zh else "Report", ctx.t("session"), ctx.t("covers")]
    out.append(slot(data_table(heads, rows)) + "\n")
    return "\n".join(out)


def render_timeline_overview(ctx: XContext) -> str:
    """``/timeline/``: the cities, each with its reports' years, leading to the city's timeline."""
    zh = ctx.lang == "zh"
    out = [_fm(ctx.t("timeline")), f"# {ctx.t('timeline')} {{#timeline}}\n"]
    out.append("各城市的报告按时间排列，见各城市的时间线。\n" if zh else
               "The reports of each city in order of time are on the city's timeline.\n")
    rows = []
    for city in ctx.cities:
        years = sorted({d.meta.year for d in city.docs})
        latest = max(city.docs, key=lambda d: (d.meta.year, d.meta.kind == "full"))
        rows.append(f'<tr><td><a href="{ROOT_HREF}{city.slug}/timeline/">{esc(city.name(ctx.lang))}</a></td>'
                    f"<td>{len(city.docs)}</td><td>{years[0]}–{years[-1]}</td>"
                    f'<td><a href="{ROOT_HREF}{attr(latest.meta.path)}/">{esc(report_title(latest, ctx.lang))}</a></td></tr>')
    heads = [ctx.t("city"), ctx.t("reports"), ctx.t("years"), ctx.t("latest")]
    out.append(slot(data_table(heads, rows)) + "\n")
    # A report's row was on this page before the timeline was split by city: keep old #<report id> links working.
    out.append(slot(forward_to_city("timeline")) + "\n")
    return "\n".join(out)


def forward_to_city(page: str) -> str:
    """A script for a cross-city page whose report rows moved to city pages: ``#<report id>`` goes on to
    ``/<city>/<page>/#<report id>``, so links made before the split keep working."""
    return ('<script>(function(){var m=/^#([a-z][a-z0-9-]*?)-\\d{4}(?:-[a-z0-9-]+)?$/.exec(location.hash);'
            f'if(m)location.replace("{ROOT_HREF}"+m[1]+"/{page}/"+location.hash)}})()</script>')


def _horizons(doc: Document, part: Part, part_year: int) -> list[tuple[str, int]]:
    """(block id, year) of each later year a plan part looks ahead to (到二〇三五年), first mention only."""
    from .figures import cn_numeral
    from .periods import YEAR_TO

    out, seen = [], {part_year}
    for child in part.children:
        for b in (child.blocks if isinstance(child, Section) else [child]):
            for m in YEAR_TO.finditer(b.text):
                y = m.group(1) or m.group(2)
                year = int(y) if y.isdigit() else cn_numeral(y)
                if year > part_year and year not in seen:
                    seen.add(year)
                    out.append((b.id, year))
    return out




# --- site integration --------------------------------------------------------------------------

def nav(ctx: XContext) -> list:
    """The cross-city pages; each city's theme timelines are in the city's navigation (:func:`city_nav`)."""
    if not ctx.themes:
        return [{ctx.t("timeline"): "timeline.md"}]
    return [{ctx.t("themes"): ["themes/index.md"] + [{th.name(ctx.lang): f"themes/{th.id}/index.md"} for th in ctx.themes]
             + [{ctx.t("timeline"): "timeline.md"}]}]


def city_nav(ctx: XContext, city: City) -> list:
    """A city's own pages in the navigation, after its reports."""
    out: list = [{ctx.t("timeline"): f"{city.slug}/timeline.md"}]
    if ctx.themes:
        out.append({ctx.t("themes"): [f"{city.slug}/themes/index.md"]
                    + [{th.name(ctx.lang): city_theme_src(city, th.id)} for th in ctx.themes]})
    return out


def city_files(ctx: XContext, city: City, only=lambda src: True) -> dict[str, str]:
    """The pages of one city: its timeline and its themes. Nothing from other cities is needed. ``only``: as in
    :func:`files`."""
    out = {f"{city.slug}/timeline.md": render_reports_timeline(ctx, city)}
    if ctx.themes and only(f"{city.slug}/themes/index.md"):
        out[f"{city.slug}/themes/index.md"] = render_city_themes_index(ctx, city)
        for th in ctx.themes:
            src, alt = city_theme_src(city, th.id), {}
            if not only(src):
                continue
            out[src] = render_city_theme(ctx, th, city, alt)
            if alt:
                out[beside(src, f"{'en' if ctx.lang == 'zh' else 'zh'}.js")] = other_script(
                    "en" if ctx.lang == "zh" else "zh", alt)
    return out


def files(ctx: XContext, per_city=lambda city, make: make(), registered: list[City] | None = None,
          only=lambda src: True) -> dict[str, str]:
    """The cross-city pages (theme overviews, the timeline of cities), then every city's pages (``per_city(city
    name, make)`` gives them, as :func:`gwr.indicator_pages.files` does); ``registered``: every city of the
    registry, when only some are built. ``only``: a preview's choice of pages (a function of the src); the theme
    pages it does not want are not made (the timelines always are)."""
    out = {"timeline.md": render_timeline_overview(ctx)}
    if ctx.themes:
        out["themes/index.md"] = render_themes_index(ctx)
        for th in ctx.themes:
            if only(f"themes/{th.id}/index.md"):
                out[f"themes/{th.id}/index.md"] = render_theme(ctx, th)
    for city in ctx.cities:
        pages = per_city(city.docs[0].meta.city, lambda: city_files(ctx, city, only))
        out.update((src, fill_cities(ctx, text, ctx.cities if registered is None else registered))
                   for src, text in pages.items())
    return out


def redirects(ctx: XContext) -> dict[str, str]:
    """Old page -> new page (mkdocs-redirects' ``redirect_maps``): a city's theme timeline was first published at
    ``/themes/<theme>/<city>/`` (when the site had more than one city); it is now ``/<city>/themes/<theme>/``."""
    if len(ctx.cities) < 2:
        return {}
    return {old_city_theme_src(c, th.id): city_theme_src(c, th.id) for th in ctx.themes for c in ctx.cities}
