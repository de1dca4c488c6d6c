"""The sources pages (where each copy was received from, what was set aside as not the report) and the home
page's table of reports."""

from __future__ import annotations

from .labels import t
from .model import Document
from .markup import attr, esc, ext_link, front_matter, md_esc, ROOT_HREF
from .render import report_title

SOURCES_TEXT = {
    "zh": {
        "original_file": "原始文件名", "copy": "本站副本", "identical": "（逐字节一致，未作任何修改）",
        "source": "来源", "unnamed": "未注明", "source_url": "来源网址", "repost_url": "转载网址",
        "set_aside": "未纳入正文的内容",
        "set_aside_intro": "以下文字出现在原始文件中，但不属于报告正文，因此没有放入报告页面。逐字列出，以便核对。",
        "none": "原始文件中没有需要剔除的非报告内容。",
        "line": "第{a}行", "lines": "第{a}–{b}行", "sep": "：", "open": "（", "close": "）",
        "title": "来源与版本", "n_reports": "{n}份报告", "all_reports": "全部{n}份报告（时间线）",
        "city_intro": "本市每份报告的原始文件、校验值，以及原始文件中没有放进报告页面的文字（逐字列出，注明行号和原因）。",
    },
    "en": {
        "original_file": "Original file name", "copy": "Copy in this project", "identical": " (byte-identical, unmodified)",
        "source": "Source", "unnamed": "not stated", "source_url": "Source URL", "repost_url": "Repost URL",
        "set_aside": "Text set aside",
        "set_aside_intro": "The following text is in the original file but is not part of the report, so it is not "
        "on the report pages. It is listed here verbatim, in Chinese, so that readers can check.",
        "none": "The original file contains no text that had to be set aside.",
        "line": "line {a}", "lines": "lines {a}–{b}", "sep": ": ", "open": " (", "close": ")",
        "title": "Sources and provenance", "n_reports": "{n} reports", "all_reports": "All {n} reports (timeline)",
        "city_intro": "The original file of each of the city's reports, its checksum, and the text of the file that is "
                      "not on the report pages (verbatim, with line numbers and the reason).",
    },
}


def render_sources(docs: list[Document], shas: dict[str, str], lang: str) -> str:
    """For a city's sources page: provenance of each report and what was set aside, and why."""
    s = SOURCES_TEXT[lang]
    out = []
    for doc in docs:
        meta = doc.meta
        source_name = (meta.source_name_en or meta.source_name) if lang == "en" else meta.source_name
        out.append(f"## {md_esc(report_title(doc, lang))} {{#{meta.id}}}\n")
        rows = [
            (t(lang, "report_page"), f'<a href="{ROOT_HREF}{attr(meta.path)}/">{esc(report_title(doc, lang))}</a>'),
            (s["original_file"], f"<code>{esc(meta.original_file or '—')}</code>"),
            (s["copy"], f"<code>{esc(meta.file)}</code>{s['identical']}"),
            ("SHA-256", f"<code>{shas[meta.id]}</code>"),
            (s["source"], esc(source_name or s["unnamed"])),
        ]
        if meta.source_url:
            rows.append((s["source_url"], ext_link(meta.source_url)))
        if meta.repost_url:
            rows.append((s["repost_url"], ext_link(meta.repost_url)))
        table = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in rows)
        out.append(f'<table class="gwr-meta"><tbody>{table}</tbody></table>\n')
        if doc.set_aside:
            out.append(f"### {md_esc(s['set_aside'])} {{#{meta.id}--set-aside}}\n")
            out.append(md_esc(s["set_aside_intro"]) + "\n")
            for aside in doc.set_aside:
                name, why = t(lang, f"aside.{aside.kind}")
                where = (s["line"] if aside.line == aside.end_line else s["lines"]).format(a=aside.line, b=aside.end_line)
                out.append(
                    f'<div class="gwr-aside"><p class="gwr-aside-label"><strong>{esc(name)}</strong>'
                    f"{s['open']}{where}{s['close']}{s['sep']}{esc(why)}</p><pre lang=\"zh\">{esc(aside.text)}</pre></div>\n"
                )
        else:
            out.append(s["none"] + "\n")
    return "\n".join(out)


