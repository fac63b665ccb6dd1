"""CLI commands for figures: ``import`` (审核 and load), ``show`` (a first look), ``warnings``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer
from rich.markup import escape
from rich.table import Table

from xingshi.cli._common import (
    AsOfOpt,
    WorkspaceOpt,
    console,
    err_console,
    open_ws,
    resolve_region,
)
from xingshi.errors import ImportRejected, InputError, Location
from xingshi.findings import RULE_NAMES

# Findings carry [rule] tags (not Rich markup) and long places: print them whole.
_PLAIN: dict[str, Any] = {"highlight": False, "soft_wrap": True}


def finding_text(f: Any) -> str:
    """A finding with its rule's Chinese name before the [code] tag."""
    name = RULE_NAMES.get(f.rule)
    return f"{name} {f.describe()}" if name else f.describe()


def _rule_cell(rule: str) -> str:
    """The rule's Chinese name over its code, for a narrow table column."""
    name = RULE_NAMES.get(rule)
    return f"{name}\n{rule}" if name else rule


def _open(workspace: Path | None) -> Any:
    return open_ws(workspace)


def _fmt(value: Any, digits: int = 2, *, fixed: bool = False) -> str:
    """Levels with up to ``digits`` decimals; growth rates (``fixed``) always with them."""
    if value is None:
        return "—"
    if isinstance(value, float):
        if fixed:
            return f"{value:.{digits}f}"
        return f"{value:,.{digits}f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    return str(value)


def import_cmd(
    files: Annotated[
        list[Path], typer.Argument(help="要导入的 .xlsx/.xlsm/.csv 文件", show_default=False)
    ],
    period: Annotated[
        str | None, typer.Option("--period", "-p", help="时期（覆盖文件中的时期），如 2021年1-6月")
    ] = None,
    indicator: Annotated[
        str | None,
        typer.Option(
            "--indicator", "-i", help="指标（年份横排的国家数据文件用），如 社会消费品零售总额"
        ),
    ] = None,
    region_scope: Annotated[
        str | None,
        typer.Option("--region-scope", help="地区名称在此地区范围内解析，如 湘西州"),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="只审核、不写入数据库：列出全部错误和警告")
    ] = False,
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping", help="按映射文件读取无法识别格式的表（映射文件的写法见导入说明文档）"
        ),
    ] = None,
    save_mapping: Annotated[
        str | None,
        typer.Option(
            "--save-mapping",
            help="把 --mapping 存入工作区、以此命名（如报送单位的模板名），"
            "表头相同的文件以后自动按它读取",
        ),
    ] = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="只说明文件如何被读取（每张表的位置、格式、每列的作用、跳过的行），不写入",
        ),
    ] = False,
    workspace: WorkspaceOpt = None,
) -> None:
    """审核并导入数据文件：每个文件一个版本（release），有错误则整个文件不导入。"""
    from xingshi.ingest import Catalogs, import_file
    from xingshi.ingest.layouts.mapping import find_mapping, load_mapping
    from xingshi.ingest.layouts.mapping import save_mapping as keep_mapping

    if save_mapping and mapping is None:
        raise InputError(
            "--save-mapping 需要同时给出 --mapping 映射文件",
            hint="如 --mapping 社零月报.toml --save-mapping 社零月报",
        )
    mapped = load_mapping(mapping) if mapping is not None else None
    ws = _open(workspace)
    try:
        catalogs = Catalogs(ws.regions, ws.indicators)

        def mapping_for(path: Path) -> dict | None:
            found = find_mapping(ws.path, path) if mapped is None else None
            if found is not None:
                console.print(
                    f"按工作区保存的映射“{escape(found[0])}”读取 {escape(path.name)}", **_PLAIN
                )
            return mapped if mapped is not None else (found[1] if found else None)

        if explain:
            from xingshi.ingest.layouts.explain import explain_file

            for path in files:
                text = explain_file(
                    path,
                    catalogs,
                    period=period,
                    indicator=indicator,
                    region_scope=region_scope,
                    mapping=mapping_for(path),
                )
                console.print(escape(text), **_PLAIN)
            return
        if dry_run:
            options = {"period": period, "indicator": indicator, "region_scope": region_scope}
            _dry_run(ws, files, catalogs, options, mapping_for)
            return
        table = Table(title="导入结果", show_lines=False)
        for col in ("文件", "版本", "新增", "更新", "未变", "警告"):
            table.add_column(col, justify="left" if col == "文件" else "right")
        rejected: ImportRejected | None = None
        for path in files:
            try:
                result = import_file(
                    ws.store,
                    path,
                    catalogs,
                    settings=ws.settings,
                    period=period,
                    indicator=indicator,
                    region_scope=region_scope,
                    mapping=mapping_for(path),
                )
            except ImportRejected as exc:
                rejected = exc
                break
            if save_mapping and mapping is not None:
                saved = keep_mapping(ws.path, save_mapping, mapping, path)
                console.print(f"映射已保存：{escape(str(saved))}", **_PLAIN)
                save_mapping = None
            table.add_row(
                path.name,
                str(result.release_id),
                str(result.inserted),
                str(result.updated),
                str(result.unchanged),
                str(len(result.findings)),
            )
            for f in result.findings:
                console.print(f"[yellow]警告[/] {escape(finding_text(f))}", **_PLAIN)
        if table.row_count:
            console.print(table)
        if rejected is not None:
            err_console.print(f"[bold red]错误[/]：{escape(rejected.message)}", **_PLAIN)
            for f in rejected.findings:
                err_console.print(f"  - {escape(finding_text(f))}", **_PLAIN)
            raise SystemExit(rejected.exit_code)
    finally:
        ws.close()


