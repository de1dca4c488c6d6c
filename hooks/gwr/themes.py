"""Cross-links between reports: themes through the years, plan -> result alignment, related sections, what's new.

Everything here works from the model, the registry and three data files, with no rule for any report:

* ``data/themes.yml`` — themes with Chinese terms and patterns (which nodes belong to a theme) and English
  terms (which sentence of the translation to quote);
* ``data/alignments.yml`` — which review sections of report N+1 report on each plan section of report N,
  curated by reading; :func:`suggest` proposes them for a new report from shared terms;
* ``data/glossary.yml`` — the terms compared for related sections and for "what's new".

The year and kind of a part come from :func:`gwr.periods.part_context`, as for the indicators: a
review part reports what was done in its year, a plan part what is planned for its year.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from .glossary import Matcher
from .periods import block_contexts, part_context, part_infos
from .model import Document, Part, Section
from .datafiles import Regex, Schema, Slug, Text, load

THEMES = "data/themes.yml"
ALIGNMENTS = "data/alignments.yml"
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


# --- alignment: plan sections of report N <-> review sections of report N+1 ------------------------

@dataclass(slots=True)
class Pair:
    """A plan part of one report and the review part of a later report covering the same year."""

    plan: Document
    plan_part: Part
    result: Document
    result_part: Part
    year: int


def pairs(docs: list[Document]) -> list[Pair]:
    """Every (plan part, review part) of the same city and year, the review from the earliest later report."""
    out = []
    by_city: dict[str, list[Document]] = {}
    for d in docs:
        by_city.setdefault(d.meta.city, []).append(d)
    for a in docs:
        for pa in a.parts:
            year, kind = part_context(a, pa.heading)
            if kind != "target" or year is None or year != a.meta.year:
                continue
            best = None
            for b in by_city[a.meta.city]:
                if b.meta.year <= a.meta.year:
                    continue
                for pb in b.parts:
                    y2, k2 = part_context(b, pb.heading)
                    if k2 == "actual" and y2 == year and (best is None or b.meta.year < best[0].meta.year):
                        best = (b, pb)
            if best:
                out.append(Pair(a, pa, best[0], best[1], year))
    return out


@dataclass(slots=True)
class Link:
    src: tuple[str, str]
    """(report id, node id)."""
    dst: tuple[str, str]
    relation: str
    """``result`` (what happened next), ``plan`` (what was planned) or ``related`` (same themes)."""
    score: float = 0.0
    themes: tuple[str, ...] = ()
    basis: str = "curated"
    """``curated`` (data/alignments.yml), ``parts`` (a plan part and the review part of the same year) or
    ``terms`` (computed from shared terms and themes)."""


class AlignmentLink(Schema):
    plan: Text
    """A section (or part) id of the plan report."""
    result: list[Text] = []
    """Section (or part) ids of the result report; empty: the later report reviews nothing of it."""


class Alignment(Schema):
    plan: Text
    """The report that plans year N (its registry id)."""
    result: Text
    """The report that reviews year N."""
    links: list[AlignmentLink] = []


class AlignmentsFile(Schema):
    alignments: list[Alignment] = []


def load_alignments(root: Path, docs: list[Document]) -> list[dict]:
    found = load(root, ALIGNMENTS, AlignmentsFile)
    if found is None:
        return []
    data, file = found
    by_id = {d.meta.id: d for d in docs}
    out = []
    for n, raw in enumerate(data.alignments):
        plan, result = by_id.get(raw.plan), by_id.get(raw.result)
        if plan is None or result is None:
            continue  # a report not (yet) in the registry: nothing to link
        ids_plan = {s.id for p in plan.parts for s in p.sections} | {p.id for p in plan.parts}
        # a review written as paragraphs without sections (北京: 一是…二是…) is aligned paragraph by paragraph
        ids_result = ({s.id for p in result.parts for s in p.sections} | {p.id for p in result.parts}
                      | {b.id for b in result.body_blocks()})
        for k, link in enumerate(raw.links):
            if link.plan not in ids_plan:
                file.fail(("alignments", n, "links", k, "plan"), f"{plan.meta.id} has no section {link.plan!r}.")
            for j, r in enumerate(link.result):
                if r not in ids_result:
                    file.fail(("alignments", n, "links", k, "result", j), f"{result.meta.id} has no section {r!r}.")
        out.append({"plan": plan.meta.id, "result": result.meta.id,
                    "links": [{"plan": link.plan, "result": list(link.result)} for link in raw.links]})
    return out


def plan_result_links(docs: list[Document], curated: list[dict]) -> list[Link]:
    """Both directions of every curated section link, plus the part-level link of every pair."""
    out = []
    for pair in pairs(docs):
        a, b = (pair.plan.meta.id, pair.plan_part.id), (pair.result.meta.id, pair.result_part.id)
        out += [Link(a, b, "result", basis="parts"), Link(b, a, "plan", basis="parts")]
    for al in curated:
        for link in al["links"]:
            for r in link.get("result") or []:
                a, b = (al["plan"], link["plan"]), (al["result"], r)
                out += [Link(a, b, "result"), Link(b, a, "plan")]
    return out


# --- similarity: shared glossary terms and themes ------------------------------------------------

def _vector(text: str, matcher: Matcher | None, themes: list[Theme]) -> dict[str, float]:
    vec: dict[str, float] = {}
    if matcher is not None:
        for _, _, term in matcher.find(text, "zh"):
            vec["t:" + term.id] = vec.get("t:" + term.id, 0) + 1.0
    for th in themes:
        if th.find(text) >= 0:
            vec["h:" + th.id] = 3.0
    return {k: 1 + math.log(v) if k.startswith("t:") else v for k, v in vec.items()}


def _cos(a: dict, b: dict) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


@dataclass(slots=True)
class SectionInfo:
    doc: Document
    section: Section
    year: int | None
    mode: str | None
    vec: dict = field(default_factory=dict)
    themes: tuple[str, ...] = ()


def sections_info(docs: list[Document], matcher: Matcher | None, themes: list[Theme]) -> list[SectionInfo]:
    out = []
    for doc in docs:
        ns = nodes(doc)
        for part in doc.parts:
            year, kind = part_context(doc, part.heading)
            for s in part.sections:
                text = section_text(ns, s.id)
                vec = _vector(text, matcher, themes)
                out.append(SectionInfo(doc, s, year, {"actual": "done", "target": "planned"}.get(kind or ""), vec,
                                       tuple(k[2:] for k in vec if k.startswith("h:"))))
    return out


RELATED_MIN = 0.25
RELATED_TOP = 3


def related(infos: list[SectionInfo]) -> list[Link]:
    """For each section, the closest sections of the city's other reports (cosine of terms and themes), best first.

    Only reports of the same city are compared: "the same topic in other years" is what a reader of a
    city's report follows, and a city's pages then need nothing from other cities (a city can be built
    on its own). Within a city, scores are accumulated through an inverted index (feature -> sections),
    so the cost grows with the shared features, not with the square of the number of sections; across
    cities it grows with the number of cities.
    """
    by_city: dict[str, list[SectionInfo]] = {}
    for info in infos:
        by_city.setdefault(info.doc.meta.city, []).append(info)
    return [link for group in by_city.values() for link in _related(group)]


def _related(infos: list[SectionInfo]) -> list[Link]:
    unit = []
    postings: dict[str, list[tuple[int, float]]] = {}
    for n, info in enumerate(infos):
        norm = math.sqrt(sum(v * v for v in info.vec.values())) or 1.0
        vec = {k: v / norm for k, v in info.vec.items()}
        unit.append(vec)
        for k, v in vec.items():
            postings.setdefault(k, []).append((n, v))
    out = []
    for n, a in enumerate(infos):
        acc: dict[int, float] = {}
        for k, v in unit[n].items():
            for m, w in postings[k]:
                if infos[m].doc is not a.doc:
                    acc[m] = acc.get(m, 0.0) + v * w
        scored = [(score, infos[m]) for m, score in acc.items() if score >= RELATED_MIN - 1e-12]
        scored.sort(key=lambda x: (-round(x[0], 9), x[1].doc.meta.year, x[1].section.ordinal))
        for score, b in scored[:RELATED_TOP]:
            shared = tuple(t for t in a.themes if t in b.themes)
            out.append(Link((a.doc.meta.id, a.section.id), (b.doc.meta.id, b.section.id), "related",
                            round(score, 3), shared, "terms"))
    return out


HEADING_WEIGHT = 0.5
"""Weight of the headings' shared character pairs (城市规划建设治理) beside the shared terms and themes."""


