"""mkdocs-macros entry point: lets hand-written pages show registry data.

Only pages with ``render_macros: true`` in their front matter are rendered
(``render_by_default: false``), so seed text can never be read as Jinja.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gwr import pipeline, sources_pages, timing  # noqa: E402



def _site():
    if pipeline.CURRENT is None:
        raise RuntimeError("the gwr hook has not loaded the registry")
    return pipeline.CURRENT


def define_env(env):
    lang = env.conf["theme"]["language"]

    @env.macro
    def reports_table() -> str:
        """The registered reports by city and year."""
        with timing.event("macros"):
            return sources_pages.reports_table(_site().docs, lang)

    @env.macro
    def site_url(path: str = "", edition: str = "zh") -> str:
        """The absolute URL of ``path`` in an edition (SITE_URL, as in the sitemap), for examples readers copy."""
        from gwr.export import Urls

        return Urls(env.conf["extra"]["gwr"]["root"]).url(path, edition)

    @env.macro
    def report_count() -> int:
        return len(_site().docs)

    @env.macro
    def sources_detail() -> str:
        """Each city, leading to its sources page (provenance of its reports and the text set aside)."""
        with timing.event("macros"):
            return sources_pages.sources_index(_site().docs, lang)
