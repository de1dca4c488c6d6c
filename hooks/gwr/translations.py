"""Translations in gettext PO files, the Sphinx way.

One file per report and language: ``data/translations/<lang>/<report-id>.po``.
Each entry is keyed by ``msgctxt`` = the node id and ``msgid`` = the normalised
Chinese source; source locations are ``#:`` comments. A translation is applied
only when it is not fuzzy, not empty, and its ``msgid`` is exactly the current
source (so a changed source never silently reuses an old translation).

A PO file is checked line by line before it is read (:func:`check_po`): an unterminated string or a stray
line stops the build with the file and line. An English text that looks broken (far shorter than the
Chinese, cut mid-sentence, a figure lost: :func:`suspicious`) is not published; it is a warning with the
file and line, so the strict build stops. A reviewer who judges it right adds the flag ``#, gwr-checked``.

``python -m gwr translations`` (``make translations``) creates and updates the
files: new nodes get empty entries, entries whose source changed become fuzzy
with the previous source kept (``#| msgid``), removed nodes become obsolete;
then it prints coverage per report. Files are rewritten only when they change.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from .datafiles import RegistryError
from .figures import missing_figures
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


# --- reading PO files: strict syntax, then polib ----------------------------------------------------

_PO_STRING = r'"[^"\\\x00-\x08\x0b-\x1f]*(?:\\[\\"ntrabfv][^"\\\x00-\x08\x0b-\x1f]*)*"'
"""A quoted string: runs of plain characters between escapes (written so, not as a choice made at every character,
the check of a PO file took a quarter of reading it: 100x, 0.7 s)."""
_PO_LINE = re.compile(rf"(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?{_PO_STRING}[ \t]*")


def check_po(rel: str, text: str) -> None:
    """Every line of a PO file is blank, a comment, or a keyword or continuation line holding one complete
    string. polib accepts more (an unterminated string is cut at the end of its line, silently), so the
    file is checked first; the message names the line and says what to fix."""
    for n, line in enumerate(text.split("\n"), 1):
        body = line.rstrip("\r")
        if body.startswith(("#~", "#|")):  # obsolete (#~) and previous (#|, #~|) entries hold PO lines too
            body = re.sub(r"^#~?\|?[ \t]*", "", body)
            if not body:
                continue
        elif not body.strip() or body.startswith("#"):
            continue
        if _PO_LINE.fullmatch(body):
            continue
        quotes = re.sub(r"\\.", "", body).count('"')
        if quotes % 2:
            why = "a string is not closed: end it with a double quote (a quote inside the text is written \\\")"
        elif quotes > 2 and re.fullmatch(r'(?:msg\w+(?:\[\d+\])?[ \t]+)?".*"[ \t]*', body):
            why = 'a double quote inside the text must be written \\"'
        elif re.search(r'\\[^\\"ntrabfv]', body):
            why = "unknown escape sequence: write a backslash as \\\\"
        elif re.search(r"[\x00-\x08\x0b-\x1f]", body):
            why = "a control character in a string: remove it"
        else:
            why = ("not a PO line: expected msgctxt, msgid or msgstr followed by a quoted string, a quoted "
                   "continuation line, a comment (#) or a blank line")
        raise RegistryError(f"{rel}:{n}: {why}; the line reads: {line[:80]!r}")


def read_po(root: Path, rel: str) -> list:
    """The entries (not obsolete) of a PO file, after :func:`check_po`; one entry per msgctxt (polib's, or
    :class:`Entry` as :func:`quick_entries` reads them)."""
    path = root / rel
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RegistryError(f"{rel}: not UTF-8 text (byte {exc.start}); save the file as UTF-8.") from exc
    check_po(rel, text)
    lines = text.split("\n")
    quick = None if _OTHER_BREAKS.search(text) else quick_entries(lines)
    if quick is not None:
        return _unique(rel, _at_msgstr(quick, lines))
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:  # polib reports syntax errors as OSError("Syntax error in po file (line N)")
        m = re.search(r"line (\d+)", str(exc))
        raise RegistryError(f"{rel}{':' + m.group(1) if m else ''}: not a valid PO file ({exc}); compare the entry "
                            "with its neighbours (msgctxt, msgid, msgstr, each with a quoted string).") from exc
    entries = [e for e in po if not e.obsolete]
    # polib's parser is a reference cycle (its table of bound methods) that holds the whole parsed file: freed only by
    # the cyclic garbage collector, which the hook pauses during its events (gwr.timing.event), so that every PO file
    # of the site stayed in memory until the end of the load (100x: 70 MB). The youngest generation holds the file.
    del po
    gc.collect(0)
    return _unique(rel, _at_msgstr(entries, lines))


_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""Characters that end a line for polib (str.splitlines) besides \\n."""


