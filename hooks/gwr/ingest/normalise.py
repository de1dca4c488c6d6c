"""Text to numbered lines, as an editor numbers them.

Lines end at CRLF, LF or a lone CR, and nowhere else: a U+2028, U+2029, form
feed, vertical tab or NEL inside a line is read as a space, so the line numbers
in warnings are those a maintainer sees. Other control characters (NUL and the
like) are removed and counted: they are never written into a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LINE_END = re.compile(r"\r\n|\n|\r")
INLINE_BREAK = re.compile(r"[\u2028\u2029\x0b\x0c\x85\x1c\x1d\x1e]")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\ufeff\ufffe\uffff]")


@dataclass
class Source:
    """A seed as lines. ``lines[0]`` is line 1."""

    file: str
    lines: list[str]
    encoding: str = "utf-8"
    removed: dict[int, int] = field(default_factory=dict)
    """Line number -> how many control characters were removed from it."""

    def line(self, no: int) -> str:
        return self.lines[no - 1]


def normalise(text: str, file: str, encoding: str = "utf-8") -> Source:
    lines, removed = [], {}
    for no, line in enumerate(LINE_END.split(text), start=1):
        line = INLINE_BREAK.sub(" ", line)
        cleaned, n = CONTROL.subn("", line)
        if n:
            removed[no] = n
        lines.append(cleaned)
    if lines and lines[-1] == "":
        lines.pop()
    return Source(file, lines, encoding, removed)
