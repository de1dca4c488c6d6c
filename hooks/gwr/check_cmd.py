"""``make check FILE=…``: what the parser makes of a text, before it is registered.

Prints the encoding and layout family found, the front matter, the outline with line numbers,
what was set aside and why, the report's own notes and annexes, the headline figures, and every
warning, without building the site. Exit status 1 when there are warnings (the build would stop).
"""

from __future__ import annotations

import re
from pathlib import Path

from .ids import assign_ids
from .catalogue import load_catalogue
from .indicators import extract
from .ingest import DecodeError, decode, normalise
from .labels import t
from .model import ReportMeta, Section
from .parser import ParseError, parse_source


def _short(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def check_file(root: Path, file: str, kind: str = "full", encoding: str | None = None) -> tuple[str, int]:
    path = Path(file)
    raw = path.read_bytes()
    try:
        text, enc = decode(raw, file, encoding)
    except DecodeError as exc:
        return f"error: {exc}\n", 2
    m = re.search(r"(19|20)\d\d", path.name)
    meta = ReportMeta(id=f"check-{m.group(0) if m else 2000}", file=file, city="?", year=int(m.group(0)) if m else 2000,
                      kind=kind)
    source = normalise(text, file, enc)
    try:
        doc = parse_source(meta, source)
    except ParseError as exc:
        return f"error: {exc}\n", 2
    assign_ids(doc)
    out = [f"{file}: {enc}, {len(source.lines)} lines, layout: {doc.layout}"]
    f = doc.front
    out.append("\nFront matter")
    for name, value, line in (("title", f.title, f.title_line), ("delivery", f.delivery, f.delivery_line),
                              ("speaker", f.speaker, f.speaker_line), ("salutation", f.salutation, f.salutation_line)):
        out.append(f"  {name:10} {'line ' + str(line) if line else '—':>9}  {value or '(none)'}")
    out.append("\nOutline")
    if doc.preamble:
        out.append(f"  {doc.preamble[0].line:>5}  opening: {len(doc.preamble)} paragraph(s)")
    for part in doc.parts:
        paras = sum(1 for c in part.children if not isinstance(c, Section))
        out.append(f"  {part.line:>5}  {part.id}  {part.num}{_short(part.heading)}"
                   f"  [{len(part.sections)} sections, {paras} paragraphs outside sections]")
        for sec in part.sections:
            out.append(f"  {sec.line:>5}    {sec.id}  {sec.num}{_short(sec.heading, 40)}  [{len(sec.blocks)} blocks]")
    if doc.closing:
        out.append(f"  {doc.closing[0].line:>5}  closing: {len(doc.closing)} paragraph(s)")
    for annex in doc.annexes:
        out.append(f"  {annex.line:>5}  {annex.id}  {annex.num} {annex.heading}  [{len(annex.blocks)} paragraphs]")
    if doc.notes:
        out.append(f"  {doc.notes_line:>5}  notes: {doc.notes_heading} [{len(doc.notes)} entries: "
                   f"{', '.join(n.term for n in doc.notes[:6])}{'…' if len(doc.notes) > 6 else ''}]")
    out.append("\nSet aside (listed on /sources/, never published as report text)")
    for a in doc.set_aside or []:
        name, why = t("en", f"aside.{a.kind}")
        where = f"{a.line}" if a.line == a.end_line else f"{a.line}-{a.end_line}"
        out.append(f"  {where:>9}  {name}: {_short(a.text.replace(chr(10), ' / '), 40)}"
                   + (f" ({a.note})" if a.note else ""))
    if not doc.set_aside:
        out.append("  (nothing)")
    out.append("\nHeadline figures")
    cat = load_catalogue(root)
    figs = [fig for fig in extract(doc, cat) if fig.indicator and cat.by_id[fig.indicator].headline]
    for fig in figs:
        ind = cat.by_id[fig.indicator]
        value = (f"{fig.comparator}{fig.printed or fig.value + fig.unit}" if fig.value else fig.printed)
        out.append(f"  {fig.when or '?':9} {fig.kind or '?':7} {ind.zh:14} {value} "
                   f"{fig.qualifier}{' (力争)' if fig.aspirational else ''}  #{fig.node}")
    if not figs:
        out.append("  (none found)")
    out.append(f"\nWarnings: {len(doc.warnings)}")
    out.extend(f"  {w}" for w in doc.warnings)
    return "\n".join(out) + "\n", 1 if doc.warnings else 0
