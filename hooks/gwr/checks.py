"""Checks on a parsed report: the structure looks like a report's, and every line is placed once.

Each finding is a :class:`ParseWarning` with ``file:line`` that says what to check; the build is
strict, so a finding stops it. A maintainer who has checked the text and finds it right can set
lines aside in the registry (``set_aside``), never edit the seed.
"""

from __future__ import annotations

import re
from collections import Counter

from .ingest.classify import QUOTE, strip_emphasis
from .ingest.normalise import Source
from .model import Block, Document, ParseWarning, Section

PART_HEADING_WARN = 50
SECTION_HEADING_WARN = 80
SWALLOW_SHARE = 0.85
PLAN_PART = re.compile(r"安排|任务|目标|重点工作|总体要求|工作建议|主要工作")
TARGETS = re.compile(r"预期目标|主要目标|发展目标|目标是|目标为")
HAN = re.compile(r"[\u3400-\u9fff]")
WS = " \t\u3000\u00a0\u2002\u2003\u2009\u200b"


def content_lines(source: Source) -> dict[int, str]:
    """Every line with text in it (blank and bare ``>`` lines excluded), by line number."""
    out = {}
    for no, raw in enumerate(source.lines, start=1):
        text = strip_emphasis(QUOTE.sub("", raw, count=1) if QUOTE.match(raw) else raw).strip(WS)
        if text and text not in ("**", "__"):
            out[no] = text
    return out


def _body_text(doc: Document) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of every text the report shows: front matter, headings, blocks, notes."""
    out = []
    f = doc.front
    for value, line in ((f.title, f.title_line), (f.delivery, f.delivery_line), (f.speaker, f.speaker_line),
                        (f.salutation, f.salutation_line)):
        if value:
            out.append((line, line, value))

    def blocks(items):
        for b in items:
            out.append((b.line, b.end_line, b.text + (b.detail or "")))

    blocks(doc.preamble)
    for part in doc.parts:
        out.append((part.line, part.heading_end or part.line, part.num + part.heading))
        for child in part.children:
            if isinstance(child, Section):
                out.append((child.line, child.heading_end or child.line, child.num + child.heading))
                blocks(child.blocks)
            else:
                blocks([child])
    blocks(doc.closing)
    for annex in doc.annexes:
        out.append((annex.line, annex.heading_end, annex.num + annex.heading))
        blocks(annex.blocks)
    if doc.notes_heading:
        out.append((doc.notes_line, doc.notes_line, doc.notes_heading))
    for n in doc.notes:
        out.append((n.line, n.end_line, n.num + n.term + n.text))
    return out


def placement(doc: Document, source: Source) -> tuple[list[int], Counter, Counter]:
    """(lines placed nowhere, Han characters of the source, Han characters of what the site shows or sets aside)."""
    lines, shown, unplaced = _placed(doc, source)
    return (unplaced, *_counts(doc, lines, shown))


def _placed(doc: Document, source: Source) -> tuple[dict[int, str], list[tuple[int, int, str]], list[int]]:
    """(the source's lines with text, the texts the report shows, the lines placed nowhere)."""
    lines = content_lines(source)
    covered: set[int] = set(doc.ignored)
    for a, b in doc.front.spans:
        covered.update(range(a, b + 1))
    shown = _body_text(doc)
    for a, b, _ in shown:
        covered.update(range(a, b + 1))
    for s in doc.set_aside:
        covered.update(range(s.line, s.end_line + 1))
    return lines, shown, sorted(n for n in lines if n not in covered)


def _counts(doc: Document, lines: dict[int, str], shown: list) -> tuple[Counter, Counter]:
    # counted from one list of characters each (Counter counts a list in C; a generator, a step of Python a character)
    src = Counter(HAN.findall("\n".join(lines.values())))
    out = Counter(HAN.findall("\n".join(t for _, _, t in shown)))
    out.update(HAN.findall("\n".join(s.text for s in doc.set_aside)))
    return src, out


_NOT_HAN = re.compile(HAN.pattern.replace("[", "[^", 1) + "+")
"""What is not counted: the complement of :data:`HAN`, derived from it so the two never disagree."""


def _han_difference(doc: Document, lines: dict[int, str], shown: list) -> tuple[Counter, Counter]:
    """(Han characters lost, Han characters extra). When the source's Han characters and those of what is shown or
    set aside, in line order, are the same sequence, neither is counted: none is lost or extra (the report's
    characters counted one by one took a fifth of its checks)."""
    ordered = sorted([(a, t) for a, _, t in shown] + [(s.line, s.text) for s in doc.set_aside], key=lambda x: x[0])
    if _NOT_HAN.sub("", "".join(lines.values())) == _NOT_HAN.sub("", "".join(t for _, t in ordered)):
        return Counter(), Counter()
    src, out = _counts(doc, lines, shown)
    return src - out, out - src


def check(doc: Document, source: Source) -> list[ParseWarning]:
    file = doc.meta.file
    found: list[ParseWarning] = []

    def warn(line: int, message: str) -> None:
        found.append(ParseWarning(file, line, message))

    removed = sum(source.removed.values())
    if removed > max(20, sum(len(ln) for ln in source.lines) // 200):
        first = min(source.removed)
        warn(first, f"{removed} control characters (NUL or similar) removed from the text: check the file's encoding "
             "(UTF-16 without a byte-order mark?)")
    for part in doc.parts:
        # Han characters are what a heading that swallowed paragraphs is made of
        n = len(HAN.findall(part.heading))
        if n > PART_HEADING_WARN:
            warn(part.line, f"part heading of {n} characters: check that the lines after the part "
                 "line were not joined into it (a text with one paragraph per line?)")
        for sec in part.sections:
            n = len(HAN.findall(sec.heading))
            if n > SECTION_HEADING_WARN:
                warn(sec.line, f"section heading of {n} characters: check where the heading ends")
    sizes = [sum(len(t) for _, _, t in _part_texts(p)) for p in doc.parts]
    total = sum(sizes)
    if len(doc.parts) >= 2 and total:
        for part, size in zip(doc.parts, sizes):
            if size / total > SWALLOW_SHARE:
                warn(part.line, f"part {part.num or part.ordinal} holds {size / total:.0%} of the report's text: check "
                     "that the next part lines were recognised")
    if doc.meta.kind == "full":
        plan = [p for p in doc.parts if PLAN_PART.search(p.heading)]
        if plan and not any(TARGETS.search(t) for p in plan for _, _, t in _part_texts(p)):
            warn(plan[0].line, "the plan part has no targets sentence (主要预期目标…): check that its paragraphs "
                 "were read as text, not joined into a heading")
    lines, shown, unplaced = _placed(doc, source)
    for run in _runs(unplaced):
        warn(run[0], f"text not placed (line{'s' if len(run) > 1 else ''} {run[0]}"
             f"{'–' + str(run[-1]) if len(run) > 1 else ''}): it is neither in the report nor set aside")
    lost, extra = _han_difference(doc, lines, shown)
    if lost or extra:
        warn(1, f"text lost or duplicated while parsing: {sum(lost.values())} Han characters missing "
             f"({''.join(sorted(lost))[:20]}), {sum(extra.values())} extra ({''.join(sorted(extra))[:20]})")
    return found


def _part_texts(part):
    out = [(part.line, part.line, part.heading)]
    for child in part.children:
        if isinstance(child, Section):
            out.append((child.line, child.line, child.heading))
            out.extend((b.line, b.end_line, b.text) for b in child.blocks)
        elif isinstance(child, Block):
            out.append((child.line, child.end_line, child.text))
    return out


def _runs(numbers: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs
