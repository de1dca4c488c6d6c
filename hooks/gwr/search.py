"""The search index: one entry per section (and per part's own paragraphs),
each carrying its paragraphs so a hit links to the paragraph that matched.

The browser side (``docs/assets/gwr.js``) matches Han text as exact
substrings, so a term is never split differently at index and query time (the
failure measured for Pagefind in ../shared/STACK.md). Only when a query does
not occur as a whole is it split: first at the domain terms of
``data/terms.yml`` (kept whole, longest first), then at the longest pieces that
do occur in the text. One index per language edition.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .export import node_path
from .datafiles import Schema, Text, load
from .model import Document, Section
from .render import Edition, en_lead, part_title, report_title, section_title

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


class TermsFile(Schema):
    terms: list[Text] = []


def load_terms(root: Path, name: str = "data/terms.yml") -> list[str]:
    found = load(root, name, TermsFile)
    terms = found[0].terms if found else []
    return sorted(set(terms), key=lambda s: (-len(s), s))


def html_text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def _paras(blocks, ed: Edition) -> list[list]:
    """[id, text, lead] per block, in the edition's language; untranslated blocks are left out of an English index."""
    out = []
    for b in blocks:
        if ed.lang == "zh":
            out.append([b.id, b.text + ("" if not b.detail else " " + b.detail), b.lead or ""])
            continue
        text = ed.en_text(b.id)
        if text is None:
            continue
        detail = ed.en_text(f"{b.id}.detail")
        lead = en_lead(text.lstrip("—")) if b.lead else None
        out.append([b.id, text + (" " + detail if detail else ""), lead[0] if lead else ""])
    return out


def report_entries(doc: Document, ed: Edition | None = None) -> list[dict]:
    ed = ed or Edition("zh")
    lang = ed.lang
    title = report_title(doc, lang)
    entries = []
    if lang == "zh":
        front = " ".join(x for x in (doc.front.delivery, doc.front.speaker) if x)
    else:
        front = " ".join(x for x in (ed.en_text("front.delivery"), ed.en_text("front.speaker")) if x)
    city = doc.meta.city if lang == "zh" else (doc.meta.city_en or doc.meta.city)
    entries.append(
        {
            "u": node_path(doc, "report"),
            "t": title,
            "c": f"{city} · {doc.meta.year}",
            "h": title,
            "p": ([["preface", front, ""]] if front else []) + _paras(doc.preamble, ed),
        }
    )
    for part in doc.parts:
        own = [c for c in part.children if not isinstance(c, Section)]
        if part is doc.parts[-1]:
            own = own + doc.closing
        ptitle = part_title(part, lang, ed)
        entries.append({"u": node_path(doc, part.id), "t": ptitle, "c": title, "h": ptitle, "p": _paras(own, ed)})
        for section in part.sections:
            stitle = section_title(section, lang, ed)
            entries.append(
                {
                    "u": node_path(doc, section.id),
                    "t": stitle,
                    "c": f"{title} · {ptitle}",
                    "h": stitle,
                    "p": _paras(section.blocks, ed),
                }
            )
    return entries


def index_json(docs: list[Document], pages: list[dict], terms: list[str], lang: str,
               eds: dict[str, Edition] | None = None, synonyms: list[list[str]] | None = None) -> str:
    """The whole index of one edition; ``pages`` are hand-written pages as ``{"u", "t", "text"}``.

    ``synonyms`` are groups of equivalent English forms (from the glossary): a query that is one of
    them matches any of them.
    """
    entries = []
    for doc in docs:
        entries.extend(report_entries(doc, (eds or {}).get(doc.meta.id) or Edition(lang)))
    for page in sorted(pages, key=lambda p: p["u"]):
        entries.append({"u": page["u"], "t": page["t"], "c": "", "h": page["t"], "p": [["", page["text"], ""]]})
    data = {"lang": lang, "terms": terms, "syn": synonyms or [], "docs": entries}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
