"""Findings: data-quality problems, warnings and shortfalls as typed data, not exceptions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from xingshi.errors import Location

Severity = Literal["error", "warning", "info"]
SEVERITY_NAMES = {"error": "错误", "warning": "预警", "info": "提示"}
# Every rule's Chinese name, shown beside its code (docs/IMPORT.md, docs/ANALYSIS.md).
RULE_NAMES = {
    # analysis
    "behind_target": "低于目标",
    "behind_time_progress": "落后时间进度",
    "below_parent": "低于上级平均",
    "bottom_n": "排位靠后",
    "rank_fell": "位次下降",
    "rank_fell_yoy": "位次比上年同期下降",
    "front_loaded": "前高后低",
    "related_divergence": "与相关指标背离",
    "rank_mismatch": "位次与增速不符",
    # import checks (审核)
    "not_spreadsheet": "不是表格文件",
    "empty_file": "空文件",
    "empty_sheet": "空工作表",
    "encoding": "文字编码",
    "layout": "表样无法识别",
    "header": "表头",
    "unknown_region": "未知地区",
    "ambiguous_region": "地区重名",
    "unknown_indicator": "未知指标",
    "period": "时期",
    "unit_clash": "单位不相容",
    "not_a_number": "不是数字",
    "target_kind": "目标类型",
    "duplicate": "重复行",
    "cumulative_decrease": "累计值下降",
    "cumulative_fell": "累计值下降",
    "rank_contradiction": "位次与增速矛盾",
    "growth_mismatch": "增速与总量不符",
    "sum_mismatch": "下级之和与上级不符",
    "implausible": "取值超出范围",
    "no_data": "缺少数据",
    "index_base": "指数基期行",
}


def rule_label(rule: str) -> str:
    """A rule's Chinese name with its code beside it: 落后时间进度（behind_time_progress）."""
    name = RULE_NAMES.get(rule)
    return f"{name}（{rule}）" if name else rule


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding: which rule, how severe, a Chinese message, where, and the figures behind it."""

    rule: str
    severity: Severity
    message: str
    where: Location = field(default_factory=Location)
    hint: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        place = self.where.describe()
        text = f"{place}：{self.message}" if place else self.message
        text = f"[{self.rule}] {text}"
        if self.hint:
            text += f"（提示：{self.hint}）"
        return text

    def to_record(self) -> dict[str, Any]:
        rec = asdict(self)
        rec.update({f"where_{k}": v for k, v in rec.pop("where").items()})
        return rec
