"""Key projects (重点项目): add, report monthly, list with lights, roll up.

pid = add_project(store, regions, {...}, actor=principal)
report_project(store, regions, pid, {"year": 2021, "month": 6, ...}, actor=principal)
rows = list_projects(store, regions, principal=principal, year=2021, month=6)
rollup(rows, "region")
"""

from __future__ import annotations

import itertools
import json
from datetime import date
from typing import Any

from sqlalchemy import select

from xingshi.access.audit import record_event
from xingshi.errors import Conflict, InputError, Location
from xingshi.settings import SuperviseSection
from xingshi.supervise import _values as v
from xingshi.supervise import scope
from xingshi.supervise._models import Problem, Project, ProjectReport
from xingshi.supervise.lights import LIGHT_NAMES, project_light

P = Project.__table__
R = ProjectReport.__table__
PR = Problem.__table__

FIELDS = {
    "code": "项目编号",
    "name": "项目名称",
    "year": "年度",
    "category": "项目类别",
    "region": "所在地区",
    "lead_unit": "牵头单位",
    "builder": "建设单位",
    "leader": "包联领导",
    "total_investment": "总投资（亿元）",
    "annual_plan": "年度计划投资（亿元）",
    "planned_start": "计划开工",
    "planned_finish": "计划竣工",
    "started": "实际开工",
    "registered": "入库纳统",
    "status": "项目状态",
}


def project_values(data: dict, regions: Any, where: dict[str, Location] | None = None) -> dict:
    """A checked row for sv_projects from API/ledger fields (Chinese error naming the field)."""
    w = where or {}

    def at(key: str) -> Location:
        return w.get(key) or Location(column=FIELDS.get(key, key), value=data.get(key))

    region_raw = v.text(data.get("region"), FIELDS["region"], where=at("region"))
    try:
        region_code = regions.resolve(region_raw).code
    except Exception as exc:  # UnknownRegion / AmbiguousRegion: say where
        raise InputError(
            f"“{FIELDS['region']}”的值“{region_raw}”不是已知地区",
            where=at("region"),
            hint=getattr(exc, "hint", None) or "写县市区的名称，如“吉首市”",
        ) from None
    started = v.year_month(
        data.get("started"), FIELDS["started"], where=at("started"), required=False
    )
    row = {
        "name": v.text(data.get("name"), FIELDS["name"], where=at("name")),
        "year": v.integer(data.get("year"), FIELDS["year"], 2000, 2100, where=at("year")),
        "category": v.choice(
            data.get("category"), FIELDS["category"], v.CATEGORIES, where=at("category")
        ),
        "region_code": region_code,
        "lead_unit": v.text(data.get("lead_unit"), FIELDS["lead_unit"], where=at("lead_unit")),
        "builder": v.text(data.get("builder"), FIELDS["builder"], required=False) or None,
        "leader": v.text(data.get("leader"), FIELDS["leader"], required=False) or None,
        "total_investment": v.amount(
            data.get("total_investment"), FIELDS["total_investment"], where=at("total_investment")
        ),
        "annual_plan": v.amount(
            data.get("annual_plan"), FIELDS["annual_plan"], where=at("annual_plan")
        ),
        "planned_start": v.year_month(
            data.get("planned_start"), FIELDS["planned_start"], where=at("planned_start")
        ),
        "planned_finish": v.year_month(
            data.get("planned_finish"),
            FIELDS["planned_finish"],
            where=at("planned_finish"),
            required=False,
        ),
        "started": started,
        "registered": v.year_month(
            data.get("registered"), FIELDS["registered"], where=at("registered"), required=False
        ),
        "status": v.choice(
            data.get("status"),
            FIELDS["status"],
            v.PROJECT_STATUSES,
            where=at("status"),
            default="在建" if started else "未开工",
        ),
        "monthly_plan": None,
        "note": v.text(data.get("note"), "备注", required=False) or None,
    }
    if row["annual_plan"] > row["total_investment"]:
        raise InputError(
            f"年度计划投资{row['annual_plan']:g}亿元大于总投资{row['total_investment']:g}亿元",
            where=at("annual_plan"),
            hint="请核对金额（单位：亿元）",
        )
    plan = data.get("monthly_plan")
    if plan:
        if not (isinstance(plan, list) and len(plan) == 12):
            raise v.bad("分月计划", plan, "12个月的累计计划投资（亿元）", at("monthly_plan"))
        amounts = [v.amount(x, "分月计划", where=at("monthly_plan")) for x in plan]
        if any(b < a for a, b in itertools.pairwise(amounts)):
            raise v.bad("分月计划", plan, "逐月不减的累计数", at("monthly_plan"))
        row["monthly_plan"] = json.dumps(amounts)
    return row


def _audit_row(row: dict) -> dict:
    return {k: row[k] for k in row if k != "monthly_plan"}


def add_project(
    store: Any,
    regions: Any,
    data: dict,
    *,
    actor: Any = None,
    ip: str | None = None,
    conn: Any = None,
) -> int:
    """Add a project (督查员 of its region); returns its id."""
    row = project_values(data, regions)
    scope.require_supervisor(actor, regions, row["region_code"])
    if conn is None:
        with store.write_transaction() as c:
            return insert_project(c, row, data.get("code"), actor=actor, ip=ip)
    return insert_project(conn, row, data.get("code"), actor=actor, ip=ip)


