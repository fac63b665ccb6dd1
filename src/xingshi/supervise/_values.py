"""Checking the values of a project, task or report: one Chinese error naming the field."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from xingshi.errors import InputError, Location, StoreError

_YM = re.compile(r"^\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*月?\s*$")
_DATE = re.compile(r"^\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?\s*$")

CATEGORIES = ("省重点", "州重点", "中央预算内", "专项债", "县市重点", "其他")
PROJECT_STATUSES = ("未开工", "在建", "竣工", "暂停")
CADENCES = ("按月调度", "按季督查", "一次性")
SOURCES = ("会议议定", "领导批示", "年度重点任务", "红灯指标", "其他")


def bad(field: str, value: Any, expect: str, where: Location | None = None) -> InputError:
    loc = where or Location(column=field, value=value)
    return InputError(f"“{field}”的值“{value}”不对：应为{expect}", where=loc, hint=expect)


def text(value: Any, field: str, *, required: bool = True, where: Location | None = None) -> str:
    s = "" if value is None else str(value).strip()
    if required and not s:
        raise InputError(
            f"缺少“{field}”", where=where or Location(column=field), hint=f"请填写{field}"
        )
    return s


def amount(value: Any, field: str, *, where: Location | None = None, required=True) -> float:
    """A non-negative amount in 亿元."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if not required:
            return 0.0
        raise InputError(
            f"缺少“{field}”", where=where or Location(column=field), hint="金额以亿元为单位"
        )
    try:
        x = (
            float(str(value).replace(",", "").strip())
            if not isinstance(value, int | float)
            else value
        )
    except ValueError:
        raise bad(field, value, "数字（亿元）", where) from None
    if isinstance(x, bool) or x != x or x < 0:
        raise bad(field, value, "不小于0的数字（亿元）", where)
    return float(x)


def year_month(
    value: Any, field: str, *, where: Location | None = None, required=True
) -> str | None:
    """`2021-03`, `2021年3月`, a date or datetime → `2021-03`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError(
                f"缺少“{field}”", where=where or Location(column=field), hint="格式如 2021-03"
            )
        return None
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}"
    m = _YM.match(str(value)) or _DATE.match(str(value))
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise bad(field, value, "年月，格式如 2021-03 或 2021年3月", where)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def day(value: Any, field: str, *, where: Location | None = None, required=True) -> str | None:
    """`2021-03-05`, `2021年3月5日` or a date → `2021-03-05`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InputError(
                f"缺少“{field}”", where=where or Location(column=field), hint="格式如 2021-03-05"
            )
        return None
    if isinstance(value, date):
        return date(value.year, value.month, value.day).isoformat()
    m = _DATE.match(str(value))
    try:
        if not m:
            raise ValueError
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        raise bad(field, value, "日期，格式如 2021-03-05", where) from None


def choice(value: Any, field: str, options: tuple[str, ...], *, where=None, default=None) -> str:
    s = text(value, field, required=default is None, where=where) or default
    if s not in options:
        raise bad(field, value, "以下之一：" + "、".join(options), where)
    return s


def integer(value: Any, field: str, lo: int, hi: int, *, where=None) -> int:
    try:
        n = int(value)
        if isinstance(value, float) and value != n:
            raise ValueError
    except (TypeError, ValueError):
        raise bad(field, value, f"{lo}到{hi}之间的整数", where) from None
    if not lo <= n <= hi:
        raise bad(field, value, f"{lo}到{hi}之间的整数", where)
    return n


def units(value: Any) -> list[str]:
    """`商务局、发改委` or a list → the unit names."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        items = [str(v) for v in value]
    else:
        items = re.split(r"[、,，;；\s]+", str(value))
    return [s.strip() for s in items if s and s.strip()]


class NotFound(StoreError):
    """A project, task or problem that does not exist or lies outside the user's view."""

    http_status = 404
