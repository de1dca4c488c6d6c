"""Figures and indicators: every quantitative statement of a report, with its year, kind and source.

Two passes over the model, with no rules for any particular report:

1. **Figures.** Every number with a unit (``3.68万亿元``, ``5.5%``, ``20.7万人``,
   ``8000多场``) in a paragraph, list item or item detail, with its magnitude
   (万 = 10⁴, 亿 = 10⁸, 万亿 = 10¹²) and qualifier (左右, 以上, 以内, 超过, 突破,
   力争…). Dates, ordinals (第15), and nicknames in quotes (“20条”) are not figures.
2. **Indicators.** In each sentence, a catalogue subject (``data/indicators.yml``)
   followed by a figure whose unit and wording (level, growth, share) fit an
   indicator makes that figure a statement of the indicator. The subject carries
   over the rest of the sentence (``地区生产总值达3.68万亿元、增长5.8%``); an
   enumeration followed by 均 applies to every member (``固定资产投资、社会消费品零售总额
   均超过1万亿元``); a subject qualified by another name (``合作区规上工业总产值``)
   or used as a denominator (``占地区生产总值比重``) is not a city-wide statement.

Year and kind come from the part: a review part (``一、2024年工作回顾``) states
actual results for the year in its heading (or the year before the report); a
plan part (``二、2025年工作安排``) states targets for its year; a part on the
“十五五” plan period states targets for the period's last year (2030). A
sentence that names its own horizon (``到2027年``, ``到二〇三五年``) overrides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from .figures import cn_numeral
from .model import Document, Section
from .datafiles import Schema, Slug, Text, load

CATALOGUE = "data/indicators.yml"
MEASURES = ("level", "growth", "share")
DIRECTIONS = ("up", "down")
CATEGORIES = {
    "economy": ("经济总量", "Economy"),
    "fiscal": ("财政", "Public finance"),
    "prices": ("物价", "Prices"),
    "employment": ("就业", "Employment"),
    "consumption": ("消费", "Consumption"),
    "investment": ("投资", "Investment"),
    "industry": ("产业", "Industry"),
    "innovation": ("科技创新", "Innovation"),
    "trade": ("对外贸易与开放", "Trade and openness"),
    "transport": ("交通枢纽", "Transport"),
    "environment": ("生态环境", "Environment"),
    "energy": ("能源与低碳", "Energy and low carbon"),
    "social": ("民生", "People's livelihood"),
}

MAGNITUDE = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
UNITS = sorted(
    {"%", "‰", "个百分点", "百分点", "元", "美元", "港元", "人次", "人年", "人", "户", "家", "个", "项", "所",
     "座", "条", "套（间）", "套", "间", "张", "辆", "台", "批次", "架次", "车次", "场次", "场", "次", "名", "位",
     "对", "门", "节", "枚", "种", "处", "株", "倍", "标箱", "吨", "千瓦", "平方公里", "平方米", "立方米/日",
     "立方米", "公里", "米", "亩", "公顷", "微克/立方米", "英寸", "年", "个月", "天", "小时", "分钟", "周年",
     "部", "件", "批", "层", "栋", "艘", "颗", "列", "班", "组", "例", "单", "只", "支", "首", "册", "类", "省",
     "市", "县", "毫秒"},
    key=lambda u: (-len(u), u),
)
_FIG = re.compile(
    r"(?<![A-Za-z0-9.\-])(\d+(?:\.\d+)?)(万亿|亿|万)?(多|余)?("
    + "|".join(re.escape(u) for u in UNITS) + ")?"
)
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")
_AFTER = re.compile(r"^(左右|以上|以内|以下|之内|及以上)")
_BEFORE = [  # wording right before the number -> (comparator, qualifier as printed)
    ("不低于", "≥"), ("不少于", "≥"), ("不超过", "≤"), ("控制在", "≤"), ("超过", ">"), ("突破", ">"),
    ("超", ">"), ("逾", ">"), ("近", "≈"), ("约", "≈"),
]
AFTER_COMPARATOR = {"左右": "≈", "以上": "≥", "及以上": "≥", "以内": "≤", "以下": "≤", "之内": "≤"}
_GROWTH = re.compile(r"增长|增速|增幅|涨幅|上涨|回升")
_DECLINE = re.compile(r"(下降|降低|减少|回落)(?!至|到)")
_YEAR_TO = re.compile(r"到((?:19|20)\d\d|[〇零一二三四五六七八九]{4})年|((?:19|20)\d\d)年前")
_YEAR_START = re.compile(r"^((?:19|20)\d\d)年[，,]")
_FYP = re.compile(r"“?十([一二三四五六七八九])五”?(?:规划|时期|期间|末)")
_REVIEW = re.compile(r"回顾|成果|成效|成绩|总结|过去")
_PLAN = re.compile(r"安排|目标|任务|计划|部署|展望|打算")
_HEAD_YEAR = re.compile(r"((?:19|20)\d\d)年")


@dataclass(frozen=True)
class Indicator:
    id: str
    zh: str
    en: str
    category: str
    subjects: tuple[str, ...]
    measure: str
    unit: str
    direction: str
    share_of: tuple[str, ...] = ()
    headline: bool = False
    note_zh: str = ""
    note_en: str = ""

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass
class Figure:
    """One number with a unit in a report, and the indicator it states, if any."""

    report: str
    city: str
    node: str
    """Id of the paragraph or item it is in."""
    field: str
    """``text`` or ``detail`` (an item's continuation lines)."""
    start: int
    end: int
    """Offsets of the figure (number to unit, qualifiers excluded) in that field."""
    value: str
    """The number as printed, e.g. ``3.68``."""
    unit: str
    """The unit as printed, magnitude included, e.g. ``万亿元``."""
    base_value: float
    base_unit: str
    comparator: str
    """``=``, ``≈``, ``≥``, ``>``, ``≤``."""
    qualifier: str
    """The qualifying words as printed (左右, 以上, 超过 …), joined by ``+``; empty if none."""
    aspirational: bool
    """力争 (“strive for”) governs the statement."""
    quote: str
    """The sentence the figure is in, verbatim."""
    year: int | None
    kind: str | None
    """``actual`` or ``target``; None outside review and plan parts."""
    indicator: str | None = None
    measure: str = "level"
    seq: int = 0
    quote_start: int = 0
    """Offset of the quote in the field."""

    @property
    def key(self) -> str:
        return f"{self.report}/{self.node}/{self.seq}"


@dataclass
class Catalogue:
    indicators: list[Indicator]
    by_id: dict[str, Indicator] = field(default_factory=dict)

    def __post_init__(self):
        self.by_id = {i.id: i for i in self.indicators}
        names: dict[str, list[tuple[Indicator, str]]] = {}
        for ind in self.indicators:
            for s in ind.subjects:
                names.setdefault(s, []).append((ind, "subject"))
            for s in ind.share_of:
                names.setdefault(s, []).append((ind, "share_of"))
        self.names = names
        alts = sorted(names, key=lambda s: (-len(s), s))
        self.pattern = re.compile("|".join(re.escape(a) for a in alts)) if alts else None


class IndicatorEntry(Schema):
    """One indicator of ``data/indicators.yml`` (its header explains the keys)."""

    id: Slug
    zh: Text
    en: Text
    category: Literal[tuple(CATEGORIES)]  # type: ignore[valid-type]
    subjects: list[Text] = Field(min_length=1)
    measure: Literal[MEASURES]  # type: ignore[valid-type]
    unit: Text
    direction: Literal[DIRECTIONS]  # type: ignore[valid-type]
    share_of: list[Text] = []
    headline: bool = False
    note_zh: Text | None = None
    note_en: Text | None = None


class CatalogueFile(Schema):
    indicators: list[IndicatorEntry] = []


def load_catalogue(root: Path) -> Catalogue:
    found = load(root, CATALOGUE, CatalogueFile)
    if found is None:
        return Catalogue([])
    data, file = found
    out, seen = [], {}
    for n, raw in enumerate(data.indicators):
        if raw.id in seen:
            file.fail(("indicators", n, "id"), f"duplicate id {raw.id!r} (also indicators[{seen[raw.id]}]).")
        seen[raw.id] = n
        if raw.share_of and raw.unit != "%":
            file.fail(("indicators", n, "unit"), f"{raw.id}: an indicator with share_of is a share: its unit must be %.")
        out.append(Indicator(
            id=raw.id, zh=raw.zh, en=raw.en, category=raw.category, subjects=tuple(raw.subjects),
            measure=raw.measure, unit=raw.unit, direction=raw.direction, share_of=tuple(raw.share_of),
            headline=raw.headline, note_zh=raw.note_zh or "", note_en=raw.note_en or "",
        ))
    return Catalogue(out)


# --- part context: which year, actual or target -------------------------------------------------

def fyp_end(n: int) -> int:
    """Last year of the n-th five-year plan (the 14th is 2021-2025)."""
    return 2025 + 5 * (n - 14)


def part_context(doc: Document, heading: str) -> tuple[int | None, str | None]:
    """(year referred to, kind) of the figures of a part, from its heading."""
    m = _HEAD_YEAR.search(heading)
    year = int(m.group(1)) if m else None
    fyp = re.search(r"十([一二三四五六七八九])五", heading)
    if _REVIEW.search(heading) and not _PLAN.search(heading.replace("目标任务", "")):
        return (year or doc.meta.year - 1), "actual"
    if fyp and not m:
        return fyp_end(cn_numeral(fyp.group(1)) + 10), "target"
    if _PLAN.search(heading):
        return (year or doc.meta.year), "target"
    if year is not None:
        return year, ("actual" if year < doc.meta.year else "target")
    return None, None


def _sentence_year(sentence: str, year: int | None, kind: str | None) -> int | None:
    m = _YEAR_TO.search(sentence)
    if m and kind == "target":
        y = m.group(1) or m.group(2)
        return int(y) if y.isdigit() else cn_numeral(y)
    m = _YEAR_START.match(sentence)
    if m:
        return int(m.group(1))
    m = _FYP.search(sentence)
    if m and kind == "target":
        return fyp_end(cn_numeral(m.group(1)) + 10)
    return year


# --- figures --------------------------------------------------------------------------------------

def _is_figure(text: str, m: re.Match) -> bool:
    start, end = m.span()
    unit = m.group(4)
    if not unit and not m.group(2) and not _AFTER.match(text[end:]):
        return False  # a bare number: a name (15号线, 2.0版) or part of a nickname
    if text[max(0, start - 1):start] == "第":
        return False
    if unit in ("年", "周年") and not m.group(2) and float(m.group(1)) >= 1000:
        return False  # a year, not a duration
    if text[max(0, start - 1):start] == "“" and text[end:end + 1] == "”":
        return False  # a nickname: “20条”
    return True


def _qualify(text: str, start: int, end: int) -> tuple[str, str, bool, int]:
    """(comparator, qualifier as printed, aspirational, end including a trailing qualifier) of the figure
    at ``text[start:end]``; ``text`` is its sentence."""
    before = text[:start]
    comparator, words = "=", []
    for word, comp in _BEFORE:
        if before.endswith(word) or before.endswith(word + "至") or before.endswith(word + "到"):
            comparator, words = comp, [word]
            break
    m = _AFTER.match(text[end:])
    if m:
        comparator = AFTER_COMPARATOR[m.group(1)]
        words.append(m.group(1))
        end += len(m.group(1))
    aspirational = "力争" in before
    if aspirational:
        words.insert(0, "力争")
    return comparator, "+".join(words), aspirational, end


def _base(value: str, magnitude: str | None, unit: str) -> tuple[float, str]:
    number = float(value) * MAGNITUDE.get(magnitude or "", 1)
    return round(number, 6), ("百分点" if unit == "个百分点" else unit)


def _fields(doc: Document):
    """(block, field name, text, year, kind) for every paragraph, item and detail of the body."""
    for block in doc.preamble:
        yield block, "text", block.text, None, None
    for part in doc.parts:
        year, kind = part_context(doc, part.heading)
        for child in part.children:
            blocks = child.blocks if isinstance(child, Section) else [child]
            for block in blocks:
                yield block, "text", block.text, year, kind
                if block.detail:
                    yield block, "detail", block.detail, year, kind
    for block in doc.closing:
        yield block, "text", block.text, None, None


_CITYWIDE = ("全市", "全年", "今年", "本市", "我市", "力争", "实现", "确保", "推动", "保持", "完成", "其中", "全社会")


def _citywide(text: str, start: int, city: str) -> bool:
    """A subject at ``start`` speaks of the whole city, not of a district, zone or other entity."""
    before = text[max(0, start - 12):start]
    prefixes = _CITYWIDE + (city + "市", city)
    changed = True
    while before and changed:
        changed = False
        before = re.sub(r"(?:19|20)\d\d年$", "", before)
        for p in prefixes:
            if before.endswith(p):
                before, changed = before[: -len(p)], True
    return not before or not ("\u4e00" <= before[-1] <= "\u9fff") or before[-1] == "等"


_CONTINUES = re.compile(
    r"^[、，,：:（(\s]*(?:$|增长|增速|增幅|涨幅|上涨|回升|下降|降低|减少|回落|占|达|为|均|分别|超过|超|突破|增至|降至|"
    r"提升至|提高至|提高到|较|同比|比上年|总数|总量|总规模|累计|连续|创|年均|保持|居|规模)"
)


def _continues(link: str) -> bool:
    """After a figure, does the sentence go on about the same subject (、增长5.8%) or name a new one (、托位)?"""
    return bool(_CONTINUES.match(link))


def _measure(link: str) -> str:
    if "占" in link:
        return "share"
    if _DECLINE.search(link):
        return "decline"
    if _GROWTH.search(link):
        return "growth"
    return "level"


def _indicators_for(cat: Catalogue, name: str, measure: str, base_unit: str) -> list[Indicator]:
    out = []
    for ind, role in cat.names.get(name, ()):
        if ind.unit != base_unit:
            continue
        if role == "subject" and ind.measure == measure:
            out.append(ind)
        elif role == "share_of" and measure == "share":
            out.append(ind)
    return out


def extract(doc: Document, cat: Catalogue) -> list[Figure]:
    """Every figure of a report, catalogued ones with their indicator, in reading order."""
    out: list[Figure] = []
    seq: dict[str, int] = {}
    city = doc.meta.city
    for block, fname, text, part_year, kind in _fields(doc):
        for sm in _SENTENCE.finditer(text):
            s0, sentence = sm.start(), sm.group(0)
            year = _sentence_year(sentence, part_year, kind)
            events = []
            for m in (cat.pattern.finditer(sentence) if cat.pattern else ()):
                events.append((m.start(), 0, m))
            for m in _FIG.finditer(sentence):
                if _is_figure(sentence, m):
                    events.append((m.start(), 1, m))
            events.sort(key=lambda e: (e[0], e[1]))
            group: list[str] = []
            group_end = -1
            last_end = 0
            after_fig = False
            for pos, is_fig, m in events:
                if not is_fig:
                    name = m.group(0)
                    if sentence[max(0, pos - 2):pos].find("占") != -1:
                        continue  # a denominator: 占地区生产总值比重
                    if not _citywide(sentence, pos, city):
                        group, group_end = [], -1
                        last_end, after_fig = m.end(), False
                        continue
                    if group and sentence[group_end:pos] == "、":
                        group.append(name)
                    else:
                        group = [name]
                    group_end = last_end = m.end()
                    after_fig = False
                    continue
                comparator, qualifier, aspirational, q_end = _qualify(sentence, m.start(), m.end())
                base_value, base_unit = _base(m.group(1), m.group(2), m.group(4) or "")
                link = sentence[last_end:m.start()]
                if after_fig and not _continues(link):
                    group = []  # the figure belongs to a new, uncatalogued subject
                last_end, after_fig = q_end, True
                measure = _measure(link)
                if m.group(3):  # 8000多场: more than
                    comparator, qualifier = ">", "+".join(x for x in (qualifier, m.group(3)) if x)
                names = group if (len(group) > 1 and "均" in link) else group[-1:]
                if "分别" in link:
                    names = []
                found = [ind for name in names for ind in _indicators_for(cat, name, measure, base_unit)]
                seen_ids: set[str] = set()
                found = [i for i in found if not (i.id in seen_ids or seen_ids.add(i.id))]
                for ind in found or [None]:
                    n = seq[block.id] = seq.get(block.id, 0) + 1
                    out.append(Figure(
                        report=doc.meta.id, city=city, node=block.id, field=fname,
                        start=s0 + m.start(), end=s0 + m.end(), value=m.group(1),
                        unit=(m.group(2) or "") + (m.group(4) or ""), base_value=base_value, base_unit=base_unit,
                        comparator=comparator, qualifier=qualifier, aspirational=aspirational,
                        quote=sentence.strip(), year=year if kind else None, kind=kind,
                        indicator=ind.id if ind else None, measure=measure, seq=n,
                        quote_start=s0 + len(sentence) - len(sentence.lstrip()),
                    ))
    return out


# --- scorecards ----------------------------------------------------------------------------------

PCT_TOLERANCE = 0.5
"""左右 (around) on a per-cent target allows this many percentage points."""
REL_TOLERANCE = 0.05
"""左右 on any other target allows this fraction of the target."""


@dataclass
class ScoreRow:
    target: Figure
    indicator: Indicator
    result: Figure | None
    status: str
    """``met``, ``missed``, ``no-result`` (no later report states the result) or ``unclear``."""


def judge(target: Figure, result: Figure, ind: Indicator) -> str:
    """met / missed / unclear for a result against a target, by the rules of ``rules_text``."""
    t, r = target.base_value, result.base_value
    up = ind.direction == "up"
    comp = target.comparator
    if comp == "≈":
        t += -tolerance(target) if up else tolerance(target)
    if comp in ("=", "≈"):
        comp = "≥" if up else "≤"
    if comp in ("≥", ">"):  # the result must reach t (strictly for >)
        if r > t or (r == t and (comp == "≥" or result.comparator == ">")):
            return "met"
        # a result printed as a lower bound below the target ("超过X"): its true value is not known
        return "unclear" if result.comparator in (">", "≥") else "missed"
    if r < t or (r == t and (comp == "≤" or result.comparator == "<")):
        return "met"
    return "unclear" if result.comparator in ("<", "≤") else "missed"


def tolerance(target: Figure) -> float:
    """What 左右 (around) allows: percentage points for figures in per cent, a fraction of the target otherwise."""
    return PCT_TOLERANCE if target.base_unit in ("%", "百分点") else abs(target.base_value) * REL_TOLERANCE


def scorecard(figures: list[Figure], cat: Catalogue, docs: list[Document]) -> list[ScoreRow]:
    """Every catalogued target against the result stated for its year, by the earliest later report."""
    year_of = {d.meta.id: d.meta.year for d in docs}
    actual: dict[tuple[str, str, int], list[Figure]] = {}
    for f in figures:
        if f.indicator and f.kind == "actual" and f.year is not None:
            actual.setdefault((f.city, f.indicator, f.year), []).append(f)
    rows = []
    for f in figures:
        if not (f.indicator and f.kind == "target" and f.year is not None):
            continue
        ind = cat.by_id[f.indicator]
        results = [r for r in actual.get((f.city, f.indicator, f.year), []) if year_of[r.report] > f.year]
        results.sort(key=lambda r: year_of[r.report])
        result = results[0] if results else None
        rows.append(ScoreRow(f, ind, result, judge(f, result, ind) if result else "no-result"))
    return rows
