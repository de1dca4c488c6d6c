"""The English edition, read as a reader reads it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from conftest import SITE_URL
from sitecheck import html_pages, load


def test_english_pages_mirror_chinese_paths(site):
    pages = html_pages(site)
    zh = {p for p in pages if not p.startswith("en/")}
    en = {p[3:] for p in pages if p.startswith("en/")}
    assert zh - {"404.html"} == en - {"404.html"}
    for path in ["", "shenzhen/2025/part-2/", "shenzhen/2026-summary/part-3/", "sources/", "citing/", "data/"]:
        assert "en/" + path in pages


def test_same_ids_in_both_editions(site):
    for path in ["shenzhen/2025/part-1/", "shenzhen/2025/part-2/", "shenzhen/2026-summary/part-1/"]:
        zh_ids = {i for i in load(site, path).ids if i.startswith(("part_", "closing", "preamble"))}
        en_ids = {i for i in load(site, "en/" + path).ids if i.startswith(("part_", "closing", "preamble"))}
        assert zh_ids == en_ids and zh_ids


def test_every_english_page_says_the_translation_is_ours(site):
    missing = [p for p in html_pages(site) if p.startswith("en/") and p != "en/404.html"
               and "The Chinese text is authoritative" not in load(site, p).text]
    assert missing == []


def test_english_text_is_english(site):
    page = load(site, "en/shenzhen/2025/part-1/")
    assert "The economy continued to move upward and improve." in page.text
    assert "Not yet translated" not in page.text
    assert "3.68 trillion yuan" in page.text


def test_sitemap_has_both_editions_with_hreflang(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    urls = {u.find("s:loc", ns).text: {a.get("hreflang"): a.get("href") for a in u.findall("x:link", ns)}
            for u in root.findall("s:url", ns)}
    path = "shenzhen/2025/part-2/"
    for loc in (SITE_URL + path, SITE_URL + "en/" + path):
        assert urls[loc] == {"zh": SITE_URL + path, "en": SITE_URL + "en/" + path}


def test_open_data_carries_english_beside_chinese(site):
    doc = json.loads((site / "data/reports/shenzhen-2025.json").read_text(encoding="utf-8"))
    para = doc["parts"][0]["children"][1]
    assert para["id"] == "part_1__para_2"
    assert para["text"]["zh"].startswith("——经济发展向上向好") and "3.68 trillion yuan" in para["text"]["en"]
    assert para["url"]["en"] == SITE_URL + "en/shenzhen/2025/part-1/#part_1__para_2"
    assert (site / "en/data/reports/shenzhen-2025.json").read_bytes() == (site / "data/reports/shenzhen-2025.json").read_bytes()
