"""Figures and indicators: every quantitative statement of a report, with its year or period, kind and source.

Three passes over the model, with no rules for any particular report:

1. **Figures.** Every number with a unit (``3.68万亿元``, ``5.5%``, ``5％``, ``20.7万人``,
   ``8000多场``) in a paragraph, list item or item detail, with its magnitude
   (万 = 10⁴, 亿 = 10⁸, 万亿 = 10¹²) and qualifier (左右, 以上, 以内, 超过, 突破…); a range
   (``4.5%-5%``, ``4.5%—5%``) is one figure with both bounds; ``两位数增长`` is growth of at
   least 10%. Dates, ordinals (第15) and nicknames in quotes (“20条”) are not figures
   (:mod:`gwr.figure_scan`).
2. **Indicators.** In each sentence, a catalogue subject (``data/indicators.yml``)
   followed by a figure whose unit and wording (level, growth, decline, share) fit an
   indicator makes that figure a statement of the indicator. The subject carries
   over the rest of the sentence (``地区生产总值达3.68万亿元、增长5.8%``); an
   enumeration followed by 均 applies to every member, one followed by 分别 is paired
   with its figures in order; a subject qualified by another name (``合作区规上工业总产值``)
   or used as a denominator (``占地区生产总值比重``) is not a city-wide statement.
   Targets stated in words (``居民收入增长和经济增长同步``) are matched by the catalogue's
   ``wordings``.
3. **Qualifiers.** 力争 governs the figures of its own clause (up to the next ，；); 争取更好结果
   and its variants qualify the target they follow.

Year and kind come from the part and the sentence (:mod:`gwr.periods`): a
review part states results, a plan part targets; a sentence naming a five-year plan period
(“十四五”时期, 过去五年, 今后五年) gives values of that period: averages (年均) and totals
(累计) are recorded with the period and no single year; levels at the period's end year. A
sentence that names its own horizon (``到2027年``, ``到二〇三五年``) overrides the part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .catalogue import Catalogue, Indicator
from .figure_scan import AFTER, Fig, clause_start, list_after, qualify, scan, to_base
from .model import Document
from .periods import SENTENCE, block_fields

_STRETCH = re.compile(r"(?:在实际工作中)?(?:努力|全力)?争取(?:更好结果|更优水平|更好成绩|更高水平|更好水平)")
"""“strive for better”: qualifies the target it follows (地区生产总值增长5%左右、努力争取更好结果)."""
_GROWTH = re.compile(r"增长|增速|增幅|涨幅|上涨|回升")
_DECLINE = re.compile(r"(下降|降低|减少|回落|削减)(?!至|到)")
_AVERAGE = re.compile(r"年均(?!浓度)")
_TOTAL = re.compile(r"累计")
_YEAR_OF = re.compile(r"(?:从|由|比|较)?((?:19|20)\d\d)年(?:末|底)?的?$")
_FROM = re.compile(r"(?:从|由)$")


@dataclass(slots=True)
class Figure:
    """One number with a unit in a report (or a target in words), and the indicator it states, if any."""

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
    """The number as printed, e.g. ``3.68``; for a range, the lower bound; empty for a target in words."""
    unit: str
    """The unit as printed, magnitude included, e.g. ``万亿元``."""
    base_value: float
    base_unit: str
    comparator: str
    """``=``, ``≈``, ``≥``, ``>``, ``≤``, ``<``; ``range`` for a range; empty for a target in words."""
    qualifier: str
    """The qualifying words as printed (左右, 以上, 超过, 力争, 努力争取更好结果 …), joined by ``+``."""
    aspirational: bool
    """力争 (“strive for”) governs the statement."""
    quote: str
    """The sentence the figure is in, verbatim."""
    year: int | None
    """The single year the value refers to; None for averages and totals over a period."""
    kind: str | None
    """``actual`` or ``target``; None outside review and plan parts."""
    indicator: str | None = None
    measure: str = "level"
    seq: int = 0
    quote_start: int = 0
    """Offset of the quote in the field."""
    period: str = ""
    """The five-year period the statement belongs to, ``2021-2025``; empty outside one."""
    basis: str = "year"
    """``year`` (a value for ``year``), ``average`` (年均 over ``period``) or ``total`` (累计 over ``period``)."""
    value_high: str = ""
    """For a range (4.5%-5%): the upper bound as printed."""
    base_high: float | None = None
    stretch: bool = False
    """争取更好结果 (“and strive for better”) follows the target."""
    printed: str = ""
    """The figure exactly as printed (``4.5%-5%``, ``两位数``, or the wording of a target in words)."""
    rule: str = ""
    """For a target in words: how a result settles it (see :class:`Wording`)."""
    wording_en: str = ""
    vs: str = ""

    @property
    def key(self) -> str:
        return f"{self.report}/{self.node}/{self.seq}"

    @property
    def when(self) -> str:
        """The year or the period, as a key: ``2025`` or ``2026-2030``."""
        return str(self.year) if self.basis == "year" and self.year is not None else self.period



_CITYWIDE = ("全市", "全省", "全国", "全区", "全年", "今年", "本市", "我市", "我国", "力争", "实现", "确保", "推动",
             "保持", "完成", "其中", "全社会", "预计", "努力", "争取", "持续", "进一步", "实施", "开展", "推进",
             "为企业", "为经营主体")
_COUNT = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?(?:个|条|家|座|项)$")
"""A count right before the subject counts its own members (310条河流按河长计算优良水体比例)."""


def _citywide(text: str, start: int, city: str) -> bool:
    """A subject at ``start`` speaks of the whole city, not of a district, zone or other entity."""
    before = text[max(0, start - 12):start]
    prefixes = _CITYWIDE + (city + "市", city + "港", city + "地区", city)
    changed = True
    while before and changed:
        changed = False
        before = re.sub(r"(?:19|20)\d\d年$", "", before)
        for p in prefixes:
            if before.endswith(p):
                before, changed = before[: -len(p)], True
        if _COUNT.search(before):
            before, changed = _COUNT.sub("", before), True
    return not before or not ("\u4e00" <= before[-1] <= "\u9fff") or before[-1] in "等和及与"


_CONTINUES = re.compile(
    r"^[、，,：:（(\s]*(?:$|增长|增速|增幅|涨幅|上涨|回升|下降|降低|减少|回落|占|达|为(?=[\d约近超])|均|分别|超过|超|"
    r"突破|增至|降至|提升至|提高至|提高到|提升到|增加到|增加至|较|同比|比上年|总数|总量|总规模|总里程|总长|累计|连续|创|年均|保持|居|规模|实际增长|"
    r"名义增长|力争|控制在|稳定在|降到|从|由|折合|约合|人民币|同口径)"
)
_DENOMINATOR = re.compile(r"(?:占|相当于|高于|低于)(?:全市|全省|全国|本市)?$")


def _continues(link: str) -> bool:
    """After a figure, does the sentence go on about the same subject (、增长5.8%) or name a new one (、托位)?"""
    return bool(_CONTINUES.match(link))


def _measure(link: str) -> str:
    if "占" in link or ("相当于" in link and "比例" in link) or "比重" in link:
        return "share"
    if _DECLINE.search(link):
        return "decline"
    if _GROWTH.search(link):
        return "growth"
    return "level"


def _indicators_for(cat: Catalogue, name: str, measure: str, base_unit: str) -> list[Indicator]:
    out = []
    for ind, role in cat.names.get(name, ()):
        if not ind.takes(base_unit):
            continue
        if role == "subject" and ind.measure == measure:
            out.append(ind)
        elif role == "share_of" and measure == "share":
            out.append(ind)
    return out


_SHARED_SUFFIX = ("增加值", "营业收入", "收入", "产量", "投资", "贷款", "总额", "规模")


def _enumeration(sentence: str, pos: int, cat: Catalogue, city: str, count: int) -> list[str | None]:
    """The members of the enumeration before 分别 at ``pos`` (A、B、C / A和B), each as its catalogued name
    or None. A trailing word shared by the members (金融业、软件和信息服务业增加值) is read into each."""
    text = sentence[clause_start(sentence, pos):pos]
    items = text.split("、")
    if len(items) < count:
        last = re.split(r"(?<=[\u4e00-\u9fff”])(?:和|及|与)(?=[\u4e00-\u9fff“])", items[-1])
        items = items[:-1] + last
    suffix = next((x for x in _SHARED_SUFFIX if items[-1].endswith(x)), "")
    out: list[str | None] = []
    for item in items:
        name = None
        for candidate in (item, item + suffix) if suffix and not item.endswith(suffix) else (item,):
            for m in (cat.pattern.finditer(candidate) if cat.pattern else ()):
                if m.end() >= len(candidate) - 2 and _citywide(candidate, m.start(), city):
                    name = m.group(0)
            if name:
                break
        out.append(name)
    return out


def extract(doc: Document, cat: Catalogue) -> list[Figure]:
    """Every figure of a report, catalogued ones with their indicator, in reading order."""
    out: list[Figure] = []
    seq: dict[str, int] = {}
    city = doc.meta.city
    for block, fname, text, ctx in block_fields(doc):
        for sm in SENTENCE.finditer(text):
            s0, sentence = sm.start(), sm.group(0)
            q0 = s0 + len(sentence) - len(sentence.lstrip())
            year, kind, period = ctx.sentence(sentence)
            span = f"{period[0]}-{period[1]}" if period and kind else ""
            local: list[Figure] = []
            for fig, inds, measure, link in _sentence_figures(sentence, cat, city):
                base_value, base_unit = to_base(fig.value, fig.magnitude, fig.unit)
                comparator, qualifier, aspirational, _ = qualify(sentence, fig.start, fig.end)
                if fig.m is None:  # 两位数: at least 10%
                    comparator = "≥"
                if fig.more:  # 8000多场: more than
                    comparator, qualifier = ">", "+".join(x for x in (qualifier, fig.more) if x)
                base_high = None
                if fig.high:
                    comparator = "range"
                    base_high = to_base(fig.high, "", fig.unit)[0]
                f_year, f_kind, f_period, basis = _when(sentence, fig.start, measure, year, kind, period,
                                                        doc.meta.year)
                for ind in inds or [None]:
                    if ind is not None and ind.flow and f_period and basis == "year" and f_year == f_period[1]:
                        f_year, basis = None, "total"  # 新增养老床位2.5万张 in a review of five years
                    local.append(Figure(
                        report=doc.meta.id, city=city, node=block.id, field=fname,
                        start=s0 + fig.start, end=s0 + fig.end, value=fig.value,
                        unit=fig.magnitude + fig.unit, base_value=base_value, base_unit=base_unit,
                        comparator=comparator, qualifier=qualifier, aspirational=aspirational,
                        quote=sentence.strip(), year=f_year if kind else None, kind=f_kind,
                        indicator=ind.id if ind else None, measure=measure, quote_start=q0,
                        period=f"{f_period[0]}-{f_period[1]}" if f_period and kind else "",
                        basis=basis if kind else "year", value_high=fig.high, base_high=base_high,
                        printed=fig.printed,
                    ))
            for ind, w, m in _wordings(sentence, cat, city):
                local.append(Figure(
                    report=doc.meta.id, city=city, node=block.id, field=fname, start=s0 + m.start(),
                    end=s0 + m.end(), value="", unit="", base_value=0.0, base_unit=ind.unit, comparator="",
                    qualifier="", aspirational=False, quote=sentence.strip(), year=year if kind else None,
                    kind=kind, indicator=ind.id, measure="words", quote_start=q0, period=span,
                    printed=m.group(0), rule=w.rule, wording_en=w.en, vs=w.vs,
                ))
            local.sort(key=lambda f: f.start)
            _stretch(local, sentence, s0)
            for f in local:
                f.seq = seq[block.id] = seq.get(block.id, 0) + 1
            out.extend(local)
    return out


def _when(sentence: str, pos: int, measure: str, year, kind, period, report_year: int):
    """(year, kind, period, basis) of a figure: an average (年均) or a total (累计 in a period) has no single
    year; a level in a period is the value at its end, or at its start with 从/由 (从4.16万亿元增加到…)."""
    clause = sentence[clause_start(sentence, pos):pos]
    m = _YEAR_OF.search(sentence[:pos])
    if m and kind:
        y = int(m.group(1))
        return y, ("actual" if y < report_year else kind), period, "year"
    if _AVERAGE.search(clause):
        return None, kind, period, "average"
    if period:
        if _TOTAL.search(clause) or measure in ("growth", "decline"):
            return None, kind, period, "total"
        if _FROM.search(sentence[:pos]):
            return period[0] - 1, "actual", period, "year"
    return year, kind, period, "year"


def _stretch(local: list[Figure], sentence: str, s0: int) -> None:
    """争取更好结果 qualifies the nearest target before it in the sentence, and no other."""
    for m in _STRETCH.finditer(sentence):
        before = [f for f in local if f.start < s0 + m.start() and f.kind == "target" and f.value]
        if not before:
            continue
        last = max(f.start for f in before)
        for f in before:
            if f.start == last:
                f.stretch = True
                f.qualifier = "+".join(x for x in (f.qualifier, m.group(0)) if x)


def _wordings(sentence: str, cat: Catalogue, city: str):
    """(indicator, wording, match) of each target in words. A wording that no figure settles (完成…下达的目标)
    also stands for the catalogued subjects its clause lists before it (城镇新增就业人数、城镇登记失业率…等
    约束性指标完成…确定的目标), unless another wording already covers them."""
    if cat.any_wording is not None and not cat.any_wording.search(sentence):
        return
    found = [(ind, w, m) for ind, w in cat.wordings for m in w.pattern.finditer(sentence)]
    covered = [(m.start(), m.end()) for _, w, m in found if w.rule != "words"]
    for ind, w, m in found:
        yield ind, w, m
        if w.rule != "words" or not cat.pattern:
            continue
        seen = {ind.id}
        clause = sentence[:m.end()]
        for n in cat.pattern.finditer(clause, clause_start(sentence, m.start())):
            if not _citywide(clause, n.start(), city) or any(a <= n.start() < b for a, b in covered):
                continue
            inds = [i for i, role in cat.names[n.group(0)] if role == "subject"]
            pick = next((i for i in inds if i.headline), inds[0] if inds else None)
            if pick and pick.id not in seen:
                seen.add(pick.id)
                yield pick, w, m


_FLOW_START = re.compile(r"^(?:新增|新建|新引进|新认定|新设)")


def _sentence_figures(sentence: str, cat: Catalogue, city: str):
    """(figure, indicators, measure, link) for each figure of a sentence, in order."""
    figs = scan(sentence)
    if not figs:  # the names and frames below only serve figures (half of the sentences have none)
        return []
    events = []
    for m in (cat.pattern.finditer(sentence) if cat.pattern else ()):
        events.append((m.start(), 0, m))
    for f in figs:
        events.append((f.start, 1, f))
    framed: dict[int, tuple[list[Indicator], int]] = {}
    for ind, pattern in cat.frames:
        for m in pattern.finditer(sentence):
            framed.setdefault(m.start("fig"), ([], m.end()))[0].append(ind)
    events.sort(key=lambda e: (e[0], e[1]))
    out = []
    group: list[str] = []
    group_end = -1
    last_end = 0
    after_fig = False
    pending: list[str | None] = []  # members of an enumeration before 分别, paired in order
    pending_measure = "level"
    for pos, is_fig, m in events:
        if not is_fig:
            name = m.group(0)
            if pos < last_end:
                continue  # inside a figure's own words
            if _DENOMINATOR.search(sentence[max(0, pos - 6):pos]):
                continue  # a denominator: 占地区生产总值比重, 相当于全市生产总值的比例
            if not _citywide(sentence, pos, city):
                group, group_end = [], -1
                last_end, after_fig = m.end(), False
                pending = []
                continue
            if group and sentence[group_end:pos] in ("、", "和", "及", "与"):
                group.append(name)
            else:
                group = [name]
            group_end = last_end = m.end()
            after_fig = False
            pending = []
            continue
        fig: Fig = m
        link = sentence[last_end:fig.start]
        if after_fig and not _continues(link):
            group, pending = [], []  # the figure belongs to a new, uncatalogued subject
        if "分别" in link and not pending:
            p = last_end + link.index("分别")
            listed = list_after(sentence, p)
            pending = _enumeration(sentence, p, cat, city, len(listed))
            pending_measure = _measure(sentence[p:fig.start])
            if len(listed) != len(pending):
                pending = [None] * len(listed)
        qualifier_end = fig.end
        am = AFTER.match(sentence[fig.end:])
        if am:
            qualifier_end += len(am.group(1))
        last_end, after_fig = qualifier_end, True
        measure = _measure(link) if fig.m is not None else "growth"  # 保持两位数增长
        base_unit = to_base(fig.value, fig.magnitude, fig.unit)[1]
        several = fig.m is None and "连续" in sentence[clause_start(sentence, fig.start):fig.start]
        if pending:
            name = pending.pop(0)
            measure = pending_measure
            names = [name] if name else []
        else:
            names = group if (len(group) > 1 and "均" in link) else group[-1:]
            if "分别" in link:
                names = []
        if several:
            names = []  # 连续9年保持两位数增长: a claim about several years, not one
        found = [ind for name in names for ind in _indicators_for(cat, name, measure, base_unit)]
        if _FLOW_START.match(sentence[clause_start(sentence, fig.start):]) and not any("总" in n for n in names):
            found = [cat.flow_of.get(i.id, i) for i in found]  # 新增A 200家、B 25家: flows
        if re.search(r"总数|总量|总里程|总长|累计|增至", link):
            found = [cat.by_id[i.stock] if i.stock else i for i in found if i.stock or not i.flow]
        if not found and fig.start in framed:
            found = [i for i in framed[fig.start][0] if i.takes(base_unit)]
            if found:  # the subject follows the figure: the sentence goes on after it
                group = [found[0].subjects[0]] if found[0].subjects else []
                last_end = max(last_end, framed[fig.start][1])
        if fig.m is None:
            found = [i for i in found if i.measure == "growth"]
        seen_ids: set[str] = set()
        found = [i for i in found if not (i.id in seen_ids or seen_ids.add(i.id))]
        out.append((fig, found, measure, link))
    return out
