"""Files put into the site as hard links to files the build already has (gwr.sitefiles), and copies where links
cannot be made. A site file that is a link shares its content with the cache: nothing may write through it."""

from __future__ import annotations

import errno
import os
from types import SimpleNamespace

import pytest

from gwr import sitefiles
from gwr.sitefiles import LinkedFile, Store, digest


def _write_all(store: Store, site, files: dict[str, str]) -> None:
    site.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        store.write(str(site / name), text)
    store.prune()


def test_the_next_build_links_what_it_has_and_writes_the_rest(tmp_path):
    folder = tmp_path / "store"
    _write_all(Store(folder), tmp_path / "one", {"a.json": "甲", "b.json": "乙", "c.json": "丙"})
    assert sorted(p.name for p in folder.iterdir()) == sorted(digest(t.encode()) for t in "甲乙丙")
    second = Store(folder)
    _write_all(second, tmp_path / "two", {"a.json": "甲", "b.json": "乙 changed", "d.json": "丙"})
    assert second.linked == 2  # a.json, and d.json (丙 under another name)
    for name, text in {"a.json": "甲", "b.json": "乙 changed", "d.json": "丙"}.items():
        path = tmp_path / "two" / name
        assert path.read_text(encoding="utf-8") == text
        assert path.stat().st_ino == (folder / digest(text.encode())).stat().st_ino
    # the store keeps the last build's files only; the first build's site is unchanged
    assert sorted(p.name for p in folder.iterdir()) == sorted(digest(t.encode()) for t in ("甲", "乙 changed", "丙"))
    assert (tmp_path / "one/b.json").read_text(encoding="utf-8") == "乙"


def test_a_kept_file_that_is_not_what_its_name_says_is_not_linked(tmp_path):
    folder = tmp_path / "store"
    _write_all(Store(folder), tmp_path / "one", {"a.json": "some text"})
    kept = folder / digest(b"some text")
    os.unlink(kept)
    kept.write_bytes(b"some")  # cut short (as a write through a link would leave it)
    again = Store(folder)
    _write_all(again, tmp_path / "two", {"a.json": "some text"})
    assert again.linked == 0
    assert (tmp_path / "two/a.json").read_text(encoding="utf-8") == "some text"
    assert kept.read_bytes() == b"some text"  # replaced by the whole file


def test_a_dirty_build_does_not_write_through_a_link(tmp_path):
    """`mkdocs build --dirty` keeps the previous build's files: writing a new content at a linked file's place must
    replace the site's file, not the cache's."""
    folder = tmp_path / "store"
    site = tmp_path / "site"
    _write_all(Store(folder), site, {"a.json": "old"})
    _write_all(Store(folder), site, {"a.json": "old"})  # now a link
    assert (site / "a.json").stat().st_nlink == 2
    kept = folder / digest(b"old")
    store = Store(folder)
    store.write(str(site / "a.json"), "new")
    assert (site / "a.json").read_text(encoding="utf-8") == "new"
    assert kept.read_bytes() == b"old"


def test_without_the_disk_cache_files_are_written(tmp_path):
    store = Store(None)
    store.write(str(tmp_path / "a.json"), "文本")
    store.prune()
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == "文本"
    assert (tmp_path / "a.json").stat().st_nlink == 1


@pytest.fixture
def no_links(monkeypatch):
    """A file system without hard links, or the site on another one than the cache."""
    def refuse(src, dest):
        raise OSError(errno.EXDEV, "Invalid cross-device link")
    monkeypatch.setattr(sitefiles.os, "link", refuse)


def test_where_links_cannot_be_made_files_are_written(tmp_path, no_links):
    folder = tmp_path / "store"
    for run in ("one", "two"):
        _write_all(Store(folder), tmp_path / run, {"a.json": "甲", "b.json": "乙"})
        assert (tmp_path / run / "a.json").read_text(encoding="utf-8") == "甲"
        assert (tmp_path / run / "b.json").read_text(encoding="utf-8") == "乙"


def _config(site_dir):
    plugins = SimpleNamespace(_current_plugin=None)
    return SimpleNamespace(site_dir=str(site_dir), use_directory_urls=True, plugins=plugins)


def test_a_generated_file_is_linked_into_the_site(tmp_path):
    src = tmp_path / "kept.csv"
    src.write_text("a,b\n", encoding="utf-8")
    f = LinkedFile.generated(_config(tmp_path / "site"), "data/x.csv", abs_src_path=str(src))
    f.copy_file()
    dest = tmp_path / "site/data/x.csv"
    assert dest.read_text(encoding="utf-8") == "a,b\n"
    assert dest.stat().st_ino == src.stat().st_ino
    f.copy_file()  # again (a --dirty build): still the one file
    assert dest.stat().st_ino == src.stat().st_ino
    g = LinkedFile.generated(_config(tmp_path / "site"), "data/y.txt", content="in memory")
    g.copy_file()
    assert (tmp_path / "site/data/y.txt").read_text(encoding="utf-8") == "in memory"


def test_a_generated_file_is_copied_where_it_cannot_be_linked(tmp_path, no_links):
    src = tmp_path / "kept.csv"
    src.write_text("a,b\n", encoding="utf-8")
    LinkedFile.generated(_config(tmp_path / "site"), "data/x.csv", abs_src_path=str(src)).copy_file()
    dest = tmp_path / "site/data/x.csv"
    assert dest.read_text(encoding="utf-8") == "a,b\n"
    assert dest.stat().st_ino != src.stat().st_ino


def test_a_file_pruned_by_another_build_meanwhile_is_written(tmp_path, monkeypatch):
    """`make serve` and `make build` side by side share a store: the other build's prune may remove a kept file
    between the moment this build finds it and the moment it links it."""
    folder = tmp_path / "store"
    _write_all(Store(folder), tmp_path / "one", {"a.json": "甲", "b.json": "乙"})
    real = sitefiles.link

    def pruned_first(src, dest):
        os.unlink(src)
        return real(src, dest)
    monkeypatch.setattr(sitefiles, "link", pruned_first)
    again = Store(folder)
    _write_all(again, tmp_path / "two", {"a.json": "甲", "b.json": "乙"})
    assert again.linked == 0
    for name, text in {"a.json": "甲", "b.json": "乙"}.items():
        assert (tmp_path / "two" / name).read_text(encoding="utf-8") == text
        assert (folder / digest(text.encode())).read_text(encoding="utf-8") == text  # kept again
