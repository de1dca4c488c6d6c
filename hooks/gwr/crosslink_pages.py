"""Pages and boxes of the cross-links: theme timelines, the timeline of reports, plan <-> result boxes on the
report pages, related sections, "what's new", and ``data/crosslinks.json`` / ``data/themes.json``.

Pure functions over the model and :mod:`gwr.themes`; links are relative through ``ROOT_HREF``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .export import Urls, json_parts, node_path
from .glossary_pages import _node_label
from .indicator_context import data_table, figure_text
from .indicators import Figure, part_context, part_infos
from .labels import colon
from .model import Document, Part, Section
from .render import ROOT_HREF, Edition, attr, beside, bilingual_heading, esc, front_matter, md_esc, other_marker, \
    other_script, part_title, report_title, section_title
from .slots import slot
from .pipeline import memo
from .themes import Entry, Link, Theme, cut_words, previous, whats_new

T = {
    "zh": {
        "themes": "主题", "timeline": "报告时间线", "next": "后续", "planned_before": "计划",
        "related": "其他年份的同类内容", "planned": "计划", "done": "完成情况", "indicators": "相关指标",
        "no_plan_report": "本站尚未收录提出{year}年工作安排的报告。",
        "no_result_report": "本站尚未收录回顾{year}年工作的报告。",
        "no_plan_entry": "{report}的{year}年工作安排未提及此主题。",
        "no_result_entry": "{report}对{year}年工作的回顾未提及此主题。",
        "not_reviewed": "{report}回顾{year}年工作时没有与此对应的一节。",
        "not_planned": "{report}的{year}年工作安排中没有与此对应的一节。",
        "not_aligned": "（逐节对应尚未核对，先链接到整个部分）",
        "report": "{city}{year}年报告", "summary": "（摘要）", "new": "新出现的词语", "gone": "不再出现的词语",
        "whats_new": "与上一份报告相比", "scorecard": "{year}年目标完成情况", "covers": "涉及年份",
        "delivered": "报告日期", "session": "会议", "review": "回顾{year}年", "plan": "安排{year}年",
        "horizon": "展望至{year}年", "no_prev": "本站没有此城市更早的报告，无从比较。",
        "all_cities": "全部城市", "read_for": "按城市阅读",
        "more": "另有{n}个，按出现顺序未列出；见{report}正文。",
        "theme_cities": "下表按城市和年份列出此主题的条目数；点击进入该城市的主题时间线。", "city": "城市",
        "all_themes": "全部主题", "reports": "报告", "years": "年份", "latest": "最新报告", "sources": "来源与版本",
    },
    "en": {
        "themes": "Themes", "timeline": "Timeline of the reports", "next": "What happened next",
        "planned_before": "What was planned", "related": "Same topic in other years", "planned": "Planned",
        "done": "Reported done", "indicators": "Indicators",
        "no_plan_report": "No report on this site sets out the work plan for {year}.",
        "no_result_report": "No report on this site reviews the work of {year} yet.",
        "no_plan_entry": "The {report}'s plan for {year} does not mention this theme.",
        "no_result_entry": "The {report}'s review of {year} does not mention this theme.",
        "not_reviewed": "The {report}'s review of {year} has no section on this.",
        "not_planned": "The {report}'s plan for {year} has no section corresponding to this.",
        "not_aligned": " (sections not yet aligned; the whole part is linked)",
        "report": "{city}{year} report", "summary": " (summary)", "new": "New terms and phrases",
        "gone": "Terms and phrases no longer used", "whats_new": "Compared with the previous report",
        "scorecard": "Targets for {year}: results", "covers": "Years covered", "delivered": "Delivered",
        "session": "Session", "review": "review of {year}", "plan": "plan for {year}", "horizon": "goals to {year}",
        "no_prev": "This site has no earlier report of this city to compare with.",
        "all_cities": "All cities", "read_for": "Read for one city",
        "more": "{n} more, in reading order, not listed here: see the text of the {report}.",
        "theme_cities": "Entries on this theme by city and year; each leads to the theme's timeline in that city.",
        "city": "City", "all_themes": "All themes", "reports": "Reports", "years": "Years", "latest": "Latest report",
        "sources": "Sources",
    },
}


LINK_CHARS = {"zh": 30, "en": 80}
"""The longest text of a cross-link's label (after its report's name), per language. A section's title runs to 250
characters in English; the link names the section, and the section holds the title: a box of three related
sections weighed 800 bytes, and the boxes a tenth of a report page."""


def clip(text: str, lang: str) -> str:
    """``text`` cut to :data:`LINK_CHARS` characters (English at a space, never inside a word), with an ellipsis."""
    n = LINK_CHARS[lang]
    if len(text) <= n:
        return text
    return (text[:n] if lang == "zh" else cut_words(text, n)) + "…"


class XContext:
    """What the cross-link renderers share."""

    def __init__(self, docs: list[Document], themes: list[Theme], entries: dict[str, list[Entry]],
                 links: list[Link], urls: Urls, lang: str, eds: dict[str, Edition], figures: list[Figure],
                 matcher, catalogue, keys: dict[str, tuple] | None = None):
        self.docs = {d.meta.id: d for d in docs}
        self.order = docs
        self.themes = themes
        self.entries = entries
        self.links = links
        self.urls = urls
        self.lang = lang
        self.eds = eds
        self.figures = figures
        self.matcher = matcher
        self.catalogue = catalogue
        self.phrase_cache: dict = {}
        self.infos: dict = {}
        """Report id -> its parts' year, kind and period (``gwr.indicators.part_infos``), computed once."""
        self.keys = keys or {}
        """Report id -> key of its inputs (gwr.pipeline.memo): what's new is computed once for both editions."""
        self.by_src: dict[tuple[str, str], list[Link]] = {}
        for link in links:
            self.by_src.setdefault(link.src, []).append(link)
        self.curated = {(l.src[0], l.dst[0]) for l in links if l.basis == "curated"}
        self.part_link = {l.src: l.dst for l in links if l.basis == "parts"}
        # Indexes, so that no page scans every report, node or figure of the site.
        self.by_city: dict[str, list[Document]] = {}
        for d in docs:
            self.by_city.setdefault(d.meta.city, []).append(d)
        self.targets: set[tuple[str, int]] = set()
        self.theme_figs: dict[tuple[str, int], list[Figure]] = {}
        for f in figures:
            if f.indicator and f.kind == "target" and f.year is not None:
                self.targets.add((f.report, f.year))
            if f.indicator and f.kind and f.year is not None:
                self.theme_figs.setdefault((f.indicator, f.year), []).append(f)
        self.covers: dict[tuple[int, str], list[Document]] = {}
        for d in docs:
            for p in d.parts:
                y, k = part_context(d, p.heading)
                if y is not None and k and d not in self.covers.setdefault((y, k), []):
                    self.covers[(y, k)].append(d)
        self._nodes: dict[str, dict] = {}
        self._fig_pos = {id(f): i for i, f in enumerate(figures)}
        # Cities, for the pages of one city (/<city>/themes/…, /<city>/timeline/), which need nothing from
        # other cities: a city can be built on its own (bench/SCALING.md).
        self.cities = city_list(docs)
        self.city_of = {d.meta.id: c for c in self.cities for d in c.docs}
        self.city_entries: dict[tuple[str, str], list[Entry]] = {}
        for th in themes:
            for e in entries.get(th.id, []):
                self.city_entries.setdefault((th.id, self.city_of[e.node.doc.meta.id].slug), []).append(e)
        self.city_covers: dict[tuple[str, int, str], list[Document]] = {}
        for (y, k), ds in self.covers.items():
            for d in ds:
                self.city_covers.setdefault((self.city_of[d.meta.id].slug, y, k), []).append(d)
        self.city_figs: dict[tuple[str, str, int], list[Figure]] = {}
        for (ind, y), fs in self.theme_figs.items():
            for f in fs:
                self.city_figs.setdefault((self.city_of[f.report].slug, ind, y), []).append(f)

    def fig_order(self, f: Figure) -> int:
        return self._fig_pos[id(f)]

    def t(self, key: str, **kw) -> str:
        return T[self.lang][key].format(**kw) if kw else T[self.lang][key]

    def report_label(self, doc: Document) -> str:
        """``2025年报告`` / ``2025 report``: on a city's pages, where every link stays in the city."""
        zh = self.lang == "zh"
        label = self.t("report", city="", year=doc.meta.year)
        if doc.meta.kind == "summary":
            label += self.t("summary")
        return label[0].upper() + label[1:] if not zh else label

    def node(self, doc: Document, node_id: str):
        index = self._nodes.get(doc.meta.id)
        if index is None:
            index = {}
            for b in doc.body_blocks():
                index.setdefault(b.id, b)
            for part in doc.parts:
                for s in part.sections:
                    index[s.id] = s
                index[part.id] = part
            self._nodes[doc.meta.id] = index
        return index.get(node_id)

    def title(self, doc: Document, node_id: str) -> str:
        """A node's label in the page's language, as a cross-link shows it: a part or section title, or a citation
        label and the paragraph's opening words, at most :data:`LINK_CHARS` characters of text."""
        node = self.node(doc, node_id)
        ed = self.eds[doc.meta.id]
        if isinstance(node, Part):
            return clip(part_title(node, self.lang, ed), self.lang)
        if isinstance(node, Section):
            return clip(section_title(node, self.lang, ed), self.lang)
        label = _node_label(doc, node_id, self.lang).split(" · ", 1)[1]
        text = (ed.en_text(node_id) if self.lang == "en" else None) or node.text
        return f"{label} {clip(text, self.lang)}"

    def href(self, doc: Document, node_id: str) -> str:
        return ROOT_HREF + node_path(doc, node_id)

    def a(self, key: tuple[str, str], with_report: bool = True) -> str:
        doc = self.docs[key[0]]
        label = self.title(doc, key[1])
        if with_report:
            label = f"{self.report_label(doc)} · {label}"
        return f'<a href="{attr(self.href(doc, key[1]))}">{esc(label)}</a>'