def insert_project(conn: Any, row: dict, code: str | None, *, actor: Any, ip: str | None) -> int:
    if code and conn.execute(select(P.c.id).where(P.c.code == code)).first():
        raise Conflict(f"项目编号“{code}”已存在", hint="换一个编号，或修改已有项目")
    pid = conn.execute(P.insert().values(code=code or "_", **row)).inserted_primary_key[0]
    if not code:
        code = f"XM{row['year']}-{pid:04d}"
        conn.execute(P.update().where(P.c.id == pid).values(code=code))
    record_event(
        conn,
        actor=actor,
        action="project.add",
        object_type="project",
        object_id=str(pid),
        region=row["region_code"],
        after={"code": code, **_audit_row(row)},
        ip=ip,
    )
    return int(pid)


def get_project(engine: Any, project_id: int) -> dict:
    with engine.connect() as conn:
        r = conn.execute(select(P).where(P.c.id == project_id)).mappings().first()
    if r is None:
        raise v.NotFound(f"没有编号为 {project_id} 的重点项目", hint="请从项目列表中选择")
    out = dict(r)
    out["co_units"] = []
    out["monthly_plan"] = json.loads(r["monthly_plan"]) if r["monthly_plan"] else None
    return out


def report_values(data: dict, where: dict[str, Location] | None = None) -> dict:
    w = where or {}

    def at(k: str, name: str) -> Location:
        return w.get(k) or Location(column=name, value=data.get(k))

    month_done = v.amount(
        data.get("completed_month"), "当月完成投资", where=at("completed_month", "当月完成投资")
    )
    return {
        "year": v.integer(data.get("year"), "年度", 2000, 2100, where=at("year", "年度")),
        "month": v.integer(data.get("month"), "月份", 1, 12, where=at("month", "月份")),
        "completed_month": month_done,
        "completed_cum": v.amount(
            data.get("completed_cum"), "累计完成投资", where=at("completed_cum", "累计完成投资")
        ),
        "progress": v.text(data.get("progress"), "形象进度", required=False) or None,
        "problems": v.text(data.get("problems"), "存在问题", required=False) or None,
    }


def report_project(
    store: Any,
    regions: Any,
    project_id: int,
    data: dict,
    *,
    actor: Any = None,
    ip: str | None = None,
    today: date | None = None,
) -> int:
    """The owner's monthly report; a month is reported once (a second report corrects it)."""
    project = get_project(store.engine, project_id)
    scope.require_owner(actor, regions, project, "报送项目进展")
    rep = report_values(data)
    if rep["year"] != project["year"]:
        raise InputError(
            f"报送年度{rep['year']}与项目年度{project['year']}不符", hint="按项目所属年度报送"
        )
    on = (today or date.today()).isoformat()
    with store.write_transaction() as conn:
        return write_report(conn, project, rep, on=on, actor=actor, ip=ip)


def write_report(conn: Any, project: dict, rep: dict, *, on: str, actor: Any, ip=None) -> int:
    prev = (
        conn.execute(
            select(R)
            .where(
                (R.c.project_id == project["id"])
                & (R.c.year == rep["year"])
                & (R.c.month < rep["month"])
            )
            .order_by(R.c.month.desc())
        )
        .mappings()
        .first()
    )
    if prev is not None and rep["completed_cum"] + 1e-9 < prev["completed_cum"]:
        raise InputError(
            f"累计完成投资{rep['completed_cum']:g}亿元小于{prev['month']}月的"
            f"{prev['completed_cum']:g}亿元",
            where=Location(column="累计完成投资", value=rep["completed_cum"]),
            hint="累计数应逐月不减，请核对",
        )
    old = (
        conn.execute(
            select(R).where(
                (R.c.project_id == project["id"])
                & (R.c.year == rep["year"])
                & (R.c.month == rep["month"])
            )
        )
        .mappings()
        .first()
    )
    who = getattr(actor, "username", None)
    if old is None:
        rid = conn.execute(
            R.insert().values(project_id=project["id"], reported_on=on, reported_by=who, **rep)
        ).inserted_primary_key[0]
        action = "project.report"
    else:
        rid = old["id"]
        conn.execute(R.update().where(R.c.id == rid).values(reported_by=who, **rep))
        action = "project.report.correct"
    record_event(
        conn,
        actor=actor,
        action=action,
        object_type="project",
        object_id=str(project["id"]),
        region=project["region_code"],
        before=None if old is None else {k: old[k] for k in rep},
        after=rep,
        ip=ip,
    )
    return int(rid)


