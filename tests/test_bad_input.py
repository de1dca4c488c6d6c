"""Bad input stops the build with one message naming the file and key: never a traceback."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, build, copy_project


def _break_sha(p):
    with open(p / "seeds/shenzhen-2026-summary.txt", "ab") as f:
        f.write(b"\n")


def _missing_file(p):
    (p / "seeds/shenzhen-2026-summary.txt").unlink()


def _bad_yaml(p):
    text = (p / "data/reports.yml").read_text(encoding="utf-8")
    (p / "data/reports.yml").write_text(text.replace("    city: 深圳\n", "    city: [深圳\n", 1), encoding="utf-8")


def _duplicate(p):
    text = (p / "data/reports.yml").read_text(encoding="utf-8")
    first = text[text.index("  - id: shenzhen-2025"):text.index("  - id: shenzhen-2026-summary")]
    (p / "data/reports.yml").write_text(text + "\n" + first, encoding="utf-8")


def _unknown_kind(p):
    text = (p / "data/reports.yml").read_text(encoding="utf-8")
    (p / "data/reports.yml").write_text(text.replace("kind: summary", "kind: abstract"), encoding="utf-8")


def _missing_key(p):
    text = (p / "data/reports.yml").read_text(encoding="utf-8")
    (p / "data/reports.yml").write_text(text.replace("    year: 2026\n", ""), encoding="utf-8")


def _no_structure(p):
    (p / "seeds/shenzhen-2026-summary.txt").write_text("这是一段文字，没有任何结构。\n\n又一段。\n", encoding="utf-8")
    text = (p / "data/reports.yml").read_text(encoding="utf-8")
    (p / "data/reports.yml").write_text(re.sub(r"\n    sha256: d706\w+", "", text), encoding="utf-8")


def _edit(rel, old, new, count=1):
    """A breaker that replaces ``old`` by ``new`` in the project file ``rel`` (which must contain it)."""

    def breaker(p):
        path = p / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return breaker


def _append(rel, text):
    def breaker(p):
        with open(p / rel, "a", encoding="utf-8") as f:
            f.write(text)

    return breaker


PO = "data/translations/en/shenzhen-2026-summary.po"
PO_LINE = 'msgstr "High-quality development achieved fruitful results in 2025"'

# Where the registry and glossary stand today (the messages name positions in them).
_REG = (ROOT / "data/reports.yml").read_text(encoding="utf-8").splitlines()
_REG_LINES = len(_REG)
_N_REPORTS = sum(1 for ln in _REG if ln.startswith("  - id: "))
_KIND_LINE = _REG.index("    kind: summary") + 1
_N_TERMS = sum(1 for ln in (ROOT / "data/glossary.yml").read_text(encoding="utf-8").splitlines() if ln.startswith("- id: "))

_GDP_SUBJECTS = "  subjects: [地区生产总值, 全市生产总值, 国内生产总值, 生产总值, 经济总量, GDP]\n"

_GDP_LINE = (ROOT / "data/indicators.yml").read_text(encoding="utf-8").splitlines().index(_GDP_SUBJECTS[:-1]) + 1

CASES = {
    "sha256 mismatch": (_break_sha, ["seeds/shenzhen-2026-summary.txt", "sha256 mismatch", "reports[1].sha256"]),
    "missing file": (_missing_file, ["data/reports.yml", "reports[1].file", "not found"]),
    "malformed yaml": (_bad_yaml, ["data/reports.yml:", "not valid YAML"]),
    "duplicate id": (_duplicate, ["data/reports.yml", "].id: duplicate id 'shenzhen-2025'", "reports[0]"]),
    "unknown kind": (_unknown_kind, ["data/reports.yml", "reports[1].kind", "unknown kind 'abstract'", "full, summary"]),
    "missing key": (_missing_key, ["data/reports.yml", "reports[1]", "missing required key 'year'"]),
    "no structure": (_no_structure, ["seeds/shenzhen-2026-summary.txt", "no recognisable structure"]),
    # D4: an impossible date is a message, not a ValueError from the YAML library
    "impossible date": (_edit("data/reports.yml", "delivered: 2025-02-25", "delivered: 2025-13-45"),
                        ["data/reports.yml:16:", "reports[0].delivered", "YYYY-MM-DD", "'2025-13-45'"]),
    # D2: only http(s) URLs
    "javascript url": (_edit("data/reports.yml", "source_url: https://www.sz.gov.cn/", "source_url: javascript:alert(1)//"),
                       ["data/reports.yml:25:", "reports[0].source_url", "http:// or https://", "javascript:alert(1)"]),
    # D10: an empty registry, a checksum of zeros (read as text, not as the number 0)
    "empty registry": (lambda p: (p / "data/reports.yml").write_text("reports: []\n", encoding="utf-8"),
                       ["data/reports.yml:1:", "reports: the list is empty"]),
    "zero checksum": (_edit("data/reports.yml", "sha256: d70601d534acff155634f5cf2585d075352b8ca504cd025379c4a1a51b724df9",
                            "sha256: " + "0" * 64),
                      ["seeds/shenzhen-2026-summary.txt: sha256 mismatch", "expected " + "0" * 64]),
    "unknown registry key": (_edit("data/reports.yml", "    kind: summary\n", "    kind: summary\n    encodng: gbk\n"),
                             ["data/reports.yml:36:", "reports[1].encodng", "unknown key 'encodng'", "allowed keys are"]),
    "registry entry of the wrong type": (_append("data/reports.yml", "  - shenzhen-2027\n"),
                                         [f"data/reports.yml:{_REG_LINES + 1}:", f"reports[{_N_REPORTS}]",
                                          "expected a mapping"]),
    "duplicate key": (_edit("data/reports.yml", "    kind: summary\n", "    kind: summary\n    kind: full\n"),
                      [f"data/reports.yml:{_KIND_LINE + 1}:", f"duplicate key 'kind' (first on line {_KIND_LINE})"]),
    # D3: every data file, malformed YAML and an entry of the wrong type
    "glossary yaml": (_edit("data/glossary.yml", "  zh: 百千万工程\n", "  zh: [百千万工程\n"),
                      ["data/glossary.yml:", "not valid YAML"]),
    "glossary type": (_append("data/glossary.yml", "- just a string\n"),
                      ["data/glossary.yml:", f"terms[{_N_TERMS}]", "expected a mapping"]),
    "glossary category": (_edit("data/glossary.yml", "  category: programme\n", "  category: programmes\n"),
                          ["data/glossary.yml:15:", "terms[0].category", "unknown category 'programmes'", "programme"]),
    "indicators yaml": (_edit("data/indicators.yml", _GDP_SUBJECTS,
                              _GDP_SUBJECTS[:-2] + "\n"), ["data/indicators.yml:", "not valid YAML"]),
    "indicators type": (_edit("data/indicators.yml", _GDP_SUBJECTS, "  subjects: GDP\n"),
                        [f"data/indicators.yml:{_GDP_LINE}:", "indicators[0].subjects", "expected a list"]),
    "themes yaml": (_edit("data/themes.yml", "  terms: [河套]\n", "  terms: [河套\n"), ["data/themes.yml:", "not valid YAML"]),
    "themes type": (_edit("data/themes.yml", "  patterns: []\n", "  patterns: ['前海(']\n"),
                    ["data/themes.yml:", "themes[0].patterns[0]", "not a valid regular expression"]),
    "themes unknown indicator": (_edit("data/themes.yml", "  indicators: []\n", "  indicators: [gdpp]\n"),
                                 ["data/themes.yml:", "themes[0].indicators[0]", "unknown indicator 'gdpp'"]),
    "alignments yaml": (_edit("data/alignments.yml", "result: [part_1__sec_1]}", "result: [part_1__sec_1}"),
                        ["data/alignments.yml:", "not valid YAML"]),
    "alignments type": (_edit("data/alignments.yml", "result: [part_1__sec_1]}", "result: {part_1__sec_1: x}}"),
                        ["data/alignments.yml:", "alignments[0].links[0].result", "expected a list"]),
    "terms yaml": (_append("data/terms.yml", "  - [broken\n"), ["data/terms.yml:", "not valid YAML"]),
    "terms type": (_append("data/terms.yml", "  - {a: b}\n"), ["data/terms.yml:", "terms[", "expected text, got a mapping"]),
    # D5, D6: PO files are checked line by line before they are read
    "po garbage": (_edit(PO, PO_LINE, "garbage\n" + PO_LINE), [PO + ":14:", "not a PO line", "'garbage'"]),
    "po unterminated": (_edit(PO, PO_LINE, PO_LINE[:-1]), [PO + ":14:", "a string is not closed"]),
    "po duplicate": (_append(PO, '\nmsgctxt "part_1"\nmsgid "x"\nmsgstr "y"\n'),
                     [PO + ":", "a second entry for msgctxt 'part_1' (the first is on line 14)"]),
}
@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_stops_build(case, tmp_path):
    breaker, expected = CASES[case]
    project = copy_project(tmp_path / "p")
    breaker(project)
    result = build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "Traceback" not in out
    errors = [ln for ln in out.splitlines() if ln.startswith("ERROR")]
    assert len(errors) == 1, out
    for piece in expected:
        assert piece in errors[0], errors[0]


def test_a_truncated_translation_stops_the_strict_build(tmp_path):
    """D6: a translation that lost its end is not published; the strict build stops, naming file and line."""
    project = copy_project(tmp_path / "p")
    _edit(PO, PO_LINE, 'msgstr "High-quality development achieved fruitful"')(project)
    result = build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out
    warnings = [ln for ln in out.splitlines() if ln.startswith("WARNING")]
    assert len(warnings) == 1, out
    assert f"{PO}:14: part_1: not published: the English does not state 2025" in warnings[0], warnings[0]