@dataclass
class City:
    slug: str
    zh: str
    en: str
    docs: list[Document]

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def city_list(docs: list[Document]) -> list[City]:
    """The cities of the registry, in the order of the navigation (by Chinese name)."""
    cities: dict[str, City] = {}
    for d in docs:
        c = cities.setdefault(d.meta.city, City(d.meta.city_slug, d.meta.city, d.meta.city_en or d.meta.city, []))
        c.docs.append(d)
    return [cities[k] for k in sorted(cities)]


def _box(cls: str, label: str, body: str, lang: str) -> str:
    return f'<aside class="gwr-xref {cls}"><p><strong>{esc(label)}</strong>{colon(lang)}{body}</p></aside>'


def _direction_box(ctx: XContext, doc: Document, part: Part, node, cls: str, label: str, links: list[Link],
                   other: Document | None, pair: tuple[str, str] | None, no_section: str, no_report: str,
                   year: int | None) -> str:
    """A "what happened next" or "what was planned" box: the links, else why there are none."""
    sep = "；" if ctx.lang == "zh" else "; "
    if links:
        return _box(cls, ctx.t(label), sep.join(ctx.a(l.dst) for l in links), ctx.lang)
    if not isinstance(node, Section) or year is None:
        return ""
    whole = ctx.part_link.get((doc.meta.id, part.id))
    if other is not None and whole and pair not in ctx.curated:  # sections not aligned yet: the whole part
        return _box(cls, ctx.t(label), ctx.a(whole) + esc(ctx.t("not_aligned")), ctx.lang)
    msg = (ctx.t(no_section, report=ctx.report_label(other), year=year) if other is not None else
           ctx.t(no_report, year=year))
    return _box(cls, ctx.t(label), esc(msg), ctx.lang)


