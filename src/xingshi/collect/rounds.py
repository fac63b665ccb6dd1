"""Opening a reporting round (from a form or a saved template) and reading its state."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select

from xingshi.access import record_event
from xingshi.catalog.periods import Period, parse_period
from xingshi.collect._common import (
    NOT_REPORTED,
    FormItem,
    Reporting,
    actor_name,
    department_key,
    is_overdue,
    items_of,
    load_form,
    load_round,
    may,
    period_of,
    reporters,
    require,
    require_unit,
    shown_state,
    utcnow,
)
from xingshi.collect._models import CollectAssignment, CollectForm, CollectRound
from xingshi.collect.dates import parse_due
from xingshi.errors import Conflict, InputError, Location


def _items(ws: Any, items: Iterable[Any]) -> list[FormItem]:
    out: list[FormItem] = []
    seen: set[str] = set()
    for raw in items:
        if isinstance(raw, str):
            raw = {"indicator": raw}
        elif isinstance(raw, FormItem):
            raw = raw.to_dict()
        ind = ws.indicators.resolve(raw["indicator"])
        if ind.code in seen:
            raise InputError(
                f"指标“{ind.name}”在表单中重复", where=Location(value=raw["indicator"])
            )
        seen.add(ind.code)
        item = FormItem(
            indicator=ind.code,
            level=bool(raw.get("level", True)),
            growth=bool(raw.get("growth", True)),
            required=bool(raw.get("required", True)),
            unit=raw.get("unit") or ind.unit,
        )
        if not (item.level or item.growth):
            raise InputError(f"指标“{ind.name}”既不要总量也不要增速", hint="至少要求其中一项")
        out.append(item)
    if not out:
        raise InputError("表单中没有指标", hint="至少列出一个要填报的指标")
    return out


def _units(ws: Any, units: Iterable[str] | None, parent: str | None) -> list[str]:
    codes: list[str] = []
    if parent:
        p = ws.regions.resolve(parent)
        codes += [c.code for c in ws.regions.children(p.code)]
        if not codes:
            raise InputError(f"{p.name}没有下级地区", where=Location(value=parent))
    for u in units or ():
        code = ws.regions.resolve(u).code
        if code not in codes:
            codes.append(code)
    if not codes:
        raise InputError("没有指定填报单位", hint="列出单位（--unit），或给出上级地区（--parent）")
    return codes


def _department_specs(departments: Any) -> list[tuple[str, list[str]]]:
    """(name, indicator names) from {"州商务局": [...]}, [{"unit"|"name": …, "indicators": […]}]
    or ["州商务局:社会消费品零售总额,实际利用外资"]."""
    if not departments:
        return []
    if isinstance(departments, dict):
        pairs = list(departments.items())
    else:
        pairs = []
        for d in departments:
            if isinstance(d, str):
                name, sep, rest = d.replace("：", ":").partition(":")
                if not sep:
                    raise InputError(
                        f"部门“{d}”没有列出指标",
                        where=Location(value=d),
                        hint="写成 部门:指标1,指标2，如 州商务局:社会消费品零售总额,实际利用外资",
                    )
                pairs.append((name, rest.replace("，", ",").replace("、", ",").split(",")))
            elif isinstance(d, dict):
                pairs.append((d.get("unit") or d.get("name") or "", d.get("indicators") or []))
            else:
                pairs.append((d[0], list(d[1])))
    out = []
    for name, inds in pairs:
        names = [str(i).strip() for i in inds if str(i).strip()]
        if not names:
            raise InputError(
                f"部门“{name}”没有列出指标",
                where=Location(value=name),
                hint="每个部门只填报它自己的指标，至少列出一个",
            )
        out.append((str(name).strip(), names))
    return out


def _departments(
    ws: Any,
    conn: Any,
    actor: Any,
    specs: list[tuple[str, list[str]]],
    form_items: list[FormItem],
    parent_code: str | None,
) -> list[tuple[Any, list[str]]]:
    """(department unit, indicator codes) checked: indicators of the form, none asked twice."""
    from xingshi.access.users import department_unit

    in_form = {i.indicator for i in form_items}
    owner: dict[tuple[str, str], str] = {}
    out = []
    seen: set[int] = set()
    for name, inds in specs:
        unit = department_unit(conn, ws.regions, name, parent_code, actor=actor)
        if unit.id in seen:
            raise InputError(f"部门“{unit.name}”重复列出", where=Location(value=name))
        seen.add(unit.id)
        codes = []
        for raw in inds:
            ind = ws.indicators.resolve(raw)
            if ind.code not in in_form:
                raise InputError(
                    f"{unit.name}的指标“{ind.name}”不在本轮表单中",
                    where=Location(value=raw),
                    hint="部门只填报表单中的指标：把它加入表单的指标（--item）",
                )
            other = owner.get((unit.region_code, ind.code))
            if other:
                raise InputError(
                    f"指标“{ind.name}”同时分给了{other}和{unit.name}",
                    where=Location(value=raw),
                    hint="同一地区的一个指标只能由一个部门报送（最多报一次）",
                )
            owner[(unit.region_code, ind.code)] = unit.name
            if ind.code not in codes:
                codes.append(ind.code)
        out.append((unit, codes))
    return out


def open_round(
    ws: Any,
    actor: Any,
    *,
    period: str | Period | None = None,
    items: Iterable[Any] | None = None,
    units: Iterable[str] | None = None,
    parent: str | None = None,
    departments: Any = None,
    due: str | date | None = None,
    opens: date | None = None,
    title: str | None = None,
    template: str | None = None,
    save_template: str | None = None,
    ip: str | None = None,
) -> dict[str, Any]:
    """Open a round: every unit asked gets an assignment in 未报. Returns round_status().

    `departments` ({"州商务局": ["社会消费品零售总额", …]}, or "州商务局:指标,指标" strings) are
    asked only their own indicators of the form; their figures belong to the region they sit
    in (a new department is made in `parent`). A region asked in the same round is not asked
    again what a department of that region reports.
    """
    with ws.store.write_transaction() as conn:
        form = None
        if template:
            form = conn.execute(
                select(CollectForm).where(CollectForm.template & (CollectForm.name == template))
            ).first()
            if form is None:
                raise InputError(
                    f"没有名为“{template}”的填报模板",
                    where=Location(value=template),
                    hint="用 xingshi round templates 查看已保存的模板",
                )
            if period is None:
                period = _next_period(conn, form.id)
            items = items or [FormItem(**d) for d in json.loads(form.items)]
            parent = parent if (parent or units) else form.parent_region
            units = units or json.loads(form.units or "[]")
            if departments is None:
                departments = json.loads(form.departments or "[]")
            due = due or form.due_rule
        if period is None:
            raise InputError("没有指定填报时期", hint="例如 --period 2021年1-7月")
        per = parse_period(period) if isinstance(period, str) else period
        form_items = _items(ws, items or ())
        specs = _department_specs(departments)
        codes = _units(ws, units, parent) if (units or parent or not specs) else []
        parent_code = ws.regions.resolve(parent).code if parent else None
        depts = _departments(ws, conn, actor, specs, form_items, parent_code)
        if actor is not None:
            for code in codes:
                require(actor, ws.regions, code, "review")
            for unit, _inds in depts:
                require_unit(
                    actor,
                    ws.regions,
                    Reporting(department_key(unit.id), unit.region_code, unit.name, unit.id),
                    "review",
                )
        due_on = parse_due(due or "月后10日", per)
        opens_on = opens or min(date.today(), due_on)
        if due_on < opens_on:
            raise InputError(
                f"报送期限 {due_on} 早于开始日期 {opens_on}", hint="检查 --due 和 --opens"
            )
        now = utcnow()
        who = actor_name(actor)
        dept_json = [{"unit": unit.name, "indicators": inds} for unit, inds in depts] or None
        if form is None or save_template:
            if (
                save_template
                and conn.execute(
                    select(CollectForm.id).where(
                        CollectForm.template & (CollectForm.name == save_template)
                    )
                ).first()
            ):
                raise Conflict(
                    f"已有名为“{save_template}”的模板", hint="换一个名称，或直接用该模板开轮次"
                )
            res = conn.execute(
                CollectForm.__table__.insert().values(
                    name=save_template or title or per.label,
                    template=bool(save_template),
                    items=json.dumps([i.to_dict() for i in form_items], ensure_ascii=False),
                    due_rule=str(due) if isinstance(due, str) and due.startswith("月后") else None,
                    parent_region=parent_code,
                    units=json.dumps([] if parent_code else codes),
                    departments=json.dumps(dept_json, ensure_ascii=False) if dept_json else None,
                    created_at=now,
                    created_by=who,
                )
            )
            form_id = int(res.inserted_primary_key[0])
        else:
            form_id = form.id
        name = title or f"{per.label}{ws.regions.get(parent_code).name if parent_code else ''}填报"
        res = conn.execute(
            CollectRound.__table__.insert().values(
                title=name,
                year=per.year,
                first_month=per.first_month,
                last_month=per.last_month,
                form_id=form_id,
                parent_region=parent_code,
                opens_on=opens_on,
                due_on=due_on,
                status="open",
                publications=0,
                created_at=now,
                created_by=who,
            )
        )
        round_id = int(res.inserted_primary_key[0])
        # 最多报一次: a region is not asked what one of its departments reports
        by_dept: dict[str, set[str]] = {}
        for unit, inds in depts:
            by_dept.setdefault(unit.region_code, set()).update(inds)
        rows = []
        for c in codes:
            asked = None
            if c in by_dept:
                asked = [i.indicator for i in form_items if i.indicator not in by_dept[c]]
                if not asked:
                    raise InputError(
                        f"{ws.regions.get(c).name}的指标已全部由部门报送",
                        where=Location(value=c),
                        hint="不必再把该地区列为填报单位",
                    )
            rows.append({"region_code": c, "unit_id": None, "indicators": asked})
        for unit, inds in depts:
            rows.append({"region_code": department_key(unit.id), "unit_id": unit.id,
                         "indicators": inds})  # fmt: skip
        conn.execute(
            CollectAssignment.__table__.insert(),
            [
                {
                    "round_id": round_id,
                    "region_code": r["region_code"],
                    "unit_id": r["unit_id"],
                    "indicators": (
                        json.dumps(r["indicators"]) if r["indicators"] is not None else None
                    ),
                    "state": NOT_REPORTED,
                    "overdue_noted": False,
                    "updated_at": now,
                }
                for r in rows
            ],
        )
        record_event(
            conn,
            actor=actor,
            action="collect.round.open",
            object_type="collect_round",
            object_id=str(round_id),
            region=parent_code,
            after={
                "title": name,
                "period": per.label,
                "due_on": due_on.isoformat(),
                "units": codes,
                "departments": dept_json or [],
                "indicators": [i.indicator for i in form_items],
                "template": save_template or template,
            },
            ip=ip,
        )
    return round_status(ws, round_id, actor)


def _next_period(conn: Any, form_id: int) -> Period:
    last = conn.execute(
        select(CollectRound)
        .where(CollectRound.form_id == form_id)
        .order_by(CollectRound.year.desc(), CollectRound.last_month.desc())
    ).first()
    if last is None:
        raise InputError("该模板还没有开过轮次，请指定时期", hint="例如 --period 2021年1-7月")
    if last.last_month == 12:
        return Period(last.year + 1, 1, 2 if last.first_month == 1 else 1)
    return Period(last.year, last.first_month, last.last_month + 1)


def templates(ws: Any) -> list[dict[str, Any]]:
    """Saved templates: name, indicators, units and due rule."""
    with ws.store.engine.connect() as conn:
        rows = conn.execute(
            select(CollectForm).where(CollectForm.template).order_by(CollectForm.name)
        ).all()
    return [
        {
            "name": f.name,
            "indicators": [i["indicator"] for i in json.loads(f.items)],
            "parent_region": f.parent_region,
            "units": json.loads(f.units or "[]"),
            "departments": json.loads(f.departments or "[]"),
            "due_rule": f.due_rule,
        }
        for f in rows
    ]


def _round_dict(ws: Any, rnd: Any) -> dict[str, Any]:
    per = period_of(rnd)
    return {
        "id": rnd.id,
        "title": rnd.title,
        "period": per.label,
        "period_key": per.key,
        "parent_region": rnd.parent_region,
        "opens_on": rnd.opens_on.isoformat(),
        "due_on": rnd.due_on.isoformat(),
        "status": rnd.status,
        "release_id": rnd.release_id,
        "publications": rnd.publications,
        "source": f"填报:round/{rnd.id}",
    }


def _visible(actor: Any, ws: Any, rep: Reporting) -> bool:
    return may(actor, ws.regions, rep, "view")


def round_status(
    ws: Any, round_id: int, actor: Any = None, today: date | None = None
) -> dict[str, Any]:
    """The round and every assignment the actor may see, with its state (逾期 when late)."""
    with ws.store.engine.connect() as conn:
        rnd = load_round(conn, round_id)
        form = load_form(conn, rnd.form_id)
        rows = conn.execute(
            select(CollectAssignment)
            .where(CollectAssignment.round_id == rnd.id)
            .order_by(CollectAssignment.region_code)
        ).all()
        reps = reporters(conn, ws.regions)
    # counties first (by code), then departments (by name)
    pairs = sorted(
        ((a, reps.of_key(a.region_code)) for a in rows),
        key=lambda p: (p[1].is_department, p[1].name if p[1].is_department else p[1].key),
    )
    visible = [(a, rep) for a, rep in pairs if _visible(actor, ws, rep)]
    if actor is not None and not visible:
        if pairs:
            require_unit(actor, ws.regions, pairs[0][1], "view")
        require(actor, ws.regions, "", "view")
    out = _round_dict(ws, rnd)
    out["indicators"] = [
        {**i.to_dict(), "name": ws.indicators.get(i.indicator).name} for i in items_of(form)
    ]
    out["assignments"] = [
        {
            "region_code": a.region_code,
            "region": rep.name,
            "kind": rep.kind,
            "data_region": rep.region_code,
            "indicators": [i.indicator for i in items_of(form, a)],
            "state": shown_state(rnd, a.state, today),
            "stored_state": a.state,
            "late": is_overdue(rnd, a.state, today),
            "explanation": a.explanation,
            "return_reason": a.return_reason,
            "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
            "submitted_by": a.submitted_by,
            "reviewed_at": a.reviewed_at.isoformat() if a.reviewed_at else None,
            "reviewed_by": a.reviewed_by,
        }
        for a, rep in visible
    ]
    counts: dict[str, int] = {}
    for a in out["assignments"]:
        counts[a["state"]] = counts.get(a["state"], 0) + 1
    out["counts"] = counts
    return out


def list_rounds(ws: Any, actor: Any = None) -> list[dict[str, Any]]:
    """Rounds, newest first, that have at least one assignment the actor may see."""
    with ws.store.engine.connect() as conn:
        rounds = conn.execute(select(CollectRound).order_by(CollectRound.id.desc())).all()
        regions = conn.execute(
            select(CollectAssignment.round_id, CollectAssignment.region_code)
        ).all()
        reps = reporters(conn, ws.regions)
    by_round: dict[int, list[Reporting]] = {}
    for rid, code in regions:
        by_round.setdefault(rid, []).append(reps.of_key(code))
    return [
        _round_dict(ws, r)
        for r in rounds
        if any(_visible(actor, ws, rep) for rep in by_round.get(r.id, []))
    ]
