"""Index tables: 上年=100 (以上年为100, 上年同期=100, preceding year=100) values are growth.

A value of 107.6 on the previous year's 100 is growth 7.6, never a level and never growth
107.6. A title, unit note or header saying so switches it on for the table or the column; a
fixed base (1978=100 for 2010) is neither growth nor level, and such a column is not read.
"""

from __future__ import annotations

import re
from typing import Any

from xingshi.findings import Finding
from xingshi.ingest.sources import Sheet
from xingshi.ingest.values import normalize_text

_PREVIOUS = re.compile(
    r"(以|按)?上年(同期|同月)?(=|为)100|(以|按)?去年(同期)?(=|为)100"
    r"|precedingyear=100|previousyear=100|sameperiodof(the)?(preceding|previous|last)year=100",
    re.IGNORECASE,
)
_YEAR_BASE = re.compile(r"(?<!\d)((?:19|20)\d\d)年?(=|为)100")
# 2011年为上年% (a yearbook's index column): the year's figure as % of the previous year's.
_AS_PERCENT_OF_PREVIOUS = re.compile(r"为上年(同期)?的?%")


def index_base(text: Any, year: int | None) -> str | None:
    """``previous`` when ``text`` says values stand on the previous year's 100 (a base year
    one before ``year`` counts), ``fixed`` for another base year, None when it says neither."""
    norm = normalize_text(text)
    if _AS_PERCENT_OF_PREVIOUS.search(norm):
        return "previous"
    if "=100" not in norm and "为100" not in norm:
        return None
    if _PREVIOUS.search(norm):
        return "previous"
    m = _YEAR_BASE.search(norm)
    if m is None:
        return None
    return "previous" if year is not None and int(m.group(1)) == year - 1 else "fixed"


def fixed_base_finding(sheet: Sheet, row: int, col: int, name: str) -> Finding:
    """A fixed-base index column (1978=100): neither growth nor a level, so not read."""
    value = sheet.cell(row, col)
    return Finding(
        "header",
        "warning",
        f"“{name}”列是定基指数（不以上年为100），既不是增速也不是总量，该列未导入",
        sheet.where(row, col, value),
        hint="以上年（或上年同期）为100的指数按增速导入：107.6 即增长 7.6%",
        data={"left_out": True},
    )
