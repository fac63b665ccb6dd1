"""Cell values and header texts: numbers as statisticians type them, units in brackets."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from datetime import date, datetime
from typing import Any

# Cells that mean "no figure": dashes, ellipses, slashes, blanks.
_MISSING = {"", "-", "--", "---", "—", "——", "–", "…", "……", "...", "/", "＼", "\\", "无", "空"}
# Yearbook marks for a figure not given: ― (U+2015), *** (not published), ×.
_MISSING |= {"―", "――", "*", "**", "***", "×"}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_UNIT_IN_BRACKETS = re.compile(r"[（(]\s*([^()（）]*?)\s*[)）]\s*$")


# What a formula cell holds when the file was never calculated (no cached result to read).
UNCOMPUTED = "#公式未计算"
# Excel's error values, as openpyxl/xlrd hand them over: a formula that failed.
EXCEL_ERRORS = {
    "#DIV/0!": "除数为零（如上年同期为 0）",
    "#N/A": "查找不到对应值",
    "#REF!": "公式引用的单元格已删除",
    "#VALUE!": "公式中的值类型不对",
    "#NAME?": "公式中有无法识别的名称",
    "#NUM!": "公式中的数字无效",
    "#NULL!": "公式中的区域不相交",
    "#错误": "公式出错",
    UNCOMPUTED: "公式没有计算结果：文件由程序生成，未在 Excel/WPS 中打开保存过",
}


# Footnote marks: ①, and a wiki page's [注 4] (美元[注 4], 地区生产总值(GDP)[注 2]).
# Superscript digits (吉首市¹) too: NFKC would make them the name's or the figure's digits.
_FOOTNOTE_MARKS = re.compile(
    "[\u2460-\u24ff\u2776-\u2793\u00b9\u00b2\u00b3\u2070-\u2079]|[\\[［]注?\\s*\\d{1,2}[\\]］]"
)
# Marks after a figure (12.5* 快报数, 8.1△): a note on the figure, not part of it.
_TRAILING_MARKS = re.compile(r"[*※△▲☆★]+$")
_MINUS = str.maketrans({"\u2212": "-", "\u2010": "-", "\u2011": "-", "\ufe63": "-"})


class NotANumber(ValueError):
    """A cell that holds text where a number belongs."""


class ExcelError(NotANumber):
    """A cell holding an Excel error value (#DIV/0!, #REF!…): its formula failed."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code
        self.meaning = EXCEL_ERRORS.get(code, "公式出错")


def normalize_text(value: Any) -> str:
    """Full-width to half-width, inner whitespace (including the ideographic space) removed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _normalize_str(value)
    return _normalize_str.__wrapped__(str(value))


@functools.lru_cache(maxsize=65536)
def _normalize_str(value: str) -> str:
    # A sheet repeats its names and headers thousands of times: normalised once each.
    # Footnote marks (吉首市①, 12.5⑴) first: NFKC would turn ① into a digit of the figure.
    text = _FOOTNOTE_MARKS.sub("", value)
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_MINUS)  # − (U+2212) and kin, as Word and some exports write minus
    text = re.sub(r"\s+", "", text)
    # 地区生产总值*, 吉首市△: a note mark after a name; a cell of marks alone (＊) stays.
    bare = _TRAILING_MARKS.sub("", text)
    return bare or text


def parse_number(value: Any, *, percent_ok: bool = False) -> float | None:
    """A cell as a float: None for a missing mark, NotANumber for text.

    ``12.5%`` is 12.5 where a percentage belongs (growth cells); thousands separators are
    accepted; ``约12`` or ``abc`` raise, because a guessed figure is not a figure.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise NotANumber(str(value))
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        if not math.isfinite(value):
            raise NotANumber(str(value))
        return float(value)
    if isinstance(value, (datetime, date)):
        raise NotANumber(str(value))
    text = normalize_text(value)
    if text in _MISSING:
        return None
    if text.upper() in EXCEL_ERRORS:
        raise ExcelError(text.upper())
    text = _TRAILING_MARKS.sub("", text)
    if percent_ok:
        said = _growth_words(text)
        if said is not None:
            return said
    if percent_ok and text.endswith("%"):
        text = text[:-1]
    text = text.replace(",", "")
    if not _NUMBER.match(text):
        raise NotANumber(str(value))
    number = float(text)
    if not math.isfinite(number):  # 1e400: a typing slip, not a figure
        raise NotANumber(str(value))
    return number


_WITH_UNIT = re.compile(r"^([+-]?(?:\d[\d,]*(?:\.\d+)?|\.\d+))(\D{1,6})$")
_MULTIPLIERS = ("万亿", "亿", "万")


def split_cell_unit(value: Any, unit_of: str | None = None) -> tuple[str, str] | None:
    """A figure written with its unit in the cell (``9946.66亿元``, ``10.77万亿``, ``5995亿``):
    (the number, the unit), or None for anything else.

    A bare multiplier (万亿, 亿, 万) takes the base of ``unit_of``, the unit the indicator is
    kept in (亿 of 亿元 → 亿元, of 万人次 → 亿人次); without it only whole units count.
    """
    if not isinstance(value, str):
        return None
    m = _WITH_UNIT.match(normalize_text(value))
    if m is None:
        return None
    number, unit = m.group(1), m.group(2)
    from xingshi.catalog import units

    if units.try_parse_unit(unit) is not None and unit not in ("%", "个百分点"):
        return number, unit
    if unit in _MULTIPLIERS and unit_of:
        base = normalize_text(unit_of)
        for prefix in _MULTIPLIERS:
            if base.startswith(prefix):
                base = base[len(prefix) :]
                break
        if units.try_parse_unit(unit + base) is not None:
            return number, unit + base
    return None


_SAID = re.compile(
    r"^(?:同比|比上年同期|比上年|较上年|比去年同期|比去年)?(增长|负增长|下降|减少|提高|回落|上升|降低)?"
    r"([+-]?\d+(?:\.\d+)?)(%|倍|个百分点)?$"
)
# ↑5.1, 2.3↓, ▼2.3: the arrow is the sign (▲ and △ after a figure stay marks, as before).
_ARROW = re.compile(r"^([↑↓▼▽])\s*(\d+(?:\.\d+)?)%?$|^(\d+(?:\.\d+)?)%?\s*([↑↓▼▽])$")


def _growth_words(text: str) -> float | None:
    """Growth as written in words: 持平 0, 下降5.2% −5.2, 同比增长5.1%, 负增长2.3 −2.3,
    增长1.5倍 +150 (倍 is ×100), ↓2.3 −2.3."""
    if text == "持平":
        return 0.0
    if a := _ARROW.match(text):
        number = float(a.group(2) or a.group(3))
        return -number if (a.group(1) or a.group(4)) in "↓▼▽" else number
    m = _SAID.match(text)
    if not m or not (m.group(1) or m.group(3) == "倍"):
        return None
    number = float(m.group(2))
    if m.group(3) == "倍":
        number *= 100.0
    return -number if m.group(1) in ("负增长", "下降", "减少", "回落", "降低") else number


def last_decimal_tolerance(growth: float) -> float:
    """Half a unit of the last decimal a growth is written with (7.1 → 0.05, 16.07 → 0.005); a
    whole number counts as one decimal (7.00% is read as 7.0): how far a growth computed from
    the amounts may stand from the printed one and still be that computation."""
    for places in (1, 2):
        if round(growth, places) == growth:
            return 0.5 * 10**-places + 1e-9
    return 0.0005 + 1e-9


_TIE = re.compile(r"^并列|[(]?并列[)]?$|[=＝]$")


def parse_rank(value: Any) -> int | None:
    """A rank cell: ``3``, ``3.0``, ``第3位``, ``第三``, a tie ``并列3``; None when missing."""
    if value is None:
        return None
    text = normalize_text(value)
    if text in _MISSING:
        return None
    if text.upper() in EXCEL_ERRORS:
        raise ExcelError(text.upper())
    text = _TIE.sub("", text)  # a tie is still that rank; the rank rule checks ties itself
    m = re.fullmatch(r"第?(\d+)(\.0+)?[位名]?", text)
    if m:
        return int(m.group(1))
    m = re.fullmatch(r"第?([一二三四五六七八九十]+)[位名]?", text)
    if m:
        import cn2an

        return int(cn2an.cn2an(m.group(1), "smart"))
    raise NotANumber(str(value))


def split_unit(header: Any) -> tuple[str, str | None]:
    """``地区生产总值(亿元)`` → (``地区生产总值``, ``亿元``); no brackets → (text, None)."""
    text = normalize_text(header)
    unit: str | None = None
    # Brackets that are not a unit qualify the name (固定资产投资(不含农户)(亿元)): dropped.
    while m := _UNIT_IN_BRACKETS.search(text):
        inner = m.group(1)
        if unit is None and inner and _is_unit(inner):
            unit = inner
        elif inner and _is_unit(inner):
            break  # a second unit: leave the name as written
        text = text[: m.start()]
    return text, unit


# 亿港元, 万新台币, 亿日元, 亿澳门元: money in a currency the catalogue cannot convert. Kept as the
# column's unit (refused with the unit's name) rather than dropped as a qualifier, which left
# the figures to the catalogue's 亿元.
_FOREIGN_MONEY = re.compile(
    r"(万亿|千亿|百亿|亿|千万|百万|万|千)?[\u4e00-\u9fff]{0,3}(元|币|镑|卢布|美金)"
)


def _is_unit(text: str) -> bool:
    from xingshi.catalog.units import try_parse_unit

    return (
        "%" in text
        or "=100" in text
        or try_parse_unit(text) is not None
        or "、" in text
        or (bool(_FOREIGN_MONEY.fullmatch(text)) and not re.search("人民币|本币", text))
    )


# --- units (the catalogue's helper does the arithmetic) -----------------------------------


class UnitClash(ValueError):
    """Two units that measure different things (家 against 亿元), or a unit nobody knows."""


def convert(value: float, from_unit: str | None, to_unit: str) -> float:
    """Convert a level between units of one dimension (万元 → 亿元); UnitClash otherwise."""
    from xingshi.catalog import units
    from xingshi.errors import CatalogError

    if from_unit is None or normalize_text(from_unit) == normalize_text(to_unit):
        return value
    try:
        return units.convert(value, from_unit, to_unit)
    except CatalogError:
        raise UnitClash(f"{from_unit} → {to_unit}") from None
