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

import yaml

from .export import node_path
from .model import Document, Section
from .render import part_title, section_title

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def load_terms(root: Path, name: str = "data/terms.yml") -> list[str]:
    path = root / name
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    terms = data.get("terms") or []
    return sorted({str(x) for x in terms}, key=lambda s: (-len(s), s))


def html_text(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def _paras(blocks) -> list[list]:
    out = []
    for b in blocks:
        text = b.text + ("" if not b.detail else " " + b.detail)
        out.append([b.id, text, b.lead or ""])
    return out


def report_entries(doc: Document) -> list[dict]:
    title = doc.meta.display_title
    entries = []
    front = " ".join(x for x in (doc.front.delivery, doc.front.speaker) if x)
    entries.append(
        {
            "u": node_path(doc, "report"),
            "t": title,
            "c": f"{doc.meta.city} · {doc.meta.year}",
            "h": title,
            "p": ([["preface", front, ""]] if front else []) + _paras(doc.preamble),
        }
    )
    for part in doc.parts:
        own = [c for c in part.children if not isinstance(c, Section)]
        if part is doc.parts[-1]:
            own = own + doc.closing
        entries.append(
            {"u": node_path(doc, part.id), "t": part_title(part), "c": title, "h": part.heading, "p": _paras(own)}
        )
        for section in part.sections:
            entries.append(
                {
                    "u": node_path(doc, section.id),
                    "t": section_title(section),
                    "c": f"{title} · {part_title(part)}",
                    "h": section.heading,
                    "p": _paras(section.blocks),
                }
            )
    return entries


def index_json(docs: list[Document], pages: list[dict], terms: list[str], lang: str) -> str:
    """The whole index; ``pages`` are hand-written pages as ``{"u", "t", "text"}``."""
    entries = []
    for doc in docs:
        entries.extend(report_entries(doc))
    for page in sorted(pages, key=lambda p: p["u"]):
        entries.append({"u": page["u"], "t": page["t"], "c": "", "h": page["t"], "p": [["", page["text"], ""]]})
    return json.dumps({"lang": lang, "terms": terms, "docs": entries}, ensure_ascii=False, separators=(",", ":"))
