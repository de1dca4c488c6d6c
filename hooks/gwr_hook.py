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

``make build`` runs both builds in one process (``python -m gwr build``), and
``mkdocs serve`` rebuilds in one process: what does not depend on the language
(parsing, translations, figures, themes, links, open data) is computed once per
report and kept for the next build (``gwr.pipeline.memo``).

``GWR_CITY=<city slug>`` builds the reports of one city: a city's pages need
nothing from other cities, so they come out the same as in the whole site (see
bench/SCALING.md). ``make serve CITY=…`` adds ``GWR_PREVIEW=1``: the preview of a
city's reports, their pages, the city's timeline and sources and the glossary,
without the pages about all reports (indicators, scorecards, themes: only their
index pages), without the open data about all reports and without a search index, so that it builds in seconds.
``make serve REPORT=<id>`` (``GWR_REPORT``) previews one report: its city's reports are read, the pages of that
report only are made.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from itertools import chain
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from gwr import (compare_pages, crosslink_context, crosslink_pages, export, glossary_pages, idchanges,
                 indicator_context, indicator_data, indicator_pages, markup, navigation, pipeline, render, search,
                 search_files, shared_assets, shares, sitefiles, slots, sources_pages, templates, theme_pages, timing)

log = logging.getLogger("mkdocs.hooks.gwr")
NAV_MARKER = "gwr:reports"
INDICATORS_MARKER = "gwr:indicators"
THEMES_MARKER = "gwr:themes"
GLOSSARY_MARKER = "gwr:glossary"
_build: dict = {}
_command: dict = {}


def on_startup(command, dirty):
    _command["name"] = command  # build or serve: an edition shares the root's assets only in a build


def on_config(config):
    timing.reset()
    with timing.event("on_config"):
        config = _config(config)
    if timing.dump_dir():
        timing.dump_nav(config.nav)
    return config


def _config(config):
    root = Path(config.config_file_path).parent
    city = os.environ.get("GWR_CITY") or None
    report = os.environ.get("GWR_REPORT") or None  # one report's pages, among its city's reports
    preview = bool(os.environ.get("GWR_PREVIEW") or report)
    pipeline.HOLD = preview and _command.get("name") == "serve"
    try:
        with timing.stage("load"):
            site = pipeline.load_site(root, city=city, report=report)
    except pipeline.RegistryError as exc:
        raise PluginError(str(exc)) from exc
    for warning in site.warnings:
        log.warning(str(warning))
    if pipeline.HOLD and site.matcher:  # a preview's first build, its pages read from the disk cache, would not
        site.matcher.prepare()  # need it, and the first rebuild (a report's pages made again) would wait for it
    lang = config.theme["language"]
    root_url = config.site_url or "http://127.0.0.1:8000/"
    root_url = root_url if root_url.endswith("/") else root_url + "/"
    if lang != export.EDITIONS[0]:
        config.site_url = root_url + export.Urls.prefix(lang)
    pipeline.CURRENT = site
    with timing.stage("editions"):
        eds = {doc.meta.id: site.edition(doc, lang) for doc in site.docs}
    _build.clear()
    slots.SLOTS.clear()
    _build.update(site=site, lang=lang, city=city, pages=[], urls=export.Urls(root_url), eds=eds, root_url=root_url,
                  shared_assets=shared_assets.shared(lang, export.EDITIONS[0], _command.get("name")),
                  preview=preview, report=report,  # the folders of the pages a preview of one report leaves out:
                  others=tuple(d.meta.path + "/" for d in site.docs if report and d.meta.id != report))
    config.extra["gwr"] = {
        "lang": lang,
        "root": root_url,
        "editions": list(export.EDITIONS),
        "alternates": [{"lang": code, "name": name} for code, name in export.EDITION_NAMES.items()],
    }
    ctx = indicator_context.Context(site.docs, site.catalogue, site.figures, site.scores, _build["urls"], lang)
    _build["ctx"] = ctx
    xctx = crosslink_context.XContext(site.docs, site.themes, site.entries, site.links, _build["urls"], lang, eds,
                                      site.figures, site.matcher, site.catalogue, site.keys)
    _build["xctx"] = xctx
    with timing.stage("cross-link boxes"):
        for doc in site.docs:
            eds[doc.meta.id].notes = crosslink_pages.notes(xctx, doc)
    extra = {}
    for city in xctx.cities:
        extra[city.zh] = (theme_pages.city_nav(xctx, city) + indicator_pages.city_nav(ctx, city.zh)
                          + [{crosslink_context.T[lang]["sources"]: sources_pages.city_sources_src(city.docs[0])}])
    # Pages that moved keep their old URL as a redirect page (mkdocs-redirects keeps the #anchor).
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        redirects.config["redirect_maps"] = {**redirects.config.get("redirect_maps", {}),
                                             **theme_pages.redirects(xctx)}
    config.nav = _splice_nav(config.nav or [], {
        NAV_MARKER: navigation.nav(site.docs, lang, eds, extra),
        INDICATORS_MARKER: indicator_pages.nav(ctx) + compare_pages.nav(ctx),
        THEMES_MARKER: theme_pages.nav(xctx),
        GLOSSARY_MARKER: glossary_pages.nav(site.glossary, lang),
    })
    if _build["preview"]:
        others = _build["others"]
        config.nav = _prune_nav(config.nav, lambda src: not src.endswith(".md") or _previewed(src, others))
        # The open data about all reports is not written in a preview (it would hold one city's rows): the links
        # of the hand-written pages to it (index, data) are reported, not fatal. `make build` checks them all.
        config.validation.links.not_found = logging.INFO
    return config


