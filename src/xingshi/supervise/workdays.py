"""Working days (工作日) by the State Council's holiday arrangement, from `chinesecalendar`.

Outside the years that package knows, Monday to Friday are working days.
"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar


def is_workday(day: date) -> bool:
    """Whether `day` is a working day (调休 Saturdays count, holidays do not)."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:  # a year the holiday table does not cover yet
        return day.weekday() < 5


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (negative when end < start)."""
    if end == start:
        return 0
    sign = 1 if end > start else -1
    lo, hi = (start, end) if sign > 0 else (end, start)
    n = 0
    day = lo + timedelta(days=1)
    while day <= hi:
        n += is_workday(day)
        day += timedelta(days=1)
    return sign * n


def add_working_days(start: date, n: int) -> date:
    """The day `n` working days after `start` (n ≥ 0)."""
    day = start
    while n > 0:
        day += timedelta(days=1)
        n -= is_workday(day)
    return day
