"""Ids keep their meaning: declared renumberings, redirects and tombstones, and the guard that demands them.

An id such as ``part_1__sec_2__para_3`` is cited by readers; the URL snapshot (``tests/urls-snapshot.json``)
records, for every published id, its URL and a fingerprint of the text it points to
(:func:`gwr.ids.meanings`). When a corrected official text shifts the numbering, :func:`compare` names every
id whose meaning changed and where its text is now, and ``make snapshot`` refuses until the maintainer has
declared, in ``data/id-changes.yml``, what happened to each (the legislation.gov.uk / Akoma Ntoso ``wId``
practice: an old identifier is redirected to the content's new one, or tombstoned):

* ``moved_to: <new id>`` — the text is now at the new id. A reader who opens the old URL lands on it: where
  the old id is no longer used, a notice stands in its place and the reader script (``assets/gwr-ids.js``)
  forwards to the new id; where the old id now holds other text, a banner above that text says what the link
  meant before and links to it.
* ``removed: <why>`` — the text is gone; the notice (or banner) says so and why.
* ``amended: <why>`` — the text was corrected and the id keeps its meaning; nothing is shown.

A part page that no longer exists is replaced by a page of notices. Pure functions, no MkDocs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import model_validator

from .datafiles import IsoDate, Schema, Slug, Text, load
from .export import node_path, page_path
from .ids import node_ids
from .model import Document
from .markup import attr, esc, front_matter, ROOT_HREF
from .render import index_src, report_title
from .slots import slot

FILE = "data/id-changes.yml"
ID = re.compile(r"(?:preamble|closing|part_\d+)(?:__(?:sec|para|item)_\d+)*")


class Change(Schema):
    """One entry of ``data/id-changes.yml``."""

    report: Slug
    """The report's registry id."""
    id: Text
    """The id as it was published."""
    moved_to: Text | None = None
    removed: Text | None = None
    amended: Text | None = None
    since: IsoDate | None = None
    """When the corrected text was published (shown in the notice)."""

    @model_validator(mode="after")
    def _one_action(self):
        actions = [k for k in ("moved_to", "removed", "amended") if getattr(self, k) is not None]
        if len(actions) != 1:
            raise ValueError("give exactly one of moved_to (the new id), removed (why) or amended (why)")
        for value in (self.id, self.moved_to):
            if value is not None and not ID.fullmatch(value):
                raise ValueError(f"{value!r} is not a node id such as part_2__sec_3__para_4")
        return self


class ChangesFile(Schema):
    changes: list[Change] = []


def load_changes(root: Path, docs: list[Document], registered: set[str] | None = None) -> list[Change]:
    """The declared changes, checked against the current reports (report known, new id present).

    ``registered``: every report id of the registry, when ``docs`` are only some of them (a one-city build,
    ``GWR_CITY``); changes of registered reports that are not built are left out."""
    found = load(root, FILE, ChangesFile)
    if found is None:
        return []
    data, file = found
    by_id = {d.meta.id: d for d in docs}
    seen: dict = {}
    out = []
    for n, c in enumerate(data.changes):
        doc = by_id.get(c.report)
        if doc is None and registered is not None and c.report in registered:
            continue
        if doc is None:
            file.fail(("changes", n, "report"), f"unknown report {c.report!r}; use an id of data/reports.yml.")
        if c.moved_to is not None and c.moved_to not in set(node_ids(doc)):
            file.fail(("changes", n, "moved_to"), f"{c.report} has no node {c.moved_to!r} (see data/urls.json).")
        if (c.report, c.id) in seen:
            file.fail(("changes", n, "id"), f"{c.report} {c.id} is declared twice (also changes[{seen[c.report, c.id]}]).")
        seen[c.report, c.id] = n
        out.append(c)
    return out


# --- the guard ----------------------------------------------------------------------------------------

@dataclass
class Problem:
    key: str
    """``<report>:<id>`` (or ``<lang>:<report>:<id>`` for a URL change)."""
    message: str
    suggestion: dict | None = None
    """An entry for data/id-changes.yml that would settle it."""


