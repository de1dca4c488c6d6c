"""Parse a report, as published, into the document model.

The ingest stage (:mod:`gwr.ingest`) has decoded the seed, numbered its lines, set aside what is
not the report (page chrome, metadata lines, captions, related links, licences, the report's own
notes) and grouped the rest into units by the text's layout family. Here each unit is classified
(front matter, part line, section head, list item, highlight, paragraph, or more material that is
not the report: resolutions, link lists, blog footers, newspaper marks, duplicates) and a small
state machine builds parts and sections.

Problems that do not stop the build are returned as :class:`ParseWarning` with ``file:line``;
the hook decides how to report them. :mod:`gwr.checks` adds the checks on the result (headings
too long, a part that swallows the text, no targets sentence, text not placed).
"""

from __future__ import annotations

import re

from . import frontmatter as fm
from .figures import cn_numeral as numeral_value
from .ingest.classify import ANNEX, Classified, THEMATIC_BREAK, classify
from .ingest.group import ITEM, MD_HEADING, PART_NUM, SECTION_NUM, Unit, group
from .ingest.normalise import Source
from .model import Annex, Block, Document, FrontMatter, ParseWarning, Part, ReportMeta, Section, SetAside
from .parse_finish import finish
from .parse_text import (DUPLICATE_MIN, LINK_ONLY, PAGE_MARKER, PART_HEADING_MAX, TERMINAL, footer_start,
                         is_heading_like, join_lines, notes_of, split_lead, unit_text)

