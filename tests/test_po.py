"""PO files: strict syntax before polib reads them, and checks that withhold a broken English text."""

from __future__ import annotations

import polib
import pytest
from conftest import ROOT

from gwr.datafiles import RegistryError
from gwr.po import check_po
from gwr.translations import suspicious

REVIEWED = [
    (e.msgctxt, e.msgid, e.msgstr)
    for name in ("shenzhen-2025", "shenzhen-2026-summary")
    for e in polib.pofile(str(ROOT / f"data/translations/en/{name}.po"), wrapwidth=0)
    if not e.obsolete and e.msgstr
]


def test_the_checks_never_fire_on_the_reviewed_translations():
    assert len(REVIEWED) > 150
    assert [(ctx, suspicious(zh, en)) for ctx, zh, en in REVIEWED if suspicious(zh, en)] == []


def test_a_sentence_cut_anywhere_is_caught():
    """Every reviewed text that ends a sentence, cut at 90% (mid-word, mid-figure or between words)."""
    sentences = [(zh, en) for _, zh, en in REVIEWED if zh.rstrip()[-1] in "。！？；："]
    assert len(sentences) > 60
    assert [en[: int(len(en) * 0.9)] for zh, en in sentences if not suspicious(zh, en[: int(len(en) * 0.9)])] == []


@pytest.mark.parametrize("zh, en, why", [
    ("2025年，深圳地区生产总值增长5.5%、增速居一线城市首位。", "In 2025.", "far shorter"),
    ("加快建设具有全球重要影响力的消费中心。", "Accelerate the building of a consumption centre with glo",
     "stops mid-sentence"),
    ("2025年工作安排", "Work Plan for", "ends with 'for'"),
    ("2025年工作安排", "Work Plan for 2024", "does not state 2025"),
    ("实施“百千万工程”", "Implement the “Hundred-Thousand-Ten Thousand Project", "unbalanced"),
    ("各位代表：", "   ", "blank"),
])
def test_broken_translations_are_named(zh, en, why):
    assert why in (suspicious(zh, en) or "")


def test_every_reviewed_po_file_passes_the_syntax_check():
    for name in ("shenzhen-2025", "shenzhen-2026-summary"):
        check_po(name, (ROOT / f"data/translations/en/{name}.po").read_text(encoding="utf-8"))


@pytest.mark.parametrize("line, why", [
    ('msgstr "Work Plan for 2025', "a string is not closed"),
    ('msgstr "He said "yes""', "a double quote inside the text must be written"),
    ('msgstr "C:\\path"', "unknown escape sequence"),
    ("msgstr", "not a PO line"),
    ("Work Plan for 2025", "not a PO line"),
    ('#~ msgstr "obsolete but open', "a string is not closed"),
])
def test_malformed_lines_are_named_with_their_line(line, why):
    text = f'msgid ""\nmsgstr ""\n\nmsgctxt "part_2"\nmsgid "2025年工作安排"\n{line}\n'
    with pytest.raises(RegistryError) as err:
        check_po("data/translations/en/x.po", text)
    assert str(err.value).startswith(f"data/translations/en/x.po:6: {why}")
