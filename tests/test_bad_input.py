"""Bad input stops the build with one message naming the file and key: never a traceback."""

from __future__ import annotations

import re

import pytest
from conftest import build, copy_project


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


CASES = {
    "sha256 mismatch": (_break_sha, ["seeds/shenzhen-2026-summary.txt", "sha256 mismatch", "reports[1].sha256"]),
    "missing file": (_missing_file, ["data/reports.yml", "reports[1].file", "not found"]),
    "malformed yaml": (_bad_yaml, ["data/reports.yml:", "not valid YAML"]),
    "duplicate id": (_duplicate, ["data/reports.yml", "].id: duplicate id 'shenzhen-2025'", "reports[0]"]),
    "unknown kind": (_unknown_kind, ["data/reports.yml", "reports[1].kind", "unknown kind 'abstract'", "full, summary"]),
    "missing key": (_missing_key, ["data/reports.yml", "reports[1]", "missing required key 'year'"]),
    "no structure": (_no_structure, ["seeds/shenzhen-2026-summary.txt", "no recognisable structure"]),
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
