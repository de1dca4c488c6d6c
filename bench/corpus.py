"""A synthetic scaling corpus, derived from the registered reports.

At scale 1 the corpus is the registry as it is (the site today). At scale ``k`` it adds ``k - 1`` copies of
each report of :data:`BASE`, the two Shenzhen seed reports (the site when issue 13 measured its 1x), so ``k``x
holds about ``2k`` reports, as the issue counts them (100x: about 200). Copy ``i`` is the same text (seed and PO
file copied under its new id) moved ``i % YEARS`` years back, in city group ``i // YEARS``: group 0 is the
report's own city, group ``g`` a synthetic city ``<city><g>`` (``shenzhen3``, 深圳3, "Shenzhen 3"). So a city
gathers at most ``YEARS`` copies of each of its reports, as real cities gather about one report a year, and
larger scales add cities:

====== ===================================== ==========================================
scale  reports                               what it stands for
====== ===================================== ==========================================
1x     the registry (7 today)                the site today
10x    the registry + 18 copies              one city's decade
30x    the registry + 58 copies (3 cities)
100x   the registry + 198 copies (10 cities) about 200 reports
====== ===================================== ==========================================

The years the text speaks of move with it: every ``20xx年`` of the seed and of the PO file's
``msgid`` (the same change, so the translations still apply) and every ``20xx`` of the English
``msgstr``, so that copy ``i`` reviews and plans its own years and year-keyed pages (scorecards,
theme timelines) fill as they would with real reports. Copies have no ``sha256`` and are not marked
``fully_translated`` (their translations all apply): they are new reports, whose seed a maintainer may still
edit, as the preview benchmark does. Curated alignments stay with the original ids, as they would for new
reports that nobody has aligned yet.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ["mkdocs.yml", "mkdocs.en.yml", "docs", "hooks", "overrides", "data", "seeds"]
YEARS = 10
BASE = ("shenzhen-2025", "shenzhen-2026-summary")
"""The reports copied at larger scales (scale 1 is the whole registry)."""
"""Copies of a report per city before the next copy goes to a new synthetic city."""


def _copy_tree(dest: Path) -> None:
    dest.mkdir(parents=True)
    for name in PROJECT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)


def synthetic_entries(registry: list[dict], scale: int) -> list[tuple[dict, dict]]:
    """(original entry, copy entry) for every report of the scaled corpus, originals first."""
    out = [(entry, dict(entry)) for entry in registry]
    base = [e for e in registry if e["id"] in BASE]
    if scale > 1 and len(base) != len(BASE):
        raise SystemExit(f"bench/corpus.py: the registry lacks {sorted(set(BASE) - {e['id'] for e in base})}")
    for i in range(1, scale):
        group, shift = divmod(i, YEARS)
        for entry in base:
            e = dict(entry)
            city_slug = entry["id"].rsplit(f"-{entry['year']}", 1)[0]
            rest = entry["id"][len(city_slug) + len(str(entry["year"])) + 1:]
            year = entry["year"] - shift
            slug = city_slug if group == 0 else f"{city_slug}{group + 1}"
            e["id"] = f"{slug}-{year}{rest}"
            e["year"] = year
            if group:
                e["city"] = f"{entry['city']}{group + 1}"
                if entry.get("city_en"):
                    e["city_en"] = f"{entry['city_en']} {group + 1}"
            for key in ("title", "title_en", "delivered", "sha256", "fully_translated"):
                e.pop(key, None)
            e["file"] = f"seeds/synthetic/{e['id']}{Path(entry['file']).suffix}"
            out.append((entry, e))
    return out


_ZH_YEAR = re.compile(r"(?<![\d.])(20[0-4]\d)(?![\d.%％]|\s*[万亿千百多余个家项人元吨米辆座所场件套台只次户名倍])")
"""A year in Chinese: ``2025年``, ``2021—2034年``, ``2024文化强国建设高峰论坛``; not a quantity (``2000亿元``)."""
_EN_YEAR = re.compile(r"(?<![\d.,])(?<!\d[.,])(20[0-4]\d)(?!\d|[.,]\d)")
"""A year in English: ``in 2025, ...``; not ``2,025`` or ``2025.5``."""


def shift_years(text: str, shift: int, pattern: re.Pattern = _ZH_YEAR) -> str:
    return pattern.sub(lambda m: str(int(m.group(1)) - shift), text) if shift else text


def _copy_po(src: Path, dest: Path, shift: int) -> None:
    import polib

    po = polib.pofile(str(src))
    for entry in po:
        entry.msgid = shift_years(entry.msgid, shift)
        entry.msgstr = shift_years(entry.msgstr, shift, _EN_YEAR)
        if entry.previous_msgid:
            entry.previous_msgid = shift_years(entry.previous_msgid, shift)
    po.save(str(dest))


def _write_copy(dest: Path, orig: dict, copy: dict) -> None:
    """The seed and PO file of a copy, its years moved."""
    shift = orig["year"] - copy["year"]
    text = (ROOT / orig["file"]).read_text(encoding="utf-8")
    (dest / copy["file"]).write_text(shift_years(text, shift), encoding="utf-8")
    po = ROOT / "data/translations/en" / f"{orig['id']}.po"
    if po.exists():
        _copy_po(po, dest / "data/translations/en" / f"{copy['id']}.po", shift)


def _registry(project: Path) -> list[dict]:
    return yaml.safe_load((project / "data/reports.yml").read_text(encoding="utf-8"))["reports"]


def _save_registry(project: Path, reports: list[dict]) -> None:
    (project / "data/reports.yml").write_text(
        yaml.safe_dump({"reports": reports}, allow_unicode=True, sort_keys=False), encoding="utf-8")


def make_project(dest: Path, scale: int) -> Path:
    """A copy of the project whose registry holds ``scale`` copies of every registered report."""
    _copy_tree(dest)
    registry = _registry(ROOT)
    reports = []
    (dest / "seeds/synthetic").mkdir()
    for orig, copy in synthetic_entries(registry, scale):
        if copy["id"] != orig["id"]:
            _write_copy(dest, orig, copy)
        reports.append(copy)
    _save_registry(dest, reports)
    return dest


def add_report(project: Path, scale: int) -> dict:
    """Register one report more in a project made at ``scale``: the corpus's next, the first copy that scale + 1
    would add (a full report: at 10x, 30x and 100x the first of a new city, at 1x a year more of Shenzhen). Its
    entry is returned."""
    pairs = synthetic_entries(_registry(ROOT), scale + 1)
    orig, copy = pairs[len(pairs) - len(BASE)]
    if any(e["id"] == copy["id"] for e in _registry(project)):
        raise SystemExit(f"bench/corpus.py: {copy['id']} is already registered in {project}")
    _write_copy(project, orig, copy)
    _save_registry(project, _registry(project) + [copy])
    return copy


def remove_report(project: Path, entry: dict) -> None:
    """Undo :func:`add_report`."""
    _save_registry(project, [e for e in _registry(project) if e["id"] != entry["id"]])
    (project / entry["file"]).unlink()
    (project / "data/translations/en" / f"{entry['id']}.po").unlink(missing_ok=True)


def cities(project: Path) -> list[str]:
    """City slugs of a project's registry, in registry order."""
    reports = yaml.safe_load((project / "data/reports.yml").read_text(encoding="utf-8"))["reports"]
    out: list[str] = []
    for e in reports:
        slug = e["id"].rsplit(f"-{e['year']}", 1)[0]
        if slug not in out:
            out.append(slug)
    return out


if __name__ == "__main__":
    import sys

    make_project(Path(sys.argv[1]), int(sys.argv[2]))
