"""Render documents as Markdown pages. Pure functions: model in, text out.

Headings are Markdown (so the table of contents and MkDocs' link and anchor
validation see them) with explicit ids from :mod:`gwr.ids`. Paragraphs and
list items are raw HTML blocks, so the seed's text is escaped once, here, and
never interpreted as Markdown or HTML: a ``<script>`` in a seed shows as text.

Both editions carry both languages: every block holds the edition's language
first and the other one after it (``.gwr-zh`` / ``.gwr-en``), so a reader can
switch between one language and the parallel text without leaving the page
(``overrides/assets/gwr.js``). A node without a translation shows the Chinese
with a "not yet translated" label on English pages.
Each block is rendered by :mod:`gwr.blocks`.

Pages of a report (``<path>`` is ``shenzhen/2025``):

* ``<path>/index.md`` — metadata, front matter, opening paragraphs, contents;
* ``<path>/part-<n>.md`` — one page per part, sections as ``##`` headings;
  the closing follows the last part.
"""

from __future__ import annotations

import re

from .blocks import Edition, bilingual_html, blocks_md
from .labels import date, roman, t
from .markup import attr, esc, ext_link, front_matter, md_esc
from .model import Block, Document, Part, Section
from .page_scripts import TERMS_MARKER, TERMS_SCRIPT, beside, other_marker, other_script, term_marks, terms_script


def part_src(doc: Document, part: Part) -> str:
    return f"{doc.meta.path}/part-{part.ordinal}.md"


def index_src(doc: Document) -> str:
    return f"{doc.meta.path}/index.md"


def figures_src(doc: Document) -> str:
    return f"{doc.meta.path}/figures.md"


def page_of(doc: Document, node_id: str) -> str:
    """The src path of the page that shows ``node_id``."""
    if node_id.startswith(("preamble", "front.", "annex_", "note_", "notes")) or node_id in ("report", "preface"):
        return index_src(doc)
    if node_id.startswith("closing"):
        return part_src(doc, doc.parts[-1])
    ordinal = int(node_id.split("__")[0].split("_")[1].split(".")[0])
    for part in doc.parts:
        if part.ordinal == ordinal:
            return part_src(doc, part)
    raise KeyError(node_id)


def part_num(part: Part, lang: str) -> str:
    if lang == "zh":
        return part.num
    return f"{roman(part.ordinal)}. " if part.num else ""


def section_num(section: Section, lang: str) -> str:
    return section.num if lang == "zh" else f"({section.ordinal}) "


def _heading_text(node, lang: str, ed: Edition) -> str:
    if lang == "zh" or not node.heading:
        return node.heading
    return ed.en_text(node.id) or node.heading


def part_title(part: Part, lang: str = "zh", ed: Edition | None = None) -> str:
    ed = ed or Edition(lang)
    text = _heading_text(part, lang, ed)
    if not text:
        return f"第{part.ordinal}部分" if lang == "zh" else f"Part {part.ordinal}"
    return part_num(part, lang) + text


def annex_title(annex, lang: str = "zh", ed: Edition | None = None) -> str:
    ed = ed or Edition(lang)
    text = _heading_text(annex, lang, ed)
    if lang == "zh":
        return f"{annex.num} {text}".strip()
    return f"Annex {annex.ordinal}" + (f": {text}" if text else "")


def note_block(doc: Document, note) -> Block:
    """A note as a block (term and explanation as printed), for rendering and translation."""
    text = f"{note.term}：{note.text}" if note.term else note.text
    return Block("paragraph", text, note.line, note.end_line, ordinal=note.ordinal, id=note.id)


def section_title(section: Section, lang: str = "zh", ed: Edition | None = None) -> str:
    ed = ed or Edition(lang)
    return section_num(section, lang) + _heading_text(section, lang, ed)


def report_title(doc: Document, lang: str) -> str:
    if lang == "en" and doc.meta.title_en:
        return doc.meta.title_en
    return doc.meta.display_title


