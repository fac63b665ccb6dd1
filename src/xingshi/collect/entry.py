"""Filling in: one unit's fields with their versions, the 审核 rules of import run on them,
saves refused when overtaken (409), submission once errors are gone and warnings explained."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl
from sqlalchemy import select

from xingshi.access import record_event
from xingshi.collect._common import (
    DRAFT,
    EDITABLE,
    FIRST_ROW,
    GROWTH_COLUMN,
    LEVEL_COLUMN,
    NOT_REPORTED,
    RETURNED,
    SUBMITTED,
    FormItem,
    Reporting,
    actor_name,
    items_of,
    load_assignment,
    load_form,
    load_round,
    may,
    period_of,
    reporters,
    require_unit,
    shown_state,
    utcnow,
    wrong_state,
)
from xingshi.collect._models import CollectAssignment, CollectValue, CollectValueHistory
from xingshi.errors import Conflict, ImportRejected, InputError, Location
from xingshi.findings import Finding
from xingshi.ingest.checks import CheckContext, run_checks
from xingshi.ingest.importer import _tolerances
from xingshi.ingest.normalize import INTERNAL_SCHEMA, OBS_SCHEMA
from xingshi.ingest.values import parse_number

FIELDS = ("level", "growth_pct")


class StaleSave(Conflict):
    """A save overtaken by someone else's: nothing was written; both values are attached."""

    def __init__(self, message: str, *, conflicts: list[dict[str, Any]], **kw: Any):
        super().__init__(message, **kw)
        self.conflicts = conflicts


@dataclass
class Loaded:
    """A round, its form items, one assignment and its current values (by indicator)."""

    rnd: Any
    items: list[FormItem]
    assignment: Any
    rep: Reporting
    values: dict[str, Any] = field(default_factory=dict)


def source_of(round_id: int) -> str:
    return f"填报:round/{round_id}"


def _load(conn: Any, ws: Any, round_id: int, unit: str | Reporting) -> Loaded:
    """The round and the assignment of `unit` (a Reporting, or a region/department name)."""
    rnd = load_round(conn, round_id)
    rep = unit if isinstance(unit, Reporting) else reporters(conn, ws.regions).resolve(unit)
    a = load_assignment(conn, rnd, rep.key, ws.regions, rep.name)
    items = items_of(load_form(conn, rnd.form_id), a)
    values = {
        v.indicator: v
        for v in conn.execute(select(CollectValue).where(CollectValue.assignment_id == a.id))
    }
    return Loaded(rnd, items, a, rep, values)


def resolve(ws: Any, region: str) -> Reporting:
    """The reporting unit named by `region`: a region, a department's name or unit:<id>."""
    with ws.store.engine.connect() as conn:
        return reporters(conn, ws.regions).resolve(region)


def _published(ws: Any, code: str, indicators: list[str], periods: list[Any]) -> dict:
    frame = ws.store.observations(regions=[code], indicators=indicators, periods=periods)
    return {
        (r["indicator"], r["year"], r["first_month"], r["last_month"]): r
        for r in frame.iter_rows(named=True)
    }


def assignment_view(ws: Any, actor: Any, round_id: int, region: str) -> dict[str, Any]:
    """One unit's form: every field with its value, version, the previous period's value and
    last year's same period (from the published store)."""
    with ws.store.engine.connect() as conn:
        loaded = _load(conn, ws, round_id, region)
    rep = loaded.rep
    require_unit(actor, ws.regions, rep, "view")
    rnd, a = loaded.rnd, loaded.assignment
    per = period_of(rnd)
    prev = per.previous("monthly")
    last_year = per.same_period_last_year()
    periods = [p for p in (prev, last_year) if p is not None]
    stored = _published(ws, rep.region_code, [i.indicator for i in loaded.items], periods)
    fields = []
    for row, item in enumerate(loaded.items, start=FIRST_ROW):
        v = loaded.values.get(item.indicator)
        ind = ws.indicators.get(item.indicator)

        def ref(p: Any, item: FormItem = item) -> dict[str, Any] | None:
            if p is None:
                return None
            r = stored.get((item.indicator, p.year, p.first_month, p.last_month))
            if r is None:
                return None
            return {"period": p.label, "level": r["level"], "growth_pct": r["growth_pct"]}

        fields.append(
            {
                "indicator": item.indicator,
                "name": ind.name,
                "unit": item.unit or ind.unit,
                "want_level": item.level,
                "want_growth": item.growth,
                "required": item.required,
                "row": row,
                "level": v.level if v else None,
                "growth_pct": v.growth_pct if v else None,
                "version": v.version if v else 0,
                "updated_by": v.updated_by if v else None,
                "updated_at": v.updated_at.isoformat() if v else None,
                "previous": ref(prev),
                "last_year": ref(last_year),
            }
        )
    return {
        "round_id": rnd.id,
        "round_title": rnd.title,
        "round_status": rnd.status,
        "period": per.label,
        "due_on": rnd.due_on.isoformat(),
        "region_code": rep.key,
        "region": rep.name,
        "kind": rep.kind,
        "data_region": rep.region_code,
        "data_region_name": ws.regions.get(rep.region_code).name,
        "state": shown_state(rnd, a.state),
        "stored_state": a.state,
        "editable": a.state in EDITABLE,
        "can_report": may(actor, ws.regions, rep, "report"),
        "explanation": a.explanation,
        "return_reason": a.return_reason,
        "values": fields,
    }


