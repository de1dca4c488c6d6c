"""Unit tests of the parser and ids, on the seeds, the test report and small texts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT

from gwr.ids import assign_ids
from gwr.model import ReportMeta, Section
from gwr.parser import ParseError, numeral_value, parse_report
from gwr.pipeline import load_site
from gwr.render import render_part


@pytest.fixture(scope="module")
def seeds():
    return {d.meta.id: d for d in load_site(ROOT).docs}


def meta(file="x.txt", kind="full"):
    return ReportMeta(id="testcity-2024", file=file, city="测试", year=2024, kind=kind)


def parse(text, **kw):
    doc = parse_report(meta(**kw), text)
    assign_ids(doc)
    return doc


def test_numerals():
    assert [numeral_value(x) for x in ["一", "九", "十", "十一", "二十", "二十三"]] == [1, 9, 10, 11, 20, 23]


def test_2025_structure(seeds):
    doc = seeds["shenzhen-2025"]
    assert [(p.num, p.heading) for p in doc.parts] == [("一、", "2024年工作回顾"), ("二、", "2025年工作安排")]
    assert [len(p.sections) for p in doc.parts] == [10, 10]
    assert doc.front.title == "2025年深圳市政府工作报告" and doc.front.title_line == 1
    assert doc.front.delivery == "——2025年2月25日在深圳市第七届人民代表大会第六次会议上"
    assert doc.front.speaker == "深圳市市长 覃伟中" and doc.front.salutation == "各位代表："
    assert [b.id for b in doc.preamble] == ["preamble__para_1"]
    assert doc.closing[0].text.startswith("各位代表！四十五载") and doc.closing[0].id == "closing__para_1"
    assert not doc.warnings


def test_2025_inline_heads_and_wrap_up(seeds):
    part1 = seeds["shenzhen-2025"].parts[0]
    s1 = part1.sections[0]
    assert (s1.id, s1.num, s1.heading, s1.heading_inline) == ("part_1__sec_1", "（一）", "着力推动经济稳增长提质量增效益", True)
    assert s1.blocks[0].lead == "用心用情惠企利企。" and s1.blocks[0].line == 44
    # highlights are paragraphs of the part, with their lead
    highlights = [b for b in part1.children if not isinstance(b, Section) and b.kind == "highlight"]
    assert [b.id for b in highlights] == [f"part_1__para_{i}" for i in range(2, 8)]
    assert highlights[0].lead == "经济发展向上向好。"
    # the three paragraphs after section (十) are the part's, not the section's
    tail = part1.children[part1.children.index(part1.sections[-1]) + 1 :]
    assert [(b.id, b.line) for b in tail] == [("part_1__para_9", 64), ("part_1__para_10", 66), ("part_1__para_11", 68)]


def test_2025_plan_leads(seeds):
    sec = seeds["shenzhen-2025"].parts[1].sections[0]
    assert sec.heading == "全方位扩大内需、稳定外需，巩固和增强经济持续回升向好态势" and not sec.heading_inline
    assert [b.lead for b in sec.blocks] == ["加快建设具有全球重要影响力的消费中心。", "拓展高质量投资空间。", "打造高能级国际贸易枢纽。"]
    assert seeds["shenzhen-2025"].parts[1].sections[4].blocks[-1].lead is None  # 我们要牢固树立… has no title


def test_2025_set_aside(seeds):
    kinds = [(a.kind, a.line) for a in seeds["shenzhen-2025"].set_aside]
    assert kinds == [
        ("repeated-title", 4), ("link-list", 6), ("resolution", 8), ("resolution", 10),
        ("resolution", 12), ("resolution", 14), ("link-list", 16), ("footer", 188),
    ]


def test_summary_structure(seeds):
    doc = seeds["shenzhen-2026-summary"]
    assert [p.heading for p in doc.parts] == ["2025年高质量发展取得丰硕成果", "“十五五”时期主要目标任务", "2026年工作安排"]
    assert [len(p.sections) for p in doc.parts] == [10, 0, 10]
    assert [(a.kind, a.line) for a in doc.set_aside] == [("column-header", 5), ("page-marker", 7)]
    plan = doc.parts[2]
    assert plan.sections[0].heading == "坚持扩大内需这个战略基点 积极融入和服务做强国内大循环"  # broken across lines
    assert [len(s.blocks) for s in plan.sections] == [3, 4, 4, 4, 0, 0, 0, 0, 3, 5]  # heading-only sections
    item = doc.parts[0].sections[0].blocks[2]
    assert (item.id, item.text, item.line, item.end_line) == ("part_1__sec_1__item_3", "推动外贸稳量提质", 17, 18)
    assert item.detail.endswith("高新技术产品出口增长10.1%")
    assert [b.text for b in plan.children if not isinstance(b, Section)] == [
        "经济社会发展主要预期目标是：全市地区生产总值增长5%，在实际工作中争取更好结果。", "重点做好十个方面工作"]
    assert [b.text for b in doc.closing] == ["山海激壮志 鹏城谱华章"]
    assert doc.front.title is None and not doc.warnings


def test_plain_text_report(ext_model):
    doc = next(d for d in ext_model.docs if d.meta.id == "examplecity-2024")
    assert doc.front.title == "示例市2024年政府工作报告" and doc.front.speaker == "示例市市长  张三"
    assert doc.preamble[0].text == "现在，我代表市人民政府，向大会报告政府工作，请予审议。"  # hard wrap joined
    assert [(s.num, s.heading) for s in doc.parts[1].sections] == [
        ("(一)", "扩大有效需求增强发展动力"), ("（二）", "深化改革开放"), ("（三）", "加强生态文明建设")]
    assert [b.kind for b in doc.parts[1].sections[1].blocks] == ["item", "item"]
    assert doc.parts[1].sections[2].blocks == []
    assert [b.id for b in doc.parts[0].children if not isinstance(b, Section)] == [
        "part_1__para_1", "part_1__para_2", "part_1__para_3"]
    assert doc.closing[0].text == "各位代表！让我们团结奋斗，再创佳绩！"
    assert not doc.warnings


def test_warnings_carry_file_and_line():
    doc = parse("一、回顾\n\n（一）第一节。正文。\n\n（三）第三节。正文。\n\n三、计划\n\n正文。\n", file="seeds/x.txt")
    assert [str(w) for w in doc.warnings] == [
        "seeds/x.txt:5: section （三） found where section 2 was expected",
        "seeds/x.txt:7: part 三、 found where part 2 was expected",
        "seeds/x.txt:1: no title line found; the registry title is shown instead",
    ]


def test_ascii_and_fullwidth_brackets_and_markdown_levels():
    doc = parse("# 某市2024年政府工作报告\n\n## 一、回顾\n\n(一)甲。正文甲。\n\n（二）乙。正文乙。\n\n#### 二、安排\n\n正文。\n")
    assert [p.heading for p in doc.parts] == ["回顾", "安排"]
    assert [s.num for s in doc.parts[0].sections] == ["(一)", "（二）"]


def test_no_structure_is_an_error():
    with pytest.raises(ParseError, match="no recognisable structure"):
        parse("这是一段文字，没有任何结构。\n\n又一段文字。\n")


GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("report,part", [("examplecity-2024", 2), ("shenzhen-2026-summary", 3)])
def test_golden_pages(ext_model, report, part):
    """Rendered Markdown of whole pages; UPDATE_GOLDEN=1 rewrites them (review the diff)."""
    doc = next(d for d in ext_model.docs if d.meta.id == report)
    got = render_part(doc, doc.parts[part - 1], ext_model.edition(doc, "en"))
    path = GOLDEN / f"{report}-part-{part}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")
