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
import re
import sys
from array import array
from collections import defaultdict, deque
from collections.abc import Iterator
from itertools import accumulate, chain, compress
from operator import sub
from pathlib import Path

from dataclasses import dataclass

from .export import compact, node_path
from .datafiles import Schema, Text, load
from .model import Document, Section
from .blocks import Edition, en_lead
from .render import part_title, report_title, section_title

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
# The files of the index, its segments and shards: gwr.search_files.

_FULL = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULL[0x3000] = 0x20


_WIDE = re.compile("[\uff01-\uff5e\u3000]")
_TABLE = list(range(0xFF5F))
"""_FULL as a list (a code point past its end is left as it is): str.translate looks a code point up in a list in half
the time, as a dict raises (and clears) a KeyError for every character it does not map."""
for _c, _to in _FULL.items():
    _TABLE[_c] = _to


def norm(text: str) -> str:
    """Full-width ASCII to ASCII, ideographic space to space, lower case (as gwr.js)."""
    return text.translate(_TABLE).lower() if _WIDE.search(text) else text.lower()


_UNIT = re.compile(r"(?=([\u3400-\u9fff]{1,2}|[a-z0-9]+))(?:[\u3400-\u9fff]|[a-z0-9]+)|[^\u3400-\u9fffa-z0-9]+")
"""One match per unit of a normalised text (a Han character, a run of [a-z0-9], a run of anything else), its group
the unit's key: the Han character with the Han character after it if there is one, the word, or nothing for a gap."""
_HAN = re.compile(r"[\u3400-\u9fff]")
_GAP = re.compile(r"[^a-z0-9]+")
"""The gaps of a text without Han characters (most of the English edition's): its units are words and gaps in turn."""

P_BITS, F_BITS, E_BITS = 16, 12, 12
"""A value packs (local entry, field, position, in lead) as ((e × 2^12 + f) × 2^16 + p) × 2 + lead: < 2^41, exact in
JavaScript's numbers (which gwr.js decodes with arithmetic, not 32-bit bit operations)."""


