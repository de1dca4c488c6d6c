"""The search index in segments (hooks/gwr/search_files.py): a query reads, for a key, its postings in each segment
after another, and that must be the list one index of every part gives; a report added at the end of the registry
must leave the files of the segments before it as they were."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from gwr import search, search_files  # noqa: E402

WORDS = "低空经济 人工智能 营商环境 保障性住房 科技创新 城市更新 数字经济 绿色低碳 教育 医疗 港口 河套".split()


def _parts(n: int, pages: int = 1) -> list[search.Part]:
    """``n`` reports' parts and ``pages`` parts of hand-written pages, each report's text made of its own words."""
    rnd = random.Random(7)
    parts = []
    for r in range(n + pages):
        entries = [{"u": f"r{r}/e{e}/", "t": f"标题{r}", "c": "", "h": f"标题{r}",
                    "p": [[f"p{k}", "，".join(rnd.sample(WORDS, 4)) + f"。第{r}号{e}{k}。", ""] for k in range(3)]}
                   for e in range(rnd.randint(1, 4))]
        parts.append(search.index_part(entries))
    return parts


def _files(parts: list[search.Part], reports: int) -> dict[str, str]:
    return dict(search_files.index_files(parts, [], "zh", reports=reports))


def _postings_by_key(files: dict[str, str]) -> dict[str, list[str]]:
    """Every key's postings as the client reads them: its shard in each segment, segment after segment."""
    manifest = json.loads(files["search-index.json"])
    out: dict[str, list[str]] = {}
    for g, firsts in enumerate(manifest["shards"]):
        for i in range(len(firsts)):
            for key, values in json.loads(files[f"search/s/{g}-{i}.json"]).items():
                out.setdefault(key, []).extend(map(str, values))
    return out


def test_segments_are_the_binary_digits_of_the_reports_then_the_rest():
    assert search_files.segments(205) == [128, 64, 13]
    assert search_files.segments(208) == [128, 64, 16]
    assert search_files.segments(8) == [8] and search_files.segments(16) == [16] and search_files.segments(0) == []
    assert all(sum(search_files.segments(n)) == n for n in range(300))
    # a report added at the end leaves every segment but the last as it was, unless the last fills up and carries
    for n in range(300):
        before, after = search_files.segments(n), search_files.segments(n + 1)
        kept = 0
        while kept < min(len(before), len(after)) and before[kept] == after[kept]:
            kept += 1
        indexed_again = n - sum(before[:kept])
        assert indexed_again < search_files.SEGMENT_TAIL or (n + 1) % search_files.SEGMENT_TAIL == 0, (n, before, after)


def test_a_key_read_segment_after_segment_has_the_postings_of_one_index():
    parts = _parts(37, pages=2)
    files = _files(parts, 37)
    manifest = json.loads(files["search-index.json"])
    assert [len(f) > 0 for f in manifest["shards"]] == [True] * 3  # 32 + 5 reports, then the pages
    whole = {key: found.split(",") for key, found in search_files._merged(parts)}
    assert _postings_by_key(files) == whole
    # the first value of each key's list in a segment starts a part: the client resets its running value there
    for g, firsts in enumerate(manifest["shards"]):
        for i in range(len(firsts)):
            assert all(v[0] < 0 for v in json.loads(files[f"search/s/{g}-{i}.json"]).values())


def test_a_report_added_at_the_end_leaves_the_first_segments_as_they_were(monkeypatch):
    monkeypatch.setattr(search_files, "SHARD_BYTES", 400)  # several shards a segment
    monkeypatch.setattr(search_files, "SEGMENT_TAIL", 4)
    parts = _parts(6, pages=1)
    before = _files(parts[:5] + parts[6:], 5)  # 4 + 1 reports, then the pages
    after = _files(parts, 6)  # 4 + 2
    first = sorted(name for name in before if name.startswith("search/s/0-"))
    assert len(first) > 2
    assert [after.get(name) for name in first] == [before[name] for name in first]
    changed = [name for name in after if name.startswith("search/s/1-") and after[name] != before.get(name)]
    assert changed  # the second segment holds the added report
    # entries of the reports before it keep their numbers and text
    n = json.loads(before["search-index.json"])["bases"][5]
    assert all(after[f"search/d/{e}.json"] == before[f"search/d/{e}.json"] for e in range(n))


def test_more_reports_than_parts_stops():
    try:
        _files(_parts(2, pages=0), 3)
    except ValueError as exc:
        assert "3 reports" in str(exc)
    else:
        raise AssertionError("no error")
