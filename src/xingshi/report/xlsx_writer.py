"""tables.xlsx: the county and province tables, formatted and lit, ready to print on A4."""

from __future__ import annotations

import math
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from xingshi.report.model import Briefing, Table
from xingshi.report.wording import period_label

COLOURS = {"red": "#F4B6B0", "yellow": "#FBE7A1", "green": "#BFE3C6"}
# Sheet name for each table key (Excel limits names to 31 characters).
SHEETS = {
    "children_full": "各县市区主要经济指标完成情况表",
    "peers": "全省各市州主要指标位次",
    "ranks": "本地区主要指标位次",
    "targets": "目标完成情况",
}


def _split(header: list[str]) -> tuple[list[str], list[str], bool]:
    tops, subs = [], []
    for h in header:
        top, _, sub = h.partition("|")
        tops.append(top)
        subs.append(sub)
    return tops, subs, any(subs)


def _sheet(wb, name: str, table: Table, fmt: dict, subtitle: str) -> None:
    ws = wb.add_worksheet(name[:31])
    ncol = len(table.header)
    lights_col = ncol + 1  # hidden helper columns: one light per data cell, for the rules
    ws.merge_range(0, 0, 0, ncol - 1, table.title, fmt["title"])
    ws.merge_range(1, 0, 1, ncol - 1, subtitle, fmt["subtitle"])
    tops, subs, two = _split(table.header)
    first = 2
    if two:
        j = 0
        while j < ncol:
            k = j
            while k + 1 < ncol and tops[k + 1] == tops[j] and subs[k + 1]:
                k += 1
            if not subs[j]:
                ws.merge_range(first, j, first + 1, j, tops[j], fmt["head"])
            elif k > j:
                ws.merge_range(first, j, first, k, tops[j], fmt["head"])
            else:
                ws.write(first, j, tops[j], fmt["head"])
            for c in range(j, k + 1):
                if subs[c]:
                    ws.write(first + 1, c, subs[c], fmt["head"])
            j = k + 1
        body = first + 2
    else:
        for j, h in enumerate(table.header):
            ws.write(first, j, h, fmt["head"])
        body = first + 1
    for i, row in enumerate(table.rows):
        r = body + i
        for j, cell in enumerate(row):
            if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                style = _number_style(wb, fmt, cell.number_format)
                ws.write_number(r, j, float(cell.value), style)
            else:
                ws.write_string(r, j, cell.text, fmt["text"] if j == 0 else fmt["center"])
            if cell.light:
                ws.write_string(r, lights_col + j, cell.light)
    last = body + len(table.rows) - 1
    if table.rows:
        # red/yellow/green as conditional formats reading the hidden light of each cell
        for j in range(ncol):
            rng = f"{xl_rowcol_to_cell(body, j)}:{xl_rowcol_to_cell(last, j)}"
            light = f"${xl_col_to_name(lights_col + j)}{body + 1}"
            for name_, f in (
                ("red", fmt["red"]),
                ("yellow", fmt["yellow"]),
                ("green", fmt["green"]),
            ):
                ws.conditional_format(
                    rng, {"type": "formula", "criteria": f'={light}="{name_}"', "format": f}
                )
    ws.set_column(lights_col, lights_col + ncol, None, None, {"hidden": True})
    if table.note:
        ws.merge_range(last + 2, 0, last + 2, ncol - 1, f"注：{table.note}", fmt["note"])
    ws.set_column(0, 0, 16)
    ws.set_column(1, ncol - 1, 11)
    ws.set_row(0, 30)
    ws.freeze_panes(body, 1)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    # a wide table (every indicator of every peer) prints on several pages across, the
    # region names repeated on each, rather than shrunk unreadable onto one
    ws.fit_to_pages(max(1, math.ceil(ncol / COLUMNS_PER_PAGE)), 0)
    ws.repeat_rows(first, body - 1)
    if ncol > COLUMNS_PER_PAGE:
        ws.repeat_columns(0, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    ws.set_footer("&C第 &P 页，共 &N 页")
    ws.print_area(0, 0, last + 2, ncol - 1)


COLUMNS_PER_PAGE = 19  # what a landscape A4 page holds at a readable size


def _number_style(wb, fmt: dict, number_format: str | None):
    """The cell format for a number: rank, rate, level, or the table's own format."""
    known = {
        "0": "rank",
        "0.0": "rate",
        "#,##0.0#": "num",
        "#,##0": "whole",
        None: "num",
        "": "num",
    }
    if number_format in known:
        return fmt[known[number_format]]
    key = f"fmt:{number_format}"
    if key not in fmt:  # one format object per number format (Excel caps their count)
        fmt[key] = wb.add_format({**fmt["_base"], "num_format": number_format, "align": "center"})
    return fmt[key]


def write_xlsx(brief: Briefing, path: Path) -> Path:
    """Write the briefing's tables, one sheet each, and the source list; return the path."""
    wb = xlsxwriter.Workbook(str(path))
    base = {"font_name": "宋体", "font_size": 10, "border": 1, "valign": "vcenter"}
    fmt = {
        "title": wb.add_format(
            {"font_name": "黑体", "font_size": 16, "align": "center", "valign": "vcenter"}
        ),
        "subtitle": wb.add_format({"font_name": "宋体", "font_size": 10, "align": "center"}),
        "head": wb.add_format(
            {**base, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9E2F3"}
        ),
        "text": wb.add_format(base),
        "wrap": wb.add_format({**base, "text_wrap": True, "valign": "top"}),
        "center": wb.add_format({**base, "align": "center"}),
        "_base": base,
        "num": wb.add_format({**base, "num_format": "#,##0.0#"}),
        "whole": wb.add_format({**base, "num_format": "#,##0"}),
        "rate": wb.add_format({**base, "num_format": "0.0"}),
        "rank": wb.add_format({**base, "num_format": "0", "align": "center"}),
        "note": wb.add_format({"font_name": "宋体", "font_size": 9, "text_wrap": True}),
        **{k: wb.add_format({"bg_color": v}) for k, v in COLOURS.items()},
    }
    subtitle = brief.subtitle.strip("（）")
    tables = {t.key: t for t in brief.tables}
    for key, name in SHEETS.items():
        if key in tables:
            # the county table keeps the name users look for; the peer table names its peers
            sheet = tables[key].title if key == "peers" else name
            _sheet(wb, sheet, tables[key], fmt, f"{brief.region}  {subtitle}")
    ws = wb.add_worksheet("数据来源")
    header = [
        "序号",
        "数字",
        "地区",
        "指标",
        "时期",
        "版本",
        "文件",
        "工作表",
        "单元格",
        "计算",
        "说明",
    ]
    for j, h in enumerate(header):
        ws.write(0, j, h, fmt["head"])
    for i, s in enumerate(brief.sources, start=1):
        row = [
            s.id,
            s.text,
            s.region,
            s.indicator_name,
            period_label(s.period),
            s.release_id or "",
            s.file or "",
            s.sheet or "",
            s.cell or "",
            "是" if s.computed else "",
            s.basis + (f"；{s.note}" if s.note else ""),
        ]
        for j, v in enumerate(row):
            ws.write(i, j, v, fmt["wrap"] if j == len(row) - 1 else fmt["text"])
    ws.freeze_panes(1, 0)
    ws.set_column(0, 0, 6)
    ws.set_column(1, 9, 12)
    ws.set_column(10, 10, 60)
    ws.autofilter(0, 0, len(brief.sources), len(header) - 1)
    # printed for the check of every figure: A4 landscape, one page wide, header on each page
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    ws.set_footer("&C第 &P 页，共 &N 页")
    wb.close()
    return path
