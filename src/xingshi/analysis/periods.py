"""Which periods an analysis of one period needs, per indicator frequency.

A period here is ``(year, first_month, last_month)``, the same three integers as the
observations frame. For a cumulative period 1-N月 the previous period depends on how the
indicator is published: ``monthly`` merges January and February (1-3月 → 1-2月, 1-2月 has none),
``monthly_jan`` publishes January, ``quarterly`` steps by three months, ``annual`` by a year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from xingshi.errors import PeriodError

Triple = tuple[int, int, int]


def as_triple(period: Any) -> Triple:
    """Accept a ``Period`` (year, first/last month), a key ``2021-01/2021-06`` or a triple."""
    if isinstance(period, tuple) and len(period) == 3:
        return (int(period[0]), int(period[1]), int(period[2]))
    if all(hasattr(period, a) for a in ("year", "first_month", "last_month")):
        return (int(period.year), int(period.first_month), int(period.last_month))
    if isinstance(period, str):
        try:
            start, end = period.split("/")
            y1, m1 = (int(x) for x in start.split("-"))
            y2, m2 = (int(x) for x in end.split("-"))
        except ValueError:
            raise PeriodError(
                f"无法识别的期别“{period}”", hint="请写成 2021-01/2021-06 或 2021年1-6月"
            ) from None
        if y1 == y2 and 1 <= m1 <= m2 <= 12:
            return (y1, m1, m2)
    raise PeriodError(f"无法识别的期别“{period}”", hint="请写成 2021-01/2021-06 或 2021年1-6月")


def period_key(t: Triple) -> str:
    y, f, m = t
    return f"{y:04d}-{f:02d}/{y:04d}-{m:02d}"


def period_label(t: Triple) -> str:
    y, f, m = t
    if f == 1 and m == 12:
        return f"{y}年"
    if f == m:
        return f"{y}年{m}月"
    return f"{y}年{f}-{m}月"


def shift_year(t: Triple | None, years: int) -> Triple | None:
    return None if t is None else (t[0] + years, t[1], t[2])


def previous(t: Triple, frequency: str) -> Triple | None:
    """The previous period in the same series, or None when the period is the first one."""
    y, f, m = t
    if f != 1:  # a single month (or any non-cumulative span): the month before
        return (y, m - 1, m - 1) if m > 1 and f == m else None
    if frequency == "monthly":
        return None if m <= 2 else (y, 1, 2) if m == 3 else (y, 1, m - 1)
    if frequency == "monthly_jan":
        return None if m == 1 else (y, 1, m - 1)
    if frequency == "quarterly":
        return (y, 1, m - 3) if m % 3 == 0 and m > 3 else None
    if frequency == "annual":
        return (y - 1, 1, 12) if m == 12 else None
    return None


def is_first_period(t: Triple, frequency: str) -> bool:
    """True for the first cumulative period of a year (1-2月 for ``monthly``), whose single-period
    value is the cumulative value itself."""
    _, f, m = t
    if f != 1:
        return False
    first = {"monthly": 2, "monthly_jan": 1, "quarterly": 3, "annual": 12}.get(frequency)
    return first == m


@dataclass(frozen=True)
class PeriodPlan:
    """The periods one indicator needs for an analysis of ``current``."""

    current: Triple
    prev: Triple | None
    ly: Triple
    prev_ly: Triple | None
    ly2: Triple
    fy_ly: Triple
    first: bool

    def roles(self) -> dict[str, Triple]:
        out = {
            "cur": self.current,
            "ly": self.ly,
            "ly2": self.ly2,
            "fy_ly": self.fy_ly,
        }
        if self.prev is not None:
            out["prev"] = self.prev
        if self.prev_ly is not None:
            out["prev_ly"] = self.prev_ly
        return out


def plan(current: Triple, frequency: str) -> PeriodPlan:
    prev = previous(current, frequency)
    y = current[0]
    return PeriodPlan(
        current=current,
        prev=prev,
        ly=(y - 1, current[1], current[2]),
        prev_ly=shift_year(prev, -1),
        ly2=(y - 2, current[1], current[2]),
        fy_ly=(y - 1, 1, 12),
        first=is_first_period(current, frequency),
    )


def time_progress(t: Triple) -> float | None:
    """时间进度 in %: N/12 at the end of 1-N月; None for periods not starting in January."""
    _, f, m = t
    return m / 12 * 100 if f == 1 else None
