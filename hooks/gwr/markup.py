"""Text made safe for a page: HTML escaping (every text of a seed is escaped once, and control characters never
reach a page raw), Markdown escaping, front matter, external links."""

from __future__ import annotations

import html
import json
import re
from typing import Callable


_LANG_CLASS = re.compile(r'class="(?:[^"]* )?gwr-(zh|en)[ "]')


def has_both_languages(html: str) -> bool:
    """Whether a page holds text in both languages (``.gwr-zh`` and ``.gwr-en``), so a reading view applies."""
    seen = set()
    for m in _LANG_CLASS.finditer(html):  # the first of each is enough (a report page has thousands)
        seen.add(m.group(1))
        if len(seen) == 2:
            return True
    return False


ROOT_HREF = "@@gwr-root@@"
"""Placeholder for the relative way from a page to the edition's root; the hook fills it in per page."""
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Characters that must never reach a page raw: C0/C1 controls (NUL, and STX/ETX, which Python-Markdown uses
for its own placeholders), lone surrogates and non-characters. The ingest stage normalises seeds; this is
the last defence, for every text that is written as HTML."""


def clean(text: str) -> str:
    """``text`` with control characters shown as U+FFFD (visible, never raw)."""
    return _CONTROL.sub("\ufffd", text)


_ESCAPED = re.compile(_CONTROL.pattern[:-1] + "&<>]")
"""What :func:`esc` changes: most texts hold none of it, and one search says so (a site's pages escape millions of
texts: 100x, 1.7 million, a second of the build escaped one by one)."""
_ESCAPED_ATTR = re.compile(_CONTROL.pattern[:-1] + "&<>\"']")


def esc(text: str) -> str:
    """Escape text for HTML content."""
    if not _ESCAPED.search(text):
        return text
    return html.escape(_CONTROL.sub("\ufffd", text), quote=False)


def attr(text: str) -> str:
    """Escape text for an HTML attribute value (always written in double quotes)."""
    if not _ESCAPED_ATTR.search(text):
        return text
    return html.escape(_CONTROL.sub("\ufffd", text), quote=True)


def title_html(text: str) -> str:
    """A page or navigation title: Material inserts titles into ``<title>``, the header, the navigation and the
    footer without escaping them (they may hold HTML), so every title we hand over is escaped text."""
    return esc(text)


def front_matter(title: str, extra: str = "") -> str:
    """A page's YAML front matter with its ``title`` (escaped, see :func:`title_html`) and ``extra`` lines.

    JSON is YAML: ``json.dumps`` quotes the title and escapes newlines, so no title can end the front matter."""
    return f"---\ntitle: {json.dumps(title_html(text=title), ensure_ascii=False)}\n{extra}---\n"


_HTTP_URL = re.compile(r"https?://[^\s\"<>`\\]+")


def ext_link(url: str) -> str:
    """A link to an external source. Only an http(s) URL becomes a link (the registry accepts no other);
    anything else is shown as text, never as a ``javascript:`` or ``data:`` link."""
    if not _HTTP_URL.fullmatch(url):
        return esc(url)
    return f'<a href="{attr(url)}" rel="nofollow">{esc(url)}</a>'


def md_esc(text: str) -> str:
    """Escape text for a Markdown heading or link label: HTML first, then Markdown syntax."""
    return _MD_SPECIAL.sub(r"\\\1", esc(text))


Marker = Callable[[str, str], str]
"""Turns plain text of a language into escaped HTML, e.g. with glossary terms marked."""


def plain(text: str, lang: str, seen: set | None = None) -> str:
    return esc(text)
