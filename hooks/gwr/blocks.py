"""A paragraph or list item as HTML, in both languages: what each block of a report page is.

The edition's language comes first and the other one after it (``.gwr-zh`` / ``.gwr-en``), or, loaded on demand,
in the page's other-language script (:mod:`gwr.page_scripts`). In each: the bold lead sentence, catalogued figures
linked to their indicator (matched by value in the English), glossary terms marked once per paragraph and
language. The seed's text is escaped once, here. The pages that hold the blocks are :mod:`gwr.render`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .labels import t
from .markup import ROOT_HREF, Marker, attr, esc, plain
from .model import Block
from .translations import Translation


_EN_SENTENCE = re.compile(r"^(.+?[.!?])(\s+\S.*)$", re.S)



@dataclass
class Edition:
    """What a page is rendered for: the edition's language and the report's English translation."""

    lang: str
    en: Translation | None = None
    mark: Marker = staticmethod(plain)
    figs: dict = field(default_factory=dict)
    notes: dict = field(default_factory=dict)
    _plain: "Edition | None" = field(default=None, repr=False, compare=False)
    """Cross-link boxes: ``{(node id, "top" | "end" | "after"): html}`` (see gwr.crosslink_pages)."""
    """Catalogued figures to mark: ``{(node, field): [(start, end, indicator, title, figure)]}``."""

    @property
    def other(self) -> str:
        return "en" if self.lang == "zh" else "zh"

    @property
    def unmarked(self) -> "Edition":
        """The same edition with glossary terms left unmarked (for the other language, loaded on demand)."""
        if self._plain is None:
            from dataclasses import replace

            self._plain = replace(self, mark=plain)
        return self._plain

    def en_text(self, ctx: str) -> str | None:
        return self.en.get(ctx) if self.en else None


def en_lead(text: str) -> tuple[str, str] | None:
    """(first sentence, rest) of an English text whose Chinese opens with a lead sentence."""
    m = _EN_SENTENCE.match(text)
    return (m.group(1), m.group(2)) if m else None


def _bold_lead(text_html_parts: tuple[str, str], lead: bool) -> str:
    first, rest = text_html_parts
    return f'<strong class="gwr-lead">{first}</strong>{rest}' if lead and first else first + rest


def _fig_link(text: str, ind: str, title: str) -> str:
    return f'<a class="gwr-fig" href="{ROOT_HREF}indicators/{ind}/" title="{attr(title)}">{esc(text)}</a>'


def _mark_range(text: str, a: int, b: int, spans: list, ed: Edition, lang: str, seen: set) -> str:
    """``text[a:b]`` marked: catalogued figures link to their indicator, glossary terms to the glossary."""
    out, pos = [], a
    for start, end, ind, title, *_ in spans:
        if start < pos or end > b:
            continue
        out.append(ed.mark(text[pos:start], lang, seen))
        out.append(_fig_link(text[start:end], ind, title))
        pos = end
    out.append(ed.mark(text[pos:b], lang, seen))
    return "".join(out)


def _segments(block: Block, ed: Edition, text: str, lang: str, spans: list, seen: set, lead: int | None) -> str:
    """A text with an optional dash prefix and bold lead sentence of ``lead`` characters."""
    prefix = next((d for d in ("——", "—") if text.startswith(d)), "") if lang == "en" else (
        "——" if text.startswith("——") else "")
    p = len(prefix)
    if lead:
        first = _mark_range(text, p, p + lead, spans, ed, lang, seen)
        return esc(prefix) + _bold_lead((first, _mark_range(text, p + lead, len(text), spans, ed, lang, seen)), True)
    return esc(prefix) + _mark_range(text, p, len(text), spans, ed, lang, seen)


def _zh_html(block: Block, ed: Edition, seen: set) -> str:
    text = block.text
    body = text[2:] if text.startswith("——") else text
    lead = len(block.lead) if block.lead and body.startswith(block.lead) else None
    return _segments(block, ed, text, "zh", ed.figs.get((block.id, "text"), []), seen, lead)


def _en_html(block: Block, ed: Edition, text: str, seen: set, fieldname: str = "text") -> str:
    spans = en_figure_spans(text, ed.figs.get((block.id, fieldname), []))
    prefix = next((d for d in ("——", "—") if text.startswith(d)), "")
    split = en_lead(text[len(prefix):]) if block.lead else None
    return _segments(block, ed, text, "en", spans, seen, len(split[0]) if split else None)


_EN_FIG = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(thousand|million|billion|trillion))?(\s?%)?")
_EN_MULT = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def en_figure_spans(text: str, figs: list) -> list:
    """Where the English text states each catalogued figure, matched by value (5.5% / 3.68 trillion / 207,000)."""
    if not figs:
        return []
    found, used = [], set()
    matches = []
    for m in _EN_FIG.finditer(text):
        number = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        values = {number, number * _EN_MULT.get(m.group(3) or "", 1)}
        matches.append((m, values))
    for start, end, ind, title, fig in figs:
        wanted = (float(fig.value), fig.base_value)
        for n, (m, values) in enumerate(matches):
            if n in used:
                continue
            if any(abs(v - w) <= 1e-9 * max(abs(w), 1.0) for v in values for w in wanted):
                used.add(n)
                found.append((m.start(), m.end(), ind, title))
                break
    return sorted(found)


def bilingual_html(block: Block, ed: Edition, alt: dict | None = None) -> tuple[str, bool]:
    """Both language versions of a block's text (edition language first) and whether it is translated.

    With ``alt`` (see :func:`render_report`), a translated block's other language goes there instead of into
    the page, to be loaded when the reader asks for it; an untranslated block keeps both inline.
    """
    en = ed.en_text(block.id)
    en_detail = ed.en_text(f"{block.id}.detail") if block.detail else None
    translated = en is not None and (not block.detail or en_detail is not None)
    # The other language, when it is loaded on demand, is plain text with its figures linked: its glossary
    # terms are linked in the page's own language (and matching them again cost as much as the page).
    on_demand = alt is not None and translated
    zh_ed = ed.unmarked if on_demand and ed.lang != "zh" else ed
    en_ed = ed.unmarked if on_demand and ed.lang != "en" else ed
    seen_zh: set = set()  # a term is marked once per paragraph and language
    seen_en: set = set()
    zh = f'<span class="gwr-zh" lang="zh">{_zh_html(block, zh_ed, seen_zh)}</span>'
    if en is not None:
        en_span = f'<span class="gwr-en" lang="en">{_en_html(block, en_ed, en, seen_en)}</span>'
    else:
        en_span = f'<span class="gwr-en gwr-missing" lang="en">{esc(t("en", "untranslated"))}</span>'
    if block.detail:
        spans = ed.figs.get((block.id, "detail"), [])
        detail = _mark_range(block.detail, 0, len(block.detail), spans, zh_ed, "zh", seen_zh)
        zh += f'<span class="gwr-detail gwr-zh" lang="zh">{detail}</span>'
        if en_detail is not None:
            spans = en_figure_spans(en_detail, ed.figs.get((block.id, "detail"), []))
            detail = _mark_range(en_detail, 0, len(en_detail), spans, en_ed, "en", seen_en)
            en_span += f'<span class="gwr-detail gwr-en" lang="en">{detail}</span>'
    if on_demand:
        alt[block.id] = en_span if ed.lang == "zh" else zh
        return (zh if ed.lang == "zh" else en_span), translated
    return (zh + en_span if ed.lang == "zh" else en_span + zh), translated


def _block_html(block: Block, ed: Edition, alt: dict | None = None) -> str:
    label = t(ed.lang, "item" if block.kind == "item" else "para", n=block.ordinal)
    # no title: gwr.js sets it ("Copy the link to this paragraph · <id>") when the number is pointed at or
    # focused, which saved 60 bytes a paragraph (page weight)
    pn = f'<a class="gwr-pn" href="#{block.id}" aria-label="{attr(label)}">{block.ordinal}</a>'

    body, translated = bilingual_html(block, ed, alt)
    body += ed.notes.get((block.id, "after"), "")
    missing = "" if translated else " gwr-untranslated"
    if block.kind == "item":
        return f'<li class="gwr-item{missing}" id="{block.id}">{pn}{body}</li>'
    cls = "gwr-para gwr-highlight" if block.kind == "highlight" else "gwr-para"
    return f'<p class="{cls}{missing}" id="{block.id}">{pn}{body}</p>'


def blocks_md(blocks: list[Block], ed: Edition, alt: dict | None = None) -> list[str]:
    """Raw HTML for a run of blocks; consecutive items form one list."""
    out: list[str] = []
    items: list[str] = []
    for block in blocks:
        if block.kind == "item":
            items.append(_block_html(block, ed, alt))
            continue
        if items:
            out.append('<ul class="gwr-items">' + "".join(items) + "</ul>")
            items = []
        out.append(_block_html(block, ed, alt))
    if items:
        out.append('<ul class="gwr-items">' + "".join(items) + "</ul>")
    return out
