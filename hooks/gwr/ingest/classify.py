"""Classify lines: what is not the report (page chrome, metadata, captions, breadcrumbs, related
links, licences), the report's own notes, and the layout family of the rest.

Rules are by kind of line, not by file: web scrapes carry the page's buttons (下载 打印 全屏 收藏
【字号】), breadcrumbs (首页 > … >), ``来源：``/``时间：`` lines (label and value on one line or
two), photo captions (``……本报记者 某某摄``, ``省长某某作政府工作报告``) before the report starts,
and ``相关报道：`` lists, licences or footers after it ends. Only the text before the report's
first structural line (``各位代表：``, a part or section line) and after its last paragraph is
examined, so nothing inside the body is ever taken for chrome.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .normalise import Source

TERMINAL = "。！？!?；;"
CLOSERS = "”’）)》」』】〕"
HAN = re.compile(r"[\u3400-\u9fff]")

# Markdown inline emphasis (**…**, __…__), kept as text without its markers.
EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
QUOTE = re.compile(r"^\s*>\s?")

CHROME_TOKENS = {
    "下载", "打印", "全屏", "收藏", "分享", "分享到", "字号", "加大", "还原", "减小", "大", "中", "小", "默认",
    "关闭", "关闭窗口", "打印本页", "打印此页", "返回顶部", "返回", "顶部", "扫一扫", "微信", "微博", "QQ", "QQ空间",
    "纠错", "我要纠错", "保存", "收藏本页", "放大", "缩小", "朗读", "语音播报", "无障碍", "视力保护色", "繁体",
    "简体", "【", "】", "|", "｜", "/", "字体", "打印本页", "关闭本页", "发布", "源", "点赞", "评论", "转发", "复制链接",
    "分享至", "微信扫一扫", "手机版", "电脑版", "English", "无障碍浏览", "长者模式", "适老化",
}
CHROME_PHRASE = re.compile(r"^(?:扫一扫|手机(?:扫码|打开)|【?(?:打印|关闭|收藏|打印本页|关闭窗口)】?$|分享到|返回顶部|"
                           r"(?:上一篇|下一篇)\s*[:：])")
BREADCRUMB_SEP = {">", "›", "»", "＞", "→", ">>", "＞＞"}
META_LABEL = re.compile(
    r"^[【\[]?(来源|信息来源|文章来源|稿源|时间|发布时间|发布日期|更新时间|日期|作者|编辑|责任编辑|责编|"
    r"浏览次数|点击数|阅读次数|索引号|发文机关|发布机构|主题分类|成文日期|文号|发文字号|字号|字体|标题|公文种类|主题词|"
    r"体裁分类|组配分类|信息分类|生效日期|废止日期|有效性|访问量|供稿|审核|校对|摄影|图片)\s*[:：]\s*(.*?)[】\]]?$")
DATETIME = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$")
CAPTION = re.compile(r"(?:记者|通讯员|摄影|摄)\s*[\u3400-\u9fff·]{0,8}\s*摄(?:影)?\s*$|^图[为：:/]|^[（(]?图片?[:：/]")
BYLINE = re.compile(r"^(?:本报|新华社|本台|本网)?(?:记者|通讯员|特约记者)[\s\u3000]*[\u3400-\u9fff·]{2,4}(?:[\s\u3000、]+[\u3400-\u9fff·]{2,4})*$")
WIKI_NAV = re.compile(r"^[←→].*|.*[←→]$|^(?:姊妹计划|数据项|维基百科条目|来自维基文库|跳转到)")
CAPTION_DELIVERING = re.compile(r"^\S{2,20}作(?:政府)?工作报告。?$")
RELATED = re.compile(r"^[【\[]?(?:相关(?:报道|新闻|阅读|链接|文章|稿件)|延伸阅读|推荐阅读|更多报道)[】\]]?\s*[:：]?")
LICENCE = re.compile(r"公有领域|知识共享|许可协议|Creative Commons|CC[- ]BY|版权所有|Copyright|©|维基文库|维基百科|Wikisource|"
                     r"Wikipedia|本作品|PD-|GNU自由文档|不适用该法|著作权法》第五条", re.I)
FOOTER_LINE = re.compile(r"^(?:作者|URL|原文链接|原文地址|本文链接|文章链接|转载请注明|来源|责任编辑|编辑)\s*[:：]")
NOTES_HEAD = re.compile(r"^[#\s]*(?:名词解释|名词注释|名词解析|注释|附注|注解)\s*[:：]?$")
ANNEX = re.compile(r"^[#\s]*附件\s*([0-9一二三四五六七八九十]*)\s*[:：]?$")
NOTE_ITEM = re.compile(r"^(\d{1,3}[.．、]|[（(]\d{1,3}[）)]|注\d{1,3}[:：.．]?|\[\d{1,3}\])\s*")
SALUTATION = re.compile(r"^各位代表\s*[：:！!，,]?$")
PART_START = re.compile(r"^(?:#{1,6}\s+)?[〇零一二三四五六七八九十百]+、")
SECTION_START = re.compile(r"^(?:#{1,6}\s+)?[（(]\s*[〇零一二三四五六七八九十百]+\s*[）)]")
THEMATIC_BREAK = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")


@dataclass
class Line:
    """A non-blank line of the seed, ready for grouping."""

    no: int
    text: str
    """Content: quote marker, indentation and emphasis markers removed, trailing space removed."""
    quote: int | None = None
    """Blockquote group (lines of one contiguous blockquote share it), or None."""
    indented: bool = False
    glued: bool = False
    """Joined to the line before without any space: a fragment a web page's inline markup split off."""

    @property
    def quoted(self) -> bool:
        return self.quote is not None


