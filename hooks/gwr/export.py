"""Open data: the registry, each document tree and the URL manifest, as JSON.

Texts and URLs are keyed by language (``{"zh": …}``) so that the English
edition adds ``en`` beside them without changing the schema. Output is
deterministic: the same input gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Iterable, Iterator

from .ids import meanings
from .labels import t
from .model import Block, Document, Part, Section
from .render import index_src, note_block, page_of
from .shares import Keys, Run, Share, Shares, report_keys

SCHEMA = "gwr-document/1"


def compact(data) -> str:
    """``data`` as compact JSON, characters as they are (indent= would switch json to its pure-Python encoder, 10x
    slower)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def dumps(data) -> str:
    """A JSON file's text: :func:`compact`, then a line break."""
    return compact(data) + "\n"


JSON_ITEMS = 500
"""Items of a large open data file made at a time (see :func:`json_parts`)."""


def json_parts(head: dict, key: str, items: Iterable[dict], end: str = "\n") -> Iterator[str]:
    """The JSON text of ``{**head, key: list(items)}`` (:func:`compact`, then ``end``), :data:`JSON_ITEMS` items
    at a time."""
    texts = map(compact, items)
    return json_joined(head, key, iter(lambda: ",".join(itertools.islice(texts, JSON_ITEMS)), ""), end)


def json_joined(head: dict, key: str, texts: Iterable, end: str = "\n") -> Iterator:
    """:func:`json_parts` of items already written: each of ``texts`` is items' :func:`compact` texts joined by
    commas (``""``: none), or a :class:`gwr.shares.Share` (or :class:`gwr.shares.Shares`) of such texts: the
    separators are then left to the writer, which knows which are empty only as it writes them."""
    yield compact(head)[:-1] + ("," if head else "") + f'"{key}":['
    first = True
    run: Run | None = None
    for text in texts:
        if type(text) is str:
            if not text:
                continue
            if run is None:
                yield text if first else "," + text
                first = False
            else:
                yield Share(None, lambda text=text: text, run)
        else:  # a Share or Shares
            if run is None:
                run = Run(",")
                run.started = not first
            yield dataclasses.replace(text, run=run)
    yield "]}" + end


def page_path(src: str) -> str:
    """Site-relative URL path of a page src (directory URLs): ``a/b/part-1.md`` -> ``a/b/part-1/``."""
    if src.endswith("index.md"):
        return src[: -len("index.md")]
    return src[: -len(".md")] + "/"


def node_path(doc: Document, node_id: str) -> str:
    # kept on the document: the pages and the open data ask for the same nodes many times
    paths = doc.__dict__.setdefault("_node_paths", {})
    path = paths.get(node_id)
    if path is None:
        page = page_path(page_of(doc, node_id))
        path = paths[node_id] = page if node_id == "report" else f"{page}#{node_id}"
    return path


EDITIONS = ("zh", "en")
EDITION_NAMES = {"zh": "中文", "en": "English"}
"""Languages of the site; the default (Chinese) edition is at the root, others under /<lang>/."""


class Urls:
    """Builds absolute URLs of either edition from site-relative paths."""

    def __init__(self, site_url: str):
        self.site_url = site_url if site_url.endswith("/") else site_url + "/"

    @staticmethod
    def prefix(lang: str) -> str:
        return "" if lang == EDITIONS[0] else f"{lang}/"

    def path(self, rel: str, lang: str = "zh") -> str:
        return "/" + self.prefix(lang) + rel

    def url(self, rel: str, lang: str = "zh") -> str:
        return self.site_url + self.prefix(lang) + rel

    def both(self, rel: str) -> dict[str, str]:
        return {lang: self.url(rel, lang) for lang in EDITIONS}


def _texts(zh: str | None, en: str | None) -> dict | None:
    if zh is None:
        return None
    return {"zh": zh, **({"en": en} if en is not None else {})}


def _tr(tr, ctx: str) -> str | None:
    return tr.get(ctx) if tr is not None else None


def _block(doc: Document, block: Block, urls: Urls, tr) -> dict:
    rel = node_path(doc, block.id)
    return {
        "id": block.id,
        "type": block.kind,
        "ordinal": block.ordinal,
        "lead": {"zh": block.lead} if block.lead else None,
        "text": _texts(block.text, _tr(tr, block.id)),
        "detail": _texts(block.detail, _tr(tr, f"{block.id}.detail")),
        "lines": [block.line, block.end_line],
        "url": urls.both(rel),
    }


def _section(doc: Document, section: Section, urls: Urls, tr) -> dict:
    rel = node_path(doc, section.id)
    return {
        "id": section.id,
        "type": "section",
        "num": section.num,
        "ordinal": section.ordinal,
        "heading": _texts(section.heading, _tr(tr, section.id)),
        "lines": [section.line, section.end_line],
        "url": urls.both(rel),
        "children": [_block(doc, b, urls, tr) for b in section.blocks],
    }


def _part(doc: Document, part: Part, urls: Urls, tr) -> dict:
    rel = node_path(doc, part.id)
    return {
        "id": part.id,
        "type": "part",
        "num": part.num,
        "ordinal": part.ordinal,
        "heading": _texts(part.heading, _tr(tr, part.id)),
        "lines": [part.line, part.end_line],
        "url": urls.both(rel),
        "children": [
            _section(doc, c, urls, tr) if isinstance(c, Section) else _block(doc, c, urls, tr) for c in part.children
        ],
    }


