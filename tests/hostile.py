"""A hostile project: the payload below in every field of every input that reaches a page.

Seed (front matter, part and section lines, paragraphs, highlight, list items, closing), registry (titles,
city, session, speaker, source names, file name, URLs with quotes and ampersands), English translations
(every msgstr, headings included), glossary, indicator catalogue, themes and the search term list.
"""

from __future__ import annotations

from pathlib import Path

import polib

FIXTURE = Path(__file__).parent / "fixtures" / "hostile"
REPORT = "hostile-2024"

PAYLOAD = (
    "<img src=x onerror=alert(1) data-pwn>\"'><svg onload=alert(2) data-pwn></title></textarea></script>"
    "<script>alert(3)</script>&lt;b data-pwn&gt;{{ config.site_name }}[x](javascript:alert(4)){: onclick=alert(5) }"
)
"""Element injection, attribute breakouts, end tags of raw-text elements, an entity that must not be
unescaped twice, Jinja, a Markdown link with a javascript: URL and an attr_list."""

SHORT = "<i data-pwn>x</i>&amp;"
"""For fields the parser or a YAML mapping key must still recognise (the city name)."""


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


REGISTRY_ENTRY = f"""
  - id: {REPORT}
    file: seeds/{REPORT}.txt
    city: {_q("示例" + SHORT)}
    city_en: {_q("Example" + PAYLOAD)}
    year: 2024
    kind: full
    title: {_q("示例市2024年政府工作报告" + PAYLOAD)}
    title_en: {_q("Example report " + PAYLOAD)}
    delivered: 2024-01-20
    session: {_q("示例市第十届人民代表大会第三次会议" + PAYLOAD)}
    session_en: {_q("Third Session " + PAYLOAD)}
    speaker: {_q("张三" + PAYLOAD)}
    speaker_title: {_q("市长" + PAYLOAD)}
    speaker_en: {_q("Zhang San " + PAYLOAD)}
    speaker_title_en: {_q("Mayor " + PAYLOAD)}
    source_name: {_q("来源" + PAYLOAD)}
    source_name_en: {_q("Source " + PAYLOAD)}
    source_url: "https://example.org/report?a=1&b='x'"
    repost_url: "https://example.org/repost?q=%3Cscript%3E&c='d'"
    original_file: {_q("000_" + PAYLOAD + ".txt")}
"""

GLOSSARY_ENTRY = f"""
- id: hostile-term
  zh: 测试术语
  en: {_q("test term " + PAYLOAD)}
  variants: [{_q(PAYLOAD)}]
  category: concept
  note_zh: {_q("说明" + PAYLOAD)}
  note_en: {_q("Note " + PAYLOAD)}
"""

INDICATOR_ENTRY = f"""
- id: hostile-indicator
  zh: {_q("测试指标" + PAYLOAD)}
  en: {_q("Test indicator " + PAYLOAD)}
  category: economy
  subjects: [测试指标]
  measure: level
  unit: 元
  direction: up
  headline: true
  note_zh: {_q("说明" + PAYLOAD)}
  note_en: {_q("Note " + PAYLOAD)}
"""

THEME_ENTRY = f"""
- id: hostile-theme
  zh: {_q("测试主题" + PAYLOAD)}
  en: {_q("Test theme " + PAYLOAD)}
  description_zh: {_q("说明" + PAYLOAD)}
  description_en: {_q("Description " + PAYLOAD)}
  terms: [测试术语]
  patterns: []
  terms_en: [test term]
  indicators: [hostile-indicator]
"""


def make_project(project: Path) -> Path:
    """Add the hostile report and data entries to a copy of the project (see conftest.copy_project)."""
    seed = (FIXTURE / f"{REPORT}.txt").read_text(encoding="utf-8").replace("@P@", PAYLOAD)
    (project / "seeds" / f"{REPORT}.txt").write_text(seed, encoding="utf-8")
    for name, entry in (("reports.yml", REGISTRY_ENTRY), ("glossary.yml", GLOSSARY_ENTRY),
                        ("indicators.yml", INDICATOR_ENTRY), ("themes.yml", THEME_ENTRY)):
        with open(project / "data" / name, "a", encoding="utf-8") as f:
            f.write(entry)
    with open(project / "data" / "terms.yml", "a", encoding="utf-8") as f:
        f.write(f"  - {_q(PAYLOAD)}\n")
    _translate(project)
    return project


def _translate(project: Path) -> None:
    """A PO file in which every entry is translated, each msgstr carrying the payload."""
    from gwr import translations
    from gwr.pipeline import load_site

    site = load_site(project)
    doc = next(d for d in site.docs if d.meta.id == REPORT)
    translations.update(project, doc, "en")
    path = translations.po_path(project, REPORT, "en")
    po = polib.pofile(str(path), wrapwidth=0)
    for entry in po:
        # The Chinese is kept in the English so that every figure survives translation (and no check
        # withholds it); "test term" lets the glossary and the theme find their English forms.
        entry.msgstr = f"test term {PAYLOAD} {entry.msgid}."
        entry.flags.append(translations.CHECKED_FLAG)  # Chinese magnitudes (万亿) are not English figures
    po.save(str(path))

