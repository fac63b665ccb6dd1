"""Rule ``not_a_number``: a number cell holds a number (—, -, … and blank mean missing)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from xingshi.errors import Location
from xingshi.findings import Finding
from xingshi.ingest.values import UNCOMPUTED, ExcelError, NotANumber, parse_number, parse_rank

_WHAT = {"level": "数值", "growth": "增长率", "rank": "位次", "target": "目标值"}
# 同比增加1.17个百分点, -3.9个百分点: the change of a rate, which is not a growth rate.
_POINTS = re.compile(
    r"^(同比|比上年|较上年)?(增加|减少|提高|下降|上升|回落|降低)?[+-]?\d+(\.\d+)?个?百分点$"
)

# 计划单列, 不参与排名 in a rank cell: a region outside the ranking (no figure, no numeral)
_NOT_RANKED = re.compile(r"[\u4e00-\u9fff]{2,8}")
_NUMERALS = re.compile("[零〇一二三四五六七八九十百]")


def read_number(
    value: Any,
    kind: str,
    where: Location | Callable[[], Location],
    *,
    percent_ok: bool = False,
) -> tuple[float | int | None, Finding | None]:
    """Parse one number cell; a finding (never an exception) when it holds text.

    ``where`` may be a function giving the place: most cells are numbers, and building a
    place for each of them costs more than reading it.
    """
    try:
        if kind == "rank":
            return parse_rank(value), None
        return parse_number(value, percent_ok=percent_ok or kind == "growth"), None
    except ExcelError as exc:
        where = where() if callable(where) else where
        # #DIV/0! in a growth or rank cell is the usual "no base last year": no figure, said.
        benign = exc.code == "#DIV/0!" and kind in ("growth", "rank")
        return None, Finding(
            "not_a_number",
            "warning" if benign else "error",
            f"{_WHAT.get(kind, '数值')}单元格"
            + (
                f"的{exc.meaning}"
                if exc.code == UNCOMPUTED
                else f"是 Excel 错误值 {exc.code}（{exc.meaning}）"
            )
            + ("，按缺数处理" if benign else ""),
            where,
            hint=_excel_hint(exc.code),
        )
    except NotANumber:
        where = where() if callable(where) else where
        text = re.sub(r"\s", "", str(value))
        if kind == "growth" and _POINTS.match(text):
            return None, Finding(
                "not_a_number",
                "warning",
                f"增长率单元格是百分点变化“{text}”，不是增长率，未导入",
                where,
                hint="比率类指标（失业率、产销率等）的同比变化以百分点计，不作增长率存储",
            )
        if kind == "rank" and _NOT_RANKED.fullmatch(text) and not _NUMERALS.search(text):
            return None, Finding(
                "not_a_number",
                "warning",
                f"位次单元格是说明“{text}”，不是位次，未导入",
                where,
                hint="不参与排名的地区（计划单列、省直管）位次留空；该行其余数据照常导入",
            )
        return None, Finding(
            "not_a_number",
            "error",
            f"{_WHAT.get(kind, '数值')}单元格不是数字：“{value}”",
            where,
            hint="只填数字（增长率可带 %）；缺数用“—”或留空，不要写“约”“左右”等文字",
        )


def _excel_hint(code: str) -> str:
    if code == "#DIV/0!":
        return "上年同期为 0 时增速请填“—”"
    if code == UNCOMPUTED:
        return "请用 Excel/WPS 打开该文件并保存（公式随之计算），再导入"
    return "请在 Excel/WPS 中修正该单元格的公式或改填数值，缺数用“—”或留空"
