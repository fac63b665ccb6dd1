"""How figures are said in official prose: growth, 倍, ranks, percentage points, counts.

Pure string functions; which sentence to write is decided in `compose`, and the sentences
themselves are templates kept as data in `templates/sentences.toml`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import cn2an

T = TypeVar("T")

# "近1.2万件", "超过17亿元", "1500亿元以上": only for figures the data flags as approximate.
QUALIFIERS = {"near": ("近", ""), "over": ("超过", ""), "at_least": ("", "以上")}


def fmt_number(x: float, *, min_decimals: int = 0, max_decimals: int = 4) -> str:
    """A number with no float noise: trailing zeros stripped down to `min_decimals`."""
    text = f"{round(x, max_decimals):.{max_decimals}f}"
    if "." in text:
        whole, frac = text.split(".")
        frac = frac.rstrip("0")
        if len(frac) < min_decimals:
            frac = frac.ljust(min_decimals, "0")
        text = f"{whole}.{frac}" if frac else whole
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def fmt_level(x: float, unit: str = "", *, approx: str | None = None) -> str:
    """A level as published: 3722.1万人次, 304.4亿元; 近/超过/以上 only when flagged."""
    pre, post = QUALIFIERS.get(approx or "", ("", ""))
    return f"{pre}{level_number(x, unit)}{_unit(unit)}{post}"


# Units of things counted one by one: always a whole number (869家, never 869.0家).
COUNT_UNITS = ("家", "个", "户", "人", "项", "件", "所", "座", "辆", "台", "套")


def level_number(x: float, unit: str = "") -> str:
    """A level's number, formatted one way: counts whole (869家); amounts as published, at
    most two decimals (2.56亿元, 80亿元); a value with more decimals (a sum, a conversion from
    万元) keeps one decimal at least where rounding would hide it (2.9981亿元 → 3.0亿元, never
    3亿元, which reads as exactly three)."""
    if unit in COUNT_UNITS:
        return fmt_number(round(x))
    hidden = round(x, 2) != round(x, 6)
    return fmt_number(x, min_decimals=1 if hidden else 0, max_decimals=2)


def _unit(unit: str) -> str:
    return "" if unit in ("", "无") else unit


def growth_amount(g: float) -> str:
    """The size of a growth rate without its verb: 28.6%; 1.5倍 for 150% (see templates/README).

    From 100% up a growth is said in 倍 when that loses nothing of the published figure (a whole
    number of tenths: 150.0% → 1.5倍, 200% → 2倍); otherwise it keeps its percent (122.9%), as
    the seed speech writes 工业税收增长122.9% beside 游客增长1.5倍. Never "1.23倍"."""
    a = abs(g)
    tenths = round(a, 1) / 10
    if a >= 100 and g > 0 and abs(tenths - round(tenths)) < 1e-6:
        # 增长1.5倍 means +150%: the level is 2.5 times last year's. Never "增长2.5倍".
        return f"{fmt_number(round(tenths) / 10, max_decimals=1)}倍"
    return f"{fmt_number(a, min_decimals=1, max_decimals=1)}%"


def count_change(change: float, unit: str = "") -> str:
    """A count's change as a speech says it: 增加159家 / 减少5家 / 持平 (no percent)."""
    n = round(change)
    if n == 0:
        return "持平"
    return f"{'增加' if n > 0 else '减少'}{abs(n)}{_unit(unit)}"


def growth_verb(g: float, *, rate: bool = False) -> str:
    """增长/下降 for growth rates; 提高/下降 for changes of a rate (in 个百分点)."""
    if g > 0:
        return "提高" if rate else "增长"
    return "下降" if g < 0 else "持平"


def is_flat(g: float) -> bool:
    return round(g, 1) == 0


def growth_phrase(g: float, *, rate: bool = False) -> str:
    """增长28.6% / 增长1.5倍 / 下降3.2% / 持平; for rates 提高1.2个百分点."""
    if is_flat(g):
        return "持平"
    if rate:
        return f"{growth_verb(g, rate=True)}{pp(abs(g))}个百分点"
    return f"{growth_verb(g)}{growth_amount(g)}"


