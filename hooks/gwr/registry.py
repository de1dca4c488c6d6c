"""Load and validate ``data/reports.yml``.

The schema is :class:`gwr.model.ReportMeta` itself (each key one annotated field, unknown keys rejected),
checked by :mod:`gwr.datafiles`. Every problem raises :class:`RegistryError` with one message that names
the file, the line and the key and says how to fix it; the hook turns it into a ``PluginError`` so the
build stops without a traceback.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import fields
from pathlib import Path

import yaml
from pydantic import Field

from .datafiles import RegistryError, Schema, load
from .model import ReportMeta

REGISTRY = "data/reports.yml"
REQUIRED = ("id", "file", "city", "year", "kind")
KINDS = ("full", "summary")
ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*-(\d{4})(?:-[a-z0-9]+)*$")
OPTIONAL = tuple(f.name for f in fields(ReportMeta) if f.name not in REQUIRED and f.init)


class RegistryFile(Schema):
    reports: list[ReportMeta] = Field(min_length=1)
    """At least one report: an empty registry would build a site of nothing."""


# libyaml's parser when PyYAML has it (its wheels do): the pure-Python one took a
# quarter of the build on the glossary.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TextLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def load_yaml(text: str, typed: bool = True):
    """Parse YAML data with the fastest loader available, without validation (data files use
    :func:`gwr.datafiles.load`).

    ``typed=False`` reads every scalar as text (no int/date/bool resolution).
    """
    return yaml.load(text, Loader=_Loader if typed else _TextLoader)


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check_slug(where: str, value: str, seen: set[str]) -> str:
    """A permanent id of a data file (it becomes a URL): lowercase letters, digits and hyphens, unique."""
    if not _SLUG.fullmatch(value) or value in seen:
        raise RegistryError(f"{where}: id {value!r} must be unique, lowercase letters, digits and hyphens")
    seen.add(value)
    return value


def load_registry(root: Path, registry: str = REGISTRY) -> list[ReportMeta]:
    """Read, validate and return the registered reports, in registry order."""
    found = load(root, registry, RegistryFile)
    if found is None:
        raise RegistryError(f"{registry}: file not found; create it with a 'reports:' list (see README, Registry).")
    data, file = found
    reports: list[ReportMeta] = list(data.reports)
    seen: dict[str, int] = {}
    paths: dict[str, str] = {}
    for i, meta in enumerate(reports):
        meta.index = i
        m = ID_RE.match(meta.id)
        if not m:
            file.fail(("reports", i, "id"), f"{meta.id!r} is not of the form <city>-<year>[-<variant>] in lower-case "
                      "ASCII, e.g. 'shenzhen-2025' or 'shenzhen-2026-summary'.")
        if int(m.group(1)) != meta.year:
            file.fail(("reports", i, "id"), f"{meta.id!r} names year {m.group(1)} but year is {meta.year}.")
        if meta.id in seen:
            file.fail(("reports", i, "id"), f"duplicate id '{meta.id}' (also reports[{seen[meta.id]}]); ids must be "
                      "unique.")
        seen[meta.id] = i
        if meta.path in paths:
            file.fail(("reports", i, "id"), f"'{meta.id}' maps to the same URL as '{paths[meta.path]}'.")
        paths[meta.path] = meta.id
    return reports


def read_seed(root: Path, meta: ReportMeta, registry: str = REGISTRY) -> tuple[str, str]:
    """Return the seed's text and sha256, after checking that it exists, is UTF-8 and matches its sha256."""
    path = root / meta.file
    where = f"{registry}: reports[{meta.index}].file"
    if not path.is_file():
        raise RegistryError(f"{where}: {meta.file} not found; put the source text there or fix the path.")
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if meta.sha256:
        if digest != meta.sha256:
            raise RegistryError(
                f"{meta.file}: sha256 mismatch: the file changed since it was registered "
                f"(expected {meta.sha256}, found {digest}). Seeds are kept byte-identical to the source; "
                f"restore the original, or if the new text is intended, update reports[{meta.index}].sha256."
            )
    from .ingest import DecodeError, decode

    try:
        text, _ = decode(raw, meta.file, meta.encoding)
    except DecodeError as exc:
        raise RegistryError(str(exc)) from exc
    return text, digest
