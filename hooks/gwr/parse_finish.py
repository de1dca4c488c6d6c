"""The parser's last step (:mod:`gwr.parser`): what the state machine put in a part's last section but belongs to
the part, or to the report's closing, and the end line of each part and section."""

from __future__ import annotations

from .model import Block, Document, Part, Section


def finish(doc: Document, warn) -> None:
    """After the last unit: each part's wrap-up and address taken out of its last section, the closing salutation
    taken out of the last part, end lines, the set-aside material in line order. ``warn(line, message)``."""
    for part in doc.parts:
        detach_wrap_up(part)
        detach_address(part)
    # The closing: salutation paragraphs that end the last part, after its last section.
    if doc.parts:
        last = doc.parts[-1]
        container = last.sections[-1].blocks if last.sections and last.children[-1] is last.sections[-1] else last.children
        tail: list[Block] = []
        while container and isinstance(container[-1], Block) and container[-1].text.startswith("各位代表"):
            tail.insert(0, container.pop())
        doc.closing[:0] = tail
    for part in doc.parts:
        ends = [part.end_line]
        for child in part.children:
            if isinstance(child, Section):
                if child.blocks:
                    child.end_line = max(child.end_line, child.blocks[-1].end_line)
                ends.append(child.end_line)
            else:
                ends.append(child.end_line)
        part.end_line = max(ends)
    doc.set_aside.sort(key=lambda a: a.line)
    if not doc.parts:
        return
    if doc.meta.kind == "full" and doc.front.title is None:
        warn(1, "no title line found; the registry title is shown instead")


def detach_address(part: Part) -> None:
    """Paragraphs from an address to the deputies (各位代表…) on, after a part's last section, are the part's.

    A section's paragraphs never turn to the deputies; the part's wrap-up (and the report's
    closing) does. Without a heading to end the last section, this is where it ends.
    """
    sections = part.sections
    if not sections or part.children[-1] is not sections[-1]:
        return
    last = sections[-1]
    for k, block in enumerate(last.blocks):
        if k > 0 and block.kind == "paragraph" and block.text.startswith("各位代表"):
            moved = last.blocks[k:]
            del last.blocks[k:]
            for b in moved:
                b.lead = None
            part.children.extend(moved)
            return


def detach_wrap_up(part: Part) -> None:
    """Give a part back the paragraphs that follow its last one-paragraph section.

    In review parts every section is often a single paragraph opened by its
    head (``（一）标题。正文…``). Paragraphs after the last such section are
    then the part's wrap-up, not more of that section. Inferred from the
    part's own layout; sections with several paragraphs are left alone.
    """
    sections = part.sections
    if len(sections) < 2 or part.children[-1] is not sections[-1]:
        return
    last = sections[-1]
    if not all(s.heading_inline for s in sections) or any(len(s.blocks) != 1 for s in sections[:-1]):
        return
    if len(last.blocks) > 1:
        for block in last.blocks[1:]:
            if block.kind == "paragraph":
                block.lead = None  # leads are titles within sections only
        part.children.extend(last.blocks[1:])
        del last.blocks[1:]
        last.end_line = last.blocks[0].end_line
