"""The ingest stage and the parser's checks on small texts: each probe that once lost, doubled or
misnumbered text is a regression test; the parser is fuzzed with mutated real reports."""

from __future__ import annotations

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gwr.checks import placement
from gwr.ids import assign_ids
from gwr.ingest import DecodeError, decode, normalise
from gwr.model import DeclaredLines, ReportMeta
from gwr.parser import ParseError, parse_source

HEAD = "2024年示例市政府工作报告\n\n——2024年1月20日在示例市第十届人民代表大会第三次会议上\n\n示例市市长 张三\n\n各位代表：\n\n"
PLAN = "二、2024年工作安排\n\n今年主要预期目标是：地区生产总值增长5%左右。\n\n（一）扩大内需\n\n扩大有效投资。推动项目建设。\n"


def parse(text: str, kind: str = "full", **meta):
    source = normalise(text, "x.txt")
    doc = parse_source(ReportMeta(id="x-2024", file="x.txt", city="示例", year=2024, kind=kind, **meta), source)
    assign_ids(doc)
    return doc, source


def messages(doc):
    return [f"{w.line}: {w.message}" for w in doc.warnings]


def test_line_after_a_thematic_break_is_kept():
    for rule in ("---", "***"):
        text = HEAD + "一、2023年工作回顾\n\n过去一年，成绩显著。\n" + rule + "\n这一行紧跟在分隔线之后。\n\n" + PLAN
        doc, source = parse(text)
        unplaced, src, out = placement(doc, source)
        assert unplaced == [] and src == out
        assert any(b.text == "这一行紧跟在分隔线之后。" for b in doc.body_blocks())


def test_heading_broken_across_lines_is_not_doubled():
    doc, _ = parse(HEAD + "一、2023年工作\n回顾与总结\n\n过去一年，成绩显著。\n\n" + PLAN)
    assert doc.parts[0].heading == "2023年工作回顾与总结"


def test_line_numbers_survive_inline_breaks():
    """U+2028, U+2029, form feed, vertical tab and NEL inside a line do not shift warning line numbers."""
    for ch in ("\u2028", "\u2029", "\x0c", "\x0b", "\x85"):
        text = HEAD + f"一、2023年工作回顾\n\n过去一年，{ch}成绩显著。\n\n（一）第一节\n\n正文。\n\n（三）第三节\n\n正文。\n\n" + PLAN
        doc, _ = parse(text)
        skip = [m for m in messages(doc) if "section （三）" in m]
        assert skip == ["17: section （三） found where section 2 was expected"], ch


def test_control_characters_never_reach_the_text():
    doc, _ = parse(HEAD + "一、2023年工作回顾\n\n过去一年，\x00成绩显著。\n\n" + PLAN)
    assert all("\x00" not in b.text for b in doc.body_blocks())
    assert messages(doc) == [] and [(a.kind, a.line) for a in doc.set_aside] == [("control", 11)]
    doc, _ = parse(HEAD + "一、2023年工作回顾\n\n" + "过\x00去" * 50 + "\n\n" + PLAN)  # UTF-16 read as UTF-8?
    assert any(m.startswith("11: 50 control characters") for m in messages(doc))


def test_gbk_is_detected_or_declared_and_the_checksum_is_of_the_bytes():
    text = HEAD + "一、2023年工作回顾\n\n过去一年，我们坚持稳中求进，经济运行总体平稳。\n\n" + PLAN
    raw = text.encode("gb18030")
    assert decode(raw, "x.txt") == (text, "gb18030 (detected)")
    assert decode(raw, "x.txt", "gbk") == (text, "gb18030")
    assert decode(b"\xef\xbb\xbf" + text.encode(), "x.txt") == (text, "utf-8 (BOM)")
    with pytest.raises(DecodeError, match="encoding: gb18030"):
        decode(bytes(range(128, 256)) * 3, "x.txt")
    with pytest.raises(DecodeError, match="not valid gb18030"):
        decode(b"\x81\x20", "x.txt", "gb18030")


