"""Assign permanent ids and ordinals to every node of a document.

Ids come from the report's own numbering, Akoma Ntoso style:

* ``part_2`` — the second part (``二、``, or the second unnumbered part line);
* ``part_2__sec_3`` — its section ``（三）``;
* ``part_2__sec_3__para_4`` — the fourth paragraph of that section;
* ``part_1__para_2`` — a paragraph of the part outside any section;
* ``part_1__sec_1__item_3`` — the third list item of a section;
* ``preamble__para_1`` and ``closing__para_1`` — before the first part, after the last.

Paragraphs (including highlight lines) and list items are counted separately
within their container. Seeds are never edited, but an official text can be
corrected and renumbered: :func:`meanings` fingerprints what each id points to,
the URL snapshot records it, and a changed meaning must be declared in
``data/id-changes.yml`` (see :mod:`gwr.idchanges`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .model import Block, Document, Part, Section


def _number_blocks(prefix: str, blocks: list) -> None:
    counts = {"para": 0, "item": 0}
    for block in blocks:
        if not isinstance(block, Block):
            continue
        kind = "item" if block.kind == "item" else "para"
        counts[kind] += 1
        block.ordinal = counts[kind]
        block.id = f"{prefix}__{kind}_{block.ordinal}"


def assign_ids(doc: Document) -> None:
    _number_blocks("preamble", doc.preamble)
    _number_blocks("closing", doc.closing)
    for part in doc.parts:
        part.id = f"part_{part.ordinal}"
        _number_blocks(part.id, part.children)
        for child in part.children:
            if isinstance(child, Section):
                child.id = f"{part.id}__sec_{child.ordinal}"
                _number_blocks(child.id, child.blocks)
    for annex in doc.annexes:
        annex.id = f"annex_{annex.ordinal}"
        _number_blocks(annex.id, annex.blocks)
    for note in doc.notes:
        note.id = f"note_{note.ordinal}"


def duplicate_ids(doc: Document) -> list[str]:
    """Ids that occur twice (numbering repeated in the source); the hook reports them."""
    seen: set[str] = set()
    dupes: list[str] = []
    for node_id in node_ids(doc):
        if node_id in seen:
            dupes.append(node_id)
        seen.add(node_id)
    return dupes


def nodes(doc: Document):
    """Every part, section, block, annex and note of ``doc``, in reading order (notes last)."""
    yield from doc.preamble
    for part in doc.parts:
        yield part
        for child in part.children:
            yield child
            if isinstance(child, Section):
                yield from child.blocks
    yield from doc.closing
    for annex in doc.annexes:
        yield annex
        yield from annex.blocks
    yield from doc.notes


def node_ids(doc: Document):
    return (node.id for node in nodes(doc))


def fingerprint(text: str) -> str:
    """A short hash of a text, insensitive to Unicode normalisation and whitespace."""
    norm = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def meanings(doc: Document) -> dict[str, str]:
    """Node id -> fingerprint of the Chinese text it points to: what a citation of the id means.

    A part or section means its heading (its first paragraph when it has none), a paragraph or item its text
    (and detail). The report itself has no fingerprint: its id names the document, whatever its text.
    """

    def block(b: Block) -> str:
        return fingerprint(b.text + ("\n" + b.detail if b.detail else ""))

    def head(node: Part | Section, children: list) -> str:
        first = next((c for c in children if isinstance(c, Block)), None)
        return fingerprint(node.heading or (first.text if first else ""))

    out: dict[str, str] = {}
    for b in doc.preamble + doc.closing:
        out[b.id] = block(b)
    for part in doc.parts:
        out[part.id] = head(part, part.children)
        for child in part.children:
            if isinstance(child, Section):
                out[child.id] = head(child, child.blocks)
                out.update((b.id, block(b)) for b in child.blocks)
            else:
                out[child.id] = block(child)
    for annex in doc.annexes:
        out[annex.id] = head(annex, annex.blocks)
        out.update((b.id, block(b)) for b in annex.blocks)
    for note in doc.notes:
        out[note.id] = fingerprint(note.term + "\n" + note.text)
    return out
