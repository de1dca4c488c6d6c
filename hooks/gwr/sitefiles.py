"""Files the hook puts into the site: hard links to files it already has, where it can, not new copies.

A build writes about 20,000 files at 100x that are not pages: each search entry and shard, each page's other
language, the open data. On this project's disk, creating a file while the previous build's writes are still going
out cost about 470 µs (a warm 100x build: 6 s of the hook's time for the search files alone, 2.6 s of MkDocs' for
the copies); linking one costs about 15 µs. So:

- a file the build made in the disk cache or in a temporary file (the open data, a page's other language) is
  linked into the site, not copied (:class:`LinkedFile`, made by ``File.generated`` as MkDocs' own ``File`` is);
- a file the hook writes into the site itself (the search index) is kept under a digest of its content in the disk
  cache (:class:`Store`): the next build links the files whose content it already has, and writes the others.

Where a link cannot be made (the site on another file system than the cache, or a file system without hard links)
the file is copied or written, as before. A site file that is a link shares its content with the cache's file, so
neither is ever written in place: a file is written only when new (``open(…, "xb")``), and a link or copy first
removes what was at its place (a ``--dirty`` build keeps the previous build's files).
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

from mkdocs.structure.files import File

_CANNOT_LINK = frozenset({errno.EXDEV, errno.EPERM, errno.EACCES, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP})


def link(src: str, dest: str) -> bool:
    """Make ``dest`` a hard link to ``src`` (replacing whatever is at ``dest``); False if this file system cannot."""
    try:
        try:
            os.link(src, dest)
        except FileExistsError:  # a --dirty build's file: removed, never written over
            os.unlink(dest)
            os.link(src, dest)
    except OSError as exc:
        if exc.errno in _CANNOT_LINK:
            return False
        raise
    return True


def write_new(dest: str, data: bytes) -> None:
    """Write ``data`` to a new file ``dest``: what was at ``dest`` is removed, not written over (it may be a link to a
    file of the cache)."""
    try:
        f = open(dest, "xb")
    except FileExistsError:
        os.unlink(dest)
        f = open(dest, "xb")
    with f:
        f.write(data)


class LinkedFile(File):
    """A generated file of the site made from a file on disk (``abs_src_path``): linked there, else copied."""

    def copy_file(self, dirty: bool = False) -> None:
        if self.abs_src_path is None or (dirty and not self.is_modified()):  # content in memory, or unchanged
            return super().copy_file(dirty)
        dest = self.abs_dest_path
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if not link(self.abs_src_path, dest):
            super().copy_file(dirty)


def digest(data: bytes) -> str:
    """The name of a file of :class:`Store` holding ``data``."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class Store:
    """Copies of the files one kind of build writes into the site itself (one edition's search index), kept in the
    disk cache under a digest of their content. ``folder`` None: no disk cache, the files are only written.

    After the build's files are written, :meth:`prune` removes the copies it did not use: the store holds the
    files of the last build, no more (each edit of a report changes some search files)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.linked = 0
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def write(self, dest: str, text: str) -> None:
        data = text.encode("utf-8")
        if self.folder is None:
            return write_new(dest, data)
        name = digest(data)
        self.used.add(name)
        kept = os.path.join(self.folder, name)
        try:
            same = os.stat(kept).st_size == len(data)
        except FileNotFoundError:
            same = None
        if same:
            try:
                if link(kept, dest):
                    self.linked += 1
                    return
            except FileNotFoundError:  # pruned by another build of the same store (make serve beside make build)
                pass
        write_new(dest, data)
        if same is False:  # not what its name says (written over since): replaced by the new file
            try:
                os.unlink(kept)
            except FileNotFoundError:
                pass
        try:
            os.link(dest, kept)  # only a whole file gets the name: the site's, written and closed
        except FileExistsError:  # another build's, at the same moment
            pass
        except OSError as exc:
            if exc.errno not in _CANNOT_LINK:
                raise

    def prune(self) -> None:
        if self.folder is None:
            return
        with os.scandir(self.folder) as entries:
            for entry in entries:
                if entry.name not in self.used:
                    try:
                        os.unlink(entry.path)
                    except FileNotFoundError:
                        pass
