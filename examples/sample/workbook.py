"""The wide workbook as statisticians circulate it: a title row, a two-row header, units in headers.

Written from the same numbers as the long CSV files, so importing both changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import xlsxwriter
from spec import BY_CODE, SIMULATED

# (indicator, with a level column): growth-only indicators have one column.
COLUMNS = [
    ("gdp", True),
    ("industry_va", False),
    ("fai", False),
    ("retail", True),
    ("local_fiscal", True),
    ("tax", True),
    ("tourists", True),
    ("tourism_revenue", True),
    ("loans", True),
    ("urban_income", True),
    ("rural_income", True),
]
TITLE = "2021年1-6月湘西州各县市区主要经济指标"


def write_workbook(
    path: Path,
    regions: list[tuple[str, str]],
    values: dict[str, dict[str, tuple[float | None, float | None] | None]],
    created: datetime,
) -> None:
    """Write the table: first row 全州 (the prefecture), then its counties."""
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"title": TITLE, "created": created, "comments": SIMULATED})
    ws = wb.add_worksheet("1-6月")
    head = wb.add_format(
        {"bold": True, "align": "center", "valign": "vcenter", "border": 1, "text_wrap": True}
    )
    num = wb.add_format({"border": 1})
    width = 1 + sum(2 if lvl else 1 for _i, lvl in COLUMNS)
    ws.merge_range(
        0, 0, 0, width - 1, TITLE, wb.add_format({"bold": True, "align": "center", "font_size": 14})
    )
    ws.merge_range(1, 0, 2, 0, "地区", head)
    col = 1
    for code, has_level in COLUMNS:
        ind = BY_CODE[code]
        if has_level:
            ws.merge_range(1, col, 1, col + 1, f"{ind.name}({ind.unit})", head)
            ws.write(2, col, "绝对值", head)
            ws.write(2, col + 1, "同比增长%", head)
            col += 2
        else:
            ws.write(1, col, ind.name, head)
            ws.write(2, col, "同比增长%", head)
            col += 1
    for r, (code, name) in enumerate(regions, start=3):
        ws.write(r, 0, "全州" if r == 3 else name, num)
        col = 1
        for ind_code, has_level in COLUMNS:
            level, growth = values[code][ind_code]
            if has_level:
                ws.write(r, col, level, num)
                col += 1
            ws.write(r, col, growth, num)
            col += 1
    note_row = 3 + len(regions) + 1
    ws.write(
        note_row, 0, f"注：本表为{SIMULATED}，仅供演示，不是官方统计数据；讲话稿原文数据见 README。"
    )
    ws.set_column(0, 0, 10)
    ws.set_column(1, width - 1, 12)
    wb.close()
