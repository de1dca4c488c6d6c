"""The indicator catalogue (``data/indicators.yml``): what a report's figures may be statements of.

Each indicator has its Chinese and English names, the subjects it is printed under (``地区生产总值``), its
measure (level, growth, decline, share, or a target in words), unit and direction, and the wordings of targets
stated in words. The units a figure may be printed in (``UNITS``) and their magnitudes (万 = 10⁴, 亿 = 10⁸,
万亿 = 10¹²) are here too: an indicator's unit is one of them. :mod:`gwr.indicators` finds the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .datafiles import Regex, RegistryError, Schema, Slug, Text, load


CATALOGUE = "data/indicators.yml"
MEASURES = ("level", "growth", "decline", "share", "words")
DIRECTIONS = ("up", "down")
RULES = ("in-step", "above", "decline", "words")
CATEGORIES = {
    "economy": ("经济总量", "Economy"),
    "fiscal": ("财政", "Public finance"),
    "prices": ("物价", "Prices"),
    "employment": ("就业与收入", "Employment and income"),
    "consumption": ("消费", "Consumption"),
    "investment": ("投资", "Investment"),
    "industry": ("产业", "Industry"),
    "innovation": ("科技创新", "Innovation"),
    "finance": ("金融", "Finance"),
    "trade": ("对外贸易与开放", "Trade and openness"),
    "transport": ("交通枢纽", "Transport"),
    "environment": ("生态环境", "Environment"),
    "energy": ("能源与低碳", "Energy and low carbon"),
    "social": ("民生", "People's livelihood"),
}

MAGNITUDE = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
UNITS = sorted(
    {"%", "％", "‰", "个百分点", "百分点", "元", "美元", "港元", "人次", "人年", "人", "户", "家", "个", "项", "所",
     "座", "条", "套（间）", "套", "间", "张", "辆", "台", "批次", "架次", "车次", "场次", "场", "次", "名", "位",
     "对", "门", "节", "枚", "种", "处", "株", "倍", "标箱", "标准箱", "吨", "千瓦", "平方公里", "平方米",
     "立方米/日", "立方米", "公里", "米", "亩", "公顷", "微克/立方米", "英寸", "年", "个月", "天", "小时", "分钟",
     "周年", "部", "件", "批", "层", "栋", "艘", "颗", "列", "班", "组", "例", "单", "只", "支", "首", "册", "类",
     "省", "市", "县", "毫秒", "岁", "斤", "元/人"},
    key=lambda u: (-len(u), u),
)
BASE_UNIT = {"个百分点": "百分点", "％": "%", "标准箱": "标箱"}
UNIT_RE = "|".join(re.escape(u) for u in UNITS)


@dataclass(frozen=True)
class Wording:
    """A target stated in words, recognised by a pattern (``data/indicators.yml``, ``wordings``)."""

    pattern: re.Pattern
    rule: str
    """How a result settles it: ``in-step`` / ``above`` (this indicator's result against ``vs``'s),
    ``decline`` (any decline), ``words`` (no figure can)."""
    en: str
    """English rendering of the wording."""
    vs: str = ""


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
    stock: str = ""
    """For a flow (新增…): the indicator of the total, stated after it as 总数达 / 累计达."""
    flow: bool = False
    """A count of what was added in the year (新增, 新建, 建成): in a five-year period it is the period's total,
    and a cumulative figure (累计达到) after it is not this indicator."""
    wordings: tuple[Wording, ...] = ()
    units: tuple[str, ...] = ()
    """Other base units a figure of it may be printed in (公园: 个 or 座)."""
    frames: tuple[str, ...] = ()
    """Patterns with the figure inside, for wording that names the subject after the number: 打通{}断头路."""

    def takes(self, base_unit: str) -> bool:
        return base_unit == self.unit or base_unit in self.units

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh



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
        self.wordings = [(ind, w) for ind in self.indicators for w in ind.wordings]
        self.any_wording = _any_of([w.pattern for _, w in self.wordings])
        """Whether a sentence holds a target in words at all: one search, not one per wording (most hold none)."""
        self.flow_of = {i.stock: self.by_id[i.id] for i in self.indicators if i.stock}
        """Stock indicator id -> its flow (国家级专精特新“小巨人”企业 -> 新增…)."""
        fig = r"\d+(?:\.\d+)?(?:万亿|亿|万)?(?:多|余)?(?:" + UNIT_RE + ")?"
        self.frames = [(ind, re.compile(f.replace("{}", "(?P<fig>" + fig + ")(?:左右|以上|以内|以下)?")))
                       for ind in self.indicators for f in ind.frames]


_BACK_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _any_of(patterns: list[re.Pattern]) -> re.Pattern | None:
    """An expression that matches where any of ``patterns`` does; None where they cannot be joined into one (their
    flags differ, a group name repeats, or one refers back to a group, whose number would change)."""
    if not patterns or len({p.flags for p in patterns}) > 1:
        return None
    if any(_BACK_REFERENCE.search(p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None


class WordingEntry(Schema):
    """A target stated in words (``wordings`` of an indicator)."""

    pattern: Regex
    rule: Literal[RULES]  # type: ignore[valid-type]
    en: Text
    vs: Slug | None = None


class IndicatorEntry(Schema):
    """One indicator of ``data/indicators.yml`` (its header explains the keys)."""

    id: Slug
    zh: Text
    en: Text
    category: Literal[tuple(CATEGORIES)]  # type: ignore[valid-type]
    subjects: list[Text] = []
    measure: Literal[MEASURES]  # type: ignore[valid-type]
    unit: Text | None = None
    direction: Literal[DIRECTIONS]  # type: ignore[valid-type]
    share_of: list[Text] = []
    headline: bool = False
    note_zh: Text | None = None
    note_en: Text | None = None
    stock: Slug | None = None
    wordings: list[WordingEntry] = []
    units: list[Text] = []
    frames: list[Text] = []
    flow: bool = False


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
        if raw.measure != "words" and not raw.unit:
            file.fail(("indicators", n), f"{raw.id}: missing key 'unit' (only a target in words has none).")
        if raw.measure != "words" and not raw.frames and not raw.subjects:
            file.fail(("indicators", n), f"{raw.id}: missing key 'subjects' (the names it is printed under), "
                      "or 'frames'.")
        if raw.share_of and raw.unit != "%":
            file.fail(("indicators", n, "unit"), f"{raw.id}: an indicator with share_of is a share: its unit must be %.")
        for k, w in enumerate(raw.wordings):
            if w.rule in ("in-step", "above") and not w.vs:
                file.fail(("indicators", n, "wordings", k), f"rule {w.rule} needs vs (an indicator id).")
        out.append(Indicator(
            id=raw.id, zh=raw.zh, en=raw.en, category=raw.category, subjects=tuple(raw.subjects),
            measure=raw.measure, unit=raw.unit or "", direction=raw.direction, share_of=tuple(raw.share_of),
            headline=raw.headline, note_zh=raw.note_zh or "", note_en=raw.note_en or "", stock=raw.stock or "",
            wordings=tuple(Wording(re.compile(w.pattern), w.rule, w.en, w.vs or "") for w in raw.wordings),
            units=tuple(raw.units), frames=tuple(raw.frames), flow=bool(raw.flow or raw.stock),
        ))
    ids = {i.id for i in out}
    for ind in out:
        bad = [x for x in [ind.stock] + [w.vs for w in ind.wordings] if x and x not in ids]
        if bad:
            raise RegistryError(f"{CATALOGUE}: indicator {ind.id} names unknown indicators: {', '.join(bad)}")
    return Catalogue(out)

