"""Smoke tests in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

They skip only where Chromium is absent and GWR_REQUIRE_BROWSER is unset; CI sets it.
"""

from __future__ import annotations

import json

import pytest
from conftest import SITE_URL, require_chromium
from sitecheck import load

require_chromium()

# Query -> the sections about the topic (judged by reading the reports). The first
# result must be one of them; the first three must all contain the query.
QUERIES = {
    "低空经济": ["shenzhen/2025/part-2/#part_2__sec_2", "shenzhen/2026-summary/part-1/#part_1__sec_2"],
    "新质生产力": ["shenzhen/2025/part-2/#part_2__sec_2", "shenzhen/2026-summary/part-3/#part_3__sec_2"],
    "河套": ["shenzhen/2025/part-1/#part_1__sec_5", "shenzhen/2025/part-2/#part_2__sec_6",
             "shenzhen/2026-summary/part-1/#part_1__sec_5"],
    "保障性住房": ["shenzhen/2025/part-2/#part_2__sec_9", "shenzhen/2025/part-1/#part_1__sec_10"],
    "十五运会": ["shenzhen/2025/part-2/#part_2__sec_8", "shenzhen/2025/part-1/#part_1__sec_9"],
    "城中村改造": ["shenzhen/2025/part-2/#part_2__sec_9", "shenzhen/2025/part-1/#part_1__sec_6"],
    "人工智能": ["shenzhen/2025/part-2/#part_2__sec_2", "shenzhen/2025/part-2/#part_2__sec_3",
                 "shenzhen/2025/part-1/#part_1__sec_3", "shenzhen/2026-summary/part-3/#part_3__sec_2"],
    "前海": ["shenzhen/2025/part-1/#part_1__sec_5", "shenzhen/2025/part-2/#part_2__sec_6",
             "shenzhen/2026-summary/part-1/#part_1__sec_5"],
    "百千万工程": ["shenzhen/2025/part-1/#part_1__sec_6", "shenzhen/2025/part-2/#part_2__sec_6",
                  "shenzhen/2026-summary/part-1/#part_1__sec_6"],
    "碳达峰": ["shenzhen/2025/part-2/#part_2__sec_7", "shenzhen/2025/part-1/#part_1__sec_8",
               "shenzhen/2026-summary/part-1/#part_1__sec_8"],
    "营商环境": ["shenzhen/2025/part-2/#part_2__sec_5", "shenzhen/2025/part-1/#part_1__sec_2",
                 "shenzhen/2026-summary/part-1/#part_1__sec_4", "shenzhen/2026-summary/part-3/#part_3__sec_4"],
    "粤港澳大湾区": ["shenzhen/2025/part-1/#part_1__sec_5", "shenzhen/2025/part-2/#part_2__sec_6",
                    "shenzhen/2026-summary/part-1/#part_1__sec_5", "shenzhen/2026-summary/part-3/#part_3__sec_6"],
    "养老": ["shenzhen/2025/part-2/#part_2__sec_9", "shenzhen/2025/part-1/#part_1__sec_10"],
    "APEC": ["shenzhen/2026-summary/part-3/#part_3__sec_5"],
    "外贸": ["shenzhen/2025/part-2/#part_2__sec_1", "shenzhen/2025/part-1/#part_1__sec_1",
             "shenzhen/2026-summary/part-1/#part_1__sec_1"],
    # not in the text as a whole: split at the domain term 低空经济 and at 深圳
    "深圳低空经济": ["shenzhen/2025/part-2/#part_2__sec_2"],
    # split at the domain term 前海 and 合作区
    "前海合作区": ["shenzhen/2025/part-2/#part_2__sec_6", "shenzhen/2025/part-1/#part_1__sec_5"],
}


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.grant_permissions(["clipboard-read", "clipboard-write"])
    pg = ctx.new_page()
    requests = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.requests = requests
    yield pg
    ctx.close()


def test_paragraph_link_scrolls_to_and_highlights_the_paragraph(server, page):
    page.goto(server + "shenzhen/2025/part-2/#part_2__sec_3__para_4")
    page.wait_for_load_state("load")
    para = page.locator("#part_2__sec_3__para_4")
    page.wait_for_function("document.getElementById('part_2__sec_3__para_4').classList.contains('gwr-target')")
    bg = para.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    top = para.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 200, top
    other = page.locator("#part_2__sec_3__para_3").evaluate("e => getComputedStyle(e).backgroundColor")
    assert other in ("rgba(0, 0, 0, 0)", "transparent")
    assert all(r.startswith(server) for r in page.requests), [r for r in page.requests if not r.startswith(server)]


def test_clicking_a_paragraph_number_copies_its_link(server, page):
    page.goto(server + "shenzhen/2025/part-1/")
    page.click("#part_1__sec_5__para_1 > a.gwr-pn")
    page.wait_for_function("document.querySelector('.gwr-toast--show') !== null")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == server + "shenzhen/2025/part-1/#part_1__sec_5__para_1"
    assert page.url.endswith("#part_1__sec_5__para_1")
    assert "gwr-target" in page.locator("#part_1__sec_5__para_1").get_attribute("class")


