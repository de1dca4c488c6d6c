"""Scorecards: each target against the result a later report gives for the same city, indicator and year or
period, judged by the rules the site states (``gwr.scorecard_pages.rules_text``)."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue, Indicator
from .indicators import Figure
from .model import Document

PCT_TOLERANCE = 0.25
"""左右 (around) on a per-cent target allows this many percentage points: rates are set in steps of half a
point (5%, 5.5%, 6%), so a result nearer to the target than to the next step counts as around it."""
REL_TOLERANCE = 0.05
"""左右 on any other target allows this fraction of the target (the same proportion as 0.25 points of 5%)."""

STATUSES = ("met", "missed", "unclear", "words", "not-due", "summary", "no-result", "no-report")
"""``met``/``missed``; ``unclear`` (a result printed as a bound does not settle it); ``words`` (a target in words
no figure settles); and why there is no result: ``not-due`` (the year or period has not been reviewed yet
anywhere), ``summary`` (the only later text is a summary that does not state it), ``no-result`` (the later
full report does not state it), ``no-report`` (the report reviewing the year is not on the site yet)."""


@dataclass(slots=True)
class ScoreRow:
    target: Figure
    indicator: Indicator
    result: Figure | None
    status: str
    """One of :data:`STATUSES`."""
    other: Figure | None = None
    """For in-step/above targets: the result of the indicator compared with (GDP growth)."""
    reviewer: str | None = None
    """Id of the report that reviews the target's year (where the result is, or should be)."""


def tolerance(target: Figure) -> float:
    """What 左右 (around) allows: percentage points for figures in per cent, a fraction of the target otherwise."""
    return PCT_TOLERANCE if target.base_unit in ("%", "百分点") else abs(target.base_value) * REL_TOLERANCE


def judge(target: Figure, result: Figure, ind: Indicator, other: Figure | None = None) -> str:
    """met / missed / unclear for a result against a target, by the rules of ``rules_text``."""
    if target.rule:
        return _judge_words(target, result, other)
    t, r = target.base_value, result.base_value
    up = ind.direction == "up"
    comp = target.comparator
    if comp == "range":  # a range: its lower bound where higher is better, its upper bound where lower is
        t, comp = (target.base_value, "≥") if up else (target.base_high, "≤")
    if comp == "≈":
        if not up:
            comp = "≤"  # a ceiling: 左右 gives no room above it
        else:
            t -= tolerance(target)
    if comp in ("=", "≈"):
        comp = "≥" if up else "≤"
    if comp in ("≥", ">"):  # the result must reach t (strictly for >)
        if r > t + 1e-9 or (abs(r - t) <= 1e-9 and (comp == "≥" or result.comparator == ">")):
            return "met"
        # a result printed as a lower bound below the target ("超过X"): its true value is not known
        return "unclear" if result.comparator in (">", "≥") else "missed"
    if r < t - 1e-9 or (abs(r - t) <= 1e-9 and (comp == "≤" or result.comparator == "<")):
        return "met"
    return "unclear" if result.comparator in ("<", "≤") else "missed"


def _judge_words(target: Figure, result: Figure, other: Figure | None) -> str:
    if target.rule == "decline":
        sign = -1 if result.measure == "decline" else 1
        return "met" if sign * result.base_value < 0 else "missed"
    if target.rule in ("in-step", "above") and other is not None:
        gap = result.base_value - other.base_value
        if target.rule == "above":
            return "met" if gap > 0 else "missed"
        return "met" if gap >= -PCT_TOLERANCE - 1e-9 else "missed"
    return "words"


def scorecard(figures: list[Figure], cat: Catalogue, docs: list[Document]) -> list[ScoreRow]:
    """Every catalogued target against the result stated for its year (or period), by the earliest later
    report of the same city; when there is none, the reason."""
    year_of = {d.meta.id: d.meta.year for d in docs}
    kind_of = {d.meta.id: d.meta.kind for d in docs}
    latest = max(year_of.values(), default=0)
    reviewers: dict[str, list[str]] = {}  # city -> its reports, earliest first
    for d in sorted(docs, key=lambda d: (d.meta.year, d.meta.kind != "full")):
        reviewers.setdefault(d.meta.city, []).append(d.meta.id)
    actual: dict[tuple[str, str, str, str], list[Figure]] = {}
    for f in figures:
        if f.indicator and f.kind == "actual" and f.when and f.value:
            actual.setdefault((f.city, f.indicator, f.when, f.basis), []).append(f)
    rows = []
    for f in figures:
        if not (f.indicator and f.kind == "target" and f.when):
            continue
        ind = cat.by_id[f.indicator]
        last = f.year if f.basis == "year" else int(f.period[-4:])

        def find(indicator: str, f=f, last=last) -> Figure | None:
            rs = [r for r in actual.get((f.city, indicator, f.when, f.basis), []) if year_of[r.report] > last]
            rs.sort(key=lambda r: year_of[r.report])
            return rs[0] if rs else None

        result = find(f.indicator)
        other = find(f.vs) if f.vs else None
        later = [r for r in reviewers.get(f.city, []) if year_of[r] > last]
        reviewer = (result.report if result else later[0]) if (result or later) else None
        if result is not None and (not f.vs or other is not None):
            status = judge(f, result, ind, other)
        elif result is not None and f.vs:
            status = "no-result"
        elif last >= latest:
            status = "not-due"
        elif not later:
            status = "no-report"
        elif all(kind_of[r] == "summary" for r in later):
            status = "summary"
        else:
            status = "no-result"
        if f.rule == "words" and status in ("met", "missed", "no-result", "summary"):
            status = "words"
        rows.append(ScoreRow(f, ind, result, status, other, reviewer))
    return rows
