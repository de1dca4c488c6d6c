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
        "notes": "名词解释",
        "notes.intro": "报告原文附带的名词解释，不属于正文，按原文照录。",
        "empty_section": "（原文此节仅有标题，无展开内容。）",
        "copy_para": "复制本段链接",
        "para": "第{n}段",
        "item": "第{n}项",
        "aside.repeated-front": ("重复的报告信息", "转载页面重复印出了报告的会议、日期或报告人信息。"),
        "aside.chrome": ("网页按钮和控件", "网页上的下载、打印、字号等按钮文字，不是报告原文。"),
        "aside.breadcrumb": ("网页导航路径", "网页的栏目导航（首页 > …），不是报告原文。"),
        "aside.metadata": ("网页发布信息", "网页标注的来源、发布时间等信息，不是报告原文。"),
        "aside.caption": ("图片说明", "网页或报纸所配照片的说明文字，不是报告原文。"),
        "aside.related": ("相关报道链接", "网页在文末列出的相关报道，不是报告原文。"),
        "aside.licence": ("许可或版权说明", "转载网站的许可或版权声明，不是报告原文。"),
        "aside.duplicate": ("重复的文字", "原始文件把同一段文字印了两次；保留第一次出现的文字，此处为重复。"),
        "aside.control": ("控制字符", "原始文件此行含有不可见的控制字符（如NUL），已从正文中去除；其余文字照录。"),
        "aside.registry": ("维护者标注的非正文内容", "维护者在登记表中说明这些行不属于报告正文。"),
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
        "notes": "Notes",
        "notes.intro": "The report's own notes explaining its terms, printed with it but not part of its body; "
        "given as published.",
        "empty_section": "(In the original, this section has a heading only.)",
        "copy_para": "Copy the link to this paragraph",
        "para": "Paragraph {n}",
        "item": "Item {n}",
        "aside.repeated-front": ("Repeated front matter", "The page printed the report's session, date or speaker "
                                 "a second time."),
        "aside.chrome": ("Web page controls", "Button and control labels of the web page (download, print, font "
                         "size); not part of the report."),
        "aside.breadcrumb": ("Web page breadcrumbs", "The web page's navigation path (Home > …); not part of the "
                             "report."),
        "aside.metadata": ("Web page metadata", "The page's source and publication time lines; not part of the "
                           "report."),
        "aside.caption": ("Photo caption", "The caption of a photo on the web page or newspaper page; not part of "
                          "the report."),
        "aside.related": ("Related-article links", "The list of related articles at the end of the web page; not "
                          "part of the report."),
        "aside.licence": ("Licence or copyright notice", "The reposting site's licence or copyright notice; not "
                          "part of the report."),
        "aside.duplicate": ("Repeated text", "The file prints the same text twice; the first occurrence is kept and "
                            "this repetition is set aside."),
        "aside.control": ("Control characters", "This line of the file holds invisible control characters (such as "
                          "NUL); they were removed from the text, which is otherwise given as published."),
        "aside.registry": ("Declared not part of the report", "The maintainer declared these lines not part of the "
                           "report in the registry."),
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
