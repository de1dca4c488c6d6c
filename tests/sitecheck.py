"""Read a built site the way a reader's browser does: pages, links, ids, visible text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

HAN = re.compile(r"[\u3400-\u9fff]")
NUMBER = re.compile(r"\d+(?:\.\d+)?")


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[tuple[str, str]] = []
        self.lang: str | None = None
        self.text_parts: list[str] = []
        self._in_article = 0
        self._skip = 0
        self.classes: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            self.ids.add(a["id"])
            self.classes[a["id"]] = a.get("class") or ""
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
        for key in ("src", "href"):
            if tag in ("script", "img", "iframe", "source", "link", "video", "audio") and a.get(key):
                self.resources.append((tag, a[key]))
        if tag == "article":
            self._in_article += 1
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if self._in_article and not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def is_redirect(f: Path) -> bool:
    """A page that mkdocs-redirects writes at a moved page's old URL."""
    head = f.read_text(encoding="utf-8")[:1000]
    return "<title>Redirecting...</title>" in head and 'http-equiv="refresh"' in head


def html_pages(site: Path) -> dict[str, Path]:
    """Site-relative URL path ('' for home, 'a/b/' for a/b/index.html) -> file."""
    out = {}
    for f in sorted(site.rglob("*.html")):
        if is_redirect(f):
            continue  # a moved page's old URL (mkdocs-redirects): not a page of the site
        rel = f.relative_to(site).as_posix()
        out[rel[: -len("index.html")] if rel.endswith("index.html") else rel] = f
    return out


def load(site: Path, path: str) -> Page:
    f = site / path
    if path == "" or path.endswith("/"):
        f = f / "index.html"
    return Page(f.read_text(encoding="utf-8"))


def resolve(page_path: str, href: str, base: str = "/") -> tuple[str, str] | None:
    """Resolve an internal link from a page to (site path, fragment); None for external links.

    ``base`` is the site's path on its host (``/gwr/`` for https://example.org/gwr/).
    """
    parsed = urlparse(href)
    if parsed.scheme or href.startswith("//") or href.startswith("mailto:") or href.startswith("javascript:"):
        return None
    joined = urljoin("http://site" + base + page_path, href)
    j = urlparse(joined)
    path = unquote(j.path)
    if not path.startswith(base):
        return ("<outside the site>" + path, "")
    return path[len(base):], unquote(j.fragment)


def han(text: str) -> str:
    return "".join(HAN.findall(text))


def is_subsequence(needle, haystack) -> tuple[bool, int]:
    """True if needle occurs in haystack in order; also the index in needle where matching stopped."""
    it = iter(haystack)
    for i, x in enumerate(needle):
        for y in it:
            if y == x:
                break
        else:
            return False, i
    return True, len(needle)
