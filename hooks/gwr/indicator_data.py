"""The indicators' open data: every figure (``figures.csv``), the catalogued observations (``indicators.csv``,
``indicators.json``, one CSV per indicator) and the scorecards (``scorecard.csv``, ``scorecard.json``, one CSV per
year); the same bytes in both editions. CSV helpers shared with the compare tables' open data."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator

from .export import compact, json_joined
from .indicator_context import Context, dec, plain
from .scorecard_pages import rules_text, target_years, year_rows
from .indicators import Figure
from .scorecard import ScoreRow
from .shares import Keys, Share, Shares, report_keys

COLUMNS = ["report", "city", "year", "kind", "indicator", "name_zh", "name_en", "value", "unit", "comparator",
           "quote", "url", "qualifier", "aspirational", "value_base", "unit_base", "measure", "node", "url_en",
           "period", "basis", "value_high", "stretch", "printed", "rule"]
SCORE_COLUMNS = ["city", "year", "indicator", "name_zh", "name_en", "direction", "target_report", "target_value",
                 "target_unit", "target_comparator", "target_qualifier", "aspirational", "target_quote", "target_url",
                 "result_report", "result_value", "result_unit", "result_comparator", "result_quote", "result_url",
                 "status", "period", "basis", "target_value_high", "stretch", "target_printed", "rule",
                 "vs_indicator", "vs_value", "vs_url", "reviewer_report", "reason_zh", "reason_en"]
FIGURE_COLUMNS = ["report", "city", "year", "kind", "value", "unit", "comparator", "qualifier", "value_base",
                  "unit_base", "indicator", "quote", "node", "url", "url_en", "period", "basis", "value_high",
                  "printed"]


CSV_ROWS = 500
"""Rows of an open data file made at a time (see :func:`csv_parts`)."""


def csv_parts(rows: Iterable[list], columns: list[str]) -> Iterator[str]:
    """The CSV text of ``rows`` (a generator: no list of all the rows), :data:`CSV_ROWS` rows at a time: the largest
    files (every figure of the site) made whole took several times their size in memory at once (the text in the
    writer's buffer, its copy, its encoding)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for i, row in enumerate(rows, 1):
        w.writerow(row)
        if i % CSV_ROWS == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate(0)
    yield buf.getvalue()


def num(x: float) -> str:
    return plain(dec(x))


def observation_row(f: Figure, ctx: Context) -> dict:
    """A figure's row of the open data (made for each file it goes into: kept for the next, the rows of every
    figure of the site were held at once)."""
    ind = ctx.cat.by_id[f.indicator] if f.indicator else None
    rel = ctx.rel(f)
    return {
        "report": f.report, "city": f.city, "year": f.year, "kind": f.kind, "indicator": f.indicator,
        "name_zh": ind.zh if ind else None, "name_en": ind.en if ind else None, "value": f.value, "unit": f.unit,
        "comparator": f.comparator, "quote": f.quote, "url": ctx.urls.url(rel, "zh"), "qualifier": f.qualifier,
        "aspirational": f.aspirational, "value_base": num(f.base_value) if f.value else None,
        "unit_base": f.base_unit, "measure": f.measure, "node": f.node, "url_en": ctx.urls.url(rel, "en"),
        "period": f.period or None, "basis": f.basis, "value_high": f.value_high or None, "stretch": f.stretch,
        "printed": f.printed or None, "rule": f.rule or None,
    }


def cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _cells(figs: Iterable[Figure], ctx: Context, columns: list[str]) -> Iterator[list[str]]:
    """The CSV cells of ``figs``' rows."""
    return ([cell(r[c]) for c in columns] for r in map(observation_row, figs, itertools.repeat(ctx)))


def _rows_csv(figs: Iterable[Figure], ctx: Context, columns: list[str]) -> str:
    """The CSV rows of ``figs`` (no header)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(_cells(figs, ctx, columns))
    return buf.getvalue()


def _by_report(ctx: Context, keys: Keys | None, compute) -> Shares:
    """Each report's share of a file about every report: ``compute(its figures)``."""
    ids = list(ctx.docs)  # the registry's order, which is that of ctx.figures
    return Shares(report_keys(keys, ids), lambda i: compute(ctx.by_report.get(ids[i], ())))


def _groups(items: Iterable, report) -> Iterator[tuple[str, list]]:
    """``items`` (in the registry's order of their reports) a report's at a time."""
    for rid, group in itertools.groupby(items, key=report):
        yield rid, list(group)


def indicators_csv_parts(ctx: Context, indicator: str | None = None, keys: Keys | None = None,
                         by_indicator=None) -> Iterator:
    """An indicator's observations, or every catalogued figure's (a report's rows at a time, as shares of the
    file kept under ``keys``: :mod:`gwr.shares`). ``by_indicator(report)``: the report's figures by indicator."""
    yield from csv_parts((), COLUMNS)
    if indicator:
        by_indicator = by_indicator or _by_indicator(ctx)
        ids = list(ctx.docs)

        def rows(i: int) -> str:
            figs = by_indicator(ids[i]).get(indicator)
            return _rows_csv(figs, ctx, COLUMNS) if figs else ""

        yield Shares(report_keys(keys, ids), rows)
        return
    yield _by_report(ctx, keys, lambda figs: _rows_csv((f for f in figs if f.indicator), ctx, COLUMNS))


def _by_indicator(ctx: Context):
    """``report -> {indicator: its figures}``, made for a report when first asked (only the reports whose shares
    are made: grouping every figure of the site for each build cost more than copying the rest)."""
    made: dict[str, dict[str, list[Figure]]] = {}

    def of(report: str) -> dict[str, list[Figure]]:
        if report not in made:
            groups: dict[str, list[Figure]] = {}
            for f in ctx.by_report.get(report, ()):
                if f.indicator:
                    groups.setdefault(f.indicator, []).append(f)
            made[report] = groups
        return made[report]

    return of


def indicators_json_parts(ctx: Context, keys: Keys | None = None) -> Iterator:
    head = {
        "schema": "gwr-indicators/1",
        "columns": COLUMNS,
        "indicators": [{
            "id": i.id, "name": {"zh": i.zh, "en": i.en}, "category": i.category, "subjects": list(i.subjects),
            "share_of": list(i.share_of), "measure": i.measure, "unit": i.unit, "direction": i.direction,
            "headline": i.headline, "url": ctx.urls.both(f"indicators/{i.id}/"),
        } for i in ctx.cat.indicators],
    }
    return json_joined(head, "observations", [_by_report(ctx, keys, lambda figs: ",".join(
        compact(observation_row(f, ctx)) for f in figs if f.indicator))])


def figures_csv_parts(ctx: Context, keys: Keys | None = None) -> Iterator:
    """Every figure."""
    yield from csv_parts((), FIGURE_COLUMNS)
    yield _by_report(ctx, keys, lambda figs: _rows_csv(figs, ctx, FIGURE_COLUMNS))


def score_row(r: ScoreRow, ctx: Context) -> dict:
    f, res, other = r.target, r.result, r.other
    return {
        "city": f.city, "year": f.year, "indicator": r.indicator.id, "name_zh": r.indicator.zh,
        "name_en": r.indicator.en, "direction": r.indicator.direction, "target_report": f.report,
        "target_value": f.value or None, "target_unit": f.unit or None, "target_comparator": f.comparator or None,
        "target_qualifier": f.qualifier, "aspirational": f.aspirational, "target_quote": f.quote,
        "target_url": ctx.urls.url(ctx.rel(f)),
        "result_report": res.report if res else None, "result_value": res.value if res else None,
        "result_unit": res.unit if res else None, "result_comparator": res.comparator if res else None,
        "result_quote": res.quote if res else None, "result_url": ctx.urls.url(ctx.rel(res)) if res else None,
        "status": r.status, "period": f.period or None, "basis": f.basis, "target_value_high": f.value_high or None,
        "stretch": f.stretch, "target_printed": f.printed or None, "rule": f.rule or None,
        "vs_indicator": f.vs or None, "vs_value": other.value if other else None,
        "vs_url": ctx.urls.url(ctx.rel(other)) if other else None, "reviewer_report": r.reviewer,
        "reason_zh": ctx.reason(r, "zh") or None, "reason_en": ctx.reason(r, "en") or None,
    }


def _score_shares(ctx: Context, rows: Iterable[ScoreRow], keys: Keys | None, tag: str, text) -> Iterator[Share]:
    """The scorecard's rows a target report's at a time: a row depends on its city's reports (the result, the
    reviewer) and on the site's latest year (whether a target is due yet), which its share's key names."""
    for report, group in _groups(rows, _target_report):
        city = ctx.docs[report].meta.city
        yield Share(keys and f"{keys.city[city]} {keys.latest} {tag}{report}", lambda group=group: text(group))


def _target_report(r: ScoreRow) -> str:
    return r.target.report


def _score_csv(rows: list[ScoreRow], ctx: Context) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(_score_cells(r, ctx) for r in rows)
    return buf.getvalue()


def scorecard_csv_parts(ctx: Context, rows: list[ScoreRow] | None = None, keys: Keys | None = None,
                        tag: str = "") -> Iterator:
    """The scorecard (of ``rows``: every row of the site when not given)."""
    yield from csv_parts((), SCORE_COLUMNS)
    yield from _score_shares(ctx, ctx.rows if rows is None else rows, keys, tag, lambda g: _score_csv(g, ctx))


def _score_cells(r: ScoreRow, ctx: Context) -> list[str]:
    row = score_row(r, ctx)  # once a row (it was made again for each of its 33 columns)
    return [cell(row[c]) for c in SCORE_COLUMNS]


def scorecard_json_parts(ctx: Context, keys: Keys | None = None) -> Iterator:
    head = {"schema": "gwr-scorecard/1", "columns": SCORE_COLUMNS,
            "rules": {"zh": rules_text("zh"), "en": rules_text("en")}}
    return json_joined(head, "rows", _score_shares(ctx, ctx.rows, keys, "", lambda g: ",".join(
        compact(score_row(r, ctx)) for r in g)))


def data_files(ctx: Context, keys: Keys | None = None) -> Iterator[tuple[str, Iterator]]:
    """The indicators' open data (the same bytes in both editions), file by file: ``(name, text)``; a text is given
    piece by piece (an iterator of strings and shares), to be written as it comes. The files are made of each
    report's share (or, for the scorecards, each target report's rows), which the writer may copy from the
    previous build's file (:mod:`gwr.shares`)."""
    by_indicator = _by_indicator(ctx)
    for ind in ctx.cat.indicators:
        yield f"data/indicators/{ind.id}.csv", indicators_csv_parts(ctx, ind.id, keys, by_indicator)
    for y in target_years(ctx):
        single, period = year_rows(ctx, y)
        yield f"data/scorecards/{y}.csv", itertools.chain(
            scorecard_csv_parts(ctx, single, keys, "year "), _score_shares(
                ctx, period, keys, "period ", lambda g: _score_csv(g, ctx)))
    yield "data/indicators.csv", indicators_csv_parts(ctx, keys=keys)
    yield "data/indicators.json", indicators_json_parts(ctx, keys)
    yield "data/scorecard.csv", scorecard_csv_parts(ctx, keys=keys)
    yield "data/scorecard.json", scorecard_json_parts(ctx, keys)
    yield "data/figures.csv", figures_csv_parts(ctx, keys)
