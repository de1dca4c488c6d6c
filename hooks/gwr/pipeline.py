"""Load the registry, read and parse every seed, assign ids, attach translations.

Independent of MkDocs: tests, the benchmark and ``python -m gwr`` call
:func:`load_site` directly; the hook calls it once per build.
"""

from __future__ import annotations

import functools
import itertools
import pickle
from dataclasses import dataclass, field, fields
from pathlib import Path

from . import timing, translations
from .glossary import Matcher, Term, load_glossary, synonym_groups
from .glossary_pages import marker
from .idchanges import Change, load_changes
from .ids import assign_ids, duplicate_ids, nodes
from .indicators import Catalogue, Figure, ScoreRow, extract, load_catalogue, scorecard
from .themes import Entry, Link, Theme, block_links, load_alignments, load_themes, plan_result_links, related, \
    sections_info, theme_entries
from .model import Annex, Block, Document, Note, Part, ParseWarning, Section
from .parser import ParseError, parse_report
from .registry import REGISTRY, RegistryError, load_registry, read_seed
from .render import Edition
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
# reports, so a corpus of copies (bench/corpus.py) gets no help from it.

_MEMO: dict[tuple, object] = {}
_USED: set[tuple] = set()


def memo(kind: str, key: tuple, compute):
    k = (kind, *key)
    if kind in DISK_ONLY and _DISK.on:  # large and used once a build: read from disk, not held in memory
        return _DISK.get(k, compute)
    _USED.add(k)
    if k not in _MEMO:
        _MEMO[k] = _DISK.get(k, compute) if _DISK.on and kind in PERSISTED else compute()
    return _MEMO[k]


# --- the disk cache: the same results, kept between processes ----------------------------------------
#
# What one report yields (parsed, translated, its figures, theme entries, sections, search postings, open data
# file, pages of its other language) is also kept on disk under ``.cache/gwr/`` (``GWR_CACHE=0``: not at all),
# keyed by a digest of the memo key (the report's registry entry, the checksums of its seed and PO file, those
# of the data files) and of the code (every file under hooks/, requirements.txt, Python's version): a build
# after an edit, or after adding a report, computes that report only. A key that names an object without a
# stable text (``<… at 0x…>``) is not kept. Caches of other code versions are removed when a build starts.

PERSISTED = frozenset({"report", "report pages", "city pages", "figures", "entries", "sections", "related", "usage", "search", "whats_new",
                       "page file", "data"})

DISK_ONLY = frozenset({"report pages", "city pages", "search"})
"""Kinds kept on disk only (when the disk cache is on): every page's Markdown, or every report's search postings,
held until the end of the build would raise the peak memory by a third."""


def disk_cache_on() -> bool:
    return _DISK.on


LONG_TEXT = 16
"""Texts at least this long (and not ASCII) are pickled as their UTF-8 bytes: see :class:`_Pickler`."""


class _Pickler(pickle.Pickler):
    """Keeps the build's documents and their nodes out of a result's pickle: a theme entry names its report's
    section, which stays the section of the document the build holds (one copy of each document, not one per
    kind of result, and ``entry.node.doc is doc`` as when computed).

    Texts that are not ASCII are written as bytes encoded here: pickle writes a ``str`` through its UTF-8 form,
    which CPython then keeps with the string as long as it lives (three bytes more per Chinese character, on
    every text of the site that a cold build wrote to the cache, the reports' own text included: 100x, ~30 MB).
    Short ones are left to pickle (search keys are thousands of one or two characters a report). A text that is
    one of the build's document or translation (a block's text, a theme node's, a search entry's) is written as a
    reference to it, so that read back it is that very string again, as when computed, not a copy."""

    def __init__(self, f, disk: "_Disk"):
        super().__init__(f, protocol=pickle.HIGHEST_PROTOCOL)
        self.disk = disk
        self.texts: dict[int, int] = {}
        self.held: list[str] = []  # the texts written, alive while their ids are in ``texts``

    def persistent_id(self, obj):
        if type(obj) is str:
            if len(obj) < LONG_TEXT:
                return None
            ref = self.disk.text_refs().get(id(obj))
            if ref is not None:
                return ref
            if obj.isascii():
                return None
            n = self.texts.get(id(obj))
            if n is not None:  # the same text again: its number (as pickle's own memo would)
                return n
            self.texts[id(obj)] = len(self.held)
            self.held.append(obj)
            return obj.encode("utf-8", "surrogatepass")
        if isinstance(obj, Document):
            return ("doc", obj.meta.id) if self.disk.live.get(obj.meta.id) is obj else None
        if isinstance(obj, (Part, Section, Block, Annex, Note)):
            return self.disk.refs.get(id(obj))
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, f, disk: "_Disk"):
        super().__init__(f)
        self.disk = disk
        self.texts: list[str] = []

    def persistent_load(self, pid):
        if type(pid) is bytes:
            text = pid.decode("utf-8", "surrogatepass")
            self.texts.append(text)
            return text
        if type(pid) is int:
            return self.texts[pid]
        try:
            if pid[0] == "doc":
                return self.disk.live[pid[1]]
            if pid[0] == "text":
                return getattr(self.disk.objs[(pid[1], pid[2])], pid[3])
            if pid[0] == "tr":
                return self.disk.trs[pid[1]].texts[pid[2]]
            return self.disk.objs[(pid[1], pid[2])]
        except (KeyError, AttributeError):
            raise pickle.UnpicklingError(f"no live object {pid!r}") from None


