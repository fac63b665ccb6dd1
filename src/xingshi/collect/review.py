"""Review and publish: return or approve each unit, the cross-unit checks, one release."""

from __future__ import annotations

from typing import Any

import polars as pl
from sqlalchemy import select

from xingshi.access import record_event
from xingshi.collect._common import (
    APPROVED,
    SUBMITTED,
    actor_name,
    items_of,
    load_form,
    load_round,
    period_of,
    reporters,
    require,
    require_unit,
    utcnow,
    wrong_state,
)
from xingshi.collect._models import CollectAssignment, CollectRound, CollectValue
from xingshi.collect.entry import _load, _state_event, check_context, source_of
from xingshi.errors import Conflict, InputError
from xingshi.findings import Finding
from xingshi.ingest.checks import additivity
from xingshi.ingest.normalize import OBS_SCHEMA


def return_assignment(
    ws: Any, actor: Any, round_id: int, region: str, reason: str, *, ip: str | None = None
) -> dict[str, Any]:
    """已报 (or 已审, a revision after publishing) → 退回, with the reviewer's reason."""
    return _review(ws, actor, round_id, region, "退回", reason, ip)


def approve(
    ws: Any, actor: Any, round_id: int, region: str, *, ip: str | None = None
) -> dict[str, Any]:
    """已报 → 已审."""
    return _review(ws, actor, round_id, region, APPROVED, None, ip)


def _review(
    ws: Any, actor: Any, round_id: int, region: str, to: str, reason: str | None, ip: Any
) -> dict[str, Any]:
    from xingshi.collect.entry import assignment_view

    with ws.store.engine.connect() as conn:
        rep = _load(conn, ws, round_id, region).rep  # 404 before 403: the round and unit exist
    require_unit(actor, ws.regions, rep, "review")
    if to == "退回" and not (reason or "").strip():
        raise InputError("退回时必须写明原因", hint="告诉填报单位需要核实或修改什么")
    allowed = (SUBMITTED, APPROVED) if to == "退回" else (SUBMITTED,)
    now = utcnow()
    with ws.store.write_transaction() as conn:
        a = _load(conn, ws, round_id, rep).assignment
        if a.state not in allowed:
            raise wrong_state("退回" if to == "退回" else "审核通过", a.state, allowed)
        values: dict[str, Any] = {"state": to, "reviewed_at": now, "reviewed_by": actor_name(actor)}
        values["updated_at"] = now
        if to == "退回":
            values["return_reason"] = reason.strip()
        conn.execute(
            CollectAssignment.__table__.update()
            .where(CollectAssignment.id == a.id)
            .values(**values)
        )
        _state_event(
            conn, actor, round_id, rep, a.state, to, reason=(reason or "").strip() or None, ip=ip
        )
    return assignment_view(ws, actor, round_id, rep.key)


def _round_frame(ws: Any, conn: Any, rnd: Any, states: tuple[str, ...] | None) -> pl.DataFrame:
    """Observations of the round's assignments (in `states`, or all with values)."""
    per = period_of(rnd)
    items = {i.indicator: i for i in items_of(load_form(conn, rnd.form_id))}
    reps = reporters(conn, ws.regions)
    stmt = (
        select(
            CollectAssignment.region_code,
            CollectValue.indicator,
            CollectValue.level,
            CollectValue.growth_pct,
            CollectValue.version,
            CollectValue.updated_by,
            CollectValue.updated_at,
        )
        .join(CollectValue, CollectValue.assignment_id == CollectAssignment.id)
        .where(CollectAssignment.round_id == rnd.id)
        .order_by(CollectAssignment.region_code, CollectValue.indicator)
    )
    if states is not None:
        stmt = stmt.where(CollectAssignment.state.in_(states))
    rows = []
    for v in conn.execute(stmt):
        if v.level is None and v.growth_pct is None:
            continue
        item = items.get(v.indicator)
        rep = reps.of_key(v.region_code)  # a department's figures go to its region
        by = f"{rep.name} " if rep.is_department else ""
        rows.append(
            {
                "region_code": rep.region_code,
                "indicator": v.indicator,
                "year": per.year,
                "first_month": per.first_month,
                "last_month": per.last_month,
                "period": per.key,
                "level": v.level,
                "unit": (item.unit if item else None) or ws.indicators.get(v.indicator).unit,
                "growth_pct": v.growth_pct,
                "rank": None,
                "computed": False,
                "source_file": source_of(rnd.id),
                "source_sheet": rep.name,
                "level_cell": None,
                "growth_cell": None,
                "rank_cell": None,
                # every figure says who entered it (which department, which user) and when (UTC)
                "note": f"填报 {by}{v.updated_by or '系统'} "
                f"{v.updated_at.isoformat(timespec='seconds')}Z 第{v.version}版",
            }
        )
    return pl.DataFrame(rows, schema=OBS_SCHEMA, orient="row")


