"""Glossary pages and in-text term marking. Pure functions over the model and the glossary."""

from __future__ import annotations

import json
import re

from .export import node_path
from .glossary import CATEGORIES, Matcher, Term
from .model import Document
from .render import attr, esc, md_esc, part_num, section_num
from .translations import sources

GLOSSARY_HREF = "@@gwr-glossary@@"
"""Placeholder for the relative link to the glossary page; each page renderer fills it in."""

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
    """A Marker (see render.Marker): escapes text and links glossary terms to their entries."""

    def mark(text: str, lang: str, seen: set | None = None) -> str:
        """``seen`` (one set per paragraph) limits marking to a term's first occurrence in it."""
        out, pos = [], 0
        for start, end, term in matcher.find(text, lang):
            if seen is not None:
                if term.id in seen:
                    continue
                seen.add(term.id)
            # The tooltip (rendering and explanation) is shown by gwr.js from the page's own term data
            # (page_terms_script), so the text is not repeated at every marked term.
            out.append(esc(text[pos:start]))
            out.append(f'<a class="gwr-term" href="{GLOSSARY_HREF}#term-{term.id}">{esc(text[start:end])}</a>')
            pos = end
        out.append(esc(text[pos:]))
        return "".join(out)

    return mark


_TERM_LINK = re.compile(r'<a class="gwr-term" href="[^"#]*#term-([A-Za-z0-9_-]+)"')


def page_terms_script(html: str, terms: list[Term], lang: str) -> str:
    """The tooltips' data of one page: only the terms it marks, as a JSON script element ('' if none).

    ``{id: [rendering in the other language, explanation in the page's language]}``, a few KB on a report page
    instead of the whole glossary (data/glossary.json, 200 KB) on every page.
    """
    ids = list(dict.fromkeys(_TERM_LINK.findall(html)))
    by_id = {t.id: t for t in terms}
    data = {i: ([by_id[i].en, by_id[i].note_zh] if lang == "zh" else [by_id[i].zh, by_id[i].note_en])
            for i in ids if i in by_id}
    if not data:
        return ""
    # "<" escaped, so no text in a note can close the script element
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="gwr-terms">{text}</script>'


def glossary_json(terms: list[Term]) -> str:
    """The glossary as open data."""
    data = {"schema": "gwr-glossary/1", "terms": [
        {"id": t.id, "zh": t.zh, "en": t.en, "variants": t.variants, "category": t.category,
         "note": {"zh": t.note_zh, "en": t.note_en}} for t in terms]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def usages(docs: list[Document], matcher: Matcher) -> dict[str, list[tuple[Document, str]]]:
    """Term id -> (report, node id) of every node whose Chinese text uses the term, in reading order."""
    found: dict[str, list[tuple[Document, str]]] = {}
    for doc in docs:
        for src in sources(doc):
            if src.ctx.startswith("front."):
                continue
            node = src.ctx.split(".")[0]
            for _, _, term in matcher.find(src.text, "zh"):
                entry = (doc, node)
                if entry not in found.setdefault(term.id, []):
                    found[term.id].append(entry)
    return found


def _node_label(doc: Document, node: str, lang: str) -> str:
    """A short citation label: 2025 · 二（三）¶4 / 2025 · II (3) ¶4."""
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


def render_glossary(terms: list[Term], docs: list[Document], matcher: Matcher, lang: str) -> str:
    """The glossary page of one edition."""
    uses = usages(docs, matcher)
    zh = lang == "zh"
    title = "术语表" if zh else "Glossary"
    out = [f'---\ntitle: "{title}"\nsearch:\n  exclude: true\n---\n', f"# {title} {{#glossary}}\n"]
    out.append(
        "本表收录报告中的专门术语：中文原文、英文译法（有官方译法的采用官方译法）、等同译法、一句话解释，以及使用该术语的全部段落。"
        "正文中带虚线下划线的词语链接到本表。\n"
        if zh else
        "The terms of the reports: the Chinese form, the English rendering (the official one where it exists), "
        "equivalent variants, a one-line explanation, and every paragraph that uses the term. Terms underlined with "
        "dots in the text link here. The renderings and explanations are the project's own work.\n"
    )
    for cat in CATEGORIES:
        group = [t for t in terms if t.category == cat]
        if not group:
            continue
        label = CATEGORY_LABELS[cat][0 if zh else 1]
        out.append(f"## {md_esc(label)} {{#cat-{cat}}}\n")
        for term in sorted(group, key=lambda t: t.en.lower().removeprefix("the ")):
            links = []
            for doc, node in uses.get(term.id, []):
                href = "../" + node_path(doc, node)
                links.append(f'<a href="{attr(href)}">{esc(_node_label(doc, node, lang))}</a>')
            variants = ", ".join(term.variants)
            note_primary, note_other = (term.note_zh, term.note_en) if zh else (term.note_en, term.note_zh)
            other_lang = "en" if zh else "zh"
            out.append(
                f'<div class="gwr-term-entry" id="term-{term.id}">'
                f'<p class="gwr-term-head"><strong lang="zh">{esc(term.zh)}</strong> '
                f'<span lang="en">{esc(term.en)}</span></p>'
                + (f'<p class="gwr-term-var">{"等同译法：" if zh else "Also: "}<span lang="en">{esc(variants)}</span></p>'
                   if variants else "")
                + f'<p>{esc(note_primary)}</p><p class="gwr-term-other" lang="{other_lang}">{esc(note_other)}</p>'
                + (f'<p class="gwr-term-uses">{"出现于" if zh else "Used in"}（{len(links)}）：{"，".join(links)}</p>'
                   if zh else f'<p class="gwr-term-uses">Used in ({len(links)}): {", ".join(links)}</p>')
                + "</div>\n"
            )
    return "\n".join(out)
