"""Accounts, scopes, lockout, tokens and the audit log, on a real database of each backend."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from xingshi.access import (
    add_user,
    authenticate,
    create_session,
    create_token,
    list_events,
    record_event,
    resolve_session,
    resolve_token,
    revoke_session,
)
from xingshi.access._models import ApiToken, SessionRow, User
from xingshi.catalog.regions import RegionCatalog
from xingshi.errors import Conflict, InputError, LoginFailed, PermissionDenied
from xingshi.store import Store

RC = RegionCatalog.load()


@pytest.fixture
def engine(store: Store):
    return store.engine


def _jishou(engine):
    return add_user(
        engine, RC, username="jishou", password="吉首密码-2021", unit="吉首市", role="填报员"
    )


def test_a_county_user_is_scoped_to_its_own_county(engine) -> None:
    """A 吉首市 填报员 sees 吉首市 only; a 湘西州 领导 sees the prefecture and every county."""
    p = _jishou(engine)
    assert p.grants == (("填报员", "433101"),)
    assert p.unit_kind == "县市区"
    assert p.can_region(RC, "433101")
    assert not p.can_region(RC, "433122")  # 泸溪县
    assert not p.can_region(RC, "433100")  # its own prefecture is outside too
    with pytest.raises(PermissionDenied, match="泸溪"):
        p.require_region(RC, "433122")
    leader = add_user(
        engine,
        RC,
        username="lingdao",
        password="领导密码-2021",
        unit="湘西州政府办",
        role="领导",
        region="湘西州",
    )
    assert leader.unit_kind == "政府办"
    assert leader.can_region(RC, "433122") and leader.can_region(RC, "433100")
    assert not leader.can_region(RC, "430100")  # 长沙市
    assert leader.visible(RC) == {"433100", *(c.code for c in RC.children("433100"))}
    assert not leader.has("import")
    from xingshi.access import list_units

    units = list_units(engine)
    assert units.select("name", "kind", "region_code").rows() == [
        ("吉首市", "县市区", "433101"),
        ("湘西州政府办", "政府办", "433100"),
    ]
    assert list_units(engine, "政府办")["name"].to_list() == ["湘西州政府办"]


def test_passwords_are_stored_only_as_argon2id_hashes(engine) -> None:
    """The users table holds an argon2id hash with the OWASP minimum parameters, never the text."""
    _jishou(engine)
    with engine.connect() as conn:
        stored = conn.execute(select(User.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert "吉首密码" not in stored
    assert authenticate(engine, "jishou", "吉首密码-2021").username == "jishou"


def test_five_wrong_passwords_lock_the_account(engine) -> None:
    """After five wrong passwords even the right one is refused, with a Chinese hint."""
    _jishou(engine)
    for _ in range(5):
        with pytest.raises(LoginFailed, match="用户名或密码不正确"):
            authenticate(engine, "jishou", "wrong-password")
    with pytest.raises(LoginFailed, match="锁定") as exc:
        authenticate(engine, "jishou", "吉首密码-2021")
    assert "分钟" in exc.value.hint
    actions = list_events(engine)["action"].to_list()
    assert actions.count("user.login_failed") == 5 and "user.lock" in actions


def test_unknown_user_and_duplicate_user(engine) -> None:
    """An unknown name fails like a wrong password; a second user of the same name is refused."""
    with pytest.raises(LoginFailed, match="用户名或密码不正确"):
        authenticate(engine, "nobody", "whatever-123")
    _jishou(engine)
    with pytest.raises(Conflict, match="已存在"):
        _jishou(engine)
    with pytest.raises(InputError, match="密码太短"):
        add_user(engine, RC, username="x", password="short", unit="吉首市", role="填报员")
    with pytest.raises(InputError, match="没有角色"):
        add_user(engine, RC, username="y", password="long-enough-1", unit="吉首市", role="县长")


def test_sessions_store_only_a_hash_and_logout_revokes(engine) -> None:
    """The cookie is not in the database; after logout the same cookie no longer works."""
    p = _jishou(engine)
    cookie, sp = create_session(engine, p, ip="127.0.0.1")
    with engine.connect() as conn:
        keys = conn.execute(select(SessionRow.id)).scalars().all()
    assert cookie not in keys and len(keys) == 1
    again = resolve_session(engine, cookie)
    assert again is not None and again.csrf_token == sp.csrf_token
    revoke_session(engine, again)
    assert resolve_session(engine, cookie) is None
    assert resolve_session(engine, "forged-cookie") is None


def test_an_idle_session_expires(engine) -> None:
    """A session unused for longer than the idle timeout no longer logs anyone in."""
    from sqlalchemy import update

    from xingshi.access._time import utcnow
    from xingshi.access.sessions import IDLE_TIMEOUT

    cookie, _ = create_session(engine, _jishou(engine))
    assert resolve_session(engine, cookie) is not None
    with engine.begin() as conn:
        conn.execute(update(SessionRow).values(last_seen=utcnow() - IDLE_TIMEOUT * 1.1))
    assert resolve_session(engine, cookie) is None


def test_tokens_are_stored_hashed_and_resolve_to_their_user(engine) -> None:
    """`create_token` returns the token once; the table holds only its SHA-256."""
    _jishou(engine)
    token = create_token(engine, "jishou", "脚本")
    with engine.connect() as conn:
        stored = conn.execute(select(ApiToken.token_hash)).scalar_one()
    assert token not in stored and len(stored) == 64
    p = resolve_token(engine, token)
    assert p is not None and p.username == "jishou" and p.via == "token"
    assert resolve_token(engine, token + "x") is None


def test_audit_event_is_written_in_the_callers_transaction(engine) -> None:
    """An event recorded in a transaction that rolls back is gone with it."""
    p = _jishou(engine)
    before = list_events(engine).height
    with pytest.raises(RuntimeError), engine.begin() as conn:
        record_event(conn, actor=p, action="test.rollback", object_type="test")
        raise RuntimeError
    assert list_events(engine).height == before
    with engine.begin() as conn:
        record_event(
            conn,
            actor=p,
            action="test.keep",
            object_type="test",
            object_id="1",
            region="433101",
            before={"值": 1},
            after={"值": 2},
            reason="更正",
            ip="10.0.0.1",
        )
    row = list_events(engine).row(0, named=True)
    assert (row["actor"], row["unit"], row["action"], row["region"]) == (
        "jishou",
        "吉首市",
        "test.keep",
        "433101",
    )
    assert row["before"] == '{"值": 1}' and row["after"] == '{"值": 2}'
    assert row["reason"] == "更正" and row["ip"] == "10.0.0.1"


def test_audit_event_refuses_update_and_delete(engine) -> None:
    """The database itself refuses to change or remove an audit event (trigger on both backends)."""
    _jishou(engine)
    for stmt in ("UPDATE audit_event SET action = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="insert-only"), engine.begin() as conn:
            conn.execute(text(stmt))
    assert list_events(engine).height >= 2
