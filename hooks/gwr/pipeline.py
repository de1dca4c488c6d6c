"""Load the registry, read and parse every seed, assign ids, attach translations.

Independent of MkDocs: tests, the benchmark and ``python -m gwr`` call
:func:`load_site` directly; the hook calls it once per build.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from . import timing, translations
from .cache import DISK as _DISK, DISK_ONLY, PERSISTED, Stored, is_temporary, write_temp
from .glossary import Matcher, Term, load_glossary, synonym_groups
from .glossary_pages import marker
from .idchanges import Change, load_changes
from .ids import assign_ids, duplicate_ids
from .catalogue import Catalogue, load_catalogue
from .indicators import Figure, extract
from .scorecard import ScoreRow, scorecard
from .section_links import Link, block_links, load_alignments, plan_result_links, related, sections_info
from .themes import Entry, Theme, load_themes, theme_entries
from .model import Document, ParseWarning
from .parser import ParseError, parse_report
from .registry import REGISTRY, RegistryError, load_registry, read_seed
from .blocks import Edition
from .search import load_terms


@dataclass
class Site:
    root: Path
    docs: list[Document]
    shas: dict[str, str]
    terms: list[str]
    translations: dict[str, translations.Translation] = field(default_factory=dict)
    """English translation of each report, by report id."""
    synonyms: list[list[str]] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    matcher: Matcher | None = None
    catalogue: Catalogue = field(default_factory=lambda: Catalogue([]))
    figures: list[Figure] = field(default_factory=list)
    """Every figure of every report (see gwr.indicators), in registry and reading order."""
    scores: list[ScoreRow] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    """Theme id -> its entries."""
    links: list[Link] = field(default_factory=list)
    """Plan <-> result links (curated sections, parts, paragraphs) and related sections."""
    changes: list[Change] = field(default_factory=list)
    """Declared changes of published ids (data/id-changes.yml): redirects and tombstones."""
    by_report: dict[str, list[Figure]] = field(default_factory=dict)
    """Report id -> its figures (so that no report's pages scan every figure of the site)."""
    keys: dict[str, tuple] = field(default_factory=dict)
    """Report id -> the key of its inputs (see :func:`memo`)."""
    fingerprint: tuple = ()
    """All the inputs of the site: what the language-independent outputs (open data) depend on."""
    registered: list = field(default_factory=list)
    """Every report of the registry (``ReportMeta``), those of other cities too when one city is built."""

    def edition(self, doc: Document, lang: str) -> Edition:
        mark = marker(self.matcher, lang) if self.matcher and self.glossary else Edition.mark
        ed = Edition(lang=lang, en=self.translations.get(doc.meta.id), mark=mark)
        ed.figs = figure_marks(self, doc, lang)
        return ed


# --- memo: what a build computed, kept for the next build in the same process ----------------------
#
# ``make build`` builds both editions in one process (``python -m gwr build``) and ``mkdocs serve`` rebuilds in
# the process that served the last build: everything that does not depend on the edition's language is
# computed once, report by report, and kept under a key made of the report's inputs (registry entry, seed
# checksum, PO file's checksum) and the data files it depends on. An edited report is computed again,
# the others are not; keys no build used any more are dropped. Keys never depend on content shared between
# reports, so a corpus of copies (bench/corpus.py) gets no help from it. The kinds in PERSISTED are also kept
# between processes by the disk cache (gwr.cache).

_MEMO: dict[tuple, object] = {}
_USED: set[tuple] = set()


def memo(kind: str, key: tuple, compute):
    k = (kind, *key)
    if kind in DISK_ONLY and _DISK.on and not HOLD:  # large and used once a build: read from disk, not in memory
        return _DISK.get(k, compute)
    _USED.add(k)
    if k not in _MEMO:
        _MEMO[k] = _DISK.get(k, compute) if _DISK.on and kind in PERSISTED else compute()
    return _MEMO[k]


HOLD = False
"""Hold the DISK_ONLY kinds in memory as well: set by the hook for a preview under ``mkdocs serve`` (one city,
rebuilt at every save: its pages, a few MB, are then not read back from disk at each rebuild)."""


def disk_cache_on() -> bool:
    return _DISK.on


def site_files(name: str) -> Path | None:
    """Where the disk cache keeps the files of one kind of build written into the site (None: no disk cache)."""
    return _DISK.site_files(name)


def forget(kind: str, which) -> None:
    """Drop the memo entries of ``kind`` whose key (without the kind) satisfies ``which``."""
    for k in [k for k in _MEMO if k[0] == kind and which(k[1:])]:
        del _MEMO[k]
        _USED.discard(k)


def _sweep() -> None:
    """Before a build: forget what the previous build did not use."""
    if _USED:
        for k in [k for k in _MEMO if k not in _USED]:
            value = _MEMO.pop(k)
            if isinstance(value, Stored):
                for path in value.paths.values():
                    if is_temporary(path):  # not the disk cache's files
                        path.unlink(missing_ok=True)
    _USED.clear()


def stored(kind: str, key: tuple, compute) -> dict[str, Path]:
    """Files holding the texts of ``compute()``, written once per key (see :func:`memo`).

    ``compute()`` gives ``{name: text}``, or ``(name, text)`` pairs one by one (a generator): each file is then
    written as soon as it is made, so that no more than one is held in memory at a time. A text may also be an
    iterator of its pieces, written one by one, among them :class:`gwr.shares.Share` objects: those the previous
    build's file of that name had are copied from it (:mod:`gwr.shares`)."""

    def write() -> Stored:
        made = compute()
        return Stored({name: write_temp(text, name, _DISK.shares)
                       for name, text in (made.items() if isinstance(made, dict) else made)})

    paths = memo(kind, key, write).paths
    if _DISK.shares is not None:  # files of shares just written: indexed where the cache now keeps them
        _DISK.shares.commit(paths)
    return paths


def _sig(path: Path) -> tuple:
    """A file's name and checksum (``None`` when it does not exist): what a memo or cache key says of it."""
    import hashlib

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return (str(path), None)
    return (str(path), hashlib.sha1(data).hexdigest())


DATA_FILES = ("data/indicators.yml", "data/glossary.yml", "data/themes.yml", "data/terms.yml", "data/alignments.yml")


def load_site(root: Path, registry: str = REGISTRY, city: str | None = None, report: str | None = None) -> Site:
    """Parse every registered report (of ``city`` only, a city slug, when given; of the city of ``report``, a
    report id, when that is given: the reports its pages link to and compare with).

    Raises :class:`RegistryError` on fatal problems."""
    _sweep()
    _DISK.configure(root)
    metas = all_metas = load_registry(root, registry)
    if report:
        meta = next((m for m in metas if m.id == report), None)
        if meta is None:
            near = [m.id for m in metas if m.id.startswith(report.split("-")[0] + "-")] or [m.id for m in metas]
            raise RegistryError(f"{registry}: no report {report!r}; the reports are: {', '.join(near)}.")
        if city and city != meta.city_slug:
            raise RegistryError(f"{registry}: report {report!r} is of city {meta.city_slug!r}, not {city!r}.")
        city = meta.city_slug
    if city:
        known = sorted({m.city_slug for m in metas})
        metas = [m for m in metas if m.city_slug == city]
        if not metas:
            raise RegistryError(f"{registry}: no report of city {city!r}; the cities are: {', '.join(known)}.")
    dsig = tuple(_sig(root / name) for name in DATA_FILES)
    catalogue = memo("catalogue", (root, dsig), lambda: load_catalogue(root))
    glossary = memo("glossary", (root, dsig), lambda: load_glossary(root))
    matcher = memo("matcher", (root, dsig), lambda: Matcher(glossary))
    _DISK.use_glossary(glossary)
    themes = memo("themes", (root, dsig), lambda: load_themes(root, set(catalogue.by_id)))
    terms = memo("terms", (root, dsig), lambda: sorted(set(load_terms(root)) | {t.zh for t in glossary},
                                                       key=lambda s: (-len(s), s)))
    docs, shas, warnings, trs, keys = [], {}, [], {}, {}
    figures: list[Figure] = []
    entries: dict[str, list[Entry]] = {th.id: [] for th in themes}
    for meta in metas:
        text, sha = read_seed(root, meta, registry)
        key = (root, _meta_key(meta), sha, _sig(translations.po_path(root, meta.id, "en")), dsig)
        doc, tr = memo("report", key, lambda: _report(root, meta, text))
        if _DISK.on:
            _DISK.register(doc, tr)
        docs.append(doc)
        shas[meta.id] = sha
        keys[meta.id] = key
        warnings.extend(doc.warnings)
        trs[meta.id] = tr
        for ctx, line, why in tr.suspicious:
            warnings.append(ParseWarning(tr.path, line, f"{ctx}: not published: {why}; fix the msgstr, or add "
                                         f"'#, {translations.CHECKED_FLAG}' to the entry if it is right."))
        todo = tr.fuzzy + tr.missing
        if meta.fully_translated and todo:
            warnings.append(ParseWarning(
                tr.path, 1, f"{meta.id} is marked fully_translated but {len(todo)} entries are fuzzy or missing "
                f"(first: {', '.join(todo[:3])}); run `make translations`"))
        with timing.stage("figures"):
            figures += memo("figures", key, lambda: extract(doc, catalogue))
        with timing.stage("theme entries"):
            for tid, es in memo("entries", key, lambda: theme_entries(themes, [doc], {meta.id: tr})).items():
                entries[tid] += es
    curated = load_alignments(root, docs)
    with timing.stage("links"):
        links = plan_result_links(docs, curated) + block_links(docs, curated, matcher, themes)
    with timing.stage("related"):
        cities: dict[str, list[Document]] = {}
        for d in docs:
            cities.setdefault(d.meta.city, []).append(d)
        for ds in cities.values():  # related sections are found within a city: a city's pages need only the city
            infos = [i for d in ds for i in memo("sections", keys[d.meta.id], lambda: sections_info([d], matcher, themes))]
            links += memo("related", tuple(keys[d.meta.id] for d in ds), lambda: related(infos))
    with timing.stage("scorecard"):
        scores = scorecard(figures, catalogue, docs)
    by_report: dict[str, list[Figure]] = {}
    for f in figures:
        by_report.setdefault(f.report, []).append(f)
    changes = load_changes(root, docs, registered={m.id for m in all_metas})
    return Site(root=root, docs=docs, shas=shas, terms=terms, translations=trs, warnings=warnings, changes=changes,
                synonyms=synonym_groups(glossary), glossary=glossary, matcher=matcher,
                catalogue=catalogue, figures=figures, scores=scores, themes=themes, entries=entries, links=links,
                by_report=by_report, keys=keys, fingerprint=(root, dsig, tuple(keys.values())),
                registered=all_metas)


def _meta_key(meta) -> str:
    """The registry entry as text, without its position in the registry (``index``)."""
    return repr([(f.name, getattr(meta, f.name)) for f in fields(meta) if f.name != "index"])


def _report(root: Path, meta, text: str):
    """Parse one report and attach its translation."""
    try:
        with timing.stage("parse"):
            doc = parse_report(meta, text)
    except ParseError as exc:
        raise RegistryError(str(exc)) from exc
    assign_ids(doc)
    dupes = duplicate_ids(doc)
    if dupes:
        raise RegistryError(
            f"{meta.file}: the numbering repeats, so ids would collide ({', '.join(dupes[:3])}); "
            "check the part and section numbers in the text."
        )
    with timing.stage("translations"):
        tr = translations.load(root, doc, "en")
    return doc, tr


def figure_marks(site: Site, doc: Document, lang: str) -> dict:
    """Catalogued figures of a report to mark in its text: ``{(node, field): [(start, end, indicator, title)]}``."""
    marks: dict = {}
    for f in site.by_report.get(doc.meta.id, ()):
        if not f.indicator or not f.value:
            continue  # targets in words are not marked: the English text cannot be matched by value
        ind = site.catalogue.by_id[f.indicator]
        kind = {"actual": ("实绩", "result"), "target": ("目标", "target")}.get(f.kind or "", ("", ""))
        title = f"{ind.zh} · {f.year} · {kind[0]}" if lang == "zh" else f"{ind.en} · {f.year} · {kind[1]}"
        marks.setdefault((f.node, f.field), []).append((f.start, f.end, f.indicator, title, f))
    return marks


CURRENT: Site | None = None
"""The site of the build in progress, for the macros module (``hooks/site_macros.py``)."""

__all__ = ["Site", "load_site", "RegistryError", "CURRENT"]
