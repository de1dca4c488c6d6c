"""One copy of the theme's assets for both editions.

The Chinese edition is built at the site root and the English one into ``en/``; both would carry the same
stylesheets and scripts (Material's and ours), so a reader who switches language downloaded them twice, from
``/assets/`` and ``/en/assets/``. In a ``build`` the English edition leaves its copy out and its pages point
to the root's: every reference to the edition's ``assets/`` is moved one level up. Under ``mkdocs serve`` an
edition is previewed alone, so it keeps its own copy.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

ASSETS = "assets/"
_RELATIVE = re.compile(r'="((?:\.\./)*)assets/')
"""``="../../assets/``; the attribute before it is checked by :func:`_move` (a pattern that starts with a literal
is searched for several times faster than one that starts with ``(?:href|src)``: this runs on every page)."""


def _move(m: re.Match) -> str:
    s, i = m.string, m.start()
    if s.endswith("href", 0, i) or s.endswith("src", 0, i):
        return f'="{m.group(1)}../assets/'
    return m.group(0)


def shared(lang: str, default_lang: str, command: str | None) -> bool:
    """Whether this edition uses the default edition's assets (a build of a non-default edition)."""
    return lang != default_lang and command in ("build", "gh-deploy")


def without_assets(files):
    """``files`` without the theme's and the overrides' ``assets/`` (the default edition publishes them)."""
    for f in [f for f in files if f.src_uri.startswith(ASSETS) and not f.is_documentation_page()]:
        files.remove(f)
    return files


def point_to_default(html: str, site_url: str) -> str:
    """``html`` with its references to the edition's assets pointed at the default edition's.

    Pages refer to them relatively (``../../assets/``); the 404 page absolutely (``/gwr/en/assets/``,
    the path of ``site_url``), since it is served at any address.
    """
    html = _RELATIVE.sub(_move, html)
    path = urlsplit(site_url).path or "/"
    if path.rstrip("/"):
        parent = path.rstrip("/").rsplit("/", 1)[0] + "/"
        html = html.replace(f'="{path}{ASSETS}', f'="{parent}{ASSETS}')
    return html
