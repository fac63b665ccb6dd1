"""The one access dependency: every route declares its rule, and the rule is checked here.

    @router.get("/dashboard")
    def dashboard(user: Viewer, ctx: Ctx, ...): ...

`Viewer`, `Importer`, `Admin`, ... are `Annotated[Principal, Depends(AccessRule(...))]`; a public
route takes `Anonymous`. `rule_of(route)` finds a route's rule, so the access test can walk every
route of the app and a route without a rule fails it.

An unsafe request (POST, PUT, PATCH, DELETE) from a browser session must carry the session's
CSRF token (form field `csrf_token` or header `X-CSRF-Token`) and, when the browser sends one,
an Origin of this site. API tokens (Authorization: Bearer) are not sent by browsers on their
own, so requests with them need no CSRF token.
"""

from __future__ import annotations

import hmac
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from xingshi.access import Principal, resolve_session, resolve_token
from xingshi.errors import NotAuthenticated, PermissionDenied
from xingshi.web.context import WebContext

SESSION_COOKIE = "xingshi_session"
LOGIN_CSRF_COOKIE = "xingshi_login_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def get_ctx(request: Request) -> WebContext:
    return request.app.state.ctx


Ctx = Annotated[WebContext, Depends(get_ctx)]


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def _authenticate(ctx: WebContext, request: Request) -> Principal | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return resolve_token(ctx.engine, auth[7:].strip())
    return resolve_session(ctx.engine, request.cookies.get(SESSION_COOKIE))


def _origin_ok(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin is None  # non-browser clients send none; "null" is an opaque origin
    host = request.headers.get("host", "")
    return urlsplit(origin).netloc == host


def _is_form(request: Request) -> bool:
    ctype = request.headers.get("content-type", "")
    return ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


async def _sent_csrf(request: Request) -> str:
    token = request.headers.get(CSRF_HEADER, "")
    if token:
        return token
    if _is_form(request):
        form = await request.form()  # cached by Starlette: the route reads the same form
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else ""
    return ""


async def check_csrf(request: Request, expected: str | None) -> None:
    """Refuse an unsafe request whose token or Origin does not match."""
    if not _origin_ok(request):
        raise PermissionDenied("请求来源与本站不符，已拒绝", hint="请从本站页面提交")
    sent = await _sent_csrf(request)
    if not expected or not sent or not hmac.compare_digest(sent, expected):
        raise PermissionDenied(
            "表单已过期或缺少校验码（CSRF），已拒绝", hint="请刷新页面后重新提交"
        )


class AccessRule:
    """Who may call a route: a permission (None: any logged-in user) and a region parameter.

    `region_param` names the query or path parameter holding a region (name, short name or
    code); when given, that region must lie in the user's scope for the permission.
    """

    def __init__(
        self, permission: str | None, *, region_param: str | None = None, public: bool = False
    ):
        self.permission = permission
        self.region_param = region_param
        self.public = public

    def __repr__(self) -> str:
        return f"AccessRule({self.permission!r}, public={self.public})"

    async def __call__(self, request: Request) -> Principal | None:
        ctx = get_ctx(request)
        principal = await run_in_threadpool(_authenticate, ctx, request)
        request.state.principal = principal
        if self.public:
            if request.method in UNSAFE:
                expected = (
                    principal.csrf_token
                    if principal is not None and principal.via == "session"
                    else request.cookies.get(LOGIN_CSRF_COOKIE)
                )
                await check_csrf(request, expected)
            return principal
        if principal is None:
            raise NotAuthenticated(
                "请先登录", hint="登录后再访问；API 请用 Authorization: Bearer 令牌"
            )
        if request.method in UNSAFE and principal.via == "session":
            await check_csrf(request, principal.csrf_token)
        if self.permission is not None:
            principal.require(self.permission)
        if self.region_param:
            raw = request.query_params.get(self.region_param) or request.path_params.get(
                self.region_param
            )
            if not raw and request.method in UNSAFE and _is_form(request):
                value = (await request.form()).get(self.region_param)
                raw = value if isinstance(value, str) else None
            if raw:
                code = ctx.regions.resolve(raw).code
                principal.require_region(ctx.regions, code, self.permission or "view")
        return principal


def rule_of(route: Any) -> AccessRule | None:
    """The AccessRule among a route's dependencies (searched through sub-dependencies)."""
    dependant = getattr(route, "dependant", None)
    todo = [dependant] if dependant is not None else []
    while todo:
        d = todo.pop()
        if isinstance(d.call, AccessRule):
            return d.call
        todo.extend(d.dependencies)
    return None


Anonymous = Annotated[Principal | None, Depends(AccessRule(None, public=True))]
User = Annotated[Principal, Depends(AccessRule(None))]
Viewer = Annotated[Principal, Depends(AccessRule("view", region_param="region"))]
Importer = Annotated[Principal, Depends(AccessRule("import"))]
# for the reporting rounds and supervision routes: the region parameter is checked for the role
Reporter = Annotated[Principal, Depends(AccessRule("report", region_param="region"))]
Reviewer = Annotated[Principal, Depends(AccessRule("review", region_param="region"))]
Publisher = Annotated[Principal, Depends(AccessRule("publish", region_param="region"))]
Supervisor = Annotated[Principal, Depends(AccessRule("supervise", region_param="region"))]
Auditor = Annotated[Principal, Depends(AccessRule("audit"))]
Admin = Annotated[Principal, Depends(AccessRule("admin"))]


def app_routes(app: Any) -> list[Any]:
    """Every route of the app with its full path (included routers flattened)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # FastAPI before included-router contexts: routes are already flat
        return list(app.routes)
    return list(iter_route_contexts(app.routes))
