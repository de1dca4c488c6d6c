"""Load and validate the YAML data files against typed schemas; every problem is one message.

Every data file (``data/reports.yml``, ``glossary.yml``, ``indicators.yml``, ``themes.yml``,
``alignments.yml``, ``terms.yml``) is read by :func:`load` with its schema: a pydantic model, or a plain
dataclass such as :class:`gwr.model.ReportMeta` (pydantic validates dataclasses by their annotations, so
a new registry key is one annotated line there).

* **Text first.** Scalars are read as text; only ``~``/``null``/empty are resolved (to None). The schema
  converts text to a number, a boolean or a date where a field asks for one. So ``sha256: 000…0`` stays the
  string it is (YAML 1.1 would read the number 0), ``id: 2025`` is not an int, and ``delivered: 2025-13-45``
  is a date the schema rejects with a message, not a ``ValueError`` from the YAML library.
* **Duplicate keys are errors** (YAML libraries keep the last one silently).
* **One message**, raised as :class:`~gwr.registry.RegistryError` (the hook makes it a ``PluginError``, so the
  build stops without a traceback): ``<file>:<line>: <key path>: <what is wrong>; <how to fix it>``, e.g.
  ``data/reports.yml:17: reports[0].delivered: expected a date YYYY-MM-DD, got '2025-13-45'``.

Pydantic was chosen over hand-written checks for its typed, declarative schemas (optional keys, lists of
entries, unknown keys rejected) and because every error carries the exact key path, which this module maps
back to a line of the file.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
import types
import typing
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, TypeAdapter, ValidationError



class RegistryError(Exception):
    """A fatal problem in a data file, or in a seed the registry names: one message, no traceback."""

# --- reading: text-first YAML with duplicate-key detection -------------------------------------------------

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it (its wheels do)
_NULL = "tag:yaml.org,2002:null"


class TextLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe YAML with every scalar read as text except null; duplicate keys raise an error."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag == _NULL]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r} (first on line {seen[key] + 1})", key_node.start_mark)
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


def parse(rel: str, text: str) -> Any:
    """Parse ``text`` (the contents of ``rel``) or raise one RegistryError naming the file and line."""
    try:
        return yaml.load(text, Loader=TextLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if problem.startswith("duplicate key"):
            raise RegistryError(f"{rel}{where}: {problem}; keep one of them.") from exc
        raise RegistryError(f"{rel}{where}: not valid YAML ({problem}); fix the syntax "
                            "(quote text that contains ': ', '#', or starts with a bracket or quote).") from exc


def read(root: Path, rel: str) -> tuple[str, Any] | None:
    """The text and parsed data of ``root/rel``, or None if the file does not exist."""
    path = Path(root) / rel
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegistryError(f"{rel}: not UTF-8 text (byte {exc.start}); save the file as UTF-8.") from exc
    return text, parse(rel, text)


# --- field types shared by the schemas ---------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _no_control(value: str) -> str:
    m = _CONTROL.search(value)
    if m:
        raise ValueError(f"contains the control character U+{ord(m.group(0)):04X}; remove it")
    return value


Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_no_control)]
"""Non-empty text without control characters."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise ValueError(f"{value!r} is not a valid id: use lowercase letters, digits and hyphens (it becomes a URL)")
    return value


Slug = Annotated[str, AfterValidator(_slug)]


def _date(value: str) -> str:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected a date YYYY-MM-DD (e.g. 2025-02-25), got {value!r}") from None
    return value


IsoDate = Annotated[str, AfterValidator(_date)]
"""A real calendar date written ``YYYY-MM-DD`` (kept as that text)."""

_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s\"<>`\\{}|^]*)?")


def _url(value: str) -> str:
    if not _URL.fullmatch(value):
        raise ValueError(f"expected an http:// or https:// URL without spaces, quotes or angle brackets "
                         f"(percent-encode them), got {value!r}")
    return value


HttpUrl = Annotated[str, AfterValidator(_url)]
"""An ``http(s)://`` URL: the only kind the site ever links to (no ``javascript:``, ``data:``, ``file:``)."""


def _sha(value: str) -> str:
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        raise ValueError(f"expected 64 lowercase hex digits (the output of `sha256sum <file>`), got {value!r}")
    return value


Sha256 = Annotated[str, AfterValidator(_sha)]


def _encoding(value: str) -> str:
    from .ingest.decode import ALIASES

    if value.lower() not in ALIASES:
        raise ValueError(f"unknown encoding {value!r}; use utf-8 or gb18030 (which also reads GBK and GB2312)")
    return value


Encoding = Annotated[str, AfterValidator(_encoding)]
"""A seed's encoding: utf-8, or gb18030 for GBK/GB2312/GB18030 files."""


def _line_range(value: str) -> str:
    m = re.fullmatch(r"(\d+)(?:-(\d+))?", value.strip())
    if not m or int(m.group(1)) < 1 or (m.group(2) and int(m.group(2)) < int(m.group(1))):
        raise ValueError(f"expected a line number or a range of lines such as \"3-5\" (first ≤ last), got {value!r}")
    return value.strip()


