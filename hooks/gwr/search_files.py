"""The files of the search index (gwr.search makes its parts): the entries' text, the shards of each segment,
and the manifest.

Files, per edition: ``search-index.json`` (the manifest: ``n`` entries, ``shards`` = for each segment (below), the
first key of each of its shards in key order, ``bases`` = the first entry of each part: each report's, then the
hand-written pages' in parts of ``search.PAGE_PART_CHARS``, ``terms``, ``syn``), ``search/s/<g>-<i>.json`` (shard
``i`` of segment ``g``: ``{key: postings}``), ``search/d/<e>.json`` (entry ``e``: ``{u, t, c, p: [[id, text],
…]}``; one small file per entry, so that the twelve results shown cost twelve small requests). Postings are a
flat list of integers: ``-1-r`` starts the occurrences in part ``r`` (its entries are ``bases[r] + local
number``), then one value per occurrence packing the local entry, the field, the position and whether it is in
the lead sentence (see ``search.P_BITS``), in increasing order, the first as such and each next one as the difference
from the one before. One value per occurrence and one list per key and report keep the build's work per
character small.

Segments: the parts are indexed in runs (:func:`segments`), each with shards of its own, so that a report added
at the end of the registry changes the files of the last runs only, not every shard (at 100x, about 2,700
files for both editions, each of which held a little of every report). A query fetches, for each key, the shard
that holds it in each segment, and reads its postings segment after segment: the same list, in the same order,
as one index of every part would give.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, deque
from itertools import accumulate, chain, repeat

from .blocks import Edition
from .export import compact
from .model import Document
from .search import Part, page_parts, report_part

SCHEMA = "gwr-search/3"
SHARD_BYTES = 20_000
"""Postings per shard (JSON bytes, before compression); a single key can exceed it."""

SEGMENT_TAIL = 16
"""Reports at the end of the registry below this many (the binary digits of their number below it) are one segment."""


def segments(reports: int) -> list[int]:
    """How many report parts each segment of the index holds, in registry order: the binary digits of the number
    of reports from :data:`SEGMENT_TAIL` up, largest first, then the rest (205 = 128 + 64 + 13). A report added at
    the end changes the last segment, and the segments of the digits that carry when it fills up (205 to 206: the
    last, 13 -> 14; 207 to 208: 15 -> 16, a segment of its own, and an empty rest): at most 15 reports' postings
    are indexed again, and on average about log2(n / 16) / 2 more, not every report's. A query reads at most
    log2(n / 16) + 2 segments (and the hand-written pages', after them). Where the registry changes in the middle,
    the segments from there on change (their parts' numbers moved)."""
    big = reports - reports % SEGMENT_TAIL
    return [1 << b for b in range(big.bit_length() - 1, -1, -1) if big >> b & 1] + (
        [reports - big] if reports > big else [])


def index_files(parts, terms: list[str], lang: str, synonyms: list[list[str]] | None = None,
                reports: int | None = None):
    """The files of one edition's index, as ``(path under the site, text)``: the entries' text, the shards, and the
    manifest last (it names a version of the others). A generator, so that the caller writes each file as it comes.

    ``parts`` may be an iterator: each part's entries are written as soon as it comes, and its postings go to a
    temporary file until the shards are made, only its keys held (the entries of every report at once are their
    whole text, and a part read back from the disk cache holds its own copy of it; the postings of every report
    are several times the keys). The first ``reports`` parts (all, if None) are the reports', in :func:`segments`;
    the parts after them (the hand-written pages') are a segment of their own."""
    import hashlib
    import tempfile

    version = hashlib.sha256()
    bases, n = [], 0
    held: list[Part] = []
    offsets: list[int] = []  # where each part's postings start in the file

    def read(r: int, a: int, b: int) -> str:  # postings are ASCII: a character is a byte
        postings.seek(offsets[r] + a)
        return postings.read(b - a).decode("ascii")

    with tempfile.TemporaryFile() as spool, tempfile.TemporaryFile() as postings:
        for part in parts:  # spool: the entries' text, for the version (hashed after the shards')
            bases.append(n)
            for text in part.entries:
                spool.write(text.encode("utf-8"))
                yield f"search/d/{n}.json", text
                n += 1
            offsets.append(postings.tell())
            postings.write(part.values.encode("ascii"))
            held.append(Part([], part.keys, "", part.ends))
        part = None  # the last part read is not held while the shards are made
        reports = len(held) if reports is None else reports
        if reports > len(held):
            raise ValueError(f"{reports} reports, but {len(held)} parts to index")
        runs, at = [], 0
        for size in segments(reports) + ([len(held) - reports] if len(held) > reports else []):
            runs.append((at, at + size))
            at += size
        shards: list[list[str]] = []
        for g, (first, end) in enumerate(runs):
            firsts: list[str] = []
            shards.append(firsts)
            body: list[str] = []
            size = 0
            for key, found in _merged(held[first:end], lambda r, a, b: read(first + r, a, b), first):
                item = f'"{key}":[' + found + "]"
                if body and size + len(item) > SHARD_BYTES:
                    yield _shard(g, firsts, body, version)
                    body, size = [], 0
                if not body:
                    firsts.append(key)
                body.append(item)
                size += len(item)
            if body:
                yield _shard(g, firsts, body, version)
        spool.seek(0)
        for chunk in iter(lambda: spool.read(1 << 20), b""):
            version.update(chunk)
    yield "search-index.json", compact({"schema": SCHEMA, "lang": lang, "v": version.hexdigest()[:12], "n": n,
                                      "shards": shards, "bases": bases, "terms": terms, "syn": synonyms or []})


def _shard(segment: int, firsts: list[str], body: list[str], version) -> tuple[str, str]:
    """The file of a segment's last shard begun (``firsts``: the first key of each of its shards so far)."""
    name = f"search/s/{segment}-{len(firsts) - 1}.json"
    text = "{" + ",".join(body) + "}"
    version.update(name.encode("utf-8"))
    version.update(text.encode("utf-8"))
    return name, text


MERGE_CHUNK = 20_000
"""Postings (of all the parts) merged at a time: the keys are taken in order, a range of them at a time, so that the
postings of one range only are split out of the parts' texts at once."""


def _merged(parts: list[Part], read=None, first: int = 0):
    """``(key, "-1-r,postings,-1-r,postings…")`` for every key of the parts, in key order, with the parts ``r`` that
    hold it in increasing order, numbered from ``first``. ``read(r, a, b)``, when given, reads
    ``parts[r].values[a:b]`` (kept elsewhere)."""
    read = read or (lambda r, a, b: parts[r].values[a:b])
    counts = Counter(chain.from_iterable(part.keys for part in parts))
    keys = sorted(counts)
    upto = list(accumulate(map(counts.__getitem__, keys)))  # postings of the keys up to each
    tags = [str(-1 - first - r) for r in range(len(parts))]
    at = [0] * len(parts)  # each part's first key not yet merged
    start = 0
    while start < len(keys):
        end = max(start + 1, bisect_right(upto, (upto[start - 1] if start else 0) + MERGE_CHUNK))
        last = keys[end - 1]
        held: dict[str, list[str]] = {key: [] for key in keys[start:end]}
        for r, part in enumerate(parts):
            i = at[r]
            e = bisect_right(part.keys, last, i)
            if e > i:
                lines = read(r, part.ends[i - 1] if i else 0, part.ends[e - 1] - 1).split("\n")
                deque(map(list.extend, map(held.__getitem__, part.keys[i:e]), zip(repeat(tags[r]), lines)), maxlen=0)
                at[r] = e
        for key in keys[start:end]:
            yield key, ",".join(held.pop(key))
        start = end


def index_json(docs: list[Document], pages: list[dict], terms: list[str], lang: str,
               eds: dict[str, Edition] | None = None, synonyms: list[list[str]] | None = None) -> dict[str, str]:
    """The index of one edition (see :func:`index_files`); ``pages`` are hand-written pages as ``{"u", "t", "text"}``.

    ``synonyms`` are groups of equivalent English forms (from the glossary): a query that is one of
    them matches any of them.
    """
    parts = [report_part(doc, (eds or {}).get(doc.meta.id) or Edition(lang)) for doc in docs]
    parts.extend(page_parts(pages))
    return dict(index_files(parts, terms, lang, synonyms, len(docs)))