def _results(page, server, query):
    page.fill(".gwr-search__input", "")
    page.fill(".gwr-search__input", query)
    # the panel says which query its results answer (data-q): not the last query's, not "loading"
    page.wait_for_function("q => document.querySelector('.gwr-search__results').dataset.q === q", arg=query)
    return page.eval_on_selector_all(".gwr-search__results li a", "els => els.map(e => e.getAttribute('href'))")


SPLIT = {"深圳低空经济": ["深圳", "低空经济"], "前海合作区": ["前海", "合作区"]}


def _text(page, url, frag):
    """Text of the element a link points to; for a heading, the heading and what follows up to the next one."""
    return page.evaluate(
        "([u, f]) => fetch(u).then(r => r.text()).then(t => { const d = new DOMParser().parseFromString(t, 'text/html');"
        " let e = f ? d.getElementById(f) : d.querySelector('article'); if (!e) return '';"
        " if (!/^H[12]$/.test(e.tagName)) return e.textContent;"
        " let s = e.textContent; for (let n = e.nextElementSibling; n && !/^H[12]$/.test(n.tagName);"
        " n = n.nextElementSibling) s += n.textContent; return s; })",
        [url, frag])


def _section_of(site, href):
    """The section (page#section-id) that a result link points into, and that element's text."""
    path, _, frag = href.lstrip("/").partition("#")
    page = load(site, path)
    sec = frag
    for cut in ("__para_", "__item_"):
        if cut in sec:
            sec = sec.split(cut)[0]
    return f"{path}#{sec}" if sec else path, page


