"""What the cross-link pages and boxes share: their labels (``T``), the context (:class:`XContext`: the site's
links, themes and figures indexed by report, city and year) and the cities."""

from __future__ import annotations

from dataclasses import dataclass

from .export import Urls, node_path
from .glossary_pages import _node_label
from .indicators import Figure
from .periods import part_context
from .model import Document, Part, Section
from .markup import attr, esc, ROOT_HREF
from .blocks import Edition
from .render import part_title, section_title
from .section_links import Link
from .themes import Entry, Theme, cut_words

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
        """Report id -> its parts' year, kind and period (``gwr.periods.part_infos``), computed once."""
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
    cities = registered_cities([d.meta for d in docs])
    by_name = {c.zh: c for c in cities}
    for d in docs:
        by_name[d.meta.city].docs.append(d)
    return cities


def registered_cities(metas: list) -> list[City]:
    """Every city of the registry (``ReportMeta`` of every report), as :func:`city_list` orders them, without their
    documents: what a city built alone (``GWR_CITY``) names of the others, as the whole site does."""
    cities: dict[str, City] = {}
    for m in metas:
        cities.setdefault(m.city, City(m.city_slug, m.city, m.city_en or m.city, []))
    return [cities[k] for k in sorted(cities)]