def _keys(text: str, lead: tuple[int, int] | None, base: int, keys: list[str], vals: list[int]) -> None:
    """Append the keys of one field's normalised text to ``keys`` and their values to ``vals`` (``base``: the
    field's value at position 0).

    Regular expressions find every unit with its key, so no Python code runs per character (nor per word)."""
    if not text:
        return
    if _HAN.search(text):
        found = _UNIT.findall(text)
        n = len(found)
        vs = list(range(base, base + 2 * n, 2))
        at, step = 0, 1  # unit i is vs[i]
    else:  # words and gaps in turn: word j is unit at + 2j
        found = _GAP.split(text)  # "" first if the text opens with a gap, last if it ends with one
        at, tail = (0 if found[0] else 1), (0 if found[-1] else 1)
        if tail:
            found.pop()
        del found[:at]
        n = at + 2 * len(found) - 1 + tail
        vs = list(range(base + 2 * at, base + 2 * at + 4 * len(found), 4))
        step = 2
    if n >= 1 << P_BITS:
        raise ValueError(f"a field of {n} units is longer than the index allows ({1 << P_BITS})")
    if lead:
        lo, hi = _lead_units(text, *lead)
        lo, hi = max(0, -((at - lo) // step)), min(len(vs), max(0, -((at - hi) // step)))  # unit at + step × i
        if lo < hi:
            vs[lo:hi] = range(vs[lo] + 1, vs[lo] + 1 + 2 * step * (hi - lo), 2 * step)
    if step == 1:
        keys += compress(found, found)
        vals += compress(vs, found)
    else:
        keys += found
        vals += vs


def _lead_units(text: str, a: int, b: int) -> tuple[int, int]:
    """The units in the lead ``text[a:b]`` (the key of each lies inside it), as ``range(lo, hi)``: the units that start
    in it, but the last of them only if its key does not run on past the lead's end (a Han pair or a word cut by it)."""
    lo = len(_UNIT.findall(text, 0, a)) if a else 0  # units that start before the lead
    hi = len(_UNIT.findall(text, 0, b))
    if 0 < b < len(text) and _joined(text[b - 1], text[b]):
        hi -= 1
    return lo, hi


def _joined(a: str, b: str) -> bool:
    """Whether the characters either side of a boundary are in one key (a Han pair, or one word)."""
    return bool(_HAN2.fullmatch(a + b) or _WORD2.fullmatch(a + b))


_HAN2 = re.compile(r"[\u3400-\u9fff]{2}")
_WORD2 = re.compile(r"[a-z0-9]{2}")


def _lead_span(text: str, lead: str) -> tuple[int, int] | None:
    if not lead:
        return None
    at = text.find(lead)
    return (at, at + len(lead)) if at >= 0 else None


@dataclass
class Part:
    """The index of some entries (one report's, or the hand-written pages'), ready to be merged.

    The postings are held compactly until the merge (every report's part is in memory at once, and a dict of
    strings per report took 1 MB a report): the keys in order (interned: one string per key, shared by the parts),
    their postings as one text, line by line, and where each line ends."""

    entries: list[str]
    """The entries, each as the JSON text of its ``search/d/`` file (one text each: a part kept in the disk cache is
    pickled and read back at every build, and as dicts of lists it was a hundred objects an entry)."""
    keys: list[str]
    """The keys of these entries, sorted."""
    values: str
    """The postings of each key, as comma-separated integers, one line per key in the order of ``keys``."""
    ends: array
    """Where each key's line ends in ``values`` (counting the line break after it)."""

    def __getstate__(self) -> dict:
        # the keys as one text: thousands of short strings a report, each an object for pickle to write and read
        return {**self.__dict__, "keys": "\n".join(self.keys)}

    def __setstate__(self, state: dict) -> None:
        # read back from the disk cache: the keys interned again (a pickle has its own copy of each, which for
        # every report's part at once took more memory than the rest of the index: 100x, 110 MB)
        keys = state["keys"]
        state["keys"] = list(map(sys.intern, keys.split("\n"))) if keys else []
        self.__dict__.update(state)


def index_part(entries: list[dict]) -> Part:
    """Postings of entries ``{u, t, c, h, p: [[id, text, lead], …]}``, numbered from 0."""
    if len(entries) >= 1 << E_BITS:
        raise ValueError(f"{len(entries)} entries in one report: more than the index allows ({1 << E_BITS})")
    keys: list[str] = []
    vals: list[int] = []
    shown = []
    for e, entry in enumerate(entries):
        head = norm(entry["h"] if entry["h"] == entry["t"] else f"{entry['h']} {entry['t']}")
        if len(entry["p"]) + 1 >= 1 << F_BITS:
            raise ValueError(f"{entry['u']}: {len(entry['p']) + 1} paragraphs, more than the index allows ({1 << F_BITS})")
        _keys(head, None, (e << F_BITS << P_BITS) << 1, keys, vals)
        for f, (_, text, lead) in enumerate(entry["p"], 1):
            text = norm(text)
            _keys(text, _lead_span(text, norm(lead)), ((e << F_BITS | f) << P_BITS) << 1, keys, vals)
        shown.append(compact({"u": entry["u"], "t": entry["t"], "c": entry["c"], "p": [[i, t] for i, t, _ in entry["p"]]}))
    postings = _postings(keys, vals)
    order = sorted(postings)
    lines = list(map(postings.__getitem__, order))
    return Part(shown, order, "\n".join(lines), array("I", accumulate(len(x) + 1 for x in lines)))


def _postings(keys: list[str], vals: list[int]) -> dict[str, str]:
    """``key -> "first,difference,…"`` of the values (in increasing order) of each key.

    Built with C-level iteration per value (a loop in Python per value costs more than the rest of the index): a
    key's values, each minus the one before it, joined; a step of Python per key only (a sixth less than laying all
    values end to end and cutting the text at the keys)."""
    groups: defaultdict[str, list[int]] = defaultdict(list)
    deque(map(list.append, map(groups.__getitem__, keys), vals), maxlen=0)
    # the keys interned: the same few thousand strings in every report's postings, not one copy per report
    texts = [",".join(map(str, map(sub, g, chain((0,), g)))) for g in groups.values()]
    return dict(zip(map(sys.intern, groups), texts))


def report_part(doc: Document, ed: Edition) -> Part:
    return index_part(report_entries(doc, ed))


def page_entries(pages: list[dict]) -> list[dict]:
    """Hand-written pages (``{u, t, text}``) as entries."""
    return [{"u": p["u"], "t": p["t"], "c": "", "h": p["t"], "p": [["", p["text"], ""]]}
            for p in sorted(pages, key=lambda p: p["u"])]


PAGE_PART_CHARS = 50_000
"""Text of hand-written pages indexed as one part: a part's keys and postings are made at once, ~135 bytes a
character (every page's at once, 260,000 characters at 100x with each city's sources page, raised the build's
peak of memory by 35 MB); a report's part is one report's text."""


def page_parts(pages: list[dict]) -> Iterator[Part]:
    """The hand-written pages (``{u, t, text}``) as parts of about :data:`PAGE_PART_CHARS` of text each (one part,
    maybe empty, at least)."""
    chunk: list[dict] = []
    size, made = 0, False
    for entry in page_entries(pages):
        chunk.append(entry)
        size += len(entry["p"][0][1])
        if size >= PAGE_PART_CHARS:
            yield index_part(chunk)
            chunk, size, made = [], 0, True
    if chunk or not made:
        yield index_part(chunk)
