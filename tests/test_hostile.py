"""Text stays text: a payload in every field that reaches a page is shown as text and never runs.

The hostile project (tests/hostile.py) puts the payload in the seed, the registry, the English translation,
the glossary, the indicator catalogue, the themes and the search terms, and builds both editions --strict.
The built pages are read twice: as HTML (no injected element, attribute or URL anywhere; the payload is
text), and in Chromium (no dialog opens, nothing injected in the live DOM, the payload visible as text in
the page, its title, the navigation, the header, the footer, a glossary tooltip and a search result).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
from html.parser import HTMLParser

import pytest
from conftest import build_ok, copy_project
from hostile import PAYLOAD, REPORT, make_project


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = make_project(copy_project(tmp_path_factory.mktemp("hostile") / "project"))
    return build_ok(project, tmp_path_factory.mktemp("hostile-site") / "site")


class Scan(HTMLParser):
    """Everything a payload could have become: injected elements, event handlers, script URLs, scripts."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.injected: list[str] = []
        self.text: list[str] = []
        self._tag = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        if tag == "script" and dict(attrs).get("type") == "application/json":
            self._tag = "json"  # data (the page's glossary terms), never run: checked for a raw "<" instead
        for key, value in attrs:
            if key == "data-pwn" or key.startswith("on"):
                self.injected.append(f"<{tag} {key}>")
            if key in ("href", "src", "formaction", "xlink:href") and value and \
                    value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.injected.append(f"<{tag} {key}={value[:30]}>")

    def handle_data(self, data):
        if self._tag == "script" and "alert(" in data:
            self.injected.append("<script>alert")
        if self._tag == "json" and "<" in data:
            self.injected.append("<script type=json> with a raw <")
        self.text.append(data)


def test_no_page_contains_injected_markup(hostile_site):
    problems = []
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 100
    for f in pages:
        scan = Scan(f.read_text(encoding="utf-8"))
        problems += [f"{f.relative_to(hostile_site)}: {x}" for x in scan.injected]
    assert problems == []


HOSTILE_PAGES = [
    f"{lang}{page}" for lang in ("", "en/") for page in (
        "", "hostile/2024/", "hostile/2024/part-1/", "hostile/2024/part-2/", "hostile/2024/figures/",
        "hostile/sources/", "glossary/concept/", "indicators/", "indicators/hostile-indicator/", "hostile/scorecards/2024/",
        "themes/", "themes/hostile-theme/", "timeline/")
]


def test_payload_is_shown_as_text(hostile_site):
    """As a reader sees the HTML: the payload is text (entities decoded once), the Jinja in it unevaluated."""
    missing = []
    for page in HOSTILE_PAGES:
        scan = Scan((hostile_site / page / "index.html").read_text(encoding="utf-8"))
        if PAYLOAD not in "".join(scan.text):
            missing.append(page)
    assert missing == []
    part = (hostile_site / "hostile/2024/part-1/index.html").read_text(encoding="utf-8")
    title = part.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("一、&lt;img src=x onerror=alert(1) data-pwn&gt;")
    assert "&amp;lt;b data-pwn&amp;gt;" in title  # an entity in the text stays an entity, not a tag


def test_data_files_are_valid_json_with_the_payload_as_text(hostile_site):
    for rel in ("data/reports.json", f"data/reports/{REPORT}.json", "data/glossary.json", "data/indicators.json",
                "data/themes.json", "search-index.json", "en/search-index.json"):
        data = json.loads((hostile_site / rel).read_text(encoding="utf-8"))
        assert any(PAYLOAD in s for s in _strings(data)), rel


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for v in data.values():
            yield from _strings(v)
    elif isinstance(data, list):
        for v in data:
            yield from _strings(v)


def test_urls_with_quotes_and_ampersands_stay_inside_their_attribute(hostile_site):
    html = (hostile_site / "hostile/sources/index.html").read_text(encoding="utf-8")  # the city's sources page
    assert 'href="https://example.org/report?a=1&amp;b=&#x27;x&#x27;"' in html