def _number(raw: Any, item: FormItem, name: str, row: int, col: str, findings: list) -> Any:
    if raw is None or raw == "":
        return None
    try:
        return parse_number(raw, percent_ok=col == GROWTH_COLUMN)
    except Exception:  # parse_number raises its own NotANumber/ExcelError for text
        findings.append(
            Finding(
                "not_a_number",
                "error",
                f"“{raw}”不是数字",
                Location(sheet=name, row=row, column=col, value=raw),
                hint="只填数字；增长率填百分数的数字部分，如 5.2",
            )
        )
        return None


def _frame(ws: Any, loaded: Loaded, merged: dict[str, dict]) -> pl.DataFrame:
    per = period_of(loaded.rnd)
    code, name = loaded.rep.region_code, loaded.rep.name  # a department's go to its region
    rows = []
    for row, item in enumerate(loaded.items, start=FIRST_ROW):
        vals = merged.get(item.indicator, {})
        level, growth = vals.get("level"), vals.get("growth_pct")
        if level is None and growth is None:
            continue
        rows.append(
            {
                "region_code": code,
                "indicator": item.indicator,
                "year": per.year,
                "first_month": per.first_month,
                "last_month": per.last_month,
                "period": per.key,
                "level": level,
                "unit": item.unit or ws.indicators.get(item.indicator).unit,
                "growth_pct": growth,
                "rank": None,
                "computed": False,
                "source_file": source_of(loaded.rnd.id),
                "source_sheet": name,
                "level_cell": f"{LEVEL_COLUMN}{row}",
                "growth_cell": f"{GROWTH_COLUMN}{row}",
                "rank_cell": None,
                "note": None,
                "src_row": row,
                "region_cell": None,
                "rank_basis": "default",
            }
        )
    return pl.DataFrame(rows, schema={**OBS_SCHEMA, **INTERNAL_SCHEMA}, orient="row")


def check_context(ws: Any, file: str) -> CheckContext:
    return CheckContext(
        file=file,
        regions=ws.regions,
        indicators=ws.indicators,
        store=ws.store,
        **_tolerances(getattr(ws, "settings", None)),
    )


def _merge(
    ws: Any, loaded: Loaded, values: list[dict[str, Any]], findings: list[Finding]
) -> dict[str, dict[str, Any]]:
    """Stored values overlaid with the given ones (parsed); unknown indicators are errors."""
    by_code = {i.indicator: (row, i) for row, i in enumerate(loaded.items, start=FIRST_ROW)}
    merged = {
        k: {"level": v.level, "growth_pct": v.growth_pct, "version": v.version}
        for k, v in loaded.values.items()
    }
    name = loaded.rep.name
    for given in values:
        ind = ws.indicators.resolve(str(given.get("indicator", "")))
        if ind.code not in by_code:
            raise InputError(
                f"本轮没有要求{loaded.rep.name}填报“{ind.name}”",
                where=Location(value=given.get("indicator")),
                hint="只能填报表单中列给本单位的指标",
            )
        row, item = by_code[ind.code]
        cur = merged.setdefault(ind.code, {"level": None, "growth_pct": None, "version": 0})
        for fld, col in (("level", LEVEL_COLUMN), ("growth_pct", GROWTH_COLUMN)):
            if fld in given:
                cur[fld] = _number(given[fld], item, name, row, col, findings)
        cur["given_version"] = given.get("version")
        cur["given"] = True
    return merged


def check_values(
    ws: Any, round_id: int, region: str, values: list[dict[str, Any]]
) -> list[Finding]:
    """The findings of the import checks on the unit's values with `values` typed over them."""
    with ws.store.engine.connect() as conn:
        loaded = _load(conn, ws, round_id, region)
    findings: list[Finding] = []
    merged = _merge(ws, loaded, values, findings)
    frame = _frame(ws, loaded, merged)
    return findings + run_checks(frame, check_context(ws, source_of(round_id)))


