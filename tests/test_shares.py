"""Files of shares (hooks/gwr/shares.py): the bytes are those of the text made whole, whatever was copied from the
previous file; a share is made only when its key is new."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from gwr import shares  # noqa: E402
from gwr.shares import Run, Share, Store  # noqa: E402


def _build(tmp: Path, store: Store, name: str, pieces: list, n: int) -> tuple[bytes, list[str]]:
    """Write ``pieces`` as the file ``name``, then "move it into the cache" as pipeline.stored does."""
    path = tmp / f"temp-{n}"
    shares.write(path, pieces, name, store)
    kept = tmp / f"kept-{n}"
    os.replace(path, kept)
    store.commit({name: kept})
    return kept.read_bytes(), store.made.get(name, [])


def _csv(rows: dict[str, str], calls: list[str]) -> list:
    def make(key):
        calls.append(key)
        return rows[key]

    return ["head\n"] + [Share(k, lambda k=k: make(k)) for k in rows]


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "shares")


def test_unchanged_shares_are_copied_and_the_bytes_are_the_same(tmp_path, store):
    rows = {"a": "1,一\n", "b": "2,二\n", "c": "", "d": "4,四\n" * 1000}
    calls: list[str] = []
    first, made = _build(tmp_path, store, "data/x.csv", _csv(rows, calls), 1)
    assert first.decode() == shares.text(_csv(rows, []))
    assert made == ["a", "b", "c", "d"]
    # a share changed (under a new key), one added in the middle, one removed, one empty made full
    rows2 = {"a": "1,一\n", "b2": "2,贰\n", "new": "9,九\n", "d": "4,四\n" * 1000}
    calls.clear()
    second, made = _build(tmp_path, Store(store.folder), "data/x.csv", _csv(rows2, calls), 2)
    assert second.decode() == shares.text(_csv(rows2, []))
    assert calls == made == ["b2", "new"]  # "a" and "d" were copied from the first file


def test_json_separators_follow_the_shares_that_are_not_empty(tmp_path, store):
    def pieces(items: dict[str, str]) -> list:
        run = Run(",")
        return ['{"x":['] + [Share(k, lambda v=v: v, run) for k, v in items.items()] + ["]}"]

    for n, items in enumerate(({"a": "", "b": '{"b":1}', "c": "", "d": '{"d":2},{"d":3}'},
                               {"a2": '{"a":0}', "b": '{"b":1}', "c": "", "d": '{"d":2},{"d":3}'},
                               {"b": '{"b":1}', "d": '{"d":2},{"d":3}', "e": ""})):
        data, _ = _build(tmp_path, Store(store.folder), "data/x.json", pieces(items), n)
        assert data.decode() == '{"x":[' + ",".join(v for v in items.values() if v) + "]}"
        json.loads(data)


def test_a_file_changed_since_it_was_indexed_is_not_copied_from(tmp_path, store):
    rows = {"a": "1\n", "b": "2\n"}
    _build(tmp_path, store, "data/x.csv", _csv(rows, []), 1)
    (tmp_path / "kept-1").write_bytes(b"head\nX\n2\n")  # same size, other bytes (and time)
    os.utime(tmp_path / "kept-1", ns=(1, 1))
    calls: list[str] = []
    data, _ = _build(tmp_path, Store(store.folder), "data/x.csv", _csv(rows, calls), 2)
    assert calls == ["a", "b"] and data == b"head\n1\n2\n"


def test_copies_without_copy_file_range(tmp_path, store, monkeypatch):
    """Where the kernel cannot copy between the two files (other file systems, older kernels), they are read."""
    rows = {"a": "1\n" * 5000, "b": "2\n"}
    _build(tmp_path, store, "data/x.csv", _csv(rows, []), 1)

    def refuse(*args, **kwargs):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refuse)
    calls: list[str] = []
    data, _ = _build(tmp_path, Store(store.folder), "data/x.csv", _csv({**rows, "c": "3\n"}, calls), 2)
    assert calls == ["c"] and data == ("head\n" + "1\n" * 5000 + "2\n3\n").encode()


def test_one_key_for_two_shares_stops_the_build(tmp_path, store):
    with pytest.raises(ValueError, match="two shares under one key"):
        shares.write(tmp_path / "f", [Share("a", lambda: "1"), Share("a", lambda: "2")], "data/x.csv", store)


def test_a_lost_cache_makes_every_share(tmp_path, store):
    rows = {"a": "1\n", "b": "2\n"}
    _build(tmp_path, store, "data/x.csv", _csv(rows, []), 1)
    shutil.rmtree(store.folder)
    calls: list[str] = []
    data, _ = _build(tmp_path, Store(store.folder), "data/x.csv", _csv(rows, calls), 2)
    assert calls == ["a", "b"] and data == b"head\n1\n2\n"


def test_many_shares_in_one_piece(tmp_path, store):
    """A file's every report as one Shares piece: the same bytes as a Share each, and only new keys made."""
    def pieces(items: dict[str, str], calls: list[str]) -> list:
        keys = list(items)

        def make(i: int) -> str:
            calls.append(keys[i])
            return items[keys[i]]

        return ['{"x":['] + list(json_items(keys, make)) + ["]}"]

    def json_items(keys, make):
        from gwr.export import json_joined

        return list(json_joined({}, "y", [shares.Shares(keys, make)]))[1:-1]

    first = {"a": '{"a":1}', "b": "", "c": '{"c":3}'}
    data, _ = _build(tmp_path, store, "data/m.json", pieces(first, []), 1)
    assert data == b'{"x":[{"a":1},{"c":3}]}'
    calls: list[str] = []
    second = {"a": '{"a":1}', "b2": '{"b":2}', "c": '{"c":3}', "d": ""}
    data, made = _build(tmp_path, Store(store.folder), "data/m.json", pieces(second, calls), 2)
    assert data == b'{"x":[{"a":1},{"b":2},{"c":3}]}'
    assert calls == made == ["b2", "d"]


