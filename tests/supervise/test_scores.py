"""Unit scores per quarter: each documented rule counted on a small hand-made ledger."""

from __future__ import annotations

from datetime import date

import pytest

from xingshi.errors import InputError, PermissionDenied
from xingshi.supervise.projects import add_project, report_project
from xingshi.supervise.scores import add_adjustment, add_inspection, inspections, unit_scores
from xingshi.supervise.tasks import open_task, transition


def _project(store, regions, sup, lead, started):
    return add_project(
        store,
        regions,
        {
            "name": f"{lead}项目",
            "year": 2021,
            "category": "州重点",
            "region": "湘西州",
            "lead_unit": lead,
            "total_investment": 10,
            "annual_plan": 6,
            "planned_start": started,
            "started": started,
            "registered": started,
        },
        actor=sup,
    )


def _report(store, regions, pid, month, cum, on):
    report_project(
        store,
        regions,
        pid,
        {
            "year": 2021,
            "month": month,
            "completed_month": 0.5,
            "completed_cum": cum,
            "progress": "施工",
        },
        today=on,
    )


def test_score_rules(store, regions, supervisor) -> None:
    """100 − 2 × missing − 1 × late − 5 × overdue + 2 × closed on time + adjustments."""
    a = _project(store, regions, supervisor, "州交通运输局", "2021-01")
    b = _project(store, regions, supervisor, "州财政局", "2021-02")
    # 州交通运输局: Q1 months 1-3, reports for 1 (on time), 2 (late: 8 March > 5th), 3 missing
    _report(store, regions, a, 1, 0.5, date(2021, 2, 5))
    _report(store, regions, a, 2, 1.0, date(2021, 3, 8))
    # 州财政局: started in February, reports 2 and 3 on time
    _report(store, regions, b, 2, 0.5, date(2021, 3, 1))
    _report(store, regions, b, 3, 1.0, date(2021, 4, 2))
    # a task of 州财政局 closed on time in Q1, one of 州交通运输局 overdue at the end of Q1
    t1 = open_task(
        store,
        regions,
        {
            "title": "财政事项",
            "lead_unit": "州财政局",
            "region": "湘西州",
            "assigned": "2021-01-04",
            "due": "2021-03-20",
        },
        actor=supervisor,
    )
    transition(store, regions, t1, "签收", today=date(2021, 1, 5))
    transition(store, regions, t1, "申请办结", today=date(2021, 3, 10))
    transition(store, regions, t1, "审核销号", today=date(2021, 3, 12))
    open_task(
        store,
        regions,
        {
            "title": "交通事项",
            "lead_unit": "州交通运输局",
            "region": "湘西州",
            "assigned": "2021-01-04",
            "due": "2021-03-15",
        },
        actor=supervisor,
    )
    add_adjustment(
        store,
        regions,
        year=2021,
        quarter=1,
        unit="州交通运输局",
        points=1.5,
        reason="承担州委交办急难任务",
        actor=supervisor,
    )
    rows = {r["unit"]: r for r in unit_scores(store.engine, 2021, 1)}
    fin, trans = rows["州财政局"], rows["州交通运输局"]
    assert (
        fin["missing_reports"],
        fin["late_reports"],
        fin["overdue_tasks"],
        fin["closed_tasks"],
        fin["score"],
        fin["rank"],
    ) == (0, 0, 0, 1, 102.0, 1)
    assert (
        trans["missing_reports"],
        trans["late_reports"],
        trans["overdue_tasks"],
        trans["closed_tasks"],
    ) == (1, 1, 1, 0)
    assert trans["score"] == 100 - 2 - 1 - 5 + 1.5 == 93.5 and trans["rank"] == 2
    assert trans["reasons"] == ["+1.5：承担州委交办急难任务"]
    # Q2: the task closed in Q1 no longer counts
    q2 = {r["unit"]: r for r in unit_scores(store.engine, 2021, 2)}
    assert q2["州财政局"]["missing_reports"] == 3  # April to June: none reported
    assert q2["州财政局"]["late_reports"] == 0


def test_ties_share_a_rank(store, regions, supervisor) -> None:
    """Two units with the same score share the rank; the next one is third."""
    for lead in ("州商务局", "州农业农村局", "州生态环境局"):
        _project(store, regions, supervisor, lead, "2021-07")  # not started in Q1: no reports due
    add_adjustment(
        store,
        regions,
        year=2021,
        quarter=1,
        unit="州生态环境局",
        points=-3,
        reason="督查发现问题整改不力",
        actor=supervisor,
    )
    ranks = {r["unit"]: r["rank"] for r in unit_scores(store.engine, 2021, 1)}
    assert ranks == {"州商务局": 1, "州农业农村局": 1, "州生态环境局": 3}


def test_adjustment_needs_a_reason_and_a_supervisor(store, regions, supervisor, commerce):
    """A manual adjustment without a reason is refused, and so is one by a unit."""
    with pytest.raises(InputError):
        add_adjustment(
            store,
            regions,
            year=2021,
            quarter=1,
            unit="州商务局",
            points=2,
            reason=" ",
            actor=supervisor,
        )
    with pytest.raises(PermissionDenied):
        add_adjustment(
            store,
            regions,
            year=2021,
            quarter=1,
            unit="州商务局",
            points=2,
            reason="自己给自己加分",
            actor=commerce,
        )
    assert unit_scores(store.engine, 2021, 1) == []


def test_inspection_records(store, regions, supervisor) -> None:
    """A quarterly inspection keeps its finding and rating; a rating outside the scale fails."""
    add_inspection(
        store,
        regions,
        year=2021,
        quarter=2,
        unit="州商务局",
        finding="台账不全",
        rating="一般",
        actor=supervisor,
        today=date(2021, 6, 25),
    )
    with pytest.raises(InputError):
        add_inspection(
            store,
            regions,
            year=2021,
            quarter=2,
            unit="州商务局",
            finding="x",
            rating="优秀",
            actor=supervisor,
        )
    [row] = inspections(store.engine, 2021, 2)
    assert (row["unit"], row["rating"], row["inspected_on"]) == ("州商务局", "一般", "2021-06-25")
