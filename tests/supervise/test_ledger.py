"""The sample ledger and ledger files: 0 findings, counts against the workbook itself, exact
errors with nothing written, export that imports again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from xingshi.errors import ImportRejected
from xingshi.supervise.ledger import import_ledger
from xingshi.supervise.ledger_export import export_ledger
from xingshi.supervise.projects import list_projects, rollup
from xingshi.supervise.sample import sample_rows
from xingshi.supervise.summary import follow_up_lines, summarize
from xingshi.supervise.tasks import list_tasks

from .conftest import LEDGER


def _sheet(name: str) -> list[dict]:
    """A sheet of the sample workbook as dicts, read straight from the cells."""
    ws = load_workbook(LEDGER, read_only=True)[name]
    rows = list(ws.iter_rows(values_only=True))
    head = rows[1]
    return [dict(zip(head, r, strict=False)) for r in rows[2:] if any(r)]


def test_sample_file_is_what_the_generator_writes() -> None:
    """The shipped workbook holds exactly the deterministic sample rows, marked 模拟."""
    for name, rows in sample_rows().items():
        got = [[None if v == "" else v for v in r] for r in rows[1:]]
        want = [list(r.values()) for r in _sheet(name)]
        assert [[("" if v is None else v) for v in r] for r in want] == [
            [("" if v is None else v) for v in r] for r in got
        ], name
    title = load_workbook(LEDGER, read_only=True)["重点项目"]["A1"].value
    assert "示例数据（模拟）" in title


def test_sample_imports_with_no_findings_and_the_acceptance_counts(store, regions) -> None:
    """≥30 projects, ≥31 tasks, 137 problems with 95 closed, reports for 2021年1-6月."""
    r = import_ledger(store, regions, LEDGER)
    assert r.findings == []
    assert (r.projects, r.tasks, r.problems, r.problems_closed) == (30, 31, 137, 95)
    months = {(row["年度"], row["月份"]) for row in _sheet("项目月度调度")}
    assert months == {(2021, m) for m in range(1, 7)}
    assert r.reports == len(_sheet("项目月度调度")) == 125


def test_counts_and_lights_against_the_workbook(ledger_store, regions) -> None:
    """Summary figures equal those counted by hand from the workbook's own cells."""
    projects = _sheet("重点项目")
    reports = _sheet("项目月度调度")
    tasks = _sheet("督办事项")
    problems = _sheet("问题清单")
    s = summarize(ledger_store, regions, region="湘西州", year=2021, month=6)
    assert s["projects"] == len(projects) == 30
    assert s["tasks"] == len(tasks) == 31
    assert s["tasks_closed"] == sum(t["办理状态"] == "已销号" for t in tasks) == 8
    assert s["problems"] == len(problems) == 137
    assert s["problems_closed"] == sum(p["办结日期"] is not None for p in problems) == 95
    june = {r["项目编号"]: r["累计完成投资（亿元）"] for r in reports if r["月份"] == 6}
    assert s["completed"] == pytest.approx(sum(june.values()))
    assert s["annual_plan"] == pytest.approx(sum(p["年度计划投资（亿元）"] for p in projects))
    # lights by hand: June time progress 50%; completion = cum / plan
    red = yellow = 0
    for p in projects:
        plan, done = p["年度计划投资（亿元）"], june.get(p["项目编号"], 0.0)
        gap = 50 - done / plan * 100
        lights = []
        if p["实际开工"]:
            lights.append("red" if gap > 30 else "yellow" if gap >= 10 else "green")
            months = 6 - int(p["实际开工"][5:]) if not p["入库纳统"] else 0
            lights.append("red" if months >= 2 else "yellow" if months >= 1 else "green")
        else:
            late = 6 - int(p["计划开工"][5:])
            lights.append("red" if late >= 3 else "yellow" if late >= 0 else "green")
        worst = "red" if "red" in lights else "yellow" if "yellow" in lights else "green"
        red += worst == "red"
        yellow += worst == "yellow"
    assert (len(s["projects_red"]), len(s["projects_yellow"])) == (red, yellow) == (5, 7)
    # overdue on 30 June 2021: open tasks whose due date has passed
    overdue = [t for t in tasks if t["办理状态"] != "已销号" and t["办结时限"] < "2021-06-30"]
    assert len(s["tasks_overdue"]) == len(overdue)
    lines = follow_up_lines(s)
    assert lines[0].startswith(
        f"湘西州31项重点督办事项，已审核销号8项，正在推进23项；超期未办结{len(overdue)}项"
    )
    assert "30个重点项目" in lines[1] and "亮红灯5个、黄灯7个" in lines[1]
    assert lines[2] == "梳理问题137个，已完成95个，尚有42个正在推进。"