def test_unchanged_json_items_are_copied_in_one_run(tmp_path, store, monkeypatch):
    """Separators between unchanged items are copied with them, not written between copies of each item."""
    items = {f"k{n}": f'{{"n":{n}}}' for n in range(50)}

    def pieces(items):
        from gwr.export import json_joined

        return list(json_joined({}, "x", [shares.Shares(list(items), lambda i: list(items.values())[i])]))

    _build(tmp_path, store, "data/j.json", pieces(items), 1)
    calls = []
    real = os.copy_file_range
    monkeypatch.setattr(os, "copy_file_range", lambda *a, **k: calls.append(a) or real(*a, **k))
    data, made = _build(tmp_path, Store(store.folder), "data/j.json", pieces({**items, "new": '{"n":"new"}'}), 2)
    assert json.loads(data)["x"][-1] == {"n": "new"} and len(json.loads(data)["x"]) == 51 and made == ["new"]
    assert len(calls) == 1, len(calls)


def test_a_run_of_unchanged_items_is_copied_as_one_block(tmp_path, store, monkeypatch):
    """Items the old file has one after another, in one piece, are placed and copied as one block (no step per item);
    the bytes and the index are those of the item-by-item copy."""
    def rows(items: dict[str, str], calls: list[str]) -> list:
        keys = list(items)

        def make(i: int) -> str:
            calls.append(keys[i])
            return items[keys[i]]

        return ["head\n", shares.Shares(keys, make)]

    items = {f"k{n}": f"{n}\n" for n in range(200)}
    _build(tmp_path, store, "data/x.csv", rows(items, []), 1)
    blocks: list[int] = []
    real = shares._Old.block

    def spy(self, keys, i, sep):
        end, size = real(self, keys, i, sep)
        blocks.append(end - i)
        return end, size

    monkeypatch.setattr(shares._Old, "block", spy)
    calls: list[str] = []
    grown = {**items, "new": "new\n"}
    data, made = _build(tmp_path, Store(store.folder), "data/x.csv", rows(grown, calls), 2)
    assert data == ("head\n" + "".join(grown.values())).encode() and calls == made == ["new"]
    assert blocks[0] == 200
    # and the next build copies from the index the block wrote: every item where it is
    calls.clear()
    again, _ = _build(tmp_path, Store(store.folder), "data/x.csv", rows({"first": "0\n", **grown}, calls), 3)
    assert again == ("head\n0\n" + "".join(grown.values())).encode() and calls == ["first"]


def test_no_block_across_two_pieces_of_the_old_file(tmp_path, store):
    """Keys that were in two pieces (a text between them, as long as a separator) are not copied as one block."""
    def pieces(groups: list[list[str]], texts: dict[str, str]) -> list:
        out: list = ["["]
        for n, keys in enumerate(groups):
            if n:
                out.append(";")
            out.append(shares.Shares(keys, lambda i, keys=keys: texts[keys[i]], Run()))
        return out + ["]"]

    texts = {"a": "A", "b": "B", "c": "C"}
    first, _ = _build(tmp_path, store, "data/y.json", pieces([["a", "b"], ["c"]], texts), 1)
    assert first == b"[A,B;C]"
    second, made = _build(tmp_path, Store(store.folder), "data/y.json", pieces([["a", "b", "c"]], texts), 2)
    assert second == b"[A,B,C]" and made == []
