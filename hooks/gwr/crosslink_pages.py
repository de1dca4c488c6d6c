"""The cross-links on the report pages: plan <-> result boxes, related sections and "what's new"; and their open
data, ``data/crosslinks.json`` / ``data/themes.json``. The theme and timeline pages are :mod:`gwr.theme_pages`.

Pure functions over the model, :mod:`gwr.themes`, :mod:`gwr.section_links` and :mod:`gwr.whats_new`; links are relative through ``ROOT_HREF``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from .crosslink_context import XContext
from . import shares
from .export import compact, json_joined, json_parts, node_path
from .periods import part_context
from .labels import colon
from .model import Document, Part, Section
from .markup import attr, esc, md_esc, ROOT_HREF
from .slots import slot
from .pipeline import memo
from .section_links import Link
from .shares import Keys, Share, Shares, report_keys
from .themes import Entry, Theme
from .whats_new import previous, whats_new


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
    return shares.text(crosslinks_json_parts(ctx))


def crosslinks_json_parts(ctx: XContext, keys: Keys | None = None) -> Iterator:
    """:func:`crosslinks_json` piece by piece (every link of the site as a dict at once was a peak of the build):
    each run of links from one report, as a share of the file kept under ``keys`` (:mod:`gwr.shares`). A link is
    made within a city, or by data/alignments.yml, which every report's key names: a run depends on the reports
    of the cities it links."""
    def row(link: Link) -> dict:
        a, b = ctx.docs[link.src[0]], ctx.docs[link.dst[0]]
        return {
            "from": {"report": link.src[0], "id": link.src[1], "url": ctx.urls.both(node_path(a, link.src[1]))},
            "to": {"report": link.dst[0], "id": link.dst[1], "url": ctx.urls.both(node_path(b, link.dst[1]))},
            "relation": link.relation, "basis": link.basis,
            **({"score": link.score} if link.score else {}), **({"themes": list(link.themes)} if link.themes else {}),
        }

    def runs():
        seen: dict[str, int] = {}
        for src, group in itertools.groupby(ctx.links, key=_source):
            group = list(group)
            n = seen[src] = seen.get(src, -1) + 1  # the n-th run of links from this report
            key = None
            if keys:
                cities = sorted({keys.city[ctx.docs[r].meta.city] for link in group for r in (link.src[0], link.dst[0])})
                key = f"{src} {n} {shares.digest(*cities)}"
            yield Share(key, lambda group=group: ",".join(compact(row(link)) for link in group))

    return json_joined({"schema": "gwr-crosslinks/1"}, "links", runs())


def _source(link: Link) -> str:
    return link.src[0]


def themes_json(ctx: XContext) -> str:
    return shares.text(themes_json_parts(ctx))


def themes_json_parts(ctx: XContext, keys: Keys | None = None) -> Iterator:
    """:func:`themes_json` piece by piece: a theme's entries of one report at a time, as shares of the file kept
    under ``keys`` (:mod:`gwr.shares`; a theme's entries made whole, every theme's at once, were the build's peak
    of memory: 100x, 66 MB)."""
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

    ids = list(ctx.docs)  # a theme's entries are in the registry's order of their reports
    grouped: dict[tuple[str, str], list[Entry]] = {}

    def entries(tid: str, rid: str) -> str:  # a report's entries of a theme (grouped when first asked)
        if not grouped:
            for t, es in ctx.entries.items():
                for e in es:
                    grouped.setdefault((t, e.node.doc.meta.id), []).append(e)
        return ",".join(compact(entry(e)) for e in grouped.get((tid, rid), ()))

    yield next(json_parts({"schema": "gwr-themes/1"}, "themes", []))  # the opening
    for i, th in enumerate(ctx.themes):  # each theme's "entries" last, as before
        yield "," if i else ""
        yield from json_joined(theme(th), "entries", [Shares(
            report_keys(keys, ids, prefix=f"{th.id} "), lambda n, tid=th.id: entries(tid, ids[n]))], end="")
    yield "]}\n"


def data_files(ctx: XContext, keys: Keys | None = None) -> Iterator[tuple[str, Iterator]]:
    """The cross-links' open data (the same bytes in both editions), file by file."""
    yield "data/crosslinks.json", crosslinks_json_parts(ctx, keys)
    if ctx.themes:
        yield "data/themes.json", themes_json_parts(ctx, keys)


