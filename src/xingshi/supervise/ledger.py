"""Ledgers in: import the offices' Excel 台账 with exact errors (the export is ledger_export).

    result = import_ledger(store, regions, "台账.xlsx", actor=None)

Every value is checked first; any error finding (file, sheet, row, column, value, hint)
rejects the whole file (ImportRejected) and nothing is written. A clean file is written in
one transaction with an audit event per project, report, task and problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import select

from xingshi.access.audit import record_event
from xingshi.errors import FileFormatError, ImportRejected, InputError, Location
from xingshi.findings import Finding
from xingshi.supervise import _values as v
from xingshi.supervise import scope
from xingshi.supervise._models import Problem, Project, Task, TaskStep
from xingshi.supervise.ledger_layout import SHEETS
from xingshi.supervise.projects import insert_project, project_values, report_values, write_report
from xingshi.supervise.tasks import STATES, insert_task, task_values

P, T, PR, S = Project.__table__, Task.__table__, Problem.__table__, TaskStep.__table__


@dataclass
class LedgerResult:
    """What an import wrote (counts) and its non-error findings."""

    file: str
    projects: int = 0
    reports: int = 0
    tasks: int = 0
    problems: int = 0
    problems_closed: int = 0
    findings: list[Finding] = field(default_factory=list)


@dataclass
class _Row:
    sheet: str
    row: int
    values: dict[str, Any]
    columns: dict[str, str]  # header -> column letter


class _Reader:
    def __init__(self, path: Path):
        self.path = path
        self.errors: list[Finding] = []

    def error(
        self,
        sheet: str,
        row: int | None,
        column: str | None,
        value: Any,
        msg: str,
        hint: str | None = None,
        rule: str = "ledger_value",
    ) -> None:
        self.errors.append(
            Finding(
                rule,
                "error",
                msg,
                Location(file=self.path.name, sheet=sheet, row=row, column=column, value=value),
                hint,
            )
        )

    def sheet_rows(self, wb: Any, name: str) -> list[_Row]:
        if name not in wb.sheetnames:
            return []
        ws = wb[name]
        headers = SHEETS[name]
        rows = list(ws.iter_rows(values_only=True))
        at = next((i for i, r in enumerate(rows[:6]) if r and _s(r[0]) == headers[0]), None)
        if at is None:
            self.error(
                name,
                None,
                None,
                None,
                f"找不到表头（第一列应为“{headers[0]}”）",
                "表头行依次为：" + "、".join(headers),
                rule="ledger_layout",
            )
            return []
        head = [_s(h) for h in rows[at]]
        missing = [h for h in headers if h not in head]
        if missing:
            self.error(
                name,
                at + 1,
                None,
                None,
                "缺少列：" + "、".join(missing),
                "表头行依次为：" + "、".join(headers),
                rule="ledger_layout",
            )
            return []
        cols = {h: get_column_letter(head.index(h) + 1) for h in headers}
        out = []
        for i, r in enumerate(rows[at + 1 :], start=at + 2):
            if r is None or all(c is None or _s(c) == "" for c in r):
                continue
            vals = {h: (r[head.index(h)] if head.index(h) < len(r) else None) for h in headers}
            vals = {k: (x.strip() if isinstance(x, str) else x) for k, x in vals.items()}
            out.append(_Row(name, i, vals, cols))
        return out

    def check(self, row: _Row, fn: Any) -> Any:
        """Run a checker; an InputError becomes a finding at the row and the named column."""
        try:
            return fn()
        except InputError as exc:
            where = exc.where or Location()
            header = where.column if where.column in row.columns else None
            self.error(
                row.sheet,
                row.row,
                row.columns.get(header) if header else where.column,
                where.value,
                exc.message,
                exc.hint,
            )
            return None


def _s(x: Any) -> str:
    return "" if x is None else str(x).strip()


def _at(row: _Row, mapping: dict[str, str]) -> dict[str, Location]:
    return {
        key: Location(column=header, value=row.values.get(header))
        for key, header in mapping.items()
    }


_PROJECT_MAP = {
    "code": "项目编号",
    "name": "项目名称",
    "year": "年度",
    "category": "项目类别",
    "region": "所在地区",
    "lead_unit": "牵头单位",
    "builder": "建设单位",
    "leader": "包联领导",
    "total_investment": "总投资（亿元）",
    "annual_plan": "年度计划投资（亿元）",
    "planned_start": "计划开工",
    "planned_finish": "计划竣工",
    "started": "实际开工",
    "registered": "入库纳统",
    "status": "项目状态",
    "note": "备注",
}
_REPORT_MAP = {
    "year": "年度",
    "month": "月份",
    "completed_month": "当月完成投资（亿元）",
    "completed_cum": "累计完成投资（亿元）",
    "progress": "形象进度",
    "problems": "存在问题",
}
_TASK_MAP = {
    "code": "事项编号",
    "title": "督办事项",
    "source": "事项来源",
    "source_detail": "来源说明",
    "region": "所在地区",
    "lead_unit": "牵头单位",
    "co_units": "配合单位",
    "leader": "责任领导",
    "assigned": "交办日期",
    "due": "办结时限",
    "cadence": "调度频次",
}


def read_ledger(path: str | Path, regions: Any, engine: Any = None) -> tuple[dict, list[Finding]]:
    """Check a ledger workbook; returns the parsed rows and the error findings."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise FileFormatError(
            f"台账文件应为 Excel（.xlsx），收到“{path.suffix}”",
            where=Location(file=path.name),
            hint="请另存为 .xlsx 后再导入",
        )
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InputError("找不到文件", where=Location(file=str(path)), hint="检查路径") from None
    except Exception:
        raise FileFormatError(
            "无法读取这个 Excel 文件",
            where=Location(file=path.name),
            hint="文件可能已损坏，或不是 .xlsx 格式",
        ) from None
    rd = _Reader(path)
    present = [s for s in SHEETS if s in wb.sheetnames]
    if not any(s in present for s in ("重点项目", "督办事项")):
        rd.error(
            None,
            None,
            None,
            None,
            "没有“重点项目”或“督办事项”工作表",  # type: ignore[arg-type]
            "台账应含工作表：" + "、".join(SHEETS),
            rule="ledger_layout",
        )
    raw = {name: rd.sheet_rows(wb, name) for name in SHEETS}
    wb.close()
    parsed: dict[str, list] = {"projects": [], "reports": [], "tasks": [], "problems": []}
    codes: dict[str, tuple[str, dict]] = {}
    existing: set[str] = set()
    if engine is not None:
        with engine.connect() as conn:
            existing = {c for (c,) in conn.execute(select(P.c.code))}
            existing |= {c for (c,) in conn.execute(select(T.c.code))}
            existing |= {c for (c,) in conn.execute(select(PR.c.code))}

    def unique(row: _Row, header: str) -> str | None:
        code = _s(row.values[header])
        col = row.columns[header]
        if not code:
            rd.error(row.sheet, row.row, col, None, f"缺少“{header}”", "每行须有唯一编号")
            return None
        if code in codes or code in existing:
            rd.error(
                row.sheet,
                row.row,
                col,
                code,
                f"编号“{code}”重复",
                "编号在台账内和已导入的数据中都须唯一"
                if code in existing
                else "同一编号只能出现一次",
            )
            return None
        return code

    for row in raw["重点项目"]:
        code = unique(row, "项目编号")
        data = {k: row.values[h] for k, h in _PROJECT_MAP.items()}
        vals = rd.check(row, lambda d=data, r=row: project_values(d, regions, _at(r, _PROJECT_MAP)))
        if vals and vals["started"] and vals["registered"] and vals["registered"] < vals["started"]:
            rd.error(
                row.sheet,
                row.row,
                row.columns["入库纳统"],
                row.values["入库纳统"],
                "入库纳统早于实际开工",
                "请核对日期",
            )
        if vals and code:
            codes[code] = ("project", vals)
            parsed["projects"].append((code, vals))
        elif _s(row.values["项目编号"]) and _s(row.values["项目编号"]) not in codes:
            codes[_s(row.values["项目编号"])] = ("project", None)  # its rows: no 2nd error
    cums: dict[str, list[tuple[int, float, _Row]]] = {}
    for row in raw["项目月度调度"]:
        code = _s(row.values["项目编号"])
        if codes.get(code, ("",))[0] != "project":
            rd.error(
                row.sheet,
                row.row,
                row.columns["项目编号"],
                code or None,
                f"项目编号“{code}”不在“重点项目”表中",
                "先在“重点项目”表登记该项目",
            )
            continue
        if codes[code][1] is None:
            continue  # the project's own row is wrong, and said so
        data = {k: row.values[h] for k, h in _REPORT_MAP.items()}
        rep = rd.check(row, lambda d=data, r=row: report_values(d, _at(r, _REPORT_MAP)))
        on = rd.check(
            row,
            lambda r=row: v.day(
                r.values["报送日期"],
                "报送日期",
                where=Location(column="报送日期", value=r.values["报送日期"]),
            ),
        )
        if not rep or not on:
            continue
        proj = codes[code][1]
        if rep["year"] != proj["year"]:
            rd.error(
                row.sheet,
                row.row,
                row.columns["年度"],
                rep["year"],
                f"年度与项目年度{proj['year']}不符",
                "按项目所属年度报送",
            )
            continue
        seen = cums.setdefault(code, [])
        if any(m == rep["month"] for m, _, _ in seen):
            rd.error(
                row.sheet,
                row.row,
                row.columns["月份"],
                rep["month"],
                f"项目“{code}”的{rep['month']}月重复报送",
                "每个项目每月一行",
            )
            continue
        seen.append((rep["month"], rep["completed_month"], row))
        parsed["reports"].append((code, rep, on))
    for code, months in cums.items():
        cum = 0.0
        by_month = {r[1]["month"]: r[1] for r in parsed["reports"] if r[0] == code}
        for m, _, row in sorted(months, key=lambda t: t[0]):
            cum = round(cum + by_month[m]["completed_month"], 4)
            if abs(cum - by_month[m]["completed_cum"]) > 0.005:
                rd.error(
                    row.sheet,
                    row.row,
                    row.columns["累计完成投资（亿元）"],
                    by_month[m]["completed_cum"],
                    f"累计完成投资与各月当月完成之和{cum:g}亿元不符",
                    "累计数应等于本年各月当月完成投资之和",
                )
                break
    for row in raw["督办事项"]:
        code = unique(row, "事项编号")
        data = {k: row.values[h] for k, h in _TASK_MAP.items()}
        vals = rd.check(row, lambda d=data, r=row: task_values(d, regions, _at(r, _TASK_MAP)))
        raw_code = _s(row.values["事项编号"])
        if raw_code and raw_code not in codes:
            codes[raw_code] = ("task", None)  # a wrong row: its problems get no 2nd error
        state = _s(row.values["办理状态"]) or "已交办"
        if state not in STATES:
            rd.error(
                row.sheet,
                row.row,
                row.columns["办理状态"],
                state,
                f"办理状态“{state}”不对",
                "应为以下之一：" + "、".join(STATES),
            )
            continue
        closed = rd.check(
            row,
            lambda r=row: v.day(
                r.values["销号日期"],
                "销号日期",
                where=Location(column="销号日期", value=r.values["销号日期"]),
                required=False,
            ),
        )
        if state == "已销号" and not closed:
            rd.error(
                row.sheet,
                row.row,
                row.columns["销号日期"],
                None,
                "已销号的事项缺少销号日期",
                "填写审核销号的日期",
            )
            continue
        raw_code = _s(row.values["事项编号"])
        if raw_code and raw_code not in codes:
            codes[raw_code] = ("task", None)  # a wrong row: its problems get no 2nd error
        state = _s(row.values["办理状态"]) or "已交办"
        if vals and code:
            codes[code] = ("task", vals)
            progress = _s(row.values["最新进展"])
            parsed["tasks"].append((code, vals, state, closed, progress))
    closed_tasks = {c for c, _, s, _, _ in parsed["tasks"] if s == "已销号"}
    for row in raw["问题清单"]:
        code = unique(row, "问题编号")
        owner = _s(row.values["所属编号"])
        if owner not in codes:
            rd.error(
                row.sheet,
                row.row,
                row.columns["所属编号"],
                owner or None,
                f"所属编号“{owner}”不是台账中的项目或事项",
                "填写项目编号或事项编号",
            )
            continue
        text = _s(row.values["问题"])
        if not text:
            rd.error(row.sheet, row.row, row.columns["问题"], None, "缺少问题内容", "写明问题")
            continue
        raised = rd.check(
            row,
            lambda r=row: v.day(
                r.values["提出日期"],
                "提出日期",
                where=Location(column="提出日期", value=r.values["提出日期"]),
            ),
        )
        closed = rd.check(
            row,
            lambda r=row: v.day(
                r.values["办结日期"],
                "办结日期",
                where=Location(column="办结日期", value=r.values["办结日期"]),
                required=False,
            ),
        )
        if raised and closed and closed < raised:
            rd.error(
                row.sheet,
                row.row,
                row.columns["办结日期"],
                row.values["办结日期"],
                "办结日期早于提出日期",
                "请核对日期",
            )
            continue
        if owner in closed_tasks and not closed:
            rd.error(
                row.sheet,
                row.row,
                row.columns["办结日期"],
                None,
                f"事项“{owner}”已销号，但此问题未办结",
                "有未办结问题的事项不能销号：办结问题，或改事项的办理状态",
            )
            continue
        if code and raised and codes[owner][1] is not None:
            kind, item = codes[owner]
            unit = _s(row.values["责任单位"]) or item["lead_unit"]
            parsed["problems"].append(
                (code, kind, owner, text, unit, raised, closed, _s(row.values["办结情况"]) or None)
            )
    return parsed, rd.errors


