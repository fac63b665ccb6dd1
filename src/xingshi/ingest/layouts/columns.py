"""Column bookkeeping shared by the wide and indicators-down readers.

Which period a column or row speaks of (a 时期 cell, a 2021年3月 header, a date), and which
columns stay when two give the same figure (本月 beside 累计, two 增速 columns).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from xingshi.findings import Finding
from xingshi.ingest.layouts.headers import (
    _cumulative,
    dotted_period,
    is_period_head,
    names_months,
)
from xingshi.ingest.records import Reading
from xingshi.ingest.sources import Sheet, column_letter
from xingshi.ingest.values import normalize_text, split_unit


def _period_label(value: Any, sheet_period: str | None) -> str | None:
    """A row's 时期 cell as text (a date cell is its month; 1-6月 takes the title's year)."""
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return f"{value.year}年{value.month}月"
    text = normalize_text(value)
    year = _year(sheet_period)
    if year is not None and not re.match(r"\d{4}", text):
        return f"{year}年{text}"
    return text


def _year(period: str | None) -> int | None:
    m = re.match(r"\d{4}", period or "")
    return int(m.group(0)) if m else None


def _own_period(sub: str, titles: list[str] | None) -> str | None:
    """A column headed by a full period (2021年1-3月); a month of a 累计 series runs from
    January (规模工业增加值_累计增长 over 2021年3月 is 1-3月)."""
    sub = split_unit(sub)[0]  # 2023年1-9月(亿元): the period, its unit apart
    if not (is_period_head(sub) and "年" in sub):
        return None
    if titles and any("累计" in normalize_text(t) for t in titles):
        return _cumulative(sub)
    return sub


def _dates_as_months(sheet: Sheet, rows: range) -> None:
    """Month headers typed as dates (2021-03-01 shown as 2021年3月) become 2021年3月."""
    for r in rows:
        if r < len(sheet.rows):
            sheet.rows[r] = [
                f"{v.year}年{v.month}月" if isinstance(v, (date, datetime)) else dotted_period(v)
                for v in sheet.rows[r]
            ]


def rank_bases_by_place(columns: list[dict[str, Any]]) -> None:
    """Two rank columns of one figure headed 位次 alone (绝对值 | 位次 | 增速 | 位次): each ranks
    the figure on its left, the amount or the growth."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for col in columns:
        groups.setdefault((col["indicator_col"], col["period"]), []).append(col)
    for group in groups.values():
        ranks = [c for c in group if c["kind"] == "rank"]
        if len(ranks) < 2 or not any(c.get("basis") == "default" for c in ranks):
            continue
        for rank in ranks:
            left = [c for c in group if c["kind"] in ("level", "growth") and c["col"] < rank["col"]]
            if rank.get("basis") == "default" and left:
                rank["basis"] = max(left, key=lambda c: c["col"])["kind"]


def _role_key(col: dict[str, Any]) -> tuple[Any, ...]:
    # The amount's rank and the growth's rank are two figures, each kept.
    kind = "level_rank" if col["kind"] == "rank" and col.get("basis") == "level" else col["kind"]
    if col.get("nominal"):
        kind = "nominal"  # 名义增长 beside 实际增长: two growths, normalize keeps one
    return (col["indicator_col"], col["period"], kind)


def _one_column_per_role(
    columns: list[dict[str, Any]], sheet: Sheet, sub_row: int, reading: Reading
) -> list[dict[str, Any]]:
    """Two columns giving the same indicator's same figure for one period: an error, not a
    silent choice of the later one."""
    rank_bases_by_place(columns)
    seen: dict[tuple[Any, ...], int] = {}
    kept: list[dict[str, Any]] = []
    bases = {
        _role_key(c): {k.get("basis") for k in columns if _role_key(k) == _role_key(c)}
        for c in columns
        if c["kind"] == "rank"
    }
    for col in columns:
        key = _role_key(col)
        if key in seen and col["kind"] == "rank" and len(bases[key]) > 1:
            # 增速位次 beside a 位次 of another list: the store keeps one rank of growth per
            # figure; the first (as the bureau lists them) is kept, the other named.
            value = sheet.cell(sub_row, col["col"])
            reading.findings.append(
                Finding(
                    "header",
                    "warning",
                    f"“{value}”列是另一种位次（与{column_letter(seen[key])}列的排序依据不同），"
                    "该列未导入",
                    sheet.where(sub_row, col["col"], value),
                    hint="每条数据只存一个增速位次和一个总量位次；需要时把该列改作单独的一张表导入",
                )
            )
            continue
        if key in seen:
            value = sheet.cell(sub_row, col["col"])
            reading.findings.append(
                Finding(
                    "header",
                    "error",
                    f"“{value}”列与{column_letter(seen[key])}列是同一指标、同一时期的同一项",
                    sheet.where(sub_row, col["col"], value),
                    hint="每项只保留一列；两年平均增速、上年同期数等请在表头写明",
                )
            )
            continue
        seen[key] = col["col"]
        kept.append(col)
    return kept


def _prefer_cumulative(columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop 本月 columns where the same indicator has a cumulative column of the same role and
    the same period (本月 | 累计 under 2024年1月: one figure twice).

    本月 beside 累计 under 2024年10月 is October's figure beside January to October's: each
    column keeps its own period, both are kept.
    """
    roles = {(c["indicator_col"], c["kind"], c["period"]) for c in columns if not c["monthly"]}
    return [
        c
        for c in columns
        if not c["monthly"] or (c["indicator_col"], c["kind"], c["period"]) not in roles
    ]


def _same_month_beside_same_period(
    columns: list[dict[str, Any]], period: str | None, key: str
) -> None:
    """比上年同月 beside 比上年同期 under a one-month period (2017年11月): the first is the
    month's growth, the second January to that month's."""
    if not any("同月" in c[key] for c in columns):
        return
    cumulative = _cumulative(period)
    if cumulative == period:
        return
    for col in columns:
        text = col[key]
        if "同期" in text and not names_months(text) and col["period"] == period:
            col["period"] = cumulative
