"""Ids keep their meaning (D9): a corrected official text inserts a section and deletes a paragraph.

The guard names every id whose text changed and where that text is now (not just the last id as gone);
`make snapshot` refuses until each is declared in data/id-changes.yml; once declared, a reader who opens an
old URL lands on the text it meant (or on a notice saying what happened), checked in the HTML and in Chromium.
"""

from __future__ import annotations

import json
import os
import shutil

import pytest
from conftest import add_fixture_report, build_ok, copy_project
from test_urls import guard

from gwr.idchanges import compare, snapshot_entries
from gwr.pipeline import load_site

REPORT = "examplecity-2024"
EXPECTED = {
    f"{REPORT}:part_1__sec_2": "points to different text; its text is now at part_1__sec_3",
    f"{REPORT}:part_1__sec_2__para_1": "points to different text; its text is now at part_1__sec_3__para_1",
    f"{REPORT}:part_1__sec_3": "points to different text; its text is now at part_1__sec_4",
    f"{REPORT}:part_1__sec_3__para_1": "points to different text; its text is now at part_1__sec_4__para_1",
    f"{REPORT}:part_2__sec_1__para_1": "points to different text; its text is no longer in the report",
    f"{REPORT}:part_2__sec_1__para_2": "is gone; its text is now at part_2__sec_1__para_1",
}
DECLARED = f"""changes:
- {{report: {REPORT}, id: part_1__sec_2, moved_to: part_1__sec_3, since: 2024-02-01}}
- {{report: {REPORT}, id: part_1__sec_2__para_1, moved_to: part_1__sec_3__para_1}}
- {{report: {REPORT}, id: part_1__sec_3, moved_to: part_1__sec_4}}
- {{report: {REPORT}, id: part_1__sec_3__para_1, moved_to: part_1__sec_4__para_1}}
- {{report: {REPORT}, id: part_2__sec_1__para_1, removed: "deleted in the corrected text"}}
- {{report: {REPORT}, id: part_2__sec_1__para_2, moved_to: part_2__sec_1__para_1}}
# as if a third part had been published and then merged into the second: its page becomes a notice
- {{report: {REPORT}, id: part_3, moved_to: part_2}}
"""


def correct(project):
    """The corrected text: a section inserted as （二） (the later ones renumbered), a paragraph deleted."""
    seed = project / f"seeds/{REPORT}.txt"
    text = seed.read_text(encoding="utf-8")
    for old, new in (("（三）改善民生", "（四）改善民生"), ("（二）推动低空经济发展", "（三）推动低空经济发展"),
                     ("    （一）稳住经济大盘", "    （二）扩大对外开放。外贸进出口增长3%。\n    （一）稳住经济大盘"),
                     ("    加快建设消费中心城市。社会消费品零售总额增长6%以上。\n", "")):
        assert old in text
        text = text.replace(old, new)
    # the inserted section must follow (一): move it below (一)'s paragraph
    text = text.replace("    （二）扩大对外开放。外贸进出口增长3%。\n    （一）稳住经济大盘。社会消费品零售总额增长7.5%，固定资产投资增长3.0%。\n",
                        "    （一）稳住经济大盘。社会消费品零售总额增长7.5%，固定资产投资增长3.0%。\n    （二）扩大对外开放。外贸进出口增长3%。\n")
    seed.write_text(text, encoding="utf-8")


def _entries(project):
    from gwr.export import Urls, url_entries

    urls = Urls("https://example.org/gwr/")
    docs = load_site(project).docs
    return snapshot_entries({"urls": [e for d in docs for lang in ("zh", "en") for e in url_entries(d, urls, lang)]})


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("corrected") / "project")
    add_fixture_report(project)
    before = _entries(project)
    correct(project)
    return project, before


def test_the_guard_names_every_id_whose_meaning_changed(corrected):
    project, before = corrected
    problems = compare(before, _entries(project), [])
    assert {p.key: p.message for p in problems} == EXPECTED
    assert [p.suggestion for p in problems][-1] == {"report": REPORT, "id": "part_2__sec_1__para_2",
                                                    "moved_to": "part_2__sec_1__para_1"}


