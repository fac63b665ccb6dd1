"""Rule ``period``: every value names a period that can be parsed."""

from __future__ import annotations

import re
from datetime import date, datetime
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
    except CatalogError:
        m = re.fullmatch(r"(\d{4})年?([^\d].*)", text)  # 2021年上半年, 2021上半年
        if not m:
            raise
        return parse_period(m.group(2), default_year=int(m.group(1)))


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
        return None, Finding(
            "period",
            "error",
            f"无法识别的时期“{value}”：{exc.message}",
            where,
            hint="时期写作 2021年1-6月、2021年上半年、2021年6月、2021 等",
        )
