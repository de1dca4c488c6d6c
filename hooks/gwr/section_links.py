"""Links between the sections of a city's reports: plan -> result, and related sections.

* **Plan -> result.** A plan part of report N and the review part of a later report of the same year are paired
  (:func:`pairs`); ``data/alignments.yml`` says, curated by reading, which review sections of report N+1 report on
  each plan section of report N (:func:`suggest` proposes them for a new report from shared terms), and
  :func:`block_links` pairs their paragraphs.
* **Related sections.** The closest sections of the city's other reports by the glossary terms
  (``data/glossary.yml``) and themes they share (:func:`related`).

Everything here works from the model and the data files, with no rule for any report.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .datafiles import Schema, Text, load
from .glossary import Matcher
from .model import Document, Part, Section
from .periods import part_context
from .themes import Theme, nodes, section_text

ALIGNMENTS = "data/alignments.yml"


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
