"""What a reader meets, checked in headless Chromium on the built site (issue 11).

Every page type, in both languages, on a phone (360 px) and on a desktop (1280 px):

* no page scrolls sideways, and nothing is cut off at the right edge;
* every chart point is inside its chart's frame, and each chart shows every statement of its table;
* the header title is readable (the site name not cut, nothing over it);
* axe-core (vendored, ``tests/vendor``) reports no serious or critical violation, with WCAG 2.2's target-size
  rule switched on; our own controls are at least 24 x 24 px;
* no request fails, no page fetches the whole glossary, the English edition loads the root's assets.

Then the interactions: glossary explanations on hover, focus and tap; English term links at word boundaries
and in their case; search results announced to screen readers; the reading view on every bilingual page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import require_chromium

require_chromium()

AXE_VERSION = "4.14.1"
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
assert AXE.startswith(f"/*! axe v{AXE_VERSION}"), "tests/vendor/axe.min.js is not the pinned axe-core version"

PAGE_TYPES = {
    "home": "",
    "report": "shenzhen/2025/",
    "part": "shenzhen/2025/part-2/",
    "summary part (list items)": "shenzhen/2026-summary/part-1/",
    "figures": "shenzhen/2025/figures/",
    "indicators": "indicators/",
    "indicator": "indicators/gdp/",
    "scorecards": "scorecards/",
    "scorecard": "scorecards/2025/",
    "themes": "themes/",
    "theme": "themes/artificial-intelligence/",
    "timeline": "timeline/",
    "glossary": "glossary/",
    "sources": "sources/",
    "citing": "citing/",
    "data": "data/",
    "not found": "no/such/page/",
}
EDITIONS = {"zh": "", "en": "en/"}
WIDTHS = (360, 1280)

MEASURE = r"""() => {
  const vw = document.documentElement.clientWidth;
  const desc = e => {
    const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '';
    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + cls + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
  };
  const shown = e => {
    const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none' && cs.opacity !== '0';
  };
  const scroller = e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll') return a;
    }
    return null;
  };
  // 1. nothing beyond the right edge (except inside a scrolling box that itself fits)
  const cut = [];
  for (const e of document.querySelectorAll('.md-header__inner *, article *')) {
    const r = e.getBoundingClientRect();
    if (r.width <= 1 || r.right <= vw + 1) continue;
    const s = scroller(e);
    if (s && s.getBoundingClientRect().right <= vw + 1) continue;
    cut.push(desc(e) + ' right=' + Math.round(r.right));
  }
  // 2. charts: points inside the frame, labels inside the chart, one point per statement in the table above
  const inside = (q, b) => q.left >= b.left - 0.5 && q.right <= b.right + 0.5 && q.top >= b.top - 0.5 && q.bottom <= b.bottom + 0.5;
  const charts = [...document.querySelectorAll('.gwr-chart svg')].map(svg => {
    const frame = svg.querySelector('.gwr-frame');
    const f = (frame || svg).getBoundingClientRect(), s = svg.getBoundingClientRect();
    const pts = [...svg.querySelectorAll('.gwr-pt')];
    let table = svg.closest('figure').previousElementSibling;
    while (table && table.tagName !== 'TABLE') table = table.previousElementSibling;
    const stated = table ? table.querySelectorAll('tbody td:nth-child(2) a:not(.gwr-words), tbody td:nth-child(3) a:not(.gwr-words)').length : -1;
    return {frame: !!frame, points: pts.length, stated: stated,
            outside: pts.filter(p => !inside(p.getBoundingClientRect(), f)).map(p => p.parentNode.getAttribute('aria-label')),
            labels_outside: [...svg.querySelectorAll('text')].filter(t => !inside(t.getBoundingClientRect(), s)).map(t => t.textContent)};
  });
  // 3. the header title
  const title = document.querySelector('.md-header__title');
  const topic = title.querySelector('.md-header__topic .md-ellipsis');
  const tr = title.getBoundingClientRect();
  const over = [...document.querySelectorAll('.md-header__inner > *')].filter(e => e !== title && shown(e))
    .filter(e => { const r = e.getBoundingClientRect(); return r.left < tr.right - 1 && r.right > tr.left + 1; })
    .map(desc);
  const name = [...topic.querySelectorAll('span')].filter(shown).map(e => e.textContent.trim()).join('') || topic.textContent.trim();
  const header = {width: Math.round(tr.width), fits: topic.scrollWidth <= topic.clientWidth + 1, name: name, over: over};
  // 4. our controls: at least 24 x 24 CSS px
  const small = [];
  const controls = 'a.gwr-pn, a.headerlink, .gwr-views button, .gwr-chart a, .md-header__button, .gwr-search__input, .md-top';
  for (const e of document.querySelectorAll(controls)) {
    const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
    if (r.width === 0 || cs.display === 'none' || cs.visibility === 'hidden') continue;
    if (r.width < 23.5 || r.height < 23.5) small.push(desc(e) + ' ' + r.width.toFixed(1) + 'x' + r.height.toFixed(1));
  }
  return {lang: document.documentElement.lang, scroll: [document.documentElement.scrollWidth, document.body.scrollWidth, vw],
          cut: cut, charts: charts, header: header, small: small};
}"""


AXE_RULES = {
    1280: {"target-size": {"enabled": True}},
    # colours do not change with the width, and colour contrast is most of axe's time: checked at 1280 only
    360: {"target-size": {"enabled": True}, "color-contrast": {"enabled": False}},
}


def _visit(pg, url: str, axe: dict | None) -> dict:
    failed: list[str] = []
    handler = lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 and r.url != url else None  # noqa: E731
    requests: list[str] = []
    record = lambda r: requests.append(r.url)  # noqa: E731
    pg.on("response", handler)
    pg.on("request", record)
    pg.goto(url)
    pg.wait_for_load_state("load")
    data = pg.evaluate(MEASURE)
    if axe is not None:
        pg.add_script_tag(content=AXE)
        result = pg.evaluate("rules => axe.run(document, {resultTypes: ['violations'], rules: rules})", axe)
        data["axe"] = [f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['nodes'][0]['target']} "
                       f"{v['nodes'][0]['failureSummary'][:200]!r}"
                       for v in result["violations"] if v["impact"] in ("serious", "critical")]
    pg.remove_listener("response", handler)
    pg.remove_listener("request", record)
    data["failed"] = failed
    data["requests"] = requests
    return data


@pytest.fixture(scope="module")
def survey(browser, server) -> dict:
    """Every page type in both editions at both widths, measured once: {(width, edition, type): data}."""
    out = {}
    for width in WIDTHS:
        ctx = browser.new_context(viewport={"width": width, "height": 800})
        pg = ctx.new_page()
        for ed, prefix in EDITIONS.items():
            for kind, path in PAGE_TYPES.items():
                if kind == "not found" and ed != "zh":
                    path = "404.html"  # a host serves the root's 404 page (zh, with an English line) everywhere
                out[(width, ed, kind)] = _visit(pg, server + prefix + path, axe=AXE_RULES[width])
        ctx.close()
    return out


def _offenders(survey: dict, key: str) -> list[str]:
    return [f"{w}px {ed} {kind}: {item}" for (w, ed, kind), d in survey.items() for item in d[key]]


def test_pages_are_in_their_language(survey):
    wrong = [f"{w}px {ed} {kind}: lang={d['lang']}" for (w, ed, kind), d in survey.items() if d["lang"] != ed]
    assert wrong == []


def test_no_page_scrolls_sideways_or_is_cut_off(survey):
    wide = [f"{w}px {ed} {kind}: scrollWidth {d['scroll']}" for (w, ed, kind), d in survey.items()
            if max(d["scroll"][:2]) > d["scroll"][2]]
    assert wide == []
    assert _offenders(survey, "cut") == []


def test_axe_finds_no_serious_or_critical_violation(survey):
    assert _offenders(survey, "axe") == []


def test_controls_are_at_least_24_px(survey):
    assert _offenders(survey, "small") == []


def test_header_title_is_readable(survey):
    bad = []
    for (w, ed, kind), d in survey.items():
        h = d["header"]
        if h["width"] < 150 or not h["fits"] or len(h["name"]) < 4 or h["over"]:
            bad.append(f"{w}px {ed} {kind}: {h}")
    assert bad == []


def test_no_request_fails_and_editions_share_assets(survey, site):
    assert _offenders(survey, "failed") == []
    own = [f"{w}px {ed} {kind}: {u}" for (w, ed, kind), d in survey.items() for u in d["requests"]
           if "/en/assets/" in u or u.endswith("/glossary.json")]
    assert own == []
    assert not (site / "en" / "assets").exists()


def test_the_not_found_page_speaks_the_readers_language(browser, server):
    pg = browser.new_page()
    pg.goto(server + "no/such/page/")
    assert pg.locator("h1").inner_text() == "页面不存在"
    assert pg.evaluate("document.documentElement.lang") == "zh"
    pg.goto(server + "en/404.html")
    assert pg.locator("h1").inner_text() == "Page not found"
    pg.close()


# --- charts on every indicator page -------------------------------------------------------------

def test_every_chart_point_is_inside_its_frame(browser, server, site):
    """All indicator pages, both editions, on a phone; the survey covers the desktop width."""
    # the charts are on each city's indicator pages (/<city>/indicators/<id>/)
    pages = sorted(f"{p.parent.parent.parent.name}/indicators/{p.parent.name}"
                   for p in site.glob("*/indicators/*/index.html"))
    assert len(pages) >= 50
    ctx = browser.new_context(viewport={"width": 360, "height": 800})
    pg = ctx.new_page()
    bad, n_charts, n_points = [], 0, 0
    for ed, prefix in EDITIONS.items():
        for name in pages:
            pg.goto(f"{server}{prefix}{name}/")
            for c in pg.evaluate(MEASURE)["charts"]:
                n_charts += 1
                n_points += c["points"]
                if not c["frame"] or c["outside"] or c["labels_outside"] or c["points"] != c["stated"] or not c["points"]:
                    bad.append(f"{ed} {name}: {c}")
    ctx.close()
    print(f"\ncharts: {n_charts}, points: {n_points}, outside their frame: {len(bad)} charts")
    assert n_charts >= 100 and bad == []


# --- glossary explanations ----------------------------------------------------------------------

TERM = {"zh": ("shenzhen/2025/part-2/", "#part_2__sec_6__para_2 .gwr-zh a.gwr-term", "Qianhai"),
        "en": ("en/shenzhen/2025/part-2/", "#part_2__sec_6__para_2 .gwr-en a.gwr-term", "前海")}


@pytest.mark.parametrize("ed", ["zh", "en"])
def test_glossary_explanations_show_on_hover_focus_and_tap(browser, server, ed):
    path, selector, rendering = TERM[ed]
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = ctx.new_page()
    pg.goto(server + path)
    tip = pg.locator("#gwr-tip")
    term = pg.locator(selector).first
    href = term.get_attribute("href")
    term.hover()  # the explanations are fetched (glossary/<category>/tips.json) if the page has not done so yet
    assert shown(tip) and rendering in tip.inner_text()
    assert tip.get_attribute("role") == "tooltip" and term.get_attribute("aria-describedby") == "gwr-tip"
    tip.hover()  # the explanation can be moved onto and read (WCAG 1.4.13)
    pg.wait_for_timeout(400)
    assert tip.is_visible()
    pg.mouse.move(1, 1)
    pg.wait_for_timeout(500)
    assert not tip.is_visible() and term.get_attribute("aria-describedby") is None
    term.focus()  # keyboard
    assert shown(tip) and term.get_attribute("aria-describedby") == "gwr-tip"
    pg.keyboard.press("Escape")
    assert not tip.is_visible()
    assert "title" not in term.evaluate("e => e.getAttributeNames()")  # no browser title text
    other = pg.locator(selector).nth(1)
    other.hover()  # the mouse again, after the keyboard
    assert shown(tip)
    ctx.close()

    ctx = browser.new_context(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    pg = ctx.new_page()
    pg.goto(server + path)
    tip = pg.locator("#gwr-tip")
    term = pg.locator(selector).first
    term.scroll_into_view_if_needed()
    term.tap()  # first tap: the explanation, the page stays
    assert shown(tip) and rendering in tip.inner_text()
    assert pg.url == server + path
    box, vw = tip.bounding_box(), 360
    assert box["x"] >= 0 and box["x"] + box["width"] <= vw
    term.tap()  # second tap: the glossary entry
    pg.wait_for_url("**" + href.split("/glossary/")[1])
    assert "/glossary/" in pg.url
    ctx.close()


def shown(tip) -> bool:
    """The tooltip shows (its data may still be on its way: at most a few seconds)."""
    tip.wait_for(state="visible", timeout=5000)
    return True


def test_pages_carry_no_term_data_and_mark_their_terms_from_files(site, browser, server):
    """A report page's HTML holds its text: no tooltip data and no term links inline. Its terms are marked from
    the script beside it (terms.js) into the same links, each to a glossary entry, and the explanations come from
    the category's file (glossary/<category>/tips.json), which holds every term marked; no page loads
    data/glossary.json. Without JavaScript the text is the same, without the links."""
    glossary = {t["id"]: t for t in json.loads((site / "data/glossary.json").read_text(encoding="utf-8"))["terms"]}
    pg = browser.new_page()
    fetched: list[str] = []
    pg.on("request", lambda r: fetched.append(r.url))
    n = 0
    for ed, prefix in EDITIONS.items():
        for path in ("shenzhen/2025/part-1/", "shenzhen/2025/part-2/", "shenzhen/2026-summary/part-1/"):
            raw = (site / prefix / path / "index.html").read_text(encoding="utf-8")
            assert 'id="gwr-terms"' not in raw and 'class="gwr-term"' not in raw, path
            assert (site / prefix / path / "terms.js").is_file(), path
            pg.goto(server + prefix + path)
            links = pg.evaluate("[...document.querySelectorAll('a.gwr-term')].map(a => [a.href, a.textContent])")
            assert len(links) > 20, path
            for href, text in links:
                folder, tid = href.split("#term-")
                cat = folder.rstrip("/").rsplit("/", 1)[1]
                assert glossary[tid]["category"] == cat and text, (path, href)
                tips = json.loads((site / prefix / "glossary" / cat / "tips.json").read_text(encoding="utf-8"))
                t = glossary[tid]
                assert tips[tid] == ([t["en"], t["note"]["zh"]] if ed == "zh" else [t["zh"], t["note"]["en"]])
                n += 1
            # the text is the page's: marking added links, not text
            text = pg.evaluate("document.querySelector('article').textContent")
            pg.set_content(raw)  # the same HTML, its scripts not loaded
            assert pg.evaluate("document.querySelector('article').textContent") == text, path
    pg.close()
    assert not [u for u in fetched if u.endswith("data/glossary.json")]
    assert any(u.endswith("/tips.json") for u in fetched)
    print(f"\n{n} term links marked on 6 pages")


# --- English term links -------------------------------------------------------------------------

def test_english_term_links_respect_word_boundaries_and_case(browser, server, site):
    terms = json.loads((site / "data/glossary.json").read_text(encoding="utf-8"))["terms"]
    forms = {t["id"]: [re.sub(r"^the\s+|\s*\([^)]*\)$", "", f.strip(), flags=re.I) for f in [t["en"], *t["variants"]]]
             for t in terms}

    def written_as_some_form(text: str, tid: str) -> bool:
        """The link text is a form of its term, with each acronym (SMART, AI) in capitals."""
        for f in forms[tid]:
            if not text.lower().startswith(f.lower()):
                continue
            if all(text[m.start():m.end()] == m.group(0) for m in re.finditer(r"\b[A-Z][A-Z0-9]+\b", f)):
                return True
        return False

    pages = [p.relative_to(site).parent.as_posix() + "/" for p in sorted((site / "en/shenzhen").glob("*/part-*/index.html"))]
    pages += [p.relative_to(site).parent.as_posix() + "/" for p in sorted((site / "en/shenzhen").glob("*/index.html"))]
    pg = browser.new_page()
    bad, n = [], 0
    for path in pages:
        pg.goto(server + path)
        links = pg.evaluate(r"""() => [...document.querySelectorAll('.gwr-en a.gwr-term')].map(a => {
            const before = a.previousSibling ? a.previousSibling.textContent.slice(-1) : '';
            const after = a.nextSibling ? a.nextSibling.textContent.slice(0, 1) : '';
            return [a.textContent, before, after, a.getAttribute('href').split('#term-')[1]];
        })""")
        for text, before, after, tid in links:
            n += 1
            if re.match(r"\w", before) or re.match(r"\w", after):
                bad.append(f"{path}: '{before}[{text}]{after}' (inside a word)")
            if not written_as_some_form(text, tid):
                bad.append(f"{path}: '{text}' is not written as a form of {tid}")
            if tid == "shenzhen-medical-academy-of-research-and-translation" and "SMART" not in text and "Medical" not in text:
                bad.append(f"{path}: '{text}' linked to {tid}")
    pg.close()
    assert n > 300 and bad == []


# --- search, for screen readers -----------------------------------------------------------------

@pytest.mark.parametrize("ed, query", [("zh", "低空经济"), ("en", "low-altitude economy")])
def test_search_results_and_selection_are_announced(browser, server, ed, query):
    pg = browser.new_page()
    pg.goto(server + EDITIONS[ed])
    box = pg.locator(".gwr-search__input")
    box.click()
    box.fill(query)
    pg.wait_for_selector(".gwr-search__results li a")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "true"
    listbox = pg.locator("#" + box.get_attribute("aria-controls") + " [role=listbox]")
    assert listbox.count() == 1
    first = box.get_attribute("aria-activedescendant")
    assert pg.locator("#" + first).get_attribute("aria-selected") == "true"
    box.press("ArrowDown")
    second = box.get_attribute("aria-activedescendant")
    assert second != first and pg.locator("#" + second).get_attribute("role") == "option"
    assert pg.locator("#" + second).get_attribute("aria-selected") == "true"
    assert pg.locator("#" + first).get_attribute("aria-selected") == "false"
    status = pg.locator(".gwr-search [role=status]")
    assert re.search(r"\d", status.inner_text())  # "12 results" / "共 12 条结果", said once
    pg.add_script_tag(content=AXE)
    result = pg.evaluate("axe.run('.gwr-search', {resultTypes: ['violations']})")
    assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == []
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    pg.close()


# --- reading views ------------------------------------------------------------------------------

def test_reading_view_switch_on_every_bilingual_page(browser, server):
    pg = browser.new_page()
    for ed, prefix in EDITIONS.items():
        for path in ("shenzhen/2025/", "shenzhen/2025/part-1/", "shenzhen/themes/hetao/"):
            pg.goto(server + prefix + path)
            assert pg.locator(".gwr-views button").count() == 3, prefix + path
        for path in ("glossary/", "indicators/gdp/"):  # one language only: no switch
            pg.goto(server + prefix + path)
            assert pg.locator(".gwr-views").count() == 0, prefix + path
    pg.goto(server + "en/shenzhen/2025/part-1/")
    pg.click(".gwr-views button[data-gwr-view=zh]")
    assert pg.locator("h1").inner_text().startswith("一、")  # the title and headings follow the view
    assert pg.locator("#part_1__sec_1").inner_text().startswith("（一）")
    pg.goto(server + "en/shenzhen/themes/hetao/")  # the choice holds on the next bilingual page
    assert pg.locator("ul.gwr-timeline .gwr-zh").first.is_visible()
    assert not pg.locator("ul.gwr-timeline .gwr-en").first.is_visible()
    pg.click(".gwr-views button[data-gwr-view=en]")
    pg.goto(server + "en/shenzhen/2025/part-1/")
    assert pg.locator("h1").inner_text().startswith("I. ")
    pg.close()


def test_theme_timeline_loads_its_other_language_on_demand(site, browser, server):
    """A city's theme timeline carries its excerpts in the page's language only (twenty years of them in both
    languages made it over 150 KB). The parallel view loads the other language from the script beside the page:
    each translated entry then shows the other edition's excerpt, with its one link to its paragraph, the same
    paragraph as in the other edition."""
    path = "shenzhen/themes/ecology-and-green-transition/"
    seen: dict[str, dict[str, tuple[str, str]]] = {}
    pg = browser.new_page()
    for ed, prefix in EDITIONS.items():
        other = "en" if ed == "zh" else "zh"
        raw = (site / prefix / path / "index.html").read_text(encoding="utf-8")
        entries = re.findall(r'<li id="(e\d+)">(.*?)</li>', raw)
        assert len(entries) > 10 and not [i for i, body in entries if f"gwr-{other}" in body], path
        assert (site / prefix / path / f"{other}.js").is_file()
        pg.goto(server + prefix + path)
        assert pg.locator(f"ul.gwr-timeline .gwr-{other}").count() == 0  # not loaded in the page's own view
        read = """o => [...document.querySelectorAll('ul.gwr-timeline li[id]')].map(li => [li.id,
            [...li.querySelectorAll(':scope > .gwr-' + o)].map(s => s.textContent).join('|'),
            [...li.querySelectorAll('a')].map(a => a.href.replace('/en/', '/')).join('|')])"""
        own = pg.evaluate(read, ed)
        pg.click(".gwr-views button[data-gwr-view=both]")
        pg.wait_for_function("document.documentElement.getAttribute('data-gwr-other') === 'loaded'")
        loaded = pg.evaluate(read, other)
        assert [e[0] for e in own] == [e[0] for e in loaded] == [i for i, _ in entries]
        assert all(text and href for _, text, href in own + loaded)
        assert pg.locator(f"ul.gwr-timeline li[id] .gwr-{other}").first.is_visible()
        seen[ed] = {i: (text, href) for i, text, href in own}
        seen[ed + "+" + other] = {i: (text, href) for i, text, href in loaded}
        pg.click(f".gwr-views button[data-gwr-view={ed}]")
    pg.close()
    # the excerpt loaded into a page is the one the other edition's page carries, with the same link
    assert seen["zh+en"] == seen["en"] and seen["en+zh"] == seen["zh"]
    assert any("河" in t or "生态" in t for t, _ in seen["en+zh"].values())


def test_figure_titles_come_from_the_script_beside_the_page(site, browser, server):
    """A figure's link to its indicator has its title (indicator · year · kind) from terms.js, not in the HTML."""
    pg = browser.new_page()
    for ed, prefix in EDITIONS.items():
        path = "shenzhen/2025/part-1/"
        raw = (site / prefix / path / "index.html").read_text(encoding="utf-8")
        assert 'href="../../../indicators/gdp/"' in raw and 'class="gwr-fig" href="../../../indicators/gdp/" title=' \
            not in raw
        pg.goto(server + prefix + path)
        titles = pg.evaluate("[...document.querySelectorAll('#part_1__para_2 a.gwr-fig')].map(a => [a.href, a.title])")
        assert titles and all(t for _, t in titles), titles
        gdp = [t for h, t in titles if h.endswith("/indicators/gdp/")]
        assert gdp == (["地区生产总值 · 2024 · 实绩"] if ed == "zh" else ["Gross domestic product (GDP) · 2024 · result"])
    pg.close()


# --- smaller layout points ----------------------------------------------------------------------

def test_small_layout_points(browser, server):
    pg = browser.new_page(viewport={"width": 360, "height": 800})
    pg.goto(server)  # the city names in the home table stay on one line
    lines = pg.evaluate("[...document.querySelectorAll('table.gwr-reports th')].map(th => {"
                        " const r = document.createRange(); r.selectNodeContents(th); return r.getClientRects().length; })")
    assert lines and set(lines) == {1}, lines
    pg.goto(server + "en/indicators/gdp/")  # labels and values of the indicator's table are apart
    gap = pg.evaluate("""() => { const th = document.querySelector('table.gwr-meta th'), td = th.nextElementSibling;
        const r = document.createRange(); r.selectNodeContents(th); const a = r.getBoundingClientRect();
        r.selectNodeContents(td); return r.getBoundingClientRect().left - a.right; }""")
    assert gap >= 8
    pg.set_viewport_size({"width": 1280, "height": 800})
    pg.goto(server + "shenzhen/2026-summary/")  # what's new: no item split across columns
    split = pg.evaluate("[...document.querySelectorAll('ul.gwr-terms > li')].filter(li => li.getClientRects().length > 1)"
                        ".length")
    assert split == 0
    pg.close()
