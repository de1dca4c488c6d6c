"""Reading PO files: each line checked first (:func:`check_po`: an unterminated string or a stray line stops the build
with the file and line), then read, by :func:`quick_entries` when the file has the shape ``make translations``
writes, else by polib, whose reading and errors are the reference (tests/test_po_reading.py compares the two)."""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from .datafiles import RegistryError


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
    tests/test_po_reading.py compares the two."""
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