def cross_checks(ws: Any, round_id: int, actor: Any = None) -> list[Finding]:
    """Checks that need every unit: the children add up to the parent (the parent's figure
    from the round when it reports, else from the store)."""
    with ws.store.engine.connect() as conn:
        rnd = load_round(conn, round_id)
        frame = _round_frame(ws, conn, rnd, None)
        codes = conn.execute(
            select(CollectAssignment.region_code).where(CollectAssignment.round_id == rnd.id)
        ).scalars()
        reps = reporters(conn, ws.regions)
        scope = (
            [rnd.parent_region]
            if rnd.parent_region
            else sorted({reps.of_key(c).region_code for c in codes})
        )
    if actor is not None:  # the checks show every unit's figures: the whole round's scope
        for code in scope:
            require(actor, ws.regions, code, "review")
    if frame.is_empty():
        return []
    parents = {
        p for p in (getattr(ws.regions.get(c), "parent", None) for c in frame["region_code"]) if p
    }
    stored = ws.store.observations(
        regions=sorted(parents),
        indicators=frame["indicator"].unique().to_list(),
        periods=[period_of(rnd)],
    )
    if not stored.is_empty():  # the round's own figure of a parent (a department's) wins
        stored = stored.join(
            frame.select("region_code", "indicator").unique(),
            on=["region_code", "indicator"],
            how="anti",
        )
    if not stored.is_empty():
        frame = pl.concat([frame, stored.select(list(OBS_SCHEMA))], how="vertical_relaxed")
    ctx = check_context(ws, source_of(round_id))
    findings = additivity.check(frame.with_columns(pl.lit(None).alias("src_row")), ctx)
    return findings


def publish(
    ws: Any, actor: Any, round_id: int, *, ip: str | None = None, on_write: Any = None
) -> dict[str, Any]:
    """Write every approved unit's figures as ONE release (source 填报:round/<id>).

    Publishing again after a revision writes a new release: changed figures become new
    vintages, unchanged ones are counted unchanged. `on_write(conn, result)` runs inside the
    release's transaction, after the round is marked.
    """
    from xingshi.store import ImportBatch

    with ws.store.engine.connect() as conn:
        rnd = load_round(conn, round_id)
        frame = _round_frame(ws, conn, rnd, (APPROVED,))
        n_assign = conn.execute(
            select(CollectAssignment.region_code, CollectAssignment.state).where(
                CollectAssignment.round_id == rnd.id
            )
        ).all()
        reps = reporters(conn, ws.regions)
    scope = rnd.parent_region or (reps.of_key(n_assign[0][0]).region_code if n_assign else "")
    require(actor, ws.regions, scope, "publish")
    if actor is not None:
        for code, _state in n_assign:
            require_unit(actor, ws.regions, reps.of_key(code), "publish")
    if frame.is_empty():
        raise Conflict("本轮还没有审核通过的单位，无可发布的数据", hint="先审核通过各单位的报送")
    approved = sorted(c for c, s in n_assign if s == APPROVED)
    pending = [c for c, s in n_assign if s != APPROVED]
    warnings = cross_checks(ws, round_id)
    batch = ImportBatch(
        source_file=source_of(round_id),
        description=f"{rnd.title}（{len(approved)} 个单位）",
        observations=frame,
        findings=warnings,
    )
    now = utcnow()

    def mark(conn: Any, result: Any) -> None:
        current = load_round(conn, round_id)
        conn.execute(
            CollectRound.__table__.update()
            .where(CollectRound.id == round_id)
            .values(
                status="published",
                release_id=result.release_id,
                published_at=now,
                publications=current.publications + 1,
            )
        )
        record_event(
            conn,
            actor=actor,
            action="collect.round.publish",
            object_type="collect_round",
            object_id=str(round_id),
            region=rnd.parent_region,
            before={"status": current.status, "release_id": current.release_id},
            after={
                "status": "published",
                "release_id": result.release_id,
                "units": approved,
                "pending": pending,
                "inserted": result.inserted,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
            ip=ip,
        )
        if on_write is not None:
            on_write(conn, result)

    result = ws.store.write_release(batch, on_write=mark)
    return {
        "round_id": round_id,
        "release_id": result.release_id,
        "source": source_of(round_id),
        "units": approved,
        "pending": pending,
        "inserted": result.inserted,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "warnings": warnings,
    }
