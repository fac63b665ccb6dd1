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


def indicator_in_texts(
    indicators: Any, texts: list[str], where: Location
) -> tuple[Any | None, Finding | None]:
    """The indicator a one-indicator table names in its title, sheet name or file name.

    The texts are tried in order; within one, the longest catalogue name or alias wins
    (规模以上工业增加值 over 工业增加值).
    """
    pairs = [(normalize_text(n), code) for n, code in indicators.alias_pairs()]
    pairs.sort(key=lambda p: -len(p[0]))
    for text in texts:
        norm = normalize_text(text)
        for name, code in pairs:
            if name and name in norm:
                return indicators.get(code), None
    return None, Finding(
        "unknown_indicator",
        "error",
        "表头只有“累计”“增速”“位次”或时期，没有指标名；标题、工作表名和文件名中也找不到目录中的指标",
        where,
        hint="在标题中写明指标（如“2021年1-6月各县市区地方一般公共预算收入”），"
        "或用 --indicator 指定",
    )
