"""Every kind of 督查督办 change leaves an audit event naming who, what and the region."""

from __future__ import annotations

from datetime import date

from xingshi.access.audit import list_events
from xingshi.supervise.projects import add_project, report_project
from xingshi.supervise.scores import add_adjustment, add_inspection
from xingshi.supervise.tasks import add_problem, close_problem, open_task, transition

DAY = date(2021, 6, 1)


def test_each_kind_of_change_is_audited(store, regions, supervisor, jishou) -> None:
    """Project, report, task steps, problems, scores and inspections: one event each."""
    pid = add_project(
        store,
        regions,
        {
            "name": "吉首市审计测试项目",
            "year": 2021,
            "category": "州重点",
            "region": "吉首市",
            "lead_unit": "吉首市",
            "total_investment": 5,
            "annual_plan": 2,
            "planned_start": "2021-01",
            "started": "2021-01",
        },
        actor=supervisor,
    )
    report_project(
        store,
        regions,
        pid,
        {"year": 2021, "month": 1, "completed_month": 0.2, "completed_cum": 0.2},
        actor=jishou,
        today=DAY,
    )
    report_project(
        store,
        regions,
        pid,
        {"year": 2021, "month": 1, "completed_month": 0.3, "completed_cum": 0.3},
        actor=jishou,
        today=DAY,
    )
    tid = open_task(
        store,
        regions,
        {"title": "审计测试", "lead_unit": "吉首市", "region": "吉首市", "due": "2021-12-31"},
        actor=supervisor,
        today=DAY,
    )
    transition(store, regions, tid, "签收", actor=jishou, today=DAY)
    prob = add_problem(store, regions, project_id=pid, text="用地未批", actor=jishou, today=DAY)
    close_problem(store, regions, prob, note="已批", actor=jishou, today=DAY)
    add_adjustment(
        store,
        regions,
        year=2021,
        quarter=2,
        unit="吉首市",
        points=1,
        reason="主动认领难点任务",
        actor=supervisor,
    )
    add_inspection(
        store,
        regions,
        year=2021,
        quarter=2,
        unit="吉首市",
        finding="台账规范",
        rating="好",
        actor=supervisor,
    )
    ev = list_events(store.engine)
    got = list(reversed(list(zip(ev["action"], ev["actor"], ev["region"], strict=True))))
    assert got == [
        ("project.add", "u1", "433101"),
        ("project.report", "u3", "433101"),
        ("project.report.correct", "u3", "433101"),
        ("task.open", "u1", "433101"),
        ("task.sign", "u3", "433101"),
        ("problem.add", "u3", "433101"),
        ("problem.close", "u3", "433101"),
        ("score.adjust", "u1", "433100"),
        ("inspection.add", "u1", "433100"),
    ]
    correct = ev.filter(ev["action"] == "project.report.correct").row(0, named=True)
    assert (
        '"completed_cum": 0.2' in correct["before"] and '"completed_cum": 0.3' in correct["after"]
    )
    assert ev.filter(ev["action"] == "score.adjust")["reason"][0] == "主动认领难点任务"
