"""The `xingshi` command: thin adapters over library functions, one module per command group."""

from __future__ import annotations

import typer

from xingshi.cli._common import XingshiGroup

app = typer.Typer(
    cls=XingshiGroup,
    help="形势：区域经济形势分析（数据入库、审核、分析、简报、讲话稿数字核对）",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """形势：区域经济形势分析。"""


@app.command("version")
def version() -> None:
    """显示版本号。"""
    from xingshi import __version__

    typer.echo(f"xingshi {__version__}")


def _register() -> None:
    # Each module adds its own commands; imported here so `xingshi --help` lists them all.
    from xingshi.cli import analyze, brief, data, extract, ledger, serve, users, workspace

    for module in (workspace, data, analyze, brief, extract, users, ledger, serve):
        module.register(app)


_register()


def main() -> None:
    app()
