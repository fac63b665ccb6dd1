"""Units, users and role grants: add, change the password, grant, list, log in.

Every change writes its audit event in the same transaction. Functions take the store's
engine (`Store.engine`) and the region catalogue the names resolve against.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import polars as pl
from sqlalchemy import select, update
from sqlalchemy.engine import Connection, Engine

from xingshi.access._models import RoleGrant, Unit, User
from xingshi.access._time import utcnow
from xingshi.access.audit import record_event
from xingshi.access.passwords import check_strength, hash_password, verify_password
from xingshi.access.principal import Principal
from xingshi.access.roles import UNIT_KINDS, check_role, guess_unit_kind
from xingshi.errors import CatalogError, Conflict, InputError, Location, LoginFailed

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)

USER_SCHEMA = {
    "username": pl.String,
    "display_name": pl.String,
    "unit": pl.String,
    "unit_kind": pl.String,
    "roles": pl.String,
    "active": pl.Boolean,
    "locked_until": pl.Datetime("us"),
}


def _region_code(regions: Any, name: str | None) -> str | None:
    if name is None:
        return None
    return regions.resolve(name).code


def _unit(
    conn: Connection, regions: Any, name: str, kind: str | None, actor: Any, where: str | None
) -> Any:
    """The unit of this name, made if new: in the region its name says, else in `where`."""
    row = conn.execute(select(Unit).where(Unit.name == name)).first()
    if row is not None:
        return row
    try:
        region = regions.resolve(name).code
        is_region = True
    except CatalogError:
        region, is_region = where, False
        if where is not None:  # an ambiguous name (永定区) that is the given region's own
            r = regions.get(where)
            is_region = name in (r.name, r.short)
    kind = kind or guess_unit_kind(name, is_region)
    if kind not in UNIT_KINDS:
        raise InputError(
            f"没有单位类型“{kind}”", where=Location(value=kind), hint="、".join(UNIT_KINDS)
        )
    res = conn.execute(Unit.__table__.insert().values(name=name, kind=kind, region_code=region))
    record_event(
        conn,
        actor=actor,
        action="unit.add",
        object_type="unit",
        object_id=name,
        region=region,
        after={"name": name, "kind": kind, "region": region},
    )
    return conn.execute(select(Unit).where(Unit.id == res.inserted_primary_key[0])).one()


def department_unit(
    conn: Connection, regions: Any, name: str, region_code: str | None, *, actor: Any = None
) -> Any:
    """The 部门 unit called `name` (州商务局), made in `region_code` when new (audited)."""
    name = name.strip()
    if not name:
        raise InputError("部门名称不能为空", hint="例如 州商务局")
    row = conn.execute(select(Unit).where(Unit.name == name)).first()
    if row is not None:
        if row.kind != "部门":
            raise InputError(
                f"单位“{name}”是{row.kind}，不是部门",
                where=Location(value=name),
                hint="部门按自己的指标填报；县市区请作为填报地区列出",
            )
        return row
    try:
        regions.resolve(name)
    except CatalogError:
        pass
    else:
        raise InputError(
            f"“{name}”是地区名称，不是部门",
            where=Location(value=name),
            hint="地区请作为填报单位列出",
        )
    if region_code is None:
        raise InputError(
            f"部门“{name}”尚未建立，不知道它属于哪个地区",
            where=Location(value=name),
            hint="给出上级地区（如 --parent 湘西州），或先用 xingshi user add … --department "
            f"{name} --region 湘西州 建立",
        )
    return _unit(conn, regions, name, "部门", actor, region_code)


def add_user(
    engine: Engine,
    regions: Any,
    *,
    username: str,
    password: str,
    unit: str,
    role: str,
    region: str | None = None,
    display_name: str | None = None,
    unit_kind: str | None = None,
    actor: Any = None,
    ip: str | None = None,
) -> Principal:
    """Create a user in `unit` (made if new) with one role over `region` (default: the unit's)."""
    username = username.strip()
    if not username:
        raise InputError("用户名不能为空", hint="例如 jishou-tj 或 张三")
    check_role(role)
    check_strength(password)
    code = _region_code(regions, region)
    pw_hash = hash_password(password)  # outside the transaction: it takes a while
    with engine.begin() as conn:
        if conn.execute(select(User.id).where(User.username == username)).first():
            raise Conflict(
                f"用户“{username}”已存在", hint="换一个用户名，或用 xingshi user passwd 改密码"
            )
        if unit_kind == "部门":  # a department sits in a region but is not one
            u = department_unit(conn, regions, unit, code, actor=actor)
        else:
            u = _unit(conn, regions, unit.strip(), unit_kind, actor, code)
        code = code or u.region_code
        if code is None:
            raise InputError(
                f"单位“{u.name}”不是一个地区，请写明权限范围",
                where=Location(value=u.name),
                hint="加上 --region 地区名，例如 --region 湘西州",
            )
        if actor is not None:
            actor.require_region(regions, code, "admin")  # rolls the unit back with it
        res = conn.execute(
            User.__table__.insert().values(
                username=username,
                display_name=display_name,
                unit_id=u.id,
                password_hash=pw_hash,
                active=True,
                failed_logins=0,
                created_at=utcnow(),
            )
        )
        user_id = int(res.inserted_primary_key[0])
        conn.execute(
            RoleGrant.__table__.insert().values(user_id=user_id, role=role, region_code=code)
        )
        record_event(
            conn,
            actor=actor,
            action="user.add",
            object_type="user",
            object_id=username,
            region=code,
            after={"username": username, "unit": u.name, "role": role, "region": code},
            ip=ip,
        )
        return load_principal(conn, user_id)


def grant_role(
    engine: Engine, regions: Any, username: str, role: str, region: str, *, actor: Any = None
) -> Principal:
    """Add a role over a region to an existing user."""
    check_role(role)
    code = regions.resolve(region).code
    with engine.begin() as conn:
        user = _user(conn, username)
        exists = conn.execute(
            select(RoleGrant.id).where(
                RoleGrant.user_id == user.id, RoleGrant.role == role, RoleGrant.region_code == code
            )
        ).first()
        if not exists:
            conn.execute(
                RoleGrant.__table__.insert().values(user_id=user.id, role=role, region_code=code)
            )
            record_event(
                conn,
                actor=actor,
                action="user.grant",
                object_type="user",
                object_id=username,
                region=code,
                after={"role": role, "region": code},
            )
        return load_principal(conn, user.id)


def set_password(
    engine: Engine, username: str, password: str, *, actor: Any = None, ip: str | None = None
) -> None:
    """Change a user's password; also lifts a lockout."""
    check_strength(password)
    pw_hash = hash_password(password)
    with engine.begin() as conn:
        user = _user(conn, username)
        conn.execute(
            update(User)
            .where(User.id == user.id)
            .values(password_hash=pw_hash, failed_logins=0, locked_until=None)
        )
        record_event(
            conn,
            actor=actor,
            action="user.passwd",
            object_type="user",
            object_id=username,
            ip=ip,
        )


def _user(conn: Connection, username: str) -> Any:
    row = conn.execute(select(User).where(User.username == username)).first()
    if row is None:
        raise InputError(
            f"没有用户“{username}”",
            where=Location(value=username),
            hint="用 xingshi user list 查看",
        )
    return row


def load_principal(conn: Connection, user_id: int, **extra: Any) -> Principal:
    """The principal of a user id, with its unit and grants."""
    u = User.__table__.c
    un = Unit.__table__.c
    row = conn.execute(
        select(u.id, u.username, u.display_name, un.name, un.kind, un.region_code, un.id)
        .join(Unit.__table__, un.id == u.unit_id)
        .where(u.id == user_id)
    ).one()
    g = RoleGrant.__table__.c
    grants = tuple(
        (r.role, r.region_code)
        for r in conn.execute(
            select(g.role, g.region_code).where(g.user_id == user_id).order_by(g.id)
        )
    )
    return Principal(
        user_id=row[0],
        username=row[1],
        display_name=row[2],
        unit=row[3],
        unit_kind=row[4],
        unit_region=row[5],
        grants=grants,
        unit_id=row[6],
        **extra,
    )


def authenticate(
    engine: Engine, username: str, password: str, *, ip: str | None = None
) -> Principal:
    """Check a user name and password; five failures in a row lock the account for a while."""
    username = username.strip()
    with engine.connect() as conn:
        row = conn.execute(select(User).where(User.username == username)).first()
    user = row
    now = utcnow()
    if user is not None and user.locked_until is not None and user.locked_until > now:
        verify_password(None, password)  # same cost as any other attempt
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise LoginFailed(
            "账号因多次密码错误已被临时锁定",
            hint=f"请约 {minutes} 分钟后再试，或请管理员重设密码",
        )
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.active:
        if user is not None:
            _failed(engine, user, ip)
        raise LoginFailed("用户名或密码不正确", hint="注意大小写；连续输错 5 次账号将被临时锁定")
    with engine.begin() as conn:
        if user.failed_logins:
            conn.execute(
                update(User).where(User.id == user.id).values(failed_logins=0, locked_until=None)
            )
        return load_principal(conn, user.id)


def _failed(engine: Engine, user: Any, ip: str | None) -> None:
    with engine.begin() as conn:
        # counted in the database so that concurrent attempts all count
        conn.execute(
            update(User).where(User.id == user.id).values(failed_logins=User.failed_logins + 1)
        )
        failed = conn.execute(select(User.failed_logins).where(User.id == user.id)).scalar_one()
        record_event(
            conn,
            actor=None,
            action="user.login_failed",
            object_type="user",
            object_id=user.username,
            after={"failed_logins": failed},
            ip=ip,
        )
        if failed >= MAX_FAILED_LOGINS:
            until = utcnow() + LOCKOUT
            conn.execute(
                update(User).where(User.id == user.id).values(locked_until=until, failed_logins=0)
            )
            record_event(
                conn,
                actor=None,
                action="user.lock",
                object_type="user",
                object_id=user.username,
                after={"locked_until": until.isoformat()},
                reason=f"连续 {MAX_FAILED_LOGINS} 次密码错误",
                ip=ip,
            )


def list_users(engine: Engine, within: frozenset[str] | None = None) -> pl.DataFrame:
    """Every user with unit, kind, roles (角色@地区代码, comma separated) and lock state;
    with `within`, only users all of whose roles lie in those regions."""
    u = User.__table__.c
    un = Unit.__table__.c
    g = RoleGrant.__table__.c
    with engine.connect() as conn:
        users = conn.execute(
            select(u.id, u.username, u.display_name, un.name, un.kind, u.active, u.locked_until)
            .join(Unit.__table__, un.id == u.unit_id)
            .order_by(u.id)
        ).all()
        grants: dict[int, list[str]] = {}
        for r in conn.execute(select(g.user_id, g.role, g.region_code).order_by(g.id)):
            grants.setdefault(r[0], []).append(f"{r[1]}@{r[2]}")
    rows = [
        (r[1], r[2], r[3], r[4], ",".join(grants.get(r[0], [])), r[5], r[6])
        for r in users
        if within is None or all(g.split("@", 1)[1] in within for g in grants.get(r[0], []))
    ]
    return pl.DataFrame(rows, schema=USER_SCHEMA, orient="row")


def load_user_id(engine: Engine, username: str) -> int:
    """The id of a user name; InputError when there is none."""
    with engine.connect() as conn:
        return int(_user(conn, username).id)


UNIT_SCHEMA = {"id": pl.Int64, "name": pl.String, "kind": pl.String, "region_code": pl.String}


def list_units(engine: Engine, kind: str | None = None) -> pl.DataFrame:
    """Every unit (id, name, kind, region_code), optionally of one kind, by id."""
    c = Unit.__table__.c
    stmt = select(c.id, c.name, c.kind, c.region_code).order_by(c.id)
    if kind is not None:
        stmt = stmt.where(c.kind == kind)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(stmt)]
    return pl.DataFrame(rows, schema=UNIT_SCHEMA, orient="row")


def require_manageable(engine: Engine, regions: Any, admin: Principal, username: str) -> int:
    """The user id of `username` if every role it holds lies in `admin`'s admin scope."""
    with engine.connect() as conn:
        target = load_principal(conn, int(_user(conn, username).id))
    for _role, code in target.grants:
        admin.require_region(regions, code, "admin")
    return target.user_id
