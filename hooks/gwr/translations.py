"""Translations in gettext PO files, the Sphinx way.

One file per report and language: ``data/translations/<lang>/<report-id>.po``.
Each entry is keyed by ``msgctxt`` = the node id and ``msgid`` = the normalised
Chinese source; source locations are ``#:`` comments. A translation is applied
only when it is not fuzzy, not empty, and its ``msgid`` is exactly the current
source (so a changed source never silently reuses an old translation).

``python -m gwr translations`` (``make translations``) creates and updates the
files: new nodes get empty entries, entries whose source changed become fuzzy
with the previous source kept (``#| msgid``), removed nodes become obsolete;
then it prints coverage per report. Files are rewritten only when they change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib

from .model import Document, Section

LANGS = ("en",)


@dataclass
class Source:
    ctx: str
    text: str
    line: int


@dataclass
class Translation:
    """Applied translations of one report into one language."""

    lang: str
    texts: dict[str, str] = field(default_factory=dict)
    total: int = 0
    fuzzy: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    path: str = ""

    def get(self, ctx: str) -> str | None:
        return self.texts.get(ctx)

    @property
    def coverage(self) -> float:
        return len(self.texts) / self.total if self.total else 1.0


def sources(doc: Document) -> list[Source]:
    """Every translatable text of a report, in reading order."""
    out: list[Source] = []
    front = doc.front
    for key in ("title", "delivery", "speaker", "salutation"):
        value = getattr(front, key)
        if value:
            out.append(Source(f"front.{key}", value, getattr(front, f"{key}_line")))

    def blocks(items):
        for b in items:
            out.append(Source(b.id, b.text, b.line))
            if b.detail:
                out.append(Source(f"{b.id}.detail", b.detail, b.line))

    blocks(doc.preamble)
    for part in doc.parts:
        if part.heading:
            out.append(Source(part.id, part.heading, part.line))
        for child in part.children:
            if isinstance(child, Section):
                if child.heading:
                    out.append(Source(child.id, child.heading, child.line))
                blocks(child.blocks)
            else:
                blocks([child])
    blocks(doc.closing)
    for annex in doc.annexes:
        if annex.heading:
            out.append(Source(annex.id, annex.heading, annex.line))
        blocks(annex.blocks)
    if doc.notes:
        from .render import note_block

        if doc.notes_heading:
            out.append(Source("notes", doc.notes_heading, doc.notes_line or 0))
        blocks([note_block(doc, n) for n in doc.notes])
    return out


def po_path(root: Path, report_id: str, lang: str) -> Path:
    return root / "data" / "translations" / lang / f"{report_id}.po"


def load(root: Path, doc: Document, lang: str) -> Translation:
    path = po_path(root, doc.meta.id, lang)
    srcs = sources(doc)
    tr = Translation(lang=lang, total=len(srcs), path=str(path.relative_to(root)))
    entries = {}
    if path.is_file():
        entries = {e.msgctxt: e for e in polib.pofile(str(path), wrapwidth=0) if not e.obsolete}
    for src in srcs:
        entry = entries.get(src.ctx)
        if entry is None or not entry.msgstr:
            tr.missing.append(src.ctx)
        elif entry.fuzzy or entry.msgid != src.text:
            tr.fuzzy.append(src.ctx)
        else:
            tr.texts[src.ctx] = entry.msgstr
    return tr


def update(root: Path, doc: Document, lang: str) -> bool:
    """Create or update the PO file of ``doc`` in ``lang``; return True if it was rewritten."""
    path = po_path(root, doc.meta.id, lang)
    if path.is_file():
        po = polib.pofile(str(path), wrapwidth=0)
        before = str(po)
    else:
        po = polib.POFile(wrapwidth=0)
        before = None
    po.metadata = {
        "Project-Id-Version": doc.meta.id,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-File": doc.meta.file,
    }
    existing = {e.msgctxt: e for e in po}
    ordered = []
    for src in sources(doc):
        entry = existing.pop(src.ctx, None)
        occurrence = [(doc.meta.file, str(src.line))]
        if entry is None:
            entry = polib.POEntry(msgctxt=src.ctx, msgid=src.text, msgstr="", occurrences=occurrence)
        else:
            entry.obsolete = False
            entry.occurrences = occurrence
            if entry.msgid != src.text:
                entry.previous_msgid = entry.msgid
                entry.msgid = src.text
                if entry.msgstr and "fuzzy" not in entry.flags:
                    entry.flags.append("fuzzy")
        ordered.append(entry)
    for entry in existing.values():
        if entry.msgstr:
            entry.obsolete = True
            ordered.append(entry)
    po[:] = ordered
    text = str(po)
    if text == before:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")
    return True
