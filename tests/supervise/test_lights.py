"""Project and task lights: every rule at its boundaries, from the default [supervise] rules."""

from __future__ import annotations

from datetime import date

import pytest

from xingshi.settings import Settings, SuperviseSection
from xingshi.supervise.lights import project_light, task_light, time_progress


def light(**kw):
    base = dict(
        year=2021,
        month=6,
        annual_plan=10.0,
        completed_cum=5.0,
        planned_start="2021-01",
        started="2021-01",
        registered="2021-01",
    )
    base.update(kw)
    return project_light(**base)[0]


@pytest.mark.parametrize(
    ("completed", "expected"),
    [
        (5.0, "green"),  # on time progress (50%)
        (4.01, "green"),  # 9.9 points behind
        (4.0, "yellow"),  # exactly 10 points behind: yellow
        (2.0, "yellow"),  # exactly 30 points behind: still yellow
        (1.99, "red"),  # 30.1 points behind: red
        (0.0, "red"),
        (9.0, "green"),  # ahead
    ],
)
def test_completion_behind_time_progress(completed: float, expected: str) -> None:
    """Behind time progress by 10–30 points is yellow (both ends included), more than 30 red."""
    assert light(completed_cum=completed).light == expected


def test_monthly_plan_replaces_straight_line() -> None:
    """With a monthly plan, time progress is the plan's cumulative share, not month/12."""
    plan = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 10]
    assert time_progress(2021, 6, 10.0, plan) == 30.0
    assert light(completed_cum=2.0, monthly_plan=plan).light == "yellow"  # 10 behind 30
    assert light(completed_cum=2.0).light == "yellow"  # 30 behind 50, straight line
    assert light(completed_cum=2.01, monthly_plan=plan).light == "green"


@pytest.mark.parametrize(
    ("planned", "month", "expected"),
    [
        ("2021-07", 6, "green"),  # before its planned month: nothing to say
        ("2021-06", 6, "yellow"),  # its planned month, not started
        ("2021-04", 6, "yellow"),  # two months late
        ("2021-03", 6, "red"),  # three months late
        ("2020-11", 6, "red"),
    ],
)
def test_not_started(planned: str, month: int, expected: str) -> None:
    """Not started in its planned month is yellow, three months late red."""
    got = light(
        month=month, planned_start=planned, started=None, registered=None, completed_cum=None
    )
    assert got.light == expected


def test_started_after_the_period_counts_as_not_started() -> None:
    """A start recorded after the month looked at is not a start yet at that month."""
    got = light(month=3, planned_start="2021-03", started="2021-05", registered=None)
    assert got.light == "yellow" and "尚未开工" in got.reason


@pytest.mark.parametrize(
    ("started", "registered", "expected"),
    [
        ("2021-06", None, "green"),  # started this month: not yet due
        ("2021-05", None, "yellow"),  # one month later
        ("2021-04", None, "red"),  # two months later
        ("2021-04", "2021-06", "green"),
        ("2021-04", "2021-07", "red"),  # registered after the month looked at
    ],
)
def test_started_but_not_registered(started: str, registered, expected: str) -> None:
    """Started but not 入库纳统 one month later is yellow, two months red."""
    # completion on time progress, so only the registration rule can light
    assert light(started=started, registered=registered).light == expected


def test_worst_rule_wins_and_every_reason_is_given() -> None:
    """Two rules lit: the light is the worse one, and both reasons are stated."""
    got = light(completed_cum=2.5, started="2021-04", registered=None)
    assert got.light == "red"
    assert len(got.reasons) == 2 and "落后时间进度25个百分点" in got.reason


def test_rules_come_from_settings() -> None:
    """Thresholds set in xingshi.toml move the boundaries."""
    rules = Settings.from_toml("[supervise]\nbehind_yellow_pp = 5\nbehind_red_pp = 20\n").supervise
    assert rules.behind_yellow_pp == 5.0
    kw = dict(
        year=2021,
        month=6,
        annual_plan=10.0,
        planned_start="2021-01",
        started="2021-01",
        registered="2021-01",
        rules=rules,
    )
    assert project_light(completed_cum=4.5, **kw)[0].light == "yellow"
    assert project_light(completed_cum=2.9, **kw)[0].light == "red"
    assert project_light(completed_cum=4.6, **kw)[0].light == "green"


@pytest.mark.parametrize(
    ("today", "expected", "left"),
    [
        (date(2021, 6, 18), "green", 6),  # Fri 18 Jun → due Mon 28 Jun: 6 working days
        (date(2021, 6, 22), "green", 4),
        (date(2021, 6, 23), "yellow", 3),  # exactly 3 working days left: yellow
        (date(2021, 6, 28), "yellow", 0),  # the due day itself
        (date(2021, 6, 29), "red", -1),  # one working day overdue
    ],
)
def test_task_light_in_working_days(today: date, expected: str, left: int) -> None:
    """Overdue is red; due within 3 working days (the default) yellow; else green."""
    got, days = task_light(date(2021, 6, 28), today, rules=SuperviseSection())
    assert (got.light, days) == (expected, left)


def test_task_light_skips_holidays() -> None:
    """National Day week is no working time and the 调休 Saturday 9 Oct 2021 is: due 8 Oct
    seen on 30 Sep is 1 working day away, due 18 Oct 8 (8, 9, 11-15, 18 Oct)."""
    got, days = task_light(date(2021, 10, 8), date(2021, 9, 30))
    assert days == 1 and got.light == "yellow"
    got, days = task_light(date(2021, 10, 18), date(2021, 9, 30))
    assert days == 8 and got.light == "green"


def test_closed_task_is_green() -> None:
    """A 销号 task is green whatever its due date."""
    assert task_light(date(2021, 1, 1), date(2021, 6, 1), closed=True)[0].light == "green"
