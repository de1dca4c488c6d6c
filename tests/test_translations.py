"""The English edition's translations: complete, figures intact, PO workflow, fallback."""

from __future__ import annotations

import shutil

import polib
import pytest
from conftest import ROOT, copy_project

from gwr import translations
from gwr.figures import missing_figures, zh_figures
from gwr.pipeline import load_site


@pytest.fixture(scope="module")
def model():
    return load_site(ROOT)


def test_figure_extraction_applies_magnitudes():
    assert [f.value for f in zh_figures("全市地区生产总值达3.68万亿元、增长5.8%")] == [3.68e12, 5.8]
    assert [f.value for f in zh_figures("研发投入2236.6亿元")] == [223.66e9]
    assert [f.value for f in zh_figures("新增就业20.7万人")] == [207000]
    assert [f.value for f in zh_figures("旅客吞吐量达6147.7万人次")] == [61477000]
    assert [f.value for f in zh_figures("全力办好十五运会")] == [15]
    assert missing_figures("达3.68万亿元", "reached 3.68 trillion yuan") == []
    assert missing_figures("2236.6亿元", "223.66 billion yuan") == []
    assert missing_figures("20.7万人", "207,000 people") == []
    assert missing_figures("6147.7万人次", "61.477 million passenger trips") == []
    assert missing_figures("20.7万人", "20.7 thousand people") == ["20.7万"]  # wrong magnitude is caught
    assert missing_figures("增长5.8%", "grew by 5.5%") == ["5.8"]


def test_seeds_are_fully_translated(model):
    for doc in model.docs:
        tr = model.translations[doc.meta.id]
        assert doc.meta.fully_translated
        assert tr.fuzzy == [] and tr.missing == [], f"{doc.meta.id}: fuzzy {tr.fuzzy[:5]} missing {tr.missing[:5]}"


def test_every_figure_survives_translation(model):
    """Every number of every Chinese text appears in its English translation with the right magnitude."""
    problems = []
    for doc in model.docs:
        tr = model.translations[doc.meta.id]
        for src in translations.sources(doc):
            en = tr.get(src.ctx)
            for raw in missing_figures(src.text, en or ""):
                problems.append(f"{doc.meta.id}#{src.ctx}: {raw} missing in English")
    assert problems == []


def test_po_update_marks_changed_sources_fuzzy(tmp_path, model):
    doc = model.docs[1]
    project = tmp_path / "p"
    (project / "data/translations/en").mkdir(parents=True)
    shutil.copy2(translations.po_path(ROOT, doc.meta.id, "en"), translations.po_path(project, doc.meta.id, "en"))
    assert translations.update(project, doc, "en") is False  # up to date: file not rewritten
    item = doc.parts[0].sections[0].blocks[0]
    old = item.text
    item.text = old + "（改）"
    try:
        assert translations.update(project, doc, "en") is True
        tr = translations.load(project, doc, "en")
        assert item.id in tr.fuzzy and tr.get(item.id) is None  # a changed source is never silently reused
        entry = next(e for e in polib.pofile(str(translations.po_path(project, doc.meta.id, "en"))) if e.msgctxt == item.id)
        assert entry.fuzzy and entry.previous_msgid == old and entry.msgstr
    finally:
        item.text = old


def test_untranslated_report_falls_back_to_chinese(ext_site):
    """The test report has no PO file: its English pages build, show the Chinese, and say so."""
    html = (ext_site / "en/examplecity/2024/part-1/index.html").read_text(encoding="utf-8")
    assert "Not yet translated" in html and "gwr-untranslated" in html
    assert "稳住经济大盘" in html


def test_coverage_check_fails_only_for_fully_translated_reports(tmp_path):
    project = copy_project(tmp_path / "p")
    po = translations.po_path(project, "shenzhen-2026-summary", "en")
    text = po.read_text(encoding="utf-8").replace('msgctxt "part_1__para_1"', '#, fuzzy\nmsgctxt "part_1__para_1"')
    po.write_text(text, encoding="utf-8")
    site = load_site(project)
    assert [w.message.split(" is marked")[0] for w in site.warnings] == ["shenzhen-2026-summary"]
    registry = project / "data/reports.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "    kind: summary\n    fully_translated: true\n", "    kind: summary\n"), encoding="utf-8")
    assert load_site(project).warnings == []


def test_glossary_terms_keep_their_rendering(model):
    """Wherever a glossary term occurs in a Chinese text, its translation uses the rendering or a listed variant."""
    from gwr.glossary import Matcher, load_glossary

    matcher = Matcher(load_glossary(ROOT))
    assert len(matcher.terms) >= 150
    problems = set()
    for doc in model.docs:
        tr = model.translations[doc.meta.id]
        for src in translations.sources(doc):
            en = tr.get(src.ctx) or ""
            for _, _, term in matcher.find(src.text, "zh"):
                if not matcher.uses_rendering(term, en):
                    problems.add(f"{doc.meta.id}#{src.ctx}: {term.zh} is not rendered as '{term.en}' or a variant")
    assert sorted(problems) == []


def test_glossary_marks_terms_longest_first_inside_han_text():
    from gwr.glossary import Matcher, Term

    terms = [Term("qianhai", "前海", "Qianhai", "place", "前海。", "Qianhai."),
             Term("qianhai-zone", "前海深港现代服务业合作区", "Qianhai Shenzhen-Hong Kong Modern Service Industry "
                  "Cooperation Zone", "place", "合作区。", "The zone.")]
    found = Matcher(terms).find("加快建设前海深港现代服务业合作区，前海片区", "zh")
    assert [(s, e, t.id) for s, e, t in found] == [(4, 16, "qianhai-zone"), (17, 19, "qianhai")]


def test_english_terms_respect_word_boundaries_case_and_names():
    """An English form is linked only as a whole word, in its case, and not inside a longer name."""
    from gwr.glossary import Matcher, Term

    def term(tid, en, *variants):
        return Term(tid, tid, en, "concept", "。", ".", list(variants))

    m = Matcher([term("smart", "Shenzhen Medical Academy of Research and Translation (SMART)", "SMART"),
                 term("gba", "the Greater Bay Area", "the Bay Area", "GBA"),
                 term("ai", "artificial intelligence", "AI"),
                 term("ic", "intelligent computing"),
                 term("hetao", "Hetao"),
                 term("cuhk", "The Chinese University of Hong Kong, Shenzhen")])

    def found(text):
        return [(text[s:e], t.id) for s, e, t in m.find(text, "en")]

    assert found("Shenzhen won the “World Smart City Award” and built smart factories.") == []
    assert found("SMART enrolled its first students; smart gas meters.") == [("SMART", "smart")]
    assert found("a world-class bay area and the Bay Area economy; the GBA") == [("Bay Area", "gba"), ("GBA", "gba")]
    assert found("maintain the chain; AI chips; ai") == [("AI", "ai")]
    assert found("Artificial intelligence grew. We built the Shenzhen Open Intelligent Computing Center.") == [
        ("Artificial intelligence", "ai")]
    assert found("In Hetao, we built Shenzhen Hetao College and the Hetao zone.") == [("Hetao", "hetao"),
                                                                                     ("Hetao", "hetao")]
    assert found("the School of Music of The Chinese University of Hong Kong, Shenzhen, opened") == [
        ("Chinese University of Hong Kong, Shenzhen", "cuhk")]
