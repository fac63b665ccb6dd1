"""What every command shares: the console, the workspace option and error translation."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from xingshi.errors import XingshiError

console = Console()
err_console = Console(stderr=True)

DEFAULT_WORKSPACE = "xingshi-data"


def default_workspace() -> Path:
    return Path(os.environ.get("XINGSHI_HOME") or DEFAULT_WORKSPACE)


WorkspaceOpt = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        help="工作区目录（默认取环境变量 XINGSHI_HOME，否则 ./xingshi-data）",
        show_default=False,
    ),
]


def resolve_workspace(workspace: Path | None) -> Path:
    return workspace if workspace is not None else default_workspace()


class XingshiGroup(TyperGroup):
    """Turns library errors into a Chinese message and an exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except XingshiError as exc:
            # File names and cell values may hold "[...]": print them as text, not markup.
            err_console.print(f"[bold red]错误[/]：{escape(exc.describe())}", highlight=False)
            raise SystemExit(exc.exit_code) from None
