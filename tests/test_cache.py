"""The disk cache's bound (gwr.cache.Disk._prune): past the limit, the entries least recently used go."""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from gwr import cache
from gwr.cache import Disk, Stored


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



@pytest.fixture
def temp_elsewhere(monkeypatch, tmp_path):
    """The build's temporary files on another file system than the project (``TMPDIR`` a tmpfs, as on Debian 13):
    a real one where /dev/shm is another device, else a rename that fails as it would there."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK) and shm.stat().st_dev != tmp_path.stat().st_dev:
        folder = Path(tempfile.mkdtemp(prefix="gwr-test-", dir=shm))
        monkeypatch.setattr(cache, "_STORE", [folder])
        yield "another file system"
        shutil.rmtree(folder, ignore_errors=True)
        return
    real = os.replace

    def replace(src, dest):
        if cache.is_temporary(Path(src)):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real(src, dest)
    monkeypatch.setattr(cache, "_STORE", [])
    monkeypatch.setattr(os, "replace", replace)
    yield "a rename refused"


def test_a_result_file_moves_into_the_cache_from_another_file_system(tmp_path, temp_elsewhere):
    disk = Disk()
    disk.on, disk.dir = True, tmp_path / "cache"
    made = disk.get(("page file", "zh", "shenzhen-2025"), lambda: Stored({"a.js": cache.write_temp("页面")}))
    kept = made.paths["a.js"]
    assert kept.read_text(encoding="utf-8") == "页面"
    assert kept.is_relative_to(tmp_path / "cache"), temp_elsewhere
    assert not any(cache._STORE[0].iterdir())  # moved, not left behind
    again = Disk()
    again.on, again.dir = True, tmp_path / "cache"
    assert again.get(("page file", "zh", "shenzhen-2025"), lambda: pytest.fail("computed again")) == made
