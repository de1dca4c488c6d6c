"""The disk cache (``.cache/gwr/``) and the build's temporary files.

What one report yields is kept on disk between processes under a digest of its inputs and of the code
(:class:`Disk`); files the build writes into the site by copying them (:class:`Stored`) are
temporary files. :mod:`gwr.pipeline` decides what is kept (``memo``, ``stored``); this module keeps it.
"""

from __future__ import annotations

import functools
import itertools
import pickle
from dataclasses import dataclass
from pathlib import Path

from . import shares, translations
from .glossary import Term
from .ids import nodes
from .model import Annex, Block, Document, Note, Part, Section


# --- the disk cache: the same results, kept between processes ----------------------------------------
#
# What one report yields (parsed, translated, its figures, theme entries, sections, search postings, open data
# file, pages of its other language) is also kept on disk under ``.cache/gwr/`` (``GWR_CACHE=0``: not at all),
# keyed by a digest of the memo key (the report's registry entry, the checksums of its seed and PO file, those
# of the data files) and of the code (every file under hooks/, requirements.txt, Python's version): a build
# after an edit, or after adding a report, computes that report only. A key that names an object without a
# stable text (``<… at 0x…>``) is not kept. Caches of other code versions are removed when a build starts.

PERSISTED = frozenset({"report", "report pages", "city pages", "figures", "entries", "sections", "related", "usage", "search", "whats_new",
                       "page file", "page files", "data"})

SITE_FILES = "site-files"
"""The disk cache's folder of files the build writes into the site itself (:mod:`gwr.sitefiles`)."""

SHARES = "shares"
"""The disk cache's folder of the open data files about all reports as last written (:class:`gwr.shares.Store`)."""

DISK_ONLY = frozenset({"report pages", "city pages", "search"})
"""Kinds kept on disk only (when the disk cache is on): every page's Markdown, or every report's search postings,
held until the end of the build would raise the peak memory by a third."""


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

    def __init__(self, f, disk: "Disk"):
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
        if type(obj) is Term:  # the glossary's own term (what's new names one per phrase), not a copy of it
            return ("term", obj.id) if self.disk.terms.get(obj.id) is obj else None
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, f, disk: "Disk"):
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
            if pid[0] == "term":
                return self.disk.terms[pid[1]]
            return self.disk.objs[(pid[1], pid[2])]
        except (KeyError, AttributeError):
            raise pickle.UnpicklingError(f"no live object {pid!r}") from None


class Disk:
    def __init__(self) -> None:
        self.on = False
        self.dir: Path | None = None
        self.live: dict[str, Document] = {}
        self.refs: dict[int, tuple] = {}
        self.objs: dict[tuple, object] = {}
        self.pruned: set[Path] = set()
        self.shares: shares.Store | None = None
        """The open data files about all reports as last written, to copy their shares from (None: no disk cache)."""
        self.texts: dict[int, tuple] | None = None
        """id of a text of a live document or translation -> where it is (see :class:`_Pickler`): made when a
        result is first written (a build that finds everything in the cache writes nothing)."""
        self.trs: dict[str, translations.Translation] = {}
        self.terms: dict[str, Term] = {}
        """The build's glossary by term id: results that name a term refer to it (see :meth:`use_glossary`)."""

    def use_glossary(self, terms: list[Term]) -> None:
        self.terms = {t.id: t for t in terms}

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
        self.shares = None
        if not self.on:
            return
        version = code_version()
        base = root / ".cache" / "gwr"
        self.dir = base / version
        self.shares = shares.Store(self.dir / SHARES)
        if base.is_dir() and not self.dir.is_dir():
            import shutil

            for old in base.iterdir():
                shutil.rmtree(old, ignore_errors=True)
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.dir not in self.pruned:  # once a process: the second edition, or a rebuild under mkdocs serve, adds
            self.pruned.add(self.dir)    # little, and walking the cache costs a quarter second at 100x
            self._prune(int(os.environ.get("GWR_CACHE_MB", "2048")) << 20)

    def _prune(self, limit: int) -> None:
        """Keep the cache under ``limit`` bytes: past it, the entries least recently used go (a hit touches its
        entry). Results of reports edited since, or of pages whose neighbours changed, are never read again."""
        import os
        import shutil

        entries = []  # os.scandir: one stat an entry (pathlib's objects and checks took most of the walk's time)
        for kind in os.scandir(self.dir):
            if kind.name in (SITE_FILES, SHARES):  # each keeps the files of its last build only
                continue
            for sub in os.scandir(kind.path):
                names = {e.name: e for e in os.scandir(sub.path)}
                for name, e in names.items():
                    if name.endswith(".files"):
                        continue
                    st = e.stat()
                    kept = names.get(name + ".files")
                    size = st.st_size + (sum(f.stat().st_size for f in os.scandir(kept.path)) if kept else 0)
                    entries.append((st.st_mtime, size, e.path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries, key=lambda x: x[0]):
            if total <= limit:
                break
            Path(path).unlink(missing_ok=True)
            shutil.rmtree(path + ".files", ignore_errors=True)
            total -= size

    def site_files(self, name: str) -> Path | None:
        """The folder of the disk cache for the site files of one kind of build (:class:`gwr.sitefiles.Store`)."""
        return self.dir / SITE_FILES / name if self.on else None

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
                _move(tmp, dest) if is_temporary(tmp) else dest.write_bytes(tmp.read_bytes())
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


def _move(tmp: Path, dest: Path) -> None:
    """Move one of the build's temporary files into the cache: a rename where both are on one file system, else a
    copy (``TMPDIR`` is often a tmpfs of its own, as on Debian 13, while the project is on a disk)."""
    import errno
    import os
    import shutil

    try:
        os.replace(tmp, dest)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        shutil.copyfile(tmp, dest)
        os.unlink(tmp)


DISK = Disk()


@functools.lru_cache(maxsize=1)  # the hooks a process runs do not change under it (mkdocs serve keeps them)
def code_version() -> str:
    """A digest of the code that computes what the cache keeps: a change to any of it empties the cache."""
    import hashlib
    import sys

    h = hashlib.sha256(sys.version.encode())
    hooks = Path(__file__).resolve().parents[1]
    for path in sorted(hooks.rglob("*.py")) + [hooks.parent / "requirements.txt"]:
        if path.is_file():
            h.update(str(path.relative_to(hooks.parent)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


# --- the build's temporary files -------------------------------------------------------------------

@dataclass(frozen=True)
class Stored:
    """Files the build writes into the site by copying them (``File.generated(abs_src_path=…)``), so that their
    content is not held in memory while the pages are built; kept for the next build like the rest of the memo."""

    paths: dict[str, Path]


_STORE: list[Path] = []


def write_temp(text, name: str | None = None, store: shares.Store | None = None) -> Path:
    """A file holding ``text`` (a string, or its pieces one by one: texts, or :class:`gwr.shares.Share` objects,
    which ``store`` may copy from the previous build's file ``name``)."""
    if not _STORE:
        import atexit
        import shutil
        import tempfile

        _STORE.append(Path(tempfile.mkdtemp(prefix="gwr-build-")))
        atexit.register(shutil.rmtree, _STORE[0], True)
    path = _STORE[0] / str(next(_FILES))
    shares.write(path, [text] if isinstance(text, str) else text, name, store)
    return path


_FILES = itertools.count()


def is_temporary(path: Path) -> bool:
    """Whether ``path`` is one of the build's temporary files (not one of the disk cache's)."""
    return bool(_STORE) and path.parent == _STORE[0]