class _Disk:
    def __init__(self) -> None:
        self.on = False
        self.dir: Path | None = None
        self.live: dict[str, Document] = {}
        self.refs: dict[int, tuple] = {}
        self.objs: dict[tuple, object] = {}
        self.texts: dict[int, tuple] | None = None
        """id of a text of a live document or translation -> where it is (see :class:`_Pickler`): made when a
        result is first written (a build that finds everything in the cache writes nothing)."""
        self.trs: dict[str, translations.Translation] = {}

    def register(self, doc: Document, tr: translations.Translation | None = None) -> None:
        """``doc`` is the build's document of its report (``tr`` its translation): results that name it (or its
        nodes, or their texts) refer to it."""
        if self.live.get(doc.meta.id) is doc:
            return
        rid = doc.meta.id
        self.live[rid] = doc
        for node in nodes(doc):
            if node.id:
                self.refs[id(node)] = ("node", rid, node.id)
                self.objs[(rid, node.id)] = node
        if tr is not None:
            self.trs[rid] = tr
        if self.texts is not None:
            self._add_texts(rid)

    def text_refs(self) -> dict[int, tuple]:
        if self.texts is None:
            self.texts = {}
            for rid in self.live:
                self._add_texts(rid)
        return self.texts

    def _add_texts(self, rid: str) -> None:
        for node in nodes(self.live[rid]):
            if node.id:
                for name in ("text", "heading"):
                    text = getattr(node, name, None)
                    if text is not None and len(text) >= LONG_TEXT:
                        self.texts.setdefault(id(text), ("text", rid, node.id, name))
        tr = self.trs.get(rid)
        if tr is not None:
            for ctx, text in tr.texts.items():
                if len(text) >= LONG_TEXT:
                    self.texts.setdefault(id(text), ("tr", rid, ctx))

    def configure(self, root: Path) -> None:
        import os

        self.live, self.refs, self.objs, self.texts, self.trs = {}, {}, {}, None, {}
        self.on = os.environ.get("GWR_CACHE", "1") != "0"
        if not self.on:
            return
        version = _code_version()
        base = root / ".cache" / "gwr"
        self.dir = base / version
        if base.is_dir() and not self.dir.is_dir():
            import shutil

            for old in base.iterdir():
                shutil.rmtree(old, ignore_errors=True)
        self.dir.mkdir(parents=True, exist_ok=True)
        self._prune(int(os.environ.get("GWR_CACHE_MB", "2048")) << 20)

    def _prune(self, limit: int) -> None:
        """Keep the cache under ``limit`` bytes: past it, the entries least recently used go (a hit touches its
        entry). Results of reports edited since, or of pages whose neighbours changed, are never read again."""
        import shutil

        entries = []
        for kind in self.dir.iterdir():
            for sub in kind.iterdir():
                for e in sub.iterdir():
                    if e.suffix == ".files":
                        continue
                    st = e.stat()
                    files = e.with_suffix(".files")
                    size = st.st_size + (sum(f.stat().st_size for f in files.iterdir()) if files.is_dir() else 0)
                    entries.append((st.st_mtime, size, e, files))
        total = sum(size for _, size, _, _ in entries)
        for _, size, e, files in sorted(entries, key=lambda x: x[0]):
            if total <= limit:
                break
            e.unlink(missing_ok=True)
            shutil.rmtree(files, ignore_errors=True)
            total -= size

    def _path(self, k: tuple) -> Path | None:
        import hashlib

        text = repr(k)
        if " at 0x" in text:
            return None
        h = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return self.dir / k[0].replace(" ", "-") / h[:2] / h

    def get(self, k: tuple, compute):
        import os

        path = self._path(k)
        if path is None:
            return compute()
        try:
            with open(path, "rb") as f:
                value = (pickle.load(f) if k[0] == "report" else _Unpickler(f, self).load())
            if not isinstance(value, Stored) or all(p.is_file() for p in value.paths.values()):
                os.utime(path)  # last used: what pruning keeps
                return value
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            pass
        value = compute()
        if isinstance(value, Stored):  # the files themselves go into the cache, beside the key's pickle
            files = path.with_suffix(".files")
            files.mkdir(parents=True, exist_ok=True)
            paths = {}
            for i, (name, tmp) in enumerate(value.paths.items()):
                dest = files / str(i)
                os.replace(tmp, dest) if tmp.parent == _STORE[0] else dest.write_bytes(tmp.read_bytes())
                paths[name] = dest
            value = Stored(paths)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            if k[0] == "report":  # the document itself
                data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                f.write(data)
                # the build goes on with the copy read back: pickling left a UTF-8 copy of each of its texts with
                # the strings written (see _Pickler), which read back are without
                value = pickle.loads(data)
                del data
            else:
                _Pickler(f, self).dump(value)
        os.replace(tmp, path)
        return value


