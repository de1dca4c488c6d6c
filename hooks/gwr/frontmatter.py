"""Recognisers for a report's front matter: title, delivery line, speaker, salutation.

Written for the forms reports are published in, not for one file: a title spaced out
(``政 府 工 作 报 告``); a delivery line opened by ``——``, ``―――``, a single ``—`` or nothing,
in brackets or not, with the date in digits or Chinese numerals, followed on the same line by
the speaker or not; a speaker line with any spaces (U+3000, U+2002, ASCII) between title and
name and inside the name (``龚 正``, ``李　强``).
"""

from __future__ import annotations

import re

_D = r"[\d〇零一二三四五六七八九十]"
DATE = rf"(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*{_D}{{1,3}}\s*月\s*{_D}{{1,3}}\s*日"
DELIVERY = re.compile(
    rf"^((?:[—―－\-–]{{1,4}}\s*)?[（(]?\s*{DATE}\s*在[^。；]{{2,60}}?(?:会议|大会)上(?:的报告)?\s*[）)]?)\s*(.*)$")
DELIVERY_AFTER = re.compile(
    rf"^((?:[—―－\-–]{{1,4}}\s*)?在[^。；]{{2,60}}?(?:会议|大会)上\s*[（(]\s*{DATE}\s*[）)])\s*(.*)$")
_TITLE_WORDS = r"(?:代理|代)?(?:市长|省长|区长|州长|县长|旗长|盟长|主席|总理|主任)"
_WS = r"[\s\u3000\u2002\u2003\u00a0]"
SPEAKER = re.compile(
    rf"^(\S{{0,30}}?{_TITLE_WORDS}){_WS}*((?:[\u3400-\u9fff·]{_WS}{{0,2}}){{1,5}}[\u3400-\u9fff])$")
SALUTATION = re.compile(r"^各位代表[^。；]{0,12}?[：:！!，,]?$")
TITLE_KEY = "政府工作报告"


def squeeze(text: str) -> str:
    """Text without its spaces (for recognising a spaced-out title)."""
    return re.sub(r"[\s\u3000\u2002\u2003\u00a0]+", "", text)


def is_title(text: str) -> bool:
    plain = squeeze(text)
    return TITLE_KEY in plain and len(plain) <= 40 and not any(c in plain for c in "。；：:！？")


def delivery(text: str) -> tuple[str, str] | None:
    """``(delivery line, rest)`` when ``text`` opens with a delivery line; ``rest`` may hold the speaker."""
    m = DELIVERY.match(text) or DELIVERY_AFTER.match(text)
    if not m:
        return None
    return m.group(1), m.group(2)


def is_speaker(text: str) -> bool:
    return bool(SPEAKER.match(text.strip()))


def is_salutation(text: str) -> bool:
    return bool(SALUTATION.match(text))
