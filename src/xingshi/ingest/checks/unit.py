"""Rule ``unit_clash``: a unit that measures something else than the indicator (家 for GDP)."""

from __future__ import annotations

from typing import Any

from xingshi.catalog.units import try_parse_unit
from xingshi.errors import Location
from xingshi.findings import Finding
from xingshi.ingest.values import UnitClash, convert, normalize_text


def _amount_without_its_unit(note: str, canonical: str) -> bool:
    """A note's unit of another kind (个, 家) over an amount (亿元): its magnitude is not said."""
    a, b = try_parse_unit(note), try_parse_unit(canonical)
    return a is not None and b is not None and b.dimension == "money" != a.dimension


def _other_currency(unit: str, canonical: str) -> bool:
    """美元 for an indicator in 元: the same measure in another currency, not convertible here."""
    a, b = try_parse_unit(unit), try_parse_unit(canonical)
    return a is not None and b is not None and {a.dimension, b.dimension} == {"usd", "money"}


def to_canonical(
    value: float | None, unit: Any, indicator: Any, where: Location, *, lenient: bool = False
) -> tuple[float | None, Finding | None]:
    """The level in the indicator's canonical unit (万元 → 亿元), or a unit clash finding.

    ``lenient`` is for a sheet-wide unit note (单位：亿元、%) that cannot apply to every column:
    where it clashes the value is taken as already canonical.
    """
    text = normalize_text(unit)
    if not text or text == normalize_text(indicator.unit):
        return value, None
    if lenient and "、" in text:
        # 单位:个、万元: each row in the one of the note's units that measures its indicator.
        parts = [p for p in text.split("、") if p]
        own = try_parse_unit(indicator.unit)
        if any(
            (u := try_parse_unit(part)) is not None and own is not None and u.symbol == own.symbol
            for part in parts
        ):
            return value, None  # 单位：万元、元 over 人均 rows: the note's 元 is theirs
        for part in parts:
            try:
                converted = None if value is None else convert(value, part, indicator.unit)
            except UnitClash:
                continue
            if converted is not None and _per_capita_beyond_reason(indicator, converted):
                continue
            return converted, None
        text = parts[0]
    try:
        converted = None if value is None else convert(value, text, indicator.unit)
        if lenient and converted is not None and _per_capita_beyond_reason(indicator, converted):
            # 单位：万元 over a table with 人均 columns in 元 (105000 is no 10.5亿元 a head)
            return value, Finding(
                "unit_clash",
                "warning",
                f"表上的单位说明“{unit}”不适用于人均指标（如{indicator.name}），"
                f"其数按{indicator.unit}读取",
                where,
                hint=f"人均指标以{indicator.unit}计；如确以{unit}计，请在该列表头写明单位",
            )
        return converted, None
    except UnitClash:
        if lenient and _amount_without_its_unit(text, normalize_text(indicator.unit)):
            # 单位:个 over 规模以上工业总产值: the note says nothing of the amounts' unit (元,
            # 万元 or 亿元); taking them as 亿元 would store 206713 万元 as 206713 亿元.
            return None, Finding(
                "unit_clash",
                "error",
                f"表上的单位注记“{unit}”不是金额单位，不知道{indicator.name}的数以元、万元还是亿元计",
                where,
                hint=f"请在表上的单位注记或该行的单位栏写明金额单位（如 单位:个、万元）；"
                f"{indicator.name}以{indicator.unit}计",
                data={"unit": str(unit), "expected": indicator.unit},
            )
        if lenient and try_parse_unit(text) is not None:
            # a note's unit of another kind (单位：亿元、% over a rate); an unreadable one
            # (万元(10000yuan) is no licence to take 万元 figures as 亿元
            return value, None
        if _other_currency(text, normalize_text(indicator.unit)):
            # 人均GDP(美元) beside 人均GDP(元): left out and said, never stored as 元.
            return None, Finding(
                "unit_clash",
                "warning",
                f"“{unit}”计的{indicator.name}不能换算为{indicator.unit}，该列未导入",
                where,
                hint=f"{indicator.name}以{indicator.unit}计；以{unit}计的一列不导入，"
                f"如表中另有以{indicator.unit}计的一列，以那一列为准",
                data={"unit": str(unit), "expected": indicator.unit},
            )
        return None, Finding(
            "unit_clash",
            "error",
            f"单位“{unit}”与指标“{indicator.name}”的单位“{indicator.unit}”不相容",
            where,
            hint=f"{indicator.name}以{indicator.unit}计，请检查单位或指标是否填错了列",
            data={"unit": str(unit), "expected": indicator.unit},
        )


# A per-capita figure above 2 million 元 a head (105000 under a 单位：万元 note) is no figure
# of a person: the note is the amounts' unit, not the per-capita columns'.
_PER_CAPITA_CEILING = 2_000_000.0


def _per_capita_beyond_reason(indicator: Any, converted: float) -> bool:
    return (
        "人均" in indicator.name and indicator.unit == "元" and abs(converted) > _PER_CAPITA_CEILING
    )