def snapshot_entries(urls_json: dict) -> dict[str, list]:
    """``{"<lang>:<report>:<id>": [path, fingerprint]}`` from a built ``data/urls.json``."""
    return {f"{u['lang']}:{u['report'] or ''}:{u['id']}": [u["path"], u.get("fp")] for u in urls_json["urls"]}


def compare(snapshot: dict[str, list], current: dict[str, list], declared: list[Change],
            redirected=lambda path: False) -> list[Problem]:
    """Every published id whose URL or meaning changed without a declaration, with where its text is now.

    ``redirected(path)`` says whether a redirect page stands at a page URL that is gone (mkdocs-redirects).
    A meaning is compared once per report and id (both editions share it)."""
    decl = {(c.report, c.id): c for c in declared}
    where: dict[tuple[str, str], str] = {}  # (report, fingerprint) -> current id
    for key, (_, fp) in current.items():
        lang, report, node = key.split(":", 2)
        if fp and lang == "zh":
            where.setdefault((report, fp), node)
    problems: dict[str, Problem] = {}
    for key, (path, fp) in sorted(snapshot.items()):
        lang, report, node = key.split(":", 2)
        now = current.get(key)
        if now == [path, fp]:
            continue
        change = decl.get((report, node))
        if change is not None:
            if change.moved_to and fp and where.get((report, fp)) not in (None, change.moved_to):
                problems[f"{report}:{node}"] = Problem(
                    f"{report}:{node}", f"declared moved_to {change.moved_to}, but its text is now at "
                    f"{where[report, fp]}")
            continue
        if now is None and redirected(path):
            continue
        if now is not None and now[0] != path:
            problems[key] = Problem(key, f"URL changed: was {path}, now {now[0]}")
            continue
        if f"{report}:{node}" in problems:
            continue
        moved = where.get((report, fp)) if fp else None
        state = "is gone" if now is None else "points to different text"
        if moved:
            hint, suggestion = f"its text is now at {moved}", {"report": report, "id": node, "moved_to": moved}
        else:
            hint = "its text is no longer in the report"
            suggestion = {"report": report, "id": node, "removed": "<why: e.g. deleted in the corrected text of …>"}
        problems[f"{report}:{node}"] = Problem(f"{report}:{node}", f"{state}; {hint}", suggestion)
    return list(problems.values())


def report(problems: list[Problem]) -> str:
    """The guard's message: what changed, and the entries to review and add to data/id-changes.yml."""
    lines = [f"{len(problems)} published id(s) changed meaning or URL without a declaration:"]
    lines += [f"  {p.key}: {p.message}" for p in problems]
    todo = [p.suggestion for p in problems if p.suggestion]
    if todo:
        lines.append(f"If the corrected text is right, declare each in {FILE} (check every line by reading; "
                     "use `amended: <why>` where an id keeps its meaning and only its wording was corrected):")
        lines.append("changes:")
        for s in todo:
            lines.append(f"- {{report: {s['report']}, id: {s['id']}, "
                         + (f"moved_to: {s['moved_to']}}}" if "moved_to" in s else f"removed: \"{s['removed']}\"}}"))
    return "\n".join(lines)


# --- what readers see ----------------------------------------------------------------------------------

TEXT = {
    "zh": {
        "heading": "编号变更",
        "intro": "官方文本更正后，下列编号所指的内容有变化。旧链接仍然有效：",
        "moved": "此前以 {old} 发布的内容现在位于 {new}。",
        "removed": "此前以 {old} 发布的内容已删除：{why}",
        "banner_moved": "注意：本链接在编号变更前指向另一段内容，该内容现在位于 {new}。下面是此编号现在所指的内容。",
        "banner_removed": "注意：本链接在编号变更前指向的内容已删除（{why}）。下面是此编号现在所指的内容。",
        "arrived": "您打开的是旧链接（{old}）：编号变更后，该内容位于此处。",
        "since": "（{since}起）",
        "page_title": "编号变更",
    },
    "en": {
        "heading": "Numbering changes",
        "intro": "After a correction of the official text, these ids point to different content. Old links still work:",
        "moved": "The text published as {old} is now at {new}.",
        "removed": "The text published as {old} was removed: {why}",
        "banner_moved": "Note: before a renumbering this link pointed to other text, which is now at {new}. "
                        "Below is what this id points to now.",
        "banner_removed": "Note: the text this link pointed to before a renumbering was removed ({why}). "
                          "Below is what this id points to now.",
        "arrived": "You opened an old link ({old}): after a renumbering, its text is here.",
        "since": " (since {since})",
        "page_title": "Numbering changes",
    },
}


