"""Glossary pages and in-text term marking. Pure functions over the model and the glossary.

The glossary is split by category (``/glossary/<category>/``; ``/glossary/`` lists the categories), and
each entry counts its use and links to the latest reports only, with a search for every use: a page
that listed every paragraph using every term grew with the square of the site (6.9 MB at 200 reports).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import quote

from .export import node_path
from .glossary import CATEGORIES, Matcher, Term
from .model import Document
from .markup import attr, esc, front_matter, md_esc, ROOT_HREF
from .render import part_num, section_num
from .slots import slot
from .translations import sources

GLOSSARY_HREF = "@@gwr-glossary@@"
"""Placeholder for the relative link to the glossary's folder (``…/glossary/``); each page renderer fills it in."""

CATEGORY_LABELS = {
    "programme": ("规划与工程", "Programmes and projects"),
    "slogan": ("提法与口号", "Formulations and slogans"),
    "concept": ("理念与概念", "Concepts"),
    "place": ("地区与园区", "Places and zones"),
    "institution": ("机构", "Institutions"),
    "event": ("会议与活动", "Events"),
    "measure": ("政策与举措", "Policies and measures"),
    "indicator": ("统计指标", "Indicators"),
    "industry": ("产业与技术", "Industries and technologies"),
}


def marker(matcher: Matcher, lang_of_page: str):
    """A Marker (see markup.Marker): escapes text and links glossary terms to their entries."""

    def mark(text: str, lang: str, seen: set | None = None) -> str:
        """``seen`` (one set per paragraph) limits marking to a term's first occurrence in it."""
        out, pos = [], 0
        for start, end, term in matcher.find(text, lang):
            if seen is not None:
                if term.id in seen:
                    continue
                seen.add(term.id)
            # The tooltip (rendering and explanation) is shown by gwr.js from the category's data (tips_files),
            # so the text is not repeated at every marked term.
            out.append(esc(text[pos:start]))
            out.append(f'<a class="gwr-term" href="{GLOSSARY_HREF}{term.category}/#term-{term.id}">'
                       f'{esc(text[start:end])}</a>')
            pos = end
        out.append(esc(text[pos:]))
        return "".join(out)

    return mark


def tips_files(terms: list[Term], lang: str) -> dict[str, str]:
    """The tooltips' data, one file per category beside its page (``glossary/<category>/tips.json``):
    ``{id: [rendering in the other language, explanation in the edition's language]}``.

    gwr.js fetches the file of a term's category (from the term link's address) when the page has marked its
    terms, or at the first hover; the browser keeps it for the next page. Pages carry none of it: inline, a report
    page's own terms were up to 60 KB.
    """
    out: dict[str, dict] = {}
    for t in terms:
        out.setdefault(t.category, {})[t.id] = [t.en, t.note_zh] if lang == "zh" else [t.zh, t.note_en]
    return {f"glossary/{cat}/tips.json": json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
            for cat, data in out.items()}


