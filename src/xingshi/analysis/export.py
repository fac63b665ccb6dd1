"""The analysis written out: JSON records, CSV, an xlsx workbook (no printing here)."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

from xingshi.analysis.core import Analysis
from xingshi.analysis.periods import as_triple, period_label
from xingshi.analysis.warnings import COLOUR_ZH
from xingshi.findings import SEVERITY_NAMES, rule_label

# Column headers for people (csv / xlsx); JSON keeps the codes.
HEADERS_ZH = {
    "role": "角色",
    "region_code": "区划代码",
    "region": "地区",
    "indicator": "指标代码",
    "indicator_name": "指标",
    "period": "时期",
    "value": "本期值",
    "unit": "单位",
    "growth_pct": "增速(%)",
    "growth_computed": "增速为推算",
    "rank": "排名",
    "rank_basis": "排名依据",
    "rank_scope": "排名范围",
    "rank_change": "位次变化",
    "gap_to_parent_pp": "与上级差(百分点)",
    "target": "目标",
    "completion_pct": "完成率(%)",
    "time_progress_pct": "时间进度(%)",
    "required_growth_pct": "剩余月份需增长(%)",
    "warning": "预警",
    "target_kind": "目标类型",
    "rank_of": "排名地区数",
    "rank_change_yoy": "位次比上年同期变化",
    "parent_growth_pct": "上级增速(%)",
    "share_of_parent_pct": "占上级比重(%)",
    "two_year_avg_pct": "两年平均增速(%)",
    "value_ly": "上年同期值",
}
# Coded values for people (csv / xlsx), beside the code where a reader may need it.
VALUES_ZH: dict[str, dict[Any, str]] = {
    "role": {"self": "本地区", "peer": "同级地区", "child": "下辖地区", "parent": "上级"},
    "rank_basis": {"growth": "增速", "level": "总量"},
    "warning": COLOUR_ZH,
    "target_kind": {"growth": "增长", "level": "总量", "count": "数量"},
    "growth_computed": {True: "是", False: ""},
}
# Figures rounded as published: growth, points and percentages to one decimal, levels to two,
# yuan and counts whole.
_ONE_DECIMAL = {"growth_pct", "gap_to_parent_pp", "completion_pct", "time_progress_pct",
                "required_growth_pct", "parent_growth_pct", "share_of_parent_pct",
                "two_year_avg_pct"}  # fmt: skip
_LEVELS = {"value", "target", "value_ly"}
_WHOLE_UNITS = {"元", "家", "个", "人", "项"}


def _clean(value: Any) -> Any:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


def records(analysis: Analysis) -> list[dict[str, Any]]:
    """The table as JSON-ready records."""
    return [{k: _clean(v) for k, v in r.items()} for r in analysis.records()]


def to_json(analysis: Analysis) -> str:
    return json.dumps(records(analysis), ensure_ascii=False, indent=2)


def _shown(key: str, value: Any, row: dict[str, Any]) -> Any:
    """A value as a person reads it: coded values in Chinese, figures rounded as published."""
    if key == "period" and value:
        return period_label(as_triple(value))
    if key in VALUES_ZH:
        return VALUES_ZH[key].get(value, value) if value is not None else None
    if value is None or not isinstance(value, float):
        return value
    if key in _ONE_DECIMAL:
        return round(value, 1)
    if key in _LEVELS:
        if row.get("unit") in _WHOLE_UNITS or (
            key == "target" and row.get("target_kind") == "count"
        ):
            return round(value)
        return round(value, 1 if row.get("unit") == "%" else 2)
    return value


def people_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """The table for people (csv, xlsx): Chinese headers and values, figures as published."""
    out = []
    for r in records(analysis):
        out.append({HEADERS_ZH[k]: _shown(k, r.get(k), r) for k in HEADERS_ZH if k in r})
    return out


def to_csv(analysis: Analysis) -> str:
    rows = people_rows(analysis)
    buf = io.StringIO()
    if not rows:
        return ""
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def write_xlsx(analysis: Analysis, path: str | Path) -> Path:
    """A workbook: 分析表 (the table), 预警与审核 (findings), 贡献 (拉动 and 贡献率)."""
    import xlsxwriter

    path = Path(path)
    rows = people_rows(analysis)
    with xlsxwriter.Workbook(str(path)) as wb:
        bold = wb.add_format({"bold": True})
        ws = wb.add_worksheet("分析表")
        cols = list(rows[0]) if rows else list(HEADERS_ZH.values())
        for j, c in enumerate(cols):
            ws.write(0, j, c, bold)
        for i, r in enumerate(rows, start=1):
            for j, c in enumerate(cols):
                v = r[c]
                if v is not None:
                    ws.write(i, j, v if isinstance(v, (int, float, str, bool)) else str(v))
        ws.freeze_panes(1, 0)
        fs = wb.add_worksheet("预警与审核")
        for j, h in enumerate(("规则", "级别", "说明", "数据")):
            fs.write(0, j, h, bold)
        for i, f in enumerate(analysis.findings, start=1):
            fs.write_row(
                i,
                0,
                [
                    rule_label(f.rule),
                    SEVERITY_NAMES.get(f.severity, f.severity),
                    f.message,
                    json.dumps(f.data, ensure_ascii=False),
                ],
            )
        cs = wb.add_worksheet("贡献")
        contrib = analysis.contributions
        heads = {
            "region_code": "区划代码",
            "indicator": "总量指标",
            "component": "构成指标",
            "growth_pct": "构成增速(%)",
            "share_ly_pct": "上年同期占比(%)",
            "pull_pp": "拉动(百分点)",
            "contribution_pct": "贡献率(%)",
        }
        for j, c in enumerate(contrib.columns):
            cs.write(0, j, heads.get(c, c), bold)
        for i, row in enumerate(contrib.iter_rows(), start=1):
            for j, v in enumerate(row):
                if _clean(v) is not None:
                    cs.write(i, j, v)
    return path
