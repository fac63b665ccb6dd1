"""REST API under /api/v1, its OpenAPI document and the docs page (served from vendored files)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from xingshi.web.access import User
from xingshi.web.api import collect, data, supervise

router = APIRouter()
router.include_router(data.router)
router.include_router(collect.router)
router.include_router(supervise.router)

_DOCS = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>形势 API 文档</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>"""


@router.get("/openapi.json", include_in_schema=False)
def openapi(request: Request, _user: User) -> Response:
    return JSONResponse(request.app.openapi())


@router.get("/docs", include_in_schema=False)
def docs(_user: User) -> Response:
    return HTMLResponse(_DOCS)
