"""The numbers of a sentence, before any is attributed to an indicator (:mod:`gwr.indicators`).

A figure is a number with its magnitude (万 = 10⁴, 亿 = 10⁸, 万亿 = 10¹²) and unit (``3.68万亿元``, ``5.5%``,
``8000多场``), or a range (``4.5%-5%``) with both bounds, or ``两位数增长`` (growth of at least 10%); dates,
ordinals (第15) and nicknames in quotes (“20条”) are not. Around it, the wording that qualifies it: a comparator
before (不低于, 超过, 约…) or after (左右, 以上, 以内…), and 力争 in its own clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .catalogue import BASE_UNIT, MAGNITUDE, UNIT_RE

_FIG = re.compile(r"(?<![A-Za-z0-9.\-])(\d+(?:\.\d+)?)(万亿|亿|万)?(多|余)?(" + UNIT_RE + ")?")
_RANGE = re.compile(r"^(%|％)?\s?[-—–~～]{1,2}\s?(\d+(?:\.\d+)?)(%|％)")
_WORD_FIG = re.compile(r"两位数(?=增长|以上增长)")
"""Growth stated in words: 保持两位数增长 is growth of at least 10%."""
_CLAUSE_END = "，,；;：:。！？"
AFTER = re.compile(r"^(左右|以上|以内|以下|之内|及以上)")
_BEFORE = [  # wording right before the number -> (comparator, qualifier as printed)
    ("不低于", "≥"), ("不少于", "≥"), ("不超过", "≤"), ("控制在", "≤"), ("超过", ">"), ("突破", ">"),
    ("超", ">"), ("逾", ">"), ("近", "≈"), ("约", "≈"),
]
_BEFORE_AT = {}
"""A word of _BEFORE, alone or followed by 至 or 到 -> (its place in _BEFORE, the word, its comparator)."""
for _i, (_w, _c) in enumerate(_BEFORE):
    for _tail in ("", "至", "到"):
        _BEFORE_AT.setdefault(_w + _tail, (_i, _w, _c))
_BEFORE_LENGTHS = sorted({len(k) for k in _BEFORE_AT})
AFTER_COMPARATOR = {"左右": "≈", "以上": "≥", "及以上": "≥", "以内": "≤", "以下": "≤", "之内": "≤"}
BEFORE_WORDS = tuple(w for w, _ in _BEFORE)
_ASPIRE = re.compile(r"力争|争取(?!更好|更优|更高|更多)")


def _is_figure(text: str, m: re.Match) -> bool:
    start, end = m.span()
    unit = m.group(4)
    if not unit and not m.group(2) and not AFTER.match(text[end:]):
        return bool(_RANGE.match(text[end:]))  # 4.5-5%: the lower bound of a range
    if text[max(0, start - 1):start] == "第":
        return False
    if unit in ("年", "周年") and not m.group(2) and float(m.group(1)) >= 1000:
        return False  # a year, not a duration
    if text[max(0, start - 1):start] == "“" and text[end:end + 1] == "”":
        return False  # a nickname: “20条”
    return True


_LAST_CLAUSE_END = re.compile("(?s).*[" + re.escape(_CLAUSE_END) + "]")
"""Everything up to the last clause end (matched back from where the text is cut: one expression, not a search
for each of the ten characters)."""


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``text[pos]`` starts (after the last ，；：。 before it)."""
    m = _LAST_CLAUSE_END.match(text, 0, pos)
    return m.end() if m else 0


def qualify(text: str, start: int, end: int) -> tuple[str, str, bool, int]:
    """(comparator, qualifier as printed, aspirational, end including a trailing qualifier) of the figure
    at ``text[start:end]``; ``text`` is its sentence. 力争 counts when it is in the figure's own clause."""
    before = text[:start]
    comparator, words = "=", []
    # the first word of _BEFORE that ends ``before`` (perhaps followed by 至 or 到): the suffixes of every length
    # looked up, not each word tried three times
    hits = [_BEFORE_AT[tail] for tail in (before[-n:] for n in _BEFORE_LENGTHS) if tail in _BEFORE_AT]
    if hits:
        _, word, comp = min(hits)
        comparator, words = comp, [word]
    m = AFTER.match(text[end:])
    if m:
        comparator = AFTER_COMPARATOR[m.group(1)]
        words.append(m.group(1))
        end += len(m.group(1))
    aspire = list(_ASPIRE.finditer(before[clause_start(text, start):]))
    aspirational = bool(aspire)
    if aspirational:
        words.insert(0, aspire[-1].group(0))
    return comparator, "+".join(words), aspirational, end


def to_base(value: str, magnitude: str | None, unit: str) -> tuple[float, str]:
    number = float(value) * MAGNITUDE.get(magnitude or "", 1)
    return round(number, 6), BASE_UNIT.get(unit, unit)


@dataclass
class Fig:
    """A figure found in a sentence, before it is attributed."""

    m: re.Match | None
    start: int
    end: int
    value: str
    magnitude: str
    unit: str
    more: str
    high: str = ""
    printed: str = ""


def scan(sentence: str) -> list[Fig]:
    out: list[Fig] = []
    taken = 0
    for m in _FIG.finditer(sentence):
        if m.start() < taken or not _is_figure(sentence, m):
            continue
        f = Fig(m, m.start(), m.end(), m.group(1), m.group(2) or "", m.group(4) or "", m.group(3) or "")
        r = _RANGE.match(sentence[m.end():]) if f.unit in ("", "%", "％") and not f.magnitude else None
        if r:
            f.high, f.unit = r.group(2), r.group(3)
            f.end = m.end() + r.end()
        f.printed = sentence[f.start:f.end]
        taken = f.end
        out.append(f)
    for m in _WORD_FIG.finditer(sentence):
        out.append(Fig(None, m.start(), m.end(), "10", "", "%", "", printed="两位数"))
    return sorted(out, key=lambda f: f.start)


def list_after(sentence: str, pos: int) -> list[Fig]:
    """The figures listed after 分别 in its clause (增长12.4%、6.1%、18.3% / 达到1016家和591家)."""
    end = min([i for i in (sentence.find(c, pos) for c in "，,；;。") if i >= 0] or [len(sentence)])
    return [f for f in scan(sentence[:end]) if f.start > pos]
