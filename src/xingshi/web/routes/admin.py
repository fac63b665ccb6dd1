"""管理: users (list, add, reset a password) and the audit log, for 管理员."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from xingshi.access import ROLES, AuditFilter, add_user, list_events, list_users, set_password
from xingshi.access.sessions import revoke_all
from xingshi.access.users import require_manageable
from xingshi.errors import InputError, Location
from xingshi.web import pages
from xingshi.web.access import Admin, Auditor, Ctx, client_ip

router = APIRouter(prefix="/admin", tags=["管理"])


@router.get("/users", summary="用户列表")
def users(request: Request, ctx: Ctx, user: Admin) -> Response:
    return pages.render(
        request,
        "admin_users.html.j2",
        user=user,
        users=list_users(ctx.engine, within=user.visible(ctx.regions, "admin")).to_dicts(),
        roles=ROLES,
    )


@router.post("/users", summary="新建用户")
def create_user(
    request: Request,
    ctx: Ctx,
    user: Admin,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    unit: Annotated[str, Form()],
    role: Annotated[str, Form()],
    region: Annotated[str, Form()] = "",
    display_name: Annotated[str, Form()] = "",
) -> Response:
    code = ctx.regions.resolve(region).code if region.strip() else None
    add_user(
        ctx.engine,
        ctx.regions,
        username=username,
        password=password,
        unit=unit,
        role=role,
        region=code,
        display_name=display_name or None,
        actor=user,
        ip=client_ip(request),
    )
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/users/{username}/password", summary="重设密码")
def reset_password(
    request: Request,
    ctx: Ctx,
    user: Admin,
    username: str,
    password: Annotated[str, Form()],
) -> Response:
    user_id = require_manageable(ctx.engine, ctx.regions, user, username)
    set_password(ctx.engine, username, password, actor=user, ip=client_ip(request))
    revoke_all(ctx.engine, user_id, actor=user, ip=client_ip(request))
    return RedirectResponse("/admin/users", status_code=303)


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).astimezone()
    except ValueError:
        raise InputError(
            f"无法识别的日期“{text}”", where=Location(value=text), hint="写成 2021-07-15"
        ) from None


@router.get("/audit", summary="审计日志")
def audit(
    request: Request,
    ctx: Ctx,
    user: Auditor,
    actor: str | None = None,
    action: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Response:
    filt = AuditFilter(
        actor=actor or None, action=action or None, since=_when(since), until=_when(until)
    )
    return pages.render(
        request,
        "admin_audit.html.j2",
        user=user,
        events=list_events(ctx.engine, filt).to_dicts(),
        f=filt,
        since=since or "",
        until=until or "",
    )