@dataclass
class Aside:
    kind: str
    line: int
    end_line: int
    note: str | None = None


@dataclass
class NoteLines:
    """The report's own notes (名词解释): the heading line and each numbered entry's lines."""

    heading: Line
    entries: list[list[Line]] = field(default_factory=list)
    annex: Line | None = None
    """An ``附件N`` line just above the heading, when the notes are printed as an annex."""


@dataclass
class Layout:
    family: str
    """``blank-lines`` (paragraphs separated by blank lines), ``indented`` (a paragraph starts at an
    indented line), ``one-per-line`` (no blank lines, a
    paragraph per line) or ``wrapped`` (no blank lines, paragraphs hard-wrapped)."""
    width: int = 0
    """For ``wrapped``: the wrap width in characters."""
    reason: str = ""


@dataclass
class Classified:
    lines: list[Line | None]
    """Index i is line i+1: a :class:`Line`, or None for a blank line or one set aside here."""
    asides: list[Aside]
    notes: NoteLines | None
    layout: Layout


def _strip_indent(text: str) -> tuple[str, bool]:
    indented = text[:1] in (" ", "\t", "\u3000", "\u00a0", "\u2002", "\u2003")
    return text.strip(" \t\u3000\u00a0\u2002\u2003\u2009\u200b"), indented


def strip_emphasis(text: str) -> str:
    return EMPHASIS.sub(lambda m: m.group(2), text)


def _content(source: Source) -> list[Line | None]:
    out: list[Line | None] = []
    group, in_quote = 0, False
    raws = source.lines
    for no, raw in enumerate(raws, start=1):
        quoted = bool(QUOTE.match(raw))
        if quoted and raw.strip() == ">" and not _quoted_neighbour(raws, no - 1):
            quoted = False  # a lone ">" between unquoted lines: a breadcrumb separator, not a blockquote
        if quoted:
            if not in_quote:
                group += 1
                in_quote = True
            raw = QUOTE.sub("", raw, count=1)
        else:
            in_quote = False
        text, indented = _strip_indent(raw)
        text = strip_emphasis(text).strip()
        if text in ("**", "__"):
            text = ""
        out.append(Line(no, text, group if quoted else None, indented) if text else None)
    return out


def _quoted_neighbour(raws: list[str], i: int) -> bool:
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(raws) and not raws[k].strip():
            k += step
        if 0 <= k < len(raws) and raws[k].lstrip().startswith(">") and raws[k].strip() != ">":
            return True
    return False


def _is_chrome_tokens(text: str) -> bool:
    if len(text) <= 30 and CHROME_PHRASE.match(text) or len(text) <= 80 and WIKI_NAV.match(text):
        return True
    tokens = [t for t in re.split(r"[\s|｜【】\[\]：:]+", text) if t]
    if not tokens:
        return len(text) <= 10  # brackets and separators only: the rest of a control line (】)
    return all(t in CHROME_TOKENS or t == "" for t in tokens) and len(text) <= 60


