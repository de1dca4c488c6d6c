"""PO files read without polib (gwr.po.quick_entries) as polib reads them: the files of the repository,
and generated ones of every shape the strict syntax check lets through, well-formed or not (hypothesis)."""

from __future__ import annotations

import os

import polib
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gwr.datafiles import RegistryError
from gwr.po import _OTHER_BREAKS, _at_msgstr, check_po, quick_entries

EXAMPLES = int(os.environ.get("GWR_FUZZ_EXAMPLES", 0))
SETTINGS = settings(max_examples=EXAMPLES or 300, deadline=None, derandomize=not EXAMPLES,
                    suppress_health_check=[HealthCheck.too_slow])


def _fields(entries: list, lines: list[str]) -> list[tuple]:
    return [(e.msgctxt, e.msgid, e.msgstr, list(e.flags), e.linenum) for e in _at_msgstr(entries, lines)]


def _by_polib(text: str) -> list[tuple] | str:
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        return f"error: {exc}"
    return _fields([e for e in po if not e.obsolete], text.split("\n"))


@pytest.mark.parametrize("path", sorted((ROOT / "data/translations").rglob("*.po")), ids=lambda p: p.name)
def test_the_repository_s_po_files_are_read_without_polib_and_the_same(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    quick = quick_entries(lines)
    assert quick is not None, "a file make translations wrote is left to polib: the quick reading no longer applies"
    assert len(quick) > 50
    assert _fields(quick, lines) == _by_polib(text)


_CHARS = st.sampled_from(list('ab 中文\t,.#:|~') + ["\\n", "\\t", "\\\\", '\\"', "\\a"])
_STRING = st.lists(_CHARS, max_size=8).map("".join)
"""A string's text as written in the file: its escapes well-formed."""
_ANY = st.lists(st.one_of(_CHARS, st.sampled_from(['"', "\\", "\u2028", "\r", "\x85"])), max_size=8).map("".join)
_LINE = st.one_of(
    st.tuples(st.sampled_from(["msgctxt", "msgid", "msgstr", "msgid_plural", "msgstr[0]", "", "#~ msgid", "#~ msgstr",
                               "#| msgid", "#| msgctxt", "#|", "#~|", "#~"]),
              st.sampled_from([" ", "  ", "\t"]), st.one_of(_STRING, _ANY)).map(lambda t: f'{t[0]}{t[1]}"{t[2]}"' if t[0] else f'"{t[2]}"'),
    st.sampled_from(["", "#", "# a comment", "## x", "#:", "#: seeds/a.md:12", "#,", "#, fuzzy", "#, gwr-checked",
                     "#, fuzzy, gwr-checked", "#,fuzzy", "#.", "#. note", "#foo", "msgid", "   ", '#| "x"', "#~"]),
)


@st.composite
def _po_texts(draw) -> str:
    """A PO file: entries of the shape make translations writes, then lines replaced, inserted and deleted."""
    lines = []
    if draw(st.booleans()):
        lines += ['msgid ""', 'msgstr ""', '"Language: en\\n"', ""]
    for i in range(draw(st.integers(0, 4))):
        comments = ["#: seeds/x.md:1", "#, fuzzy", "#, fuzzy,  gwr-checked", '#| msgid "old"', "# c", "#. g"]
        lines += draw(st.lists(st.sampled_from(comments), max_size=3))
        if draw(st.booleans()):
            lines.append(f'msgctxt "part_{i}"')
        lines.append(f'msgid "{draw(_STRING)}"')
        lines += [f'"{s}"' for s in draw(st.lists(_STRING, max_size=2))]
        lines.append(f'msgstr "{draw(_STRING)}"')
        lines += [f'"{s}"' for s in draw(st.lists(_STRING, max_size=2))]
        lines.append("")
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(lines)))
        how = draw(st.sampled_from(["insert", "replace", "delete"]))
        if how == "insert" or not lines:
            lines.insert(at, draw(_LINE))
        elif how == "replace":
            lines[min(at, len(lines) - 1)] = draw(_LINE)
        else:
            del lines[min(at, len(lines) - 1)]
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]))


@SETTINGS
@given(_po_texts())
def test_a_po_file_read_without_polib_is_read_as_polib_reads_it(text):
    try:
        check_po("x.po", text)
    except RegistryError:
        return  # refused before it is read
    if _OTHER_BREAKS.search(text):
        return  # left to polib (see read_po)
    lines = text.split("\n")
    quick = quick_entries(lines)
    if quick is not None:
        assert _fields(quick, lines) == _by_polib(text)
