"""CLI commands for the workspace: ``init`` and ``releases`` (the import history)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from xingshi.cli._common import WorkspaceOpt, console, resolve_workspace

_FILE_NOTES = {
    "xingshi.toml": "设置（含中文注释）",
    "regions.csv": "自定义地区（如高新区、园区）",
    "groups.csv": "自定义分组（如武陵山片区）",
    "indicators.toml": "自定义指标",
    "xingshi.db": "SQLite 数据库（已建表）",
}


def init_cmd(
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="工作区目录（默认取 --workspace、环境变量 XINGSHI_HOME，否则 ./xingshi-data）",
            show_default=False,
        ),
    ] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """新建工作区：设置文件、自定义地区/分组/指标文件和数据库；已有的文件保持不动。"""
    from xingshi.workspace import init_workspace

    path = directory if directory is not None else resolve_workspace(workspace)
    ws = init_workspace(path)
    try:
        console.print(f"工作区：{ws.path.resolve()}", highlight=False)
        for name in ws.created:
            console.print(f"  新建 {name}  {_FILE_NOTES.get(name, '')}", highlight=False)
        if not ws.created:
            console.print("  工作区已存在，没有新建文件。", highlight=False)
        for notice in ws.store.notices:
            console.print(f"  注意：{notice}", highlight=False)
        if not ws.uses_own_database:
            url = _safe_url(ws.database_url)
            console.print(
                f"数据库：{url}（来自 XINGSHI_DATABASE_URL，已升级到最新结构）", highlight=False
            )
        console.print("下一步：xingshi import 文件.xlsx 导入数据。", highlight=False)
    finally:
        ws.close()


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def releases_cmd(workspace: WorkspaceOpt = None) -> None:
    """列出导入历史：每次导入是一个版本（release），含新增、更新、未变条数。"""
    from xingshi.workspace import open_workspace

    ws = open_workspace(resolve_workspace(workspace))
    try:
        frame = ws.store.releases()
    finally:
        ws.close()
    if frame.height == 0:
        console.print("还没有导入任何数据。用 xingshi import 文件.xlsx 导入。", highlight=False)
        return
    table = Table(title="导入版本")
    for col, justify in (
        ("版本", "right"),
        ("导入时间", "left"),
        ("来源文件", "left"),
        ("说明", "left"),
        ("新增", "right"),
        ("更新", "right"),
        ("未变", "right"),
        ("警告", "right"),
    ):
        table.add_column(col, justify=justify)
    for r in frame.iter_rows(named=True):
        table.add_row(
            str(r["release_id"]),
            r["created_at"].astimezone().strftime("%Y-%m-%d %H:%M:%S"),  # local time
            Path(r["source_file"]).name,
            r["description"] or "",
            str(r["inserted"]),
            str(r["updated"]),
            str(r["unchanged"]),
            str(r["findings"]),
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("init")(init_cmd)
    app.command("releases")(releases_cmd)
