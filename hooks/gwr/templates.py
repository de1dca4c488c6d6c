"""Compiled theme templates kept from one build to the next.

MkDocs makes a new Jinja environment for every build, so Material's templates (and ours, in ``overrides/``) are
compiled again each time: ~0.13 s a build, which a preview (``make serve``) paid at every rebuild and
``make build`` once per edition. The compiled code is kept in memory for the process, and under
``.cache/jinja/`` between processes unless the disk cache is off (``GWR_CACHE=0``). Jinja checks each
template's source against the checksum kept with its code, so an edited template is compiled again.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket


class _Kept(BytecodeCache):
    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        self.disk: FileSystemBytecodeCache | None = None

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)


KEPT = _Kept()


def keep_compiled(env, root: Path) -> None:
    """Let ``env`` (a build's Jinja environment) use and keep the compiled templates."""
    if os.environ.get("GWR_CACHE", "1") != "0":
        folder = root / ".cache" / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        if KEPT.disk is None or KEPT.disk.directory != str(folder):
            KEPT.disk = FileSystemBytecodeCache(str(folder))
    else:
        KEPT.disk = None
    env.bytecode_cache = KEPT
