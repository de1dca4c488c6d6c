"""Guard for permanent URLs: no published URL may disappear, point elsewhere, or silently change meaning.

The committed snapshot (tests/urls-snapshot.json) lists every citable URL that has been published, with a
fingerprint of the text it points to: ``"<lang>:<report>:<id>": [path, fingerprint]``. An id whose URL or
text changed must be declared in data/id-changes.yml (moved_to / removed / amended), and the built site
must then show the reader what happened (gwr.idchanges); a page that moved may instead have a redirect page.

`make snapshot` records new URLs, and the new fingerprints of declared changes. It refuses, naming every
id and where its text is now, while any change is undeclared.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import ROOT

from gwr.idchanges import compare, load_changes, report, snapshot_entries
from gwr.pipeline import load_site

SNAPSHOT = Path(__file__).parent / "urls-snapshot.json"


def _redirected(site):
    def check(path: str) -> bool:
        page = site / path.lstrip("/").split("#")[0] / "index.html"
        return page.is_file() and 'http-equiv="refresh"' in page.read_text(encoding="utf-8")

    return check


def guard(site: Path, root: Path, snapshot_file: Path, update: bool = False) -> list[str]:
    """Problems of the built ``site`` against the snapshot; with ``update``, write the snapshot when none."""
    current = snapshot_entries(json.loads((site / "data/urls.json").read_text(encoding="utf-8")))
    snapshot = json.loads(snapshot_file.read_text(encoding="utf-8")) if snapshot_file.exists() else {}
    declared = load_changes(root, load_site(root).docs)
    problems = compare(snapshot, current, declared, _redirected(site))
    if problems:
        return [report(problems)]
    if update:
        merged = {**snapshot, **current}  # an id that is gone keeps its entry: its notice is checked below
        lines = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}" for k, v in sorted(merged.items())]
        snapshot_file.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
        snapshot = merged
    out = []
    new = sorted(set(current) - set(snapshot))
    if new:
        out.append(f"{len(new)} URLs are not in the snapshot yet; run `make snapshot` and commit it: {new[:5]}")
    for c in declared:
        if c.amended is not None:
            continue
        for lang, prefix in (("zh", ""), ("en", "en/")):
            old = snapshot.get(f"{lang}:{c.report}:{c.id}")
            if old is None:
                continue
            page = site / prefix / old[0].removeprefix(f"/{prefix}").lstrip("/").split("#")[0] / "index.html"
            html = page.read_text(encoding="utf-8") if page.is_file() else ""
            if f'id="{c.id}"' not in html and f'data-gwr-old="{c.id}"' not in html:
                out.append(f"{lang}:{c.report}:{c.id} is declared in data/id-changes.yml but {old[0]} shows no "
                           "notice for it")
    return out


def test_published_urls_keep_their_meaning(site):
    assert guard(site, ROOT, SNAPSHOT, update=bool(os.environ.get("UPDATE_SNAPSHOT"))) == []
