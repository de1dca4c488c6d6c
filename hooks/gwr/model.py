"""The typed document model: report > parts > sections > blocks.

Every node keeps the report's own numbering as printed (``一、``, ``（一）``,
``(一)``), its heading and the 1-based source lines it came from. Ids follow
the Akoma Ntoso pattern (``part_2__sec_3__para_4``) and are assigned by
:mod:`gwr.ids` from the numbering, never from heading text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal, Union

from pydantic import Field

from .datafiles import Encoding, HttpUrl, IsoDate, LineRange, Sha256, Text

BlockKind = Literal["paragraph", "highlight", "item"]


@dataclass
class DeclaredLines:
    """One entry of a report's ``set_aside`` key: source lines that are not the report, and why."""

    __pydantic_config__ = {"extra": "forbid"}

    lines: LineRange
    """``"3"`` or ``"3-5"``: line numbers as an editor shows them."""
    reason: Text
    """Why, shown on /sources/."""

    @property
    def first_last(self) -> tuple[int, int]:
        first, _, last = self.lines.partition("-")
        return int(first), int(last or first)


@dataclass
class ReportMeta:
    """One entry of ``data/reports.yml``, validated by this very class (see :mod:`gwr.datafiles`).

    A registry key is a field here: adding one is one annotated line (and a row in README, Registry).
    Keys not listed are errors. Cross-field rules (the year in the id) are in :mod:`gwr.registry`.
    """

    __pydantic_config__ = {"extra": "forbid"}

    id: Text
    """Permanent id, ``<city>-<year>[-<variant>]``; every URL derives from it."""
    file: Text
    """Seed path relative to the project root."""
    city: Text
    """Chinese city name, e.g. 深圳."""
    year: Annotated[int, Field(ge=1949, le=2100)]
    """The year of the report (the year it was delivered)."""
    kind: Literal["full", "summary"]
    city_en: Text | None = None
    title: Text | None = None
    title_en: Text | None = None
    delivered: IsoDate | None = None
    """ISO date the report was delivered."""
    session: Text | None = None
    session_en: Text | None = None
    speaker: Text | None = None
    speaker_title: Text | None = None
    speaker_en: Text | None = None
    speaker_title_en: Text | None = None
    source_name: Text | None = None
    source_name_en: Text | None = None
    source_url: HttpUrl | None = None
    """Where the text was published: http(s) only (it becomes a link on /sources/)."""
    repost_url: HttpUrl | None = None
    original_file: Text | None = None
    sha256: Sha256 | None = None
    encoding: Encoding | None = None
    """The seed's encoding when it is not UTF-8 (``gb18030`` also reads GBK); detected when absent."""
    set_aside: list[DeclaredLines] | None = None
    """Lines the maintainer declares not part of the report: ``[{lines: "3-5", reason: "…"}]``."""
    fully_translated: bool = False
    """Set when every node has a reviewed English translation (English-edition issue)."""
    index: int = field(default=0, init=False)
    """Position in the registry, for error messages (set by the loader, not a key)."""

    @property
    def city_slug(self) -> str:
        return self.id.rsplit(f"-{self.year}", 1)[0]

    @property
    def path(self) -> str:
        """Site-relative folder of the report, e.g. ``shenzhen/2025`` or ``shenzhen/2026-summary``."""
        rest = self.id[len(self.city_slug) + 1 :]
        return f"{self.city_slug}/{rest}"

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        suffix = "（摘要）" if self.kind == "summary" else ""
        return f"{self.year}年{self.city}市政府工作报告{suffix}"


@dataclass(slots=True)
class Block:
    """A paragraph, a highlight line (——…) or a list item."""

    kind: BlockKind
    text: str
    """The text as published, indentation removed, wrapped lines joined."""
    line: int
    end_line: int
    lead: str | None = None
    """The opening sentence that works as the paragraph's title, if any (part of ``text``)."""
    detail: str | None = None
    """For list items: the continuation lines printed under the item."""
    ordinal: int = 0
    id: str = ""


@dataclass(slots=True)
class Section:
    """A numbered section such as ``（一）…``; it may have a heading and no text."""

    num: str
    """Numbering as printed, e.g. ``（一）`` or ``(一)``."""
    ordinal: int
    heading: str
    line: int
    end_line: int
    blocks: list[Block] = field(default_factory=list)
    heading_inline: bool = False
    """True when the heading opened a paragraph (``（一）标题。正文…``)."""
    heading_end: int = 0
    """Last source line of the heading itself (a heading may be broken across lines)."""
    id: str = ""


@dataclass(slots=True)
class Part:
    """A top-level division such as ``一、2024年工作回顾`` (numbered or not)."""

    num: str
    """Numbering as printed (``一、``), or empty for an unnumbered part line."""
    ordinal: int
    heading: str
    line: int
    end_line: int
    children: list[Union[Block, Section]] = field(default_factory=list)
    heading_end: int = 0
    """Last source line of the part line itself."""
    id: str = ""

    @property
    def sections(self) -> list[Section]:
        return [c for c in self.children if isinstance(c, Section)]


@dataclass
class FrontMatter:
    """The report's own front matter: title, delivery line, speaker, salutation."""

    title: str | None = None
    title_line: int | None = None
    delivery: str | None = None
    delivery_line: int | None = None
    speaker: str | None = None
    speaker_line: int | None = None
    salutation: str | None = None
    salutation_line: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    """Source line ranges the front matter was read from."""


SetAsideKind = Literal[
    "repeated-title", "repeated-front", "link-list", "resolution", "footer", "column-header", "page-marker",
    "quoted", "chrome", "breadcrumb", "metadata", "caption", "related", "licence", "duplicate", "registry", "control",
]


@dataclass(slots=True)
class SetAside:
    """Material in the seed that is not the report body, shown on the sources page."""

    kind: SetAsideKind
    text: str
    line: int
    end_line: int
    note: str | None = None
    """Specifics, e.g. which lines a duplicate repeats, or the reason the registry gives."""


@dataclass(slots=True)
class Annex:
    """An annex printed after the report's closing (``附件1 …``), e.g. a list of livelihood projects."""

    num: str
    """As printed, e.g. ``附件1``."""
    ordinal: int
    heading: str
    line: int
    heading_end: int
    blocks: list[Block] = field(default_factory=list)
    id: str = ""

    @property
    def end_line(self) -> int:
        return self.blocks[-1].end_line if self.blocks else self.heading_end


@dataclass(slots=True)
class Note:
    """One entry of the report's own notes (名词解释), kept apart from the body and shown with it."""

    num: str
    """Numbering as printed, e.g. ``1.``."""
    term: str
    """The term explained, as printed (``“四上”企业``), or empty."""
    text: str
    line: int
    end_line: int
    ordinal: int = 0
    id: str = ""


@dataclass
class ParseWarning:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class Document:
    """A parsed report."""

    meta: ReportMeta
    front: FrontMatter
    preamble: list[Block] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    notes_heading: str | None = None
    """The notes' own heading as printed (e.g. 名词解释)."""
    notes_line: int | None = None
    ignored: list[int] = field(default_factory=list)
    """Lines read as layout only (thematic breaks), neither text nor set aside."""
    layout: str = ""
    """The layout family the parser read the text as (see :mod:`gwr.ingest.group`)."""
    encoding: str = "utf-8"
    warnings: list[ParseWarning] = field(default_factory=list)

    def body_blocks(self):
        """Every block of the report body, in reading order."""
        yield from self.preamble
        for part in self.parts:
            for child in part.children:
                if isinstance(child, Section):
                    yield from child.blocks
                else:
                    yield child
        yield from self.closing
