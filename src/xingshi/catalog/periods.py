"""Reporting periods: one value (year, first month, last month) for every form users write.

Most figures are cumulative from January ("1-6月"); quarters, halves and single months are
periods too. ``Period.key`` ("2021-01/2021-06") is the stable text form stored everywhere,
``Period.label`` ("2021年1-6月") the Chinese one printed in reports; both parse back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from xingshi.errors import Location, PeriodError

Frequency = Literal["monthly", "monthly_jan", "quarterly", "annual"]

ACCEPTED_FORMS = (
    "1-6月、2021年1-6月、1至6月、上半年、下半年、一季度、二季度、前三季度、1-3季度、全年、"
    "6月、6月份、2021-06、2021-01/2021-06、2021H1、2021Q3、2021、2021年、2021年度"
)

_MIN_YEAR, _MAX_YEAR = 1949, 2200


@dataclass(frozen=True, order=True)
class Period:
    """Months ``first_month``..``last_month`` of ``year`` (inclusive, 1-based)."""

    year: int
    first_month: int
    last_month: int

    def __post_init__(self) -> None:
        if not (_MIN_YEAR <= self.year <= _MAX_YEAR):
            raise PeriodError(
                f"年份 {self.year} 超出可用范围",
                hint=f"年份应在 {_MIN_YEAR}-{_MAX_YEAR} 之间",
            )
        if not (1 <= self.first_month <= self.last_month <= 12):
            raise PeriodError(
                f"月份 {self.first_month}-{self.last_month} 无效",
                hint="月份应在 1-12 之间，且起始月不大于截止月",
            )

    # -- text forms -------------------------------------------------------------------------
    @property
    def key(self) -> str:
        """Stable storage form, e.g. ``2021-01/2021-06``."""
        return f"{self.year:04d}-{self.first_month:02d}/{self.year:04d}-{self.last_month:02d}"

    @property
    def label(self) -> str:
        """Chinese form: ``2021年1-6月``, ``2021年6月``, ``2021年`` for the whole year."""
        if self.first_month == 1 and self.last_month == 12:
            return f"{self.year}年"
        if self.first_month == self.last_month:
            return f"{self.year}年{self.last_month}月"
        return f"{self.year}年{self.first_month}-{self.last_month}月"

    @property
    def short_label(self) -> str:
        """The label without the year, as speeches write it: ``1-6月``, ``6月``, ``全年``."""
        if self.first_month == 1 and self.last_month == 12:
            return "全年"
        return self.label.removeprefix(f"{self.year}年")

    def __str__(self) -> str:
        return self.label

    # -- facts ------------------------------------------------------------------------------
    @property
    def months(self) -> int:
        """Number of months covered."""
        return self.last_month - self.first_month + 1

    @property
    def is_cumulative(self) -> bool:
        """True for periods that start in January (cumulative-to-date figures)."""
        return self.first_month == 1

    @property
    def is_full_year(self) -> bool:
        return self.first_month == 1 and self.last_month == 12

    @property
    def is_single_month(self) -> bool:
        return self.first_month == self.last_month

    @property
    def is_quarter_end(self) -> bool:
        return self.last_month % 3 == 0

    @property
    def time_progress(self) -> float:
        """Share of the year elapsed at the period's end (时间进度): last_month / 12."""
        return self.last_month / 12

    # -- related periods --------------------------------------------------------------------
    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.first_month, self.last_month)

    def cumulative(self) -> Period:
        """January to this period's last month (the 1-N月 period it closes)."""
        return Period(self.year, 1, self.last_month)

    def single_month(self) -> Period:
        """The period's last month alone (a flow's month value is 1-N minus 1-(N-1))."""
        return Period(self.year, self.last_month, self.last_month)

    def full_year(self) -> Period:
        return Period(self.year, 1, 12)

    def previous(self, frequency: Frequency | str = "monthly") -> Period | None:
        """The previous period published at ``frequency``, or None at the year's first release.

        Cumulative periods step back within the year: monthly 1-6 → 1-5 and 1-3 → 1-2 but
        1-2 → None (January is merged into 1-2月); ``monthly_jan`` 1-2 → 1-1, 1-1 → None;
        quarterly 1-6 → 1-3, 1-3 → None; annual → the same months a year earlier.
        Other periods (a single month, a single quarter) step back by their own length.
        """
        if frequency == "annual":
            return self.same_period_last_year()
        if frequency not in ("monthly", "monthly_jan", "quarterly"):
            raise PeriodError(
                f"未知的频度“{frequency}”",
                hint="频度应为 monthly、monthly_jan、quarterly 或 annual",
            )
        if self.is_cumulative:
            if frequency == "quarterly":
                end = ((self.last_month - 1) // 3) * 3
                return Period(self.year, 1, end) if end >= 1 else None
            end = self.last_month - 1
            floor = 1 if frequency == "monthly_jan" else 2
            return Period(self.year, 1, end) if end >= floor else None
        # A window that does not start in January: the window of the same length before it.
        first = self.first_month - self.months
        if first >= 1:
            return Period(self.year, first, first + self.months - 1)
        return None


# -- parsing ----------------------------------------------------------------------------------

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_RUN = re.compile(r"[〇零一二两三四五六七八九十]+")
_DASH = re.compile(r"[-‐‑‒–—―~～〜至到]+")


def _cn_number(run: str) -> str:
    """一→1, 十二→12, 二〇二一→2021 (digit by digit when there is no 十); else unchanged."""
    if "十" in run:
        tens, _, ones = run.partition("十")
        if len(tens) > 1 or len(ones) > 1 or "十" in ones:
            return run  # not a month number; the patterns will reject it
        value = (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
        return str(value)
    return "".join(str(_CN_DIGITS[c]) for c in run)


def _normalise(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    s = re.sub(r"\s+", "", s)
    s = s.replace("份", "").replace("累计", "").replace("年底", "年末")
    s = s.replace("截至", "@").replace("截止", "@")  # before 至 becomes a dash
    s = _CN_RUN.sub(lambda m: _cn_number(m.group()), s)
    s = _DASH.sub("-", s)
    return s


_QUARTER = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}

# Month/quarter forms that may follow an optional "2021年"; each yields (first, last).
_Build = Callable[[re.Match[str]], tuple[int, int]]
_REST_FORMS: list[tuple[re.Pattern[str], _Build]] = [
    (re.compile(r"(\d{1,2})月?-(\d{1,2})月"), lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"@(\d{1,2})月(?:末|底)?"), lambda m: (1, int(m[1]))),
    (re.compile(r"(\d{1,2})月(?:末|底)"), lambda m: (int(m[1]), int(m[1]))),
    (re.compile(r"(\d{1,2})月"), lambda m: (int(m[1]), int(m[1]))),
    (re.compile(r"上半年"), lambda m: (1, 6)),
    (re.compile(r"下半年"), lambda m: (7, 12)),
    (re.compile(r"(?:全年度?|年度|年末)"), lambda m: (1, 12)),
    (re.compile(r"前([1-4])(?:个)?季度?"), lambda m: (1, int(m[1]) * 3)),
    (re.compile(r"([1-4])-([1-4])季度?"), lambda m: (_QUARTER[int(m[1])][0], int(m[2]) * 3)),
    (re.compile(r"第?([1-4])季度?(?:末)?"), lambda m: _QUARTER[int(m[1])]),
    (re.compile(r"[Qq]([1-4])"), lambda m: _QUARTER[int(m[1])]),
    (re.compile(r"[Hh]([12])"), lambda m: (1, 6) if m[1] == "1" else (7, 12)),
]

_KEY = re.compile(r"(\d{4})[-./](\d{1,2})/(\d{4})[-./](\d{1,2})")
_YEAR_MONTH = re.compile(r"(\d{4})(?:[-./]|年?[Mm])(\d{1,2})|(\d{4})(\d{2})")
_COMPACT = re.compile(r"(\d{4})[-]?([QqHh])([1-4])")
_YEAR_ONLY = re.compile(r"(\d{4})(?:年度?|年全年度?)?")
_YEAR_PREFIX = re.compile(r"(\d{4})年(.+)")
_RELATIVE_YEAR = re.compile(r"(今年|本年|当年|去年|上年|上一年)(?:度)?(.*)")


def parse_period(text: str | Period, default_year: int | None = None) -> Period:
    """Parse any usual way of writing a reporting period.

    A year in the text wins over ``default_year``; a form without a year needs
    ``default_year``. Raises :class:`PeriodError` with the accepted forms as a hint.
    """
    if isinstance(text, Period):
        return text
    raw = str(text)
    where = Location(value=raw)
    s = _normalise(raw)
    if not s:
        raise PeriodError("时期为空", where=where, hint=f"可写作：{ACCEPTED_FORMS}")

    if m := _KEY.fullmatch(s):
        if m[1] != m[3]:
            raise PeriodError(
                f"时期“{raw}”跨年，无法作为一个报告期",
                where=where,
                hint="起止月份应在同一年内，例如 2021-01/2021-06",
            )
        return _make(int(m[1]), int(m[2]), int(m[4]), raw)
    if m := _YEAR_MONTH.fullmatch(s):
        year, month = (m[1], m[2]) if m[1] else (m[3], m[4])
        return _make(int(year), int(month), int(month), raw)
    if m := _COMPACT.fullmatch(s):
        kind, n = m[2].upper(), int(m[3])
        if kind == "H" and n > 2:
            raise PeriodError(f"无法识别的时期“{raw}”", where=where, hint="半年只有 H1、H2")
        first, last = _QUARTER[n] if kind == "Q" else ((1, 6) if n == 1 else (7, 12))
        return _make(int(m[1]), first, last, raw)
    if m := _YEAR_ONLY.fullmatch(s):
        return _make(int(m[1]), 1, 12, raw)

    year: int | None = None
    rest = s
    if m := _YEAR_PREFIX.fullmatch(s):
        year, rest = int(m[1]), m[2]
    elif m := _RELATIVE_YEAR.fullmatch(s):
        # 今年1-6月 / 去年全年: relative to default_year, which must then be given.
        shift = -1 if m[1] in ("去年", "上年", "上一年") else 0
        year = default_year + shift if default_year is not None else None
        rest = m[2] or "全年"
        if year is None:
            raise PeriodError(
                f"时期“{raw}”相对于哪一年不明确",
                where=where,
                hint="请写明年份，例如“2021年1-6月”，或指定默认年份",
            )
    for pattern, build in _REST_FORMS:
        if m := pattern.fullmatch(rest):
            first, last = build(m)
            if year is None:
                year = default_year
            if year is None:
                raise PeriodError(
                    f"时期“{raw}”没有写年份",
                    where=where,
                    hint="请写明年份，例如“2021年1-6月”，或指定默认年份",
                )
            return _make(year, first, last, raw)
    raise PeriodError(f"无法识别的时期“{raw}”", where=where, hint=f"可写作：{ACCEPTED_FORMS}")


def _make(year: int, first: int, last: int, raw: str) -> Period:
    try:
        return Period(year, first, last)
    except PeriodError as exc:
        raise PeriodError(
            f"时期“{raw}”无效：{exc.message}", where=Location(value=raw), hint=exc.hint
        ) from None


def try_parse_period(text: str, default_year: int | None = None) -> Period | None:
    """Like :func:`parse_period` but returns None instead of raising."""
    try:
        return parse_period(text, default_year)
    except PeriodError:
        return None
