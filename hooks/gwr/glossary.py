"""The glossary (``data/glossary.yml``): Chinese term, English rendering and variants.

Used by search today: Chinese terms are kept whole when a query must be split,
and an English rendering and its variants count as one search term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .registry import RegistryError, load_yaml

CATEGORIES = ("programme", "slogan", "concept", "place", "institution", "event", "measure", "indicator", "industry")
FILE = "data/glossary.yml"


@dataclass
class Term:
    id: str
    zh: str
    en: str
    category: str
    note_zh: str
    note_en: str
    variants: list[str] = field(default_factory=list)

    def english_forms(self) -> list[str]:
        """Rendering and variants, without a leading article or a trailing explanation in brackets."""
        forms = []
        for form in [self.en, *self.variants]:
            form = re.sub(r"\s*\([^)]*\)$", "", form.strip())
            form = re.sub(r"^the\s+", "", form, flags=re.I)
            if form and form.lower() not in (f.lower() for f in forms):
                forms.append(form)
        return forms


def load_glossary(root: Path) -> list[Term]:
    path = root / FILE
    if not path.is_file():
        return []
    data = load_yaml(path.read_text(encoding="utf-8"), typed=False) or {}
    terms, ids, zhs = [], set(), set()
    for i, entry in enumerate(data.get("terms") or []):
        where = f"{FILE}: terms[{i}]"
        missing = [k for k in ("id", "zh", "en", "category", "note_zh", "note_en") if not entry.get(k)]
        if missing:
            raise RegistryError(f"{where}: missing key '{missing[0]}'.")
        if entry["category"] not in CATEGORIES:
            raise RegistryError(f"{where}.category: unknown category {entry['category']!r}; expected one of "
                                f"{', '.join(CATEGORIES)}.")
        if entry["id"] in ids or entry["zh"] in zhs:
            raise RegistryError(f"{where}: duplicate term {entry['id']!r} / {entry['zh']!r}.")
        ids.add(entry["id"])
        zhs.add(entry["zh"])
        terms.append(Term(id=entry["id"], zh=str(entry["zh"]), en=str(entry["en"]), category=entry["category"],
                          note_zh=entry["note_zh"], note_en=entry["note_en"],
                          variants=[str(v) for v in entry.get("variants") or []]))
    return terms


def synonym_groups(terms: list[Term]) -> list[list[str]]:
    return [forms for forms in (t.english_forms() for t in terms) if len(forms) > 1]