def glossary_json(terms: list[Term]) -> str:
    """The glossary as open data."""
    data = {"schema": "gwr-glossary/1", "terms": [
        {"id": t.id, "zh": t.zh, "en": t.en, "variants": t.variants, "category": t.category,
         "note": {"zh": t.note_zh, "en": t.note_en}} for t in terms]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


@dataclass
class Usage:
    """Where a term is used: counts, and the first use in each report."""

    paragraphs: int = 0
    reports: list[tuple[Document, str, int]] = field(default_factory=list)
    """(report, node id of the first use, paragraphs using the term), in registry order."""


class TermUses:
    """One report's use of the glossary's terms (:func:`report_usage`), held as one text: the build keeps every
    report's from one build to the next (gwr.pipeline.memo), and read back from the disk cache as a dict it was
    four new objects per term and report (100x: ~9 MB)."""

    __slots__ = ("text",)

    def __init__(self, uses: dict[str, tuple[str, int]]):
        self.text = "\n".join(f"{tid}\t{node}\t{n}" for tid, (node, n) in uses.items())

    def items(self):
        """``(term id, (node of its first use, nodes using it))``, in the order of first use."""
        for line in self.text.split("\n") if self.text else ():
            tid, node, n = line.split("\t")
            yield tid, (node, int(n))


def report_usage(doc: Document, matcher: Matcher) -> TermUses:
    """Term id -> (node of its first use, nodes using it) in one report's Chinese text."""
    first: dict[str, str] = {}
    nodes: dict[str, set[str]] = {}
    for src in sources(doc):
        if src.ctx.startswith("front."):
            continue
        node = src.ctx.split(".")[0]
        for _, _, term in matcher.find(src.text, "zh"):
            first.setdefault(term.id, node)
            nodes.setdefault(term.id, set()).add(node)
    return TermUses({tid: (node, len(nodes[tid])) for tid, node in first.items()})


def usages(docs: list[Document], matcher: Matcher, per_report=None) -> dict[str, Usage]:
    """Term id -> its use in the reports' Chinese text (a node counts once per term), report by report.

    ``per_report(doc)``, when given, returns :func:`report_usage` of a report (from a memo)."""
    found: dict[str, Usage] = {}
    for doc in docs:
        for tid, (node, n) in (per_report(doc) if per_report else report_usage(doc, matcher)).items():
            use = found.setdefault(tid, Usage())
            use.paragraphs += n
            use.reports.append((doc, node, n))
    return found


def _node_label(doc: Document, node: str, lang: str) -> str:
    """A short citation label: 2025 · 二（三）¶4 / 2025 · II (3) ¶4 (kept on the document: pages ask for the same
    labels many times, and a document does not change once parsed)."""
    labels = doc.__dict__.setdefault("_labels", {})
    key = (node, lang)
    if key not in labels:
        labels[key] = _make_label(doc, node, lang)
    return labels[key]


def _make_label(doc: Document, node: str, lang: str) -> str:
    head = f"{doc.meta.year}" + ("（摘要）" if doc.meta.kind == "summary" and lang == "zh" else
                                 " (summary)" if doc.meta.kind == "summary" else "")
    pieces = node.split("__")
    label = []
    for piece in pieces:
        kind, _, n = piece.rpartition("_")
        part = next((p for p in doc.parts if p.id == piece), None)
        if kind == "part" and part is not None:
            label.append(part_num(part, lang).strip() or f"{n}")
        elif kind == "sec":
            sec = next(s for p in doc.parts for s in p.sections if s.id == "__".join(pieces[: pieces.index(piece) + 1]))
            label.append(section_num(sec, lang).strip())
        elif kind in ("para", "item"):
            label.append(("¶" if kind == "para" else "•") + n)
        elif kind in ("preamble", "closing") or piece in ("preamble", "closing"):
            label.append({"preamble": "开篇" if lang == "zh" else "opening",
                          "closing": "结束语" if lang == "zh" else "closing"}[piece.split("_")[0]])
    return f"{head} · {' '.join(label)}"


GLOSSARY_LATEST = 3
"""Reports linked from each glossary entry (the latest); the search finds every use."""

TEXT = {
    "zh": {"title": "术语表", "also": "等同译法", "uses": "出现于{paras}段、{reports}份报告", "unused": "本站收录的报告中尚未出现",
           "latest": "最近", "all": "检索全部用例", "sep": "；", "terms": "{n}个术语",
           "intro": "本表收录报告中的专门术语：中文原文、英文译法（有官方译法的采用官方译法）、等同译法和一句话解释，按类别分页。"
                    "每个术语注明使用它的段落数和报告数，链接到最近几份报告中的用例，并可在全部报告中检索。正文中带虚线下划线的词语链接到本表。",
           "category_intro": "本页是术语表的一个类别。每个术语注明使用它的段落数和报告数，链接到最近{k}份报告中的第一处用例；"
                             "“检索全部用例”列出全部报告中的用例。"},
    "en": {"title": "Glossary", "also": "Also", "uses": "Used in {paras} paragraphs of {reports} reports",
           "unused": "Not yet used in the reports on this site", "latest": "latest", "all": "search every use", "sep": "; ",
           "terms": "{n} terms",
           "intro": "The terms of the reports: the Chinese form, the English rendering (the official one where it exists), "
                    "equivalent variants and a one-line explanation, one page per category. Each entry counts the "
                    "paragraphs and reports that use the term, links to its use in the latest reports, and searches "
                    "every report for it. Terms underlined with dots in the text link here. The renderings and "
                    "explanations are the project's own work.",
           "category_intro": "One category of the glossary. Each entry counts the paragraphs and reports that use the "
                             "term and links to its first use in the latest {k} reports; \"search every use\" lists "
                             "its use in every report."},
}


def category_src(cat: str) -> str:
    return f"glossary/{cat}.md"


def _fm(title: str) -> str:
    return front_matter(title, "search:\n  exclude: true\n")


def render_glossary_index(terms: list[Term], lang: str) -> str:
    """``glossary.md``: the categories. An old link to ``/glossary/#term-<id>`` is forwarded to the term's page."""
    tx = TEXT[lang]
    zh = lang == "zh"
    out = [_fm(tx["title"]), f"# {tx['title']} {{#glossary}}\n", md_esc(tx["intro"]) + "\n"]
    for cat in CATEGORIES:
        n = sum(1 for t in terms if t.category == cat)
        if n:
            out.append(f"- [{md_esc(CATEGORY_LABELS[cat][0 if zh else 1])}](glossary/{cat}.md) "
                       f"({tx['terms'].format(n=n)})")
    out.append("")
    # Entries were on this page until the glossary was split by category: keep their links working.
    out.append(slot(
        '<script>(function(){var h=location.hash;if(h.indexOf("#term-")!==0)return;'
        f'fetch("{ROOT_HREF}data/glossary.json").then(function(r){{return r.json()}}).then(function(d){{'
        'var id=decodeURIComponent(h.slice(6));d.terms.forEach(function(t){if(t.id===id)'
        'location.replace(t.category+"/"+h)})}).catch(function(){})})()</script>') + "\n")
    return "\n".join(out)


def render_glossary_category(cat: str, terms: list[Term], uses: dict[str, Usage], lang: str) -> str:
    """``glossary/<cat>.md``: the terms of one category, each with its use counted and the latest uses linked."""
    tx = TEXT[lang]
    zh = lang == "zh"
    label = CATEGORY_LABELS[cat][0 if zh else 1]
    out = [_fm(f"{label} · {tx['title']}"), f"# {md_esc(label)} {{#cat-{cat}}}\n",
           f"[{md_esc(tx['title'])}](../glossary.md) › {md_esc(label)}\n{{: .gwr-crumbs }}\n",
           md_esc(tx["category_intro"].format(k=GLOSSARY_LATEST)) + "\n"]
    entries = []
    group = [t for t in terms if t.category == cat]
    for term in sorted(group, key=lambda t: t.en.lower().removeprefix("the ")):
        use = uses.get(term.id)
        if use:
            latest = sorted(use.reports, key=lambda r: (-r[0].meta.year, r[0].meta.kind, r[0].meta.city))
            links = [f'<a href="{attr(ROOT_HREF + node_path(doc, node))}">'
                     f'{esc(_report_label(doc, lang))} · {esc(_node_label(doc, node, lang).split(" · ", 1)[1])}</a>'
                     for doc, node, _ in latest[:GLOSSARY_LATEST]]
            query = term.zh if zh else term.en
            uses_html = (f'{esc(tx["uses"].format(paras=use.paragraphs, reports=len(use.reports)))}'
                         f'{"：" if zh else ": "}{esc(tx["latest"])} {tx["sep"].join(links)}'
                         f'{tx["sep"]}<a class="gwr-term-search" href="{ROOT_HREF}?q={quote(query)}">{esc(tx["all"])}</a>')
        else:
            uses_html = esc(tx["unused"])
        variants = ", ".join(term.variants)
        note_primary, note_other = (term.note_zh, term.note_en) if zh else (term.note_en, term.note_zh)
        other_lang = "en" if zh else "zh"
        entries.append(
            f'<div class="gwr-term-entry" id="term-{term.id}">'
            f'<p class="gwr-term-head"><strong lang="zh">{esc(term.zh)}</strong> '
            f'<span lang="en">{esc(term.en)}</span></p>'
            + (f'<p class="gwr-term-var">{tx["also"]}{"：" if zh else ": "}<span lang="en">{esc(variants)}</span></p>'
               if variants else "")
            + f'<p>{esc(note_primary)}</p><p class="gwr-term-other" lang="{other_lang}">{esc(note_other)}</p>'
            + f'<p class="gwr-term-uses">{uses_html}</p></div>'
        )
    out.append(slot("".join(entries)) + "\n")
    return "\n".join(out)


def _report_label(doc: Document, lang: str) -> str:
    city = doc.meta.city if lang == "zh" else (doc.meta.city_en or doc.meta.city)
    return f"{city} {doc.meta.year}" + (("（摘要）" if lang == "zh" else " (summary)") if doc.meta.kind == "summary" else "")


def files(terms: list[Term], docs: list[Document], matcher: Matcher, lang: str, per_report=None) -> dict[str, str]:
    """The glossary's pages of one edition, by src path (its open data: :func:`glossary_json`)."""
    uses = usages(docs, matcher, per_report)
    out = {"glossary.md": render_glossary_index(terms, lang)}
    for cat in CATEGORIES:
        if any(t.category == cat for t in terms):
            out[category_src(cat)] = render_glossary_category(cat, terms, uses, lang)
    return out


def nav(terms: list[Term], lang: str) -> list:
    if not terms:
        return []
    zh = lang == "zh"
    cats = [{CATEGORY_LABELS[c][0 if zh else 1]: category_src(c)} for c in CATEGORIES if any(t.category == c for t in terms)]
    return [{TEXT[lang]["title"]: ["glossary.md"] + cats}]
