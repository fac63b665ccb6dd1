"""The ledger workbook's layout: four sheets, a title row, then a header row and data.

    重点项目      one row a project
    项目月度调度  one row a project's month (当月 and 累计 completed investment, 报送日期)
    督办事项      one row a task, with its state
    问题清单      one row a problem; 所属编号 is the task's or the project's code

The same layout is read by `xingshi ledger import` and written by the export, so an exported
台账 imports again.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

PROJECT_HEADERS = [
    "项目编号",
    "项目名称",
    "年度",
    "项目类别",
    "所在地区",
    "牵头单位",
    "建设单位",
    "包联领导",
    "总投资（亿元）",
    "年度计划投资（亿元）",
    "计划开工",
    "计划竣工",
    "实际开工",
    "入库纳统",
    "项目状态",
    "备注",
]
REPORT_HEADERS = [
    "项目编号",
    "年度",
    "月份",
    "当月完成投资（亿元）",
    "累计完成投资（亿元）",
    "形象进度",
    "存在问题",
    "报送日期",
]
TASK_HEADERS = [
    "事项编号",
    "督办事项",
    "事项来源",
    "来源说明",
    "所在地区",
    "牵头单位",
    "配合单位",
    "责任领导",
    "交办日期",
    "办结时限",
    "调度频次",
    "办理状态",
    "销号日期",
    "最新进展",
]
PROBLEM_HEADERS = ["问题编号", "所属编号", "问题", "责任单位", "提出日期", "办结日期", "办结情况"]
SHEETS = {
    "重点项目": PROJECT_HEADERS,
    "项目月度调度": REPORT_HEADERS,
    "督办事项": TASK_HEADERS,
    "问题清单": PROBLEM_HEADERS,
}
TITLES = {
    "重点项目": "重点项目台账",
    "项目月度调度": "重点项目月度调度表",
    "督办事项": "督办事项台账",
    "问题清单": "问题清单",
}
REQUIRED_SHEETS = ("重点项目", "督办事项")
_FIXED_TIME = datetime(2021, 7, 12, 9, 0, 0)


def write_workbook(
    path: str | Path, sheets: dict[str, list[list]], *, title_note: str = ""
) -> Path:
    """Write the sheets (header row first) with a title row above each; fixed metadata."""
    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        title = TITLES.get(name, name) + (f"（{title_note}）" if title_note else "")
        ws.append([title])
        ws.cell(1, 1).font = Font(bold=True, size=14)
        for r in rows:
            ws.append([None if v == "" else v for v in r])
        for c in range(1, len(rows[0]) + 1 if rows else 1):
            ws.cell(2, c).font = Font(bold=True)
            ws.cell(2, c).alignment = Alignment(wrap_text=True)
            ws.column_dimensions[get_column_letter(c)].width = 14
        ws.freeze_panes = "A3"
    wb.properties.creator = "xingshi"
    wb.properties.created = _FIXED_TIME
    wb.properties.modified = _FIXED_TIME
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