def _body_bounds(lines: list[Line | None]) -> tuple[int, int]:
    """(index of the first structural line, index of the last body line) over ``lines``."""
    first = None
    for i, ln in enumerate(lines):
        if ln is None:
            continue
        if SALUTATION.match(ln.text) or PART_START.match(ln.text) or SECTION_START.match(ln.text):
            first = i
            break
    if first is None:
        first = 0
    last = first
    for i in range(len(lines) - 1, first - 1, -1):
        ln = lines[i]
        if ln is None or ln.quoted:
            continue
        t = ln.text
        if len(t) >= 20 and t.rstrip(CLOSERS)[-1:] in TERMINAL + "。" and not LICENCE.search(t) \
                and not RELATED.match(t) and not FOOTER_LINE.match(t):
            last = i
            break
    return first, last


def _front_chrome(lines: list[Line | None], first: int, asides: list[Aside]) -> None:
    i = 0
    while i < first:
        ln = lines[i]
        if ln is None or ln.quoted:
            i += 1
            continue
        t = ln.text
        kind, end = None, i
        if _is_chrome_tokens(t):
            kind = "chrome"
        elif t in BREADCRUMB_SEP or ((">" in t or "›" in t or "»" in t) and t.startswith(("首页", "当前位置", "您的位置"))):
            kind = "breadcrumb"
        elif (m := META_LABEL.match(t)) and len(t) <= 60:
            kind = "metadata"
            if not m.group(2):
                # the label alone; its value is the next non-blank line
                j = _next(lines, i)
                if j is not None and j < first and len(lines[j].text) <= 40 and "。" not in lines[j].text:
                    end = j
        elif DATETIME.match(t):
            kind = "metadata"
        elif len(t) <= 60 and (CAPTION.search(t) or BYLINE.match(t) or (CAPTION_DELIVERING.match(t) and "年" not in t)):
            kind = "caption"
        if kind is None:
            i += 1
            continue
        asides.append(Aside(kind, ln.no, lines[end].no))
        for k in range(i, end + 1):
            lines[k] = None
        i = end + 1
    _breadcrumb_neighbours(lines, first, asides)


def _breadcrumb_neighbours(lines: list[Line | None], first: int, asides: list[Aside]) -> None:
    """Short lines between breadcrumb separators are breadcrumbs too (首页 / > / 政府信息公开 / > / …)."""
    seps = {a.line for a in asides if a.kind == "breadcrumb"}
    if not seps:
        return
    gone = {n for a in asides for n in range(a.line, a.end_line + 1)}
    marked = []
    for i in range(first):
        ln = lines[i]
        if ln is None or len(ln.text) > 15 or any(c in ln.text for c in "。，；："):
            continue
        if _neighbour_no(lines, i, -1, gone) in seps or _neighbour_no(lines, i, 1, gone) in seps:
            marked.append(i)
    for i in marked:
        asides.append(Aside("breadcrumb", lines[i].no, lines[i].no))
        lines[i] = None


def _neighbour_no(lines: list[Line | None], i: int, step: int, gone: set[int]) -> int | None:
    """Line number of the nearest non-blank source line before (step -1) or after (+1) index ``i``."""
    k = i + step
    while 0 <= k < len(lines):
        if lines[k] is not None or (k + 1) in gone:
            return k + 1
        k += step
    return None


def _next(lines, i):
    for k in range(i + 1, len(lines)):
        if lines[k] is not None:
            return k
    return None


def _tail_chrome(lines: list[Line | None], last: int, asides: list[Aside]) -> None:
    related_from = None
    for i in range(last + 1, len(lines)):
        ln = lines[i]
        if ln is not None and not ln.quoted and RELATED.match(ln.text):
            related_from = i
            break
    if related_from is not None:
        nos = [ln.no for ln in lines[related_from:] if ln is not None]
        asides.append(Aside("related", nos[0], nos[-1]))
        for k in range(related_from, len(lines)):
            lines[k] = None
    for i in range(last + 1, len(lines)):
        ln = lines[i]
        if ln is None or ln.quoted:
            continue
        t = ln.text
        if LICENCE.search(t):
            kind = "licence"
        elif _is_chrome_tokens(t):
            kind = "chrome"
        elif (META_LABEL.match(t) and len(t) <= 40) or DATETIME.match(t):
            kind = "metadata"
        else:
            continue
        asides.append(Aside(kind, ln.no, ln.no))
        lines[i] = None


