"""Rule ``unknown_indicator``: every value belongs to an indicator of the catalogue."""

from __future__ import annotations

from typing import Any

from xingshi.errors import CatalogError, Location
from xingshi.findings import Finding
from xingshi.ingest.values import normalize_text


def _variants(name: str) -> list[str]:
    # Names taken from an NBS file name are shortened (社会消费品总额, 第一产业, 地方财政数据).
    return [
        name,
        name + "增加值",
        name + "收入",
        name.replace("数据", "收入"),
        name.replace("数据", ""),
        name.replace("总额", "零售总额"),
    ]


def resolve_indicator(
    indicators: Any,
    name: Any,
    where: Location,
    *,
    from_file_name: bool = False,
    severity: str = "error",
) -> tuple[Any | None, Finding | None]:
    """The catalogue Indicator for a name, or a finding saying why not."""
    text = normalize_text(name)
    if not text:
        hint = "填写指标名称"
        if from_file_name:
            hint = "文件名和表头都没有指标名：请用 --indicator 指定，如 --indicator 地区生产总值"
        return None, Finding("unknown_indicator", severity, "指标名称为空", where, hint=hint)
    last: CatalogError | None = None
    for candidate in _variants(text) if from_file_name else [text]:
        try:
            return indicators.resolve(candidate), None
        except CatalogError as exc:
            last = exc
    detail = last.message if last is not None else ""
    hint = "检查指标名称，或在工作区目录中添加该指标（含别名）"
    if from_file_name:
        hint = (
            "年份横排的国家数据文件不含指标名：请用 --indicator 指定，"
            "如 --indicator 社会消费品零售总额"
        )
    message = f"未知指标“{text}”：{detail}"
    if severity == "warning":
        message += "；该列未导入"
    return None, Finding("unknown_indicator", severity, message, where, hint=hint)
