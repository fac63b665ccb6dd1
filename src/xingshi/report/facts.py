"""The analysis table read into per-indicator facts, and the book of sources every figure cites."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import polars as pl

from xingshi.errors import XingshiError
from xingshi.report.model import Fig, SourceRef
from xingshi.report.wording import isnum

LIGHTS = {
    "red": "red",
    "红": "red",
    "yellow": "yellow",
    "黄": "yellow",
    "green": "green",
    "绿": "green",
}
LIGHT_NAMES = {"red": "红", "yellow": "黄", "green": "绿"}


@cache
def load_template_data(name: str) -> dict[str, Any]:
    """A TOML file from `report/templates/` (sentences, topics)."""
    text = resources.files("xingshi.report").joinpath("templates", name).read_text("utf-8")
    return tomllib.loads(text)


@dataclass
class Item:
    """One region × indicator of the analysed period, as the prose needs it."""

    region_code: str
    region: str
    role: str
    indicator: str
    name: str  # as said in a speech (规模工业增加值)
    full_name: str  # the catalogue's name
    verb: str
    kind: str
    unit: str
    period: str
    label: str = ""  # the name said on its own (新增入规企业数), where `name` needs its verb
    level: float | None = None
    growth: float | None = None
    growth_computed: bool = False
    rank: int | None = None
    rank_basis: str | None = None
    n_peers: int | None = None
    rank_change: int | None = None
    gap: float | None = None
    target: float | None = None
    target_kind: str | None = None
    completion: float | None = None
    time_progress: float | None = None
    required: float | None = None
    warning: str | None = None
    approx: str | None = None
    growth_rule: str | None = None  # count: said as 增加159家, not as a percent
    change: float | None = None  # level minus the same period last year
    level_ly: float | None = None
    share: float | None = None  # % of the parent's level
    higher_is_better: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_rate(self) -> bool:
        return self.kind == "rate"

    @property
    def is_count_change(self) -> bool:
        """A count whose catalogue rule says its change is told in units (增加159家)."""
        return self.growth_rule == "count" and self.change is not None


def _num(x: Any) -> float | None:
    return float(x) if isnum(x) else None


def _int(x: Any) -> int | None:
    return int(x) if isnum(x) else None


def _approx(note: Any) -> str | None:
    # The store has no approximate flag; a source tags one in its note: 近似值 (近…),
    # 下限值 (超过…). Only these tags count: notes also quote speeches, which say 以上 freely.
    text = str(note or "")
    if "近似值" in text:
        return "near"
    if "下限值" in text:
        return "over"
    return None


class SourceBook:
    """Numbers every rendered figure and remembers the cell or computation behind it."""

    def __init__(self, observations: pl.DataFrame | None, targets: pl.DataFrame | None = None):
        self.refs: list[SourceRef] = []
        self._seen: dict[tuple, int] = {}
        self._obs: dict[tuple[str, str, str], dict[str, Any]] = {}
        self._targets: dict[tuple[str, str], dict[str, Any]] = {}
        if observations is not None and observations.height:
            for row in observations.iter_rows(named=True):
                self._obs[(row["region_code"], row["indicator"], row["period"])] = row
        if targets is not None and targets.height:
            for row in targets.iter_rows(named=True):
                self._targets[(row["region_code"], row["indicator"])] = row

    def observation(self, region_code: str, indicator: str, period: str) -> dict[str, Any]:
        return self._obs.get((region_code, indicator, period), {})

    def target(self, region_code: str, indicator: str) -> dict[str, Any]:
        return self._targets.get((region_code, indicator), {})

    def add(self, item: Item, fld: str, value: float | None, text: str, **kw: Any) -> int:
        """Register one figure of `item`; the same figure printed twice keeps one row."""
        key = (item.region_code, item.indicator, item.period, fld, text)
        if key in self._seen:
            return self._seen[key]
        obs = self.observation(item.region_code, item.indicator, item.period)
        if fld == "target" or fld == "completion":
            tgt = self.target(item.region_code, item.indicator)
            src = {
                "release_id": tgt.get("release_id"),
                "file": tgt.get("source_file"),
                "sheet": tgt.get("source_sheet"),
                "cell": tgt.get("source_cell"),
                "note": tgt.get("note"),
            }
        else:
            cell = {"level": "level_cell", "growth": "growth_cell", "rank": "rank_cell"}.get(fld)
            src = {
                "release_id": obs.get("release_id"),
                "file": obs.get("source_file"),
                "sheet": obs.get("source_sheet"),
                "cell": obs.get(cell) if cell else None,
                "note": obs.get("note"),
            }
        src.update({k: v for k, v in kw.items() if v is not None})
        ref = SourceRef(
            id=len(self.refs) + 1,
            region_code=item.region_code,
            region=item.region,
            indicator=item.indicator,
            indicator_name=item.full_name,
            period=item.period,
            field=fld,
            value=value,
            text=text,
            **src,
        )
        self.refs.append(ref)
        self._seen[key] = ref.id
        return ref.id

    def said(self, item: Item, fld: str) -> bool:
        """Whether a figure of this kind of `item` is already printed (said once, not twice)."""
        key = (item.region_code, item.indicator, item.period, fld)
        return any(k[:4] == key for k in self._seen)

    def fig(self, item: Item, fld: str, value: float | None, text: str, **kw: Any) -> Fig:
        return Fig(text, self.add(item, fld, value, text, **kw))

    def with_cells(self, item: Item, fld: str, *, last_year: bool = False) -> str:
        """`文件 工作表!C7` of one of the item's source cells, for a computed figure's basis
        (`last_year`: the cell of the same period a year earlier)."""
        period = year_before(item.period) if last_year else item.period
        obs = self.observation(item.region_code, item.indicator, period)
        cell = obs.get({"level": "level_cell", "growth": "growth_cell"}.get(fld, ""), None)
        sheet = obs.get("source_sheet")
        if not cell:
            return "计算值" if obs.get("computed") else "单元格未记录"
        return f"{sheet}!{cell}" if sheet else str(cell)


def year_before(period: str) -> str:
    """`2021-01/2021-06` → `2020-01/2020-06`: the same months a year earlier."""
    parts = period.split("/")
    try:
        return "/".join(f"{int(p[:4]) - 1:04d}{p[4:]}" for p in parts)
    except ValueError:
        return period


class IndicatorLookup:
    """Names, aliases and kinds of indicators from an IndicatorCatalog or its `frame()`."""

    def __init__(self, indicators: Any):
        self._by_code: dict[str, dict[str, Any]] = {}
        self._names: dict[str, str] = {}
        frame = indicators.frame() if hasattr(indicators, "frame") else indicators
        if isinstance(frame, pl.DataFrame):
            for row in frame.iter_rows(named=True):
                self._by_code[row["code"]] = row
                for n in [row["code"], row.get("name"), *(row.get("aliases") or [])]:
                    if n:
                        self._names.setdefault(str(n), row["code"])
        self._catalog = indicators if hasattr(indicators, "resolve") else None

    def resolve(self, name: str) -> str | None:
        """The code for a name or alias, or None when the catalogue does not know it."""
        if name in self._names:
            return self._names[name]
        if self._catalog is not None:
            try:
                return self._catalog.resolve(name).code
            except (XingshiError, LookupError):
                return None
        return None

    def get(self, code: str) -> dict[str, Any]:
        return self._by_code.get(code, {})


def speech_names(lookup: IndicatorLookup) -> dict[str, dict[str, str]]:
    """Indicator code → {name, verb} from topics.toml, keyed through the catalogue's aliases."""
    data = load_template_data("topics.toml").get("speech", {})
    out: dict[str, dict[str, str]] = {}
    for name, spec in data.items():
        code = lookup.resolve(name)
        if code:
            out[code] = dict(spec)
    return out


