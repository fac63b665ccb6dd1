"""Indicators: the catalogue of economic indicators, shipped as data (``data/indicators.toml``).

Each indicator has a stable ASCII code, a canonical Chinese name and its aliases (规模工业增加值
= 规模以上工业增加值), a kind, a canonical unit, a publication frequency, the rule for its
growth rate, whether children add up to the parent, and the components that 拉动 it.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xingshi.catalog.units import try_parse_unit
from xingshi.errors import CatalogError, Location, UnknownIndicator

if TYPE_CHECKING:
    import polars as pl

DATA_FILE = Path(__file__).parent / "data" / "indicators.toml"
KINDS = ("flow", "stock", "rate", "count")
FREQUENCIES = ("monthly", "monthly_jan", "quarterly", "annual")
GROWTH_RULES = ("comparable", "nominal", "pp", "count")
ADDITIVE = (True, "approx", False)
_CODE = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Indicator:
    """One indicator; see docs/ARCHITECTURE.md for the meaning of each field."""

    code: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    unit: str
    frequency: str
    growth_rule: str
    additive: bool | str
    components: tuple[str, ...] = ()
    higher_is_better: bool = True

    @property
    def growth_unit(self) -> str:
        """Unit of the change: 个百分点 for rates, the count's own unit (家) for counts, else %."""
        return {"pp": "个百分点", "count": self.unit}.get(self.growth_rule, "%")


_QUOTES = re.compile(r"[\"'“”‘’「」『』〝〞]")


def normalise_name(text: str) -> str:
    """The matching form of an indicator name: NFKC, no spaces or quotes, round brackets."""
    s = unicodedata.normalize("NFKC", str(text))
    s = re.sub(r"\s+", "", s)
    s = _QUOTES.sub("", s)
    s = s.replace("[", "(").replace("]", ")").replace("【", "(").replace("】", ")")
    return s.casefold()


_TRAILING_UNIT = re.compile(r"\(([^()]*)\)$")
_WHOLE_AREA = re.compile(r"^[全本][省市州县区旗盟](?=..)")
_LEADING = re.compile(r"^(?:其中[:：]?|[#*#＃]+|\(?[0-9一二三四五六七八九十]{1,3}[)、.．]|[①-⑳])+")


class IndicatorCatalog:
    """Indicator lookup by code, name or alias."""

    def __init__(self, indicators: list[Indicator]):
        self._by_code = {i.code: i for i in indicators}
        self._index: dict[str, str] = {}
        for i in indicators:
            for key in (i.code, i.name, *i.aliases):
                self._index.setdefault(normalise_name(key), i.code)
        # 交通运输仓储和邮政业 for 交通运输、仓储和邮政业: tables drop the 顿号 of a name's list.
        self._loose: dict[str, str | None] = {}
        for key, code in self._index.items():
            loose = key.replace("、", "")
            self._loose[loose] = code if self._loose.get(loose, code) == code else None

    @classmethod
    def load(cls, extra: str | Path | None = None) -> IndicatorCatalog:
        """The shipped catalogue plus, optionally, a workspace ``indicators.toml`` (same format).

        A workspace entry with a shipped code replaces it; cached per path and file time.
        """
        if extra is None:
            return _load_cached(None, 0)
        path = Path(extra)
        if not path.is_file():  # a workspace without its own indicators
            return _load_cached(None, 0)
        return _load_cached(str(path.resolve()), path.stat().st_mtime_ns)

    def get(self, code: str) -> Indicator:
        if code not in self._by_code:
            raise self._unknown(code)
        return self._by_code[code]

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self._by_code.values())

    def all(self) -> list[Indicator]:
        return list(self._by_code.values())

    def resolve(self, name: str) -> Indicator:
        """The indicator for a code, name or alias (spaces, quotes and bracket styles ignored).

        A trailing bracketed unit (``地区生产总值 (亿元)``) is dropped if the full text is unknown.
        """
        s = normalise_name(name)
        code = self._index.get(s)
        if code is None:
            # Row labels in statistical tables: "其中：规模工业增加值", "1.地区生产总值 (亿元)".
            s = _LEADING.sub("", s)
            code = self._index.get(s)
        if code is None and (m := _TRAILING_UNIT.search(s)) and try_parse_unit(m[1]):
            code = self._index.get(s[: m.start()])
        if code is None and (m := _TRAILING_UNIT.search(s)):
            # 地区生产总值(GDP): the bracket names the same indicator as the words before it.
            before, inner = self._index.get(s[: m.start()]), self._index.get(m[1])
            code = before if before is not None and before == inner else None
        if code is None and (m := _WHOLE_AREA.match(s)):
            code = self._index.get(s[m.end() :])  # 全市生产总值, 本区生产总值
        if code is None and s.endswith("总量") and len(s) > 3:
            # GDP总量 (a ranking page's amount column): the indicator named before 总量; a
            # name of its own (经济总量) was found whole above.
            code = self._index.get(s.removesuffix("总量"))
        if code is None and "、" not in s:
            code = self._loose.get(s)
        if code is None:
            raise self._unknown(name)
        return self._by_code[code]

    def try_resolve(self, name: str) -> Indicator | None:
        try:
            return self.resolve(name)
        except UnknownIndicator:
            return None

    def _unknown(self, name: str) -> UnknownIndicator:
        close = difflib.get_close_matches(normalise_name(name), list(self._index), n=5, cutoff=0.5)
        if close:
            hint = "是否指：" + "、".join(f"{k}({self._index[k]})" for k in close) + "？"
        else:
            hint = "可在工作区的 indicators.toml 中添加指标或别名"
        return UnknownIndicator(f"未知的指标“{name}”", where=Location(value=name), hint=hint)

    def alias_pairs(self) -> list[tuple[str, str]]:
        """Every (name or alias, code), longest first, for finding indicators in text."""
        pairs = {(n, i.code) for i in self._by_code.values() for n in (i.name, *i.aliases)}
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))

    def frame(self) -> pl.DataFrame:
        """The catalogue as a polars frame, one row per indicator."""
        import polars as pl  # here so that loading the catalogue stays fast

        rows = [
            {
                "code": i.code,
                "name": i.name,
                "aliases": list(i.aliases),
                "kind": i.kind,
                "unit": i.unit,
                "frequency": i.frequency,
                "growth_rule": i.growth_rule,
                "additive": str(i.additive).lower(),
                "components": list(i.components),
                "higher_is_better": i.higher_is_better,
            }
            for i in self._by_code.values()
        ]
        return pl.DataFrame(rows)


