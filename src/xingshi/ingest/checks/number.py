"""Rule ``not_a_number``: a number cell holds a number (—, -, … and blank mean missing)."""

from __future__ import annotations

from typing import Any

from xingshi.errors import Location
from xingshi.findings import Finding
from xingshi.ingest.values import NotANumber, parse_number, parse_rank

_WHAT = {"level": "数值", "growth": "增长率", "rank": "位次", "target": "目标值"}


def read_number(
    value: Any, kind: str, where: Location, *, percent_ok: bool = False
) -> tuple[float | int | None, Finding | None]:
    """Parse one number cell; a finding (never an exception) when it holds text."""
    try:
        if kind == "rank":
            return parse_rank(value), None
        return parse_number(value, percent_ok=percent_ok or kind == "growth"), None
    except NotANumber:
        return None, Finding(
            "not_a_number",
            "error",
            f"{_WHAT.get(kind, '数值')}单元格不是数字：“{value}”",
            where,
            hint="只填数字（增长率可带 %）；缺数用“—”或留空，不要写“约”“左右”等文字",
        )
