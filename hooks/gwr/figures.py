"""Figures in Chinese and English text, with their magnitude, for checking translations.

Chinese magnitudes are applied: 万 = 10^4, 亿 = 10^8, 万亿 = 10^12, so
``3.68万亿元`` is 3.68e12 and must appear in English as "3.68 trillion";
``20.7万人`` is 207,000. Percentages, years, dates and ordinals count too:
``第15`` / ``十五运会`` / ``“十五五”`` must appear as 15 (15th), ``2月25日`` as
25 February.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ZH_MULT = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3, "百": 10**2}
_ZH_NUM = re.compile(r"(?<![A-Za-z])(\d+(?:\.\d+)?)(?:余|多)?(万亿|亿|万(?!一)|千(?=[万亿元米瓦克人户家个])|)")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
# Chinese-numeral figures that translations render as digits or ordinals
_ZH_ORDINAL = re.compile(r"第([〇零一二三四五六七八九十百]+)|([一二三四五六七八九十]{2,}|[二三四五六七八九])(?=届|中全会|运会)|“(十[一二三四五六七八九])五”")

_EN_NUM = re.compile(r"(?<![A-Za-z])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(?:-\s*)?(thousand|million|billion|trillion))?")
_EN_MULT = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_EN_ORD = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}


_NAMED = frozenset(_EN_WORDS) | frozenset(_EN_ORD) | frozenset(_MONTHS)
"""The words that state a number (a text's other words are not looked up)."""


@dataclass(frozen=True)
class Figure:
    value: float
    raw: str


def cn_numeral(text: str) -> int:
    if "百" in text:
        h, _, rest = text.partition("百")
        return _CN_DIGITS.get(h, 1) * 100 + (cn_numeral(rest) if rest else 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for c in text:
        value = value * 10 + _CN_DIGITS.get(c, 0)
    return value


def zh_figures(text: str) -> list[Figure]:
    out = []
    for m in _ZH_NUM.finditer(text):
        value = float(m.group(1)) * ZH_MULT.get(m.group(2), 1)
        out.append(Figure(value, m.group(0)))
    for m in _ZH_ORDINAL.finditer(text):
        numeral = m.group(1) or m.group(2) or m.group(3)
        out.append(Figure(float(cn_numeral(numeral)), m.group(0)))
    return out


def en_values(text: str) -> set[float]:
    """Every number the English text states, with magnitude words applied."""
    values: set[float] = set()
    low = text.lower()
    for m in _EN_NUM.finditer(low):
        whole = m.group(1).replace(",", "")
        number = float(f"{whole}.{m.group(2)}" if m.group(2) else whole)
        values.add(number)
        if m.group(3):
            values.add(number * _EN_MULT[m.group(3)])
    for word in _NAMED.intersection(re.findall(r"[a-z]+", low)):  # each word once: the values are a set
        if word in _EN_WORDS:
            values.add(float(_EN_WORDS[word]))
        if word in _EN_ORD:
            values.add(float(_EN_ORD[word]))
        if word in _MONTHS:
            values.add(float(_MONTHS[word]))
    return values


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def missing_figures(zh: str, en: str) -> list[str]:
    """Figures of the Chinese text that the English does not state with the same value."""
    figures = zh_figures(zh)
    if not figures:
        return []
    values = en_values(en)
    missing = []
    for fig in figures:
        if fig.value in values or any(_close(fig.value, v) for v in values):  # the same value, or within rounding
            continue
        # 增长N倍 may be rendered as an N-fold increase or as N×100%
        if fig.raw and zh.find(fig.raw + "倍") != -1 and any(_close(fig.value * 100, v) for v in values):
            continue
        missing.append(fig.raw)
    return missing
