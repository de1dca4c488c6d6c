"""Guard for permanent URLs: no published URL may disappear or point elsewhere.

The committed snapshot (tests/urls-snapshot.json) lists every citable URL that
has been published. After a deliberate change, a URL may only go away if a
redirect page stands in its place. `make snapshot` records new URLs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

SNAPSHOT = Path(__file__).parent / "urls-snapshot.json"


def _current(site):
    urls = json.loads((site / "data/urls.json").read_text(encoding="utf-8"))["urls"]
    return {f"{u['lang']}:{u['report'] or ''}:{u['id']}": u["path"] for u in urls}


def test_published_urls_are_kept(site):
    current = _current(site)
    if os.environ.get("UPDATE_SNAPSHOT"):
        old = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else {}
        old.update(current)
        SNAPSHOT.write_text(json.dumps(dict(sorted(old.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    problems = []
    for key, path in snapshot.items():
        if current.get(key) == path:
            continue
        page = path.lstrip("/").split("#")[0]
        redirect = site / page / "index.html"
        if key not in current and redirect.is_file() and 'http-equiv="refresh"' in redirect.read_text(encoding="utf-8"):
            continue
        problems.append(f"{key}: was {path}, now {current.get(key, 'gone')}")
    assert problems == [], "published URLs changed:\n" + "\n".join(problems)
    new = sorted(set(current) - set(snapshot))
    assert new == [], f"{len(new)} URLs are not in the snapshot yet; run `make snapshot` and commit it: {new[:5]}"
