"""Server-side browser sessions: an opaque random cookie, its SHA-256 as the key.

A session ends on logout (revoked), after `IDLE_TIMEOUT` without a request, or after
`MAX_AGE` in any case. Each session has its own CSRF token.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

import polars as pl
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from xingshi.access._models import SessionRow
from xingshi.access._time import utcnow
from xingshi.access.audit import record_event
from xingshi.access.principal import Principal
from xingshi.access.users import load_principal

IDLE_TIMEOUT = timedelta(minutes=30)
MAX_AGE = timedelta(hours=12)
# last_seen is refreshed at most this often, so reading pages does not write on every request
TOUCH_EVERY = timedelta(seconds=60)

SESSION_SCHEMA = {
    "id": pl.String,
    "created_at": pl.Datetime("us"),
    "last_seen": pl.Datetime("us"),
    "ip": pl.String,
    "user_agent": pl.String,
}


def _key(cookie: str) -> str:
    return hashlib.sha256(cookie.encode()).hexdigest()


def create_session(
    engine: Engine, principal: Principal, *, ip: str | None = None, user_agent: str | None = None
) -> tuple[str, Principal]:
    """Open a session for a logged-in user: (cookie value, principal with csrf_token)."""
    cookie = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utcnow()
    key = _key(cookie)
    with engine.begin() as conn:
        conn.execute(
            SessionRow.__table__.insert().values(
                id=key,
                user_id=principal.user_id,
                csrf_token=csrf,
                created_at=now,
                last_seen=now,
                ip=ip,
                user_agent=(user_agent or "")[:500],
            )
        )
        record_event(
            conn,
            actor=principal,
            action="session.login",
            object_type="session",
            object_id=key[:12],
            ip=ip,
        )
    return cookie, _with(principal, key, csrf)


def _with(p: Principal, key: str, csrf: str) -> Principal:
    return Principal(
        user_id=p.user_id,
        username=p.username,
        display_name=p.display_name,
        unit=p.unit,
        unit_kind=p.unit_kind,
        unit_region=p.unit_region,
        grants=p.grants,
        via="session",
        session_id=key,
        csrf_token=csrf,
        unit_id=p.unit_id,
    )


def resolve_session(engine: Engine, cookie: str | None) -> Principal | None:
    """The principal of a live session cookie, or None (unknown, revoked, idle or too old)."""
    if not cookie:
        return None
    key = _key(cookie)
    now = utcnow()
    with engine.connect() as conn:
        row = conn.execute(select(SessionRow).where(SessionRow.id == key)).first()
        if row is None:
            return None
        s = row
        if (
            s.revoked_at is not None
            or now - s.last_seen > IDLE_TIMEOUT
            or now - s.created_at > MAX_AGE
        ):
            return None
        principal = load_principal(
            conn, s.user_id, via="session", session_id=key, csrf_token=s.csrf_token
        )
    if now - s.last_seen > TOUCH_EVERY:
        with engine.begin() as conn:
            conn.execute(update(SessionRow).where(SessionRow.id == key).values(last_seen=now))
    return principal


def revoke_session(engine: Engine, principal: Principal, *, ip: str | None = None) -> None:
    """Log out: the session's cookie no longer works, whoever holds it."""
    if principal.session_id is None:
        return
    with engine.begin() as conn:
        conn.execute(
            update(SessionRow)
            .where(SessionRow.id == principal.session_id, SessionRow.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        record_event(
            conn,
            actor=principal,
            action="session.logout",
            object_type="session",
            object_id=principal.session_id[:12],
            ip=ip,
        )


def revoke_all(engine: Engine, user_id: int, *, actor: Any = None, ip: str | None = None) -> int:
    """End every live session of a user (after a password change); returns how many."""
    with engine.begin() as conn:
        res = conn.execute(
            update(SessionRow)
            .where(SessionRow.user_id == user_id, SessionRow.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        record_event(
            conn,
            actor=actor,
            action="session.revoke_all",
            object_type="user",
            object_id=str(user_id),
            after={"sessions": res.rowcount},
            ip=ip,
        )
        return int(res.rowcount or 0)


def list_sessions(engine: Engine, user_id: int) -> pl.DataFrame:
    """A user's live sessions (id is the first 12 characters of the key), newest first."""
    c = SessionRow.__table__.c
    now = utcnow()
    with engine.connect() as conn:
        rows = conn.execute(
            select(c.id, c.created_at, c.last_seen, c.ip, c.user_agent)
            .where(c.user_id == user_id, c.revoked_at.is_(None))
            .order_by(c.created_at.desc())
        ).all()
    live = [
        (r[0][:12], *r[1:]) for r in rows if now - r[2] <= IDLE_TIMEOUT and now - r[1] <= MAX_AGE
    ]
    return pl.DataFrame(live, schema=SESSION_SCHEMA, orient="row")