PREVIEW_PAGES = ("indicators/index.md", "scorecards/index.md", "themes/index.md", "compare/index.md", "timeline.md",
                 "glossary.md")


def _previewed(src: str, others: tuple[str, ...] = ()) -> bool:
    """Generated pages that a preview builds (GWR_PREVIEW): reports, the city's timeline and sources, the glossary,
    index pages. A preview of one report (GWR_REPORT) leaves out the pages of the city's other reports (in the
    folders ``others``)."""
    if others and src.startswith(others):
        return False
    parts = src.split("/")
    return (src in PREVIEW_PAGES or "/" not in src or parts[0] not in ("indicators", "scorecards", "themes", "compare")
            and parts[1] not in ("indicators", "themes", "scorecards"))


def _prune_nav(nav: list, keep) -> list:
    out = []
    for item in nav:
        if isinstance(item, str):
            if keep(item):
                out.append(item)
        elif isinstance(item, dict):
            (label, value), = item.items()
            if isinstance(value, list):
                value = _prune_nav(value, keep)
                if value:
                    out.append({label: value})
            elif keep(value):
                out.append(item)
        else:
            out.append(item)
    return out


def _splice_nav(nav: list, markers: dict[str, list]) -> list:
    out = []
    for item in nav:
        out.extend(_nav_html(markers[item]) if isinstance(item, str) and item in markers else [item])
    return out


def _nav_html(entries: list) -> list:
    """Material shows navigation labels as HTML; generated labels (report, part, indicator and theme names
    from seeds, translations and data files) are text, so they are escaped here, in one place."""
    return [{markup.title_html(label): _nav_html(value) if isinstance(value, list) else value
             for label, value in entry.items()} if isinstance(entry, dict) else entry for entry in entries]


_RAW_LINE = re.compile(r'^<(?:p|ul|aside|div) class="gwr-(?:para|items|xref|empty|aside|salutation|other|marks)[^\n]*$', re.M)


def _slot_html(markdown: str) -> str:
    """Keep the report text's raw HTML lines (one block each) out of Markdown; see slots.slot."""
    return _RAW_LINE.sub(lambda m: slots.slot(m.group(0)), markdown)


def _relative(src: str, markdown: str) -> str:
    """Fill in the placeholders of generated pages with links relative to the page ``src``.

    A script beside a page (``<page folder>/en.js``, the page's other language) is relative to that page.
    """
    depth = src.count("/") + (0 if src.endswith("index.md") or not src.endswith(".md") else 1)
    up = "../" * depth
    return markdown.replace(glossary_pages.GLOSSARY_HREF, up + "glossary/").replace(markup.ROOT_HREF, up)


@event_priority(50)  # before mkdocs-redirects, which looks up redirect targets among the files
def on_files(files, config):
    with timing.event("on_files"):
        return _files(files, config)


