"""Errors at the web edge: one handler turns the one error tree into JSON (API) or a page.

API answers are `{"error": {"type", "message", "hint", "where", "findings"}}` with the HTTP
status of the error's class (`XingshiError.http_status`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from xingshi.errors import ImportRejected, NotAuthenticated, XingshiError

_HTTP_MESSAGES = {
    404: ("页面或资源不存在", "检查地址是否正确"),
    405: ("不支持此请求方法", "请从页面上的按钮或表单操作"),
    413: ("上传的文件太大", "请拆分文件后再上传"),
}


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _where(exc: XingshiError) -> dict[str, Any] | None:
    w = exc.where
    if w is None:
        return None
    return {
        "file": w.file,
        "sheet": w.sheet,
        "row": w.row,
        "column": w.column,
        "value": None if w.value is None else str(w.value),
        "text": w.describe(),
    }


def finding_dict(f: Any) -> dict[str, Any]:
    w = f.where
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "hint": f.hint,
        "where": {
            "file": w.file,
            "sheet": w.sheet,
            "row": w.row,
            "column": w.column,
            "value": None if w.value is None else str(w.value),
            "text": w.describe(),
        },
    }


def _public_name(exc: BaseException) -> str:
    """The error's class name in the one error tree (private subclasses answer as their base)."""
    return next(c.__name__ for c in type(exc).__mro__ if not c.__name__.startswith("_"))


def error_body(exc: XingshiError) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": _public_name(exc),
        "message": exc.message,
        "hint": exc.hint,
        "where": _where(exc),
    }
    if isinstance(exc, ImportRejected):
        body["findings"] = [finding_dict(f) for f in exc.findings]
    if getattr(exc, "candidates", None):
        body["candidates"] = list(exc.candidates)
    return {"error": body}


def _page(request: Request, status: int, message: str, hint: str | None, **extra: Any) -> Response:
    ctx = request.app.state.ctx
    return ctx.templates.TemplateResponse(
        request,
        "error.html.j2",
        {
            "status": status,
            "message": message,
            "hint": hint,
            "user": getattr(request.state, "principal", None),
            **extra,
        },
        status_code=status,
    )


async def xingshi_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, XingshiError)
    if is_api(request):
        return JSONResponse(error_body(exc), status_code=exc.http_status)
    if isinstance(exc, NotAuthenticated):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.headers.get("hx-request"):
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    findings = exc.findings if isinstance(exc, ImportRejected) else []
    where = exc.where.describe() if exc.where is not None else ""
    return _page(request, exc.http_status, exc.message, exc.hint, where=where, findings=findings)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message, hint = _HTTP_MESSAGES.get(exc.status_code, (str(exc.detail), None))
    if is_api(request):
        body = {"error": {"type": "HTTPError", "message": message, "hint": hint, "where": None}}
        return JSONResponse(body, status_code=exc.status_code)
    return _page(request, exc.status_code, message, hint)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    fields = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path", "form")]
        fields.append(".".join(loc))
    message = "请求参数不完整或格式不正确：" + "、".join(f for f in fields if f)
    hint = "检查必填参数（如 region、period）和取值格式"
    if is_api(request):
        body = {"error": {"type": "ValidationError", "message": message, "hint": hint}}
        return JSONResponse(body, status_code=422)
    return _page(request, 422, message, hint)


def install(app: FastAPI) -> None:
    app.add_exception_handler(XingshiError, xingshi_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