def _at_msgstr(entries: list, lines: list[str]) -> list:
    """polib's linenum is the entry's first line (a comment); messages point at its msgstr."""
    for e in entries:
        e.linenum = next((n for n in range(e.linenum, len(lines) + 1) if lines[n - 1].startswith("msgstr")), e.linenum)
    return entries


def _unique(rel: str, entries: list) -> list:
    seen: dict = {}
    for e in entries:
        if e.msgctxt in seen:
            raise RegistryError(f"{rel}:{e.linenum}: a second entry for msgctxt {e.msgctxt!r} (the first is on line "
                                f"{seen[e.msgctxt]}); keep one of them.")
        seen[e.msgctxt] = e.linenum
    return entries


@dataclass
class Entry:
    """An entry of a PO file as :func:`quick_entries` reads it: what the build uses of polib's ``POEntry``."""

    msgctxt: str | None = None
    msgid: str = ""
    msgstr: str = ""
    flags: list[str] = field(default_factory=list)
    linenum: int = 0
    """Its first line, as polib counts it (0 for the file's first entry)."""
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


_PREVIOUS = ("msgid", "msgctxt", "msgid_plural")


def quick_entries(lines: list[str]) -> list[Entry] | None:
    """The entries of a PO file (after :func:`check_po`) as polib reads them, or None for polib to read it.

    The files ``make translations`` writes have one shape: entries of comments, then msgctxt, msgid and msgstr, each
    string perhaps continued on the next lines. Read here, such a file takes a fifth of polib's time (a fifth of
    loading a report). Whatever else a file holds (obsolete entries, plurals, a comment inside an entry, a string
    without its keyword, a byte-order mark) is left to polib, whose reading, and whose errors, are the reference;
    tests/test_po.py compares the two."""
    from polib import unescape

    entries: list[Entry] = []
    entry = Entry()
    state = "start"  # start, header (comments before the first entry), comment, ctxt, id, str, previous
    last = ""
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        last = line
        if line[0] == "#":
            words = line.split(None, 2)
            head = words[0]
            if head in ("#:", "#,", "#.") and len(words) == 1:
                continue  # polib skips an empty occurrence, flag or extracted comment line
            if head == "#|" and len(words) == 3 and words[1] in _PREVIOUS and state not in ("ctxt", "id"):
                kind = "previous"
            elif head == "#|" and len(words) >= 2 and words[1].startswith('"') and state == "previous":
                continue  # a previous string continued
            elif head in ("#:", "#,", "#.") and state not in ("ctxt", "id"):
                kind = "comment"
            elif (head == "#" or head.startswith("##")) and state in ("start", "header"):
                state = "header"  # polib: the file's header comment
                continue
            elif (head == "#" or head.startswith("##")) and state not in ("ctxt", "id"):
                kind = "comment"
            else:
                return None
            if state == "str":
                entries.append(entry)
                entry = Entry(linenum=n)
            if head == "#,":
                entry.flags += [c.strip() for c in line[3:].split(",")]
            state = kind
            continue
        if line[0] == '"':
            if state == "previous":
                return None  # polib reads it as a continuation of the string before the previous one
            if state not in ("ctxt", "id", "str"):
                return None
            value = unescape(line[1:-1])
            if state == "ctxt":
                entry.msgctxt += value
            elif state == "id":
                entry.msgid += value
            else:
                entry.msgstr += value
            continue
        keyword, _, rest = line.partition(" ")
        if "\t" in keyword:
            return None
        value = rest.lstrip()
        if not value.startswith('"'):
            return None
        value = unescape(value[1:-1])
        if keyword == "msgctxt" and state != "id" and state != "ctxt":
            if state == "str":
                entries.append(entry)
                entry = Entry(linenum=n)
            entry.msgctxt, state = value, "ctxt"
        elif keyword == "msgid" and state != "id":
            if state == "str":
                entries.append(entry)
                entry = Entry(linenum=n)
            entry.msgid, state = value, "id"
        elif keyword == "msgstr" and state == "id":
            entry.msgstr, state = value, "str"
        else:
            return None
    if last and last[0] != "#":
        if state != "str":
            return None
        entries.append(entry)
    # the header (the entry without a msgid) is the file's metadata, not an entry; of several, polib picks its own
    headers = [i for i, e in enumerate(entries) if e.msgid == ""]
    if len(headers) > 1:
        return None
    if headers:
        del entries[headers[0]]
    return entries


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
