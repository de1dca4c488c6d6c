"""Parse a report's text, as published, into the document model.

The parser reads the seed line by line and groups non-blank lines into
blocks. Each block is classified (front matter, part line, section head,
list item, highlight, paragraph, or material that is not the report) and a
small state machine builds parts and sections. It copes with the layouts found
in published reports: Markdown headings of any level or plain part lines;
section heads inline at the start of a paragraph or on their own line; ASCII or
full-width brackets; heads broken across lines; sections with no text;
paragraphs indented with U+3000, spaces or nothing.

Problems that do not stop the build are returned as :class:`ParseWarning`
with ``file:line``; the hook decides how to report them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures import cn_numeral as numeral_value
from .model import Block, Document, FrontMatter, ParseWarning, Part, ReportMeta, Section, SetAside

NUMERALS = "〇零一二三四五六七八九十百"
TERMINAL = "。！？!?；;"
# A line that is a sentence or clause ends with one of these; a heading does not.
CLAUSE_END = TERMINAL + "：:，,、"

MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
PART_NUM = re.compile(rf"^([{NUMERALS}]+)、\s*(.*)$")
SECTION_NUM = re.compile(rf"^([（(])\s*([{NUMERALS}]+)\s*([）)])\s*(.*)$")
ITEM = re.compile(r"^[-*•·]\s+(.*)$")
THEMATIC_BREAK = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
LINK_ONLY = re.compile(r"^(?:\[[^\]]*\]\([^)\s]*\)\s*)+$")
DELIVERY = re.compile(r"^——.*?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*上$")
SPEAKER = re.compile(r"^(\S{0,20}?(?:市长|省长|区长|州长|县长|主席|主任))\s*[　 ]\s*(\S{2,8})$")
SALUTATION = re.compile(r"^各位代表\s*[：:！!]?$")
PAGE_MARKER = re.compile(r"^[（(]\s*(?:上接|下转|接|转)\s*(?:第)?\s*[A-Z]?\d+\s*(?:版)?\s*[）)]$")
FOOTER_LINE = re.compile(r"^(?:作者|URL|原文链接|原文地址|来源|责任编辑|编辑)\s*[:：]")
HAN = re.compile(r"[\u3400-\u9fff]")
LEAD_MAX = 30


@dataclass
class _Line:
    no: int
    text: str
    quoted: bool
    indented: bool = False


@dataclass
class _Raw:
    """A run of non-blank lines with the same quoting."""

    lines: list[_Line]
    quote_group: int | None
    """Blocks of one contiguous blockquote share a group number."""

    @property
    def line(self) -> int:
        return self.lines[0].no

    @property
    def end_line(self) -> int:
        return self.lines[-1].no

    @property
    def first(self) -> str:
        return self.lines[0].text

    @property
    def quoted(self) -> bool:
        return self.quote_group is not None

    @property
    def raw_text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: no space between Han text, one space between Latin words."""
    out = ""
    for p in parts:
        if out and p and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out


def _strip_indent(text: str) -> str:
    return text.lstrip(" \t\u3000\u00a0").rstrip()


def _split_blocks(text: str) -> list[_Raw]:
    blocks: list[_Raw] = []
    current: list[_Line] = []
    current_quoted = False
    group = 0
    in_quote = False

    def flush():
        nonlocal current
        if current:
            blocks.append(_Raw(current, group if current_quoted else None))
        current = []

    for no, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip(" \t")
        quoted = stripped.startswith(">")
        if quoted:
            content = re.sub(r"^>\s?", "", stripped)
            if not in_quote:
                flush()
                group += 1
                in_quote = True
        else:
            content = raw
            if in_quote:
                flush()
                in_quote = False
        indented = content[:1] in (" ", "\t", "\u3000", "\u00a0")
        content = _strip_indent(content)
        if not content:
            flush()
            continue
        if current and current_quoted != quoted:
            flush()
        current_quoted = quoted
        current.append(_Line(no, content, quoted, indented))
    flush()
    return [unit for block in blocks for unit in _split_units(block)]


