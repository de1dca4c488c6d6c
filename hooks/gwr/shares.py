"""Open data files about all reports, made of shares and spliced from the previous build's file.

A file about all reports (``figures.csv``, each indicator's CSV, the scorecards, the panel, ``themes.json`` …) is
written piece by piece: texts, and :class:`Share` objects, each a report's (or a city's) part of the file under a
key that names everything its text depends on. With the disk cache on, the :class:`Store` keeps each such file
as last written, and where each share's bytes are in it. The next build copies a share whose key is the same from
those bytes (in the kernel, ``copy_file_range``, where it can) instead of making it again: after a report is
added or edited, only its shares (or its city's) are made, and the rest of every file is copied. The files are
the same bytes as when everything is made (tests/test_site.py builds both and compares them).
"""

from __future__ import annotations

import errno
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class Run:
    """Shares that are items of one JSON array: a separator goes between two that are not empty."""

    __slots__ = ("sep", "started")

    def __init__(self, sep: str = ",") -> None:
        self.sep = sep
        self.started = False


@dataclass(frozen=True)
class Share:
    """A part of a file: ``compute()`` gives its text. ``key`` (unique within the file) names all that the text
    depends on, so that the same key means the same bytes; ``None``: never kept (made each time)."""

    key: str | None
    compute: Callable[[], str]
    run: Run | None = None


@dataclass(frozen=True)
class Shares:
    """Many parts of a file, one after another: ``keys[i]`` is the key of the i-th (as a :class:`Share`'s),
    ``compute(i)`` its text. A file has one for all its reports, not a :class:`Share` each: making an object per
    report and file cost more than copying them."""

    keys: Sequence[str | None]
    compute: Callable[[int], str]
    run: Run | None = None


