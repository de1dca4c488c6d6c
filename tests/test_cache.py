"""The disk cache's bound (gwr.cache.Disk._prune): past the limit, the entries least recently used go."""

from __future__ import annotations

import os

from gwr.cache import Disk


def test_prune_drops_the_least_recently_used(tmp_path):
    disk = Disk()
    disk.dir = tmp_path
    sub = tmp_path / "report" / "ab"
    sub.mkdir(parents=True)
    for i, name in enumerate(["old", "mid", "new"]):
        (sub / name).write_bytes(b"x" * 1000)
        os.utime(sub / name, (1_000_000 + i, 1_000_000 + i))
    files = sub / "old.files"  # a kept file of the oldest entry goes with it
    files.mkdir()
    (files / "0").write_bytes(b"y" * 500)
    disk._prune(2000)
    assert sorted(p.name for p in sub.iterdir()) == ["mid", "new"]
    disk._prune(10_000)
    assert sorted(p.name for p in sub.iterdir()) == ["mid", "new"]
