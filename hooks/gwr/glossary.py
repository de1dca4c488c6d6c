"""The glossary (``data/glossary.yml``): Chinese term, English rendering and variants.

Used by search today: Chinese terms are kept whole when a query must be split,
and an English rendering and its variants count as one search term.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .datafiles import Schema, Slug, Text, load

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


class TermEntry(Schema):
    """One term of ``data/glossary.yml``."""

    id: Slug
    zh: Text
    en: Text
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    note_zh: Text
    note_en: Text
    variants: list[Text] = []


class GlossaryFile(Schema):
    terms: list[TermEntry] = []


def load_glossary(root: Path) -> list[Term]:
    found = load(root, FILE, GlossaryFile)
    if found is None:
        return []
    data, file = found
    terms, ids, zhs = [], {}, {}
    for i, entry in enumerate(data.terms):
        for key, value, seen in (("id", entry.id, ids), ("zh", entry.zh, zhs)):
            if value in seen:
                file.fail(("terms", i, key), f"duplicate term {value!r} (also terms[{seen[value]}]); merge the two.")
            seen[value] = i
        terms.append(Term(id=entry.id, zh=entry.zh, en=entry.en, category=entry.category, note_zh=entry.note_zh,
                          note_en=entry.note_en, variants=list(entry.variants)))
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
    replaced did (a flat alternation of ~1,000 terms was 30x slower).
    English forms are matched as whole words, a plural ending allowed, and with
    their case respected (:meth:`case_fits`): "SMART" is not "smart", "the Bay Area"
    is not "a world-class bay area", and "industrial software" is not the
    "Shenzhen Industrial Software Park". A trie of the forms finds the positions where
    some form starts; there the candidates (indexed by their first word) are tried
    longest first, and the first whose case fits is the term.
    """

    _WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")

    def __init__(self, terms: list[Term]):
        self.terms = terms
        self.by_zh = {t.zh: t for t in terms}
        self._zh_rx = re.compile(_trie(self.by_zh)) if self.by_zh else None
        self.by_form: dict[str, Term] = {}
        self._cased: dict[str, list[tuple[str, Term]]] = {}
        """Lower-case form -> the forms as written (case kept), with their term."""
        for t in terms:
            for form in t.english_forms():
                self.by_form.setdefault(form.lower(), t)
            for form in _written_forms(t):
                pairs = self._cased.setdefault(form.lower(), [])
                if (form, t) not in pairs:
                    pairs.append((form, t))
        self._en: dict[str, list[str]] = {}
        for form in sorted(self._cased, key=len, reverse=True):
            first = self._WORD.match(form)
            if first:
                self._en.setdefault(first.group(0), []).append(form)
        self._en_compiled: list = []

    @property
    def _en_rx(self):
        """All forms as one trie-shaped expression, each with its plural ending and word end: a form of one word
        must be the whole word (``ai`` is not in ``ai-driven``), a longer form must not run into a letter.
        Compiled when first needed (both editions: a Chinese page carries its English), or by :meth:`prepare`."""
        if not self._en_compiled:
            # The ending every form takes (a plural, then no letter or digit) written once, after the trie; a form of
            # one word also asserts, where it ends, that no letter, digit, ' or - follows its plural. The same
            # positions as an ending written after every form, in an expression a third shorter (1,451 forms: 70,000
            # characters, compiled in 0.13 s, which a preview's first rebuild waited for), matched as fast.
            word_end = r"(?=(?:es|s)?(?![a-z0-9'’\-]))"
            tails = {f: word_end if self._WORD.fullmatch(f) else "" for f in self._cased if self._WORD.match(f)}
            self._en_compiled.append(re.compile(r"(?<![a-z0-9])(?:" + _trie(tails, tails.get) + r")(?:es|s)?(?![^\W_])")
                                     if tails else None)
        return self._en_compiled[0]

    def prepare(self) -> None:
        """Compile the English expression now rather than when first needed (see gwr_hook: a preview)."""
        self._en_rx  # noqa: B018

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
        while True:
            m = self._en_rx.search(low, pos)
            if m is None:
                break
            i = m.start()
            found = self._en_at(text, low, i) if _word_start(low, i) else None
            if found:
                out.append(found)
                pos = found[1]
            else:
                pos = i + 1
        return out

    def _en_at(self, text: str, low: str, i: int) -> tuple[int, int, Term] | None:
        """The longest form starting at ``i`` (a word start) whose case fits, as (start, end, term)."""
        first = self._WORD.match(low, i)
        if first is None:
            return None
        word = first.group(0)
        keys = [word]
        for suffix in ("es", "s"):
            if word.endswith(suffix):
                keys.append(word[: -len(suffix)])
        for form in (f for key in keys for f in self._en.get(key, ())):
            if not low.startswith(form, i):
                continue
            end = i + len(form)
            if low.startswith("es", end) and not low[end + 2 : end + 3].isalnum():
                end += 2
            elif low.startswith("s", end) and not low[end + 1 : end + 2].isalnum():
                end += 1
            if end < len(low) and (low[end].isalnum()):
                continue
            term = next((t for written, t in self._cased[form] if case_fits(written, text, i, end)), None)
            if term is not None:
                return (i, end, term)
        return None

    def uses_rendering(self, term: Term, english: str) -> bool:
        low = english.lower()
        return any(re.search(r"(?<![a-z0-9])" + re.escape(f.lower()), low) for f in term.english_forms())


