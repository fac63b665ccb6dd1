"""``xingshi analyze``: read the store, call ``xingshi.analysis.analyze``, print or write."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from xingshi.cli._common import (
    AsOfOpt,
    WorkspaceOpt,
    console,
    err_console,
    open_ws,
    resolve_region,
)
from xingshi.errors import InputError, Location
from xingshi.findings import rule_label
from xingshi.jobs import period_for, run_analysis

FORMATS = ("table", "json", "csv", "xlsx")
COLOUR_MARK = {"green": "[green]绿灯[/]", "yellow": "[yellow]黄灯[/]", "red": "[red]红灯[/]"}


def _f(x: Any, digits: int = 1, sign: bool = False) -> str:
    if x is None:
        return "—"
    if isinstance(x, float):
        return f"{x:+.{digits}f}" if sign else f"{x:,.{digits}f}"
    return str(x)


def _level(value: float | None, unit: str | None) -> str:
    if value is None:
        return "—"
    digits = 0 if float(value).is_integer() else 2
    return f"{value:,.{digits}f}{unit or ''}"


def _rank(row: dict[str, Any]) -> str:
    if row["rank"] is None:
        return "—"
    return f"{row['rank']}/{row['rank_of']}"


def _self_table(analysis: Any) -> Table:
    me = analysis.rows("self")
    scope = me["rank_scope"].drop_nulls()
    scope_name = scope[0] if scope.len() else "同级"
    region = me["region"][0] if me.height else analysis.region_code
    basis = "增速" if analysis.settings.rank_basis == "growth" else "总量"
    tp = me["time_progress_pct"].drop_nulls()
    progress = f"，时间进度{tp[0]:.1f}%" if tp.len() else ""
    t = Table(
        title=f"{region} {analysis.period_label} 主要指标（在{scope_name}按{basis}排名{progress}）"
    )
    for col, just in (
        ("指标", "left"),
        ("本期值", "right"),
        ("增速%", "right"),
        ("排名", "right"),
        ("位次变化", "right"),
        ("比上级（百分点）", "right"),
        ("目标", "right"),
        ("完成率%", "right"),
        ("后几月需增长%", "right"),
        ("预警", "center"),
    ):
        t.add_column(col, justify=just, no_wrap=col == "指标")
    for r in me.iter_rows(named=True):
        growth = _f(r["growth_pct"]) + ("*" if r["growth_computed"] else "")
        target = r["target"]
        target_text = (
            "—"
            if target is None
            else f"{target:g}%"
            if r["target_kind"] == "growth"
            else f"{target:g}{r['unit'] or ''}"
        )
        t.add_row(
            r["indicator_name"],
            _level(r["value"], r["unit"]),
            growth,
            _rank(r),
            _f(r["rank_change"]),
            _f(r["gap_to_parent_pp"], 1, sign=True),
            target_text,
            _f(r["completion_pct"]),
            _f(r["required_growth_pct"]),
            COLOUR_MARK.get(r["warning"] or "", "—"),
        )
    return t


def _children_table(analysis: Any) -> Table | None:
    kids = analysis.rows("child")
    if kids.height == 0:
        return None
    me = analysis.rows("self")
    region = me["region"][0] if me.height else analysis.region_code
    names = kids.select("region_code", "region").unique(maintain_order=True).sort("region_code")
    t = Table(title=f"{region}下辖地区：增速%（排名），红色为低于{region}")
    t.add_column("指标", justify="left", no_wrap=True)
    t.add_column(region, justify="right")
    for name in names["region"]:
        t.add_column(name, justify="right")
    cells = {(r["region_code"], r["indicator"]): r for r in kids.iter_rows(named=True)}
    mine = {r["indicator"]: r for r in me.iter_rows(named=True)}
    inds = kids.select("indicator", "indicator_name").unique(maintain_order=True)
    for ind, iname in inds.iter_rows():
        own = mine.get(ind)
        row = [iname, _f(own["growth_pct"]) if own else "—"]
        for code in names["region_code"]:
            c = cells.get((code, ind))
            if c is None or c["growth_pct"] is None:
                row.append("—")
                continue
            text = f"{_f(c['growth_pct'])}（{c['rank'] or '—'}）"
            row.append(f"[red]{text}[/]" if c["behind_parent"] else text)
        t.add_row(*row)
    return t


def print_analysis(analysis: Any) -> None:
    # wide tables: when writing to a file or pipe, do not squeeze them into 80 columns
    out = console if console.is_terminal else Console(width=200)
    out.print(_self_table(analysis))
    out.print(
        "* 增速由总量推算（无公布增速）；排名为“第几/共几”，比率类指标按数值排名", highlight=False
    )
    kids = _children_table(analysis)
    if kids is not None:
        out.print(kids)
    if not analysis.findings:
        out.print("没有预警。")
        return
    out.print("预警与审核", style="bold")
    for f in analysis.findings:
        mark = {"warning": "!", "error": "×"}.get(f.severity, "·")
        out.print(f"{mark} {rule_label(f.rule)}：{f.message}", highlight=False, markup=False)


def analyze_cmd(
    period: Annotated[
        str,
        typer.Option(
            "--period",
            "-p",
            help="时期，如 2021年1-6月、2021年上半年、2021；不写年份取库中最近一年",
        ),
    ],
    region: Annotated[
        str | None,
        typer.Option("--region", "-r", help="分析对象，如 湘西州、433100（默认取工作区设置）"),
    ] = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="输出格式：table、json、csv、xlsx")
    ] = "table",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="输出文件（xlsx 必须指定）")
    ] = None,
    peers: Annotated[
        str | None, typer.Option("--peers", help="在自定义分组内排名，如 武陵山片区")
    ] = None,
    rank_by: Annotated[
        str | None, typer.Option("--rank-by", help="排名依据：增速（growth，默认）或 总量（level）")
    ] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """分析一个地区一个时期：增速、排名、与上级差距、目标进度、红黄绿灯和预警名单。"""
    from xingshi.analysis.export import to_csv, to_json, write_xlsx

    if fmt not in FORMATS:
        raise InputError(
            f"不支持的输出格式“{fmt}”",
            where=Location(value=fmt),
            hint="可选 table、json、csv、xlsx",
        )
    rank_by = {"增速": "growth", "总量": "level"}.get(rank_by or "", rank_by)
    if rank_by is not None and rank_by not in ("growth", "level"):
        raise InputError(
            f"排名依据“{rank_by}”无法识别",
            where=Location(value=rank_by),
            hint="可选 增速（growth）、总量（level）",
        )
    if fmt == "xlsx" and out is None:
        raise InputError("xlsx 格式需要指定输出文件", hint="加上 --out 分析.xlsx")
    # on stderr for files and pipes, so that JSON and CSV on stdout stay clean
    note = err_console if fmt != "table" else console
    ws = open_ws(workspace)
    try:
        region = region or ws.settings.workspace.region
        if not region:
            raise InputError(
                "没有指定分析对象", hint="加上 --region 湘西州，或在工作区设置中填写 region"
            )
        reg = resolve_region(ws, region, note)
        p, said = period_for(ws, reg.code, period, as_of=as_of)
        if said:
            note.print(said, highlight=False)
        analysis = run_analysis(ws, reg.code, p, as_of=as_of, peers=peers, rank_by=rank_by)
    finally:
        ws.close()
    if fmt == "table":
        print_analysis(analysis)
        return
    if fmt == "xlsx":
        write_xlsx(analysis, out)
        console.print(f"已写入 {out}", highlight=False)
        return
    text = to_json(analysis) if fmt == "json" else to_csv(analysis)
    if out is None:
        sys.stdout.write(text + ("\n" if not text.endswith("\n") else ""))
    else:
        out.write_text(text, encoding="utf-8")
        console.print(f"已写入 {out}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("analyze")(analyze_cmd)