class _Parser:
    def __init__(self, meta: ReportMeta, source: Source, classified: Classified):
        self.meta = meta
        self.file = meta.file
        self.source = source
        self.units = group(classified.lines, classified.layout)
        self.doc = Document(meta=meta, front=FrontMatter(), layout=classified.layout.family,
                            encoding=source.encoding)
        self.part: Part | None = None
        self.section: Section | None = None
        self.body_started = False
        self.resolution_group: int | None = None
        self.annex: Annex | None = None
        self.sublist_next = 0
        """Inside a section: the next number of a 一、二、… list the section holds (not part lines)."""
        self.seen: dict[str, int] = {}
        for a in classified.asides:
            text = "\n".join(source.line(n).strip() for n in range(a.line, a.end_line + 1) if source.line(n).strip())
            self.doc.set_aside.append(SetAside(a.kind, text, a.line, a.end_line, a.note))
        for no, n in sorted(source.removed.items()):
            # a stray control character is dropped from the text and listed, never published
            self.doc.set_aside.append(SetAside("control", f"{n} × U+0000–U+001F", no, no))
        if classified.notes:
            self.doc.notes_heading, self.doc.notes_line, notes = notes_of(classified)
            self.doc.notes.extend(notes)
        if classified.notes and classified.notes.annex:
            a = classified.notes.annex
            self.doc.notes_heading = f"{a.text} {self.doc.notes_heading}"
            self.doc.ignored.append(a.no)

    # -- helpers ---------------------------------------------------------
    def warn(self, line: int, message: str) -> None:
        self.doc.warnings.append(ParseWarning(self.file, line, message))

    def set_aside(self, kind, unit: Unit, text: str | None = None, note: str | None = None) -> None:
        self.doc.set_aside.append(SetAside(kind, unit.raw_text if text is None else text, unit.line, unit.end_line,
                                           note))

    def front(self, unit: Unit) -> None:
        self.doc.front.spans.append((unit.line, unit.end_line))

    def container(self) -> list:
        if self.annex is not None:
            return self.annex.blocks
        if self.section is not None:
            return self.section.blocks
        if self.part is not None:
            return self.part.children
        return self.doc.preamble

    def add_block(self, kind: str, text: str, line: int, end_line: int, detail: str | None = None) -> None:
        lead = None
        if kind == "highlight" or (self.section is not None and kind == "paragraph"):
            lead, _ = split_lead(text)
        self.container().append(Block(kind, text, line, end_line, lead=lead, detail=detail))
        self.body_started = True

    def uses_explicit_parts(self) -> bool:
        for unit in self.units:
            first = unit.first
            m = MD_HEADING.match(first)
            if m:
                first = m.group(2)
                if not fm.is_title(first) and not SECTION_NUM.match(first):
                    return True
            if PART_NUM.match(first):
                return True
        return False

    # -- the state machine ----------------------------------------------
    def parse(self) -> Document:
        explicit_parts = self.uses_explicit_parts()
        units = self.units
        footer_from = footer_start(self.units)
        i = 0
        while i < len(units):
            unit = units[i]
            if footer_from is not None and i >= footer_from:
                for rest in units[i:]:
                    if THEMATIC_BREAK.match(rest.first) and len(rest.lines) == 1:
                        self.doc.ignored.append(rest.line)
                    else:
                        self.set_aside("footer", rest)
                break
            i = self._one(unit, i, explicit_parts)
        finish(self.doc, self.warn)
        return self.doc

    def _next_content(self, i: int) -> Unit | None:
        for unit in self.units[i + 1:]:
            if not PAGE_MARKER.match(unit.first):
                return unit
        return None

    def _duplicate(self, unit: Unit, text: str) -> bool:
        """Set aside a unit that repeats an earlier one word for word (scrapes repeat blocks)."""
        key = re.sub(r"\s+", "", text)
        if len(key) < DUPLICATE_MIN:
            return False
        first = self.seen.get(key)
        if first is None:
            self.seen[key] = unit.line
            return False
        self.set_aside("duplicate", unit, note=f"{first}")
        if self.body_started and self._next_content_index(unit) is not None:
            self.warn(unit.line, f"this text repeats line {first} word for word and was set aside; check that the "
                      "seed is not a page with repeated blocks (or declare the lines in the registry's set_aside)")
        return True

    def _next_content_index(self, unit: Unit) -> int | None:
        idx = self.units.index(unit)
        for k in range(idx + 1, len(self.units)):
            u = self.units[k]
            if not self.seen.get(re.sub(r"\s+", "", unit_text(u))):
                return k
        return None

    def _one(self, unit: Unit, i: int, explicit_parts: bool) -> int:
        first = unit.first
        text = unit_text(unit)

        # Material inside a blockquote that belongs to a congress resolution.
        if unit.quoted and unit.quote_group == self.resolution_group:
            self.set_aside("resolution", unit)
            return i + 1
        if PAGE_MARKER.match(text):
            self.set_aside("page-marker", unit)
            return i + 1
        if THEMATIC_BREAK.match(text):
            self.doc.ignored.append(unit.line)
            return i + 1
        if self._duplicate(unit, text):
            return i + 1

        am = ANNEX.match(text)
        if am and self.body_started:
            return self._annex(unit, i, am)
        if self.annex is not None:
            if not self.annex.heading and is_heading_like(text) and not self.annex.blocks:
                self.annex.heading, self.annex.heading_end = text, unit.end_line
            else:
                self.add_block("paragraph", text, unit.line, unit.end_line)
            return i + 1

        md = MD_HEADING.match(first)
        if md and len(unit.lines) == 1:
            heading = md.group(2)
            if fm.is_title(heading) and not self.body_started and not PART_NUM.match(heading):
                return self._title(unit, heading, i)
            sm = SECTION_NUM.match(heading)
            if sm:
                return self._section(unit, i, sm, heading_only=True)
            return self._part(unit, heading, i, markdown=True)

        if "决议" in text and ("关于" in text or "工作报告" in text) and not self.body_started:
            # The congress resolution on the report: not the report's text.
            self.resolution_group = unit.quote_group if unit.quoted else None
            self.set_aside("resolution", unit)
            if not unit.quoted:
                return self._skip_unquoted_resolution(i)
            return i + 1
        if LINK_ONLY.match(text.replace("\n", "")):
            self.set_aside("link-list", unit)
            return i + 1
        if not self.body_started and not self.doc.parts:
            taken = self._front_matter(unit, text, i)
            if taken is not None:
                return taken
        if fm.is_salutation(text) and self.doc.front.salutation is None and not self.doc.parts:
            self.doc.front.salutation, self.doc.front.salutation_line = text, unit.line
            self.front(unit)
            self.body_started = True
            return i + 1
        if unit.quoted and not self.body_started:
            self.set_aside("quoted", unit)
            self.warn(unit.line, "quoted text before the report body set aside as not part of the report")
            return i + 1

        pm = PART_NUM.match(first)
        if pm and self.section is not None:
            n = numeral_value(pm.group(1))
            listy = text.endswith("。") or len(text) > 40 or n != len(self.doc.parts) + 1
            if (n == 1 and len(self.doc.parts) >= 1) or (self.sublist_next and n == self.sublist_next and listy):
                # 一、二、… inside a section: a numbered list of the section, not part lines
                self.sublist_next = n + 1
                self.add_block("paragraph", text, unit.line, unit.end_line)
                return i + 1
        if pm:
            return self._part(unit, text, i, markdown=False)
        sm = SECTION_NUM.match(first)
        if sm:
            return self._section(unit, i, sm)
        if ITEM.match(first):
            return self._items(unit, i)
        if first.startswith("——"):
            self.add_block("highlight", text, unit.line, unit.end_line)
            return i + 1

        if is_heading_like(text) and len(unit.lines) == 1:
            nxt = self._next_content(i)
            if nxt is None:
                # A short line that ends the document: the closing slogan.
                self.doc.closing.append(Block("paragraph", text, unit.line, unit.end_line))
                return i + 1
            if not explicit_parts:
                nxt_text = unit_text(nxt)
                if not self.body_started and is_heading_like(nxt_text) and not SECTION_NUM.match(nxt.first):
                    # A kicker above the first part line, e.g. a newspaper column header.
                    self.set_aside("column-header", unit)
                    return i + 1
                if not SECTION_NUM.match(nxt.first) and not ITEM.match(nxt.first):
                    return self._part(unit, text, i, markdown=False)
        if not self.body_started and self.meta.kind == "full" and self._salutation_ahead(i):
            self.warn(unit.line, "text before 各位代表： read as the report's opening; if it is not the report "
                      "(page chrome, metadata, a caption), declare its lines in the registry's set_aside")
        self.add_block("paragraph", text, unit.line, unit.end_line)
        return i + 1

    def _salutation_ahead(self, i: int) -> bool:
        return any(fm.is_salutation(unit_text(u)) for u in self.units[i + 1:i + 12])

    def _front_matter(self, unit: Unit, text: str, i: int) -> int | None:
        """Title, delivery line and speaker before the body; None when ``unit`` is none of them."""
        front = self.doc.front
        if len(unit.lines) > 1:
            first = unit.lines[0].text
            if fm.is_title(first) or fm.delivery(first) or fm.is_speaker(first) or fm.is_salutation(first):
                # front-matter lines with no blank line between them: one unit each
                self.units[i:i + 1] = [Unit(unit.lines[:1], unit.quote_group), Unit(unit.lines[1:], unit.quote_group)]
                return i
        if fm.is_title(text) and not PART_NUM.match(text) and len(unit.lines) <= 2:
            return self._title(unit, text, i)
        d = fm.delivery(text)
        if d:
            line, rest = d[0].strip(), d[1].strip()
            if front.delivery is None:
                front.delivery, front.delivery_line = line, unit.line
                self.front(unit)
                if rest and fm.is_speaker(rest) and front.speaker is None:
                    front.speaker, front.speaker_line = rest, unit.line
                elif rest:
                    front.delivery = text
                    self.warn(unit.line, f"text after the delivery line not recognised (kept in it): {rest[:40]!r}")
            else:
                self.set_aside("repeated-front", unit)
            return i + 1
        if fm.is_speaker(text) and (front.delivery is not None or front.title is not None):
            if front.speaker is None:
                front.speaker, front.speaker_line = text, unit.line
                self.front(unit)
            else:
                self.set_aside("repeated-front", unit)
            return i + 1
        return None

    def _annex(self, unit: Unit, i: int, m: re.Match) -> int:
        self.section = None
        ordinal = len(self.doc.annexes) + 1
        self.annex = Annex(unit.first.strip("#：: "), ordinal, "", unit.line, unit.end_line)
        self.doc.annexes.append(self.annex)
        return i + 1

    def _skip_unquoted_resolution(self, i: int) -> int:
        j = i + 1
        while j < len(self.units):
            t = unit_text(self.units[j])
            if fm.delivery(t) or fm.is_salutation(t) or PART_NUM.match(t) or MD_HEADING.match(t):
                break
            self.set_aside("resolution", self.units[j])
            j += 1
        return j

    def _title(self, unit: Unit, heading: str, i: int) -> int:
        front = self.doc.front
        if front.title is None:
            front.title, front.title_line = heading, unit.line
            self.front(unit)
        else:
            self.set_aside("repeated-title", unit)
        return i + 1

    def _part(self, unit: Unit, heading: str, i: int, markdown: bool) -> int:
        self.section = None
        num = ""
        m = PART_NUM.match(heading)
        if m:
            num = m.group(1) + "、"
            ordinal = numeral_value(m.group(1))
            heading = m.group(2)
            expected = len(self.doc.parts) + 1
            if ordinal != expected:
                self.warn(unit.line, f"part {num} found where part {expected} was expected")
        else:
            ordinal = len(self.doc.parts) + 1
        rest = ""
        if len(heading) > PART_HEADING_MAX:
            sentence = re.match(r"^([^。！？]{2,%d}[。！？])(.+)$" % PART_HEADING_MAX, heading, re.S)
            if sentence:
                heading, rest = sentence.group(1).rstrip("。"), sentence.group(2).strip()
        self.part = Part(num, ordinal, heading, unit.line, unit.end_line, heading_end=unit.end_line)
        self.doc.parts.append(self.part)
        self.body_started = True
        if rest:
            self.add_block("paragraph", rest, unit.line, unit.end_line)
        return i + 1

    def _section(self, unit: Unit, i: int, m: re.Match, heading_only: bool = False) -> int:
        if self.part is None:
            # Sections before any part line: an implicit, unnumbered part holds them.
            self.part = Part("", len(self.doc.parts) + 1, "", unit.line, unit.line, heading_end=unit.line)
            self.doc.parts.append(self.part)
        self.sublist_next = 0
        num = f"{m.group(1)}{m.group(2)}{m.group(3)}"
        ordinal = numeral_value(m.group(2))
        expected = len(self.part.sections) + 1
        if ordinal != expected:
            self.warn(unit.line, f"section {num} found where section {expected} was expected")
        rest_lines = [m.group(4)] + ([] if heading_only else [ln.text for ln in unit.lines[1:]])
        rest = join_lines([r for r in rest_lines if r])
        section = Section(num, ordinal, "", unit.line, unit.end_line, heading_end=unit.end_line)
        self.section = section
        self.part.children.append(section)
        self.body_started = True
        nxt_i = i + 1
        if not rest:
            # The heading is on the next line (heads broken across lines).
            if nxt_i < len(self.units):
                nxt = self.units[nxt_i]
                nxt_text = unit_text(nxt)
                if (
                    not SECTION_NUM.match(nxt.first)
                    and not ITEM.match(nxt.first)
                    and not PART_NUM.match(nxt.first)
                    and not MD_HEADING.match(nxt.first)
                    and nxt_text[-1] not in TERMINAL
                ):
                    section.heading = nxt_text
                    section.end_line = section.heading_end = nxt.end_line
                    return nxt_i + 1
            self.warn(unit.line, f"section {num} has no heading")
            return nxt_i
        sentence = re.match(r"^([^。！？]+)([。！？])(.+)$", rest, re.S)
        if sentence:
            section.heading = sentence.group(1)
            section.heading_inline = True
            self.add_block("paragraph", sentence.group(3).strip(), unit.line, unit.end_line)
        else:
            section.heading = rest.rstrip("。")
        return nxt_i

    def _items(self, unit: Unit, i: int) -> int:
        # An item line may be followed, without a blank line, by lines that detail it.
        item: list = []

        def flush():
            if item:
                text = ITEM.match(item[0].text).group(1).strip()
                detail = join_lines([ln.text for ln in item[1:]]) or None
                self.add_block("item", text, item[0].no, item[-1].no, detail=detail)

        for ln in unit.lines:
            if ITEM.match(ln.text):
                flush()
                item = [ln]
            else:
                item.append(ln)
        flush()
        return i + 1

class ParseError(Exception):
    """The text has no structure the parser recognises."""


def parse_source(meta: ReportMeta, source: Source) -> Document:
    """Parse a normalised seed into a :class:`Document` and run the checks on the result."""
    from .checks import check

    declared = []
    for entry in meta.set_aside or []:
        first, last = entry.first_last
        declared.append((first, last, entry.reason))
    classified = classify(source, declared)
    doc = _Parser(meta, source, classified).parse()
    if not doc.parts:
        raise ParseError(
            f"{meta.file}: no recognisable structure: found no part lines (e.g. '一、2024年工作回顾', "
            "'### 一、…' or a short heading line) and no section heads (e.g. '（一）…'). "
            "Check that the file is a government work report and that 'file' points to the right seed."
        )
    doc.warnings.extend(check(doc, source))
    return doc


def parse_report(meta: ReportMeta, text: str) -> Document:
    """Parse ``text`` (the seed as published, already decoded) into a :class:`Document`."""
    from .ingest.normalise import normalise

    return parse_source(meta, normalise(text, meta.file))