def test_rollups_add_up(ledger_store, regions) -> None:
    """Roll-ups by region, category and leader each add up to the whole."""
    projects = list_projects(ledger_store, regions, year=2021, month=6)
    for by in ("region", "category", "leader"):
        rows = rollup(projects, by)
        assert sum(r["projects"] for r in rows) == 30
        assert sum(r["red"] + r["yellow"] + r["green"] for r in rows) == 30
        assert sum(r["annual_plan"] for r in rows) == pytest.approx(
            sum(p["annual_plan"] for p in projects)
        )
    by_region = {r["region"]: r for r in rollup(projects, "region")}
    assert by_region["湘西州"]["projects"] == 6  # every fifth project is the prefecture's own


def test_county_sees_only_its_own(ledger_store, regions, jishou) -> None:
    """A county unit's lists hold only its own region's projects and tasks."""
    projects = list_projects(ledger_store, regions, principal=jishou)
    tasks = list_tasks(ledger_store, regions, principal=jishou)
    assert projects and all(p["region_code"] == "433101" for p in projects)
    assert all(t["region_code"] == "433101" or t["lead_unit"] == "吉首市" for t in tasks)
    mine = [r for r in _sheet("重点项目") if r["所在地区"] == "吉首市"]
    assert len(projects) == len(mine)


def _bad_copy(tmp_path: Path, edits: dict[tuple[str, str], object]) -> Path:
    wb = load_workbook(LEDGER)
    for (sheet, cell), value in edits.items():
        wb[sheet][cell] = value
    out = tmp_path / "台账-有错.xlsx"
    wb.save(out)
    return out


def test_bad_values_name_sheet_row_column_and_value(store, regions, tmp_path) -> None:
    """Each bad cell is one error finding at its sheet, row, column and value; nothing written."""
    path = _bad_copy(
        tmp_path,
        {
            ("重点项目", "E3"): "长沙县城",  # unknown region
            ("重点项目", "J4"): "一亿",  # not a number
            ("项目月度调度", "E15"): 99.0,  # cumulative not the sum of the months
            ("督办事项", "J3"): "2021-13-01",  # not a date
            ("问题清单", "B3"): "DB2021-999",  # owner not in the ledger
        },
    )
    with pytest.raises(ImportRejected) as err:
        import_ledger(store, regions, path)
    found = {(f.where.sheet, f.where.row, f.where.column): f for f in err.value.findings}
    assert set(found) == {
        ("重点项目", 3, "E"),
        ("重点项目", 4, "J"),
        ("项目月度调度", 15, "E"),
        ("督办事项", 3, "J"),
        ("问题清单", 3, "B"),
    }
    assert found[("重点项目", 4, "J")].where.value == "一亿"
    assert "不是已知地区" in found[("重点项目", 3, "E")].message
    assert "累计完成投资与各月当月完成之和" in found[("项目月度调度", 15, "E")].message
    assert all(f.hint and f.where.file == path.name for f in err.value.findings)
    assert list_projects(store, regions) == [] and list_tasks(store, regions) == []


def test_closed_task_with_an_open_problem_is_an_error(store, regions, tmp_path) -> None:
    """A ledger that says 已销号 while a problem of the task is open is refused."""
    rows = _sheet("问题清单")
    tasks = {t["事项编号"]: t for t in _sheet("督办事项")}
    k = next(
        i for i, p in enumerate(rows) if tasks.get(p["所属编号"], {}).get("办理状态") == "已销号"
    )
    path = _bad_copy(tmp_path, {("问题清单", f"F{k + 3}"): None})
    with pytest.raises(ImportRejected) as err:
        import_ledger(store, regions, path)
    [f] = err.value.findings
    assert (f.where.row, f.where.column) == (k + 3, "F") and "已销号" in f.message


def test_export_imports_again(ledger_store, regions, tmp_path, db_url) -> None:
    """The exported 台账 imports into an empty store with the same counts and lights."""
    from xingshi.store import Store

    out = export_ledger(ledger_store, regions, tmp_path / "导出.xlsx", today=date(2021, 7, 12))
    other = Store.open(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        r = import_ledger(other, regions, out)
        assert (r.projects, r.reports, r.tasks, r.problems, r.problems_closed) == (
            30,
            125,
            31,
            137,
            95,
        )
        a = {p["code"]: p["light"] for p in list_projects(ledger_store, regions, month=6)}
        b = {p["code"]: p["light"] for p in list_projects(other, regions, month=6)}
        assert a == b
    finally:
        other.close()
