"""The parser on real reports as received: nine texts of five layout families, fact by fact.

Five are published seeds (seeds/), four are fixtures only (tests/fixtures/corpus/, copied
byte-identical from shared/corpus; see its README). For each: the layout family, the encoding,
the front matter, every part line, the number of sections per part, the closing, everything set
aside (kind and lines), the report's own notes and annexes, no warning, and nothing lost or
duplicated. The facts were written by reading the texts, not by running the parser.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from gwr.checks import placement
from gwr.ids import assign_ids
from gwr.ingest import decode, normalise
from gwr.model import ReportMeta
from gwr.parser import parse_source

CHROME9 = [("chrome", 1, 9)]
EXPECTED = {
    "seeds/beijing-2025.md": dict(
        layout="blank-lines", encoding="utf-8", front=(1, 6, 8, 10), speaker="北京市市长 殷勇",
        parts=[("一、", "2024年工作回顾", 14), ("二、", "2025年工作总体要求和重点任务", 52)],
        sections=[0, 11], closing=[174, 176], preamble=[12],
        aside=[("link-list", 4, 4), ("footer", 180, 181)], notes=0, annexes=[]),
    "seeds/beijing-2026.txt": dict(
        layout="one-per-line", encoding="utf-8", front=(10, 11, 14, 16), speaker="北京市市长 殷勇",
        parts=[("一、", "2025年工作回顾", 18), ("二、", "“十四五”时期发展成就和“十五五”时期主要目标任务", 32),
               ("三、", "2026年重点工作", 46)],
        sections=[0, 0, 10], closing=[104, 105], preamble=[17],
        aside=CHROME9 + [("metadata", 12, 13), ("caption", 15, 15), ("related", 106, 106)],
        notes=0, annexes=[]),
    "seeds/shanghai-2025.md": dict(
        layout="blank-lines", encoding="utf-8", front=(1, 6, 8, 10), speaker="上海市市长 龚正",
        parts=[("一、", "2024年工作回顾", 14), ("二、", "2025年主要任务", 88), ("三、", "全面提升政府治理现代化水平", 188)],
        sections=[6, 9, 4], closing=[200], preamble=[12],
        aside=[("link-list", 4, 4), ("footer", 204, 205)], notes=0, annexes=[]),
    "seeds/shanghai-2026.txt": dict(
        layout="one-per-line", encoding="utf-8", front=(10, 11, 14, 15), speaker="上海市市长 龚 正",
        parts=[("一、", "2025年工作回顾", 17),
               ("二、", "关于《上海市国民经济和社会发展第十五个五年规划纲要（草案）》的说明", 50),
               ("三、", "2026年主要任务", 60), ("四、", "深入推进政府治理创新", 116)],
        sections=[5, 4, 10, 4], closing=[122], preamble=[16],
        aside=CHROME9 + [("metadata", 12, 13), ("related", 123, 123)], notes=0, annexes=[]),
    "seeds/suzhou-2025.md": dict(
        layout="blank-lines", encoding="utf-8", front=(1, 6, 8, 10), speaker="苏州市市长\u2002吴庆文",
        parts=[("一、", "2024年工作回顾", 14), ("二、", "2025年工作总体要求和目标", 42), ("三、", "2025年主要任务", 56)],
        sections=[6, 0, 10], closing=[146], preamble=[12],
        aside=[("link-list", 4, 4), ("footer", 150, 151)], notes=0, annexes=[]),
    "tests/fixtures/corpus/national-2025.md": dict(
        layout="blank-lines", encoding="utf-8", front=(1, 6, 8, 10), speaker="国务院总理\u2002李强",
        parts=[("一、", "2024年工作回顾", 14), ("二、", "2025年经济社会发展总体要求和政策取向", 46),
               ("三、", "2025年政府工作任务", 66)],
        sections=[0, 0, 10], closing=[170], preamble=[12],
        aside=[("link-list", 4, 4), ("footer", 174, 175)], notes=0, annexes=[]),
    "tests/fixtures/corpus/guangdong-2026.txt": dict(
        layout="one-per-line", encoding="utf-8", front=(1, 2, 4, 5), speaker="广东省省长 孟凡利",
        parts=[("一、", "2025年和“十四五”时期工作回顾", 7), ("二、", "“十五五”时期的主要目标和重点任务", 41),
               ("三、", "2026年工作安排", 60)],
        sections=[0, 0, 14], closing=[157], preamble=[6], aside=[],
        notes=13, annexes=[("附件1", "2026年省十件民生实事", 21)]),
    "tests/fixtures/corpus/shaanxi-2026.txt": dict(
        layout="one-per-line", encoding="utf-8", front=(2, 3, 3, 19), speaker="陕西省省长 赵刚",
        parts=[("一、", "2025年工作回顾", 21), ("二、", "“十五五”时期主要目标和重大举措", 35), ("三、", "2026年重点工作", 42)],
        sections=[6, 0, 9], closing=[81, 82, 83], preamble=[20],
        aside=[("chrome", 1, 1), ("breadcrumb", 4, 10)] + [
            ("repeated-title", 11, 11), ("duplicate", 12, 12), ("metadata", 13, 16),
            ("chrome", 17, 17), ("caption", 18, 18), ("chrome", 84, 84)],
        notes=0, annexes=[]),
    "tests/fixtures/corpus/hailaer-2018.txt": dict(
        layout="blank-lines", encoding="gb18030 (detected)", front=(1, 3, 5, 7),
        speaker="海拉尔区人民政府区长\u3000\u3000杨国宏",
        parts=[("一、", "2017年工作回顾", 11), ("二、", "2018年工作安排", 35)],
        sections=[0, 8], closing=[117], preamble=[9], aside=[], notes=0, annexes=[]),
}


def load(file: str, kind: str = "full"):
    raw = (ROOT / file).read_bytes()
    text, enc = decode(raw, file)
    source = normalise(text, file, enc)
    doc = parse_source(ReportMeta(id="corpus-2025", file=file, city="?", year=2025, kind=kind), source)
    assign_ids(doc)
    return doc, source, enc


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_structure_as_the_text_numbers_it(file):
    want = EXPECTED[file]
    doc, _, enc = load(file)
    f = doc.front
    assert (doc.layout, enc) == (want["layout"], want["encoding"])
    assert (f.title_line, f.delivery_line, f.speaker_line, f.salutation_line) == want["front"]
    assert f.speaker == want["speaker"] and f.salutation.startswith("各位代表")
    assert [(p.num, p.heading, p.line) for p in doc.parts] == want["parts"]
    assert [len(p.sections) for p in doc.parts] == want["sections"]
    assert [b.line for b in doc.closing] == want["closing"] and [b.line for b in doc.preamble] == want["preamble"]
    assert [(a.kind, a.line, a.end_line) for a in doc.set_aside] == want["aside"]
    assert len(doc.notes) == want["notes"]
    assert [(a.num, a.heading, len(a.blocks)) for a in doc.annexes] == want["annexes"]
    assert [str(w) for w in doc.warnings] == []


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_nothing_lost_nothing_doubled(file):
    doc, source, _ = load(file)
    unplaced, src, out = placement(doc, source)
    assert unplaced == []
    assert src == out  # every Han character of the seed, once: in the report or set aside
    shown = [b.text for b in doc.body_blocks()]
    for aside in doc.set_aside:
        first = aside.text.splitlines()[0]
        if aside.kind not in ("duplicate", "repeated-title", "repeated-front") and len(first) >= 4:
            assert not any(first in t for t in shown), (aside.kind, first)


def test_review_organised_as_highlights_and_numbered_paragraphs():
    """Beijing 2025: the review has no sections; its ——lines are highlights, 一是…七是 paragraphs."""
    doc, _, _ = load("seeds/beijing-2025.md")
    review = doc.parts[0]
    assert review.sections == []
    kinds = [(b.kind, b.text[:2]) for b in review.children]
    assert [k for k, _ in kinds].count("highlight") == 4
    assert [t for k, t in kinds if t.endswith("是")] == ["一是", "二是", "三是", "四是", "五是", "六是", "七是"]


def test_markdown_emphasis_is_structure_not_text():
    """Shanghai 2025: **（一）…** heads are sections; no asterisk reaches any text."""
    doc, _, _ = load("seeds/shanghai-2025.md")
    s = doc.parts[1].sections[0]
    assert (s.num, s.heading, s.heading_inline) == ("（一）", "聚力扩内需、稳外需，保持经济稳定增长", True)
    assert doc.parts[0].sections[0].heading == "奋力落实“五个中心”建设重要使命，城市核心功能进一步强化"
    texts = [b.text for b in doc.body_blocks()] + [s.heading for p in doc.parts for s in p.sections]
    assert not any("**" in t for t in texts)
    suzhou, _, _ = load("seeds/suzhou-2025.md")
    lead = next(b for b in suzhou.parts[2].sections[6].blocks if b.line == 116)
    assert lead.text.startswith("有力促进农民增收致富。") and lead.lead == "有力促进农民增收致富。"


def test_notes_and_annex_are_kept_apart_from_the_body():
    doc, _, _ = load("tests/fixtures/corpus/guangdong-2026.txt")
    assert doc.notes_heading == "附件2 名词解释" and doc.notes_line == 182
    assert (doc.notes[0].num, doc.notes[0].term, doc.notes[0].id) == ("1.", "“四上”企业", "note_1")
    assert doc.notes[0].text.startswith("现阶段统计工作实践中")
    assert doc.annexes[0].blocks[1].text.startswith("一、提高低保")  # a numbered list, not part lines
    assert not any("名词解释" in b.text for b in doc.body_blocks())


def test_fragments_of_a_scraped_line_are_joined():
    """Guangdong: 'PM' / '2.5' / '年平均浓度…' and '…发展的' / '主要目标' / '是：…' are one paragraph each."""
    doc, _, _ = load("tests/fixtures/corpus/guangdong-2026.txt")
    texts = [b.text for b in doc.body_blocks()]
    assert any("PM2.5年平均浓度保持在20微克/立方米左右" in t for t in texts)
    assert any(t.startswith("“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右") for t in texts)


CORPUS_ENTRIES = """
  - id: china-2025
    file: seeds/national-2025.md
    city: 全国
    year: 2025
    kind: full
  - id: guangdong-2026
    file: seeds/guangdong-2026.txt
    city: 广东
    year: 2026
    kind: full
  - id: shaanxi-2026
    file: seeds/shaanxi-2026.txt
    city: 陕西
    year: 2026
    kind: full
  - id: hailaer-2018
    file: seeds/hailaer-2018.txt
    city: 海拉尔
    year: 2018
    kind: full
