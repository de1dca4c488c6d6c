"""Load and validate ``data/reports.yml``.

Every problem raises :class:`RegistryError` with one message that names the
file and the key and says how to fix it; the hook turns it into a
``PluginError`` so the build stops without a traceback.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import fields
from pathlib import Path

import yaml

from .model import ReportMeta

REGISTRY = "data/reports.yml"
REQUIRED = ("id", "file", "city", "year", "kind")
KINDS = ("full", "summary")
ID_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*-(\d{4})(?:-[a-z0-9]+)*$")
OPTIONAL = tuple(f.name for f in fields(ReportMeta) if f.name not in REQUIRED and f.name != "index")


class RegistryError(Exception):
    """A fatal problem in the registry or a seed it names."""


# libyaml's parser when PyYAML has it (its wheels do): the pure-Python one took a
# quarter of the build on the glossary.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TextLoader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


def load_yaml(text: str, typed: bool = True):
    """Parse YAML data with the fastest loader available.

    ``typed=False`` reads every scalar as text (no int/date/bool resolution): for files that hold
    only text, such as the glossary, it is several times faster.
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
    path = root / registry
    if not path.is_file():
        raise RegistryError(f"{registry}: file not found; create it with a 'reports:' list (see README, Registry).")
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RegistryError(f"{registry}{where}: not valid YAML ({problem}); fix the syntax.") from exc
    if not isinstance(data, dict) or not isinstance(data.get("reports"), list):
        raise RegistryError(f"{registry}: expected a top-level 'reports:' list of report entries.")
    reports: list[ReportMeta] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(data["reports"]):
        meta = _validate_entry(registry, i, entry)
        if meta.id in seen:
            raise RegistryError(
                f"{registry}: reports[{i}].id: duplicate id '{meta.id}' (also reports[{seen[meta.id]}]); "
                "ids must be unique."
            )
        seen[meta.id] = i
        reports.append(meta)
    paths = {}
    for meta in reports:
        if meta.path in paths:
            raise RegistryError(
                f"{registry}: reports[{meta.index}].id: '{meta.id}' maps to the same URL as '{paths[meta.path]}'."
            )
        paths[meta.path] = meta.id
    return reports


def _validate_entry(registry: str, i: int, entry: object) -> ReportMeta:
    where = f"{registry}: reports[{i}]"
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: expected a mapping with keys {', '.join(REQUIRED)}, got {entry!r}.")
    for key in REQUIRED:
        if entry.get(key) in (None, ""):
            raise RegistryError(f"{where}: missing required key '{key}'.")
    unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise RegistryError(
            f"{where}: unknown key '{unknown[0]}'; allowed keys are {', '.join(REQUIRED + OPTIONAL)}."
        )
    year = entry["year"]
    if not isinstance(year, int) or not 1949 <= year <= 2100:
        raise RegistryError(f"{where}.year: expected a 4-digit year, got {year!r}.")
    kind = entry["kind"]
    if kind not in KINDS:
        raise RegistryError(f"{where}.kind: unknown kind {kind!r}; expected one of: {', '.join(KINDS)}.")
    rid = entry["id"]
    m = ID_RE.match(str(rid))
    if not m:
        raise RegistryError(
            f"{where}.id: {rid!r} is not of the form <city>-<year>[-<variant>] in lower-case ASCII, "
            "e.g. 'shenzhen-2025' or 'shenzhen-2026-summary'."
        )
    if int(m.group(1)) != year:
        raise RegistryError(f"{where}.id: {rid!r} names year {m.group(1)} but year is {year}.")
    values = {}
    for key in REQUIRED + OPTIONAL:
        if key not in entry:
            continue
        value = entry[key]
        if isinstance(value, _dt.date):
            value = value.isoformat()
        if key == "fully_translated":
            if not isinstance(value, bool):
                raise RegistryError(f"{where}.{key}: expected true or false, got {value!r}.")
        elif key == "set_aside":
            value = _set_aside(f"{where}.{key}", value)
        elif key == "encoding":
            from .ingest.decode import ALIASES

            if not isinstance(value, str) or value.lower() not in ALIASES:
                raise RegistryError(f"{where}.{key}: unknown encoding {value!r}; use utf-8 or gb18030 (also for GBK).")
        elif key != "year" and not isinstance(value, str):
            raise RegistryError(f"{where}.{key}: expected text, got {value!r}.")
        values[key] = value
    if values.get("delivered") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", values["delivered"]):
        raise RegistryError(f"{where}.delivered: expected a date YYYY-MM-DD, got {values['delivered']!r}.")
    if values.get("sha256") and not re.fullmatch(r"[0-9a-f]{64}", values["sha256"]):
        raise RegistryError(f"{where}.sha256: expected 64 lower-case hex digits.")
    return ReportMeta(index=i, **values)


def _set_aside(where: str, value: object) -> list[dict]:
    """``[{lines: "3-5", reason: "…"}]``: lines the maintainer declares not part of the report."""
    if not isinstance(value, list):
        raise RegistryError(f"{where}: expected a list of {{lines: \"3-5\", reason: \"…\"}} entries.")
    out = []
    for k, entry in enumerate(value):
        if not isinstance(entry, dict) or set(entry) - {"lines", "reason"} or "lines" not in entry \
                or not re.fullmatch(r"\d+(?:-\d+)?", str(entry["lines"])) or not str(entry.get("reason") or "").strip():
            raise RegistryError(f"{where}[{k}]: expected {{lines: \"3-5\" (or one line number), reason: \"why these lines "
                                "are not the report\"}}.")
        first, _, last = str(entry["lines"]).partition("-")
        if last and int(last) < int(first):
            raise RegistryError(f"{where}[{k}].lines: {entry['lines']!r} runs backwards.")
        out.append({"lines": str(entry["lines"]), "reason": str(entry["reason"]).strip()})
    return out


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