@pytest.mark.parametrize("title,delivery,speaker", [
    ("政 府 工 作 报 告", "―――2024年1月20日在示例市第十届人民代表大会第三次会议上", "示例市市长\u2002张三"),
    ("政府工作报告", "—2024年1月20日在示例市第十届人民代表大会第三次会议上", "示例市人民政府市长\u3000\u3000李　四"),
    ("示例市2024年政府工作报告", "（2024年1月20日在示例市第十届人民代表大会第三次会议上）", "示例市市长 王 五"),
])
def test_front_matter_variants(title, delivery, speaker):
    doc, _ = parse(f"{title}\n{delivery}\n{speaker}\n各位代表：\n现在，我代表市人民政府作报告。\n"
                   "一、2023年工作回顾\n过去一年，成绩显著。\n二、2024年工作安排\n今年主要预期目标是：增长5%左右。\n")
    f = doc.front
    assert (f.title, f.delivery, f.speaker, f.salutation) == (title, delivery, speaker, "各位代表：")
    assert messages(doc) == []


def test_delivery_and_speaker_on_one_line_and_none():
    doc, _ = parse("政府工作报告\n2024年1月20日在示例市第十届人民代表大会第三次会议上 示例市市长 张三\n各位代表：\n"
                   "一、回顾\n过去一年，成绩显著。\n")
    assert (doc.front.delivery, doc.front.speaker) == ("2024年1月20日在示例市第十届人民代表大会第三次会议上", "示例市市长 张三")
    doc, _ = parse("政府工作报告\n各位代表：\n一、回顾\n过去一年，成绩显著。\n")
    assert doc.front.delivery is None and doc.front.salutation == "各位代表："


def test_one_paragraph_per_line_is_not_joined_into_headings():
    lines = ["一、2023年工作回顾"] + [f"第{i}段，我们推进了第{i}项工作，取得积极成效。" for i in range(1, 8)] + [
        "二、2024年工作安排", "今年主要预期目标是：地区生产总值增长5%左右。", "（一）扩大内需", "扩大有效投资，推动项目建设。"]
    doc, _ = parse(HEAD.replace("\n\n", "\n") + "\n".join(lines) + "\n")
    assert doc.layout == "one-per-line"
    assert [p.heading for p in doc.parts] == ["2023年工作回顾", "2024年工作安排"]
    assert len(doc.parts[0].children) == 7 and messages(doc) == []


def test_suspicious_structures_warn_with_file_and_line():
    long_head = "一、" + "工作回顾" * 15 + "\n\n过去一年，成绩显著。\n\n"
    doc, _ = parse(HEAD + long_head + PLAN)
    assert any(m.startswith("9: part heading of 60 characters") for m in messages(doc))
    doc, _ = parse(HEAD + "一、2023年工作回顾\n\n过去一年，成绩显著。\n\n二、2024年工作安排\n\n扩大内需。\n")
    assert any("no targets sentence" in m for m in messages(doc))
    big = "".join(f"第{i}项工作扎实推进，成效明显。\n\n" for i in range(40))
    doc, _ = parse(HEAD + "一、2023年工作回顾\n\n" + big + PLAN)
    assert any("holds 9" in m and "of the report's text" in m for m in messages(doc))


def test_duplicated_text_after_the_closing_is_set_aside():
    body = HEAD + "一、2023年工作回顾\n\n过去一年，我们坚持稳中求进，经济运行总体平稳。\n\n" + PLAN + "\n各位代表！让我们团结奋斗，再创佳绩！\n\n"
    doc, source = parse(body + "过去一年，我们坚持稳中求进，经济运行总体平稳。\n")
    dup = [a for a in doc.set_aside if a.kind == "duplicate"]
    assert [(a.line, a.note) for a in dup] == [(23, "11")] and messages(doc) == []
    unplaced, src, out = placement(doc, source)
    assert unplaced == [] and src == out


def test_registry_set_aside_lines():
    doc, _ = parse(HEAD + "本页面由某某网站整理\n\n一、2023年工作回顾\n\n过去一年，成绩显著。\n\n" + PLAN)
    assert any("text before 各位代表" in m for m in messages(doc)) is False  # after the salutation: the opening
    text = "某某网站 · 专题页\n\n" + HEAD + "一、2023年工作回顾\n\n过去一年，成绩显著。\n\n" + PLAN
    doc, _ = parse(text)
    assert any(m.startswith("1: text before 各位代表") for m in messages(doc))
    doc, _ = parse(text, set_aside=[DeclaredLines("1", "专题页标题")])
    assert messages(doc) == [] and (doc.set_aside[0].kind, doc.set_aside[0].note) == ("registry", "专题页标题")


SEEDS = ["seeds/beijing-2026.txt", "seeds/shanghai-2025.md", "seeds/shenzhen-2026-summary.txt",
         "tests/fixtures/corpus/guangdong-2026.txt", "tests/fixtures/corpus/hailaer-2018.txt"]