"""


def test_the_fixtures_register_through_data_alone(tmp_path):
    """The four fixture reports, registered with no code change, build strictly: notes and annex shown."""
    import shutil

    from conftest import build_ok, copy_project
    from sitecheck import load

    project = copy_project(tmp_path / "p")
    for name in ("national-2025.md", "guangdong-2026.txt", "shaanxi-2026.txt", "hailaer-2018.txt"):
        shutil.copy2(ROOT / "tests/fixtures/corpus" / name, project / "seeds" / name)
    with open(project / "data/reports.yml", "a", encoding="utf-8") as f:
        f.write(CORPUS_ENTRIES)
    site = build_ok(project, tmp_path / "site")
    page = load(site, "guangdong/2026/")
    assert {"notes", "note_1", "note_13", "annex_1", "annex_1__para_2"} <= page.ids
    assert "“四上”企业" in page.text and "2026年省十件民生实事" in page.text
    # set-aside lines are listed on each city's sources page (/<city>/sources/)
    sources = "".join(load(site, f"{p.parent.parent.name}/sources/").text
                      for p in site.glob("*/sources/index.html"))
    for needle in ("网页导航路径", "网页发布信息", "图片说明", "重复的文字"):
        assert needle in sources, needle
    assert "首页" not in load(site, "shaanxi/2026/").text.split("开篇")[1]
