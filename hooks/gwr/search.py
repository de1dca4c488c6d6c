"""The search index: one entry per section (and per part's own paragraphs),
each carrying its paragraphs so a hit links to the paragraph that matched;
sharded so that a query fetches only what it needs (see "the sharded index").

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

from dataclasses import dataclass

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


# --- the sharded index -----------------------------------------------------------------------------
#
# Every entry (a section, a part's own paragraphs, a report's opening, a hand-written page) is split into
# fields: 0 is its heading, 1… its paragraphs. A field's normalised text (norm, as gwr.js) is a stream of
# units: each Han character, each run of [a-z0-9], and a gap for each run of anything else. The index maps
# keys to the positions where they occur: a Han character with the Han character after it (低空), a Han
# character followed by anything else (济), a Latin word (economy). A query is matched exactly from the
# positions (低空经济 = 低空 at p, 空经 at p+1, 经济 at p+2), so its counts per heading, lead sentence and
# paragraph, and therefore the ranking, are those of a search of the whole text; but the browser fetches
# only the small manifest, the shards holding the query's keys, and the text of the results it shows.
#
# Files, per edition: ``search-index.json`` (the manifest: ``n`` entries, ``shards`` = the first key of each
# shard in key order, ``chunks`` = the first entry of each text chunk, ``bases`` = the first entry of each
# report, ``terms``, ``syn``), ``search/s/<i>.json`` (``{key: postings}``), ``search/d/<i>.json`` (entries
# ``{u, t, c, p: [[id, text], …]}``). Postings are a flat list of integers: ``-1-r`` starts the groups of
# report ``r`` (its entries are ``bases[r] + local number``), then groups ``local entry, field, count,
# values…``, the values being 2 × position + (1 if in the lead sentence), the first as such and each next
# one as the difference from the one before.

SCHEMA = "gwr-search/2"
SHARD_BYTES = 20_000
"""Postings per shard (JSON bytes, before compression); a single key can exceed it."""
CHUNK_BYTES = 16_000
"""Text per chunk of entries (JSON bytes): a result list fetches a chunk per entry shown, at most."""

_FULL = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULL[0x3000] = 0x20
_UNIT = re.compile(r"([\u3400-\u9fff])|([a-z0-9]+)|[^\u3400-\u9fffa-z0-9]+")


def norm(text: str) -> str:
    """Full-width ASCII to ASCII, ideographic space to space, lower case (as gwr.js)."""
    return text.translate(_FULL).lower()


def _keys(text: str, lead: tuple[int, int] | None, out: dict[str, list[int]]) -> None:
    """Add ``key -> [2 × position + in lead]`` of one field's normalised text to ``out``."""
    units = []
    pos = 0
    for m in _UNIT.finditer(text):
        if m.group(1) or m.group(2):
            units.append((pos, m.group(1), m.group(2), m.start(), m.end()))
        pos += 1
    a, b = lead or (0, -1)
    n = len(units)
    for i, (p, han, word, start, end) in enumerate(units):
        if han:
            nxt = units[i + 1] if i + 1 < n else None
            if nxt is not None and nxt[1] and nxt[0] == p + 1:
                key, end = han + nxt[1], nxt[4]
            else:
                key = han
        else:
            key = word
        out.setdefault(key, []).append(2 * p + (1 if a <= start and end <= b else 0))


def _lead_span(text: str, lead: str) -> tuple[int, int] | None:
    if not lead:
        return None
    at = text.find(lead)
    return (at, at + len(lead)) if at >= 0 else None


@dataclass
class Part:
    """The index of some entries (one report's, or the hand-written pages'), ready to be merged."""

    entries: list[dict]
    postings: dict[str, str]
    """Key -> its groups in these entries, as comma-separated integers (local entry numbers)."""


