"""Compiled theme templates kept from one build to the next.

MkDocs makes a new Jinja environment for every build, so Material's templates (and ours, in ``overrides/``) are
compiled again each time: ~0.13 s a build, which a preview (``make serve``) paid at every rebuild and
``make build`` once per edition. The compiled code is kept in memory for the process, and under
``.cache/jinja/`` between processes unless the disk cache is off (``GWR_CACHE=0``). Jinja checks each
template's source against the checksum kept with its code, so an edited template is compiled again.

The HTML templates are also read without their indentation (:class:`_Unindented`): the hook drops it from every
page it writes anyway (``on_post_page``), and ~800 indented lines a page made that the slowest part of writing it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from jinja2 import BaseLoader, BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

_INDENT = re.compile(r"\n[ \t]+")


class _Unindented(BaseLoader):
    """A theme's loader whose HTML templates come without the indentation of their lines. The pages come out as the
    hook's clean-up (``gwr_hook.on_post_page``: every line break followed by white space outside ``<pre>``, which
    no template holds, becomes one line break) made them from the indented templates: byte for byte the same."""

    def __init__(self, loader: BaseLoader) -> None:
        self.loader = loader

    def get_source(self, environment, template):
        source, filename, uptodate = self.loader.get_source(environment, template)
        return (_INDENT.sub("\n", source) if template.endswith(".html") else source), filename, uptodate

    def list_templates(self):
        return self.loader.list_templates()


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
    """Let ``env`` (a build's Jinja environment) use and keep the compiled templates, read unindented."""
    env.loader = _Unindented(env.loader)
    if os.environ.get("GWR_CACHE", "1") != "0":
        folder = root / ".cache" / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        if KEPT.disk is None or KEPT.disk.directory != str(folder):
            KEPT.disk = FileSystemBytecodeCache(str(folder))
    else:
        KEPT.disk = None
    env.bytecode_cache = KEPT
