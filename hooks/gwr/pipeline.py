"""Load the registry, read and parse every seed, assign ids, attach translations.

Independent of MkDocs: tests, the benchmark and ``python -m gwr`` call
:func:`load_site` directly; the hook calls it once per build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import translations
from .glossary import Matcher, Term, load_glossary, synonym_groups
from .glossary_pages import marker
from .ids import assign_ids, duplicate_ids
from .indicators import Catalogue, Figure, ScoreRow, extract, load_catalogue, scorecard
from .themes import Entry, Link, Theme, block_links, load_alignments, load_themes, plan_result_links, related, \
    sections_info, theme_entries
from .model import Document, ParseWarning
from .parser import ParseError, parse_report
from .registry import REGISTRY, RegistryError, load_registry, read_seed
from .render import Edition
from .search import load_terms


@dataclass
class Site:
    root: Path
    docs: list[Document]
    shas: dict[str, str]
    terms: list[str]
    translations: dict[str, translations.Translation] = field(default_factory=dict)
    """English translation of each report, by report id."""
    synonyms: list[list[str]] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    matcher: Matcher | None = None
    catalogue: Catalogue = field(default_factory=lambda: Catalogue([]))
    figures: list[Figure] = field(default_factory=list)
    """Every figure of every report (see gwr.indicators), in registry and reading order."""
    scores: list[ScoreRow] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    """Theme id -> its entries."""
    links: list[Link] = field(default_factory=list)
    """Plan <-> result links (curated sections, parts, paragraphs) and related sections."""
    by_report: dict[str, list[Figure]] = field(default_factory=dict)
    """Report id -> its figures (so that no report's pages scan every figure of the site)."""

    def edition(self, doc: Document, lang: str) -> Edition:
        mark = marker(self.matcher, lang) if self.matcher and self.glossary else Edition.mark
        ed = Edition(lang=lang, en=self.translations.get(doc.meta.id), mark=mark)
        ed.figs = figure_marks(self, doc, lang)
        return ed


def load_site(root: Path, registry: str = REGISTRY) -> Site:
    """Parse every registered report. Raises :class:`RegistryError` on fatal problems."""
    metas = load_registry(root, registry)
    docs, shas, warnings, trs = [], {}, [], {}
    for meta in metas:
        text, sha = read_seed(root, meta, registry)
        try:
            doc = parse_report(meta, text)
        except ParseError as exc:
            raise RegistryError(str(exc)) from exc
        assign_ids(doc)
        dupes = duplicate_ids(doc)
        if dupes:
            raise RegistryError(
                f"{meta.file}: the numbering repeats, so ids would collide ({', '.join(dupes[:3])}); "
                "check the part and section numbers in the text."
            )
        docs.append(doc)
        shas[meta.id] = sha
        warnings.extend(doc.warnings)
        trs[meta.id] = translations.load(root, doc, "en")
        if meta.fully_translated and trs[meta.id].coverage < 1:
            tr = trs[meta.id]
            todo = tr.fuzzy + tr.missing
            warnings.append(ParseWarning(
                tr.path, 1, f"{meta.id} is marked fully_translated but {len(todo)} entries are fuzzy or missing "
                f"(first: {', '.join(todo[:3])}); run `make translations`"))
    catalogue = load_catalogue(root)
    figures = [f for doc in docs for f in extract(doc, catalogue)]
    glossary = load_glossary(root)
    terms = sorted(set(load_terms(root)) | {t.zh for t in glossary}, key=lambda s: (-len(s), s))
    matcher = Matcher(glossary)
    themes = load_themes(root)
    for th in themes:
        unknown = [i for i in th.indicators if i not in catalogue.by_id]
        if unknown:
            raise RegistryError(f"data/themes.yml: theme {th.id} names unknown indicators: {', '.join(unknown)}")
    curated = load_alignments(root, docs)
    links = (plan_result_links(docs, curated) + block_links(docs, curated, matcher, themes)
             + related(sections_info(docs, matcher, themes)))
    by_report: dict[str, list[Figure]] = {}
    for f in figures:
        by_report.setdefault(f.report, []).append(f)
    return Site(root=root, docs=docs, shas=shas, terms=terms, translations=trs, warnings=warnings,
                synonyms=synonym_groups(glossary), glossary=glossary, matcher=matcher,
                catalogue=catalogue, figures=figures, scores=scorecard(figures, catalogue, docs),
                themes=themes, entries=theme_entries(themes, docs, trs), links=links, by_report=by_report)


def figure_marks(site: Site, doc: Document, lang: str) -> dict:
    """Catalogued figures of a report to mark in its text: ``{(node, field): [(start, end, indicator, title)]}``."""
    marks: dict = {}
    for f in site.by_report.get(doc.meta.id, ()):
        if not f.indicator:
            continue
        ind = site.catalogue.by_id[f.indicator]
        kind = {"actual": ("实绩", "result"), "target": ("目标", "target")}.get(f.kind or "", ("", ""))
        title = f"{ind.zh} · {f.year} · {kind[0]}" if lang == "zh" else f"{ind.en} · {f.year} · {kind[1]}"
        marks.setdefault((f.node, f.field), []).append((f.start, f.end, f.indicator, title, f))
    return marks


CURRENT: Site | None = None
"""The site of the build in progress, for the macros module (``hooks/site_macros.py``)."""

__all__ = ["Site", "load_site", "RegistryError", "CURRENT"]
