"""督查通报 (.docx): the overall counts, red and yellow projects, overdue and due-soon tasks
and the quarter's unit ranking, each row carrying its ledger code so every figure is traceable.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from xingshi.supervise.scores import unit_scores
from xingshi.supervise.summary import follow_up_lines, summarize


def _table(doc: Any, header: list[str], rows: list[list[Any]]) -> None:
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for r in rows:
        cells = t.add_row().cells
        for cell, value in zip(cells, r, strict=True):
            cell.text = (
                ""
                if value is None
                else (f"{value:.2f}" if isinstance(value, float) else str(value))
            )


def write_notice(
    store: Any,
    regions: Any,
    path: str | Path,
    *,
    region: str,
    year: int,
    month: int,
    issue: int = 1,
    office: str = "督查室",
    today: date | None = None,
    rules: Any = None,
    principal: Any = None,
    simulated: bool = False,
) -> Path:
    """Write the 督查通报 for `region` at month `month` of `year`."""
    s = summarize(
        store,
        regions,
        region=region,
        year=year,
        month=month,
        today=today,
        principal=principal,
        rules=rules,
    )
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(14)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("督 查 通 报")
    run.bold = True
    run.font.size = Pt(26)
    head = doc.add_paragraph(f"第{issue}期")
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(f"{office}　　　　{s['today']}")
    if simulated:
        doc.add_paragraph("（示例数据（模拟），仅供演示）")
    doc.add_paragraph(f"{s['region']}{year}年1-{month}月重点工作督查情况", style="Heading 1")
    doc.add_paragraph("一、总体情况", style="Heading 2")
    for line in follow_up_lines(s):
        doc.add_paragraph(line)
    doc.add_paragraph("二、重点项目推进情况（红灯、黄灯项目）", style="Heading 2")
    lag = s["projects_red"] + s["projects_yellow"]
    if lag:
        _table(
            doc,
            [
                "项目编号",
                "项目名称",
                "地区",
                "牵头单位",
                "包联领导",
                "年度计划（亿元）",
                "累计完成（亿元）",
                "完成率%",
                "时间进度%",
                "灯色",
                "原因",
            ],
            [
                [
                    p["code"],
                    p["name"],
                    p["region"],
                    p["lead_unit"],
                    p["leader"],
                    p["annual_plan"],
                    p["completed_cum"],
                    p["completion"],
                    p["time_progress"],
                    p["light_name"],
                    p["reason"],
                ]
                for p in lag
            ],
        )
    else:
        doc.add_paragraph("所有重点项目均按进度推进。")
    doc.add_paragraph("三、督办事项办理情况（超期、临期事项）", style="Heading 2")
    late = s["tasks_overdue"] + s["tasks_due_soon"]
    if late:
        _table(
            doc,
            ["事项编号", "督办事项", "牵头单位", "办结时限", "办理状态", "灯色", "说明"],
            [
                [
                    t["code"],
                    t["title"],
                    t["lead_unit"],
                    t["due"],
                    t["status"],
                    t["light_name"],
                    t["reason"],
                ]
                for t in late
            ],
        )
    else:
        doc.add_paragraph("督办事项均在时限内推进。")
    quarter = (month - 1) // 3 + 1
    ranking = unit_scores(store.engine, year, quarter, rules)
    if ranking:
        doc.add_paragraph(f"四、{year}年第{quarter}季度单位考核排名", style="Heading 2")
        _table(
            doc,
            ["名次", "单位", "得分", "缺报", "迟报", "超期事项", "按期销号", "手工调整"],
            [
                [
                    r["rank"],
                    r["unit"],
                    r["score"],
                    r["missing_reports"],
                    r["late_reports"],
                    r["overdue_tasks"],
                    r["closed_tasks"],
                    "；".join(r["reasons"]) or "—",
                ]
                for r in ranking
            ],
        )
    doc.add_paragraph("五、下步要求", style="Heading 2")
    doc.add_paragraph(
        "请各责任单位对照本通报逐项整改，超期事项于5个工作日内书面说明原因并报送"
        "整改计划；红灯项目包联领导亲自调度，按月报送进展。"
    )
    doc.add_paragraph(f"数据来源：督查台账（截至{s['today']}），各行编号即台账编号。")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.core_properties.author = office
    doc.save(path)
    return path