def _bigrams(text: str) -> set[str]:
    han = re.sub(r"[^\u4e00-\u9fff]", " ", text)
    return {w[i:i + 2] for w in han.split() for i in range(len(w) - 1)}


def _dice(a: set, b: set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def suggest(docs: list[Document], matcher: Matcher | None, themes: list[Theme], min_score: float = 0.2,
            top: int = 2) -> list[dict]:
    """Proposed alignments for every (plan, review) pair: each plan section's best review sections."""
    infos = {(i.doc.meta.id, i.section.id): i for i in sections_info(docs, matcher, themes)}
    out = []
    for pair in pairs(docs):
        links = []
        for s in pair.plan_part.sections:
            a = infos[(pair.plan.meta.id, s.id)]
            scored = sorted(((_cos(a.vec, infos[(pair.result.meta.id, r.id)].vec)
                              + HEADING_WEIGHT * _dice(_bigrams(s.heading), _bigrams(r.heading)), r)
                             for r in pair.result_part.sections), key=lambda x: -x[0])
            best = [(round(sc, 3), r) for sc, r in scored[:top] if sc >= min_score]
            if best and len(best) > 1 and best[1][0] < best[0][0] * 0.75:
                best = best[:1]
            links.append({"plan": s, "result": best})
        out.append({"plan": pair.plan, "result": pair.result, "links": links})
    return out


def block_links(docs: list[Document], curated: list[dict], matcher: Matcher | None, themes: list[Theme],
                min_score: float = 0.2) -> list[Link]:
    """Paragraph level: each plan block's closest block in the review sections aligned with its section."""
    by_id = {d.meta.id: d for d in docs}
    out = []
    for al in curated:
        plan, result = by_id[al["plan"]], by_id[al["result"]]
        pn, rn = nodes(plan), nodes(result)
        for link in al["links"]:
            wanted = set(link.get("result") or [])
            targets = [n for n in rn if n.kind == "block" and (n.section in wanted or n.id in wanted)]
            vecs = [(n, _vector(n.text, matcher, themes)) for n in targets]
            for a in (n for n in pn if n.kind == "block" and n.section == link["plan"]):
                va = _vector(a.text, matcher, themes)
                scored = sorted(((_cos(va, vb), n) for n, vb in vecs), key=lambda x: -x[0])
                if scored and scored[0][0] >= min_score:
                    score, b = scored[0]
                    out += [Link((plan.meta.id, a.id), (result.meta.id, b.id), "result", round(score, 3), basis="terms"),
                            Link((result.meta.id, b.id), (plan.meta.id, a.id), "plan", round(score, 3), basis="terms")]
    return out


# --- what's new ---------------------------------------------------------------------------------

_QUOTED = re.compile(r"“([^”]{2,16})”")
_LATIN = re.compile(r"(?<![A-Za-z])([A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]+)?)(?![A-Za-z])")


@dataclass(slots=True)
class Phrase:
    text: str
    kind: str
    """``term`` (a glossary term), ``quoted`` (a phrase the report puts in quotation marks) or ``latin``."""
    node: str
    """Where it first occurs."""
    term: object = None


def phrases(doc: Document, matcher: Matcher | None) -> list[Phrase]:
    """Candidate terms and phrases of a report, each with its first occurrence, in reading order."""
    seen: dict[str, Phrase] = {}
    for block in doc.body_blocks():
        text = block.text + ("\n" + block.detail if block.detail else "")
        found = []
        if matcher is not None:
            found += [(s, text[s:e], "term", term) for s, e, term in matcher.find(text, "zh")]
        found += [(m.start(1), m.group(1), "quoted", None) for m in _QUOTED.finditer(text)
                  if re.search(r"[\u4e00-\u9fff]", m.group(1))]
        found += [(m.start(1), m.group(1), "latin", None) for m in _LATIN.finditer(text)]
        for _, phrase, kind, term in sorted(found, key=lambda x: x[0]):
            if phrase not in seen:
                seen[phrase] = Phrase(phrase, kind, block.id, term)
    for part in doc.parts:
        for node_id, heading in [(part.id, part.heading)] + [(s.id, s.heading) for s in part.sections]:
            found = [(m.group(1), "quoted", None) for m in _QUOTED.finditer(heading)]
            found += [(m.group(1), "latin", None) for m in _LATIN.finditer(heading)]
            if matcher is not None:
                found += [(heading[s:e], "term", term) for s, e, term in matcher.find(heading, "zh")]
            for phrase, kind, term in found:
                if phrase not in seen:
                    seen[phrase] = Phrase(phrase, kind, node_id, term)
    return list(seen.values())


def body_text(doc: Document) -> str:
    heads = [p.heading for p in doc.parts] + [s.heading for p in doc.parts for s in p.sections]
    return "\n".join(heads + [b.text + "\n" + (b.detail or "") for b in doc.body_blocks()])


def previous(doc: Document, docs: list[Document]) -> Document | None:
    """The latest earlier report of the same city."""
    earlier = [d for d in docs if d.meta.city == doc.meta.city and d.meta.year < doc.meta.year]
    return max(earlier, key=lambda d: (d.meta.year, d.meta.kind == "full")) if earlier else None


def whats_new(doc: Document, prev: Document, matcher: Matcher | None,
              cache: dict | None = None) -> tuple[list[Phrase], list[Phrase]]:
    """(phrases of ``doc`` absent from ``prev``'s text, phrases of ``prev`` absent from ``doc``'s text).

    ``cache`` (report id -> (phrases, text)) saves work when every report of a site is compared.
    """
    cache = {} if cache is None else cache
    for d in (doc, prev):
        if d.meta.id not in cache:
            cache[d.meta.id] = (phrases(d, matcher), body_text(d))

    def absent(ph: list[Phrase], other: str) -> list[Phrase]:
        out = [p for p in ph if p.text not in other]
        # a phrase inside a longer new phrase of the same paragraph is not news of its own: keep the longest
        by_node: dict[str, list[str]] = {}
        for p in out:
            by_node.setdefault(p.node, []).append(p.text)
        return [p for p in out if not any(p.text != q and p.text in q for q in by_node[p.node])]

    return absent(cache[doc.meta.id][0], cache[prev.meta.id][1]), absent(cache[prev.meta.id][0], cache[doc.meta.id][1])
