"""Periods: every written form, round trips, related periods and errors."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xingshi.catalog.periods import Period, parse_period
from xingshi.errors import PeriodError

FORMS = [
    ("1-6月", (2021, 1, 6)),
    ("1—6月", (2021, 1, 6)),
    ("1～6月", (2021, 1, 6)),
    ("1~6月", (2021, 1, 6)),
    ("2021年1-6月", (2021, 1, 6)),
    ("2021年1至6月", (2021, 1, 6)),
    ("2021年1月-6月", (2021, 1, 6)),
    ("1-2月", (2021, 1, 2)),
    ("上半年", (2021, 1, 6)),
    ("下半年", (2021, 7, 12)),
    ("一季度", (2021, 1, 3)),
    ("第一季度", (2021, 1, 3)),
    ("1季度", (2021, 1, 3)),
    ("Q1", (2021, 1, 3)),
    ("二季度", (2021, 4, 6)),
    ("第四季度", (2021, 10, 12)),
    ("前三季度", (2021, 1, 9)),
    ("1-3季度", (2021, 1, 9)),
    ("全年", (2021, 1, 12)),
    ("全年度", (2021, 1, 12)),
    ("6月", (2021, 6, 6)),
    ("6月份", (2021, 6, 6)),
    ("十二月", (2021, 12, 12)),
    ("2021-06", (2021, 6, 6)),
    ("2021-01/2021-06", (2021, 1, 6)),
    ("2021H1", (2021, 1, 6)),
    ("2021H2", (2021, 7, 12)),
    ("2021Q3", (2021, 7, 9)),
    ("2021", (2021, 1, 12)),
    ("2021年", (2021, 1, 12)),
    ("2021年度", (2021, 1, 12)),
    ("一至六月", (2021, 1, 6)),
    ("1-6月份", (2021, 1, 6)),
    ("二〇二一年一至六月", (2021, 1, 6)),
    ("２０２１年１－６月", (2021, 1, 6)),
    (" 2021 年 1-6 月 ", (2021, 1, 6)),
    ("2021年上半年", (2021, 1, 6)),
    ("2021年前三季度", (2021, 1, 9)),
    ("截至6月末", (2021, 1, 6)),
    ("1-6月累计", (2021, 1, 6)),
    ("202106", (2021, 6, 6)),
    ("2021M06", (2021, 6, 6)),
    ("2021/06", (2021, 6, 6)),
    ("2021年6月末", (2021, 6, 6)),
    ("2021年三季度", (2021, 7, 9)),
    ("2021年年末", (2021, 1, 12)),
    ("今年1-6月", (2021, 1, 6)),
    ("今年上半年", (2021, 1, 6)),
    ("去年1-6月", (2020, 1, 6)),
    ("上年", (2020, 1, 12)),
    ("去年全年", (2020, 1, 12)),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_every_written_form_parses(text, expected):
    """Each usual way of writing a period gives the same (year, first, last) value."""
    assert parse_period(text, default_year=2021) == Period(*expected)


def test_period_passes_through():
    """A Period given where text is expected is returned unchanged."""
    p = Period(2021, 1, 6)
    assert parse_period(p) is p


def test_year_in_text_wins_over_default():
    """A year written in the text beats the default year."""
    assert parse_period("2020年1-6月", default_year=2021) == Period(2020, 1, 6)
    assert parse_period("2019Q1", default_year=2021) == Period(2019, 1, 3)


@pytest.mark.parametrize("text", ["1-6月", "上半年", "一季度", "6月", "全年", "今年1-6月"])
def test_missing_year_without_default_is_an_error(text):
    """A form without a year and no default year raises PeriodError with a hint."""
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    assert text in info.value.message
    assert "年份" in info.value.hint


@pytest.mark.parametrize(
    "text",
    [
        "",
        "上月",
        "2021年13月",
        "2021年6-3月",
        "五季度",
        "2021-01/2022-06",
        "abc",
        "2021H3",
        "202113",
    ],
)
def test_unparseable_text_is_a_period_error(text):
    """Nonsense, impossible months and cross-year ranges raise PeriodError, never crash."""
    with pytest.raises(PeriodError) as info:
        parse_period(text, default_year=2021)
    assert info.value.hint


def test_unknown_form_error_names_text_and_lists_forms():
    """The error for an unknown form quotes the text and lists accepted forms."""
    with pytest.raises(PeriodError) as info:
        parse_period("上个月", default_year=2021)
    assert "上个月" in info.value.message
    assert "前三季度" in info.value.hint and "2021-01/2021-06" in info.value.hint


periods = st.builds(
    lambda y, a, b: Period(y, min(a, b), max(a, b)),
    st.integers(1950, 2150),
    st.integers(1, 12),
    st.integers(1, 12),
)


@given(periods)
def test_key_round_trip(p):
    """parse_period(p.key) gives p back for any period."""
    assert parse_period(p.key) == p


@given(periods)
def test_label_round_trip(p):
    """parse_period(p.label) gives p back for any period."""
    assert parse_period(p.label) == p


@given(periods)
def test_short_label_round_trip_with_default_year(p):
    """The year-less label parses back given the year."""
    assert parse_period(p.short_label, default_year=p.year) == p


def test_key_label_and_facts():
    """key, label, months, cumulative and time progress as the contract states."""
    p = parse_period("2021年1-6月")
    assert p.key == "2021-01/2021-06"
    assert p.label == "2021年1-6月"
    assert p.months == 6 and p.is_cumulative
    assert p.time_progress == 0.5
    assert Period(2021, 6, 6).label == "2021年6月"
    assert Period(2021, 1, 12).label == "2021年"
    assert Period(2021, 1, 2).label == "2021年1-2月"
    assert not Period(2021, 4, 6).is_cumulative
    assert Period(2021, 1, 9).time_progress == 0.75


def test_periods_order_by_year_then_months():
    """Periods sort chronologically so that the latest cumulative period is max()."""
    ps = [Period(2021, 1, 6), Period(2020, 1, 12), Period(2021, 1, 2)]
    assert sorted(ps) == [Period(2020, 1, 12), Period(2021, 1, 2), Period(2021, 1, 6)]


def test_same_period_last_year():
    """The same months a year earlier."""
    assert Period(2021, 1, 6).same_period_last_year() == Period(2020, 1, 6)


@pytest.mark.parametrize(
    ("period", "frequency", "expected"),
    [
        ((2021, 1, 6), "monthly", (2021, 1, 5)),
        ((2021, 1, 3), "monthly", (2021, 1, 2)),
        ((2021, 1, 2), "monthly", None),
        ((2021, 1, 2), "monthly_jan", (2021, 1, 1)),
        ((2021, 1, 1), "monthly_jan", None),
        ((2021, 1, 6), "quarterly", (2021, 1, 3)),
        ((2021, 1, 12), "quarterly", (2021, 1, 9)),
        ((2021, 1, 3), "quarterly", None),
        ((2021, 1, 12), "annual", (2020, 1, 12)),
        ((2021, 4, 6), "quarterly", (2021, 1, 3)),
        ((2021, 6, 6), "monthly", (2021, 5, 5)),
    ],
)
def test_previous_period_by_frequency(period, frequency, expected):
    """previous() steps back one publication at the indicator's frequency."""
    got = Period(*period).previous(frequency)
    assert got == (Period(*expected) if expected else None)


def test_previous_rejects_unknown_frequency():
    """An unknown frequency is a PeriodError, not a silent guess."""
    with pytest.raises(PeriodError):
        Period(2021, 1, 6).previous("weekly")


def test_single_month_and_cumulative_helpers():
    """single_month and cumulative give the month alone and January-to-month."""
    assert Period(2021, 1, 6).single_month() == Period(2021, 6, 6)
    assert Period(2021, 4, 6).cumulative() == Period(2021, 1, 6)


@settings(max_examples=400)
@given(
    st.text(
        alphabet="0123456789一二三四五六七八九十〇两年月季度上下半全前第至到-—/QHq年度份末底截至 ",
        max_size=14,
    )
)
def test_any_text_parses_or_raises_period_error(text):
    """Arbitrary period-like text gives a Period or a PeriodError, never another exception."""
    try:
        p = parse_period(text, default_year=2021)
    except PeriodError:
        return
    assert 1 <= p.first_month <= p.last_month <= 12