def city_sources_src(doc: Document) -> str:
    return f"{doc.meta.city_slug}/sources.md"


def render_city_sources(docs: list[Document], shas: dict[str, str], lang: str) -> str:
    """``/<city>/sources/``: where each of a city's reports comes from and what was set aside."""
    meta = docs[0].meta
    city = meta.city if lang == "zh" else (meta.city_en or meta.city)
    title = f"{SOURCES_TEXT[lang]['title']} · {city}"
    out = [front_matter(title), f"# {md_esc(title)} {{#sources}}\n",
           f"[{md_esc(SOURCES_TEXT[lang]['title'])}](../sources.md) › {md_esc(city)}\n{{: .gwr-crumbs }}\n",
           md_esc(SOURCES_TEXT[lang]["city_intro"]) + "\n", render_sources(docs, shas, lang)]
    return "\n".join(out)


def sources_index(docs: list[Document], lang: str) -> str:
    """For the sources page (a macro): each city and its reports, leading to the city's sources page."""
    cities: dict[str, list[Document]] = {}
    for doc in docs:
        cities.setdefault(doc.meta.city, []).append(doc)
    out = []
    for city in sorted(cities):
        ds = cities[city]
        label = city if lang == "zh" else (ds[0].meta.city_en or city)
        out.append(f"- [{md_esc(label)}]({ds[0].meta.city_slug}/sources.md){SOURCES_TEXT[lang]['sep']}"
                   + SOURCES_TEXT[lang]["n_reports"].format(n=len(ds)))
    # Each report's entry was on this page until the sources were split by city: keep #<report id> links working.
    out.append('\n<script>(function(){var m=/^#([a-z][a-z0-9-]*?)-\\d{4}(?:-[a-z0-9-]+)?$/.exec(location.hash);'
               'if(m)location.replace("../"+m[1]+"/sources/"+location.hash)})()</script>\n')
    return "\n".join(out)


REPORTS_PER_CITY = 5
"""Reports per city in the home page's table (the newest); the city's timeline lists all."""


def reports_table(docs: list[Document], lang: str, base: str = "") -> str:
    """Home page table: one row per city, its newest reports first, and a link to all of them."""
    cities: dict[str, list[Document]] = {}
    for doc in docs:
        cities.setdefault(doc.meta.city, []).append(doc)
    out = [f'<table class="gwr-reports"><thead><tr><th>{esc(t(lang, "city"))}</th>'
           f'<th>{esc(t(lang, "reports"))}</th></tr></thead><tbody>']
    for city in sorted(cities):
        cells = []
        ordered = sorted(cities[city], key=lambda d: (-d.meta.year, d.meta.kind))
        for doc in ordered[:REPORTS_PER_CITY]:
            n_sec = sum(len(p.sections) for p in doc.parts)
            note = t(lang, "n_parts", kind=t(lang, f"kind.{doc.meta.kind}"), parts=len(doc.parts), sections=n_sec)
            cells.append(
                f'<li><a href="{base}{attr(doc.meta.path)}/">{esc(report_title(doc, lang))}</a> '
                f'<span class="gwr-small">({esc(note)})</span></li>'
            )
        if len(ordered) > REPORTS_PER_CITY:
            cells.append(f'<li><a href="{base}{ordered[0].meta.city_slug}/timeline/">'
                         f'{esc(SOURCES_TEXT[lang]["all_reports"].format(n=len(ordered)))}</a></li>')
        label = city if lang == "zh" else (cities[city][0].meta.city_en or city)
        out.append(f"<tr><th>{esc(label)}</th><td><ul>{''.join(cells)}</ul></td></tr>")
    out.append("</tbody></table>")
    return "".join(out)
