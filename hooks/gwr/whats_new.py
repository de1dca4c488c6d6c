"""What's new: the terms and phrases a report names that the city's previous report did not, and those it no longer
names.

A phrase is a glossary term (``data/glossary.yml``), a phrase the report puts in quotation marks, or a Latin
abbreviation; each is found where it first occurs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .glossary import Matcher
from .model import Document


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