def pp(x: float) -> str:
    """A gap between two rates, the number only: 1.2, 1.99, 3.0 (个百分点 added by templates)."""
    return fmt_number(x, min_decimals=1, max_decimals=2)


def gap_verb(gap: float) -> str:
    """高于/低于/持平 for a gap in percentage points."""
    if round(gap, 2) == 0:
        return "持平"
    return "高于" if gap > 0 else "低于"


def cn_number(n: int) -> str:
    """Chinese numerals: 1 → 一, 10 → 十, 14 → 十四, 31 → 三十一."""
    return cn2an.an2cn(int(n))


def ordinal(n: int, *, style: str = "cn") -> str:
    """第一 … 第十四 (speech style); `style="digit"` gives 第4位 where a template asks for it."""
    if style == "digit":
        return f"第{int(n)}位"
    return f"第{cn_number(n)}"


def count_words(n: int, measure: str = "项") -> str:
    """三项, 两项 (两 not 二 before a measure word)."""
    return ("两" if n == 2 else cn_number(n)) + measure


def join(items: Iterable[str], sep: str = "、") -> str:
    return sep.join(items)


def group_by(items: Sequence[T], key: Callable[[T], object]) -> list[tuple[object, list[T]]]:
    """Groups in order of first appearance, keeping each group's items in their given order."""
    groups: dict[object, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.items())


def group_by_rank(items: Sequence[T], rank: Callable[[T], int]) -> list[tuple[int, list[T]]]:
    """Indicators sharing a rank go together; groups ordered best rank first."""
    return sorted(((int(k), v) for k, v in group_by(items, rank)), key=lambda kv: kv[0])  # type: ignore[arg-type]


def subject_word(level: str | None, name: str) -> str:
    """How a region calls itself: 全州, 全市, 全县, 全区, 全省, 全国."""
    if level == "country":
        return "全国"
    if level == "province":
        return "全省" if name.endswith("省") else "全区" if "自治区" in name else "全市"
    for suffix, word in (("州", "全州"), ("盟", "全盟"), ("地区", "全区"), ("区", "全区")):
        if name.endswith(suffix):
            return word
    if name.endswith("县") or name.endswith("旗"):
        return "全县" if name.endswith("县") else "全旗"
    if name.endswith("市"):
        return "全市"
    return "全区" if level == "custom" else "全市"


def period_words(first_month: int, last_month: int, year: int) -> dict[str, str]:
    """The period as a speech says it: when (1-6月), so-far (上半年) and rest (下半年)."""
    if first_month == 1 and last_month == 12:
        return {"when": f"{year}年", "sofar": "全年", "rest": f"{year + 1}年"}
    when = f"{last_month}月" if first_month == last_month else f"{first_month}-{last_month}月"
    named = {3: ("一季度", "后三个季度"), 6: ("上半年", "下半年"), 9: ("前三季度", "四季度")}
    if first_month == 1 and last_month in named:
        sofar, rest = named[last_month]
    else:
        sofar = when
        rest = f"{last_month + 1}-12月" if last_month < 11 else "12月"
    return {"when": when, "sofar": sofar, "rest": rest}


def period_label(key: str) -> str:
    """`2021-01/2021-06` → 2021年1-6月; `2021-06/2021-06` → 2021年6月; other text unchanged."""
    start, _, end = key.partition("/")
    try:
        y, m1, m2 = int(start[:4]), int(start[5:7]), int((end or start)[5:7])
    except ValueError:
        return key
    if m1 == 1 and m2 == 12:
        return f"{y}年"
    return f"{y}年{m2}月" if m1 == m2 else f"{y}年{m1}-{m2}月"


def rest_months(last_month: int) -> str:
    """The remaining months after 1-N月: 7-12月; 12月 after 1-11月."""
    return "12月" if last_month == 11 else f"{last_month + 1}-12月"


def isnum(x: object) -> bool:
    """A usable number: not None, not NaN."""
    return isinstance(x, int | float) and not (isinstance(x, float) and math.isnan(x))
