"""Maintainer commands (run from the project root with hooks/ on the path):

``python -m gwr translations``          update the PO files and print coverage;
``python -m gwr suggest-alignments``    propose plan -> result section links for data/alignments.yml;
``python -m gwr check FILE [--kind summary] [--encoding gb18030]``
                                        what the parser makes of a text, before registering it;
``python -m gwr build``                 build both editions in one process (``make build``, see gwr.build).
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import translations
from .pipeline import RegistryError, load_site


USAGE = ("usage: python -m gwr translations | suggest-alignments [REPORT-ID] | "
         "check FILE [--kind full|summary] [--encoding ENC] | build [CONFIG[:SITE_DIR] ...]")


def suggest_alignments(site, only: str | None = None) -> str:
    """YAML to paste into data/alignments.yml, with each suggestion's score and the curated state as comments."""
    from .section_links import load_alignments, suggest

    curated = {(a["plan"], a["result"]): {l["plan"]: l.get("result") or [] for l in a["links"]}
               for a in load_alignments(site.root, site.docs)}
    out = []
    for sg in suggest(site.docs, site.matcher, site.themes):
        plan, result = sg["plan"], sg["result"]
        if only and only not in (plan.meta.id, result.meta.id):
            continue
        cur = curated.get((plan.meta.id, result.meta.id))
        agree = total = 0
        out.append(f"- plan: {plan.meta.id}\n  result: {result.meta.id}\n  links:")
        for link in sg["links"]:
            s = link["plan"]
            ids = [r.id for _, r in link["result"]]
            why = ", ".join(f"{r.num}{r.heading[:16]} {score}" for score, r in link["result"]) or "no section shares enough terms"
            state = ""
            if cur is not None:
                total += 1
                same = sorted(ids) == sorted(cur.get(s.id, []))
                agree += same
                state = " [= curated]" if same else f" [curated: {cur.get(s.id, [])}]"
            out.append(f"  # {s.num}{s.heading[:24]} -> {why}{state}")
            out.append(f"  - {{plan: {s.id}, result: [{', '.join(ids)}]}}")
        if cur is not None:
            out.append(f"  # agreement with the curated file: {agree}/{total} plan sections")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        from .build import main as build

        return build(argv[1:])
    if argv[:1] == ["check"] and len(argv) >= 2:
        from .check_cmd import check_file

        opts = dict(zip(argv[2::2], argv[3::2]))
        unknown = set(opts) - {"--kind", "--encoding"}
        if unknown or len(argv[2:]) % 2 or opts.get("--kind", "full") not in ("full", "summary"):
            print(USAGE, file=sys.stderr)
            return 2
        report, status = check_file(Path.cwd(), argv[1], opts.get("--kind", "full"), opts.get("--encoding"))
        sys.stdout.write(report)
        return status
    if argv[:1] not in (["translations"], ["suggest-alignments"]):
        print(USAGE, file=sys.stderr)
        return 2
    root = Path.cwd()
    try:
        site = load_site(root)
    except RegistryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if argv[0] == "suggest-alignments":
        sys.stdout.write(suggest_alignments(site, argv[1] if len(argv) > 1 else None))
        return 0
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
            for ctx, line, why in tr.suspicious:
                status = 1
                print(f"  {tr.path}:{line}: {ctx}: not published: {why}")
            if doc.meta.fully_translated and tr.fuzzy + tr.missing:
                status = 1
                print(f"  {doc.meta.id} is marked fully_translated but {len(tr.fuzzy) + len(tr.missing)} entries "
                      f"are fuzzy or missing: {', '.join((tr.fuzzy + tr.missing)[:5])}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