def _front_matter(title: str, report_id: str) -> str:
    return front_matter(title, f"gwr_report: {report_id}\n")


def bilingual_heading(level: int, node_id: str, primary: str, other: str, lang: str) -> str:
    """A Markdown heading in both languages (see :func:`_heading`), without the line beneath it."""
    return _heading(level, node_id, primary, other, lang, "en" if lang == "zh" else "zh", False)[0]


def _heading(level: int, node_id: str, primary: str, other: str, lang: str, other_lang: str,
             missing: bool) -> list[str]:
    """A Markdown heading that holds both languages, and the other language beneath it.

    The heading carries the edition's language and the other one (``.gwr-hother``), so a single-language reading
    view shows the heading in that language; the parallel view shows the edition's language with the other
    beneath it (``.gwr-sub``). The table of contents keeps the edition's language (``data-toc-label``).
    """
    cls = "gwr-sub gwr-untranslated" if missing else "gwr-sub"
    # the label is an attribute inside Markdown's {…}: characters that attr_list reads as syntax are dropped
    toc = re.sub(r"[\"{}\[\]*`\\]", "", primary)
    text = (f'<span class="gwr-{lang}">{md_esc(primary)}</span>'
            f'<span class="gwr-{other_lang} gwr-hother" lang="{other_lang}">{md_esc(other)}</span>')
    return [
        f"{'#' * level} {text} {{#{node_id} data-toc-label=\"{_toc_attr(toc)}\"}}\n",
        f'<p class="{cls} gwr-{other_lang}" lang="{other_lang}">{esc(other)}</p>\n',
    ]


def _toc_attr(text: str) -> str:
    """A heading's ``data-toc-label`` value: square brackets as references, or Markdown's inline patterns (which
    run before attr_list reads the heading's attributes) would read ``[x](y)`` in it as a link."""
    return attr(text).replace("[", "&#91;").replace("]", "&#93;")


def _node_heading(level: int, node, title_fn, ed: Edition) -> list[str]:
    missing = ed.lang == "en" and bool(node.heading) and ed.en_text(node.id) is None
    other_missing = ed.lang == "zh" and bool(node.heading) and ed.en_text(node.id) is None
    primary = title_fn(node, ed.lang, ed)
    other = title_fn(node, ed.other, ed)
    if missing:
        primary = f"{primary} [{t('en', 'untranslated')}]"
    if other_missing:
        other = t("en", "untranslated")
    return _heading(level, node.id, primary, other, ed.lang, ed.other, missing or other_missing)


def render_part(doc: Document, part: Part, ed: Edition, alt: dict | None = None) -> str:
    """A part's page; with ``alt``, the other language of translated blocks is collected there (see _spans)."""
    meta = doc.meta
    title = report_title(doc, ed.lang)
    lines = [_front_matter(f"{part_title(part, ed.lang, ed)} · {title}", meta.id)]
    lines.extend(_node_heading(1, part, part_title, ed))
    lines.append(f"[{md_esc(title)}](index.md) › {md_esc(part_title(part, ed.lang, ed))}\n{{: .gwr-crumbs }}\n")
    if alt is not None:
        lines.append(other_marker(ed.other) + "\n")
    if (part.id, "top") in ed.notes:
        lines.append(ed.notes[(part.id, "top")] + "\n")
    pending: list[Block] = []
    for child in part.children:
        if isinstance(child, Section):
            lines.extend(x + "\n" for x in blocks_md(pending, ed, alt))
            pending = []
            lines.extend(_node_heading(2, child, section_title, ed))
            if (child.id, "top") in ed.notes:
                lines.append(ed.notes[(child.id, "top")] + "\n")
            if child.blocks:
                lines.extend(x + "\n" for x in blocks_md(child.blocks, ed, alt))
            else:
                lines.append(f'<p class="gwr-empty">{esc(t(ed.lang, "empty_section"))}</p>\n')
            if (child.id, "end") in ed.notes:
                lines.append(ed.notes[(child.id, "end")] + "\n")
        else:
            pending.append(child)
    lines.extend(x + "\n" for x in blocks_md(pending, ed, alt))
    if part is doc.parts[-1] and doc.closing:
        lines.append('<hr class="gwr-sep">\n')
        lines.append(f'<p class="gwr-label" id="closing">{esc(t(ed.lang, "closing"))}</p>\n')
        lines.extend(x + "\n" for x in blocks_md(doc.closing, ed, alt))
    return "\n".join(lines)


