"""Rule ``unknown_indicator``: every value belongs to an indicator of the catalogue."""

from __future__ import annotations

import re
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


# Numbering and sub-item marks of statistical reports: 一、 1、 1. (一) ① 其中： # 在总额中：
_PREFIX = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|[(（][一二三四五六七八九十\d]+[)）]|"
    r"其中[:：]?|内[:：]|附[:：]|#+|[*＊]+)+"
)
# 按常住平均人口计算的人均地区生产总值: the catalogue's per-capita figures are by resident
# population; the same figure by registered population (按户籍人口) is another measure.
_RESIDENT_BASIS = re.compile(r"^按常住(平均)?人口(计算)?的?(?=人均)")
_REGISTERED_BASIS = re.compile(r"^按户籍(平均)?人口(计算)?的?(?=人均)")
# 期末金融机构本外币存款余额: a stock is at the period's end whether or not the name says so.
_AT_END = re.compile(r"^(期末|月末|年末)(?=.{4,}余额$)")
# Words a table's title qualifies every row with: 可支配收入 under 城镇居民…, 工业总产值 under
# 规模以上工业…
QUALIFIERS = (
    "城镇居民人均",
    "农村居民人均",
    "城镇居民",
    "农村居民",
    "全体居民",
    "规模以上",
    "限额以上",
    "限上",
)


def _cleaned(text: str) -> str:
    return _RESIDENT_BASIS.sub("", _AT_END.sub("", _PREFIX.sub("", text)))


def _qualified(text: str, context: str | None) -> list[str]:
    if not context:
        return []
    norm = normalize_text(context)
    return [q + text for q in QUALIFIERS if q in norm and not text.startswith(q)]


def near_names(indicators: Any, text: str, limit: int = 3) -> list[str]:
    """Catalogue names close to an unknown one (one contains the other), for the message."""
    seen: dict[str, None] = {}
    for alias, code in indicators.alias_pairs():
        a = normalize_text(alias)
        if len(a) >= 3 and (a in text or text in a):
            seen.setdefault(indicators.get(code).name)
    return list(seen)[:limit]


def resolve_indicator(
    indicators: Any,
    name: Any,
    where: Location,
    *,
    from_file_name: bool = False,
    severity: str = "error",
    context: str | None = None,
) -> tuple[Any | None, Finding | None]:
    """The catalogue Indicator for a name, or a finding saying why not.

    ``context`` is the table's title: its qualifiers (城镇居民, 规模以上) are tried before the
    bare name (可支配收入 in 各调查市城镇居民年人均主要指标 is 城镇居民可支配收入).
    """
    text = _cleaned(normalize_text(name))
    if not text:
        hint = "填写指标名称"
        if from_file_name:
            hint = "文件名和表头都没有指标名：请用 --indicator 指定，如 --indicator 地区生产总值"
        return None, Finding("unknown_indicator", severity, "指标名称为空", where, hint=hint)
    if _REGISTERED_BASIS.match(text):
        return None, Finding(
            "unknown_indicator",
            severity,
            f"“{text}”按户籍人口计算，目录中的人均指标按常住人口计算，该行未导入",
            where,
            hint="按常住人口计算的一行照常导入；需要户籍口径时在工作区目录中另加指标",
        )
    last: CatalogError | None = None
    candidates = _variants(text) if from_file_name else [*_qualified(text, context), text]
    for candidate in candidates:
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
    near = near_names(indicators, text)
    if near:
        message += f"；相近的目录指标：{'、'.join(near)}"
        hint = "如为同一指标，请在工作区 indicators.toml 中为它加别名；否则该列不导入"
    if severity == "warning":
        message += "；该列未导入"
    return None, Finding("unknown_indicator", severity, message, where, hint=hint)


def indicator_in_texts(
    indicators: Any, texts: list[str], where: Location
) -> tuple[Any | None, Finding | None]:
    """The indicator a one-indicator table names in its title, sheet name or file name.

    The texts are tried in order; within one, the longest catalogue name or alias wins
    (规模以上工业增加值 over 工业增加值). A text naming two indicators (a lead sentence on
    投资 and 社零) says nothing about the one table: the next text is tried.
    """
    pairs = [(normalize_text(n), code) for n, code in indicators.alias_pairs()]
    pairs.sort(key=lambda p: -len(p[0]))
    for text in texts:
        norm = normalize_text(text)
        found = next(((name, code) for name, code in pairs if name and name in norm), None)
        if found is None:
            continue
        rest = norm.replace(found[0], "\0")
        if any(name and code != found[1] and name in rest for name, code in pairs):
            continue
        return indicators.get(found[1]), None
    return None, Finding(
        "unknown_indicator",
        "error",
        "表头只有“累计”“增速”“位次”或时期，没有指标名；标题、工作表名和文件名中也找不到目录中的指标",
        where,
        hint="在标题中写明指标（如“2021年1-6月各县市区地方一般公共预算收入”），"
        "或用 --indicator 指定",
    )