def _starts_unit(line: _Line) -> bool:
    text = line.text
    return bool(
        line.indented
        or MD_HEADING.match(text)
        or PART_NUM.match(text)
        or SECTION_NUM.match(text)
        or ITEM.match(text)
        or text.startswith("——")
    )


def _split_units(block: _Raw) -> list[_Raw]:
    """Split a run of lines at paragraph starts.

    Where paragraphs are not separated by blank lines, a paragraph starts at an
    indented line or at a line that opens with a part, section, item or
    highlight marker; any other line continues the one before it (hard-wrapped
    text, an item's detail lines, a heading broken across lines).
    """
    units: list[list[_Line]] = []
    for line in block.lines:
        if not units or _starts_unit(line):
            units.append([line])
        else:
            units[-1].append(line)
    return [_Raw(u, block.quote_group) for u in units]


def _is_heading_like(text: str) -> bool:
    """A short standalone line without sentence punctuation, e.g. a plain-text part line."""
    return (
        0 < len(text) <= 40
        and bool(HAN.search(text))
        and text[-1] not in CLAUSE_END
        and not any(c in text for c in "。！？；")
        and not SECTION_NUM.match(text)
        and not ITEM.match(text)
        and not LINK_ONLY.match(text)
    )


def split_lead(text: str) -> tuple[str | None, str]:
    """Return (lead sentence, rest) when the text opens with a short sentence that works as a title."""
    m = re.match(r"^(——)?([^。！？]{2,%d}[。！？])(.+)$" % LEAD_MAX, text, re.S)
    if not m:
        return None, text
    return m.group(2), m.group(3)