def notes(ctx: XContext, doc: Document) -> dict:
    """Boxes for the report's pages: ``{(node id, "top" | "end" | "after"): html}``."""
    out: dict = {}
    sep = "；" if ctx.lang == "zh" else "; "
    city = ctx.by_city[doc.meta.city]
    for part in doc.parts:
        year, kind = part_context(doc, part.heading)
        # the city's report that reviews the part's year (for targets), or that planned it (for results): once a part
        rev = (min((d for d in city if d.meta.year > year and _reviews(d, year)), key=lambda d: d.meta.year,
                   default=None) if kind == "target" and year == doc.meta.year else None)
        plan = (next((d for d in city if d.meta.year == year and _plans(d, year)), None) if kind == "actual"
                else None)
        for node in [part] + part.sections:
            links = ctx.by_src.get((doc.meta.id, node.id), [])
            html = ""
            if kind == "target" and year == doc.meta.year:
                html = _direction_box(ctx, doc, part, node, "gwr-next", "next",
                                      [l for l in links if l.relation == "result"], rev,
                                      rev and (doc.meta.id, rev.meta.id), "not_reviewed", "no_result_report", year)
                if isinstance(node, Part) and (doc.meta.id, year) in ctx.targets:
                    html += _box("gwr-next", ctx.t("scorecard", year=year),
                                 f'<a href="{ROOT_HREF}{doc.meta.city_slug}/scorecards/{year}/">'
                                 f'{esc(ctx.t("scorecard", year=year))}</a>', ctx.lang)
            elif kind == "actual":
                html = _direction_box(ctx, doc, part, node, "gwr-before", "planned_before",
                                      [l for l in links if l.relation == "plan"], plan,
                                      plan and (plan.meta.id, doc.meta.id), "not_planned", "no_plan_report", year)
            if html:
                out[(node.id, "top")] = html
            rel = [l for l in links if l.relation == "related"]
            if rel and isinstance(node, Section):
                out[(node.id, "end")] = _box("gwr-related", ctx.t("related"), sep.join(ctx.a(l.dst) for l in rel),
                                         ctx.lang)
    for block in doc.body_blocks():
        links = ctx.by_src.get((doc.meta.id, block.id), [])
        bits = []
        for rel, label in (("result", "next"), ("plan", "planned_before")):
            ls = [l for l in links if l.relation == rel]
            if ls:
                bits.append(f'<span class="gwr-xlabel">{esc(ctx.t(label))}</span> '
                            + sep.join(ctx.a(l.dst) for l in ls))
        if bits:
            out[(block.id, "after")] = f'<span class="gwr-xpara">{" · ".join(bits)}</span>'
    return out