def _meta_rows(doc: Document, lang: str, sha256: str, site_data_path: str) -> list[tuple[str, str]]:
    meta = doc.meta
    en = lang == "en"
    city = (meta.city_en or meta.city) if en else meta.city
    rows = [
        (t(lang, "meta.city"), esc(city)),
        (t(lang, "meta.year"), str(meta.year)),
        (t(lang, "meta.kind"), esc(t(lang, f"kind.{meta.kind}"))),
    ]
    if meta.delivered:
        rows.append((t(lang, "meta.delivered"), esc(date(lang, meta.delivered))))
    session = (meta.session_en or meta.session) if en else meta.session
    if session:
        rows.append((t(lang, "meta.session"), esc(session)))
    if meta.speaker:
        if en and meta.speaker_en:
            speaker = ", ".join(x for x in (meta.speaker_en, meta.speaker_title_en) if x)
        else:
            speaker = " ".join(x for x in (meta.speaker_title, meta.speaker) if x)
        rows.append((t(lang, "meta.speaker"), esc(speaker)))
    source_name = (meta.source_name_en or meta.source_name) if en else meta.source_name
    if source_name or meta.source_url:
        src = esc(source_name or "")
        if meta.source_url:
            src += " " + ext_link(meta.source_url)
        rows.append((t(lang, "meta.source"), src))
    rows.append((t(lang, "meta.original_file"), f"<code>{esc(meta.original_file or meta.file)}</code>"))
    rows.append((t(lang, "meta.sha256"), f"<code>{sha256}</code>"))
    rows.append(
        (t(lang, "meta.data"), f'<a href="{attr(site_data_path)}"><code>data/reports/{meta.id}.json</code></a>')
    )
    return rows


