"""Which year or period a part, a block or a sentence of a report speaks of, and whether it states results
(a review) or targets (a plan): from the part's heading and the sentence (“十四五”时期, 过去五年, 到2027年).

Used by the figures (:mod:`gwr.indicators`), the themes and the cross-links."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures import cn_numeral
from .model import Document, Section

SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
"""A sentence: up to its 。；！？ or the end of its line."""
YEAR_TO = re.compile(r"到((?:19|20)\d\d|[〇零一二三四五六七八九]{4})年|((?:19|20)\d\d)年前")
_YEAR_START = re.compile(r"^((?:19|20)\d\d)年[，,]")
_FYP_NUM = r"十([一二三四五六七八九])五|第十([一二三四五六七八九])个五年"
_FYP_SENT = re.compile(r"“?(?:" + _FYP_NUM + r")”?(?:规划)?(?:时期|期间|以来)")
_PAST5 = re.compile(r"过去五年|五年来|这五年来")
_NEXT5 = re.compile(r"今后五年|未来五年")
_REVIEW = re.compile(r"回顾|成果|成效|成绩|成就|总结|过去")
_PLAN = re.compile(r"安排|目标|任务|计划|部署|展望|打算|规划纲要")
_HEAD_YEAR = re.compile(r"((?:19|20)\d\d)年")


# --- context: which year or period, actual or target ----------------------------------------------

def fyp_end(n: int) -> int:
    """Last year of the n-th five-year plan (the 14th is 2021-2025)."""
    return 2025 + 5 * (n - 14)


def fyp_period(n: int) -> tuple[int, int]:
    return fyp_end(n) - 4, fyp_end(n)


def _fyps(text: str) -> list[int]:
    """The five-year plans a text names (“十五五”, 第十五个五年规划), in order."""
    return [cn_numeral(a or b) + 10 for a, b in re.findall(_FYP_NUM, text)]


def part_context(doc: Document, heading: str) -> tuple[int | None, str | None]:
    """(year referred to, kind) of the figures of a part, from its heading.

    A part on a five-year plan gives the last year of the plan it looks ahead to (or reviews).
    """
    m = _HEAD_YEAR.search(heading)
    year = int(m.group(1)) if m else None
    fyps = _fyps(heading)
    plan = _PLAN.search(heading.replace("目标任务", "")) if not fyps else _PLAN.search(heading)
    if _REVIEW.search(heading) and not plan:
        return (year or (fyp_end(fyps[-1]) if fyps and not m else doc.meta.year - 1)), "actual"
    if fyps and not m:
        ahead = [n for n in fyps if fyp_end(n) >= doc.meta.year]
        return fyp_end((ahead or fyps)[-1]), ("target" if ahead else "actual")
    if _PLAN.search(heading):
        return (year or doc.meta.year), "target"
    if year is not None:
        return year, ("actual" if year < doc.meta.year else "target")
    return None, None


@dataclass
class PartInfo:
    year: int | None
    kind: str | None
    period: tuple[int, int] | None = None
    """For a part on a five-year plan: the plan's years (its values run over the period)."""


def part_infos(doc: Document) -> list[PartInfo]:
    """Year, kind and period of each part of a report. A part whose heading names neither a year nor
    a review or plan continues the part before it (上海: 三、全面提升政府治理现代化水平 after the plan)."""
    out: list[PartInfo] = []
    for part in doc.parts:
        year, kind = part_context(doc, part.heading)
        period = None
        fyps = _fyps(part.heading)
        if fyps and not _HEAD_YEAR.search(part.heading):
            ahead = [n for n in fyps if fyp_end(n) >= doc.meta.year]
            period = fyp_period((ahead or fyps)[-1])
        if kind is None and out and out[-1].kind == "target" and out[-1].period is None:
            year, kind = out[-1].year, out[-1].kind
        out.append(PartInfo(year, kind, period))
    return out


class Context:
    """The year, kind and period of each sentence, read in order through a part.

    A sentence that names a five-year period (“十四五”时期, 过去五年, 今后五年) starts that period;
    it runs to the end of the paragraph, or, in a part on a five-year plan, until another period
    is named. A period that has ended before the report's year gives results, never targets; a
    review part never gives targets.
    """

    def __init__(self, doc: Document, info: PartInfo):
        self.doc, self.info = doc, info
        self.period = info.period

    def block(self) -> None:
        if self.info.period is None:
            self.period = None

    def sentence(self, s: str) -> tuple[int | None, str | None, tuple[int, int] | None]:
        info, year0 = self.info, self.doc.meta.year
        if info.kind is None:
            return None, None, None
        named = self._named_period(s)
        if named and (info.kind == "target" or named[1] < year0):
            self.period = named  # a review part reviews only a period that has ended
        m = YEAR_TO.search(s)
        if m and info.kind == "target":
            y = m.group(1) or m.group(2)
            return (int(y) if y.isdigit() else cn_numeral(y)), "target", None
        m = _YEAR_START.match(s)
        if m:
            y = int(m.group(1))
            return y, ("actual" if y < year0 or info.kind == "actual" else "target"), None
        if self.period:
            start, end = self.period
            if end < year0 or info.kind == "actual":
                return min(end, year0 - 1), "actual", (start, min(end, year0 - 1))
            return end, "target", self.period
        return info.year, info.kind, None

    def _named_period(self, s: str) -> tuple[int, int] | None:
        year0 = self.doc.meta.year
        m = _FYP_SENT.search(s)
        if m:
            return fyp_period(cn_numeral(m.group(1) or m.group(2)) + 10)
        if _PAST5.search(s):
            return year0 - 5, year0 - 1
        if _NEXT5.search(s):
            return year0, year0 + 4
        return None


def block_fields(doc: Document):
    """(block, field name, text, context) for every paragraph, item and detail of the body."""
    none = Context(doc, PartInfo(None, None))
    for block in doc.preamble:
        yield block, "text", block.text, none
    for part, info in zip(doc.parts, part_infos(doc)):
        ctx = Context(doc, info)
        for child in part.children:
            blocks = child.blocks if isinstance(child, Section) else [child]
            for block in blocks:
                ctx.block()
                yield block, "text", block.text, ctx
                if block.detail:
                    yield block, "detail", block.detail, ctx
    for block in doc.closing:
        yield block, "text", block.text, none


def block_contexts(doc: Document) -> dict[str, tuple[int | None, str | None, str]]:
    """Block id -> (year, kind, period) of its first sentence: what the block states, for the timelines."""
    out = {}
    for block, fname, text, ctx in block_fields(doc):
        if fname != "text":
            continue
        m = SENTENCE.search(text)
        year, kind, period = ctx.sentence(m.group(0) if m else text)
        for sm in list(SENTENCE.finditer(text))[1:]:
            ctx.sentence(sm.group(0))  # keep the running period as the extractor does
        out[block.id] = (year, kind, f"{period[0]}-{period[1]}" if period else "")
    return out