LineRange = Annotated[str, AfterValidator(_line_range)]


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    return value


Regex = Annotated[str, AfterValidator(_regex)]


class Schema(BaseModel):
    """Base of the data file schemas: unknown keys are errors, values are not coerced across types silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- validating, with messages that name the file, line and key --------------------------------------------

_ADAPTERS: dict = {}


def validate(rel: str, text: str, data: Any, schema: Any) -> Any:
    """``data`` (parsed from ``text``, the contents of ``rel``) checked against ``schema``."""
    adapter = _ADAPTERS.get(schema) or _ADAPTERS.setdefault(schema, TypeAdapter(schema))
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        first = errors[0]
        more = f" ({len(errors) - 1} more problem{'s' if len(errors) > 2 else ''} in this file)" if len(errors) > 1 else ""
        raise RegistryError(at(rel, text, first["loc"], _message(schema, first)) + more) from None


def load(root: Path, rel: str, schema: Any) -> tuple[Any, DataFile] | None:
    """Read and validate ``root/rel``; None if the file does not exist."""
    found = read(root, rel)
    if found is None:
        return None
    text, data = found
    return validate(rel, text, data, schema), DataFile(rel, text)


@dataclasses.dataclass
class DataFile:
    """A loaded file, for checks that need more than one entry (duplicates, references): see :meth:`fail`."""

    rel: str
    text: str

    def fail(self, loc: tuple, message: str) -> typing.NoReturn:
        raise RegistryError(at(self.rel, self.text, loc, message))


def at(rel: str, text: str, loc: tuple, message: str) -> str:
    """``<file>:<line>: <key path>: <message>``."""
    line = line_of(text, loc)
    path = key_path(loc)
    return f"{rel}{f':{line}' if line else ''}: {path + ': ' if path else ''}{message}"


def key_path(loc: tuple) -> str:
    """``('reports', 1, 'kind')`` -> ``reports[1].kind``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_of(text: str, loc: tuple) -> int | None:
    """The line of the node at ``loc`` (or of the nearest existing parent, for a missing key)."""
    try:
        node = yaml.compose(text, Loader=TextLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if k.value == str(part)]
            if not match:
                break
            node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def _keys(schema: Any, loc: tuple) -> list[str]:
    """The keys the schema allows at ``loc`` (for 'unknown key' messages)."""
    tp = schema
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(part, int):
            args = typing.get_args(tp)
            tp = args[0] if args else Any
        elif isinstance(tp, type) and issubclass(tp, BaseModel):
            tp = tp.model_fields[part].annotation if part in tp.model_fields else Any
        elif dataclasses.is_dataclass(tp):
            tp = typing.get_type_hints(tp, include_extras=False).get(part, Any)
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    if dataclasses.is_dataclass(tp):
        return [f.name for f in dataclasses.fields(tp) if f.init]
    return []


def _unwrap(tp: Any) -> Any:
    """``X | None`` -> X; ``Annotated[X, ...]`` -> X."""
    while True:
        if typing.get_origin(tp) is Annotated:
            tp = typing.get_args(tp)[0]
            continue
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 1:
            tp = args[0]
            continue
        return tp


def _message(schema: Any, err: dict) -> str:
    kind, loc, got = err["type"], err["loc"], err.get("input")
    if kind == "missing":
        return f"missing required key '{loc[-1]}'; add it (see the comment at the top of the file or README)."
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        allowed = _keys(schema, loc[:-1])
        return (f"unknown key '{loc[-1]}'; allowed keys are {', '.join(allowed)}." if allowed
                else f"unknown key '{loc[-1]}'.")
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", err["ctx"]["expected"])
        return f"unknown {loc[-1]} {got!r}; expected one of: {', '.join(options)}."
    if got is None:
        return "no value given; write one, or remove the key if it is optional."
    if kind == "value_error":
        return str(err["ctx"]["error"]) + "."
    if kind in ("model_type", "dataclass_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of keys (key: value), got {got!r}."
    if kind == "list_type":
        return f"expected a list (lines starting with '- ', or [a, b]), got {got!r}."
    if kind == "string_type":
        return f"expected text, got {_kind(got)}; write a single value (quote it if it contains ': ' or '#')."
    if kind == "int_parsing":
        return f"expected a whole number, got {got!r}."
    if kind == "bool_parsing":
        return f"expected true or false, got {got!r}."
    if kind == "string_too_short":
        return "empty; write a value, or remove the key if it is optional."
    if kind == "too_short":
        return "the list is empty; it needs at least one entry."
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{err['msg'].lower()}, got {got!r}."
    return f"{err['msg']}, got {got!r}."


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


__all__ = ["RegistryError", "load", "read", "validate", "DataFile", "Schema", "Text", "Slug", "IsoDate", "HttpUrl", "Sha256",
           "Regex", "TextLoader", "at"]
