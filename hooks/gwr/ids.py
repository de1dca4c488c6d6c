"""Assign permanent ids and ordinals to every node of a document.

Ids come from the report's own numbering, Akoma Ntoso style:

* ``part_2`` — the second part (``二、``, or the second unnumbered part line);
* ``part_2__sec_3`` — its section ``（三）``;
* ``part_2__sec_3__para_4`` — the fourth paragraph of that section;
* ``part_1__para_2`` — a paragraph of the part outside any section;
* ``part_1__sec_1__item_3`` — the third list item of a section;
* ``preamble__para_1`` and ``closing__para_1`` — before the first part, after the last.

Paragraphs (including highlight lines) and list items are counted separately
within their container. Because seeds are never edited, positions never shift;
the URL snapshot test guards that.
"""

from __future__ import annotations

from .model import Block, Document, Section


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


def node_ids(doc: Document):
    for block in doc.preamble:
        yield block.id
    for part in doc.parts:
        yield part.id
        for child in part.children:
            yield child.id
            if isinstance(child, Section):
                for block in child.blocks:
                    yield block.id
    for block in doc.closing:
        yield block.id
    for annex in doc.annexes:
        yield annex.id
        for block in annex.blocks:
            yield block.id
    for note in doc.notes:
        yield note.id
