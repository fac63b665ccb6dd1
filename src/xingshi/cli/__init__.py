"""The `xingshi` command: thin adapters over library functions, one module per command group."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

from xingshi.cli._common import CONTEXT, XingshiCommand, XingshiGroup

app = typer.Typer(
    cls=XingshiGroup,
    help="形势：区域经济形势分析（数据入库、审核、分析、简报、讲话稿数字核对）",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings=CONTEXT,
)


def _version(value: bool) -> None:
    if value:
        from xingshi import __version__

        typer.echo(f"xingshi {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace",
            "-w",
            help="工作区目录，对其后的命令都有效（默认取 XINGSHI_HOME，否则 ./xingshi-data）",
            show_default=False,
            metavar="目录",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", help="显示版本号并退出", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """形势：区域经济形势分析。"""
    ctx.obj = {"workspace": workspace}


@app.command("version")
def version() -> None:
    """显示版本号。"""
    from xingshi import __version__

    typer.echo(f"xingshi {__version__}")


def _register() -> None:
    # Each module adds its own commands; imported here so `xingshi --help` lists them all.
    from xingshi.cli import analyze, brief, data, extract, ledger, rounds, serve, users, workspace

    for module in (workspace, data, analyze, brief, extract, users, ledger, serve, rounds):
        module.register(app)
    for command in app.registered_commands:  # every command's help in Chinese
        if command.cls in (None, TyperCommand):
            command.cls = XingshiCommand


_register()


def main() -> None:
    app()
