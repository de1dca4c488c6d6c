"""Maintainer commands: ``python -m gwr translations`` (run from the project root with hooks/ on the path)."""

from __future__ import annotations

import sys
from pathlib import Path

from . import translations
from .pipeline import RegistryError, load_site


def main(argv: list[str]) -> int:
    if argv[:1] != ["translations"]:
        print("usage: python -m gwr translations", file=sys.stderr)
        return 2
    root = Path.cwd()
    try:
        site = load_site(root)
    except RegistryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    status = 0
    print(f"{'report':28} {'lang':4} {'translated':>10} {'fuzzy':>6} {'missing':>8}  file")
    for doc in site.docs:
        for lang in translations.LANGS:
            changed = translations.update(root, doc, lang)
            tr = translations.load(root, doc, lang)
            flag = " (updated)" if changed else ""
            print(
                f"{doc.meta.id:28} {lang:4} {len(tr.texts):>5}/{tr.total:<4} {len(tr.fuzzy):>6} {len(tr.missing):>8}"
                f"  {tr.path}{flag}"
            )
            if doc.meta.fully_translated and tr.coverage < 1:
                status = 1
                print(f"  {doc.meta.id} is marked fully_translated but {len(tr.fuzzy) + len(tr.missing)} entries "
                      f"are fuzzy or missing: {', '.join((tr.fuzzy + tr.missing)[:5])}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