def field_of(finding: Finding) -> tuple[int | None, str | None]:
    """(template row, "level" | "growth_pct") of a finding about one field."""
    w = finding.where
    fld = {LEVEL_COLUMN: "level", GROWTH_COLUMN: "growth_pct"}.get(w.column or "")
    return w.row, fld


def _required(ws: Any, loaded: Loaded, merged: dict) -> list[Finding]:
    out = []
    name = loaded.rep.name
    for row, item in enumerate(loaded.items, start=FIRST_ROW):
        if not item.required:
            continue
        vals = merged.get(item.indicator, {})
        ind_name = ws.indicators.get(item.indicator).name
        for want, fld, col, what in (
            (item.level, "level", LEVEL_COLUMN, "数值"),
            (item.growth, "growth_pct", GROWTH_COLUMN, "增长%"),
        ):
            if want and vals.get(fld) is None:
                out.append(
                    Finding(
                        "required",
                        "error",
                        f"{ind_name}的{what}为必填项，尚未填写",
                        Location(sheet=name, row=row, column=col),
                        hint="填写后再提交",
                    )
                )
    return out


def save_values(
    ws: Any,
    actor: Any,
    round_id: int,
    region: str,
    values: list[dict[str, Any]],
    *,
    ip: str | None = None,
) -> dict[str, Any]:
    """Save fields as a draft: each value names the version it was based on.

    Error findings refuse the save (ImportRejected, 422); a version that is no longer the
    stored one refuses it (StaleSave, 409, with both values). Nothing is written then.
    Returns the assignment view plus the warnings of the checks.
    """
    with ws.store.engine.connect() as conn:
        loaded = _load(conn, ws, round_id, region)
    rep = loaded.rep
    code = rep.key
    require_unit(actor, ws.regions, rep, "report")
    findings: list[Finding] = []
    merged = _merge(ws, loaded, values, findings)
    findings += run_checks(_frame(ws, loaded, merged), check_context(ws, source_of(round_id)))
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise ImportRejected(
            f"填报数据未通过审核（{len(errors)} 个错误），未保存",
            findings=errors,
            where=Location(file=source_of(round_id), sheet=rep.name),
        )
    now = utcnow()
    who = actor_name(actor)
    with ws.store.write_transaction() as conn:
        fresh = _load(conn, ws, round_id, rep)
        a = fresh.assignment
        if a.state not in EDITABLE:
            raise wrong_state("修改", a.state, EDITABLE)
        conflicts = []
        for ind, vals in merged.items():
            if not vals.get("given"):
                continue
            cur = fresh.values.get(ind)
            stored_version = cur.version if cur else 0
            based_on = vals.get("given_version")
            # a save naming an overtaken version is refused even when it repeats the stored
            # figures: a read-modify-write (5 -> 6 while another also wrote 6) must not pass as
            # done. Without a version, the stored figures sent again are no conflict.
            unchanged = (
                based_on is None
                and cur is not None
                and (cur.level, cur.growth_pct) == (vals["level"], vals["growth_pct"])
            )
            if based_on is None:
                based_on = stored_version if cur is None else -1
            if int(based_on) != stored_version and not unchanged:
                conflicts.append(
                    {
                        "indicator": ind,
                        "name": ws.indicators.get(ind).name,
                        "yours": {
                            "level": vals["level"],
                            "growth_pct": vals["growth_pct"],
                            "version": vals.get("given_version"),
                        },
                        "theirs": {
                            "level": cur.level if cur else None,
                            "growth_pct": cur.growth_pct if cur else None,
                            "version": stored_version,
                            "updated_by": cur.updated_by if cur else None,
                            "updated_at": cur.updated_at.isoformat() if cur else None,
                        },
                    }
                )
        if conflicts:
            names = "、".join(c["name"] for c in conflicts)
            raise StaleSave(
                f"{names}已被他人修改（{conflicts[0]['theirs']['updated_by']}），本次保存未写入",
                conflicts=conflicts,
                hint="页面显示了双方的数值：确认后以最新版本为基础重新保存",
            )
        changed = []
        for ind, vals in merged.items():
            if not vals.get("given"):
                continue
            cur = fresh.values.get(ind)
            new_version = (cur.version if cur else 0) + 1
            same = (cur.level, cur.growth_pct) if cur is not None else (None, None)
            if same == (vals["level"], vals["growth_pct"]):
                continue  # the same figures again (or an empty new field): no new version
            rec = {"level": vals["level"], "growth_pct": vals["growth_pct"]}
            if cur is None:
                conn.execute(
                    CollectValue.__table__.insert().values(
                        assignment_id=a.id,
                        indicator=ind,
                        version=new_version,
                        updated_at=now,
                        updated_by=who,
                        **rec,
                    )
                )
            else:
                conn.execute(
                    CollectValue.__table__.update()
                    .where(CollectValue.id == cur.id)
                    .values(version=new_version, updated_at=now, updated_by=who, **rec)
                )
            conn.execute(
                CollectValueHistory.__table__.insert().values(
                    assignment_id=a.id,
                    indicator=ind,
                    version=new_version,
                    state=a.state,
                    at=now,
                    by=who,
                    **rec,
                )
            )
            changed.append(
                {
                    "indicator": ind,
                    "before": {"level": cur.level, "growth_pct": cur.growth_pct} if cur else None,
                    "after": {**rec, "version": new_version},
                }
            )
        new_state = DRAFT if a.state == NOT_REPORTED and changed else a.state
        conn.execute(
            CollectAssignment.__table__.update()
            .where(CollectAssignment.id == a.id)
            .values(state=new_state, updated_at=now)
        )
        if changed:
            record_event(
                conn,
                actor=actor,
                action="collect.values.save",
                object_type="collect_assignment",
                object_id=f"{round_id}/{code}",
                region=rep.region_code,
                before={c["indicator"]: c["before"] for c in changed},
                after={c["indicator"]: c["after"] for c in changed},
                ip=ip,
            )
        if new_state != a.state:
            _state_event(conn, actor, round_id, rep, a.state, new_state, ip=ip)
    out = assignment_view(ws, actor, round_id, code)
    out["warnings"] = [f for f in findings if f.severity != "error"]
    return out