def render_report_index(doc: Document, ed: Edition, sha256: str, site_data_path: str, alt: dict | None = None) -> str:
    meta = doc.meta
    front = doc.front
    lang = ed.lang
    title = report_title(doc, lang)
    out = [_front_matter(title, meta.id)]
    out.append(bilingual_heading(1, "report", title, report_title(doc, ed.other), lang))
    if meta.kind == "summary":
        out.append(f'<p class="gwr-notice">{esc(t(lang, "summary.notice"))}</p>\n')
    table = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in _meta_rows(doc, lang, sha256, site_data_path))
    out.append(f'<table class="gwr-meta"><tbody>{table}</tbody></table>\n')
    out.append(f"[{esc(t(lang, 'meta.provenance'))}](../sources.md#{meta.id})\n{{: .gwr-small }}\n")
    fm = []
    for key in ("title", "delivery", "speaker"):
        value = getattr(front, key)
        if not value:
            continue
        en = ed.en_text(f"front.{key}")
        zh = f'<span class="gwr-zh" lang="zh">{esc(value)}</span>'
        ens = (f'<span class="gwr-en" lang="en">{esc(en)}</span>' if en is not None else
               f'<span class="gwr-en gwr-missing" lang="en">{esc(t("en", "untranslated"))}</span>')
        missing = "" if en is not None else " gwr-untranslated"
        fm.append(f'<span class="gwr-fm-{key}{missing}">{zh + ens if lang == "zh" else ens + zh}</span>')
    if fm:
        out.append(f'<div class="gwr-frontmatter" id="preface">{"".join(fm)}</div>\n')
    if front.salutation or doc.preamble:
        out.append(f"## {md_esc(t(lang, 'preamble'))} {{#preamble}}\n")
        if front.salutation:
            sal = Block("paragraph", front.salutation, front.salutation_line or 0, front.salutation_line or 0,
                        id="front.salutation")
            body, translated = bilingual_html(sal, ed)
            missing = "" if translated else " gwr-untranslated"
            out.append(f'<p class="gwr-salutation{missing}">{body}</p>\n')
        out.extend(x + "\n" for x in blocks_md(doc.preamble, ed, alt))
    out.append(f"## {md_esc(t(lang, 'toc'))} {{#contents}}\n")
    out.append('<div class="gwr-toc" markdown="1">\n')
    for part in doc.parts:
        page = part_src(doc, part).rsplit("/", 1)[1]
        out.append(f"- [{md_esc(part_title(part, lang, ed))}]({page})")
        for section in part.sections:
            out.append(f"    - [{md_esc(section_title(section, lang, ed))}]({page}#{section.id})")
    if doc.closing:
        page = part_src(doc, doc.parts[-1]).rsplit("/", 1)[1]
        out.append(f"- [{md_esc(t(lang, 'closing'))}]({page}#closing)")
    for annex in doc.annexes:
        out.append(f"- [{md_esc(annex_title(annex, lang, ed))}](#{annex.id})")
    if doc.notes:
        out.append(f"- [{md_esc(notes_title(doc, lang, ed))}](#notes)")
    out.append("\n</div>\n")
    for annex in doc.annexes:
        out.extend(_node_heading(2, annex, annex_title, ed))
        out.extend(x + "\n" for x in blocks_md(annex.blocks, ed, alt))
    if doc.notes:
        out.append(f"## {md_esc(notes_title(doc, lang, ed))} {{#notes}}\n")
        out.append(f'<p class="gwr-small">{esc(t(lang, "notes.intro"))}</p>\n')
        out.extend(x + "\n" for x in blocks_md([note_block(doc, n) for n in doc.notes], ed, alt))
    if alt:  # the other language of the preamble, annexes and notes is loaded on demand (see render_report)
        out.append(other_marker(ed.other) + "\n")
    return "\n".join(out)


def notes_title(doc: Document, lang: str, ed: Edition) -> str:
    if lang == "zh":
        return doc.notes_heading or "名词解释"
    return ed.en_text("notes") or t("en", "notes")


def render_report(doc: Document, ed: Edition, sha256: str, site_data_path: str, extra: str = "") -> dict[str, str]:
    """All pages of one report: ``{src_uri: markdown}``; ``extra`` is appended to the report's index page.

    Each page carries the edition's language; the other language of its paragraphs is a script beside it
    (``<page>/<other language>.js``, see :func:`other_script`), which ``gwr.js`` loads when the reader asks
    for the parallel text or the other language. Parallel text in the page doubled its weight.
    """
    pages: dict[str, str] = {}
    alt: dict[str, str] = {}
    pages[index_src(doc)] = render_report_index(doc, ed, sha256, site_data_path, alt) + "\n" + extra
    if alt:
        pages[f"{doc.meta.path}/{ed.other}.js"] = other_script(ed.other, alt)
    for part in doc.parts:
        alt = {}
        pages[part_src(doc, part)] = render_part(doc, part, ed, alt)
        if alt:
            pages[f"{doc.meta.path}/part-{part.ordinal}/{ed.other}.js"] = other_script(ed.other, alt)
    for src in [src for src in pages if src.endswith(".md")]:
        pages[src], marks, figs = term_marks(pages[src])
        if marks or figs:
            pages[src] += "\n" + TERMS_MARKER + "\n"
            pages[beside(src, TERMS_SCRIPT)] = terms_script(marks, figs)
    return pages
