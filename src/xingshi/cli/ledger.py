"""CLI commands for 督查台账: ``ledger import``, ``ledger export`` and ``ledger notice``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from xingshi.cli._common import WorkspaceOpt, XingshiGroup, console, resolve_workspace

ledger_app = typer.Typer(
    cls=XingshiGroup,
    help="督查台账：导入 Excel 台账（重点项目、月度调度、督办事项、问题清单），导出台账和督查通报",
    no_args_is_help=True,
)


def _open(workspace: Path | None) -> Any:
    from xingshi.workspace import open_workspace

    return open_workspace(resolve_workspace(workspace))


def ledger_import_cmd(
    file: Annotated[Path, typer.Argument(help="台账 Excel 文件（.xlsx）", show_default=False)],
    workspace: WorkspaceOpt = None,
) -> None:
    """导入督查台账：先逐项检查，有任何错误则一条也不导入，并指出文件、工作表、行、列和值。"""
    from xingshi.supervise.ledger import import_ledger

    ws = _open(workspace)
    try:
        r = import_ledger(ws.store, ws.regions, file)
    finally:
        ws.close()
    console.print(
        f"已导入台账 {r.file}：重点项目 {r.projects} 个，月度调度 {r.reports} 条，"
        f"督办事项 {r.tasks} 项，问题 {r.problems} 个（已完成 {r.problems_closed} 个）；"
        f"发现问题 {len(r.findings)} 条。",
        highlight=False,
    )


def ledger_export_cmd(
    out: Annotated[Path, typer.Argument(help="输出的 Excel 文件", show_default=False)],
    workspace: WorkspaceOpt = None,
) -> None:
    """导出督查台账（与导入格式相同，另加灯色和原因）。"""
    from xingshi.supervise.ledger_export import export_ledger

    ws = _open(workspace)
    try:
        path = export_ledger(ws.store, ws.regions, out)
    finally:
        ws.close()
    console.print(f"已导出台账：{path}", highlight=False)


def ledger_notice_cmd(
    out: Annotated[Path, typer.Argument(help="输出的 Word 文件（.docx）", show_default=False)],
    region: Annotated[str, typer.Option("--region", help="地区，如 湘西州", show_default=False)],
    period: Annotated[
        str, typer.Option("--period", help="时期，如 2021年1-6月", show_default=False)
    ],
    issue: Annotated[int, typer.Option("--issue", help="通报期数")] = 1,
    workspace: WorkspaceOpt = None,
) -> None:
    """生成督查通报（Word）：总体情况、红黄灯项目、超期临期事项、单位考核排名。"""
    from xingshi.catalog.periods import parse_period
    from xingshi.supervise.notice import write_notice

    p = parse_period(period)
    ws = _open(workspace)
    try:
        path = write_notice(
            ws.store,
            ws.regions,
            out,
            region=region,
            year=p.year,
            month=p.last_month,
            issue=issue,
            rules=ws.settings.supervise,
        )
    finally:
        ws.close()
    console.print(f"已生成督查通报：{path}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    ledger_app.command("import")(ledger_import_cmd)
    ledger_app.command("export")(ledger_export_cmd)
    ledger_app.command("notice")(ledger_notice_cmd)
    app.add_typer(ledger_app, name="ledger")
