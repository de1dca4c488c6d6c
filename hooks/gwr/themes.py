"""Themes through the years: which paragraphs of each report speak of a theme (``data/themes.yml``), and their
entries on the timelines.

A theme has Chinese terms and patterns (which nodes belong to it) and English terms (which sentence of the
translation to quote). The year and kind of a part come from :func:`gwr.periods.part_context`, as for the
indicators: a review part reports what was done in its year, a plan part what is planned for its year. The links
between sections are :mod:`gwr.section_links`; what a report names that the previous one did not,
:mod:`gwr.whats_new`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from .periods import block_contexts, part_infos
from .model import Document, Section
from .datafiles import Regex, Schema, Slug, Text, load

THEMES = "data/themes.yml"
_SENT_ZH = re.compile(r"[^。；！？]+[。；！？]?")
_SENT_EN = re.compile(r"\S.*?(?:[.!?][”’\"')]?(?=\s+[A-Z0-9“‘\"(]|\s*$)|$)", re.S)
"""An English sentence: up to a full stop (or ! ?) followed by a capital, a digit or an opening quote, or the end.
Semicolons end clauses, not sentences, so an excerpt never starts inside a sentence."""


@dataclass(frozen=True)
class Theme:
    id: str
    zh: str
    en: str
    description_zh: str
    description_en: str
    terms: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    terms_en: tuple[str, ...]
    indicators: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    @property
    def rx(self) -> re.Pattern:
        """Terms and patterns as one expression: its leftmost match is the first match of any of them."""
        rx = self.__dict__.get("_rx")
        if rx is None:
            parts = [f"(?:{p.pattern})" for p in self.patterns] + [re.escape(t) for t in
                                                                   sorted(self.terms, key=len, reverse=True)]
            rx = re.compile("|".join(parts)) if parts else re.compile(r"(?!)")
            object.__setattr__(self, "_rx", rx)
        return rx

    def find(self, text: str) -> int:
        """Position of the first match in a Chinese text, or -1."""
        m = self.rx.search(text)
        return m.start() if m else -1


class ThemeEntry(Schema):
    """One theme of ``data/themes.yml`` (its header explains the keys)."""

    id: Slug
    zh: Text
    en: Text
    description_zh: Text
    description_en: Text
    terms: list[Text] = Field(min_length=1)
    patterns: list[Regex] = []
    terms_en: list[Text] = []
    indicators: list[Slug] = []


class ThemesFile(Schema):
    themes: list[ThemeEntry] = []


def load_themes(root: Path, indicators: set[str] | None = None) -> list[Theme]:
    """The themes; ``indicators`` (the catalogue's ids), when given, are the ids a theme may name."""
    found = load(root, THEMES, ThemesFile)
    if found is None:
        return []
    data, file = found
    out, seen = [], {}
    for n, raw in enumerate(data.themes):
        if raw.id in seen:
            file.fail(("themes", n, "id"), f"duplicate id {raw.id!r} (also themes[{seen[raw.id]}]).")
        seen[raw.id] = n
        for k, ind in enumerate(raw.indicators):
            if indicators is not None and ind not in indicators:
                file.fail(("themes", n, "indicators", k), f"unknown indicator {ind!r}; use an id of "
                          "data/indicators.yml.")
        out.append(Theme(raw.id, raw.zh, raw.en, raw.description_zh, raw.description_en, tuple(raw.terms),
                         tuple(re.compile(p) for p in raw.patterns), tuple(raw.terms_en), tuple(raw.indicators)))
    return out


# --- nodes with their year and kind --------------------------------------------------------------

@dataclass(slots=True)
class Node:
    """A part, section or block with the year it speaks of and whether it plans or reports."""

    doc: Document
    id: str
    kind: str
    """``part``, ``section`` or ``block``."""
    text: str
    """Chinese: the heading for parts and sections, text and detail for blocks."""
    year: int | None
    mode: str | None
    """``done`` (review part), ``planned`` (plan part) or None."""
    section: str | None = None
    """For blocks in a section: the section's id."""
    part: str = ""


_MODE = {"actual": "done", "target": "planned"}


def nodes(doc: Document) -> list[Node]:
    """Every part, section and block with its year and mode. A part continues the context of the part before
    it when its heading names none (上海: 三、全面提升政府治理现代化水平); a block of a part on a five-year plan
    takes the period its sentences speak of (the 十四五 review is done, the 十五五 goals planned)."""
    out = []
    blocks = block_contexts(doc)
    for part, info in zip(doc.parts, part_infos(doc)):
        year, mode = info.year, _MODE.get(info.kind or "")
        out.append(Node(doc, part.id, "part", part.heading, year, mode, part=part.id))

        def block(b, section=None):
            y, k, _ = blocks.get(b.id, (year, info.kind, ""))
            return Node(doc, b.id, "block", b.text + ("\n" + b.detail if b.detail else ""), y, _MODE.get(k or ""),
                        section, part.id)

        for child in part.children:
            if isinstance(child, Section):
                out.append(Node(doc, child.id, "section", child.heading, year, mode, part=part.id))
                out.extend(block(b, child.id) for b in child.blocks)
            else:
                out.append(block(child))
    return out


def section_text(doc_nodes: list[Node], section_id: str) -> str:
    return "\n".join(n.text for n in doc_nodes if n.id == section_id or n.section == section_id)


# --- theme entries -------------------------------------------------------------------------------

@dataclass(slots=True)
class Entry:
    theme: str
    node: Node
    excerpt_zh: str
    excerpt_en: str | None


_CLAUSE = "，、；：,;"


def _window(sentence: str, at: int, size: int = 90) -> str:
    """``size`` characters of ``sentence`` around position ``at``; a cut start falls after a comma or an
    enumeration mark (、) where one is near, never inside a number or a name."""
    if len(sentence) <= size:
        return sentence
    start = max(0, min(at - size // 3, len(sentence) - size))
    if start:
        back = max(sentence.rfind(p, 0, start) for p in _CLAUSE)
        ahead = [i for i in (sentence.find(p, start) for p in _CLAUSE) if 0 <= i < at]
        if back >= 0 and start - back <= 20:
            start = back + 1
        elif ahead:
            start = min(ahead) + 1
    return ("…" if start else "") + sentence[start:start + size] + ("…" if start + size < len(sentence) else "")


def excerpt_zh(text: str, pos: int) -> str:
    for m in _SENT_ZH.finditer(text):
        if m.start() <= pos < m.end():
            s = m.group(0).strip()
            return _window(s, pos - m.start() - (len(m.group(0)) - len(m.group(0).lstrip())))
    return _window(text.strip(), pos)


def _sentences_en(text: str) -> tuple[list[str], list[str]]:
    """The sentences of an English text (``_SENT_EN``), and their lower case."""
    sentences = [x for x in (m.group(0).strip() for m in _SENT_EN.finditer(text)) if x]
    return sentences, [x.lower() for x in sentences]


def excerpt_en(text: str | None, terms: tuple[str, ...], size: int = 260,
               split: tuple[list[str], list[str]] | None = None) -> str | None:
    """The sentence of the English text that names the theme (else its first sentence), shortened.

    An excerpt always starts where its sentence starts. A long sentence is cut at a word boundary; when the
    theme is named late in it, the excerpt keeps the sentence's opening words, then `` … `` and the words
    around the term. ``split`` is the text's sentences (and their lower case), when the caller has them already.
    """
    if not text:
        return None
    sentences, low = split or _sentences_en(text)
    pick, at = (sentences[0] if sentences else text.strip()), 0
    for s, lw in zip(sentences, low):
        hits = [lw.find(t.lower()) for t in terms if t.lower() in lw]
        if hits:
            pick, at = s, min(hits)
            break
    if len(pick) <= size:
        return pick
    if at + 40 <= size:  # the term is near the start: the sentence's beginning holds it
        return cut_words(pick, size) + "…"
    head = cut_words(pick, 70)
    start = pick.rfind(" ", 0, max(0, at - 60)) + 1
    return f"{head} … {cut_words(pick[start:], size - len(head) - 3)}…"


def cut_words(text: str, size: int) -> str:
    """``text`` up to ``size`` characters, cut at a space (never inside a word), trailing punctuation removed."""
    if len(text) <= size:
        return text
    cut = text.rfind(" ", 0, size + 1)
    return text[:cut if cut > 0 else size].rstrip(" ,;:")


def theme_entries(themes: list[Theme], docs: list[Document], translations: dict) -> dict[str, list[Entry]]:
    """Theme id -> its entries (sections and blocks that mention it), in registry and reading order.

    A section heading that matches is an entry; a block is an entry unless its section heading already is
    (the heading stands for the section) — except in sections with many blocks, where each block counts.
    """
    out: dict[str, list[Entry]] = {t.id: [] for t in themes}
    for doc in docs:
        tr = translations.get(doc.meta.id)
        doc_nodes = nodes(doc)  # once per report, not once per theme
        split: dict[str, tuple[list[str], list[str]]] = {}  # the English sentences of a node, once per node
        for theme in themes:
            for n in doc_nodes:
                if n.kind == "part" or n.mode is None:
                    continue
                pos = theme.find(n.text)
                if pos < 0:
                    continue
                en = tr.get(n.id) if tr else None
                if n.kind == "block" and tr is not None and "\n" in n.text:
                    detail = tr.get(f"{n.id}.detail")
                    en = " ".join(x for x in (en, detail) if x) or None
                if en and n.id not in split:
                    split[n.id] = _sentences_en(en)
                out[theme.id].append(Entry(theme.id, n, excerpt_zh(n.text, pos),
                                           excerpt_en(en, theme.terms_en, split=split.get(n.id))))
    return out