def report_record(doc: Document, sha256: str, urls: Urls) -> dict:
    meta = doc.meta
    record = {
        "id": meta.id,
        "city": meta.city,
        "city_en": meta.city_en,
        "year": meta.year,
        "kind": meta.kind,
        "title": _texts(meta.display_title, meta.title_en),
        "delivered": meta.delivered,
        "session": _texts(meta.session, meta.session_en),
        "speaker": _texts(meta.speaker, meta.speaker_en),
        "speaker_title": _texts(meta.speaker_title, meta.speaker_title_en),
        "source_name": _texts(meta.source_name, meta.source_name_en),
        "source_url": meta.source_url,
        "repost_url": meta.repost_url,
        "original_file": meta.original_file,
        "file": meta.file,
        "sha256": sha256,
        "url": urls.both(page_path(index_src(doc))),
        "data": urls.url(f"data/reports/{meta.id}.json"),
    }
    return record


def document_json(doc: Document, sha256: str, urls: Urls, tr=None) -> str:
    """The document tree; ``tr`` is the report's English :class:`~gwr.translations.Translation`."""
    front = doc.front

    def fm(key):
        value = getattr(front, key)
        if not value:
            return None
        return {"text": _texts(value, _tr(tr, f"front.{key}")), "line": getattr(front, f"{key}_line")}

    data = {
        "schema": SCHEMA,
        "report": report_record(doc, sha256, urls),
        "front_matter": {key: fm(key) for key in ("title", "delivery", "speaker", "salutation")},
        "preamble": [_block(doc, b, urls, tr) for b in doc.preamble],
        "parts": [_part(doc, p, urls, tr) for p in doc.parts],
        "closing": [_block(doc, b, urls, tr) for b in doc.closing],
        "annexes": [
            {"id": a.id, "type": "annex", "num": a.num, "ordinal": a.ordinal,
             "heading": _texts(a.heading, _tr(tr, a.id)), "lines": [a.line, a.end_line],
             "url": urls.both(node_path(doc, a.id)), "children": [_block(doc, b, urls, tr) for b in a.blocks]}
            for a in doc.annexes
        ],
        "notes": [
            {"id": n.id, "type": "note", "num": n.num, "ordinal": n.ordinal, "term": n.term,
             "text": _texts(note_block(doc, n).text, _tr(tr, n.id)), "lines": [n.line, n.end_line],
             "url": urls.both(node_path(doc, n.id))}
            for n in doc.notes
        ],
        "layout": doc.layout,
        "encoding": doc.encoding,
        "set_aside": [
            {
                "kind": a.kind,
                "label": t("zh", f"aside.{a.kind}")[0],
                "reason": t("zh", f"aside.{a.kind}")[1],
                "lines": [a.line, a.end_line],
                "text": a.text,
                **({"note": a.note} if a.note else {}),
            }
            for a in doc.set_aside
        ],
    }
    return dumps(data)


def registry_json(docs: list[Document], shas: dict[str, str], urls: Urls) -> str:
    return dumps({"schema": "gwr-registry/1", "reports": [report_record(d, shas[d.meta.id], urls) for d in docs]})


def url_entries(doc: Document, urls: Urls, lang: str) -> list[dict]:
    """Every citable URL of a report in one edition, in reading order, with the fingerprint (``fp``) of the
    Chinese text each one points to (:func:`gwr.ids.meanings`)."""
    entries = []
    fps = meanings(doc)

    def add(node_id: str, kind: str):
        rel = node_path(doc, node_id)
        entries.append(
            {"id": node_id, "report": doc.meta.id, "kind": kind, "lang": lang, "url": urls.url(rel, lang),
             "path": urls.path(rel, lang), "fp": fps.get(node_id)}
        )

    add("report", "report")
    for block in doc.preamble:
        add(block.id, block.kind)
    for part in doc.parts:
        add(part.id, "part")
        for child in part.children:
            if isinstance(child, Section):
                add(child.id, "section")
                for block in child.blocks:
                    add(block.id, block.kind)
            else:
                add(child.id, child.kind)
    for block in doc.closing:
        add(block.id, block.kind)
    for annex in doc.annexes:
        add(annex.id, "annex")
        for block in annex.blocks:
            add(block.id, block.kind)
    for note in doc.notes:
        add(note.id, "note")
    return entries


def urls_json_parts(docs: list[Document], pages: list[str], urls: Urls, keys: Keys | None = None):
    """The manifest of both editions (``data/urls.json``): site pages (report ``null``) and every report node, a
    report's entries at a time (a share of each report and edition, under ``keys``: :mod:`gwr.shares`): every node
    of every report in both editions held at once as dicts took more memory than the rest of the build (100x:
    ~70 MB)."""
    def entries(doc: Document, lang: str) -> str:
        # a report's entries made as they are written (a list extended with them made every report's at once)
        return compact(url_entries(doc, urls, lang))[1:-1]  # without the list's brackets

    ids = [doc.meta.id for doc in docs]

    def texts():
        for lang in EDITIONS:
            yield compact([{"id": page_path(src) or "home", "report": None, "kind": "page", "lang": lang,
                            "url": urls.url(page_path(src), lang), "path": urls.path(page_path(src), lang), "fp": None}
                           for src in sorted(pages)])[1:-1]
            yield Shares(report_keys(keys, ids, suffix=f" {lang}"), lambda i, lang=lang: entries(docs[i], lang))

    return json_joined({"schema": "gwr-urls/1"}, "urls", texts())


__all__ = ["document_json", "registry_json", "urls_json_parts", "json_parts", "json_joined",
           "compact", "dumps", "url_entries", "Urls", "page_path"]
