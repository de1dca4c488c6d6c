"""Render documents as Markdown pages. Pure functions: model in, text out.

Headings are Markdown (so the table of contents and MkDocs' link and anchor
validation see them) with explicit ids from :mod:`gwr.ids`. Paragraphs and
list items are raw HTML blocks, so the seed's text is escaped once, here, and
never interpreted as Markdown or HTML: a ``<script>`` in a seed shows as text.

Pages of a report (``<path>`` is ``shenzhen/2025``):

* ``<path>/index.md`` — metadata, front matter, opening paragraphs, contents;
* ``<path>/part-<n>.md`` — one page per part, sections as ``##`` headings;
  the closing follows the last part.
"""

from __future__ import annotations

import html
import re

from .labels import t
from .model import Block, Document, Part, Section

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def esc(text: str) -> str:
    """Escape text for HTML content."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def md_esc(text: str) -> str:
    """Escape text for a Markdown heading or link label: HTML first, then Markdown syntax."""
    return _MD_SPECIAL.sub(r"\\\1", esc(text))


def part_src(doc: Document, part: Part) -> str:
    return f"{doc.meta.path}/part-{part.ordinal}.md"


def index_src(doc: Document) -> str:
    return f"{doc.meta.path}/index.md"


def page_of(doc: Document, node_id: str) -> str:
    """The src path of the page that shows ``node_id``."""
    if node_id.startswith("preamble") or node_id == "report":
        return index_src(doc)
    if node_id.startswith("closing"):
        return part_src(doc, doc.parts[-1])
    ordinal = int(node_id.split("__")[0].split("_")[1])
    for part in doc.parts:
        if part.ordinal == ordinal:
            return part_src(doc, part)
    raise KeyError(node_id)


def part_title(part: Part) -> str:
    return f"{part.num}{part.heading}" if part.heading else f"第{part.ordinal}部分"


def section_title(section: Section) -> str:
    return f"{section.num}{section.heading}"


def _block_html(block: Block, lang: str) -> str:
    label = t(lang, "item" if block.kind == "item" else "para", n=block.ordinal)
    pn = (
        f'<a class="gwr-pn" href="#{block.id}" title="{attr(t(lang, "copy_para"))} · {block.id}" '
        f'aria-label="{attr(label)}">{block.ordinal}</a>'
    )
    text = block.text
    prefix = ""
    if text.startswith("——"):
        prefix, text = "——", text[2:]
    if block.lead and text.startswith(block.lead):
        body = f'{esc(prefix)}<strong class="gwr-lead">{esc(block.lead)}</strong>{esc(text[len(block.lead):])}'
    else:
        body = esc(prefix + text)
    if block.kind == "item":
        detail = f'<span class="gwr-detail">{esc(block.detail)}</span>' if block.detail else ""
        return f'<li class="gwr-item" id="{block.id}">{pn}<span class="gwr-text">{body}</span>{detail}</li>'
    cls = "gwr-para gwr-highlight" if block.kind == "highlight" else "gwr-para"
    return f'<p class="{cls}" id="{block.id}">{pn}{body}</p>'


def _blocks_md(blocks: list[Block], lang: str) -> list[str]:
    """Raw HTML for a run of blocks; consecutive items form one list."""
    out: list[str] = []
    items: list[str] = []
    for block in blocks:
        if block.kind == "item":
            items.append(_block_html(block, lang))
            continue
        if items:
            out.append('<ul class="gwr-items">' + "".join(items) + "</ul>")
            items = []
        out.append(_block_html(block, lang))
    if items:
        out.append('<ul class="gwr-items">' + "".join(items) + "</ul>")
    return out


def _front_matter(title: str, report_id: str, extra: str = "") -> str:
    safe_title = title.replace('"', '\\"')
    return f'---\ntitle: "{safe_title}"\ngwr_report: {report_id}\n{extra}---\n'


def render_part(doc: Document, part: Part, lang: str) -> str:
    meta = doc.meta
    lines = [_front_matter(f"{part_title(part)} · {meta.display_title}", meta.id)]
    lines.append(f"# {md_esc(part_title(part))} {{#{part.id}}}\n")
    lines.append(f"[{md_esc(meta.display_title)}](index.md) › {md_esc(part_title(part))}\n{{: .gwr-crumbs }}\n")
    pending: list[Block] = []
    for child in part.children:
        if isinstance(child, Section):
            lines.extend(x + "\n" for x in _blocks_md(pending, lang))
            pending = []
            lines.append(f"## {md_esc(section_title(child))} {{#{child.id}}}\n")
            if child.blocks:
                lines.extend(x + "\n" for x in _blocks_md(child.blocks, lang))
            else:
                lines.append(f'<p class="gwr-empty">{esc(t(lang, "empty_section"))}</p>\n')
        else:
            pending.append(child)
    lines.extend(x + "\n" for x in _blocks_md(pending, lang))
    if part is doc.parts[-1] and doc.closing:
        lines.append('<hr class="gwr-sep">\n')
        lines.append(f'<p class="gwr-label" id="closing">{esc(t(lang, "closing"))}</p>\n')
        lines.extend(x + "\n" for x in _blocks_md(doc.closing, lang))
    return "\n".join(lines)


def render_report_index(doc: Document, lang: str, sha256: str, site_data_path: str) -> str:
    meta = doc.meta
    front = doc.front
    out = [_front_matter(meta.display_title, meta.id)]
    out.append(f"# {md_esc(meta.display_title)} {{#report}}\n")
    if meta.kind == "summary":
        out.append(f'<p class="gwr-notice">{esc(t(lang, "summary.notice"))}</p>\n')
    rows = [
        (t(lang, "meta.city"), esc(meta.city)),
        (t(lang, "meta.year"), str(meta.year)),
        (t(lang, "meta.kind"), esc(t(lang, f"kind.{meta.kind}"))),
    ]
    if meta.delivered:
        rows.append((t(lang, "meta.delivered"), esc(meta.delivered)))
    if meta.session:
        rows.append((t(lang, "meta.session"), esc(meta.session)))
    if meta.speaker:
        rows.append((t(lang, "meta.speaker"), esc(" ".join(x for x in (meta.speaker_title, meta.speaker) if x))))
    if meta.source_name or meta.source_url:
        src = esc(meta.source_name or "")
        if meta.source_url:
            src += f' <a href="{attr(meta.source_url)}" rel="nofollow">{esc(meta.source_url)}</a>'
        rows.append((t(lang, "meta.source"), src))
    rows.append((t(lang, "meta.original_file"), f"<code>{esc(meta.original_file or meta.file)}</code>"))
    rows.append((t(lang, "meta.sha256"), f"<code>{sha256}</code>"))
    rows.append(
        (t(lang, "meta.data"), f'<a href="{attr(site_data_path)}"><code>data/reports/{meta.id}.json</code></a>')
    )
    table = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in rows)
    out.append(f'<table class="gwr-meta"><tbody>{table}</tbody></table>\n')
    out.append(f"[{esc(t(lang, 'meta.provenance'))}](../../sources.md#{meta.id})\n{{: .gwr-small }}\n")
    if front.title or front.delivery or front.speaker:
        fm = []
        if front.title:
            fm.append(f'<span class="gwr-fm-title">{esc(front.title)}</span>')
        if front.delivery:
            fm.append(f'<span class="gwr-fm-delivery">{esc(front.delivery)}</span>')
        if front.speaker:
            fm.append(f'<span class="gwr-fm-speaker">{esc(front.speaker)}</span>')
        out.append(f'<div class="gwr-frontmatter" id="preface">{"".join(fm)}</div>\n')
    if front.salutation or doc.preamble:
        out.append(f"## {md_esc(t(lang, 'preamble'))} {{#preamble}}\n")
        if front.salutation:
            out.append(f'<p class="gwr-salutation">{esc(front.salutation)}</p>\n')
        out.extend(x + "\n" for x in _blocks_md(doc.preamble, lang))
    out.append(f"## {md_esc(t(lang, 'toc'))} {{#contents}}\n")
    for part in doc.parts:
        page = part_src(doc, part).rsplit("/", 1)[1]
        out.append(f"- [{md_esc(part_title(part))}]({page})")
        for section in part.sections:
            out.append(f"    - [{md_esc(section_title(section))}]({page}#{section.id})")
    if doc.closing:
        page = part_src(doc, doc.parts[-1]).rsplit("/", 1)[1]
        out.append(f"- [{md_esc(t(lang, 'closing'))}]({page}#closing)")
    out.append("{: .gwr-toc }\n")
    return "\n".join(out)


def render_report(doc: Document, lang: str, sha256: str, site_data_path: str) -> dict[str, str]:
    """All pages of one report: ``{src_uri: markdown}``."""
    pages = {index_src(doc): render_report_index(doc, lang, sha256, site_data_path)}
    for part in doc.parts:
        pages[part_src(doc, part)] = render_part(doc, part, lang)
    return pages


def render_sources(docs: list[Document], shas: dict[str, str], lang: str) -> str:
    """For the sources page: provenance of every report and what was set aside, and why."""
    out = []
    for doc in docs:
        meta = doc.meta
        out.append(f"## {md_esc(meta.display_title)} {{#{meta.id}}}\n")
        rows = [
            ("报告页面", f'<a href="../{attr(meta.path)}/">{esc(meta.display_title)}</a>'),
            ("原始文件名", f"<code>{esc(meta.original_file or '—')}</code>"),
            ("本站副本", f"<code>{esc(meta.file)}</code>（逐字节一致，未作任何修改）"),
            ("SHA-256", f"<code>{shas[meta.id]}</code>"),
            ("来源", esc(meta.source_name or "未注明")),
        ]
        if meta.source_url:
            rows.append(("来源网址", f'<a href="{attr(meta.source_url)}" rel="nofollow">{esc(meta.source_url)}</a>'))
        if meta.repost_url:
            rows.append(("转载网址", f'<a href="{attr(meta.repost_url)}" rel="nofollow">{esc(meta.repost_url)}</a>'))
        table = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in rows)
        out.append(f'<table class="gwr-meta"><tbody>{table}</tbody></table>\n')
        if doc.set_aside:
            out.append(f"### 未纳入正文的内容 {{#{meta.id}--set-aside}}\n")
            out.append("以下文字出现在原始文件中，但不属于报告正文，因此没有放入报告页面。逐字列出，以便核对。\n")
            for aside in doc.set_aside:
                name, why = t(lang, f"aside.{aside.kind}")
                where = f"第{aside.line}行" if aside.line == aside.end_line else f"第{aside.line}–{aside.end_line}行"
                out.append(
                    f'<div class="gwr-aside"><p class="gwr-aside-label"><strong>{esc(name)}</strong>'
                    f"（{where}）：{esc(why)}</p><pre>{esc(aside.text)}</pre></div>\n"
                )
        else:
            out.append("原始文件中没有需要剔除的非报告内容。\n")
    return "\n".join(out)


def reports_table(docs: list[Document], lang: str, base: str = "") -> str:
    """Home page table: one row per city, one cell per year (newest first)."""
    cities: dict[str, list[Document]] = {}
    for doc in docs:
        cities.setdefault(doc.meta.city, []).append(doc)
    out = ['<table class="gwr-reports"><thead><tr><th>城市</th><th>报告</th></tr></thead><tbody>']
    for city in sorted(cities):
        cells = []
        for doc in sorted(cities[city], key=lambda d: (-d.meta.year, d.meta.kind)):
            n_sec = sum(len(p.sections) for p in doc.parts)
            kind = t(lang, f"kind.{doc.meta.kind}")
            cells.append(
                f'<li><a href="{base}{attr(doc.meta.path)}/">{esc(doc.meta.display_title)}</a> '
                f'<span class="gwr-small">（{kind}；{len(doc.parts)}个部分，{n_sec}节）</span></li>'
            )
        out.append(f"<tr><th>{esc(city)}</th><td><ul>{''.join(cells)}</ul></td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def nav(docs: list[Document]) -> list:
    """The navigation of the reports: city › report (newest first) › parts."""
    cities: dict[str, list[Document]] = {}
    for doc in docs:
        cities.setdefault(doc.meta.city, []).append(doc)
    entries = []
    for city in sorted(cities):
        reports = []
        for doc in sorted(cities[city], key=lambda d: (-d.meta.year, d.meta.kind)):
            label = f"{doc.meta.year}年" + ("（摘要）" if doc.meta.kind == "summary" else "")
            children = [index_src(doc)] + [{part_title(p): part_src(doc, p)} for p in doc.parts]
            reports.append({label: children})
        entries.append({city: reports})
    return entries