def _written_forms(term: Term) -> list[str]:
    """Rendering and variants as written (case kept), without a leading article or a bracketed explanation."""
    forms = []
    for form in [term.en, *term.variants]:
        form = re.sub(r"\s*\([^)]*\)$", "", form.strip())
        form = re.sub(r"^the\s+", "", form, flags=re.I)
        if form and form not in forms:
            forms.append(form)
    return forms


_ALNUM = re.compile(r"[A-Za-z0-9]+")
_OPENERS = ".!?:;()“‘\"'—–"
"""After these (and spaces), or at the start of the text, a capital letter may start a sentence, item or quote."""


_CAPITAL_NEXT = re.compile(r"[ \-][A-Z]")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’]*)[ \-]$")
_POSSESSIVE = re.compile(r"['’]s$")


@functools.lru_cache(maxsize=None)
def _capitals(form: str) -> tuple[tuple[tuple[int, int, str], ...], bool]:
    """The words of capitals in a form (an acronym: SMART, AI), where they are, and whether all its words are."""
    words = [(m.start(), m.end(), m.group(0)) for m in _ALNUM.finditer(form)]
    capitals = tuple((a, b, w) for a, b, w in words if len(w) >= 2 and w.isupper())
    return capitals, len(capitals) == len(words)


def case_fits(form: str, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, which equals ``form`` but for case (and a plural ending), is that term.

    * A word of capitals in the form (an acronym: SMART, AI, GBA) must be written so.
    * A form that starts with a capital (a name: the Bay Area) must start with one in the text.
    * Text written with capitals, next to another capitalised word, is part of a longer name: "Shenzhen Hetao
      College" is not Hetao, "Antuoshan Digital Energy" is not digital energy. A capital that only starts a
      sentence does not count ("In Qianhai, …"), nor does "The" or a possessive. Acronyms are exempt ("ASEAN
      Industrial Park"). A name that includes a place (Shenzhen Bao'an Airport) is linked when the glossary lists
      it as a variant.
    """
    seg = text[start:start + len(form)]
    capitals, acronym = _capitals(form)
    for a, b, w in capitals:
        if seg[a:b] != w:
            return False
    if form[0].isupper() and not seg[0].isupper():
        return False
    if acronym or seg.islower() or not any(c.isupper() for c in seg):
        return True
    if _CAPITAL_NEXT.match(text, end, end + 2):
        return False
    prev = _WORD_BEFORE.search(text[max(0, start - 40):start])
    # an article or a possessive ("The Chinese University …", "Shenzhen's 15th Five-Year Plan") is not part of a name
    if prev and prev.group(1)[0].isupper() and prev.group(1) != "The" and not _POSSESSIVE.search(prev.group(1)):
        before = text[:start - len(prev.group(0))].rstrip()
        return not before or before[-1] in _OPENERS
    return True
