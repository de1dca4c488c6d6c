"""The text of a report's units, for the parser (:mod:`gwr.parser`): lines joined, lead sentences, heading-like
lines, the trailing footer of a page, the report's own notes. Pure functions of the ingest stage's units."""

from __future__ import annotations

import re

from .ingest.classify import Classified, NOTE_ITEM, THEMATIC_BREAK
from .ingest.group import ITEM, MD_HEADING, PART_NUM, SECTION_NUM, Unit
from .model import Note

TERMINAL = "。！？!?；;"
# A line that is a sentence or clause ends with one of these; a heading does not.
CLAUSE_END = TERMINAL + "：:，,、"

LINK_ONLY = re.compile(r"^(?:\[[^\]]*\]\([^)\s]*\)\s*)+$")
PAGE_MARKER = re.compile(r"^[（(]\s*(?:上接|下转|接|转)\s*(?:第)?\s*[A-Z]?\d+\s*(?:版)?\s*[）)]$")
FOOTER_LINE = re.compile(r"^(?:作者|URL|原文链接|原文地址|本文链接|来源|责任编辑|编辑)\s*[:：]")
HAN = re.compile(r"[\u3400-\u9fff]")
LEAD_MAX = 30
PART_HEADING_MAX = 60
"""Longer part headings are split at their first full stop (a part line that opens a paragraph)."""
DUPLICATE_MIN = 20
"""Units at least this long that repeat an earlier unit word for word are set aside as duplicates."""


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: no space between Han text, one space between Latin words."""
    out = ""
    for p in parts:
        if out and p and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out


def is_heading_like(text: str) -> bool:
    """A short standalone line without sentence punctuation, e.g. a plain-text part line."""
    return (
        0 < len(text) <= 40
        and bool(HAN.search(text))
        and text[-1] not in CLAUSE_END
        and not any(c in text for c in "。！？；")
        and not SECTION_NUM.match(text)
        and not ITEM.match(text)
        and not LINK_ONLY.match(text)
    )


def split_lead(text: str) -> tuple[str | None, str]:
    """Return (lead sentence, rest) when the text opens with a short sentence that works as a title."""
    m = re.match(r"^(——)?([^。！？]{2,%d}[。！？])(.+)$" % LEAD_MAX, text, re.S)
    if not m:
        return None, text
    return m.group(2), m.group(3)


def unit_text(unit: Unit) -> str:
    """A unit's lines joined (see :func:`join_lines`); a line glued to the one before (no break in the source) is
    joined without a space."""
    out = ""
    for ln in unit.lines:
        out = out + ln.text if ln.glued else join_lines([out, ln.text])
    return out


def footer_start(units: list[Unit]) -> int | None:
    """Index of the first unit of a trailing footer (after a rule, or footer lines), if any."""
    for i, unit in enumerate(units):
        if THEMATIC_BREAK.match(unit.first) and len(unit.lines) == 1:
            rest = units[i + 1:]
            if rest and not any(is_structural(r) for r in rest) and not any(len(unit_text(r)) > 80 for r in rest):
                return i
    # a footer without a rule: trailing units made only of "作者: …", "URL: …" lines
    j = len(units)
    while j > 0 and all(FOOTER_LINE.match(ln.text) for ln in units[j - 1].lines):
        j -= 1
    return j if j < len(units) else None


def is_structural(unit: Unit) -> bool:
    """A heading, a part line or a section head."""
    first = unit.first
    return bool(MD_HEADING.match(first) or PART_NUM.match(first) or SECTION_NUM.match(first))


def notes_of(classified: Classified) -> tuple[str, int, list[Note]]:
    """The report's own notes (set aside by the ingest stage): their heading, its line, and each note."""
    notes = classified.notes
    out = []
    for k, entry in enumerate(notes.entries, start=1):
        first = entry[0].text
        m = NOTE_ITEM.match(first)
        num = m.group(1) if m else ""
        rest = first[m.end():] if m else first
        term, body = "", rest
        tm = re.match(r"^(.{1,30}?)[：:]\s*(.*)$", rest)
        if tm:
            term, body = tm.group(1), tm.group(2)
        text = join_lines([body] + [ln.text for ln in entry[1:]] if body else [ln.text for ln in entry[1:]])
        out.append(Note(num, term, text, entry[0].no, entry[-1].no, ordinal=k))
    return notes.heading.text.strip("#：: "), notes.heading.no, out
