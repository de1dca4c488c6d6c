"""Ingest: the stage between a seed's bytes and the parser.

decode (bytes -> text, encoding declared or detected) -> normalise (one list of
lines, numbered as an editor numbers them, control characters out) -> classify
(page chrome, metadata lines, captions, notes, footers: what is not the report)
-> group (lines -> paragraph units, by the layout family the text uses).
The parser (:mod:`gwr.parser`) builds the document structure from the units.
"""

from .decode import DecodeError, decode
from .normalise import Source, normalise

__all__ = ["DecodeError", "Source", "decode", "normalise"]
