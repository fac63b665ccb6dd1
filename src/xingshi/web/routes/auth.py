"""Log in, log out and the user's own sessions."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from xingshi.access import authenticate, create_session, revoke_session
from xingshi.access.sessions import IDLE_TIMEOUT, MAX_AGE, list_sessions
from xingshi.errors import LoginFailed
from xingshi.web import pages
from xingshi.web.access import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    Anonymous,
    Ctx,
    User,
    client_ip,
)

router = APIRouter(tags=["登录"])


def _safe_next(target: str | None) -> str:
    # only paths on this site: never //host or a scheme
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


def _login_page(request: Request, ctx: Ctx, next_: str, error: LoginFailed | None) -> Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    resp = ctx.templates.TemplateResponse(
        request,
        "login.html.j2",
        {"csrf_token": token, "next": next_, "error": error, "user": None},
        status_code=401 if error else 200,
    )
    resp.set_cookie(
        LOGIN_CSRF_COOKIE, token, httponly=True, samesite="lax", secure=ctx.secure_cookies
    )
    return resp


@router.get("/login", summary="登录页")
def login_form(request: Request, ctx: Ctx, anon: Anonymous, next: str | None = None) -> Response:
    if anon is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _login_page(request, ctx, _safe_next(next), None)


@router.post("/login", summary="登录")
def login(
    request: Request,
    ctx: Ctx,
    _anon: Anonymous,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    ip = client_ip(request)
    try:
        principal = authenticate(ctx.engine, username, password, ip=ip)
    except LoginFailed as exc:
        return _login_page(request, ctx, _safe_next(next), exc)
    cookie, _ = create_session(
        ctx.engine, principal, ip=ip, user_agent=request.headers.get("user-agent")
    )
    resp = RedirectResponse(_safe_next(next), status_code=303)
    resp.set_cookie(
        SESSION_COOKIE,
        cookie,
        httponly=True,
        samesite="lax",
        secure=ctx.secure_cookies,
        max_age=int(MAX_AGE.total_seconds()),
    )
    resp.delete_cookie(LOGIN_CSRF_COOKIE)
    return resp


@router.post("/logout", summary="退出登录")
def logout(request: Request, ctx: Ctx, user: User) -> Response:
    revoke_session(ctx.engine, user, ip=client_ip(request))
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(SESSION_COOKIE)
    return resp


@router.get("/sessions", summary="我的登录会话")
def my_sessions(request: Request, ctx: Ctx, user: User) -> Response:
    frame = list_sessions(ctx.engine, user.user_id)
    return pages.render(
        request,
        "sessions.html.j2",
        user=user,
        sessions=frame.to_dicts(),
        current=(user.session_id or "")[:12],
        idle_minutes=int(IDLE_TIMEOUT.total_seconds() // 60),
    )
