"""What a page loads beside it: the glossary terms and figure titles it marks (``terms.js``), and its other language
(``en.js`` / ``zh.js``), kept out of the page's HTML."""

from __future__ import annotations

import html
import json
import re


# --- glossary terms, marked on demand ------------------------------------------------------------------
#
# A report page's glossary terms are links to the glossary with a tooltip (gwr.js). In the page they were
# a tenth of its weight or more (one link every 250 bytes of English): the page carries its text, and the terms
# it marks are a script beside it (``terms.js``: for each block, where its terms are), which gwr.js loads with the
# page and turns into the same links. A reader without JavaScript reads the same text, without the links.
# The titles of its figures' links (``Growth of GDP · 2025 · target``, shown when a figure is pointed at; 3 KB of a
# long English part) are in the same script, which gwr.js sets on the links.

TERMS_SCRIPT = "terms.js"
TERMS_MARKER = f'<div class="gwr-marks" data-src="{TERMS_SCRIPT}" hidden></div>'
_GLOSSARY_PLACEHOLDER = "@@gwr-glossary@@"  # gwr.glossary_pages.GLOSSARY_HREF
_BLOCK = re.compile(r'(<(p|li) class="gwr-(?:para|item)[^"]*" id="([^"]+)">)(.*?)(</\2>)')
_TERM_LINK = re.compile(r'<a class="gwr-term" href="' + re.escape(_GLOSSARY_PLACEHOLDER)
                        + r'([^"#/]+)/#term-([^"]+)">([^<]*)</a>')
_TAG = re.compile(r"<[^>]*>")
_FIG_TITLE = re.compile(r'(<a class="gwr-fig" href="[^"]*") title="([^"]*)"')


def _units(text_html: str) -> int:
    """Length of an HTML text's text content in UTF-16 code units (a JavaScript string's length)."""
    # two bytes a code unit; "surrogatepass": a lone surrogate is one unit, as in JavaScript
    return len(html.unescape(text_html).encode("utf-16-le", "surrogatepass")) // 2


def beside(src: str, name: str) -> str:
    """The source path of a file in the folder of page ``src`` (whose URL is a folder)."""
    return src.removesuffix("index.md") + name if src.endswith("index.md") else src.removesuffix(".md") + "/" + name


def term_marks(markdown: str) -> tuple[str, dict[str, list], dict[str, list[str]]]:
    """A page's Markdown with the glossary links of its blocks taken out, and where they were:
    ``{block id: [[start, length, "category/term id"], ...]}``, offsets in the block's text content (UTF-16);
    and the titles of its blocks' figure links, taken out of the links: ``{block id: [title, ...]}`` in the
    order of the links."""
    marks: dict[str, list] = {}
    figs: dict[str, list[str]] = {}

    def block(m: re.Match) -> str:
        body = m.group(4)
        if 'class="gwr-fig"' in body:
            titles: list[str] = []
            body = _FIG_TITLE.sub(lambda f: titles.append(html.unescape(f.group(2))) or f.group(1), body)
            figs[m.group(3)] = titles
        if 'class="gwr-term"' not in body:
            return m.group(1) + body + m.group(5)
        # [html before the first link, its category, term id, text, html before the next link, …, html after the last]
        pieces = _TERM_LINK.split(body)
        out, pos, found = [], 0, []
        for i in range(0, len(pieces) - 1, 4):
            between, category, term, text = pieces[i:i + 4]
            out.append(between)
            pos += _units(_TAG.sub("", between).replace("<", ""))  # the text between the links: tags count nothing
            n = _units(text)
            found.append([pos, n, f"{category}/{term}"])
            out.append(text)
            pos += n
        out.append(pieces[-1])
        marks[m.group(3)] = found
        return m.group(1) + "".join(out) + m.group(5)

    return _BLOCK.sub(block, markdown), marks, figs


def terms_script(marks: dict[str, list], figs: dict[str, list[str]] | None = None) -> str:
    """The glossary terms of a page's blocks and the titles of their figure links, as a script that hands them to
    gwr.js (see :func:`term_marks`); the glossary's address is filled in relative to the page."""
    data = json.dumps({"glossary": _GLOSSARY_PLACEHOLDER, "blocks": marks, **({"figs": figs} if figs else {})},
                      ensure_ascii=False, separators=(",", ":"))
    return f"(window.gwrTerms=window.gwrTerms||[]).push({data});\n"


def other_marker(other: str) -> str:
    """Where gwr.js finds the page's other language ``other`` (a file beside the page: the page's URL is a
    folder)."""
    return f'<div class="gwr-other" data-src="{other}.js" data-lang="{other}" hidden></div>'


def other_script(other: str, alt: dict[str, str]) -> str:
    """The other language (``other``) of a page's paragraphs, as a script that hands them to gwr.js:
    ``{element id: html}``; each html is inserted after the element's last child in the page's language."""
    import json

    data = json.dumps({"lang": other, "blocks": alt}, ensure_ascii=False, separators=(",", ":"))
    return f"(window.gwrOther=window.gwrOther||[]).push({data});\n"
