"""The navigation of the reports: city › report › parts, a city's reports grouped by five-year plan period."""

from __future__ import annotations

from .labels import t
from .model import Document
from .blocks import Edition
from .render import figures_src, index_src, part_src, part_title


NAV_PERIODS_FROM = 7
"""A city with this many reports or more has them grouped in the navigation by five-year plan period."""


def plan_period(year: int) -> tuple[int, int, int]:
    """The five-year plan a year belongs to: (its number, first year, last year); 2025 is in the 14th, 2021–2025."""
    n = 14 + (year - 2021) // 5
    end = 2025 + 5 * (n - 14)
    return n, end - 4, end


def _cn_ordinal(n: int) -> str:
    """十四, 二十一: a plan's number as the name of the period says it (“十四五”)."""
    digits = "〇一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones else "")


def period_label(lang: str, year: int) -> str:
    """The navigation label of the five-year plan period of ``year``: 2021—2025年（“十四五”时期） /
    2021–2025 (14th Five-Year Plan)."""
    n, first, last = plan_period(year)
    if lang == "zh":
        return f"{first}—{last}年（“{_cn_ordinal(n)}五”时期）"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{first}–{last} ({n}{suffix} Five-Year Plan)"


def nav(docs: list[Document], lang: str = "zh", eds: dict[str, Edition] | None = None,
        extra: dict[str, list] | None = None) -> list:
    """The navigation of the reports: city › report (newest first) › parts, then the city's own pages
    (``extra``, by Chinese city name: its timeline, themes, indicators and sources).

    A city with :data:`NAV_PERIODS_FROM` reports or more (in more than one five-year plan period) has them grouped
    by period, newest first: Material's pruned navigation writes into every page of a report the siblings of
    its path, which were all the city's reports (some 200 bytes each, a year of reports after another); grouped,
    a page lists the reports of its period and one line for each other period. Page URLs do not change."""
    cities: dict[str, list[Document]] = {}
    for doc in docs:
        cities.setdefault(doc.meta.city, []).append(doc)
    entries = []
    for city in sorted(cities):
        reports = []
        for doc in sorted(cities[city], key=lambda d: (-d.meta.year, d.meta.kind)):
            ed = (eds or {}).get(doc.meta.id) or Edition(lang)
            label = t(lang, "year_label", year=doc.meta.year) + (
                t(lang, "summary_label") if doc.meta.kind == "summary" else "")
            children = [index_src(doc)] + [{part_title(p, lang, ed): part_src(doc, p)} for p in doc.parts]
            children.append({t(lang, "figures_page"): figures_src(doc)})
            reports.append((doc.meta.year, {label: children}))
        periods: dict[int, list] = {}
        for year, item in reports:
            periods.setdefault(plan_period(year)[0], []).append((year, item))
        if len(reports) >= NAV_PERIODS_FROM and len(periods) > 1:
            items = [{period_label(lang, group[0][0]): [item for _, item in group]} for group in periods.values()]
        else:
            items = [item for _, item in reports]
        label = city if lang == "zh" else (cities[city][0].meta.city_en or city)
        entries.append({label: items + (extra or {}).get(city, [])})
    return entries