def items_from_table(
    table: pl.DataFrame, lookup: IndicatorLookup, book: SourceBook, names: dict[str, dict[str, str]]
) -> list[Item]:
    """One Item per region × indicator of the analysis table (the growth rank when doubled)."""
    chosen: dict[tuple[str, str], dict[str, Any]] = {}
    for row in table.iter_rows(named=True):
        key = (row["region_code"], row["indicator"])
        if key not in chosen or row.get("rank_basis") == "growth":
            chosen[key] = row
    counts: dict[tuple[str, str], int] = {}
    for row in chosen.values():
        group = "child" if row.get("role") == "child" else "peers"
        if row.get("role") in ("self", "peer", "child"):
            counts[(group, row["indicator"])] = counts.get((group, row["indicator"]), 0) + 1
    return [_item(row, lookup, book, names, counts) for row in chosen.values()]


def _item(row, lookup: IndicatorLookup, book: SourceBook, names, counts) -> Item:
    code = row["indicator"]
    ind = lookup.get(code)
    full = row.get("indicator_name") or ind.get("name") or code
    kind = row.get("kind") or ind.get("kind") or "flow"
    spec = names.get(code, {})
    obs = book.observation(row["region_code"], code, row["period"])
    role = row.get("role") or "peer"
    n = row.get("rank_of") or counts.get(("child" if role == "child" else "peers", code))
    light = LIGHTS.get(str(row.get("warning") or "").lower())
    completion = _num(row.get("completion_pct"))
    target_kind = row.get("target_kind") or book.target(row["region_code"], code).get("target_kind")
    growth, parent_growth = _num(row.get("growth_pct")), _num(row.get("parent_growth_pct"))
    gap = _num(row.get("gap_to_parent_pp"))
    if growth is not None and parent_growth is not None:
        # the gap between the two figures as printed (one decimal), so the sentence adds up
        gap = round(round(growth, 1) - round(parent_growth, 1), 1)
    if target_kind is None and row.get("target") is not None:
        target_kind = "level" if completion is not None else "growth"
    return Item(
        region_code=row["region_code"],
        region=row.get("region") or row.get("region_name") or row["region_code"],
        role=role,
        indicator=code,
        name=spec.get("name", full),
        full_name=full,
        verb=spec.get("verb", "实现" if kind == "flow" else ""),
        label=spec.get("label", spec.get("name", full)),
        kind=kind,
        unit=row.get("unit") or ind.get("unit") or "",
        period=row["period"],
        level=_num(row.get("value")),
        growth=growth,
        growth_computed=bool(row.get("growth_computed")),
        rank=_int(row.get("rank")),
        rank_basis=row.get("rank_basis"),
        n_peers=_int(n),
        rank_change=_int(row.get("rank_change")),
        gap=gap,
        target=_num(row.get("target")),
        target_kind=target_kind,
        completion=completion,
        time_progress=_num(row.get("time_progress_pct")),
        required=_num(row.get("required_growth_pct")),
        warning=light,
        approx=row.get("approx") or _approx(obs.get("note")),
        growth_rule=row.get("growth_rule") or ind.get("growth_rule"),
        change=_num(row.get("change")),
        level_ly=_num(row.get("value_ly")),
        share=_num(row.get("share_of_parent_pct")),
        higher_is_better=ind.get("higher_is_better", True) is not False,
        extra={
            **{k: row.get(k) for k in ("region_name", "region_level", "parent_code", "rank_prev")},
            "rank_change_yoy": _int(row.get("rank_change_yoy")),
            "frequency": row.get("frequency") or ind.get("frequency"),
        },
    )
