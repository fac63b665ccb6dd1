"""The task chain on a real database: who may take each step, from which state, what 409s."""

from __future__ import annotations

import json
from datetime import date

import pytest

from xingshi.access.audit import list_events
from xingshi.errors import Conflict, InputError, PermissionDenied
from xingshi.supervise.tasks import (
    add_problem,
    close_problem,
    list_tasks,
    open_task,
    report_task,
    steps_of,
    transition,
)

DAY = date(2021, 6, 1)


def _task(store, regions, supervisor, due="2021-06-30", **kw):
    data = {
        "title": "社会消费品零售总额提速",
        "lead_unit": "州商务局",
        "region": "湘西州",
        "due": due,
        "assigned": "2021-06-01",
        "cadence": "按月调度",
        "source": "会议议定",
        **kw,
    }
    return open_task(store, regions, data, actor=supervisor, today=DAY)


def test_the_whole_chain_with_an_audit_event_per_step(store, regions, supervisor, commerce):
    """立项交办 → 签收 → 报送进展 → 申请延期 → 同意延期 → 申请办结 → 审核销号, each audited."""
    tid = _task(store, regions, supervisor)
    assert (
        transition(store, regions, tid, "已签收", actor=commerce, today=DAY)["status"] == "已签收"
    )
    t = report_task(store, regions, tid, "已召开促消费专题会", actor=commerce, today=DAY)
    assert t["status"] == "办理中"
    t = transition(
        store,
        regions,
        tid,
        "申请延期",
        actor=commerce,
        text="商场改造未完工",
        due="2021-07-30",
        today=DAY,
    )
    assert (t["status"], t["requested_due"], t["due"]) == ("延期待审", "2021-07-30", "2021-06-30")
    t = transition(store, regions, tid, "同意延期", actor=supervisor, today=DAY)
    assert (t["status"], t["due"]) == ("办理中", "2021-07-30")
    assert transition(store, regions, tid, "办结待审", actor=commerce, today=DAY)["status"] == (
        "办结待审"
    )
    t = transition(store, regions, tid, "已销号", actor=supervisor, today=date(2021, 7, 5))
    assert (t["status"], t["closed_on"]) == ("已销号", "2021-07-05")
    steps = [s["step"] for s in steps_of(store.engine, tid)]
    assert steps == ["立项交办", "签收", "报送进展", "申请延期", "同意延期", "申请办结", "审核销号"]
    events = list_events(store.engine).filter(list_events(store.engine)["object_type"] == "task")
    actions = list(reversed(events["action"].to_list()))
    assert actions == [
        "task.open",
        "task.sign",
        "task.report",
        "task.extension.request",
        "task.extension.grant",
        "task.close.request",
        "task.close",
    ]
    assert list(reversed(events["actor"].to_list())) == ["u1", "u2", "u2", "u2", "u1", "u2", "u1"]
    assert json.loads(events["after"][0])["status"] == "已销号"


def test_illegal_steps_are_409_with_the_reason(store, regions, supervisor, commerce):
    """A step from the wrong state is refused (Conflict, HTTP 409) naming the state."""
    tid = _task(store, regions, supervisor)
    with pytest.raises(Conflict) as err:
        transition(store, regions, tid, "审核销号", actor=supervisor, today=DAY)
    assert err.value.http_status == 409
    assert "当前为“已交办”，不能“审核销号”" in err.value.message
    with pytest.raises(Conflict):  # progress before signing
        report_task(store, regions, tid, "进展", actor=commerce, today=DAY)
    with pytest.raises(InputError):
        transition(store, regions, tid, "完成", actor=supervisor, today=DAY)
    # nothing changed by the refused steps
    assert [s["step"] for s in steps_of(store.engine, tid)] == ["立项交办"]


