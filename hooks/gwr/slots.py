"""Slots: generated HTML kept out of Markdown.

A page's generated tables and lists go into :data:`SLOTS` and a placeholder (:func:`slot`) into its Markdown;
the hook puts the HTML back as the page is written (:func:`fill_slots`). Raw HTML is the costliest input of
Python-Markdown, and MkDocs keeps every page's converted content until the last page is written: the placeholders
keep that small. Pages kept from one build to the next carry their slots with them (:func:`portable`,
:func:`revive`).
"""

from __future__ import annotations

import itertools
import re

class SlotStore:
    """The HTML of the slots (see :data:`SLOTS`), in a temporary file: a build makes every page's Markdown before
    MkDocs converts the first and writes none before it has converted the last, so that every page's HTML would
    otherwise be in memory at once (100x: more than 100 MB per edition). A mapping of slot keys to HTML (``[key] =``,
    ``get``, ``pop``, ``clear``); only the place of each slot in the file is kept in memory."""

    def __init__(self) -> None:
        self._file = None
        self._end = 0
        self._reading = False
        self._at: dict[str, tuple[int, int]] = {}

    def __setitem__(self, key: str, html: str) -> None:
        if self._file is None:
            import tempfile

            self._file = tempfile.TemporaryFile()  # removed when closed, or when the process ends
        data = html.encode("utf-8", "surrogatepass")
        if self._reading:  # writes follow one another at the end of the file, reads seek
            self._file.seek(self._end)
            self._reading = False
        self._file.write(data)
        self._at[key] = (self._end, len(data))
        self._end += len(data)

    def _read(self, at: tuple[int, int]) -> str:
        self._reading = True
        self._file.seek(at[0])
        return self._file.read(at[1]).decode("utf-8", "surrogatepass")

    def get(self, key: str) -> str | None:
        at = self._at.get(key)
        return None if at is None else self._read(at)

    _NONE = object()

    def pop(self, key: str, default=_NONE) -> str:
        at = self._at.pop(key, None)
        if at is None:
            if default is SlotStore._NONE:
                raise KeyError(key)
            return default
        return self._read(at)

    def __len__(self) -> int:
        return len(self._at)

    def clear(self) -> None:
        self._at.clear()
        if self._file is not None:
            self._file.seek(0)
            self._file.truncate(0)
        self._end = 0
        self._reading = False


SLOTS = SlotStore()
"""HTML kept out of Markdown: generated tables and lists are stored here and a placeholder goes into the page,
which the hook swaps back as the page is written (raw HTML is the costliest input of Python-Markdown, and
MkDocs keeps every page's converted content until the last page is written: the placeholders keep that small)."""
_SLOT = re.compile(r'<div class="gwr-slot" data-slot="(\d+)"></div>')
_NEXT = itertools.count()


def slot(html: str) -> str:
    """A placeholder for ``html`` (a complete HTML element), to be filled by :func:`fill_slots`."""
    key = str(next(_NEXT))
    SLOTS[key] = html
    return f'<div class="gwr-slot" data-slot="{key}"></div>'


_LOCAL = re.compile(r'<div class="gwr-slot" data-slot="@(\d+)"></div>')


def portable(pages: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """``pages`` with their slots taken out of :data:`SLOTS` and numbered within the pages (``@0``, ``@1``, …), and
    the slots' HTML: a form that can be kept from one build to the next (gwr.pipeline.memo), whose slot numbers
    are the build's own. :func:`revive` gives pages to hand to MkDocs again."""
    htmls: list[str] = []

    def local(m: re.Match) -> str:
        htmls.append(SLOTS.pop(m.group(1)))
        return f'<div class="gwr-slot" data-slot="@{len(htmls) - 1}"></div>'

    return {src: _SLOT.sub(local, text) for src, text in pages.items()}, htmls


def revive(kept: tuple[dict[str, str], list[str]]) -> dict[str, str]:
    """The pages of :func:`portable`, their slots registered again in this build."""
    pages, htmls = kept
    fresh = [slot(h) for h in htmls]
    return {src: _LOCAL.sub(lambda m: fresh[int(m.group(1))], text) for src, text in pages.items()}


def drop_slots(text: str) -> None:
    """Forget the slots of ``text`` (a text that will not be handed to MkDocs)."""
    for key in _SLOT.findall(text):
        SLOTS.pop(key, None)


def fill_slots(html: str, fix=lambda s: s, keep: bool = False) -> str:
    """``html`` with its placeholders filled; the slots are then forgotten, unless ``keep``."""
    take = SLOTS.get if keep else SLOTS.pop
    return _SLOT.sub(lambda m: fix(take(m.group(1))), html)
