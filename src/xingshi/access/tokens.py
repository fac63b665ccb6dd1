"""API tokens for `Authorization: Bearer`: shown once at creation, stored as SHA-256 only.

A token is 32 random bytes, so a fast hash is enough (nothing to guess); passwords, which
people choose, get argon2id instead.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from xingshi.access._models import ApiToken, User
from xingshi.access._time import utcnow
from xingshi.access.audit import record_event
from xingshi.access.principal import Principal
from xingshi.access.users import load_principal
from xingshi.errors import InputError, Location

PREFIX = "xs_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(
    engine: Engine, username: str, name: str, *, actor=None, ip: str | None = None
) -> str:
    """A new token for `username` (printed once by the caller; only its hash is kept)."""
    token = PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as conn:
        user_id = conn.execute(select(User.id).where(User.username == username)).scalar()
        if user_id is None:
            raise InputError(
                f"没有用户“{username}”",
                where=Location(value=username),
                hint="先用 xingshi user add 建用户",
            )
        res = conn.execute(
            ApiToken.__table__.insert().values(
                user_id=user_id, name=name, token_hash=_hash(token), created_at=utcnow()
            )
        )
        record_event(
            conn,
            actor=actor,
            action="token.create",
            object_type="token",
            object_id=str(res.inserted_primary_key[0]),
            after={"user": username, "name": name},
            ip=ip,
        )
    return token


def resolve_token(engine: Engine, token: str | None) -> Principal | None:
    """The principal a bearer token stands for, or None (unknown or revoked)."""
    if not token or not token.startswith(PREFIX):
        return None
    with engine.connect() as conn:
        row = conn.execute(
            select(ApiToken.user_id, ApiToken.revoked_at).where(ApiToken.token_hash == _hash(token))
        ).first()
        if row is None or row[1] is not None:
            return None
        return load_principal(conn, row[0], via="token")


def revoke_token(engine: Engine, token_id: int, *, actor=None, ip: str | None = None) -> None:
    """Revoke a token by its id."""
    with engine.begin() as conn:
        conn.execute(
            update(ApiToken)
            .where(ApiToken.id == token_id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        record_event(
            conn,
            actor=actor,
            action="token.revoke",
            object_type="token",
            object_id=str(token_id),
            ip=ip,
        )