def _reviews(doc: Document, year: int) -> bool:
    return any(part_context(doc, p.heading) == (year, "actual") for p in doc.parts)


def _plans(doc: Document, year: int) -> bool:
    return any(part_context(doc, p.heading) == (year, "target") for p in doc.parts)


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
    language (:func:`gwr.render.other_script`); an untranslated entry shows its Chinese text."""
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
    if len(ctx.cities) > 1 or city is None:
        links = [f'<a href="{ROOT_HREF}themes/{attr(theme.id)}/">{esc(ctx.t("all_cities"))}</a>']
        links += [f'<a href="{ROOT_HREF}{attr(c.slug)}/themes/{attr(theme.id)}/">{esc(c.name(ctx.lang))}</a>'
                  for c in ctx.cities]
        out.append(f'<p class="gwr-cities">{esc(ctx.t("read_for") + colon(ctx.lang))}{" · ".join(links)}</p>\n')
    return out


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
    from .indicators import _YEAR_TO, cn_numeral

    out, seen = [], {part_year}
    for child in part.children:
        for b in (child.blocks if isinstance(child, Section) else [child]):
            for m in _YEAR_TO.finditer(b.text):
                y = m.group(1) or m.group(2)
                year = int(y) if y.isdigit() else cn_numeral(y)
                if year > part_year and year not in seen:
                    seen.add(year)
                    out.append((b.id, year))
    return out


WHATS_NEW_MAX = 120
"""Terms listed under "new" and under "no longer used"; a summary compared with a full report has hundreds."""


def render_whats_new(ctx: XContext, doc: Document) -> str:
    zh = ctx.lang == "zh"
    out = [f"## {md_esc(ctx.t('whats_new'))} {{#whats-new}}\n"]
    prev = previous(doc, ctx.order)
    if prev is None:
        out.append(md_esc(ctx.t("no_prev")) + "\n")
        return "\n".join(out)
    if doc.meta.id in ctx.keys and prev.meta.id in ctx.keys:
        new, gone = memo("whats_new", (ctx.keys[doc.meta.id], ctx.keys[prev.meta.id]),
                         lambda: whats_new(doc, prev, ctx.matcher, ctx.phrase_cache))
    else:
        new, gone = whats_new(doc, prev, ctx.matcher, ctx.phrase_cache)
    out.append(
        (f"与{md_esc(ctx.report_label(prev))}相比。候选词语包括：术语表中的术语、报告用引号标出的提法和口号（如“一点两地”），"
         "以及英文缩写（如 APEC）。一个词语若在另一份报告的正文（含标题）中一次也没有出现，即列为新出现或不再出现；"
         "每个词语链接到它在报告中第一次出现的位置。方法不针对任何一份报告调整。")
        if zh else
        (f"Compared with the {md_esc(ctx.report_label(prev))}. Candidates are the glossary's terms, the phrases and "
         "slogans the report puts in quotation marks (such as “一点两地”) and Latin-script abbreviations (such as "
         "APEC). A candidate is new if it does not occur anywhere in the other report's text, headings included, "
         "and no longer used if it occurs in the other report but not in this one; each links to its first "
         "occurrence. The method is the same for every report.")
    )
    if doc.meta.kind == "summary" or prev.meta.kind == "summary":
        out.append(" 注意：其中一份是摘要，篇幅差别使“不再出现”的词语偏多。" if zh else
                   " Note: one of the two is a summary, so many terms are \"no longer used\" only because the "
                   "text is shorter.")
    out.append("\n")

    def items(ps, d):
        lis = []
        for p in ps[:WHATS_NEW_MAX]:
            lis.append(f'<li><a href="{attr(ROOT_HREF + node_path(d, p.node))}"><span lang="zh">{esc(p.text)}</span>'
                       + (f" · {esc(p.term.en)}" if not zh and p.term is not None else "") + "</a></li>")
        if len(ps) > WHATS_NEW_MAX:
            rest = len(ps) - WHATS_NEW_MAX
            lis.append(f'<li class="gwr-small">{esc(ctx.t("more", n=rest, report=ctx.report_label(d)))}</li>')
        return '<ul class="gwr-terms">' + "".join(lis) + "</ul>"

    out.append(f"### {md_esc(ctx.t('new'))} ({len(new)}) {{#new-terms}}\n")
    out.append(slot(items(new, doc)) + "\n")
    out.append(f"### {md_esc(ctx.t('gone'))} ({len(gone)}) {{#gone-terms}}\n")
    show = f"显示这 {len(gone)} 个词语" if zh else f"Show the {len(gone)} terms and phrases"
    out.append(slot(f'<details class="gwr-gone"><summary>{esc(show)}</summary>{items(gone, prev)}</details>') + "\n")
    return "\n".join(out)


# --- open data and site integration --------------------------------------------------------------

def crosslinks_json(ctx: XContext) -> str:
    return "".join(crosslinks_json_parts(ctx))


def crosslinks_json_parts(ctx: XContext) -> Iterator[str]:
    """:func:`crosslinks_json` piece by piece (every link of the site as a dict at once was a peak of the build)."""
    def row(link: Link) -> dict:
        a, b = ctx.docs[link.src[0]], ctx.docs[link.dst[0]]
        return {
            "from": {"report": link.src[0], "id": link.src[1], "url": ctx.urls.both(node_path(a, link.src[1]))},
            "to": {"report": link.dst[0], "id": link.dst[1], "url": ctx.urls.both(node_path(b, link.dst[1]))},
            "relation": link.relation, "basis": link.basis,
            **({"score": link.score} if link.score else {}), **({"themes": list(link.themes)} if link.themes else {}),
        }

    return json_parts({"schema": "gwr-crosslinks/1"}, "links", map(row, ctx.links))


def themes_json(ctx: XContext) -> str:
    return "".join(themes_json_parts(ctx))


def themes_json_parts(ctx: XContext) -> Iterator[str]:
    """:func:`themes_json` piece by piece: a few hundred entries at a time (a theme's entries made whole, every
    theme's at once, were the build's peak of memory: 100x, 66 MB)."""
    def theme(th: Theme) -> dict:
        return {
            "id": th.id, "name": {"zh": th.zh, "en": th.en},
            "description": {"zh": th.description_zh, "en": th.description_en},
            "terms": list(th.terms), "indicators": list(th.indicators), "url": ctx.urls.both(f"themes/{th.id}/"),
        }

    def entry(e: Entry) -> dict:
        return {"report": e.node.doc.meta.id, "id": e.node.id, "year": e.node.year, "mode": e.node.mode,
                "excerpt": {"zh": e.excerpt_zh, **({"en": e.excerpt_en} if e.excerpt_en else {})},
                "url": ctx.urls.both(node_path(e.node.doc, e.node.id))}

    yield next(json_parts({"schema": "gwr-themes/1"}, "themes", []))  # the opening
    for i, th in enumerate(ctx.themes):  # each theme's "entries" last, as before
        yield "," if i else ""
        yield from json_parts(theme(th), "entries", map(entry, ctx.entries[th.id]), end="")
    yield "]}\n"


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


def city_files(ctx: XContext, city: City) -> dict[str, str]:
    """The pages of one city: its timeline and its themes. Nothing from other cities is needed."""
    out = {f"{city.slug}/timeline.md": render_reports_timeline(ctx, city)}
    if ctx.themes:
        out[f"{city.slug}/themes/index.md"] = render_city_themes_index(ctx, city)
        for th in ctx.themes:
            src, alt = city_theme_src(city, th.id), {}
            out[src] = render_city_theme(ctx, th, city, alt)
            if alt:
                out[beside(src, f"{'en' if ctx.lang == 'zh' else 'zh'}.js")] = other_script(
                    "en" if ctx.lang == "zh" else "zh", alt)
    return out


def files(ctx: XContext, per_city=lambda city, make: make()) -> dict[str, str]:
    """The cross-city pages (theme overviews, the timeline of cities), then every city's pages (``per_city(city
    name, make)`` gives them, as :func:`gwr.indicator_pages.files` does)."""
    out = {"timeline.md": render_timeline_overview(ctx)}
    if ctx.themes:
        out["themes/index.md"] = render_themes_index(ctx)
        for th in ctx.themes:
            out[f"themes/{th.id}/index.md"] = render_theme(ctx, th)
    for city in ctx.cities:
        out.update(per_city(city.docs[0].meta.city, lambda: city_files(ctx, city)))
    return out


def redirects(ctx: XContext) -> dict[str, str]:
    """Old page -> new page (mkdocs-redirects' ``redirect_maps``): a city's theme timeline was first published at
    ``/themes/<theme>/<city>/`` (when the site had more than one city); it is now ``/<city>/themes/<theme>/``."""
    if len(ctx.cities) < 2:
        return {}
    return {old_city_theme_src(c, th.id): city_theme_src(c, th.id) for th in ctx.themes for c in ctx.cities}


def data_files(ctx: XContext) -> Iterator[tuple[str, str]]:
    """The cross-links' open data (the same bytes in both editions), file by file."""
    yield "data/crosslinks.json", crosslinks_json_parts(ctx)
    if ctx.themes:
        yield "data/themes.json", themes_json_parts(ctx)