def _read(path: Path) -> list[dict[str, Any]]:
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(
            f"指标文件格式错误：{exc}",
            where=Location(file=str(path)),
            hint="指标文件为 TOML，每个指标一个 [[indicator]] 表",
        ) from None
    items = data.get("indicator", [])
    if not isinstance(items, list):
        raise CatalogError(
            "指标文件应包含 [[indicator]] 表", where=Location(file=str(path)), hint=None
        )
    return items


def _build(raw: dict[str, Any], path: Path) -> Indicator:
    code = str(raw.get("code", ""))
    where = Location(file=str(path), value=code or raw.get("name"))

    def bad(field: str, allowed: str) -> CatalogError:
        return CatalogError(
            f"指标“{code}”的 {field} 无效：{raw.get(field)!r}", where=where, hint=allowed
        )

    if not _CODE.fullmatch(code):
        raise bad("code", "code 为小写英文字母、数字和下划线，如 industry_va")
    if not raw.get("name"):
        raise bad("name", "每个指标须有中文名称 name")
    for field, allowed in (
        ("kind", KINDS),
        ("frequency", FREQUENCIES),
        ("growth_rule", GROWTH_RULES),
    ):
        if raw.get(field) not in allowed:
            raise bad(field, "可选：" + "、".join(allowed))
    additive = raw.get("additive", False)
    if additive not in ADDITIVE:
        raise bad("additive", '可选：true、false、"approx"')
    if try_parse_unit(raw.get("unit")) is None:
        raise bad("unit", "单位如 亿元、万元、元、万人次、万人、%、家、个、万千瓦时、万美元")
    return Indicator(
        code=code,
        name=str(raw["name"]),
        aliases=tuple(str(a) for a in raw.get("aliases", ())),
        kind=raw["kind"],
        unit=str(raw["unit"]),
        frequency=raw["frequency"],
        growth_rule=raw["growth_rule"],
        additive=additive,
        components=tuple(str(c) for c in raw.get("components", ())),
        higher_is_better=bool(raw.get("higher_is_better", True)),
    )


def _check(indicators: dict[str, Indicator], path: Path) -> None:
    """Aliases unique across indicators, components known."""
    seen: dict[str, str] = {}
    for i in indicators.values():
        for key in {normalise_name(n) for n in (i.code, i.name, *i.aliases)}:
            other = seen.setdefault(key, i.code)
            if other != i.code:
                raise CatalogError(
                    f"名称“{key}”同时属于指标 {other} 和 {i.code}",
                    where=Location(file=str(path), value=key),
                    hint="每个名称或别名只能指向一个指标",
                )
        for c in i.components:
            if c not in indicators:
                raise CatalogError(
                    f"指标 {i.code} 的构成项 {c} 不存在",
                    where=Location(file=str(path), value=c),
                    hint="components 须为已定义的指标代码",
                )


@lru_cache(maxsize=8)
def _load_cached(extra: str | None, stamp: int) -> IndicatorCatalog:
    found: dict[str, Indicator] = {}
    for path in [DATA_FILE] + ([Path(extra)] if extra else []):
        for raw in _read(path):
            ind = _build(raw, path)
            found[ind.code] = ind
    _check(found, Path(extra) if extra else DATA_FILE)
    return IndicatorCatalog(list(found.values()))
