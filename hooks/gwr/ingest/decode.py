"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

The encoding is declared in the registry (``encoding: gb18030``) or detected:
UTF-8 is tried strictly first (valid UTF-8 that is not meant as UTF-8 is
practically nonexistent for Chinese text); a file that is not UTF-8 is accepted
as GB18030 only when it decodes cleanly and its Han characters are, like real
Chinese prose, almost all in GB2312's first level (the 3,755 most frequent).
Anything else stops with a message that says how to declare the encoding.
The seed's sha256 is always that of the bytes as received.
"""

from __future__ import annotations

import codecs

ALIASES = {
    "utf-8": "utf-8", "utf8": "utf-8", "utf-8-sig": "utf-8",
    "gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030",
    "utf-16": "utf-16",
}
ENCODINGS = tuple(sorted(set(ALIASES)))


class DecodeError(Exception):
    """The seed cannot be read as text in its declared or any detectable encoding."""


def _level1_share(text: str) -> float:
    """Share of Han characters that are in GB2312 level 1 (lead byte 0xB0-0xD7)."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0
    common = 0
    for c in han:
        try:
            b = c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if 0xB0 <= b[0] <= 0xD7:
            common += 1
    return common / len(han)


def decode(raw: bytes, file: str, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``; ``encoding`` says how it was read (e.g. ``gb18030 (detected)``)."""
    if declared:
        codec = ALIASES.get(declared.lower())
        if codec is None:
            raise DecodeError(f"{file}: unknown encoding {declared!r}; use one of: utf-8, gb18030 (also for GBK).")
        if codec == "utf-8" and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"{file}: not valid {declared} (byte {exc.start}: {raw[exc.start:exc.start + 4].hex(' ')}); "
                "check the registry's 'encoding' for this seed.") from exc
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
        how = "utf-8 (BOM)"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16 (BOM)"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"{file}: starts with a UTF-16 BOM but is not valid UTF-16 (byte {exc.start}).") from exc
    else:
        how = "utf-8"
    try:
        return raw.decode("utf-8"), how
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _level1_share(text) >= 0.85:
        return text, "gb18030 (detected)"
    raise DecodeError(
        f"{file}: not UTF-8 (byte {utf8_error.start}: {raw[utf8_error.start:utf8_error.start + 4].hex(' ')}) and not "
        "recognisably GB18030/GBK; declare the encoding in its registry entry (encoding: gb18030) or convert a copy "
        "to UTF-8 and register that copy.") from utf8_error
