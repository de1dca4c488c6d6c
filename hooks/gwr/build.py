"""``python -m gwr build``: both editions, one after the other, in one process (``make build``).

The same as ``mkdocs build --strict`` run for ``mkdocs.yml`` and then for ``mkdocs.en.yml``, through MkDocs'
own ``load_config`` and ``build``; but the second build finds in :func:`gwr.pipeline.memo` what the first one
computed that does not depend on the language (the reports parsed, translations, figures, themes, links, what's
new, glossary use, open data), instead of computing it again.

``python -m gwr build [CONFIG[:SITE_DIR] ...]`` builds other configurations the same way (the benchmark builds
its bare baseline with it, so both sides pay the same process start).
"""

from __future__ import annotations

import logging
import sys

DEFAULT = ["mkdocs.yml", "mkdocs.en.yml"]


class _Format(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {record.getMessage()}"


def main(argv: list[str]) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Format())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if "-v" in argv else logging.WARNING)
    argv = [a for a in argv if a != "-v"]
    for item in argv or DEFAULT:
        config_file, _, site_dir = item.partition(":")
        try:
            cfg = load_config(config_file=config_file, **({"site_dir": site_dir} if site_dir else {}))
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                build(cfg)
            finally:
                cfg.plugins.on_shutdown()
        except (Abort, ConfigurationError, PluginError) as exc:
            logger.error(f"{config_file}: {exc}")
            return 1
    return 0
