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


class Matcher:
    """Finds glossary terms in text, longest term first, without overlaps.

    Chinese terms are matched anywhere (``\\b`` means nothing inside Han text);
    English forms only as whole words, a plural ending allowed. One compiled
    alternation per language, longest alternatives first, so the regex engine's
    leftmost-first choice is the longest term at each position.
    """

    def __init__(self, terms: list[Term]):
        self.terms = terms
        self.by_zh = {t.zh: t for t in terms}
        self.by_form: dict[str, Term] = {}
        for t in terms:
            for form in t.english_forms():
                self.by_form.setdefault(form.lower(), t)
        zh = sorted(self.by_zh, key=len, reverse=True)
        en = sorted(self.by_form, key=len, reverse=True)
        self._zh = re.compile("|".join(map(re.escape, zh))) if zh else None
        self._en = (re.compile(r"(?<![A-Za-z0-9])(" + "|".join(map(re.escape, en)) + r")(?:e?s)?(?![A-Za-z0-9])", re.I)
                    if en else None)

    def find(self, text: str, lang: str) -> list[tuple[int, int, Term]]:
        """(start, end, term) of every term in ``text``."""
        if lang == "zh":
            if not self._zh:
                return []
            return [(m.start(), m.end(), self.by_zh[m.group(0)]) for m in self._zh.finditer(text)]
        if not self._en:
            return []
        return [(m.start(), m.end(), self.by_form[m.group(1).lower()]) for m in self._en.finditer(text)]

    def uses_rendering(self, term: Term, english: str) -> bool:
        low = english.lower()
        return any(re.search(r"(?<![a-z0-9])" + re.escape(f.lower()), low) for f in term.english_forms())