def digest(*parts) -> str:
    """A short digest of ``parts`` (their ``repr``): what a share key is made of."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Keys:
    """The keys of the shares of a build's files: a report's (``report[id]``), a city's (``city[name]``, all of
    its reports'), and the year of the site's latest report (what a scorecard's "not due yet" depends on)."""

    report: dict[str, str]
    city: dict[str, str]
    latest: int

    @classmethod
    def of(cls, report_keys: dict[str, tuple], cities: dict[str, str], years: dict[str, int], *common) -> "Keys":
        """From each report's input key (``Site.keys``), its city and year; ``common``: what every share depends
        on besides (the site's URL)."""
        by_city: dict[str, list] = {}
        for rid, key in report_keys.items():
            by_city.setdefault(cities[rid], []).append(key)
        return cls({rid: digest(key, *common) for rid, key in report_keys.items()},
                   {city: digest(tuple(ks), *common) for city, ks in by_city.items()},
                   max(years.values(), default=0))


def report_keys(keys: Keys | None, reports: Sequence[str], prefix: str = "", suffix: str = "") -> list[str | None]:
    """The keys of one share per report of ``reports`` (ids), for a :class:`Shares`: each report's key between
    ``prefix`` and ``suffix`` (what else the share depends on: a theme, an edition); no ``keys``, none kept."""
    if keys is None:
        return [None] * len(reports)
    return [f"{prefix}{keys.report[r]}{suffix}" for r in reports]


@dataclass
class _Old:
    """The previous build's file: open, and where each share is in it (in the order written)."""

    fd: int
    index: dict[str, tuple[int, int, int]]
    _order: list[str] | None = None
    _at: dict[str, int] | None = None

    def block(self, keys: Sequence[str | None], i: int, sep: str) -> tuple[int, int]:
        """The end ``j`` of the longest run ``keys[i:j]`` that the old file holds one after another and whole, and
        its bytes there (from the first share, ``keys[i]``, not empty):
        the same keys in the same order, of one piece of the old file (so that nothing is between them but
        ``sep`` between two that are not empty: their bytes can be copied as one, and are the bytes the items would
        be written as)."""
        if self._order is None:
            self._order = list(self.index)
            self._at = {k: n for n, k in enumerate(self._order)}
        o = self._at.get(keys[i])
        if o is None:
            return i, 0
        order, limit = self._order, min(len(keys) - i, len(self._order) - o)
        good, step = 1, 1  # keys[i:i + good] == order[o:o + good]; grow by doubling, then halve back
        while good < limit:
            n = min(good + step, limit)
            if list(keys[i + good:i + n]) == order[o + good:o + n]:
                good, step = n, step * 2
            elif step > 1:
                step //= 2
            else:
                break
        end = i + good
        spans = [self.index[k] for k in order[o:o + good]]
        if any(h[2] != spans[0][2] for h in spans):  # no longer one piece (a text between two): up to its end
            end = i + next(n for n, h in enumerate(spans) if h[2] != spans[0][2])
            spans = spans[:end - i]
        full = [h for h in spans if h[1]]
        if not full:
            return i, 0
        size = sum(h[1] for h in full) + len(sep.encode("utf-8")) * (len(full) - 1)
        if full[-1][0] + full[-1][1] - spans[0][0] != size:  # something else between them: item by item
            return i, 0
        return end, size


@dataclass
class Store:
    """Where the disk cache says which of its files is each spliced file as last written, and where each share is
    in it: one index (``shares/index``) for every file, written once a build (creating a file costs more than the
    rest of what a share that is copied costs)."""

    folder: Path
    made: dict[str, list[str]] = field(default_factory=dict)
    """The keys of the shares made (not copied) in this process, by file name: what tests look at."""
    _saved: dict[str, dict] | None = None
    _pending: dict[Path, tuple[str, dict, list[str]]] = field(default_factory=dict)

    def saved(self) -> dict[str, dict]:
        """``{name: {"path", "stat", "index", "made"}}`` of the last build that wrote files of shares."""
        if self._saved is None:
            try:
                with open(self.folder / "index", "rb") as f:
                    self._saved = pickle.load(f)
            except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
                self._saved = {}
        return self._saved

    def load(self, name: str) -> _Old | None:
        saved = self.saved().get(name)
        if saved is None:
            return None
        try:
            fd = os.open(saved["path"], os.O_RDONLY)
        except OSError:  # pruned from the cache
            return None
        st = os.fstat(fd)
        if (st.st_ino, st.st_size, st.st_mtime_ns) != saved["stat"]:  # not the file indexed
            os.close(fd)
            return None
        return _Old(fd, saved["index"])

    def save(self, name: str, path: Path, index: dict[str, tuple[int, int, int]], made: list[str]) -> None:
        """``path`` (a temporary file) is the file ``name`` as written now: indexed once it is in the cache."""
        self._pending[path] = (name, index, made)
        self.made[name] = made

    def commit(self, written: dict[str, Path]) -> None:
        """The files of :meth:`save` are now in the disk cache (``written``: by name, where the cache keeps them, or
        still the temporary file where it could not): write the index of the files of shares."""
        pending = [(self._pending.pop(tmp), tmp) for tmp in list(self._pending)]
        if not pending:
            return
        saved = dict(self.saved())
        for (name, index, made), tmp in pending:
            path = written.get(name, tmp)
            try:
                st = os.stat(path)
            except OSError:
                saved.pop(name, None)
                continue
            saved[name] = {"path": str(path), "stat": (st.st_ino, st.st_size, st.st_mtime_ns), "index": index,
                           "made": made}
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f"index.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            pickle.dump(saved, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.folder / "index")
        self._saved = saved


def _parts(piece) -> tuple[Sequence[str | None], Callable[[int], str]]:
    """The keys of the parts of a :class:`Share` or :class:`Shares`, and what makes the i-th."""
    if type(piece) is Share:
        return (piece.key,), lambda i: piece.compute()
    return piece.keys, piece.compute


def text(pieces: Iterable) -> str:
    """The text of ``pieces`` made whole in memory, every share made (for a page or a test, not the site's file)."""
    out = []
    for piece in pieces:
        if type(piece) is str:
            out.append(piece)
            continue
        keys, compute = _parts(piece)
        for i in range(len(keys)):
            made = compute(i)
            if made and piece.run is not None:
                if piece.run.started:
                    out.append(piece.run.sep)
                piece.run.started = True
            out.append(made)
    return "".join(out)


def write(path: Path, pieces: Iterable, name: str | None = None, store: Store | None = None) -> None:
    """Write ``pieces`` (texts, :class:`Share` and :class:`Shares` objects) to ``path``; with a ``store``, copy the
    shares the previous build's file ``name`` had, and keep this one for the next build."""
    old = store.load(name) if store is not None and name else None
    found = old.index.get if old is not None else {}.get
    index: dict[str, tuple[int, int, int]] = {}  # key -> where its share is, its size, which piece it is of
    made: list[str] = []
    shared = False
    piece_no = 0
    try:
        with open(path, "wb", buffering=0) as f:
            out = _Out(f.fileno(), old.fd if old else None)
            for piece in pieces:
                if type(piece) is str:
                    out.text(piece.encode("utf-8"))
                    continue
                shared = True
                piece_no += 1
                run = piece.run
                keys, compute = _parts(piece)
                skip = 0  # items up to this one were copied in a block
                for i, key in enumerate(keys):
                    if i < skip:
                        continue
                    hit = found(key) if key is not None else None
                    if hit is not None and hit[1] and len(keys) - i > 1:
                        # a run of items the old file has one after another: copied whole (the separator before
                        # the first as below), without a step per item (at 100x, 200 reports a file, 190 files)
                        end, nbytes = old.block(keys, i, run.sep if run is not None else "")
                        if end > i + 1:
                            if run is not None:
                                if run.started:
                                    out.sep(run.sep.encode("utf-8"), hit[0])
                                run.started = True
                            was, start, base = old.index, hit[0], out.pos
                            placed = {k: (base + was[k][0] - start, was[k][1], piece_no) for k in keys[i:end]}
                            if not index.keys().isdisjoint(placed):
                                twice = next(k for k in placed if k in index)
                                raise ValueError(f"{name}: two shares under one key ({twice})")
                            index.update(placed)
                            out.copy(start, nbytes)
                            skip = end
                            continue
                    if hit is None:
                        data = compute(i).encode("utf-8")
                        size = len(data)
                        if key is not None:
                            made.append(key)
                    else:
                        size = hit[1]
                    if size and run is not None:
                        if run.started:
                            out.sep(run.sep.encode("utf-8"), hit[0] if hit is not None else None)
                        run.started = True
                    if key is not None:
                        if key in index:  # one key, two texts: the next build would copy the wrong one
                            raise ValueError(f"{name}: two shares under one key ({key})")
                        index[key] = (out.pos, size, piece_no)
                    if hit is None:
                        out.text(data)
                    elif size:
                        out.copy(hit[0], size)
            out.flush()
    finally:
        if old is not None:
            os.close(old.fd)
    if store is not None and name and shared:
        store.save(name, path, index, made)


class _Out:
    """The bytes of a file being written: texts gathered in a buffer, runs of the old file's bytes copied whole."""

    BUFFER = 1 << 20

    def __init__(self, fd: int, old: int | None) -> None:
        self.fd, self.old = fd, old
        self.pos = 0
        self.buf = bytearray()
        self.run: list[int] | None = None  # [start, end] of old bytes to copy next

    def text(self, data: bytes) -> None:
        if self.run is not None:
            self._copy_run()
        self.buf += data
        self.pos += len(data)
        if len(self.buf) >= self.BUFFER:
            self._write_buf()

    def copy(self, start: int, size: int) -> None:
        if self.run is not None and self.run[1] == start:
            self.run[1] += size
        else:
            if self.run is not None:
                self._copy_run()
            self._write_buf()
            self.run = [start, start + size]
        self.pos += size

    def sep(self, data: bytes, before: int | None) -> None:
        """A separator, then a share copied from ``before`` in the old file (None: one made now). Where the old
        file has these very bytes between the bytes copied last and that share, the copy goes on through them: a
        JSON file's separators cut its copy into one a share otherwise."""
        if (before is not None and self.run is not None and self.run[1] + len(data) == before
                and os.pread(self.old, len(data), self.run[1]) == data):
            self.run[1] = before
            self.pos += len(data)
        else:
            self.text(data)

    def flush(self) -> None:
        if self.run is not None:
            self._copy_run()
        self._write_buf()

    def _write_buf(self) -> None:
        view = memoryview(self.buf)
        while view:
            view = view[os.write(self.fd, view):]
        self.buf = bytearray()

    def _copy_run(self) -> None:
        start, end = self.run
        self.run = None
        while start < end:
            try:
                n = os.copy_file_range(self.old, self.fd, end - start, start)
            except (OSError, AttributeError):  # not on this system or across file systems: read and write
                n = 0
            if n <= 0:
                chunk = os.pread(self.old, min(end - start, self.BUFFER), start)
                if not chunk:
                    raise OSError(errno.EIO, "the previous build's open data file is shorter than its index")
                self.buf += chunk
                self._write_buf()
                n = len(chunk)
            start += n


__all__ = ["Share", "Shares", "Run", "Keys", "Store", "write", "text", "digest", "report_keys"]
