"""CLI commands: ``extract`` (figures out of a speech) and ``check`` (a draft against the store)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from xingshi.cli._common import (
    AsOfOpt,
    WorkspaceOpt,
    console,
    err_console,
    open_ws,
    read_period,
    resolve_region,
)
from xingshi.errors import InputError, Location

FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="输出格式：jsonl（默认）、csv 或 xlsx")
]
RegionOpt = Annotated[
    str | None,
    typer.Option("--region", "-r", help="“全州/我州/全市”所指的地区（默认从正文识别）"),
]
YearOpt = Annotated[
    int | None,
    typer.Option("--year", "-y", help="“1-6月/上半年/今年以来”所属年份（默认取文中日期）"),
]


def extract_cmd(
    file: Annotated[Path, typer.Argument(help="讲话稿、通稿或网页：.txt、.docx、.html")],
    fmt: FormatOpt = "jsonl",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="输出文件（默认打印到屏幕）")
    ] = None,
    region: RegionOpt = None,
    year: YearOpt = None,
) -> None:
    """从讲话稿、通稿或网页中提取每一个数字（指标、口径、数值、单位、地区、时期）。"""
    from xingshi.extract import extract_file
    from xingshi.extract.writers import write_facts

    facts = extract_file(file, region=region, year=year)
    write_facts(facts, fmt, out, sys.stdout)
    if out is not None:
        console.print(f"已提取 {len(facts)} 个数字，写入 {out}", highlight=False)


def check_cmd(
    draft: Annotated[Path, typer.Argument(help="待核对的讲话稿：.txt、.docx、.html")],
    region: Annotated[str, typer.Option("--region", "-r", help="讲话稿所讲的地区，如 湘西州")],
    period: Annotated[
        str,
        typer.Option(
            "--period", "-p", help="讲话稿所讲的时期，如 2021年1-6月；不写年份取库中最近一年"
        ),
    ],
    as_of: AsOfOpt = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="输出：table（摘要，默认）、json 或 csv（每个数字一条记录）"
        ),
    ] = "table",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="核对结果目录（默认与讲话稿同目录）")
    ] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """逐个核对讲话稿中的数字：与库中数据一致、矛盾或无数据；有矛盾时退出码为 1。"""
    from xingshi.extract.check import check_draft
    from xingshi.extract.check_report import print_summary, records_text
    from xingshi.jobs import parse_as_of

    if fmt not in ("table", "json", "csv"):
        raise InputError(
            f"不支持的输出格式“{fmt}”", where=Location(value=fmt), hint="可选 table、json、csv"
        )
    # with json/csv on stdout, the summary and notes go to stderr so the records stay clean
    note = console if fmt == "table" else err_console
    ws = open_ws(workspace)
    try:
        reg = resolve_region(ws, region, note)
        p = read_period(ws, reg.code, period, as_of, note)
        result = check_draft(
            draft, region=reg.code, period=p, workspace=ws, out_dir=out, as_of=parse_as_of(as_of)
        )
    finally:
        ws.close()
    print_summary(result, note)
    if fmt != "table":
        sys.stdout.write(records_text(result, fmt))
    if result.contradictions:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("extract")(extract_cmd)
    app.command("check")(check_cmd)
