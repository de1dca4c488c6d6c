"""Interface strings, per language. The English edition adds an ``en`` table."""

from __future__ import annotations

LABELS = {
    "zh": {
        "kind.full": "全文",
        "kind.summary": "摘要",
        "meta.city": "城市",
        "meta.year": "年份",
        "meta.kind": "文本",
        "meta.delivered": "报告日期",
        "meta.session": "会议",
        "meta.speaker": "报告人",
        "meta.source": "来源",
        "meta.original_file": "原始文件",
        "meta.sha256": "SHA-256",
        "meta.data": "结构化数据",
        "meta.provenance": "来源与版本说明",
        "summary.notice": "本文件是报纸刊发的政府工作报告摘要，不是报告全文；引用时请注明为摘要。",
        "toc": "报告目录",
        "figures_page": "全部数字",
        "preamble": "开篇",
        "closing": "结束语",
        "empty_section": "（原文此节仅有标题，无展开内容。）",
        "copy_para": "复制本段链接",
        "para": "第{n}段",
        "item": "第{n}项",
        "aside.repeated-title": ("重复的标题", "转载页面重复印出了报告标题。"),
        "aside.link-list": ("转载者添加的链接", "转载网页添加的链接列表，不是报告原文。"),
        "aside.resolution": (
            "人民代表大会决议",
            "大会关于政府工作报告的决议，是大会通过的另一份文件，不是报告正文。",
        ),
        "aside.footer": ("博客页脚", "转载博客的作者和网址信息，不是报告原文。"),
        "aside.column-header": ("报纸栏目名", "报纸版面的栏目标题，不是报告原文。"),
        "aside.page-marker": ("转版标记", "报纸排版的转版提示，不是报告原文。"),
        "aside.quoted": ("转载者引用的内容", "报告开始之前的引用段落，未能识别为报告的一部分。"),
        "untranslated": "尚未翻译",
        "report_page": "报告页面",
        "reports": "报告",
        "city": "城市",
        "summary_label": "（摘要）",
        "year_label": "{year}年",
        "n_parts": "{kind}；{parts}个部分，{sections}节",
    },
    "en": {
        "kind.full": "Full text",
        "kind.summary": "Summary",
        "meta.city": "City",
        "meta.year": "Year",
        "meta.kind": "Text",
        "meta.delivered": "Delivered",
        "meta.session": "Session",
        "meta.speaker": "Speaker",
        "meta.source": "Source",
        "meta.original_file": "Original file",
        "meta.sha256": "SHA-256",
        "meta.data": "Structured data",
        "meta.provenance": "Sources and provenance",
        "summary.notice": "This document is a newspaper summary of the government work report, not its full text; "
        "cite it as a summary.",
        "toc": "Contents of the report",
        "figures_page": "All figures",
        "preamble": "Opening",
        "closing": "Closing",
        "empty_section": "(In the original, this section has a heading only.)",
        "copy_para": "Copy the link to this paragraph",
        "para": "Paragraph {n}",
        "item": "Item {n}",
        "aside.repeated-title": ("Repeated title", "The reposted page printed the report's title twice."),
        "aside.link-list": ("Links added by the reposter", "A list of links added by the web page that reposted the "
                            "report; not part of the report."),
        "aside.resolution": ("Resolution of the People's Congress", "The congress's resolution on the work report "
                             "is a separate document adopted by the congress, not the report's text."),
        "aside.footer": ("Blog footer", "Author and address of the blog that reposted the report."),
        "aside.column-header": ("Newspaper column header", "The column title of the newspaper page; not part of the "
                                "report."),
        "aside.page-marker": ("Page continuation mark", "The newspaper's note that the article continues from "
                              "another page."),
        "aside.quoted": ("Quoted material", "A quoted passage before the report begins that could not be placed in "
                         "the report."),
        "untranslated": "Not yet translated",
        "report_page": "Report page",
        "reports": "Reports",
        "city": "City",
        "summary_label": " (summary)",
        "year_label": "{year}",
        "n_parts": "{kind}; {parts} parts, {sections} sections",
    },
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def date(lang: str, iso: str) -> str:
    """A date as readers of the edition write it: 2025年2月25日 / 25 February 2025."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日" if lang == "zh" else f"{d} {MONTHS[m - 1]} {y}"


def roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def colon(lang: str) -> str:
    """The colon after a label: full-width in Chinese (“下载：”), ASCII and a space in English (“Download: ”)."""
    return "：" if lang == "zh" else ": "


def t(lang: str, key: str, **kwargs) -> str:
    value = LABELS[lang][key]
    return value.format(**kwargs) if kwargs and isinstance(value, str) else value
