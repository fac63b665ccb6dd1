"""Numbers as written in Chinese official prose: 1,234.5, 3.5万亿, 百分之十二点五, 负0.5, 第十四.

Only spans already cut out by the grammar reach cn2an (never its whole-text transform, which
turns 七一 into 71).
"""

from __future__ import annotations

import re
from functools import lru_cache

import cn2an

_CN_DIGIT = "零一二两三四五六七八九"
_ARABIC = re.compile(r"^(?P<neg>负|-|−)?(?P<num>\d[\d,]*(?:\.\d+)?)$")


@lru_cache(maxsize=65536)  # a text writes the same few hundred numbers again and again
def parse_number(span: str) -> float | None:
    """The value of a number span (Arabic, Chinese or mixed), or None when it is not one."""
    s = span.strip()
    if not s:
        return None
    neg = False
    if s[0] in "负-−":
        neg, s = True, s[1:]
    if s.startswith("百分之"):
        s = s[3:]
    m = _ARABIC.match(s)
    if m:
        value = float(m.group("num").replace(",", ""))
    else:
        value = _parse_chinese(s)
        if value is None:
            return None
    return -value if neg else value


@lru_cache(maxsize=8192)  # the same numerals recur (一, 两, 三十): cn2an is slow
def _parse_chinese(s: str) -> float | None:
    # 两 is a digit in speech (两项, 两万); cn2an reads it in "smart" mode.
    try:
        value = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value)


def as_written(value: float) -> int | float:
    """Integers stay integers in the output (869, not 869.0)."""
    return int(value) if float(value).is_integer() else value