def _files(files, config):
    site, urls, eds, lang = _build["site"], _build["urls"], _build["eds"], _build["lang"]
    if _build["shared_assets"]:
        files = shared_assets.without_assets(files)
    citable = [f.src_uri for f in files.documentation_pages()]  # pages for data/urls.json
    ctx, xctx = _build["ctx"], _build["xctx"]

    def add(src: str, text: str) -> None:
        if src.endswith(".md"):
            hidden = {"inclusion": InclusionLevel.NOT_IN_NAV} if compare_pages.not_in_nav(src) else {}
            files.append(File.generated(config, src, content=_relative(src, _slot_html(text)), **hidden))
        else:  # a page's other language: written to a file now, not held in memory while the pages are built
            # a page about several reports (a city's theme timeline): kept under its own text (a report's own
            # scripts are kept under the report's key, below)
            key = ("text", hashlib.sha256(text.encode("utf-8")).hexdigest())
            path = pipeline.stored("page file", (key, lang, src), lambda: {src: _relative(src, text)})[src]
            files.append(sitefiles.LinkedFile.generated(config, src, abs_src_path=str(path)))

    # A city's pages depend on its reports only (bench: a city built alone gives the same pages): they are kept
    # from one build to the next under the keys of the city's reports (gwr.pipeline.memo).
    city_keys: dict[str, tuple] = {}
    for doc in site.docs:
        city_keys[doc.meta.city] = city_keys.get(doc.meta.city, ()) + (site.keys[doc.meta.id],)

    # a preview makes only the pages it shows (_previewed): its city pages are kept apart from a whole build's
    only = (lambda src: _previewed(src, _build["others"])) if _build["preview"] else (lambda src: True)

    def per_city(kind: str, chosen: bool = False):  # chosen: the pages made are those ``only`` accepts
        kind = f"{kind} preview" if _build["preview"] and chosen else kind
        return lambda city, make: slots.revive(pipeline.memo(
            "city pages", (kind, city_keys[city], lang), lambda: slots.portable(make())))

    for doc in site.docs:
        if _build["report"] and doc.meta.id != _build["report"]:
            continue  # a preview of one report: the city's other reports are read, their pages not made
        sha = site.shas[doc.meta.id]
        with timing.stage("main table"):
            extra = indicator_pages.main_table(ctx, doc)
        with timing.stage("what's new"):
            extra += "\n" + crosslink_pages.render_whats_new(xctx, doc)
        with timing.stage("report pages"):
            ed = eds[doc.meta.id]
            # the pages depend on the report (its key), the language, and what other reports add to them
            around = hashlib.sha256(repr((slots.fill_slots(extra, keep=True), sorted(ed.notes.items())))
                                    .encode("utf-8")).hexdigest()
            pages = slots.revive(pipeline.memo("report pages", (site.keys[doc.meta.id], lang, around),
                                                lambda: slots.portable(render.render_report(
                                                    doc, ed, sha, f"../../data/reports/{doc.meta.id}.json", extra))))
            slots.drop_slots(extra)  # when the pages were kept, the ones made for them now are not needed
        with timing.stage("figures pages"):
            pages.update(per_city(f"figures {doc.meta.id}")(doc.meta.city, lambda: {
                render.figures_src(doc): indicator_pages.render_figures_page(ctx, doc)}))
        citable.append(render.figures_src(doc))
        # ids whose meaning changed (data/id-changes.yml): notices on their pages, a page for a vanished part
        for src, html in idchanges.notices(doc, site.changes, lang).items():
            if src in pages:
                pages[src] += "\n" + slots.slot(html) + "\n"
        for src, markdown in idchanges.tombstone_pages(doc, site.changes, lang, set(pages)).items():
            files.append(File.generated(config, src, content=_relative(src, markdown),
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        for src, text in pages.items():
            if src.endswith(".md"):
                add(src, text)
        # the report's scripts (its pages' other language, their terms) kept together: a disk cache entry each
        # (a pickle and a folder) cost three times what writing the file did (100x, 5,800 of them: 1.5 s a build)
        scripts = {src: text for src, text in pages.items() if not src.endswith(".md")}
        if scripts:
            for src, path in pipeline.stored("page files", (site.keys[doc.meta.id], lang, tuple(scripts)), lambda: {
                    src: _relative(src, text) for src, text in scripts.items()}).items():
                files.append(sitefiles.LinkedFile.generated(config, src, abs_src_path=str(path)))
    xctx.phrase_cache.clear()  # each report's phrases and text, for what's new: not needed past the report pages
    with timing.stage("indicator pages"):
        generated = indicator_pages.files(ctx, per_city("indicators", True), only)
    with timing.stage("compare pages"):
        generated.update(compare_pages.files(ctx, only))
    with timing.stage("theme and timeline pages"):
        generated.update(theme_pages.files(xctx, per_city("themes", True),
                                           crosslink_context.registered_cities(site.registered), only))
    with timing.stage("sources pages"):
        for city in xctx.cities:
            generated[sources_pages.city_sources_src(city.docs[0])] = sources_pages.render_city_sources(
                city.docs, site.shas, lang)
    if site.glossary:
        with timing.stage("glossary pages"):
            usage = lambda doc: pipeline.memo(  # noqa: E731 - once per report, for both editions
                "usage", site.keys[doc.meta.id], lambda: glossary_pages.report_usage(doc, site.matcher))
            generated.update(glossary_pages.files(site.glossary, site.docs, site.matcher, lang, usage))
            for src, text in glossary_pages.tips_files(site.glossary, lang).items():
                files.append(File.generated(config, src, content=text))
    if _build["preview"]:
        generated = {src: text for src, text in generated.items() if only(src)}
    citable.extend(src for src in generated if src.endswith(".md"))
    for src, content in generated.items():
        add(src, content)
    with timing.stage("open data"):
        for src, path in _open_data(site, urls, ctx, xctx, citable).items():
            files.append(sitefiles.LinkedFile.generated(config, src, abs_src_path=str(path)))
    return files


def _open_data(site, urls, ctx, xctx, citable: list[str]) -> dict[str, Path]:
    """The open data: the same bytes in both editions, so written once, to files the builds link
    (gwr.pipeline.stored), and not held in memory while the pages are built. After an edit, the files about all
    reports are written again, of each report's (or city's) share: those whose key the previous build's file had
    are copied from it, not made again (gwr.shares). A year's compare tables are kept whole under its cities'
    reports."""
    out: dict[str, Path] = {}
    for doc in site.docs:
        if _build["report"] and doc.meta.id != _build["report"]:
            continue
        out.update(pipeline.stored("data", (site.keys[doc.meta.id], urls.site_url), lambda: {
            f"data/reports/{doc.meta.id}.json": export.document_json(doc, site.shas[doc.meta.id], urls,
                                                                      site.translations.get(doc.meta.id))}))
    if _build["preview"]:  # files about all reports: not in a preview (see _config)
        return out
    keys = shares.Keys.of(site.keys, {d.meta.id: d.meta.city for d in site.docs},
                          {d.meta.id: d.meta.year for d in site.docs}, urls.site_url)
    for year in compare_pages.compare_years(ctx):
        out.update(pipeline.stored("data", ("compare", compare_pages.year_key(ctx, year, keys), urls.site_url),
                                   lambda: compare_pages.year_data_files(ctx, year)))

    def whole_site():  # file by file, each written before the next is made
        yield from indicator_data.data_files(ctx, keys)
        yield from compare_pages.data_files(ctx, keys)
        yield from crosslink_pages.data_files(xctx, keys)
        if site.glossary:
            yield "data/glossary.json", glossary_pages.glossary_json(site.glossary)
        yield "data/reports.json", export.registry_json(site.docs, site.shas, urls)
        yield "data/urls.json", export.urls_json_parts(site.docs, citable, urls, keys)

    out.update(pipeline.stored("data", (site.fingerprint, urls.site_url, tuple(sorted(citable))), whole_site))
    return out


@event_priority(-100)  # after mkdocs-macros: the Markdown that Python-Markdown will convert
def on_page_markdown(markdown, page, config, files):
    if timing.dump_dir():
        timing.dump_page(page.file.src_uri, page.meta, markdown)
    return markdown


def on_page_content(html, page, config, files):
    with timing.event("on_page_content"):
        return _page_content(html, page)


def _page_content(html, page):
    # Report pages are indexed from the model; pages marked `search: {exclude: true}` (Material's
    # convention; the glossary, which repeats the reports' terms) are not indexed. The placeholders of
    # generated HTML stay in the page until it is written (on_post_page).
    excluded = (page.meta.get("search") or {}).get("exclude", False)
    # The reading-view switch goes on every page that holds text in both languages (overrides/main.html): told by
    # the page's own HTML when it can be (a report page's headings), else with its slots filled in, which are read
    # (from SLOTS' file) only then, or for the page's text in the index. Links need no rewriting here.
    if "gwr_report" not in page.meta and not excluded:
        full = slots.fill_slots(html, keep=True)
        # page.title is HTML to Material (escaped, see markup.title_html); the index holds text
        _build["pages"].append({"u": page.url, "t": search.html_text(page.title or ""), "text": search.html_text(full)})
        page.meta["gwr_views"] = markup.has_both_languages(full)
    else:
        page.meta["gwr_views"] = (markup.has_both_languages(html)
                                  or markup.has_both_languages(slots.fill_slots(html, keep=True)))
    _release_source(page)
    return html


def _release_source(page) -> None:
    """Let go of a page's Markdown once it is HTML: MkDocs keeps every page's source (its file's text and the
    page's Markdown) until the end of the build, though nothing reads it again; the site's pages are mostly made
    by the hook, so that was a copy of the site's text held twice while the search index was made (the peak)."""
    page.markdown = ""
    if page.file.generated_by and page.file.abs_src_path is None:
        page.file.content_bytes = b""


def on_env(env, config, files):
    with timing.event("on_env"):
        templates.keep_compiled(env, Path(config.config_file_path).parent)
    return env


def on_post_template(output_content, template_name, config):
    if _build["shared_assets"] and template_name.endswith(".html"):  # 404.html
        return shared_assets.point_to_default(output_content, config.site_url)
    return output_content


_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)
_INDENT = re.compile(r"\n\s+")


def on_post_page(output, page, config):
    """Drop the templates' indentation (outside ``<pre>``): a sixth of a small page, the same on every page."""
    with timing.event("on_post_page"):
        output = slots.fill_slots(output, lambda h: _relative(page.file.src_uri, h))
        if _build["shared_assets"]:
            output = shared_assets.point_to_default(output, config.site_url)
        page.content = ""  # written out next: MkDocs would keep every page's HTML until the end of the build
        if "<pre" not in output:
            return _INDENT.sub("\n", output)
        parts = _PRE.split(output)
        return "".join(p if i % 2 else _INDENT.sub("\n", p) for i, p in enumerate(parts))


@event_priority(-50)  # after other plugins have written their files
def on_post_build(config):
    with timing.event("on_post_build"):
        _post_build(config)
    timing.write(len(_build["site"].docs), _build["lang"])


def _post_build(config):
    site = _build["site"]
    lang = _build["lang"]
    terms, synonyms = (site.terms, []) if lang == "zh" else ([], site.synonyms)
    if _build["preview"]:  # no search in a preview: an empty index says so ("no results")
        sitefiles.write_new(os.path.join(config.site_dir, "search-index.json"),
                            "".join(t for _, t in search_files.index_files([], terms, lang, synonyms)).encode("utf-8"))
        return
    with timing.stage("search index"):
        pipeline.forget("search", lambda key: key[-1] != lang)  # the other edition's index: not needed again here
        # kept for the next build only by `mkdocs serve`, which rebuilds the same edition: `python -m gwr build` builds
        # the other edition next, which would carry this one's index through all its pages (100x: ~200 MB)
        # (with the disk cache on, each report's part is read from it and not held in memory: gwr.cache.DISK_ONLY)
        keep = (pipeline.memo if _command.get("name") == "serve" or pipeline.disk_cache_on()
                else lambda kind, key, compute: compute())
        # one report's part at a time: index_files writes its entries and keeps only its postings
        parts = chain((keep("search", (site.keys[doc.meta.id], lang),
                            lambda: search.report_part(doc, _build["eds"][doc.meta.id])) for doc in site.docs),
                      search.page_parts(_build["pages"]))
        for folder in ("search/s", "search/d"):
            Path(config.site_dir, folder).mkdir(parents=True, exist_ok=True)
        # the files whose content the last build wrote too are linked from the disk cache (gwr.sitefiles)
        kind = "-".join(filter(None, ("search", lang, _build["city"])))  # a city built alone: a store of its own
        store = sitefiles.Store(pipeline.site_files(kind))
        for name, text in search_files.index_files(parts, terms, lang, synonyms, len(site.docs)):
            store.write(os.path.join(config.site_dir, name), text)
        store.prune()
