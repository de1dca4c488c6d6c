"""MkDocs hook: wires the ``gwr`` pipeline into the build. Each event delegates.

The pipeline package is imported here, at the top: MkDocs puts ``hooks/`` on
``sys.path`` only while this file is executed (../shared/STACK.md).

Design: one build per language edition. ``mkdocs.yml`` builds the Chinese
edition at the site root; ``mkdocs.en.yml`` INHERITs it and builds the English
edition into ``site/en``. Each edition therefore has its own ``<html lang>``,
its own interface language and its own search index, and generated pages are
ordinary virtual files. mkdocs-static-i18n was rejected after the measurements
in ../shared/STACK.md (generated pages dropped or mislabelled, one mixed search
index). Only public MkDocs APIs are used.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from gwr import crosslink_pages, export, glossary_pages, indicator_pages, pipeline, render, search, timing

log = logging.getLogger("mkdocs.hooks.gwr")
NAV_MARKER = "gwr:reports"
INDICATORS_MARKER = "gwr:indicators"
THEMES_MARKER = "gwr:themes"
GLOSSARY_MARKER = "gwr:glossary"
_build: dict = {}


def on_config(config):
    timing.reset()
    with timing.event("on_config"):
        config = _config(config)
    if timing.dump_dir():
        timing.dump_nav(config.nav)
    return config


def _config(config):
    root = Path(config.config_file_path).parent
    try:
        site = pipeline.load_site(root)
    except pipeline.RegistryError as exc:
        raise PluginError(str(exc)) from exc
    for warning in site.warnings:
        log.warning(str(warning))
    lang = config.theme["language"]
    root_url = config.site_url or "http://127.0.0.1:8000/"
    root_url = root_url if root_url.endswith("/") else root_url + "/"
    if lang != export.EDITIONS[0]:
        config.site_url = root_url + export.Urls.prefix(lang)
    pipeline.CURRENT = site
    eds = {doc.meta.id: site.edition(doc, lang) for doc in site.docs}
    _build.clear()
    render.SLOTS.clear()
    _build.update(site=site, lang=lang, pages=[], urls=export.Urls(root_url), eds=eds)
    config.extra["gwr"] = {
        "lang": lang,
        "root": root_url,
        "editions": list(export.EDITIONS),
        "alternates": [{"lang": code, "name": name} for code, name in export.EDITION_NAMES.items()],
    }
    ctx = indicator_pages.Context(site.docs, site.catalogue, site.figures, site.scores, _build["urls"], lang)
    _build["ctx"] = ctx
    xctx = crosslink_pages.XContext(site.docs, site.themes, site.entries, site.links, _build["urls"], lang, eds,
                                    site.figures, site.matcher, site.catalogue)
    _build["xctx"] = xctx
    for doc in site.docs:
        eds[doc.meta.id].notes = crosslink_pages.notes(xctx, doc)
    extra = {}
    for city in xctx.cities:
        extra[city.zh] = (crosslink_pages.city_nav(xctx, city) + indicator_pages.city_nav(ctx, city.zh)
                          + [{crosslink_pages.T[lang]["sources"]: render.city_sources_src(city.docs[0])}])
    config.nav = _splice_nav(config.nav or [], {
        NAV_MARKER: render.nav(site.docs, lang, eds, extra),
        INDICATORS_MARKER: indicator_pages.nav(ctx),
        THEMES_MARKER: crosslink_pages.nav(xctx),
        GLOSSARY_MARKER: glossary_pages.nav(site.glossary, lang),
    })
    return config


def _splice_nav(nav: list, markers: dict[str, list]) -> list:
    out = []
    for item in nav:
        out.extend(markers[item] if isinstance(item, str) and item in markers else [item])
    return out


_RAW_LINE = re.compile(r'^<(?:p|ul|aside|div) class="gwr-(?:para|items|xref|empty|aside|salutation|other)[^\n]*$', re.M)


def _slot_html(markdown: str) -> str:
    """Keep the report text's raw HTML lines (one block each) out of Markdown; see render.slot."""
    return _RAW_LINE.sub(lambda m: render.slot(m.group(0)), markdown)


