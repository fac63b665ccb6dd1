"""CLI command ``serve``: the web platform over a workspace (uvicorn)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from xingshi.cli._common import WorkspaceOpt, console, resolve_workspace


def serve_cmd(
    workspace: WorkspaceOpt = None,
    host: Annotated[
        str, typer.Option("--host", help="监听地址（仅本机：127.0.0.1）")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口")] = 8000,
    workers: Annotated[int, typer.Option("--workers", help="工作进程数", min=1)] = 1,
    demo: Annotated[
        bool,
        typer.Option("--demo", help="先把示例数据载入一个新的演示工作区，并建演示账号（打印密码）"),
    ] = False,
    secure: Annotated[
        bool, typer.Option("--https", help="经 HTTPS 反向代理提供服务时加上：Cookie 只走 HTTPS")
    ] = False,
) -> None:
    """启动网页平台：形势看板、导入、版本、简报、核对、预警和 REST API（/docs）。"""
    import uvicorn

    from xingshi.web.app import ENV_WORKSPACE

    path = resolve_workspace(workspace)
    if demo:
        from xingshi.web.demo import prepare_demo

        with console.status("载入示例数据、建演示账号…"):
            accounts = prepare_demo(path)
        console.print(f"演示工作区：{Path(path).resolve()}", highlight=False)
        for username, password, note in accounts:
            console.print(f"  用户名 {username:<8} 密码 {password}  {note}", highlight=False)
    from xingshi.workspace import open_workspace

    open_workspace(path).close()  # a missing workspace fails here, in Chinese
    console.print(
        f"打开 http://{host}:{port}/ 登录；API 文档 http://{host}:{port}/docs", highlight=False
    )
    os.environ[ENV_WORKSPACE] = str(Path(path).resolve())
    if secure:
        os.environ["XINGSHI_WEB_SECURE"] = "1"
    uvicorn.run(
        "xingshi.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=secure,
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("serve")(serve_cmd)
