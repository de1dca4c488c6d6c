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


_JOINERS = "'’-"


def _word_start(low: str, i: int) -> bool:
    """Whether a word of ``Matcher._WORD`` starts at ``i``: no letter or digit joined to it by ' ’ or -."""
    j = i - 1
    while j >= 0 and low[j] in _JOINERS:
        j -= 1
    return j < 0 or not ("a" <= low[j] <= "z" or "0" <= low[j] <= "9")


def _trie(words, tail=None) -> str:
    """A regular expression matching any of ``words``, longest first, shaped as a trie.

    ``tail(word)``, when given, is a pattern that must follow that word (tried after longer words)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = tail(w) if tail else ""

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        end = node.get("")
        if end:
            alts.append(end)
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end == "" else body

    return build(root)


def synonym_groups(terms: list[Term]) -> list[list[str]]:
    return [forms for forms in (t.english_forms() for t in terms) if len(forms) > 1]


class Matcher:
    """Finds glossary terms in text, longest term first, without overlaps.

    Chinese terms are matched anywhere (``\\b`` means nothing inside Han text), with one regular
    expression shaped as a trie of the terms (``前海(?:合作区)?``): the scan runs in ``re``'s C code,
    one branch per position, and finds the leftmost, then longest term, as the character loop it
    replaced did (a flat alternation of ~1,000 terms was 30x slower). English forms only as whole
    words, a plural ending allowed, by a trie of the forms too (those that open with a word).
    """

    _WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")

    def __init__(self, terms: list[Term]):
        self.terms = terms
        self.by_zh = {t.zh: t for t in terms}
        self._zh_rx = re.compile(_trie(self.by_zh)) if self.by_zh else None
        self.by_form: dict[str, Term] = {}
        for t in terms:
            for form in t.english_forms():
                self.by_form.setdefault(form.lower(), t)
        self._en_compiled: list = []

    @property
    def _en_rx(self):
        """All forms as one trie-shaped expression, each with its plural ending and word end: a form of one word
        must be the whole word (``ai`` is not in ``ai-driven``), a longer form must not run into a letter.
        Compiled when first needed (the Chinese edition never is)."""
        if not self._en_compiled:
            single, multi = r"(?:es|s)?(?![a-z0-9'’\-])(?![^\W_])", r"(?:es|s)?(?![^\W_])"
            tails = {f: single if self._WORD.fullmatch(f) else multi for f in self.by_form if self._WORD.match(f)}
            self._en_compiled.append(re.compile(r"(?<![a-z0-9])" + _trie(tails, tails.get)) if tails else None)
        return self._en_compiled[0]

    def find(self, text: str, lang: str) -> list[tuple[int, int, Term]]:
        """(start, end, term) of every term in ``text``."""
        return self._find_zh(text) if lang == "zh" else self._find_en(text)

    def _find_zh(self, text: str) -> list[tuple[int, int, Term]]:
        if self._zh_rx is None:
            return []
        by = self.by_zh
        return [(m.start(), m.end(), by[m.group()]) for m in self._zh_rx.finditer(text)]

    def _find_en(self, text: str) -> list[tuple[int, int, Term]]:
        if self._en_rx is None:
            return []
        low = text.lower()
        out, pos = [], 0
        for m in self._en_rx.finditer(low):
            i, end = m.span()
            if i < pos or not _word_start(low, i):
                continue
            found = m.group()
            form = found if found in self.by_form else found[:-2] if found.endswith("es") and found[:-2] in \
                self.by_form else found[:-1]
            out.append((i, end, self.by_form[form]))
            pos = end
        return out

    def uses_rendering(self, term: Term, english: str) -> bool:
        low = english.lower()
        return any(re.search(r"(?<![a-z0-9])" + re.escape(f.lower()), low) for f in term.english_forms())