def index_part(entries: list[dict]) -> Part:
    """Postings of entries ``{u, t, c, h, p: [[id, text, lead], …]}``, numbered from 0."""
    groups: dict[str, list[str]] = {}
    shown = []
    for e, entry in enumerate(entries):
        head = norm(entry["h"] if entry["h"] == entry["t"] else f"{entry['h']} {entry['t']}")
        fields = [(head, None)] + [(norm(text), _lead_span(norm(text), norm(lead))) for _, text, lead in entry["p"]]
        for f, (text, lead) in enumerate(fields):
            found: dict[str, list[int]] = {}
            _keys(text, lead, found)
            for key, ps in found.items():  # positions as the first and the differences (small numbers)
                deltas = [ps[0]] + [y - x for x, y in zip(ps, ps[1:])]
                groups.setdefault(key, []).append(f"{e},{f},{len(ps)},{','.join(map(str, deltas))}")
        shown.append({"u": entry["u"], "t": entry["t"], "c": entry["c"], "p": [[i, t] for i, t, _ in entry["p"]]})
    return Part(shown, {k: ",".join(v) for k, v in groups.items()})


def report_part(doc: Document, ed: Edition) -> Part:
    return index_part(report_entries(doc, ed))


def page_entries(pages: list[dict]) -> list[dict]:
    """Hand-written pages (``{u, t, text}``) as entries."""
    return [{"u": p["u"], "t": p["t"], "c": "", "h": p["t"], "p": [["", p["text"], ""]]}
            for p in sorted(pages, key=lambda p: p["u"])]


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def index_files(parts: list[Part], terms: list[str], lang: str, synonyms: list[list[str]] | None = None) -> dict[str, str]:
    """The files of one edition's index, by path under the site: the manifest, the shards, the text chunks."""
    bases, n = [], 0
    for part in parts:
        bases.append(n)
        n += len(part.entries)
    keys: dict[str, list[str]] = {}
    for r, part in enumerate(parts):
        for key, groups in part.postings.items():
            keys.setdefault(key, []).append(f"{-1 - r},{groups}")
    files: dict[str, str] = {}
    shards: list[str] = []
    body: list[str] = []
    size = 0

    def flush() -> None:
        nonlocal body, size
        if body:
            files[f"search/s/{len(shards) - 1}.json"] = "{" + ",".join(body) + "}"
        body, size = [], 0

    for key in sorted(keys):
        item = f'"{key}":[{",".join(keys[key])}]'
        if not body or size + len(item) > SHARD_BYTES:
            flush()
            shards.append(key)
        body.append(item)
        size += len(item)
    flush()
    chunks: list[int] = []
    chunk: list[str] = []
    size = 0
    e = 0
    for part in parts:
        for entry in part.entries:
            item = _dump(entry)
            if not chunk or size + len(item) > CHUNK_BYTES:
                if chunk:
                    files[f"search/d/{len(chunks) - 1}.json"] = "[" + ",".join(chunk) + "]"
                chunks.append(e)
                chunk, size = [], 0
            chunk.append(item)
            size += len(item)
            e += 1
    if chunk:
        files[f"search/d/{len(chunks) - 1}.json"] = "[" + ",".join(chunk) + "]"
    import hashlib

    version = hashlib.sha256("".join(files[k] for k in sorted(files)).encode("utf-8")).hexdigest()[:12]
    files["search-index.json"] = _dump({"schema": SCHEMA, "lang": lang, "v": version, "n": n, "shards": shards,
                                        "chunks": chunks, "bases": bases, "terms": terms, "syn": synonyms or []})
    return files


def index_json(docs: list[Document], pages: list[dict], terms: list[str], lang: str,
               eds: dict[str, Edition] | None = None, synonyms: list[list[str]] | None = None) -> dict[str, str]:
    """The index of one edition (see :func:`index_files`); ``pages`` are hand-written pages as ``{"u", "t", "text"}``.

    ``synonyms`` are groups of equivalent English forms (from the glossary): a query that is one of
    them matches any of them.
    """
    parts = [report_part(doc, (eds or {}).get(doc.meta.id) or Edition(lang)) for doc in docs]
    parts.append(index_part(page_entries(pages)))
    return index_files(parts, terms, lang, synonyms)
