"""Units: parse the unit strings figures come with and convert between compatible ones.

Each unit is a dimension and a factor to that dimension's base (万元 = 1e4 元); conversion
within a dimension is exact scaling, across dimensions a :class:`CatalogError`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from xingshi.errors import CatalogError, Location


@dataclass(frozen=True)
class Unit:
    """A unit: canonical symbol, dimension and factor to the dimension's base unit."""

    symbol: str
    dimension: str
    factor: float


# symbol -> (dimension, factor); the base unit of each dimension has factor 1.
_UNITS: dict[str, tuple[str, float]] = {
    "元": ("money", 1.0),
    "万元": ("money", 1e4),
    "亿元": ("money", 1e8),
    "万亿元": ("money", 1e12),
    "美元": ("usd", 1.0),
    "万美元": ("usd", 1e4),
    "亿美元": ("usd", 1e8),
    "人次": ("visits", 1.0),
    "万人次": ("visits", 1e4),
    "亿人次": ("visits", 1e8),
    "人": ("people", 1.0),
    "万人": ("people", 1e4),
    "%": ("percent", 1.0),
    "个百分点": ("pp", 1.0),
    "家": ("entities", 1.0),  # enterprises and market entities are counted in 家 or 户
    "户": ("entities", 1.0),
    "万户": ("entities", 1e4),
    "万家": ("entities", 1e4),
    "个": ("items", 1.0),
    "万个": ("items", 1e4),
    "项": ("projects", 1.0),
    "件": ("cases", 1.0),
    "万件": ("cases", 1e4),
    "千瓦时": ("energy", 1.0),
    "万千瓦时": ("energy", 1e4),
    "亿千瓦时": ("energy", 1e8),
    "吨": ("mass", 1.0),
    "万吨": ("mass", 1e4),
    "平方米": ("area", 1.0),
    "万平方米": ("area", 1e4),
    "亩": ("land", 1.0),
    "万亩": ("land", 1e4),
    "辆": ("vehicles", 1.0),
    "万辆": ("vehicles", 1e4),
}

# Other ways of writing the same unit.
_SYNONYMS: dict[str, str] = {
    "元/人": "元",
    "元/人·年": "元",
    "百分点": "个百分点",
    "pp": "个百分点",
    "％": "%",
    "百分比": "%",
    "度": "千瓦时",
    "kwh": "千瓦时",
    "万kwh": "万千瓦时",
    "亿kwh": "亿千瓦时",
    "万度": "万千瓦时",
    "亿度": "亿千瓦时",
    "人民币元": "元",
    "万元人民币": "万元",
    "亿元人民币": "亿元",
}

UNIT_NAMES = tuple(_UNITS)


def _clean(text: str) -> str:
    s = unicodedata.normalize("NFKC", str(text)).strip().lower()
    s = re.sub(r"\s+", "", s)
    return s.strip("()[]【】")


def parse_unit(text: str) -> Unit:
    """The :class:`Unit` for a unit string such as ``亿元``, ``(万元)``, ``个百分点``."""
    s = _clean(text)
    s = _SYNONYMS.get(s, s)
    if s not in _UNITS:
        raise CatalogError(
            f"无法识别的单位“{text}”",
            where=Location(value=text),
            hint=f"可用单位：{'、'.join(UNIT_NAMES)}",
        )
    dimension, factor = _UNITS[s]
    return Unit(s, dimension, factor)


def try_parse_unit(text: str | None) -> Unit | None:
    """Like :func:`parse_unit`, None for an empty or unknown unit."""
    if not text:
        return None
    try:
        return parse_unit(text)
    except CatalogError:
        return None


def compatible(a: str, b: str) -> bool:
    """True when values in ``a`` can be converted to ``b``."""
    return parse_unit(a).dimension == parse_unit(b).dimension


def factor(from_unit: str, to_unit: str) -> float:
    """The multiplier taking a value in ``from_unit`` to ``to_unit``."""
    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    if src.dimension != dst.dimension:
        raise CatalogError(
            f"单位“{from_unit}”不能换算为“{to_unit}”",
            where=Location(value=from_unit),
            hint="两个单位量纲不同（如金额与企业数），请检查表头单位或指标",
        )
    return src.factor / dst.factor


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit`` (万元 → 亿元 divides by 1e4)."""
    f = factor(from_unit, to_unit)
    # Round away the binary noise of scaling (12345 万元 → 1.2345 亿元, not 1.2345000000000002).
    return float(round(value * f, 10)) if f != 1 else float(value)
