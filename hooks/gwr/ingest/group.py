"""Group lines into units (paragraphs, headings, items) by the text's layout family.

- ``blank-lines``: a unit is a run of non-blank lines with the same quoting, split again where a
  line is indented or opens with a part, section, item or highlight marker (hard-wrapped lines
  and a heading broken over two lines stay together).
- ``one-per-line``: every line is a unit, except fragments that a web page's inline markup split
  off (``……细颗粒物（PM`` / ``2.5`` / ``年平均浓度……``; ``……发展的`` / ``主要目标`` / ``是：……``):
  a line joins the next when its brackets or quotes are open, when it ends in a character that
  cannot end a sentence or heading (的、在、和、，…), or when the next line cannot start one.
- ``wrapped``: lines are joined until a line is shorter than the wrap width (the last line of a
  paragraph, or a heading), or the next line is indented or opens with a marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .classify import CLOSERS, TERMINAL, THEMATIC_BREAK, Layout, Line

NUMERALS = "〇零一二三四五六七八九十百"
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
PART_NUM = re.compile(rf"^([{NUMERALS}]+)、\s*(.*)$")
SECTION_NUM = re.compile(rf"^([（(])\s*([{NUMERALS}]+)\s*([）)])\s*(.*)$")
ITEM = re.compile(r"^[-*•·]\s+(.*)$")

CONTINUES = set("的之在和与及或对为把将从向以于届第、，,（(“‘《「·/")
CANNOT_START = set("，。、；：）)”’》」,.;:!?！？%％")


@dataclass
class Unit:
    """A run of lines that the parser reads as one thing (a paragraph, a heading, an item list)."""

    lines: list[Line]
    quote_group: int | None

    @property
    def line(self) -> int:
        return self.lines[0].no

    @property
    def end_line(self) -> int:
        return self.lines[-1].no

    @property
    def first(self) -> str:
        return self.lines[0].text

    @property
    def quoted(self) -> bool:
        return self.quote_group is not None

    @property
    def raw_text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


def is_marker(text: str) -> bool:
    return bool(MD_HEADING.match(text) or PART_NUM.match(text) or SECTION_NUM.match(text) or ITEM.match(text)
                or text.startswith("——") or THEMATIC_BREAK.match(text))


def _open(text: str) -> bool:
    return (text.count("（") + text.count("(") > text.count("）") + text.count(")")
            or text.count("“") > text.count("”") or text.count("《") > text.count("》"))


def _ends_sentence(text: str) -> bool:
    return text.rstrip(CLOSERS)[-1:] in TERMINAL + "：:"


def joins_next(cur: str, nxt: str) -> bool:
    """In one-paragraph-per-line text: is ``nxt`` the continuation of the fragment ``cur``?"""
    if is_marker(nxt) or THEMATIC_BREAK.match(cur) or MD_HEADING.match(cur):
        return False
    if nxt[:1] in CANNOT_START or re.match(r"^[是为][:：]", nxt):
        return True
    if _ends_sentence(cur):
        return False
    if _open(cur) or cur[-1:] in CONTINUES:
        return True
    if cur[-1:].isascii() and cur[-1:].isalpha() and nxt[:1].isascii() and nxt[:1].isalnum():
        return True  # a Latin token broken in two (PM / 2.5)
    # a bare Latin/number fragment such as "2.5" between two pieces of a sentence
    return bool(re.fullmatch(r"[A-Za-z0-9.％%+\-/]{1,8}", cur))


def _runs(lines: list[Line | None]) -> list[list[Line]]:
    """Runs of consecutive non-blank lines with the same quoting; a thematic break is a run of its own."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for ln in lines:
        if ln is None:
            if current:
                runs.append(current)
            current = []
            continue
        if current and (current[-1].quote != ln.quote or THEMATIC_BREAK.match(ln.text)
                        or THEMATIC_BREAK.match(current[-1].text)):
            runs.append(current)
            current = []
        current.append(ln)
    if current:
        runs.append(current)
    return runs


def _heading_line(ln: Line) -> bool:
    """A part, section or Markdown heading line with no sentence in it."""
    t = ln.text
    return bool((MD_HEADING.match(t) or PART_NUM.match(t) or SECTION_NUM.match(t)) and "。" not in t)


def _starts_unit_blank(prev: Line, ln: Line) -> bool:
    if ln.indented or is_marker(ln.text):
        return True
    # a heading line followed by a paragraph (not a heading broken across two lines)
    return _heading_line(prev) and (len(ln.text) >= 40 or "。" in ln.text[:-1])


def group(lines: list[Line | None], layout: Layout) -> list[Unit]:
    units: list[Unit] = []
    for run in _runs(lines):
        quote = run[0].quote
        # in text whose paragraphs are separated by blank lines, a run whose every line ends a sentence is a
        # run of paragraphs that lost their blank lines, not one hard-wrapped paragraph
        sentences = len(run) > 1 and all(_ends_sentence(ln.text) for ln in run)
        current: list[Line] = []
        for ln in run:
            if not current:
                current = [ln]
                continue
            prev = current[-1]
            if layout.family == "one-per-line":
                new = not joins_next(prev.text, ln.text)
                ln.glued = not new
            elif layout.family == "wrapped":
                # a line shorter than the wrap width ends its paragraph (or is a heading)
                new = ln.indented or is_marker(ln.text) or _heading_line(prev) or len(prev.text) < layout.width - 1
            else:
                new = _starts_unit_blank(prev, ln) or sentences
            if new:
                units.append(Unit(current, quote))
                current = [ln]
            else:
                current.append(ln)
        if current:
            units.append(Unit(current, quote))
    return units
