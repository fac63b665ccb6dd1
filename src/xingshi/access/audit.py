"""The audit log: one insert-only row per change, written in the caller's transaction.

    record_event(conn, actor=principal, action="user.add", object_type="user",
                 object_id="jishou", region="433101", after={...})

`actor` is a :class:`~xingshi.access.principal.Principal` (or anything with `user_id`,
`username` and `unit`), or None for the system and the command line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import polars as pl
from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from xingshi.access._models import AuditEvent

SYSTEM_ACTOR = "系统"

AUDIT_SCHEMA = {
    "id": pl.Int64,
    "at": pl.Datetime("us", "UTC"),
    "actor": pl.String,
    "unit": pl.String,
    "ip": pl.String,
    "action": pl.String,
    "object_type": pl.String,
    "object_id": pl.String,
    "region": pl.String,
    "before": pl.String,
    "after": pl.String,
    "reason": pl.String,
}


def _json(value: dict | None) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record_event(
    conn: Connection,
    *,
    actor: Any,
    action: str,
    object_type: str,
    object_id: str | None = None,
    region: str | None = None,
    before: dict | None = None,
    after: dict | None = None,
    reason: str | None = None,
    ip: str | None = None,
) -> None:
    """Append one audit event in the transaction of `conn`; it commits or rolls back with it."""
    conn.execute(
        AuditEvent.__table__.insert().values(
            at=datetime.now(UTC).replace(tzinfo=None),
            actor_id=getattr(actor, "user_id", None),
            actor=getattr(actor, "username", None) if actor is not None else SYSTEM_ACTOR,
            unit=getattr(actor, "unit", None),
            ip=ip,
            action=action,
            object_type=object_type,
            object_id=None if object_id is None else str(object_id),
            region=region,
            before=_json(before),
            after=_json(after),
            reason=reason,
        )
    )


def record_action(engine: Engine, **event: Any) -> None:
    """An event of its own transaction, for actions whose result is outside the database
    (a briefing or a checked draft written to files); same fields as record_event."""
    with engine.begin() as conn:
        record_event(conn, **event)


@dataclass(frozen=True)
class AuditFilter:
    """What to list: every field optional; `since`/`until` are aware or UTC datetimes."""

    actor: str | None = None
    action: str | None = None
    object_type: str | None = None
    region: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 500


def _utc_naive(when: datetime) -> datetime:
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def list_events(engine: Engine, filt: AuditFilter | None = None) -> pl.DataFrame:
    """Audit events, newest first, filtered; `before`/`after` are JSON text."""
    filt = filt or AuditFilter()
    t = AuditEvent.__table__.c
    stmt = select(*(t[c] for c in AUDIT_SCHEMA)).order_by(t.id.desc()).limit(filt.limit)
    if filt.actor:
        stmt = stmt.where(t.actor == filt.actor)
    if filt.action:
        stmt = stmt.where(t.action.startswith(filt.action))
    if filt.object_type:
        stmt = stmt.where(t.object_type == filt.object_type)
    if filt.region:
        stmt = stmt.where(t.region == filt.region)
    if filt.since:
        stmt = stmt.where(t.at >= _utc_naive(filt.since))
    if filt.until:
        stmt = stmt.where(t.at <= _utc_naive(filt.until))
    with engine.connect() as conn:
        rows = [(r[0], r[1].replace(tzinfo=UTC), *r[2:]) for r in conn.execute(stmt)]
    return pl.DataFrame(rows, schema=AUDIT_SCHEMA, orient="row")
