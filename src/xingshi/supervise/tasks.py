"""Supervised tasks (督办事项) and their chain, progress reports and problems.

The chain (states in brackets):

    立项交办 [已交办] → 签收 [已签收] → 报送进展 [办理中] → 临期提醒 / 到期催办 (no change)
    → 申请延期 [延期待审] → 同意延期 / 不予延期 [办理中]
    → 申请办结 [办结待审] → 审核销号 [已销号] | 退回 [办理中]

The responsible unit signs, reports and applies; the supervision office (permission
"supervise") opens, reminds, urges, decides and closes. A step from the wrong state, or 销号
while problems are open, is a Conflict (409) saying why. Every step is a row of sv_task_steps
and an audit event in the same transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select

from xingshi.access.audit import record_event
from xingshi.errors import Conflict, InputError, Location
from xingshi.settings import SuperviseSection
from xingshi.supervise import _values as v
from xingshi.supervise import scope
from xingshi.supervise._models import Problem, Task, TaskStep
from xingshi.supervise.lights import LIGHT_NAMES, task_light
from xingshi.supervise.projects import problem_counts, subtree

T = Task.__table__
S = TaskStep.__table__
PR = Problem.__table__

ASSIGNED, SIGNED, WORKING, EXTENSION, CLOSING, CLOSED = (
    "已交办",
    "已签收",
    "办理中",
    "延期待审",
    "办结待审",
    "已销号",
)
STATES = (ASSIGNED, SIGNED, WORKING, EXTENSION, CLOSING, CLOSED)
ACTIVE = (SIGNED, WORKING, EXTENSION, CLOSING)


@dataclass(frozen=True)
class Step:
    name: str
    sources: tuple[str, ...]
    target: str | None  # None: the state does not change
    by: str  # "owner" | "supervisor"


STEPS = {
    s.name: s
    for s in (
        Step("签收", (ASSIGNED,), SIGNED, "owner"),
        Step("报送进展", (SIGNED, WORKING, EXTENSION), WORKING, "owner"),
        Step("临期提醒", ACTIVE, None, "supervisor"),
        Step("到期催办", (ASSIGNED, *ACTIVE), None, "supervisor"),
        Step("申请延期", (SIGNED, WORKING), EXTENSION, "owner"),
        Step("同意延期", (EXTENSION,), WORKING, "supervisor"),
        Step("不予延期", (EXTENSION,), WORKING, "supervisor"),
        Step("申请办结", (SIGNED, WORKING), CLOSING, "owner"),
        Step("审核销号", (CLOSING,), CLOSED, "supervisor"),
        Step("退回", (CLOSING,), WORKING, "supervisor"),
    )
}
# `{"to": "已签收"}`: a state reached by exactly one step names that step
BY_TARGET = {SIGNED: "签收", EXTENSION: "申请延期", CLOSING: "申请办结", CLOSED: "审核销号"}

FIELDS = {
    "code": "事项编号",
    "title": "督办事项",
    "source": "事项来源",
    "lead_unit": "牵头单位",
    "co_units": "配合单位",
    "leader": "责任领导",
    "region": "所在地区",
    "assigned": "交办日期",
    "due": "办结时限",
    "cadence": "调度频次",
}


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def task_values(
    data: dict, regions: Any, where: dict[str, Location] | None = None, today: date | None = None
) -> dict:
    """A checked sv_tasks row from API or ledger fields."""
    w = where or {}

    def at(k: str) -> Location:
        return w.get(k) or Location(column=FIELDS.get(k, k), value=data.get(k))

    region_raw = v.text(data.get("region"), FIELDS["region"], where=at("region"))
    try:
        region_code = regions.resolve(region_raw).code
    except Exception as exc:
        raise InputError(
            f"“所在地区”的值“{region_raw}”不是已知地区",
            where=at("region"),
            hint=getattr(exc, "hint", None) or "如“湘西州”“吉首市”",
        ) from None
    assigned = (
        v.day(data.get("assigned"), FIELDS["assigned"], where=at("assigned"), required=False)
        or (today or date.today()).isoformat()
    )
    due = v.day(data.get("due"), FIELDS["due"], where=at("due"))
    if due < assigned:
        raise InputError(f"办结时限{due}早于交办日期{assigned}", where=at("due"), hint="请核对日期")
    return {
        "title": v.text(data.get("title"), FIELDS["title"], where=at("title")),
        "source": v.choice(
            data.get("source"), FIELDS["source"], v.SOURCES, where=at("source"), default="其他"
        ),
        "source_detail": v.text(data.get("source_detail"), "来源说明", required=False) or None,
        "region_code": region_code,
        "lead_unit": v.text(data.get("lead_unit"), FIELDS["lead_unit"], where=at("lead_unit")),
        "co_units": json.dumps(v.units(data.get("co_units")), ensure_ascii=False),
        "leader": v.text(data.get("leader"), FIELDS["leader"], required=False) or None,
        "assigned": assigned,
        "due": due,
        "cadence": v.choice(
            data.get("cadence"),
            FIELDS["cadence"],
            v.CADENCES,
            where=at("cadence"),
            default="按月调度",
        ),
    }


def open_task(
    store: Any,
    regions: Any,
    data: dict,
    *,
    actor: Any = None,
    ip: str | None = None,
    finding: dict | None = None,
    today: date | None = None,
    conn: Any = None,
) -> int:
    """立项交办: the supervision office opens a task; returns its id."""
    row = task_values(data, regions, today=today)
    scope.require_supervisor(actor, regions, row["region_code"])
    if conn is not None:
        return insert_task(conn, row, data.get("code"), actor=actor, ip=ip, finding=finding)
    with store.write_transaction() as c:
        return insert_task(c, row, data.get("code"), actor=actor, ip=ip, finding=finding)


def insert_task(
    conn: Any,
    row: dict,
    code: str | None,
    *,
    actor: Any,
    ip=None,
    finding: dict | None = None,
    status: str = ASSIGNED,
) -> int:
    if code and conn.execute(select(T.c.id).where(T.c.code == code)).first():
        raise Conflict(f"事项编号“{code}”已存在", hint="换一个编号")
    found = json.dumps(finding, ensure_ascii=False, default=str) if finding else None
    tid = conn.execute(
        T.insert().values(code=code or "_", status=status, finding=found, **row)
    ).inserted_primary_key[0]
    if not code:
        code = f"DB{row['assigned'][:4]}-{tid:04d}"
        conn.execute(T.update().where(T.c.id == tid).values(code=code))
    _step(conn, tid, "立项交办", row["assigned"], actor, None, status, row["title"])
    record_event(
        conn,
        actor=actor,
        action="task.open",
        object_type="task",
        object_id=str(tid),
        region=row["region_code"],
        after={"code": code, **row, "finding": finding},
        ip=ip,
    )
    return int(tid)


def _step(conn, tid, step, on, actor, before, after, text) -> None:
    conn.execute(
        S.insert().values(
            task_id=tid,
            step=step,
            on=on,
            at=_now(),
            actor=getattr(actor, "username", None),
            unit=getattr(actor, "unit", None),
            from_status=before,
            to_status=after,
            text=text,
        )
    )


def _as_dict(r: Any) -> dict:
    out = dict(r)
    out["co_units"] = json.loads(r["co_units"] or "[]")
    out["finding"] = json.loads(r["finding"]) if r["finding"] else None
    return out


def get_task(engine: Any, task_id: int, conn: Any = None) -> dict:
    stmt = select(T).where(T.c.id == task_id)
    if conn is not None:
        r = conn.execute(stmt).mappings().first()
    else:
        with engine.connect() as c:
            r = c.execute(stmt).mappings().first()
    if r is None:
        raise v.NotFound(f"没有编号为 {task_id} 的督办事项", hint="请从事项列表中选择")
    return _as_dict(r)


def transition(
    store: Any,
    regions: Any,
    task_id: int,
    to: str,
    *,
    actor: Any = None,
    text: str = "",
    due: str | None = None,
    ip: str | None = None,
    today: date | None = None,
    rules: SuperviseSection | None = None,
) -> dict:
    """Take one step of the chain (`to` a step name, or a state one step reaches)."""
    name = BY_TARGET.get(to, to)
    if name not in STEPS:
        raise InputError(
            f"没有“{to}”这一步",
            where=Location(value=to),
            hint="可用：" + "、".join(STEPS) + "；或目标状态 " + "、".join(BY_TARGET),
        )
    step = STEPS[name]
    day = (today or date.today()).isoformat()
    with store.write_transaction() as conn:
        task = get_task(store.engine, task_id, conn)
        if step.by == "owner":
            scope.require_owner(actor, regions, task, name)
        else:
            scope.require_supervisor(actor, regions, task["region_code"])
        if task["status"] not in step.sources:
            raise Conflict(
                f"事项当前为“{task['status']}”，不能“{name}”",
                hint="此步只能在以下状态进行：" + "、".join(step.sources),
            )
        changes: dict[str, Any] = {}
        if name == "报送进展" and not text.strip():
            raise InputError("报送进展须写明进展情况", hint="填写本期工作进展")
        if name in ("申请延期", "不予延期", "退回") and not text.strip():
            raise InputError(f"“{name}”须写明理由", hint="填写理由")
        if name == "申请延期":
            new_due = v.day(due, "延期至")
            if new_due <= task["due"]:
                raise InputError(
                    f"延期至{new_due}不晚于原时限{task['due']}",
                    where=Location(column="延期至", value=due),
                    hint="请核对日期",
                )
            changes["requested_due"] = new_due
        if name == "同意延期":
            changes.update(due=task["requested_due"], requested_due=None)
        if name == "不予延期":
            changes["requested_due"] = None
        light, _left = task_light(
            date.fromisoformat(task["due"]), today or date.today(), rules=rules
        )
        if name == "临期提醒" and light.light != "yellow":
            raise Conflict("事项不在临期范围内，无需提醒", hint=light.reason)
        if name == "到期催办" and light.light != "red":
            raise Conflict("事项尚未到期，不能催办", hint=light.reason)
        if name == "审核销号":
            n_open = conn.execute(
                select(func.count())
                .select_from(PR)
                .where((PR.c.task_id == task_id) & PR.c.closed_on.is_(None))
            ).scalar_one()
            if n_open:
                raise Conflict(
                    f"事项还有{n_open}个问题未解决，不能销号", hint="问题逐个办结后再审核销号"
                )
            changes["closed_on"] = day
        after = step.target or task["status"]
        if after != task["status"]:
            changes["status"] = after
        if changes:
            conn.execute(T.update().where(T.c.id == task_id).values(**changes))
        _step(
            conn,
            task_id,
            name,
            day,
            actor,
            task["status"],
            after,
            text.strip() or (f"延期至{changes.get('requested_due')}" if due else None),
        )
        record_event(
            conn,
            actor=actor,
            action=f"task.{_ACTION[name]}",
            object_type="task",
            object_id=str(task_id),
            region=task["region_code"],
            before={"status": task["status"], "due": task["due"]},
            after={"status": after, "step": name, **changes},
            reason=text.strip() or None,
            ip=ip,
        )
    return get_task(store.engine, task_id)


_ACTION = {
    "签收": "sign",
    "报送进展": "report",
    "临期提醒": "remind",
    "到期催办": "urge",
    "申请延期": "extension.request",
    "同意延期": "extension.grant",
    "不予延期": "extension.deny",
    "申请办结": "close.request",
    "审核销号": "close",
    "退回": "return",
}


def report_task(store: Any, regions: Any, task_id: int, text: str, **kw: Any) -> dict:
    """按期报送进展 by the responsible unit."""
    return transition(store, regions, task_id, "报送进展", text=text, **kw)


def steps_of(engine: Any, task_id: int) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(select(S).where(S.c.task_id == task_id).order_by(S.c.id)).mappings()
        return [dict(r) for r in rows]


def list_tasks(
    store: Any,
    regions: Any,
    *,
    principal: Any = None,
    region: str | None = None,
    today: date | None = None,
    rules: SuperviseSection | None = None,
) -> list[dict]:
    """Tasks the principal may see, each with its light, working days left and problems."""
    today = today or date.today()
    within = subtree(regions, regions.resolve(region).code) if region else None
    with store.engine.connect() as conn:
        rows = [_as_dict(r) for r in conn.execute(select(T).order_by(T.c.code)).mappings()]
        last_reports = dict(
            conn.execute(
                select(S.c.task_id, func.max(S.c.on))
                .where(S.c.step == "报送进展")
                .group_by(S.c.task_id)
            ).all()
        )
    problems = problem_counts(store.engine, "task_id")
    out = []
    for t in rows:
        if within is not None and t["region_code"] not in within:
            continue
        if not scope.can_see(principal, regions, t):
            continue
        light, left = task_light(
            date.fromisoformat(t["due"]), today, closed=t["status"] == CLOSED, rules=rules
        )
        n_all, n_open = problems.get(t["id"], (0, 0))
        reg = regions.get(t["region_code"])
        out.append(
            {
                **t,
                "region": reg.short or reg.name,
                "light": light.light,
                "light_name": LIGHT_NAMES[light.light],
                "reason": light.reason,
                "working_days_left": left,
                "overdue": light.light == "red",
                "problems_total": n_all,
                "problems_open": n_open,
                "last_report": last_reports.get(t["id"]),
            }
        )
    return out


def add_problem(
    store: Any,
    regions: Any,
    *,
    text: str,
    unit: str | None = None,
    task_id: int | None = None,
    project_id: int | None = None,
    actor: Any = None,
    ip: str | None = None,
    today: date | None = None,
) -> int:
    """A problem of a task or project, raised by its owner or the supervision office."""
    body = v.text(text, "问题")
    item = _owner_item(store, task_id, project_id)
    if not (actor is None or actor.has("supervise")):
        scope.require_owner(actor, regions, item, "登记问题")
    with store.write_transaction() as conn:
        pid = conn.execute(
            PR.insert().values(
                code="_",
                task_id=task_id,
                project_id=project_id,
                text=body,
                unit=unit or item["lead_unit"],
                raised_on=(today or date.today()).isoformat(),
            )
        ).inserted_primary_key[0]
        conn.execute(PR.update().where(PR.c.id == pid).values(code=f"WT-{pid:04d}"))
        record_event(
            conn,
            actor=actor,
            action="problem.add",
            object_type="problem",
            object_id=str(pid),
            region=item["region_code"],
            after={"task_id": task_id, "project_id": project_id, "text": body},
            ip=ip,
        )
    return int(pid)


def close_problem(
    store: Any,
    regions: Any,
    problem_id: int,
    *,
    note: str,
    actor: Any = None,
    ip: str | None = None,
    today: date | None = None,
) -> None:
    """Close one problem (its owner or the supervision office), with how it was solved."""
    body = v.text(note, "办结情况")
    with store.engine.connect() as conn:
        p = conn.execute(select(PR).where(PR.c.id == problem_id)).mappings().first()
    if p is None:
        raise v.NotFound(f"没有编号为 {problem_id} 的问题", hint="请从问题清单中选择")
    item = _owner_item(store, p["task_id"], p["project_id"])
    if not (actor is None or actor.has("supervise")):
        scope.require_owner(actor, regions, item, "办结问题")
    with store.write_transaction() as conn:
        n = conn.execute(
            PR.update()
            .where((PR.c.id == problem_id) & PR.c.closed_on.is_(None))
            .values(closed_on=(today or date.today()).isoformat(), closing_note=body)
        ).rowcount
        if n == 0:
            raise Conflict("该问题已办结", hint="无需再次办结")
        record_event(
            conn,
            actor=actor,
            action="problem.close",
            object_type="problem",
            object_id=str(problem_id),
            region=item["region_code"],
            after={"closing_note": body},
            ip=ip,
        )


def _owner_item(store: Any, task_id: int | None, project_id: int | None) -> dict:
    if (task_id is None) == (project_id is None):
        raise InputError("问题须属于一个督办事项或一个重点项目", hint="指定 task_id 或 project_id")
    if task_id is not None:
        return get_task(store.engine, task_id)
    from xingshi.supervise.projects import get_project

    return get_project(store.engine, project_id)


def problems_of(
    engine: Any, *, task_id: int | None = None, project_id: int | None = None
) -> list[dict]:
    stmt = select(PR).order_by(PR.c.id)
    if task_id is not None:
        stmt = stmt.where(PR.c.task_id == task_id)
    if project_id is not None:
        stmt = stmt.where(PR.c.project_id == project_id)
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def visible_task(store: Any, regions: Any, principal: Any, task_id: int) -> dict:
    """The task if the principal may see it; NotFound (404) otherwise, as for a missing one."""
    t = get_task(store.engine, task_id)
    if not scope.can_see(principal, regions, t):
        raise v.NotFound(f"没有编号为 {task_id} 的督办事项", hint="请从事项列表中选择")
    return t