def _relative(src: str, markdown: str) -> str:
    """Fill in the placeholders of generated pages with links relative to the page ``src``.

    A script beside a page (``<page folder>/en.js``, the page's other language) is relative to that page.
    """
    depth = src.count("/") + (0 if src.endswith("index.md") or not src.endswith(".md") else 1)
    up = "../" * depth
    return markdown.replace(glossary_pages.GLOSSARY_HREF, up + "glossary/").replace(render.ROOT_HREF, up)


def on_files(files, config):
    with timing.event("on_files"):
        return _files(files, config)


def _files(files, config):
    site, urls, eds = _build["site"], _build["urls"], _build["eds"]
    citable = [f.src_uri for f in files.documentation_pages()]  # pages for data/urls.json
    ctx = _build["ctx"]
    for doc in site.docs:
        sha = site.shas[doc.meta.id]
        data_path = f"../../data/reports/{doc.meta.id}.json"
        extra = indicator_pages.main_table(ctx, doc) + "\n" + crosslink_pages.render_whats_new(_build["xctx"], doc)
        pages = render.render_report(doc, eds[doc.meta.id], sha, data_path, extra)
        pages[render.figures_src(doc)] = indicator_pages.render_figures_page(ctx, doc)
        citable.append(render.figures_src(doc))
        for src, text in pages.items():
            files.append(File.generated(config, src, content=_relative(src, _slot_html(text) if src.endswith(".md") else text)))
        en = site.translations.get(doc.meta.id)
        files.append(
            File.generated(config, f"data/reports/{doc.meta.id}.json", content=export.document_json(doc, sha, urls, en))
        )
    generated = {**indicator_pages.files(ctx), **crosslink_pages.files(_build["xctx"])}
    for city in _build["xctx"].cities:
        generated[render.city_sources_src(city.docs[0])] = render.render_city_sources(city.docs, site.shas, _build["lang"])
    if site.glossary:
        generated.update(glossary_pages.files(site.glossary, site.docs, site.matcher, _build["lang"]))
    citable.extend(src for src in generated if src.endswith(".md"))
    for src, content in generated.items():
        files.append(File.generated(config, src, content=_relative(src, content) if src.endswith(".md") else content))
    files.append(File.generated(config, "data/reports.json", content=export.registry_json(site.docs, site.shas, urls)))
    files.append(File.generated(config, "data/urls.json", content=export.urls_json(site.docs, citable, urls)))
    return files


@event_priority(-100)  # after mkdocs-macros: the Markdown that Python-Markdown will convert
def on_page_markdown(markdown, page, config, files):
    if timing.dump_dir():
        timing.dump_page(page.file.src_uri, page.meta, markdown)
    return markdown


def on_page_content(html, page, config, files):
    with timing.event("on_page_content"):
        return _page_content(html, page)


def _page_content(html, page):
    html = render.fill_slots(html, lambda h: _relative(page.file.src_uri, h))
    # Report pages are indexed from the model; pages marked `search: {exclude: true}` (Material's
    # convention; the glossary, which repeats the reports' terms) are not indexed.
    excluded = (page.meta.get("search") or {}).get("exclude", False)
    if "gwr_report" not in page.meta and not excluded:
        _build["pages"].append({"u": page.url, "t": page.title or "", "text": search.html_text(html)})
    return html


_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)
_INDENT = re.compile(r"\n\s+")


def on_post_page(output, page, config):
    """Drop the templates' indentation (outside ``<pre>``): a sixth of a small page, the same on every page."""
    with timing.event("on_post_page"):
        if "<pre" not in output:
            return _INDENT.sub("\n", output)
        parts = _PRE.split(output)
        return "".join(p if i % 2 else _INDENT.sub("\n", p) for i, p in enumerate(parts))


@event_priority(-50)  # after other plugins have written their files
def on_post_build(config):
    with timing.event("on_post_build"):
        _post_build(config)
    timing.write(len(_build["site"].docs))


def _post_build(config):
    site = _build["site"]
    lang = _build["lang"]
    terms, synonyms = (site.terms, []) if lang == "zh" else ([], site.synonyms)
    index = search.index_json(site.docs, _build["pages"], terms, lang, _build["eds"], synonyms)
    Path(config.site_dir, "search-index.json").write_text(index, encoding="utf-8")