def reports_of(engine: Any, project_ids: list[int] | None = None) -> list[dict]:
    stmt = select(R).order_by(R.c.project_id, R.c.year, R.c.month)
    if project_ids is not None:
        stmt = stmt.where(R.c.project_id.in_(project_ids))
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def list_projects(
    store: Any,
    regions: Any,
    *,
    principal: Any = None,
    region: str | None = None,
    year: int | None = None,
    month: int | None = None,
    rules: SuperviseSection | None = None,
) -> list[dict]:
    """Projects the principal may see (of `region` and below), each with its light at `month`.

    Without a month, the latest month reported for the year is used."""
    rules = rules or SuperviseSection()
    stmt = select(P).order_by(P.c.code)
    if year is not None:
        stmt = stmt.where(P.c.year == year)
    within = subtree(regions, regions.resolve(region).code) if region else None
    with store.engine.connect() as conn:
        projects = [dict(r) for r in conn.execute(stmt).mappings()]
    projects = [
        p
        for p in projects
        if (within is None or p["region_code"] in within)
        and scope.can_see(principal, regions, {**p, "co_units": []})
    ]
    reports: dict[int, list[dict]] = {}
    for r in reports_of(store.engine, [p["id"] for p in projects]):
        reports.setdefault(r["project_id"], []).append(r)
    problems = problem_counts(store.engine, "project_id")
    if month is None:
        months = [r["month"] for rs in reports.values() for r in rs]
        month = max(months) if months else 1
    out = []
    for p in projects:
        plan = json.loads(p["monthly_plan"]) if p["monthly_plan"] else None
        upto = [
            r for r in reports.get(p["id"], []) if r["year"] == p["year"] and r["month"] <= month
        ]
        last = upto[-1] if upto else None
        light, figures = project_light(
            year=p["year"],
            month=month,
            annual_plan=p["annual_plan"],
            completed_cum=last["completed_cum"] if last else None,
            planned_start=p["planned_start"],
            started=p["started"],
            registered=p["registered"],
            monthly_plan=plan,
            rules=rules,
        )
        n_all, n_open = problems.get(p["id"], (0, 0))
        region_obj = regions.get(p["region_code"])
        out.append(
            {
                **{k: p[k] for k in p if k != "monthly_plan"},
                "region": region_obj.short or region_obj.name,
                "monthly_plan": plan,
                "month": month,
                "light": light.light,
                "light_name": LIGHT_NAMES[light.light],
                "reason": light.reason,
                "last_report": None
                if last is None
                else {
                    k: last[k]
                    for k in (
                        "month",
                        "completed_month",
                        "completed_cum",
                        "progress",
                        "problems",
                        "reported_on",
                    )
                },
                "problems_total": n_all,
                "problems_open": n_open,
                **figures,
            }
        )
    return out


def problem_counts(engine: Any, key: str) -> dict[int, tuple[int, int]]:
    """{task or project id: (problems, open problems)}."""
    col = PR.c[key]
    with engine.connect() as conn:
        rows = conn.execute(select(col, PR.c.closed_on).where(col.is_not(None))).all()
    out: dict[int, list[int]] = {}
    for ident, closed in rows:
        n = out.setdefault(ident, [0, 0])
        n[0] += 1
        n[1] += closed is None
    return {k: (a, b) for k, (a, b) in out.items()}


def subtree(regions: Any, code: str) -> frozenset[str]:
    out: set[str] = set()
    todo = [code]
    while todo:
        c = todo.pop()
        if c not in out:
            out.add(c)
            todo.extend(k.code for k in regions.children(c))
    return frozenset(out)


ROLLUP_KEYS = {"region": "region", "category": "category", "leader": "leader"}


def rollup(projects: list[dict], by: str) -> list[dict]:
    """Totals by region, category or leader: projects, plan, completed, share against time
    progress, counts by light (amounts rounded to 0.01 亿元 only when shown)."""
    key = ROLLUP_KEYS[by]
    groups: dict[str, list[dict]] = {}
    for p in projects:
        groups.setdefault(p.get(key) or "（未填）", []).append(p)
    out = []
    for name, ps in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        plan = sum(p["annual_plan"] for p in ps)
        done = sum(p["completed_cum"] for p in ps)
        due = sum(p["annual_plan"] * p["time_progress"] / 100 for p in ps)
        out.append(
            {
                by: name,
                "projects": len(ps),
                "annual_plan": round(plan, 4),
                "completed": round(done, 4),
                "completion": round(done / plan * 100, 1) if plan else None,
                "time_progress": round(due / plan * 100, 1) if plan else None,
                "red": sum(p["light"] == "red" for p in ps),
                "yellow": sum(p["light"] == "yellow" for p in ps),
                "green": sum(p["light"] == "green" for p in ps),
            }
        )
    return out


def visible_project(store: Any, regions: Any, principal: Any, project_id: int) -> dict:
    """The project if the principal may see it; NotFound (404) otherwise."""
    p = get_project(store.engine, project_id)
    if not scope.can_see(principal, regions, p):
        raise v.NotFound(f"没有编号为 {project_id} 的重点项目", hint="请从项目列表中选择")
    return p


def latest_report_month(engine: Any) -> tuple[int, int] | None:
    """The newest (year, month) any project has reported, for pages opened without a period."""
    with engine.connect() as conn:
        row = conn.execute(
            select(R.c.year, R.c.month).order_by(R.c.year.desc(), R.c.month.desc()).limit(1)
        ).first()
    return None if row is None else (int(row[0]), int(row[1]))