@pytest.fixture(scope="module")
def corrected_site(corrected, ext_site, tmp_path_factory):
    """The corrected project built: first without declarations (the guard refuses), then with them."""
    project, _ = corrected
    snapshot = tmp_path_factory.mktemp("snap") / "urls-snapshot.json"
    published = snapshot_entries(json.loads((ext_site / "data/urls.json").read_text(encoding="utf-8")))
    snapshot.write_text(json.dumps(published, ensure_ascii=False), encoding="utf-8")
    site = build_ok(project, tmp_path_factory.mktemp("corrected-site") / "site")
    before = snapshot.read_text(encoding="utf-8")
    refused = guard(site, project, snapshot, update=True)
    assert snapshot.read_text(encoding="utf-8") == before  # `make snapshot` wrote nothing
    (project / "data/id-changes.yml").write_text(DECLARED, encoding="utf-8")
    site = build_ok(project, tmp_path_factory.mktemp("declared-site") / "site")
    return site, snapshot, refused, project


def test_make_snapshot_refuses_undeclared_changes(corrected_site):
    _, _, refused, _ = corrected_site
    assert len(refused) == 1
    for key, message in EXPECTED.items():
        assert f"  {key}: {message}" in refused[0]
    assert f"- {{report: {REPORT}, id: part_2__sec_1__para_2, moved_to: part_2__sec_1__para_1}}" in refused[0]


def test_declared_changes_pass_the_guard_and_show_notices(corrected_site):
    site, snapshot, _, project = corrected_site
    assert guard(site, project, snapshot, update=True) == []
    assert json.loads(snapshot.read_text(encoding="utf-8"))[f"zh:{REPORT}:part_2__sec_1__para_2"][0] == \
        "/examplecity/2024/part-2/#part_2__sec_1__para_2"  # a vanished id keeps its entry
    part2 = (site / "examplecity/2024/part-2/index.html").read_text(encoding="utf-8")
    assert ('class="gwr-idchange" id="part_2__sec_1__para_2" '
            'data-gwr-moved="../../../examplecity/2024/part-2/#part_2__sec_1__para_1"') in part2
    assert 'data-gwr-old="part_2__sec_1__para_1" hidden' in part2 and "deleted in the corrected text" in part2
    part3 = (site / "en/examplecity/2024/part-3/index.html").read_text(encoding="utf-8")
    assert 'data-gwr-page-moved="../../../examplecity/2024/part-2/#part_2"' in part3


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM and not os.environ.get("GWR_REQUIRE_BROWSER"), reason="chromium not installed")
def test_old_links_land_on_their_text_in_chromium(corrected_site, browser):
    import functools
    import http.server
    import threading

    site = corrected_site[0]

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        if True:  # the session's Chromium (conftest): a second sync_playwright in one process fails
            page = browser.new_page()
            # the old id is no longer used: forwarded to the paragraph's new id, with a note
            page.goto(base + "examplecity/2024/part-2/#part_2__sec_1__para_2")
            page.wait_for_function("location.hash === '#part_2__sec_1__para_1'")
            assert "推进城中村改造" in page.locator("#part_2__sec_1__para_1").inner_text()
            assert "part_2__sec_1__para_2" in page.locator(".gwr-idchange-arrived").inner_text()
            # the old id now holds the inserted section: a banner above it links to the old text's new id
            page.goto(base + "en/examplecity/2024/part-1/#part_1__sec_2")
            page.wait_for_load_state("load")
            banner = page.locator('.gwr-idchange[data-gwr-old="part_1__sec_2"]')
            assert banner.is_visible() and "before a renumbering" in banner.inner_text()
            page.wait_for_function("(() => { const r = document.querySelector("
                                   "'.gwr-idchange[data-gwr-old=\"part_1__sec_2\"]').getBoundingClientRect();"
                                   " return r.top >= 0 && r.bottom <= innerHeight; })()")  # in view, not scrolled away
            assert banner.locator("a").get_attribute("href").endswith("examplecity/2024/part-1/#part_1__sec_3")
            assert page.evaluate("document.querySelector('.gwr-idchange[data-gwr-old=\"part_1__sec_2\"]')"
                                 ".nextElementSibling.id") == "part_1__sec_2"
            # the deleted paragraph's old id: the banner says it was removed
            page.goto(base + "examplecity/2024/part-2/#part_2__sec_1__para_1")
            page.wait_for_load_state("load")
            assert "已删除" in page.locator('.gwr-idchange[data-gwr-old="part_2__sec_1__para_1"]').inner_text()
            # a part page that no longer exists forwards to the part its text went to
            page.goto(base + "examplecity/2024/part-3/")
            page.wait_for_url(lambda url: url.endswith("/examplecity/2024/part-2/#part_2"))
            page.close()
    finally:
        httpd.shutdown()