def import_ledger(
    store: Any, regions: Any, path: str | Path, *, actor: Any = None, ip: str | None = None
) -> LedgerResult:
    """Check and import a ledger workbook; ImportRejected (nothing written) on any error."""
    path = Path(path)
    parsed, errors = read_ledger(path, regions, store.engine)
    if actor is not None:
        for _code, vals in parsed["projects"]:
            scope.require_supervisor(actor, regions, vals["region_code"])
        for _code, vals, *_rest in parsed["tasks"]:
            scope.require_supervisor(actor, regions, vals["region_code"])
    if errors:
        raise ImportRejected(
            f"台账 {path.name} 未通过检查（{len(errors)} 个错误），未导入任何数据",
            findings=errors,
            where=Location(file=path.name),
        )
    res = LedgerResult(file=path.name)
    with store.write_transaction() as conn:
        ids: dict[str, tuple[str, int, dict]] = {}
        for code, vals in parsed["projects"]:
            pid = insert_project(conn, vals, code, actor=actor, ip=ip)
            ids[code] = ("project", pid, {**vals, "id": pid})
            res.projects += 1
        for code, rep, on in parsed["reports"]:
            write_report(conn, ids[code][2], rep, on=on, actor=actor, ip=ip)
            res.reports += 1
        for code, vals, state, closed, progress in parsed["tasks"]:
            tid = insert_task(conn, vals, code, actor=actor, ip=ip, status=state)
            if closed:
                conn.execute(T.update().where(T.c.id == tid).values(closed_on=closed))
            if progress:
                conn.execute(
                    S.insert().values(
                        task_id=tid,
                        step="报送进展",
                        on=closed or vals["assigned"],
                        at=datetime.now(),
                        actor=getattr(actor, "username", None),
                        unit=vals["lead_unit"],
                        from_status=state,
                        to_status=state,
                        text=f"（台账导入）{progress}",
                    )
                )
            ids[code] = ("task", tid, vals)
            res.tasks += 1
        for code, kind, owner, text, unit, raised, closed, note in parsed["problems"]:
            _, oid, item = ids[owner]
            pid = conn.execute(
                PR.insert().values(
                    code=code,
                    task_id=oid if kind == "task" else None,
                    project_id=oid if kind == "project" else None,
                    text=text,
                    unit=unit,
                    raised_on=raised,
                    closed_on=closed,
                    closing_note=note,
                )
            ).inserted_primary_key[0]
            record_event(
                conn,
                actor=actor,
                action="problem.add",
                object_type="problem",
                object_id=str(pid),
                region=item["region_code"],
                after={"code": code, "owner": owner, "closed_on": closed},
                ip=ip,
            )
            res.problems += 1
            res.problems_closed += closed is not None
        record_event(
            conn,
            actor=actor,
            action="ledger.import",
            object_type="ledger",
            object_id=path.name,
            after={
                "projects": res.projects,
                "reports": res.reports,
                "tasks": res.tasks,
                "problems": res.problems,
            },
            ip=ip,
        )
    return res