def _state_event(
    conn: Any,
    actor: Any,
    round_id: int,
    rep: Reporting,
    before: str,
    after: str,
    *,
    reason: str | None = None,
    ip: str | None = None,
) -> None:
    record_event(
        conn,
        actor=actor,
        action="collect.state",
        object_type="collect_assignment",
        object_id=f"{round_id}/{rep.key}",
        region=rep.region_code,
        before={"state": before},
        after={"state": after},
        reason=reason,
        ip=ip,
    )


def submit(
    ws: Any,
    actor: Any,
    round_id: int,
    region: str,
    *,
    explanation: str | None = None,
    ip: str | None = None,
) -> dict[str, Any]:
    """草稿/退回 → 已报: required fields filled, no error, every warning explained (情况说明)."""
    with ws.store.engine.connect() as conn:
        loaded = _load(conn, ws, round_id, region)
    rep = loaded.rep
    require_unit(actor, ws.regions, rep, "report")
    findings: list[Finding] = []
    merged = _merge(ws, loaded, [], findings)
    findings += _required(ws, loaded, merged)
    findings += run_checks(_frame(ws, loaded, merged), check_context(ws, source_of(round_id)))
    errors = [f for f in findings if f.severity == "error"]
    where = Location(file=source_of(round_id), sheet=rep.name)
    if errors:
        raise ImportRejected(f"还有 {len(errors)} 个错误，不能提交", findings=errors, where=where)
    warnings = [f for f in findings if f.severity == "warning"]
    text = (explanation or "").strip() or (loaded.assignment.explanation or "").strip()
    if warnings and not text:
        raise ImportRejected(
            f"有 {len(warnings)} 条警告，请填写情况说明后再提交", findings=warnings, where=where
        )
    now = utcnow()
    with ws.store.write_transaction() as conn:
        a = _load(conn, ws, round_id, rep).assignment
        if a.state not in (DRAFT, RETURNED):
            raise wrong_state("提交", a.state, (DRAFT, RETURNED))
        conn.execute(
            CollectAssignment.__table__.update()
            .where(CollectAssignment.id == a.id)
            .values(
                state=SUBMITTED,
                explanation=text or None,
                submitted_at=now,
                submitted_by=actor_name(actor),
                updated_at=now,
            )
        )
        _state_event(conn, actor, round_id, rep, a.state, SUBMITTED, reason=text or None, ip=ip)
    out = assignment_view(ws, actor, round_id, rep.key)
    out["warnings"] = warnings
    return out


def value_history(ws: Any, actor: Any, round_id: int, region: str) -> list[dict[str, Any]]:
    """Every saved version of the unit's fields, oldest first: who, when (UTC), in which state."""
    with ws.store.engine.connect() as conn:
        loaded = _load(conn, ws, round_id, region)
        require_unit(actor, ws.regions, loaded.rep, "view")
        h = CollectValueHistory
        rows = conn.execute(
            select(h.indicator, h.level, h.growth_pct, h.version, h.state, h.at, h.by)
            .where(h.assignment_id == loaded.assignment.id)
            .order_by(h.id)
        ).all()
    return [
        {
            "indicator": r.indicator,
            "name": ws.indicators.get(r.indicator).name,
            "level": r.level,
            "growth_pct": r.growth_pct,
            "version": r.version,
            "state": r.state,
            "at": r.at.isoformat(timespec="seconds"),
            "by": r.by,
        }
        for r in rows
    ]