def _dry_run(
    ws: Any, files: list[Path], catalogs: Any, options: dict[str, Any], mapping_for: Any
) -> None:
    """审核 only: every finding of every file, nothing written; exit 2 if any file has errors."""
    from xingshi.ingest import check_file

    failed = False
    for path in files:
        checked = check_file(
            path,
            catalogs,
            store=ws.store,
            settings=ws.settings,
            **options,
            mapping=mapping_for(path),
        )
        errors, warnings = checked.error_count, len(checked.warnings)
        rows = checked.normalized.observations.height + checked.normalized.targets.height
        verdict = "[red]未通过[/]" if errors else "[green]通过[/]"
        summary = (
            f"{verdict} {escape(path.name)}：{rows} 条数据，{errors} 个错误，{warnings} 个警告"
        )
        console.print(summary, **_PLAIN)
        for f in checked.findings:
            tag = "[red]错误[/]" if f.severity == "error" else "[yellow]警告[/]"
            console.print(f"  {tag} {escape(finding_text(f))}", **_PLAIN)
        failed = failed or bool(errors)
    if failed:
        raise SystemExit(2)


def show_cmd(
    region: Annotated[str, typer.Option("--region", "-r", help="地区，如 湘西州")],
    period: Annotated[
        str, typer.Option("--period", "-p", help="时期，如 2021年1-6月；不写年份取库中最近一年")
    ],
    as_of: AsOfOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="输出格式：table | json | csv")
    ] = "table",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="写入文件（json/csv）")] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """查看一个地区某时期的指标及其下辖地区的增速表。"""
    from xingshi.ingest.view import region_view

    if fmt not in ("table", "json", "csv"):
        raise InputError(
            f"不支持的输出格式“{fmt}”", where=Location(value=fmt), hint="可选 table、json、csv"
        )
    from xingshi.jobs import parse_as_of, period_for

    note = console if fmt == "table" or out is not None else err_console
    ws = _open(workspace)
    try:
        reg = resolve_region(ws, region, note)
        p, said = period_for(ws, reg.code, period, as_of=as_of)
        if said:
            note.print(said, highlight=False)
        view = region_view(
            ws.store, ws.regions, ws.indicators, region=reg.code, period=p,
            as_of=parse_as_of(as_of),
        )  # fmt: skip
    finally:
        ws.close()
    if fmt == "table":
        _print_view(view)
        return
    text = _records_text(view.records, fmt)
    if out is not None:
        out.write_text(text, encoding="utf-8")
        console.print(f"已写入 {out}（{view.records.height} 条记录）", highlight=False)
    else:
        typer.echo(text)


_CSV_HEADERS = {
    "region_code": "区划代码",
    "region": "地区",
    "indicator": "指标代码",
    "indicator_name": "指标",
    "period": "时期",
    "level": "绝对值",
    "unit": "单位",
    "growth_pct": "增长%",
    "rank": "位次",
    "level_rank": "总量位次",
    "release_id": "版本",
    "source": "来源",
}


def _records_text(records: pl.DataFrame, fmt: str) -> str:
    rows = records.to_dicts()
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([_CSV_HEADERS.get(c, c) for c in records.columns])  # for people: Chinese
    writer.writerows([[r[c] for c in records.columns] for r in rows])
    return buf.getvalue()


def _print_view(view: Any) -> None:
    if view.records.is_empty():
        console.print(f"{view.region_name} {view.period_label} 没有数据", highlight=False)
        return
    own = Table(title=f"{view.region_name} {view.period_label} 主要指标")
    for col in view.own.columns:
        own.add_column(col, justify="left" if col in ("名称", "单位") else "right")
    growth_at = view.own.columns.index("增长%")
    for row in view.own.iter_rows():
        own.add_row(
            *(_fmt(v, 1, fixed=True) if i == growth_at else _fmt(v) for i, v in enumerate(row))
        )
    console.print(own)
    children = view.children
    if children.is_empty():
        return
    # Only indicators the children report growth for; as many per table as the screen holds.
    columns = [c for c in children.columns[1:] if children[c].is_not_null().any()]
    width = max(len(n) for n in children["地区"]) * 2 + 4
    chunks: list[list[str]] = [[]]
    used = width
    for col in columns:
        need = max(len(col) * 2, 6) + 3
        if chunks[-1] and used + need > console.width:
            chunks.append([])
            used = width
        chunks[-1].append(col)
        used += need
    title = f"{view.region_name}下辖地区 {view.period_label} 增速（%）"
    for part in chunks:
        kids = Table(title=title)
        kids.add_column("地区", no_wrap=True)
        for col in part:
            kids.add_column(col, justify="right", no_wrap=True)
        for row in children.select("地区", *part).iter_rows():
            kids.add_row(row[0], *(_fmt(v, 1, fixed=True) for v in row[1:]))
        console.print(kids)


def warnings_cmd(
    release: Annotated[
        int | None, typer.Option("--release", help="只看某个版本（release 编号）的警告")
    ] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """列出导入时记录的审核警告。"""
    ws = _open(workspace)
    try:
        found = ws.store.findings(release_id=release)
    finally:
        ws.close()
    if found.is_empty():
        console.print("没有警告", highlight=False)
        return
    table = Table(title=f"审核警告（{found.height} 条）")
    for col in ("版本", "规则", "位置", "说明"):
        table.add_column(col, no_wrap=col == "规则")
    for row in found.iter_rows(named=True):
        where = Location(
            file=row["where_file"],
            sheet=row["where_sheet"],
            row=row["where_row"],
            column=row["where_column"],
        ).describe()
        table.add_row(str(row["release_id"]), _rule_cell(row["rule"]), where, row["message"])
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("import")(import_cmd)
    app.command("show")(show_cmd)
    app.command("warnings")(warnings_cmd)