def _href(doc: Document, node: str) -> str:
    return ROOT_HREF + node_path(doc, node)


def _notice(doc: Document, c: Change, lang: str, taken: bool) -> str:
    """The element that stands for an old id: in its place (``id``) when free, a hidden banner when taken."""
    s = TEXT[lang]
    since = s["since"].format(since=c.since) if c.since else ""
    old = f"<code>{esc(c.id)}</code>"
    if c.moved_to:
        link = f'<a href="{attr(_href(doc, c.moved_to))}"><code>{esc(c.moved_to)}</code></a>'
        text = (s["banner_moved"] if taken else s["moved"]).format(old=old, new=link)
        data = (f' data-gwr-moved="{attr(_href(doc, c.moved_to))}" '
                f'data-gwr-arrived="{attr(s["arrived"].format(old=c.id))}"')
    else:
        text = (s["banner_removed"] if taken else s["removed"]).format(old=old, why=esc(c.removed or ""))
        data = ""
    where = f'data-gwr-old="{attr(c.id)}" hidden' if taken else f'id="{attr(c.id)}"'
    cls = "admonition warning gwr-idchange" if taken else "gwr-idchange"
    return f'<p class="{cls}" {where}{data}>{text}{esc(since)}</p>'


def notices(doc: Document, changes: list[Change], lang: str) -> dict[str, str]:
    """``{page src: HTML}`` to append to each existing page of ``doc`` that old ids pointed into."""
    current = set(node_ids(doc))
    by_page: dict[str, list[str]] = {}
    for c in changes:
        if c.report != doc.meta.id or c.amended is not None:
            continue
        src = old_page(doc, c.id)
        by_page.setdefault(src, []).append(_notice(doc, c, lang, c.id in current))
    out = {}
    for src, items in by_page.items():
        s = TEXT[lang]
        out[src] = (f'<div class="gwr-idchanges" id="gwr-idchanges"><p><strong>{esc(s["heading"])}</strong> '
                    f'{esc(s["intro"])}</p>{"".join(items)}</div>')
    return out


def old_page(doc: Document, node: str) -> str:
    """The page src an id was on: part ``n``'s page (which may no longer exist), or the report's index."""
    if node.startswith("preamble"):
        return index_src(doc)
    if node.startswith("closing"):
        return f"{doc.meta.path}/part-{doc.parts[-1].ordinal}.md"
    return f"{doc.meta.path}/part-{int(node.split('__')[0].split('_')[1])}.md"


def tombstone_pages(doc: Document, changes: list[Change], lang: str, existing: set[str]) -> dict[str, str]:
    """Markdown pages for old part pages that no longer exist, holding their notices."""
    out = {}
    for src, html in notices(doc, changes, lang).items():
        if src in existing:
            continue
        s = TEXT[lang]
        title = f"{s['page_title']} · {report_title(doc, lang)}"
        up = page_path(index_src(doc))
        part = next((c for c in changes if c.report == doc.meta.id and c.moved_to and c.id.startswith("part_")
                     and "__" not in c.id and old_page(doc, c.id) == src), None)
        page_data = f' data-gwr-page-moved="{attr(_href(doc, part.moved_to))}"' if part else ""
        out[src] = (front_matter(title, "search:\n  exclude: true\n")
                    + f"# {esc(s['page_title'])}\n\n"
                    + slot(f'<p class="gwr-crumbs"{page_data}><a href="{attr(ROOT_HREF + up)}">'
                           f"{esc(report_title(doc, lang))}</a></p>") + "\n\n" + slot(html) + "\n")
    return out


__all__ = ["Change", "load_changes", "compare", "report", "notices", "tombstone_pages", "snapshot_entries", "FILE"]