def test_close_with_open_problems_is_refused_until_each_is_closed(
    store, regions, supervisor, commerce
):
    """销号 of a task with open problems is 409; closing the problems one by one allows it."""
    tid = _task(store, regions, supervisor)
    transition(store, regions, tid, "签收", actor=commerce, today=DAY)
    p1 = add_problem(store, regions, task_id=tid, text="商场改造滞后", actor=commerce, today=DAY)
    p2 = add_problem(store, regions, task_id=tid, text="消费券未发放", actor=supervisor, today=DAY)
    transition(store, regions, tid, "申请办结", actor=commerce, today=DAY)
    with pytest.raises(Conflict) as err:
        transition(store, regions, tid, "审核销号", actor=supervisor, today=DAY)
    assert "还有2个问题未解决" in err.value.message
    close_problem(store, regions, p1, note="已完成改造", actor=commerce, today=DAY)
    with pytest.raises(Conflict) as err:
        transition(store, regions, tid, "审核销号", actor=supervisor, today=DAY)
    assert "还有1个问题" in err.value.message
    with pytest.raises(Conflict):
        close_problem(store, regions, p1, note="再次", actor=commerce, today=DAY)
    close_problem(store, regions, p2, note="已发放", actor=supervisor, today=DAY)
    assert transition(store, regions, tid, "审核销号", actor=supervisor, today=DAY)["status"] == (
        "已销号"
    )
    [t] = list_tasks(store, regions, today=DAY)
    assert (t["problems_total"], t["problems_open"], t["light"]) == (2, 0, "green")


def test_who_may_take_which_step(store, regions, supervisor, commerce, jishou):
    """Only the responsible unit signs and reports; only the supervision office closes."""
    tid = _task(store, regions, supervisor)
    with pytest.raises(PermissionDenied):
        transition(store, regions, tid, "签收", actor=jishou, today=DAY)
    with pytest.raises(PermissionDenied):
        _task(store, regions, commerce)  # a department cannot open tasks
    transition(store, regions, tid, "签收", actor=commerce, today=DAY)
    transition(store, regions, tid, "申请办结", actor=commerce, today=DAY)
    with pytest.raises(PermissionDenied):
        transition(store, regions, tid, "审核销号", actor=commerce, today=DAY)
    assert [t["id"] for t in list_tasks(store, regions, principal=jishou)] == []
    assert [t["id"] for t in list_tasks(store, regions, principal=commerce)] == [tid]


def test_reminders_follow_working_days(store, regions, supervisor, commerce):
    """临期提醒 only within 3 working days of the due date, 到期催办 only once overdue."""
    tid = _task(store, regions, supervisor, due="2021-06-28")
    transition(store, regions, tid, "签收", actor=commerce, today=DAY)
    with pytest.raises(Conflict):
        transition(store, regions, tid, "临期提醒", actor=supervisor, today=date(2021, 6, 22))
    transition(store, regions, tid, "临期提醒", actor=supervisor, today=date(2021, 6, 23))
    with pytest.raises(Conflict):
        transition(store, regions, tid, "到期催办", actor=supervisor, today=date(2021, 6, 28))
    t = transition(store, regions, tid, "到期催办", actor=supervisor, today=date(2021, 6, 29))
    assert t["status"] == "已签收"  # reminders change no state
    [row] = list_tasks(store, regions, today=date(2021, 7, 2))
    assert (row["light"], row["working_days_left"], row["overdue"]) == ("red", -4, True)


def test_extension_needs_a_later_date_and_a_reason(store, regions, supervisor, commerce):
    """申请延期 without a reason or with an earlier date is refused; 不予延期 keeps the date."""
    tid = _task(store, regions, supervisor)
    transition(store, regions, tid, "签收", actor=commerce, today=DAY)
    with pytest.raises(InputError):
        transition(store, regions, tid, "申请延期", actor=commerce, due="2021-07-30", today=DAY)
    with pytest.raises(InputError):
        transition(
            store,
            regions,
            tid,
            "申请延期",
            actor=commerce,
            text="原因",
            due="2021-06-20",
            today=DAY,
        )
    transition(
        store, regions, tid, "申请延期", actor=commerce, text="原因", due="2021-07-30", today=DAY
    )
    t = transition(store, regions, tid, "不予延期", actor=supervisor, text="时限不变", today=DAY)
    assert (t["status"], t["due"], t["requested_due"]) == ("办理中", "2021-06-30", None)
