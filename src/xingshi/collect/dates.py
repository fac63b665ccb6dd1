"""Due dates as the reporting systems write them: 月后N日 is the N-th working day after the
period's last month (Monday to Friday; extra holidays can be given)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from xingshi.catalog.periods import Period
from xingshi.errors import InputError, Location

_AFTER = re.compile(r"^月后(\d+)(?:个工作日|日|天)?$")


def is_working_day(day: date, holidays: Iterable[date] = ()) -> bool:
    return day.weekday() < 5 and day not in set(holidays)


def add_working_days(start: date, n: int, holidays: Iterable[date] = ()) -> date:
    """The n-th working day after `start` (n >= 1)."""
    hols = set(holidays)
    day = start
    count = 0
    while count < n:
        day += timedelta(days=1)
        if is_working_day(day, hols):
            count += 1
    return day


def working_days_between(start: date, end: date, holidays: Iterable[date] = ()) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    hols = set(holidays)
    n, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, hols):
            n += 1
    return n


def period_end(period: Period) -> date:
    if period.last_month == 12:
        return date(period.year, 12, 31)
    return date(period.year, period.last_month + 1, 1) - timedelta(days=1)


def parse_due(text: str | date, period: Period, holidays: Iterable[date] = ()) -> date:
    """A due date from 2021-08-10, 月后10日 or 月后10个工作日 (working days after the month)."""
    if isinstance(text, date):
        return text
    raw = str(text).strip()
    m = _AFTER.match(raw)
    if m:
        n = int(m.group(1))
        if not 1 <= n <= 60:
            raise InputError(
                f"报送期限“{raw}”超出范围", where=Location(value=raw), hint="月后1日到月后60日"
            )
        return add_working_days(period_end(period), n, holidays)
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InputError(
            f"无法识别的报送期限“{raw}”",
            where=Location(value=raw),
            hint="写成 2021-08-10 或 月后10日（期末后第10个工作日）",
        ) from None