# --- in Chromium ---------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
browser_only = pytest.mark.skipif(not CHROMIUM and not os.environ.get("GWR_REQUIRE_BROWSER"),
                                  reason="chromium not installed")


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(hostile_site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def chromium(browser):
    """The session's Chromium (conftest): a second sync_playwright in the same process fails while it runs."""
    return browser


# What a payload would have done in the live page, and where its text must be.
_PROBE = """() => ({
  injected: document.querySelectorAll('[data-pwn], svg[onload], a[href^="javascript:" i]').length,
  text: document.body.innerText,
  title: document.title,
  nav: Array.from(document.querySelectorAll('.md-nav__link')).map(e => e.textContent).join('\\n'),
  header: (document.querySelector('[data-md-component=header-topic]') || {}).textContent || '',
  footer: (document.querySelector('.md-footer') || {}).textContent || '',
})"""
VISIBLE = "<img src=x onerror=alert(1) data-pwn>\"'><svg onload=alert(2) data-pwn>"


@browser_only
def test_no_script_runs_and_the_payload_reads_as_text_in_chromium(hostile_server, chromium):
    ctx = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for path in HOSTILE_PAGES:
            page.goto(hostile_server + path, wait_until="load")
            probe = page.evaluate(_PROBE)
            assert probe["injected"] == 0, path
            assert VISIBLE in probe["text"] and "{{ config.site_name }}" in probe["text"], path
        # a part page: title, navigation, header, footer
        page.goto(hostile_server + "hostile/2024/part-1/", wait_until="load")
        probe = page.evaluate(_PROBE)
        for where in ("title", "nav", "header", "footer"):
            assert VISIBLE in probe[where], where
        # the glossary tooltip (role=tooltip), filled by gwr.js from the page's own term data (script#gwr-terms)
        term = 'a.gwr-term[href$="#term-hostile-term"]'
        page.locator(term).first.hover()
        page.wait_for_selector("#gwr-tip:not([hidden])")
        tip = page.locator("#gwr-tip").inner_text()
        assert tip and "<img src=x onerror=alert(1) data-pwn>" in tip
        # a search result
        page.fill(".gwr-search__input", "onerror")
        page.wait_for_selector(".gwr-search__results li")
        results = page.locator(".gwr-search__results").inner_text()
        assert "<img src=x onerror=alert(1) data-pwn>" in results
        assert page.evaluate(_PROBE)["injected"] == 0
        assert dialogs == [] and errors == []
    finally:
        ctx.close()


def test_control_characters_in_a_seed_never_reach_a_page_raw(tmp_path):
    """D10: NUL (and STX/ETX, Python-Markdown's placeholder marks) in a seed: no page holds them raw."""
    from conftest import add_fixture_report, build_ok

    project = copy_project(tmp_path / "p")
    add_fixture_report(project)
    seed = project / "seeds/examplecity-2024.txt"
    text = seed.read_text(encoding="utf-8")
    text = text.replace("稳住经济大盘。", "稳住经济\x00大盘。").replace("推进城中村改造。", "推进\x02wzxhzdk:0\x03城中村\x07改造。")
    seed.write_text(text, encoding="utf-8")
    site = build_ok(project, tmp_path / "site")
    raw = [f.relative_to(site).as_posix() for f in site.rglob("*") if f.suffix in (".html", ".json", ".xml")
           and any(b in f.read_bytes() for b in (b"\x00", b"\x02", b"\x03", b"\x07"))]
    assert raw == []
    part1, part2 = (re.sub(r"<[^>]+>", "", (site / f"examplecity/2024/part-{n}/index.html").read_text(encoding="utf-8"))
                    for n in (1, 2))
    # the text around them is kept (the ingest stage drops them and lists the lines on /sources/; rendering would
    # show any that got through as U+FFFD)
    assert re.search("稳住经济\ufffd?大盘", part1) and re.search("推进\ufffd?wzxhzdk:0\ufffd?城中村", part2)


def test_only_http_urls_become_links():
    """D2, second line of defence: even if a URL got past the registry, only http(s) is ever linked."""
    from gwr.render import ext_link

    assert ext_link("javascript:alert(1)") == "javascript:alert(1)"
    assert ext_link(" javascript:alert(1)").startswith(" javascript") and "<a" not in ext_link("data:text/html,x")
    assert ext_link("https://example.org/a?b=1&c='d'") == \
        '<a href="https://example.org/a?b=1&amp;c=&#x27;d&#x27;" rel="nofollow">https://example.org/a?b=1&amp;c=\'d\'</a>'
