"""The app factory: `create_app(workspace)` opens the workspace and mounts every routes module.

Nothing is built at import time; `xingshi serve` and the tests call the factory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from xingshi.web import errors, filters
from xingshi.web.context import MAX_UPLOAD_BYTES, WebContext
from xingshi.web.middleware import WebGuard

HERE = Path(__file__).parent
ENV_WORKSPACE = "XINGSHI_WEB_WORKSPACE"


def create_app(
    workspace: str | Path | Any,
    *,
    secure_cookies: bool = False,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
) -> FastAPI:
    """The web application over one workspace (a directory or an opened Workspace)."""
    from xingshi.web import api, routes

    if isinstance(workspace, (str, Path)):
        from xingshi.workspace import open_workspace

        ws = open_workspace(workspace)
    else:
        ws = workspace
    ws.store  # noqa: B018 - migrate now, so a bad database fails at start, not on a request
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True  # the templates end in .j2, which select_autoescape skips
    filters.install(templates.env)
    work_dir = Path(ws.path) / "web"
    work_dir.mkdir(parents=True, exist_ok=True)
    app = FastAPI(
        title="形势 xingshi API",
        description="区域经济形势分析：地区、指标、数据、分析、版本和审核记录。"
        "认证：Authorization: Bearer 令牌（xingshi token create 用户名），或浏览器登录会话。",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.ctx = WebContext(
        ws=ws,
        templates=templates,
        secure_cookies=secure_cookies,
        max_upload_bytes=max_upload_bytes,
        work_dir=work_dir,
    )
    errors.install(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for router in routes.ROUTERS:
        app.include_router(router)
    app.include_router(api.router)
    app.add_middleware(WebGuard, max_body=max_upload_bytes + 64 * 1024, secure=secure_cookies)
    return app


def app_from_env() -> FastAPI:
    """For `uvicorn --factory` with several workers: the workspace comes from the environment."""
    import os

    return create_app(
        os.environ[ENV_WORKSPACE], secure_cookies=os.environ.get("XINGSHI_WEB_SECURE") == "1"
    )
