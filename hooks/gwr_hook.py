"""MkDocs hook: wires the ``gwr`` pipeline into the build. Each event delegates.

The pipeline package is imported here, at the top: MkDocs puts ``hooks/`` on
``sys.path`` only while this file is executed (../shared/STACK.md).

Design: one build per language edition. This file builds the edition named by
``theme.language``; the English edition (next issue) is a second config that
``INHERIT``s ``mkdocs.yml`` and builds into ``site/en``. That keeps one search
index and one ``<html lang>`` per edition, which mkdocs-static-i18n does not.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from gwr import export, pipeline, render, search

log = logging.getLogger("mkdocs.hooks.gwr")
NAV_MARKER = "gwr:reports"
_build: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        site = pipeline.load_site(root)
    except pipeline.RegistryError as exc:
        raise PluginError(str(exc)) from exc
    for warning in site.warnings:
        log.warning(str(warning))
    lang = config.theme["language"]
    pipeline.CURRENT = site
    _build.clear()
    _build.update(site=site, lang=lang, pages=[], urls=export.Urls(config.site_url or "/", lang))
    config.nav = _splice_nav(config.nav or [], render.nav(site.docs))
    return config


def _splice_nav(nav: list, reports: list) -> list:
    out = []
    for item in nav:
        out.extend(reports if item == NAV_MARKER else [item])
    return out


def on_files(files, config):
    site, lang, urls = _build["site"], _build["lang"], _build["urls"]
    hand_written = [f.src_uri for f in files.documentation_pages()]
    for doc in site.docs:
        data_path = f"../../data/reports/{doc.meta.id}.json"
        for src, markdown in render.render_report(doc, lang, site.shas[doc.meta.id], data_path).items():
            files.append(File.generated(config, src, content=markdown))
        files.append(
            File.generated(config, f"data/reports/{doc.meta.id}.json",
                           content=export.document_json(doc, site.shas[doc.meta.id], urls))
        )
    files.append(File.generated(config, "data/reports.json", content=export.registry_json(site.docs, site.shas, urls)))
    files.append(File.generated(config, "data/urls.json", content=export.urls_json(site.docs, hand_written, urls)))
    return files


def on_page_content(html, page, config, files):
    if "gwr_report" not in page.meta:
        _build["pages"].append({"u": page.url, "t": page.title or "", "text": search.html_text(html)})
    return html


@event_priority(-50)  # after other plugins have written their files
def on_post_build(config):
    site = _build["site"]
    index = search.index_json(site.docs, _build["pages"], site.terms, _build["lang"])
    Path(config.site_dir, "search-index.json").write_text(index, encoding="utf-8")
