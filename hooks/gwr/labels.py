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
        "preamble": "开篇",
        "closing": "结束语",
        "empty_section": "（原文此节仅有标题，无展开内容。）",
        "copy_para": "复制本段链接",
        "para": "第{n}段",
        "item": "第{n}项",
        "authoritative": "中文原文为准。本站文本逐字录自所列来源。",
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
    }
}


def t(lang: str, key: str, **kwargs) -> str:
    value = LABELS[lang][key]
    return value.format(**kwargs) if kwargs and isinstance(value, str) else value