class _Parser:
    def __init__(self, meta: ReportMeta, text: str):
        self.meta = meta
        self.file = meta.file
        self.blocks = _split_blocks(text)
        self.doc = Document(meta=meta, front=FrontMatter())
        self.part: Part | None = None
        self.section: Section | None = None
        self.body_started = False
        self.resolution_group: int | None = None

    # -- helpers ---------------------------------------------------------
    def warn(self, line: int, message: str) -> None:
        self.doc.warnings.append(ParseWarning(self.file, line, message))

    def set_aside(self, kind, raw: _Raw, text: str | None = None) -> None:
        self.doc.set_aside.append(SetAside(kind, raw.raw_text if text is None else text, raw.line, raw.end_line))

    def container(self) -> list:
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
        for raw in self.blocks:
            first = raw.first
            m = MD_HEADING.match(first)
            if m:
                first = m.group(2)
                if "政府工作报告" not in first:
                    return True
            if PART_NUM.match(first):
                return True
        return False

    # -- the state machine ----------------------------------------------
    def parse(self) -> Document:
        explicit_parts = self.uses_explicit_parts()
        blocks = self.blocks
        footer_from = self._footer_start()
        i = 0
        while i < len(blocks):
            raw = blocks[i]
            if footer_from is not None and i >= footer_from:
                for rest in blocks[i:]:
                    if not THEMATIC_BREAK.match(rest.first):
                        self.set_aside("footer", rest)
                break
            i = self._one(raw, i, explicit_parts)
        self._finish()
        return self.doc

    def _footer_start(self) -> int | None:
        """Index of the first block of a trailing footer (after a rule, or footer lines), if any."""
        blocks = self.blocks
        for i, raw in enumerate(blocks):
            if THEMATIC_BREAK.match(raw.first) and len(raw.lines) == 1:
                rest = blocks[i + 1 :]
                if not any(self._is_structural(r) for r in rest):
                    return i
        # a footer without a rule: trailing blocks made only of "作者: …", "URL: …" lines
        j = len(blocks)
        while j > 0 and all(FOOTER_LINE.match(ln.text) for ln in blocks[j - 1].lines):
            j -= 1
        return j if j < len(blocks) else None

    def _is_structural(self, raw: _Raw) -> bool:
        first = raw.first
        m = MD_HEADING.match(first)
        if m:
            return True
        return bool(PART_NUM.match(first) or SECTION_NUM.match(first))

    def _next_content(self, i: int) -> _Raw | None:
        for raw in self.blocks[i + 1 :]:
            if not PAGE_MARKER.match(raw.first):
                return raw
        return None

    def _one(self, raw: _Raw, i: int, explicit_parts: bool) -> int:
        first = raw.first
        text = join_lines([ln.text for ln in raw.lines])

        # Material inside a blockquote that belongs to a congress resolution.
        if raw.quoted and raw.quote_group == self.resolution_group:
            self.set_aside("resolution", raw)
            return i + 1
        if PAGE_MARKER.match(text):
            self.set_aside("page-marker", raw)
            return i + 1
        if THEMATIC_BREAK.match(text):
            return i + 1

        md = MD_HEADING.match(first)
        if md and len(raw.lines) == 1:
            heading = md.group(2)
            if "政府工作报告" in heading and not self.body_started and not PART_NUM.match(heading):
                return self._title(raw, heading, i)
            return self._part(raw, heading, i, markdown=True)

        if "决议" in text and ("关于" in text or "工作报告" in text) and not self.body_started:
            # The congress resolution on the report: not the report's text.
            self.resolution_group = raw.quote_group if raw.quoted else None
            self.set_aside("resolution", raw)
            if not raw.quoted:
                return self._skip_unquoted_resolution(i)
            return i + 1
        if LINK_ONLY.match(text.replace("\n", "")):
            self.set_aside("link-list", raw)
            return i + 1
        if DELIVERY.match(text) and self.doc.front.delivery is None and not self.body_started:
            self.doc.front.delivery, self.doc.front.delivery_line = text, raw.line
            return i + 1
        if (
            SPEAKER.match(text)
            and self.doc.front.speaker is None
            and not self.body_started
            and self.doc.front.delivery is not None
        ):
            self.doc.front.speaker, self.doc.front.speaker_line = text, raw.line
            return i + 1
        if SALUTATION.match(text) and self.doc.front.salutation is None and not self.doc.parts:
            self.doc.front.salutation, self.doc.front.salutation_line = text, raw.line
            self.body_started = True
            return i + 1
        if not self.body_started and "政府工作报告" in text and _is_heading_like(text):
            return self._title(raw, text, i)
        if raw.quoted and not self.body_started:
            self.set_aside("quoted", raw)
            self.warn(raw.line, "quoted text before the report body set aside as not part of the report")
            return i + 1

        if PART_NUM.match(first):
            return self._part(raw, text, i, markdown=False)
        sm = SECTION_NUM.match(first)
        if sm:
            return self._section(raw, i, sm)
        if ITEM.match(first):
            return self._items(raw, i)
        if first.startswith("——"):
            self.add_block("highlight", text, raw.line, raw.end_line)
            return i + 1

        if _is_heading_like(text) and len(raw.lines) == 1:
            nxt = self._next_content(i)
            if nxt is None:
                # A short line that ends the document: the closing slogan.
                self.doc.closing.append(Block("paragraph", text, raw.line, raw.end_line))
                return i + 1
            if not explicit_parts:
                nxt_text = join_lines([ln.text for ln in nxt.lines])
                if not self.body_started and _is_heading_like(nxt_text) and not SECTION_NUM.match(nxt.first):
                    # A kicker above the first part line, e.g. a newspaper column header.
                    self.set_aside("column-header", raw)
                    return i + 1
                if not SECTION_NUM.match(nxt.first) and not ITEM.match(nxt.first):
                    return self._part(raw, text, i, markdown=False)
        self.add_block("paragraph", text, raw.line, raw.end_line)
        return i + 1

    def _skip_unquoted_resolution(self, i: int) -> int:
        j = i + 1
        while j < len(self.blocks):
            t = join_lines([ln.text for ln in self.blocks[j].lines])
            if DELIVERY.match(t) or SALUTATION.match(t) or PART_NUM.match(t) or MD_HEADING.match(t):
                break
            self.set_aside("resolution", self.blocks[j])
            j += 1
        return j

    def _title(self, raw: _Raw, heading: str, i: int) -> int:
        front = self.doc.front
        if front.title is None:
            front.title, front.title_line = heading, raw.line
        else:
            self.set_aside("repeated-title", raw)
        return i + 1

    def _part(self, raw: _Raw, heading: str, i: int, markdown: bool) -> int:
        self.section = None
        num = ""
        m = PART_NUM.match(heading)
        if m:
            num = m.group(1) + "、"
            ordinal = numeral_value(m.group(1))
            heading = m.group(2)
            expected = len(self.doc.parts) + 1
            if ordinal != expected:
                self.warn(raw.line, f"part {num} found where part {expected} was expected")
        else:
            ordinal = len(self.doc.parts) + 1
        if len(raw.lines) > 1 and not markdown:
            heading = join_lines([heading] + [ln.text for ln in raw.lines[1:]])
        self.part = Part(num, ordinal, heading, raw.line, raw.end_line)
        self.doc.parts.append(self.part)
        self.body_started = True
        return i + 1

    def _section(self, raw: _Raw, i: int, m: re.Match) -> int:
        if self.part is None:
            # Sections before any part line: an implicit, unnumbered part holds them.
            self.part = Part("", len(self.doc.parts) + 1, "", raw.line, raw.line)
            self.doc.parts.append(self.part)
        num = f"{m.group(1)}{m.group(2)}{m.group(3)}"
        ordinal = numeral_value(m.group(2))
        expected = len(self.part.sections) + 1
        if ordinal != expected:
            self.warn(raw.line, f"section {num} found where section {expected} was expected")
        rest_lines = [m.group(4)] + [ln.text for ln in raw.lines[1:]]
        rest = join_lines([r for r in rest_lines if r])
        section = Section(num, ordinal, "", raw.line, raw.end_line)
        self.section = section
        self.part.children.append(section)
        self.body_started = True
        nxt_i = i + 1
        if not rest:
            # The heading is on the next line (heads broken across lines).
            if nxt_i < len(self.blocks):
                nxt = self.blocks[nxt_i]
                nxt_text = join_lines([ln.text for ln in nxt.lines])
                if (
                    not SECTION_NUM.match(nxt.first)
                    and not ITEM.match(nxt.first)
                    and not PART_NUM.match(nxt.first)
                    and not MD_HEADING.match(nxt.first)
                    and nxt_text[-1] not in TERMINAL
                ):
                    section.heading = nxt_text
                    section.end_line = nxt.end_line
                    return nxt_i + 1
            self.warn(raw.line, f"section {num} has no heading")
            return nxt_i
        sentence = re.match(r"^([^。！？]+)([。！？])(.+)$", rest, re.S)
        if sentence:
            section.heading = sentence.group(1)
            section.heading_inline = True
            self.add_block("paragraph", sentence.group(3).strip(), raw.line, raw.end_line)
        else:
            section.heading = rest.rstrip("。")
        return nxt_i

    def _items(self, raw: _Raw, i: int) -> int:
        # An item line may be followed, without a blank line, by lines that detail it.
        item: list[_Line] = []

        def flush():
            if item:
                text = ITEM.match(item[0].text).group(1).strip()
                detail = join_lines([ln.text for ln in item[1:]]) or None
                self.add_block("item", text, item[0].no, item[-1].no, detail=detail)

        for ln in raw.lines:
            if ITEM.match(ln.text):
                flush()
                item = [ln]
            else:
                item.append(ln)
        flush()
        return i + 1

    def _finish(self) -> None:
        doc = self.doc
        for part in doc.parts:
            self._detach_wrap_up(part)
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
        if not doc.parts:
            return
        if self.meta.kind == "full" and doc.front.title is None:
            self.warn(1, "no title line found; the registry title is shown instead")


    @staticmethod
    def _detach_wrap_up(part: Part) -> None:
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


class ParseError(Exception):
    """The text has no structure the parser recognises."""


def parse_report(meta: ReportMeta, text: str) -> Document:
    """Parse ``text`` (the seed as published) into a :class:`Document`."""
    doc = _Parser(meta, text).parse()
    if not doc.parts:
        raise ParseError(
            f"{meta.file}: no recognisable structure: found no part lines (e.g. '一、2024年工作回顾', "
            "'### 一、…' or a short heading line) and no section heads (e.g. '（一）…'). "
            "Check that the file is a government work report and that 'file' points to the right seed."
        )
    return doc