def _notes(lines: list[Line | None], last: int) -> NoteLines | None:
    """The report's own notes: a 名词解释 heading in the last part of the text, then numbered entries."""
    n = len(lines)
    for i in range(n // 2, n):
        ln = lines[i]
        if ln is None or not NOTES_HEAD.match(ln.text):
            continue
        j = _next(lines, i)
        if j is None or not NOTE_ITEM.match(lines[j].text):
            continue
        notes = NoteLines(ln)
        lines[i] = None
        for k in range(i - 1, -1, -1):
            if lines[k] is not None:
                if ANNEX.match(lines[k].text):
                    notes.annex = lines[k]
                    lines[k] = None
                break
        for k in range(j, n):
            item = lines[k]
            if item is None:
                continue
            if NOTE_ITEM.match(item.text) or not notes.entries:
                notes.entries.append([item])
            else:
                notes.entries[-1].append(item)
            lines[k] = None
        return notes
    return None


def detect_layout(lines: list[Line | None]) -> Layout:
    idx = [i for i, ln in enumerate(lines) if ln is not None]
    if not idx:
        return Layout("blank-lines", reason="empty")
    followed_by_blank = sum(1 for i in idx if i + 1 >= len(lines) or lines[i + 1] is None)
    share_blank = followed_by_blank / len(idx)
    long = [lines[i].text for i in idx if len(lines[i].text) >= 20]
    ends = sum(1 for t in long if t.rstrip(CLOSERS)[-1:] in TERMINAL + "：:")
    share_end = ends / len(long) if long else 1.0
    if share_blank >= 0.5:
        return Layout("blank-lines", reason=f"{share_blank:.0%} of lines are followed by a blank line")
    indented = sum(1 for i in idx if lines[i].indented) / len(idx)
    if 0.2 <= indented <= 0.95:
        return Layout("indented", reason=f"{share_blank:.0%} of lines are followed by a blank line; {indented:.0%} "
                      "are indented (a paragraph starts at an indented line)")
    if share_end >= 0.5:
        return Layout("one-per-line", reason=f"{share_blank:.0%} of lines followed by a blank line; "
                      f"{share_end:.0%} of lines of 20+ characters end a sentence")
    lengths = Counter(len(t) for t in long)
    if lengths:
        width = max(lengths, key=lambda k: (sum(v for w, v in lengths.items() if abs(w - k) <= 1), k))
        at_width = sum(v for w, v in lengths.items() if abs(w - width) <= 1)
        if len(long) >= 5 and at_width / len(long) >= 0.5:
            return Layout("wrapped", width, reason=f"only {share_end:.0%} of lines of 20+ characters end a sentence; "
                          f"{at_width / len(long):.0%} of them run to {width}±1 characters")
    return Layout("one-per-line", reason=f"{share_blank:.0%} of lines followed by a blank line; no wrap width "
                  "(lines of 20+ characters vary in length)")


def classify(source: Source, declared: list[tuple[int, int, str]] | None = None) -> Classified:
    """``declared``: line ranges the registry sets aside (first, last, reason)."""
    lines = _content(source)
    asides: list[Aside] = []
    for first_no, last_no, reason in declared or []:
        asides.append(Aside("registry", first_no, last_no, reason))
        for k in range(first_no - 1, min(last_no, len(lines))):
            lines[k] = None
    first, last = _body_bounds(lines)
    _front_chrome(lines, first, asides)
    notes = _notes(lines, last)
    first, last = _body_bounds(lines)
    _tail_chrome(lines, last, asides)
    asides.sort(key=lambda a: a.line)
    return Classified(lines, _merge(asides, source), notes, detect_layout(lines))


def _merge(asides: list[Aside], source: Source) -> list[Aside]:
    """Adjacent set-aside lines of one kind (blank lines between them allowed) are one entry."""
    out: list[Aside] = []
    for a in asides:
        prev = out[-1] if out else None
        if (prev and prev.kind == a.kind and prev.note == a.note and a.kind != "registry"
                and all(not source.line(n).strip(" \t\u3000>") for n in range(prev.end_line + 1, a.line))):
            prev.end_line = a.end_line
        else:
            out.append(Aside(a.kind, a.line, a.end_line, a.note))
    return out
