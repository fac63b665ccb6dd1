"""A 全年目标 column beside a report's figures: the year's target of each row's indicator.

    指标名称 | 计量单位 | 全年目标 | 1-6月 | 同比增长% | 完成目标进度%
    地区生产总值 | 亿元 | 7.5%左右 | 342.1 | 5.2 |
    规模工业增加值 | % | 8.1-8.6 | — | 6.1 |

A target is a growth (7.5%左右, a row in %, a header saying 增长 or %) or an amount (a header
naming 亿元). Where neither the cell nor the header nor the row says which (``9`` for 社会消费品
零售总额 in 亿元: 9% or 9 亿元?), nothing is guessed: the cell is left out with a warning. A
range (8.1-8.6) is stored at its lower end, the range kept in the note; 左右, 以上 likewise.
"""

from __future__ import annotations

import re
from typing import Any

from xingshi.findings import Finding
from xingshi.ingest.layouts.headers import pure_unit, unit_text
from xingshi.ingest.records import RawTarget
from xingshi.ingest.sources import Sheet
from xingshi.ingest.values import normalize_text, split_unit

# 全年目标, 年度目标, 目标, 预期目标, 目标值(%); not 完成目标进度, 目标完成率, 占目标.
_TARGET_HEAD = re.compile(r"^(\d{4}年)?(全年|年度|预期)?(目标|计划目标)(值|任务)?(\(.*\))?$")
_NUMBER = r"[+-]?\d+(?:\.\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})%?(?:[-~～—至到]({_NUMBER}))?%?(左右|以上|以内|及以上)?$")
_LEADING = re.compile(r"^(增长|增速|达到|≥|>=|不低于)")


def is_target_head(text: str) -> bool:
    return bool(_TARGET_HEAD.match(normalize_text(text)))


def _value(text: str) -> tuple[float, str | None, bool] | None:
    """(value, note, said in %) of a target cell: 7.5%左右 → (7.5, 左右, True)."""
    t = _LEADING.sub("", normalize_text(text))
    m = _RANGE.match(t)
    if m is None:
        return None
    low, high, qualifier = m.groups()
    note = f"目标区间 {low}-{high}" if high else (qualifier or None)
    if high and qualifier:
        note += qualifier
    return float(low), note, "%" in t


def target_of_row(
    sheet: Sheet,
    row: int,
    col: int,
    head: str,
    *,
    name: Any,
    name_col: int,
    row_unit: Any,
    region: Any,
    region_col: int | None,
    year: int | None,
    findings: list[Finding],
    growth_only: bool = False,
) -> RawTarget | None:
    """The target one row's cell gives, or None (an empty cell, or a kind not said).

    ``region_col`` None: a one-region report, ``region`` its title text. ``growth_only``: the
    target's indicator has growth columns only beside it (目标 | 1-6月增速), so is a growth."""
    cell = sheet.cell(row, col)
    text = normalize_text(cell)
    if not text or text in ("-", "—", "/", "…") or year is None:
        return None
    read = _value(text)
    if read is None:
        return None  # 确保完成, 力争: words, not a figure
    value, note, percent = read
    _bare, head_unit = split_unit(normalize_text(head))
    unit_of_row = normalize_text(row_unit)
    said_growth = percent or "%" in (head_unit or "") or bool(re.search("增长|增速", head))
    if said_growth or unit_of_row == "%" or (growth_only and not head_unit):
        kind, unit = "增长", None
    elif head_unit and pure_unit(head_unit):
        kind, unit = "总量", unit_text(head_unit)
    else:
        findings.append(
            Finding(
                "target_kind",
                "warning",
                f"“{head}”列的“{text}”不能确定是增速目标还是总量目标，未导入",
                sheet.where(row, col, cell),
                hint="在表头写明“全年目标(%)”（增速）或“全年目标(亿元)”（总量）后再导入",
            )
        )
        return None
    return RawTarget(
        sheet=sheet,
        row=row,
        region=region,
        region_col=col if region_col is None else region_col,
        indicator=name,
        indicator_col=name_col,
        year=year,
        year_col=col,
        kind=kind,
        kind_col=col,
        value=value,
        value_col=col,
        unit=unit,
        note=note,
        region_from_title=region_col is None,
    )