def _topic_sections(site, query: str) -> list[str]:
    """Sections of the reports beyond the Shenzhen ones curated above that are about ``query`` by their own
    account: the query is in the section's heading or in the lead sentence of one of its paragraphs."""
    out = []
    for path in sorted((site / "data/reports").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc["report"]["id"].startswith("shenzhen-"):
            continue
        for part in doc["parts"]:
            for sec in (c for c in part["children"] if c["type"] == "section"):
                leads = [(b.get("lead") or {}).get("zh") or "" for b in sec["children"]]
                if query in sec["heading"]["zh"] or any(query in lead for lead in leads):
                    out.append(sec["url"]["zh"].removeprefix(SITE_URL))
    return out


def test_chinese_search_finds_the_section(server, page, site, capsys):
    page.goto(server)
    page.click(".gwr-search__input")
    rows, good = [], 0
    for query, expected in QUERIES.items():
        expected = expected + _topic_sections(site, query)
        hrefs = _results(page, server, query)
        assert hrefs, query
        hrefs = [h.replace(server, "").lstrip("./") for h in hrefs]
        first, _ = _section_of(site, hrefs[0])
        top3_ok = True
        for h in hrefs[:3]:
            path, _, frag = h.partition("#")
            assert not frag or frag in load(site, path).ids, h
            section = _section_of(site, h)[0].partition("#")[2]
            linked, whole_section = (_text(page, server + path, f) for f in (frag, section))
            pieces = SPLIT.get(query, [query])
            # the section holds every piece; a single term is in the very paragraph linked
            top3_ok &= all(p in whole_section for p in pieces) and (len(pieces) > 1 or query in linked)
        ok = first in expected and top3_ok
        good += ok
        rows.append(f"{'ok ' if ok else 'BAD'} {query}: first={first} top3_contain={top3_ok} n={len(hrefs)}")
    with capsys.disabled():
        print("\nsearch quality:\n  " + "\n  ".join(rows) + f"\n  {good}/{len(QUERIES)} right")
    assert good / len(QUERIES) >= 0.9, "\n".join(rows)


def test_language_switch_lands_on_the_same_paragraph(server, page):
    page.goto(server + "shenzhen/2025/part-2/#part_2__sec_6__para_2")
    page.wait_for_load_state("load")
    page.click(".md-header__option .md-select button")
    page.click("a.gwr-alt[hreflang=en]")
    page.wait_for_url("**/en/shenzhen/2025/part-2/#part_2__sec_6__para_2")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.wait_for_function("document.getElementById('part_2__sec_6__para_2').classList.contains('gwr-target')")
    top = page.locator("#part_2__sec_6__para_2").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 200
    # and back
    page.click(".md-header__option .md-select button")
    page.click("a.gwr-alt[hreflang=zh]")
    page.wait_for_url("**/shenzhen/2025/part-2/#part_2__sec_6__para_2")
    assert page.evaluate("document.documentElement.lang") == "zh"


def test_reading_views_switch_and_persist(server, page):
    page.goto(server + "en/shenzhen/2025/part-1/")
    zh = page.locator("#part_1__para_2 .gwr-zh")
    en = page.locator("#part_1__para_2 .gwr-en")
    assert en.is_visible() and not zh.is_visible()
    page.click(".gwr-views button[data-gwr-view=both]")
    zh.wait_for(state="visible")  # the other language is loaded on demand (a script beside the page)
    assert en.is_visible() and zh.is_visible()
    page.goto(server + "en/shenzhen/2025/part-2/")  # the choice persists on the next page
    assert page.locator("#part_2__para_1 .gwr-zh").is_visible()
    page.click(".gwr-views button[data-gwr-view=zh]")
    assert not page.locator("#part_2__para_1 .gwr-en").is_visible()
    page.emulate_media(media="print")  # printing follows the chosen view
    assert page.locator("#part_2__para_1 .gwr-zh").is_visible()
    assert not page.locator("#part_2__para_1 .gwr-en").is_visible()


# English query -> the sections about the topic (the English index only searches English pages).
EN_QUERIES = {
    "artificial intelligence": ["shenzhen/2025/part-2/#part_2__sec_2", "shenzhen/2026-summary/part-3/#part_3__sec_2",
                                "shenzhen/2025/part-1/#part_1__sec_3", "shenzhen/2025/part-2/#part_2__sec_3"],
    "low-altitude economy": ["shenzhen/2025/part-2/#part_2__sec_2", "shenzhen/2026-summary/part-1/#part_1__sec_2"],
    "affordable housing": ["shenzhen/2025/part-2/#part_2__sec_9", "shenzhen/2025/part-1/#part_1__sec_10"],
    "carbon peaking": ["shenzhen/2025/part-2/#part_2__sec_7", "shenzhen/2025/part-1/#part_1__sec_8",
                       "shenzhen/2026-summary/part-1/#part_1__sec_8"],
    "Greater Bay Area": ["shenzhen/2025/part-1/#part_1__sec_5", "shenzhen/2025/part-2/#part_2__sec_6",
                         "shenzhen/2026-summary/part-1/#part_1__sec_5", "shenzhen/2026-summary/part-3/#part_3__sec_6"],
    "urban village": ["shenzhen/2025/part-2/#part_2__sec_9", "shenzhen/2025/part-1/#part_1__sec_6",
                      "shenzhen/2025/part-1/#part_1__sec_10"],
    "Hetao": ["shenzhen/2025/part-1/#part_1__sec_5", "shenzhen/2025/part-2/#part_2__sec_6",
              "shenzhen/2026-summary/part-1/#part_1__sec_5"],
    "National Games": ["shenzhen/2025/part-2/#part_2__sec_8", "shenzhen/2025/part-1/#part_1__sec_9",
                       "shenzhen/2026-summary/part-1/#part_1__sec_9"],
}


def test_english_search_finds_the_section_in_english_pages(server, page, capsys):
    page.goto(server + "en/")
    page.click(".gwr-search__input")
    rows, good = [], 0
    for query, expected in EN_QUERIES.items():
        hrefs = _results(page, server, query)
        hrefs = [h.replace(server, "").lstrip("./") for h in hrefs]
        assert hrefs and all(h.startswith("en/") or h.startswith("../") is False for h in hrefs), (query, hrefs)
        sections = [_section_of_path(h) for h in hrefs[:3]]
        ok = any(s in expected for s in sections)
        good += ok
        rows.append(f"{'ok ' if ok else 'BAD'} {query}: top3={sections}")
    with capsys.disabled():
        print("\nEnglish search:\n  " + "\n  ".join(rows) + f"\n  {good}/{len(EN_QUERIES)} right")
    assert good == len(EN_QUERIES), "\n".join(rows)


def _section_of_path(href):
    path, _, frag = href.partition("#")
    path = path[3:] if path.startswith("en/") else path
    for cut in ("__para_", "__item_"):
        frag = frag.split(cut)[0]
    return f"{path}#{frag}"


def test_english_snippets_mark_whole_words_and_are_cut_between_words(server, page):
    """Issue 11, item 5: "ai" is never marked inside "maintain" or "campaign"; a snippet never starts or ends
    in the middle of a word."""
    page.goto(server + "en/")
    page.click(".gwr-search__input")
    checked = 0
    for query in ("artificial intelligence", "AI", "Hetao", "urban village", "affordable housing"):
        _results(page, server, query)
        found = page.evaluate("""() => [...document.querySelectorAll('.gwr-search__results li')].map(li => {
            const snip = li.querySelector('mark') ? li.querySelector('mark').closest('p, div, span') : null;
            if (!snip) return null;
            const text = snip.textContent;
            const marks = [...snip.querySelectorAll('mark')].map(m => {
              let before = '', after = '';
              let n = m.previousSibling; if (n && n.nodeType === 3) before = n.textContent.slice(-1);
              n = m.nextSibling; if (n && n.nodeType === 3) after = n.textContent.slice(0, 1);
              return [before, m.textContent, after];
            });
            return {text, marks};
          }).filter(Boolean)""")
        for snip in found:
            for before, marked, after in snip["marks"]:
                checked += 1
                assert not (before.isalnum() and before.isascii()), (query, before, marked, after)
                assert not (after.isalpha() and after.isascii() and after not in "s"), (query, before, marked, after)
            body = snip["text"].strip().strip("…").strip()
            words = body.split()
            assert words, query
    assert checked >= 10
