"""Rule ``period``: every value names a period that can be parsed."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from xingshi.errors import CatalogError, Location
from xingshi.findings import Finding
from xingshi.ingest.values import normalize_text


def parse_period_text(value: Any, default_year: int | None = None) -> Any:
    """A Period from ``2021年1-6月``, ``2021年上半年``, ``2021``, ``2021-06`` and the like."""
    from xingshi.catalog.periods import parse_period

    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (datetime, date)):
        value = f"{value.year}-{value.month:02d}"
    text = normalize_text(value)
    # 2021-06-30 (a date typed as text) is its month; 2021年上半年度 is 2021年上半年.
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.]\d{1,2}", text):
        text = f"{m.group(1)}-{int(m.group(2)):02d}"
    text = re.sub(r"(半年|季度|月)度$", r"\1", text)
    try:
        return parse_period(text, default_year=default_year)
    except CatalogError as first:
        m = re.fullmatch(r"(\d{4})年?([^\d].*)", text)  # 2021年上半年, 2021上半年
        if not m:
            raise
        try:
            return parse_period(m.group(2), default_year=int(m.group(1)))
        except CatalogError:
            raise first from None  # the whole text's reason (年份 9999 超出可用范围)


def _excel_date(value: Any) -> date | None:
    """The day an Excel serial number means (45000 → 2023-03-15), for 1954-2119 only."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = float(normalize_text(value))
    except ValueError:
        return None
    if not number.is_integer() or not 20_000 <= number <= 80_000:
        return None
    return date(1899, 12, 30) + timedelta(days=int(number))


def resolve_period(
    value: Any, where: Location, default_year: int | None = None
) -> tuple[Any | None, Finding | None]:
    if value is None or normalize_text(value) == "":
        return None, Finding(
            "period",
            "error",
            "时期为空",
            where,
            hint="填写时期，如 2021年1-6月，或用 --period 指定",
        )
    try:
        return parse_period_text(value, default_year), None
    except CatalogError as exc:
        if (day := _excel_date(value)) is not None:
            return None, Finding(
                "period",
                "error",
                f"时期单元格是一个日期序列号 {value}（即 {day:%Y-%m-%d}），不是时期："
                "这个单元格被设成了数值或常规格式",
                where,
                hint=f"把该列设为日期格式（显示为 {day:%Y年%m月}），"
                f"或直接写成 {day.year}年1-{day.month}月 这样的时期",
            )
        return None, Finding(
            "period",
            "error",
            f"无法识别的时期“{value}”：{exc.message}",
            where,
            hint="时期写作 2021年1-6月、2021年上半年、2021年6月、2021 等",
        )
