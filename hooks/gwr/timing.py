"""The hook's own time inside a build, for ``make bench``.

Every event of the hook runs inside :func:`event`, and the main stages of the pipeline inside
:func:`stage`; seconds accumulate per name, both CPU time of the process (``process_time``: what the
build's own process spent, whatever else runs on the machine) and wall-clock time. When ``GWR_TIMING``
names a file, the hook writes ``{"events": {...}, "stages": {...}, "cpu": {...}, "total", "total_cpu",
"reports"}`` there at the end of the build: events add up to the hook's time in the build (MkDocs,
Material and the other plugins are the rest); stages overlap events and show where it goes. Timing
costs two clock reads per call, so it is always on.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager

EVENTS: dict[str, float] = {}
STAGES: dict[str, float] = {}
CPU: dict[str, float] = {}
"""CPU seconds of events (``event:<name>``) and stages (``stage:<name>``)."""


def reset() -> None:
    EVENTS.clear()
    STAGES.clear()
    CPU.clear()
    PEAK.clear()


PEAK: dict[str, float] = {}
"""The process's peak memory (MB) when each event first ended: where the peak is reached."""


@contextmanager
def _timed(table: dict[str, float], name: str, key: str):
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        table[name] = table.get(name, 0.0) + time.perf_counter() - t0
        CPU[key] = CPU.get(key, 0.0) + time.process_time() - c0
        if key.startswith("event:") and name not in PEAK:
            import resource

            PEAK[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def event(name: str):
    """Time one event of the hook (or a macro of the hand-written pages).

    Python's cyclic garbage collector is paused meanwhile: the pipeline makes many small objects and no
    reference cycles, and each full collection walks every object alive, the whole site's model included, so
    that its cost per report grew with the site (the search index: 58 ms a report at 10x, 76 ms at 100x)."""
    import gc

    paused = gc.isenabled()
    gc.disable()
    try:
        with _timed(EVENTS, name, f"event:{name}"):
            yield
    finally:
        if paused:
            gc.enable()


def stage(name: str):
    """Time a stage of the pipeline (inside an event)."""
    return _timed(STAGES, name, f"stage:{name}")


def write(reports: int, lang: str = "") -> None:
    """Write the timings to ``GWR_TIMING`` (``{lang}`` in it is replaced by the edition's language)."""
    path = os.environ.get("GWR_TIMING")
    if not path:
        return
    path = path.replace("{lang}", lang)
    import resource

    data = {"events": EVENTS, "stages": STAGES, "cpu": CPU, "total": sum(EVENTS.values()),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "peak_after": PEAK,
            "total_cpu": sum(v for k, v in CPU.items() if k.startswith("event:")), "reports": reports}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, sort_keys=True)


# --- the bare baseline ---------------------------------------------------------------------------

def dump_dir() -> str | None:
    """``GWR_BARE_DUMP``: where to copy what the hook hands MkDocs, for the bare baseline of ``make bench``."""
    return os.environ.get("GWR_BARE_DUMP")


def dump_page(src_uri: str, meta: dict, markdown: str) -> None:
    """One page's Markdown as Python-Markdown receives it (after the hook and macros), with its front matter."""
    import yaml

    path = os.path.join(dump_dir(), "docs", src_uri)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"---\n{front}---\n{markdown}" if front else markdown)


def dump_nav(nav: list) -> None:
    import yaml

    os.makedirs(dump_dir(), exist_ok=True)
    with open(os.path.join(dump_dir(), "nav.yml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(nav, f, allow_unicode=True, sort_keys=False)
