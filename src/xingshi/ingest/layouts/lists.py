"""A ranking list with no header at all, as a forum post or a copied page gives it.

    1、上海市 | 14900.93亿元 | 8.2%  | 上海
    2、北京市 | 11865.9亿元  | 10.1% | 北京

Every row is numbered in order (1、 2、 3、 …) before its name; one column holds amounts, one
may hold percentages (the growth); the others are text (所属省份 with its rank in the province)
and are left out. Nothing says which indicator the amounts are, nor their period: the user
names both (``--indicator``, ``--period``), else the table is refused saying so.
"""

from __future__ import annotations

import re
from typing import Any

from xingshi.errors import LayoutError
from xingshi.findings import Finding
from xingshi.ingest.records import RawObs, Reading
from xingshi.ingest.sources import Sheet
from xingshi.ingest.values import normalize_text, parse_number, split_cell_unit

_NUMBERED = re.compile(r"^(\d{1,3})\s*[、.．]\s*(\D.*)$")
_PERCENT = re.compile(r"^[+-]?\d+(?:\s*\.\s*\d+)?\s*%$")
_MIN_ROWS = 5  # fewer numbered rows fall in order by chance (a list of notes)


def _kind(value: Any) -> str | None:
    """amount | percent | text for one cell; None for an empty one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "amount"
    text = normalize_text(value)
    if _PERCENT.match(text):
        return "percent"
    if split_cell_unit(text, "亿元") is not None:
        return "amount"  # 14900.93亿元, 4350亿: read in the cell's unit when normalised
    try:
        return "amount" if parse_number(text) is not None else "text"
    except ValueError:
        return "text"


def headerless_list(sheet: Sheet) -> tuple[list[int], int, int | None] | None:
    """(rows, amount column, percent column) of a sheet that is such a list, else None."""
    rows = [r for r, row in enumerate(sheet.rows) if any(_kind(v) for v in row)]
    if len(rows) < _MIN_ROWS:
        return None
    ranks = []
    for r in rows:
        m = _NUMBERED.match(normalize_text(sheet.cell(r, 0)))
        if m is None:
            return None  # a title, a header or a note: not a bare list
        ranks.append(int(m.group(1)))
    if ranks != list(range(1, len(ranks) + 1)):
        return None
    width = max(len(sheet.rows[r]) for r in rows)
    kinds: dict[int, set[str]] = {}
    for c in range(1, width):
        kinds[c] = {k for r in rows if (k := _kind(sheet.cell(r, c)))}
    amounts = [c for c, k in kinds.items() if k == {"amount"}]
    percents = [c for c, k in kinds.items() if k == {"percent"}]
    if len(amounts) != 1 or len(percents) > 1:
        return None
    if any(k - {"text"} for c, k in kinds.items() if c not in amounts + percents):
        return None  # a column of mixed figures and words: not read by guess
    return rows, amounts[0], percents[0] if percents else None


def read_list(
    sheet: Sheet,
    found: tuple[list[int], int, int | None],
    reading: Reading,
    *,
    period: str | None,
    indicator: str | None,
) -> None:
    rows, level_col, growth_col = found
    if indicator is None or period is None:
        missing = "、".join(w for w, v in (("指标", indicator), ("时期", period)) if v is None)
        exc = LayoutError(
            f"表格没有表头：第 {rows[0] + 1} 行起是编号的名单（“{sheet.cell(rows[0], 0)}”），"
            f"表中不写{missing}",
            where=sheet.where(rows[0], 0, sheet.cell(rows[0], 0)),
            hint="用 --indicator 指定数值列的指标（如 --indicator 地区生产总值）、"
            "用 --period 指定时期（如 --period 2009年），或在名单上方加上表头后导入",
        )
        exc.rule = "layout"  # type: ignore[attr-defined]
        raise exc
    reading.findings.append(
        Finding(
            "layout",
            "warning",
            f"表格没有表头：按“名次、名称 | {indicator} | 增速”读第 {rows[0] + 1}-"
            f"{rows[-1] + 1} 行，其余文字列未导入",
            sheet.where(rows[0], 0, sheet.cell(rows[0], 0)),
            hint="指标与时期取自 --indicator 和 --period",
        )
    )
    for r in rows:
        m = _NUMBERED.match(normalize_text(sheet.cell(r, 0)))
        assert m is not None  # checked by headerless_list
        obs = RawObs(
            sheet=sheet,
            row=r,
            region=m.group(2).strip(),
            region_col=0,
            indicator=indicator,
            indicator_col=None,
            period=period,
        )
        value = sheet.cell(r, level_col)
        obs.level, obs.level_col = value, level_col
        if growth_col is not None:
            obs.growth, obs.growth_col = sheet.cell(r, growth_col), growth_col
        obs.set_rank(int(m.group(1)), 0, "level")
        reading.observations.append(obs)
