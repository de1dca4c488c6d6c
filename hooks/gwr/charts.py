"""Year-by-year SVG charts of an indicator in a city, drawn at build time: no script, no external resource."""

from __future__ import annotations

from decimal import Decimal

from .glossary_pages import _node_label
from .indicator_context import EN_UNITS, Context, dec, figure_text, magnitude, plain
from .catalogue import MAGNITUDE, Indicator
from .indicators import Figure
from .markup import attr, esc, ROOT_HREF

def _scale(fs: list[Figure]) -> tuple[Decimal, str]:
    """A common display unit for a chart: that of the most recent figure (万亿元, %, 万人次 …)."""
    f = max(fs, key=lambda f: (f.year or 0, f.kind == "actual"))
    mag = magnitude(f)
    size = Decimal(MAGNITUDE.get(mag, 1))
    return size, mag + f.base_unit


def _en_scale(fs: list[Figure]) -> tuple[Decimal, str]:
    """The English display unit of a chart: the English magnitude (trillion, billion, million, thousand) of the
    largest value, as the tables write it (223.66 billion yuan, not 2,236.6 "100 million yuan")."""
    top = max(abs(dec(f.base_value)) for f in fs)
    unit = EN_UNITS.get(fs[0].base_unit, "") or fs[0].base_unit
    if unit in ("%", "‰"):
        return Decimal(1), unit
    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**4, "thousand")):
        if top >= size:
            size = Decimal(10**3) if word == "thousand" else Decimal(size)
            return size, f"{word} {unit}".strip()
    return Decimal(1), unit


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    """Round tick values from at or below ``lo`` to at or above ``hi``: the axis always holds every value."""
    import math

    if hi <= lo:
        hi = lo + (abs(lo) or 1.0)
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw * (1 - 1e-9))
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(k * step, 10) for k in range(first, last + 1)]


CHART = {"min_width": 360, "year": 84, "left": 64, "right": 16, "top": 24, "bottom": 36, "height": 260, "pad": 14,
         "offset": 15, "hit": 28}
"""Chart geometry in SVG units. Each year gets ``year`` units, so a chart of many years is wider rather than
denser; the SVG is never drawn below 90% of its size (it scrolls sideways in its figure instead), so a point's
``hit`` area stays at least 24 CSS px. Values are mapped ``pad`` units inside the frame, so no mark crosses it."""


def chart_svg(ctx: Context, ind: Indicator, fs: list[Figure]) -> str:
    """A year-by-year chart, drawn at build time: no script, no external resource.

    The plot frame (``rect.gwr-frame``) holds every point: the axis runs from the lowest to the highest value
    (zero included). Each point is a link to its source paragraph with its own accessible name; axis labels are
    hidden from screen readers (the table above the chart states the same values).
    """
    pts = [f for f in fs if f.year is not None and f.kind in ("actual", "target")]
    if not pts:
        return ""
    g = CHART
    size, unit = _scale(pts) if ctx.lang == "zh" else _en_scale(pts)
    years = sorted({f.year for f in pts})
    value = {id(f): float(dec(f.base_value) / size) for f in pts}
    ticks = _ticks(min(0.0, *value.values()), max(0.0, *value.values()))
    lo, hi = ticks[0], ticks[-1]
    W = max(g["min_width"], g["left"] + g["right"] + g["year"] * len(years))
    H, L, R, TOP, B, PAD = g["height"], g["left"], g["right"], g["top"], g["bottom"], g["pad"]
    xw = (W - L - R) / len(years)
    x = lambda y: L + xw * (years.index(y) + 0.5)  # noqa: E731
    yv = lambda v: TOP + PAD + (H - TOP - B - 2 * PAD) * (1 - (v - lo) / (hi - lo))  # noqa: E731
    name = ind.name(ctx.lang)
    title_id = f"chart-{ind.id}-{pts[0].city}"
    label = f"{name} ({unit})"
    parts = [f'<figure class="gwr-chart"><svg viewBox="0 0 {W} {H}" width="{W}" height="{H}" '
             f'style="min-width:{W * 0.9:.0f}px;max-width:{W * 1.3:.0f}px" role="group" '
             f'aria-labelledby="{attr(title_id)}" xmlns="http://www.w3.org/2000/svg">'
             f'<title id="{attr(title_id)}">{esc(label)}</title>',
             f'<rect class="gwr-frame" x="{L}" y="{TOP}" width="{W - L - R}" height="{H - TOP - B}"/>',
             '<g aria-hidden="true">']
    for tk in ticks:
        ty = yv(tk)
        parts.append(f'<line class="gwr-grid" x1="{L}" x2="{W - R}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
                     f'<text class="gwr-tick" x="{L - 6}" y="{ty + 4:.1f}" text-anchor="end">{plain(dec(tk))}</text>')
    for y in years:
        parts.append(f'<text class="gwr-tick" x="{x(y):.1f}" y="{H - B + 20}" text-anchor="middle">{y}</text>')
    parts.append(f'<text class="gwr-tick" x="4" y="14">{esc(unit)}</text>')
    off = {"target": -g["offset"], "actual": g["offset"]}  # a year's target and result side by side
    coords = {kind: [(x(f.year) + off[kind], yv(value[id(f)]), f)
                     for f in sorted((f for f in pts if f.kind == kind), key=lambda f: f.year)]
              for kind in ("target", "actual")}
    for kind, cs in coords.items():
        if len(cs) > 1:
            path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy, _ in cs)
            parts.append(f'<polyline class="gwr-line-{kind}" points="{path}"/>')
    parts.append("</g>")
    hit = g["hit"]
    for kind, cs in coords.items():
        for cx, cy, f in cs:
            shape = (f'<circle class="gwr-pt gwr-pt-actual" cx="{cx:.1f}" cy="{cy:.1f}" r="6"/>' if kind == "actual"
                     else f'<rect class="gwr-pt gwr-pt-target" x="{cx - 6:.1f}" y="{cy - 6:.1f}" width="12" height="12"/>')
            # the value above the point, or below it when the point is near the top of the frame
            ty = cy - 11 if cy - 11 - 11 >= TOP else cy + 20
            where = _node_label(ctx.docs[f.report], f.node, ctx.lang)
            name_pt = f"{f.year} {ctx.t(kind)} {figure_text(f, ctx.lang)} · {where}"
            parts.append(
                f'<a class="gwr-pt-link" href="{ROOT_HREF}{attr(ctx.rel(f))}" aria-label="{attr(name_pt)}">'
                f'<title>{esc(name_pt)}</title>'
                f'<rect class="gwr-hit" x="{cx - hit / 2:.1f}" y="{cy - hit / 2:.1f}" width="{hit}" height="{hit}"/>'
                f'{shape}<text class="gwr-val" x="{cx:.1f}" y="{ty:.1f}" text-anchor="middle" aria-hidden="true">'
                f'{plain(dec(f.base_value) / size)}</text></a>')
    parts.append("</svg>")
    parts.append(f'<figcaption>{esc(ctx.t("chart_caption", name=name))}</figcaption></figure>\n')
    return "".join(parts)