@st.composite
def mutated(draw):
    file = draw(st.sampled_from(SEEDS))
    text, _ = decode((ROOT / file).read_bytes(), file)
    lines = text.replace("\r\n", "\n").split("\n")
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "blank", "unindent", "indent", "inline-break", "crlf", "join", "chrome",
                                   "rule", "nul", "emphasis"]))
        if op == "delete":
            del lines[i]
        elif op == "blank":
            lines.insert(i, "")
        elif op == "unindent":
            lines[i] = lines[i].lstrip(" \u3000")
        elif op == "indent":
            lines[i] = "\u3000\u3000" + lines[i]
        elif op == "inline-break":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.sampled_from(["\u2028", "\x0c", "\x85"])) + lines[i][k:]
        elif op == "crlf":
            lines[i] += "\r"
        elif op == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + lines[i + 1]]
        elif op == "chrome":
            lines.insert(0, draw(st.sampled_from(["下载 打印 全屏 收藏", "来源：某报", "分享:", "首页", ">"])))
        elif op == "rule":
            lines.insert(i, "---")
        elif op == "nul":
            lines[i] += "\x00"
        elif op == "emphasis":
            lines[i] = "**" + lines[i] + "**"
        if not lines:
            lines = [""]
    return file, "\n".join(lines)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fuzz_no_text_lost_or_doubled(case):
    """Whatever the mutation, every Han character of the input is placed once: in the report or set aside."""
    file, text = case
    source = normalise(text, file)
    try:
        doc = parse_source(ReportMeta(id="x-2025", file=file, city="x", year=2025, kind="full"), source)
    except ParseError:
        return
    unplaced, src, out = placement(doc, source)
    assert unplaced == [] and src == out


def test_hard_wrapped_text_without_blank_lines():
    para = ("过去一年，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹推进稳增长、促改革、调结构、惠民生、"
            "防风险各项工作，经济运行总体平稳，发展质量稳步提升，社会大局和谐稳定。")
    wrapped = [para[i:i + 24] for i in range(0, len(para), 24)]
    lines = (["示例市政府工作报告", "各位代表：", "一、2023年工作回顾"] + wrapped + wrapped
             + ["二、2024年工作安排", "今年主要预期目标是：地区生产总值增长5%左右。"])
    doc, _ = parse("\n".join(lines) + "\n")
    assert doc.layout == "wrapped"
    assert [b.text for b in doc.parts[0].children] == [para]  # the second copy is set aside as a duplicate
    assert [a.kind for a in doc.set_aside] == ["duplicate"]


def test_check_command_prints_outline_set_aside_and_warnings():
    from gwr.check_cmd import check_file

    report, status = check_file(ROOT, "tests/fixtures/corpus/hailaer-2018.txt")
    assert status == 0 and "gb18030 (detected)" in report and "layout: blank-lines" in report
    assert "     11  part_1  一、2017年工作回顾" in report and "Warnings: 0" in report
    report, status = check_file(ROOT, "tests/fixtures/corpus/shaanxi-2026.txt")
    assert "     4-10  Web page breadcrumbs: 首页 / > / 政府信息公开" in report
    assert "Photo caption: 省长赵刚作政府工作报告" in report


def test_text_lost_or_doubled_is_named_whichever_way_it_is_counted():
    """The check of Han characters compares the source with what is shown: at once when both are the same sequence,
    else counted. A block whose text lost a character, or gained one, is named; the same characters in another
    order (as when a set-aside line sits between others) are not a loss."""
    from gwr.checks import check

    text = HEAD + "一、2023年工作回顾\n\n过去一年，成绩显著。\n\n全年经济平稳。\n\n" + PLAN
    doc, source = parse(text)
    assert [w for w in check(doc, source) if "lost or duplicated" in w.message] == []
    first, second = [b for b in doc.body_blocks() if b.text in ("过去一年，成绩显著。", "全年经济平稳。")]
    first.text, second.text = second.text, first.text  # the same characters, out of order
    assert [w for w in check(doc, source) if "lost or duplicated" in w.message] == []
    first.text = first.text.replace("平", "")  # one lost
    second.text += "稳"  # one extra
    (warning,) = [w for w in check(doc, source) if "lost or duplicated" in w.message]
    assert "1 Han characters missing (平), 1 extra (稳)" in warning.message
