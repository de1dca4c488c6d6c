"""Translations in gettext PO files, the Sphinx way.

One file per report and language: ``data/translations/<lang>/<report-id>.po``.
Each entry is keyed by ``msgctxt`` = the node id and ``msgid`` = the normalised
Chinese source; source locations are ``#:`` comments. A translation is applied
only when it is not fuzzy, not empty, and its ``msgid`` is exactly the current
source (so a changed source never silently reuses an old translation).

A PO file is checked line by line before it is read (:mod:`gwr.po`): an unterminated string or a stray
line stops the build with the file and line. An English text that looks broken (far shorter than the
Chinese, cut mid-sentence, a figure lost: :func:`suspicious`) is not published; it is a warning with the
file and line, so the strict build stops. A reviewer who judges it right adds the flag ``#, gwr-checked``.

``python -m gwr translations`` (``make translations``) creates and updates the
files: new nodes get empty entries, entries whose source changed become fuzzy
with the previous source kept (``#| msgid``), removed nodes become obsolete;
then it prints coverage per report. Files are rewritten only when they change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from .figures import missing_figures
from .po import read_po
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
    suspicious: list[tuple[str, int, str]] = field(default_factory=list)
    """(msgctxt, line, why) of entries withheld because they look broken (see :func:`suspicious`)."""
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


# --- suspicious translations -------------------------------------------------------------------------

CHECKED_FLAG = "gwr-checked"
"""A PO flag (``#, gwr-checked``) by which a reviewer publishes an entry that a check below flags."""
_HAN = re.compile(r"[\u3400-\u9fff]")
_ZH_FINAL = "。！？；："
_EN_FINAL = re.compile(r"[.!?;:…][\"”’')\]]*$")
_DANGLING = re.compile(r"\b(?:and|or|of|the|a|an|to|for|in|with|by|on|at|from|as|that|which|its|their)$", re.I)
_DANGLING_TAIL = 7
"""The end of a text that :data:`_DANGLING` is tried on: its longest word and two characters more, so that the
character before the word is there to make the word boundary (searched over a whole text, the expression is tried
at every word; a translation's checks cost more than reading it)."""
MIN_HAN = 4
MIN_LENGTH_RATIO = 1.0
"""An English text is too short when it has fewer characters than MIN_LENGTH_RATIO x the Chinese source's
weighted length (Han characters count 1, other characters 0.5), for sources of at least MIN_HAN Han
characters. Measured on the 186 reviewed entries of the seeds: the lowest ratio is 2.4 (a four-character
heading), 3.8 for sources of 10 Han characters or more, the median about 5; so no real translation comes
near 1.0, and a translation cut to less than a third of its length does."""


def suspicious(zh: str, en: str) -> str | None:
    """Why an English text looks broken (truncated, cut mid-sentence, a number lost), or None.

    Conservative by design: none of these fires on the reviewed translations of the seeds
    (tests/test_po.py runs them on every entry)."""
    han = len(_HAN.findall(zh))
    other = len(re.sub(r"\s", "", zh)) - han
    text = en.strip()
    if not text:
        return "the English is blank"
    if han >= MIN_HAN and len(text) < MIN_LENGTH_RATIO * (han + 0.5 * other):
        return (f"the English ({len(text)} characters) is far shorter than the Chinese ({han} Han characters) "
                "(truncated?)")
    if zh.rstrip()[-1:] in _ZH_FINAL and not _EN_FINAL.search(text):
        return "the Chinese ends a sentence but the English stops mid-sentence (truncated?)"
    if _DANGLING.search(text[-_DANGLING_TAIL:]) or text[-1] in ",-–(“‘[":
        return f"the English ends with {text.split()[-1]!r} (truncated?)"
    for a, b in (("“", "”"), ("(", ")"), ("[", "]")):
        if text.count(a) != text.count(b):
            return f"unbalanced {a}{b} in the English (truncated?)"
    lost = missing_figures(zh, en)
    if lost:
        return f"the English does not state {', '.join(lost)} (figures must survive translation with their value)"
    return None


def load(root: Path, doc: Document, lang: str) -> Translation:
    path = po_path(root, doc.meta.id, lang)
    srcs = sources(doc)
    rel = str(path.relative_to(root))
    tr = Translation(lang=lang, total=len(srcs), path=rel)
    entries = {}
    if path.is_file():
        entries = {e.msgctxt: e for e in read_po(root, rel)}
    for src in srcs:
        entry = entries.get(src.ctx)
        if entry is None or not entry.msgstr:
            tr.missing.append(src.ctx)
        elif entry.fuzzy or entry.msgid != src.text:
            tr.fuzzy.append(src.ctx)
        elif CHECKED_FLAG not in entry.flags and (why := suspicious(src.text, entry.msgstr)):
            tr.suspicious.append((src.ctx, entry.linenum, why))
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