_DISK = _Disk()


@functools.lru_cache(maxsize=1)  # the hooks a process runs do not change under it (mkdocs serve keeps them)
def _code_version() -> str:
    """A digest of the code that computes what the cache keeps: a change to any of it empties the cache."""
    import hashlib
    import sys

    h = hashlib.sha256(sys.version.encode())
    hooks = Path(__file__).resolve().parents[1]
    for path in sorted(hooks.rglob("*.py")) + [hooks.parent / "requirements.txt"]:
        if path.is_file():
            h.update(str(path.relative_to(hooks.parent)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def forget(kind: str, which) -> None:
    """Drop the memo entries of ``kind`` whose key (without the kind) satisfies ``which``."""
    for k in [k for k in _MEMO if k[0] == kind and which(k[1:])]:
        del _MEMO[k]
        _USED.discard(k)


def _sweep() -> None:
    """Before a build: forget what the previous build did not use (and remove its spilled files)."""
    for path in _SPILLED:
        path.unlink(missing_ok=True)
    _SPILLED.clear()
    if _USED:
        for k in [k for k in _MEMO if k not in _USED]:
            value = _MEMO.pop(k)
            if isinstance(value, Stored):
                for path in value.paths.values():
                    if _STORE and path.parent == _STORE[0]:  # not the disk cache's files
                        path.unlink(missing_ok=True)
    _USED.clear()


@dataclass(frozen=True)
class Stored:
    """Files the build writes into the site by copying them (``File.generated(abs_src_path=…)``), so that their
    content is not held in memory while the pages are built; kept for the next build like the rest of the memo."""

    paths: dict[str, Path]


_STORE: list[Path] = []


def _write(text) -> Path:
    """A file holding ``text`` (a string, or its pieces one by one)."""
    if not _STORE:
        import atexit
        import shutil
        import tempfile

        _STORE.append(Path(tempfile.mkdtemp(prefix="gwr-build-")))
        atexit.register(shutil.rmtree, _STORE[0], True)
    path = _STORE[0] / str(next(_FILES))
    with open(path, "w", encoding="utf-8") as f:
        f.writelines([text] if isinstance(text, str) else text)
    return path


def stored(kind: str, key: tuple, compute) -> dict[str, Path]:
    """Files holding the texts of ``compute()``, written once per key (see :func:`memo`).

    ``compute()`` gives ``{name: text}``, or ``(name, text)`` pairs one by one (a generator): each file is then
    written as soon as it is made, so that no more than one is held in memory at a time. A text may also be an
    iterator of its pieces, written one by one."""

    def write() -> Stored:
        made = compute()
        return Stored({name: _write(text) for name, text in (made.items() if isinstance(made, dict) else made)})

    return memo(kind, key, write).paths


_FILES = itertools.count()
_SPILLED: list[Path] = []


def spill(text: str) -> Path:
    """A temporary file holding ``text``, for this build only (removed when the next build starts, or at exit)."""
    path = _write(text)
    _SPILLED.append(path)
    return path


def _sig(path: Path) -> tuple:
    """A file's name and checksum (``None`` when it does not exist): what a memo or cache key says of it."""
    import hashlib

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return (str(path), None)
    return (str(path), hashlib.sha1(data).hexdigest())


DATA_FILES = ("data/indicators.yml", "data/glossary.yml", "data/themes.yml", "data/terms.yml", "data/alignments.yml")


def load_site(root: Path, registry: str = REGISTRY, city: str | None = None) -> Site:
    """Parse every registered report (of ``city`` only, a city slug, when given).

    Raises :class:`RegistryError` on fatal problems."""
    _sweep()
    _DISK.configure(root)
    metas = all_metas = load_registry(root, registry)
    if city:
        known = sorted({m.city_slug for m in metas})
        metas = [m for m in metas if m.city_slug == city]
        if not metas:
            raise RegistryError(f"{registry}: no report of city {city!r}; the cities are: {', '.join(known)}.")
    dsig = tuple(_sig(root / name) for name in DATA_FILES)
    catalogue = memo("catalogue", (root, dsig), lambda: load_catalogue(root))
    glossary = memo("glossary", (root, dsig), lambda: load_glossary(root))
    matcher = memo("matcher", (root, dsig), lambda: Matcher(glossary))
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
                by_report=by_report, keys=keys, fingerprint=(root, dsig, tuple(keys.values())))


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
