"""The offline form: an Excel template in the long layout the importer reads, and its upload.

Columns 地区 | 指标 | 时期 | 数值 | 单位 | 增长% | 备注 (备注 shows the previous period and last
year's same period). A hidden sheet keeps each field's version at download, so an upload
overtaken by a later save is refused like any stale save (the importer skips hidden sheets).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import polars as pl
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from xingshi.collect._common import TEMPLATE_HEADER
from xingshi.collect.entry import assignment_view, save_values
from xingshi.errors import ImportRejected, Location
from xingshi.findings import Finding
from xingshi.ingest.layouts import read_file
from xingshi.ingest.normalize import normalize

VERSIONS_SHEET = "版本"


def _ref(r: dict[str, Any] | None) -> str:
    if r is None:
        return "无"
    parts = [f"{r['level']:g}" if r["level"] is not None else "-"]
    if r["growth_pct"] is not None:
        parts.append(f"增长{r['growth_pct']:g}%")
    return f"{r['period']} " + "，".join(parts)


def template_workbook(ws: Any, actor: Any, round_id: int, region: str) -> tuple[str, bytes]:
    """(file name, xlsx bytes) of one unit's form, filled with what is saved so far."""
    view = assignment_view(ws, actor, round_id, region)
    wb = Workbook()
    sheet = wb.active
    sheet.title = view["region"][:31]  # a department's name; its rows say its region
    place = view["data_region_name"]
    sheet.append(list(TEMPLATE_HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for f in view["values"]:
        note = f"上期 {_ref(f['previous'])}；上年同期 {_ref(f['last_year'])}"
        sheet.append(
            [place, f["name"], view["period"], f["level"], f["unit"], f["growth_pct"], note]
        )  # fmt: skip
        row = sheet.max_row
        if f["want_level"]:
            sheet.cell(row, 4).fill = fill
        if f["want_growth"]:
            sheet.cell(row, 6).fill = fill
    for col, width in zip("ABCDEFG", (12, 22, 14, 12, 8, 10, 48), strict=True):
        sheet.column_dimensions[col].width = width
    versions = wb.create_sheet(VERSIONS_SHEET)
    versions.append(["round", "region", "indicator", "version"])
    for f in view["values"]:
        versions.append([round_id, view["region_code"], f["indicator"], f["version"]])
    versions.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    name = f"填报-{view['period']}-{view['region']}.xlsx"
    return name, buf.getvalue()


def _versions(path: Path) -> dict[str, int]:
    try:
        wb = load_workbook(path, read_only=True)
    except Exception:  # a CSV or an .xls: no versions kept, the current ones apply
        return {}
    try:
        if VERSIONS_SHEET not in wb.sheetnames:
            return {}
        rows = list(wb[VERSIONS_SHEET].iter_rows(min_row=2, values_only=True))
        return {str(r[2]): int(r[3]) for r in rows if r and r[2] is not None and r[3] is not None}
    finally:
        wb.close()


def upload_values(
    ws: Any, actor: Any, round_id: int, region: str, path: Path, *, ip: str | None = None
) -> dict[str, Any]:
    """Read a filled template with the importer and save it as the unit's draft.

    Cells the importer cannot read, rows of another region or period, and the checks' errors
    refuse the file (ImportRejected, nothing saved); so does a version overtaken since download.
    """
    view = assignment_view(ws, actor, round_id, region)
    code = view["data_region"]  # a department's rows are those of its region
    normalized = normalize(read_file(path), ws.regions, ws.indicators, scope=None)
    findings = [f for f in normalized.findings if f.severity == "error"]
    obs = normalized.observations
    wanted = {f["indicator"] for f in view["values"]}
    from xingshi.catalog.periods import parse_period

    per = parse_period(view["period"])
    for row in obs.iter_rows(named=True):
        problem = None
        if row["region_code"] != code:
            problem = f"模板只能填报{view['data_region_name']}的数据"
        elif (row["year"], row["first_month"], row["last_month"]) != (
            per.year,
            per.first_month,
            per.last_month,
        ):
            problem = f"时期应为{view['period']}"
        elif row["indicator"] not in wanted:
            problem = "本轮表单没有这个指标"
        if problem:
            findings.append(
                Finding(
                    "template",
                    "error",
                    problem,
                    Location(file=path.name, sheet=row["source_sheet"], row=row["src_row"]),
                    hint="请用本页下载的模板填写，不要改动地区、指标和时期",
                )
            )
    if findings:
        raise ImportRejected(
            f"文件 {path.name} 未通过审核（{len(findings)} 个错误），未保存任何数据",
            findings=findings,
            where=Location(file=path.name),
        )
    versions = _versions(path)
    current = {f["indicator"]: f["version"] for f in view["values"]}
    values = []
    for row in obs.filter(pl.col("region_code") == code).iter_rows(named=True):
        values.append(
            {
                "indicator": row["indicator"],
                "level": row["level"],
                "growth_pct": row["growth_pct"],
                "version": versions.get(row["indicator"], current[row["indicator"]]),
            }
        )
    if not values:
        raise ImportRejected(
            f"文件 {path.name} 中没有填写任何数值",
            findings=[],
            where=Location(file=path.name),
        )
    return save_values(ws, actor, round_id, view["region_code"], values, ip=ip)
