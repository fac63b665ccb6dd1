"""Raw records → the observations and targets frames of ARCHITECTURE.md, with findings.

Each cell is resolved by the rule module that owns it (region, indicator, period, number,
unit); nothing here raises for bad data, every problem becomes a Finding at its cell.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import polars as pl

from xingshi.errors import Location
from xingshi.findings import Finding
from xingshi.ingest.checks.indicator import indicator_in_texts, resolve_indicator
from xingshi.ingest.checks.number import read_number
from xingshi.ingest.checks.period import resolve_period
from xingshi.ingest.checks.region import region_in_text, resolve_regions, urban_part
from xingshi.ingest.checks.unit import to_canonical
from xingshi.ingest.limits import CappedFindings
from xingshi.ingest.records import RawObs, RawTarget, Reading
from xingshi.ingest.sources import column_letter
from xingshi.ingest.values import last_decimal_tolerance, normalize_text, split_cell_unit
from xingshi.store import OBSERVATION_SCHEMA
from xingshi.store import TARGET_SCHEMA as STORE_TARGET_SCHEMA

# The store's frames without release_id: a batch has no release yet.
OBS_SCHEMA: dict[str, Any] = {k: v for k, v in OBSERVATION_SCHEMA.items() if k != "release_id"}
# Internal columns the checks use to point at a place; dropped before writing.
INTERNAL_SCHEMA: dict[str, Any] = {
    "src_row": pl.Int32,
    "region_cell": pl.String,
    "rank_basis": pl.String,
}
TARGET_SCHEMA: dict[str, Any] = {k: v for k, v in STORE_TARGET_SCHEMA.items() if k != "release_id"}
TARGET_KINDS = {
    "增长": "growth",
    "增速": "growth",
    "growth": "growth",
    "总量": "level",
    "规模": "level",
    "level": "level",
    "数量": "count",
    "个数": "count",
    "count": "count",
}


@dataclass
class Normalized:
    """One file's figures resolved against the catalogues, plus every finding so far."""

    observations: pl.DataFrame
    targets: pl.DataFrame
    findings: list[Finding] = field(default_factory=list)


def _note(value: Any) -> str | None:
    # Notes are kept as written (示例数据（模拟） keeps its full-width brackets).
    text = "" if value is None else str(value).strip()
    return text or None


def _where(o: RawObs | RawTarget, col: int | None, value: Any, row: int | None = None) -> Any:
    return o.sheet.where(o.row if row is None else row, col, value)


def normalize(
    readings: list[Reading],
    regions: Any,
    indicators: Any,
    *,
    scope: str | None = None,
    cap: int | None = None,
    home: str | None = None,
) -> Normalized:
    """Resolve raw records into frames; findings collect every problem (none raised).

    With ``cap``, at most that many findings of each rule are kept (the rest counted), so a
    file of a million bad rows costs bounded memory. ``home`` (the workspace's own region) is
    the region of a report that names none anywhere, said in a warning.
    """
    findings: list[Finding] = CappedFindings(cap) if cap else []
    findings.extend(f for r in readings for f in r.findings)
    raw_obs = [o for r in readings for o in r.observations]
    raw_targets = [t for r in readings for t in r.targets]
    tables = {id(o): i for i, r in enumerate(readings) for o in r.observations}
    obs_rows = _normalize_obs(raw_obs, regions, indicators, scope, findings, home)
    obs_rows = _merge_stacked(_merge_complementary(obs_rows), tables, findings)
    _drop_nominal_growth(obs_rows, indicators, findings)
    target_rows = _normalize_targets(raw_targets, regions, indicators, scope, findings, home)
    obs = pl.DataFrame(obs_rows, schema={**OBS_SCHEMA, **INTERNAL_SCHEMA}, orient="row")
    targets = pl.DataFrame(target_rows, schema=TARGET_SCHEMA, orient="row")
    return Normalized(obs, targets, findings)


_FIELDS = (
    ("level", "level_cell"),
    ("growth_pct", "growth_cell"),
    ("rank", "rank_cell"),
    ("level_rank", "level_rank_cell"),
)


def _drop_nominal_growth(
    rows: list[dict[str, Any]], indicators: Any, findings: list[Finding]
) -> None:
    """A growth column that is each row's two levels divided (2018年 | 2017年 | 增速 on a
    ranking page: 2198.17 / 1893.85 − 1 = 16.07%) is a change at current prices. For an
    indicator whose growth is at comparable prices (GDP) it is no growth of the catalogue:
    the column is left out, with a warning naming it."""
    levels = {
        (r["region_code"], r["indicator"], r["year"], r["first_month"], r["last_month"]): r["level"]
        for r in rows
        if r["level"] is not None
    }
    columns: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        if r["growth_pct"] is None or r["growth_cell"] is None or r["level"] is None:
            continue
        indicator = indicators.get(r["indicator"])
        if indicator is None or indicator.growth_rule != "comparable":
            continue
        letters = re.sub(r"\d+", "", r["growth_cell"])
        columns.setdefault((r["source_file"], r["source_sheet"], letters), []).append(r)
    for (file, sheet, letters), group in columns.items():
        pairs = []
        for r in group:
            base = levels.get(
                (r["region_code"], r["indicator"], r["year"] - 1, r["first_month"], r["last_month"])
            )
            if base:
                pairs.append((r, (r["level"] / base - 1) * 100))
        if len(pairs) < 3 or 2 * len(pairs) < len(group):
            continue
        off = [abs(r["growth_pct"] - n) > last_decimal_tolerance(r["growth_pct"]) for r, n in pairs]
        if any(off):
            continue
        first = group[0]
        findings.append(
            Finding(
                "header",
                "warning",
                f"{letters} 列的增速都等于本表两年总量直接相除（现价名义增速），"
                "不是按可比价格计算的增长，该列未导入",
                Location(file=file, sheet=sheet, row=first["src_row"], column=letters),
                hint="地区生产总值等指标的增速按可比价格计算，请填统计部门公布的增速",
            )
        )
        for r in group:
            r["growth_pct"], r["growth_cell"] = None, None


def _merge_complementary(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per key where rows complete each other (a level row and an 指数 row).

    Rows that both give the same figure stay apart, for the duplicate rule to report.
    """
    keyed: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in rows:
        keyed.setdefault((row["region_code"], row["indicator"], row["period"]), []).append(row)
    out: list[dict[str, Any]] = []
    for group in keyed.values():
        given = [sum(r[name] is not None for r in group) for name, _cell in _FIELDS]
        if len(group) == 1 or max(given) > 1:
            out.extend(group)
            continue
        merged = dict(group[0])
        for row in group[1:]:
            for name, cell in _FIELDS:
                if row[name] is not None:
                    merged[name], merged[cell] = row[name], row[cell]
        out.append(merged)
    return out


def _merge_stacked(
    rows: list[dict[str, Any]], tables: dict[int, int], findings: list[Finding]
) -> list[dict[str, Any]]:
    """Stacked tables of one sheet giving the same figures (a ranking page repeating 北京 in
    its provinces' and its cities' table) count once; ranks that differ, each in its own list,
    are not kept: neither is the rank among the file's regions."""
    out: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        key = (row["region_code"], row["indicator"], row["period"])
        raw = row.pop("_raw", None)
        table = tables.get(raw) if raw is not None else None
        earlier = seen.get(key)
        if (
            earlier is not None
            and table is not None
            and earlier["_table"] != table
            and earlier["level"] == row["level"]
            and earlier["growth_pct"] == row["growth_pct"]
        ):
            for rank, cell in (("rank", "rank_cell"), ("level_rank", "level_rank_cell")):
                if earlier[rank] == row[rank] or earlier[rank] is None:
                    continue
                findings.append(
                    Finding(
                        "rank",
                        "warning",
                        f"同一数据在两张表中位次不同（{earlier[rank]}、{row[rank]}），位次未导入",
                        Location(
                            file=row["source_file"], sheet=row["source_sheet"], row=row["src_row"]
                        ),
                        hint="两张表各自排序（如省内城市与省份分开排名）；需要时分开导入",
                    )
                )
                earlier[rank], earlier[cell] = None, None
            continue
        row["_table"] = table
        seen.setdefault(key, row)
        out.append(row)
    for row in out:
        row.pop("_table", None)
    return out


def _region_item(
    o: RawObs | RawTarget, regions: Any, scope: str | None
) -> tuple[Any, Any, bool, Any]:
    """(name, code, is_parent_alias, location) of the region one raw record names."""
    if o.region_from_title:
        code = region_in_text(regions, o.region, scope)
        where = Location(file=o.sheet.file, sheet=o.sheet.name, value=o.region)
        if code is None:
            return (None, None, False, where)
        if regions.get(code).level == "prefecture" and (part := urban_part(regions, o.region)):
            # 市区历年… under --region-scope 金华市: the districts' figures, not the city's.
            return (part, None, False, where)
        return (o.region, code, False, where)
    where = _where(o, o.region_col, o.region, row=o.region_row)
    return (o.region, o.region_code, o.parent_alias, where)


def _region_items(
    raw: list[RawObs] | list[RawTarget], regions: Any, scope: str | None, home: str | None
) -> tuple[list[tuple[Any, Any, bool, Any]], dict[Any, Any]]:
    """Each record's region item; a report naming no region anywhere takes the workspace's
    own (``home``). The second value: sheet → place, for the warning that says so."""
    items = [_region_item(o, regions, scope) for o in raw]
    homed: dict[Any, Any] = {}
    if home is not None and scope is None:
        for i, (o, item) in enumerate(zip(raw, items, strict=True)):
            if o.region_from_title and item[1] is None:
                items[i] = (regions.get(home).name, home, False, item[3])
                homed.setdefault(o.sheet.name, item[3])
    return items, homed


def _components(indicators: Any, code: str) -> set[str]:
    out: set[str] = set()
    for part in indicators.get(code).components or ():
        out |= {part, *_components(indicators, part)}
    return out


def _siblings(indicators: Any, a: str, b: str) -> bool:
    """Two parts of the same total (第一产业增加值, 第二产业增加值 of 地区生产总值)."""
    return a != b and any({a, b} <= set(ind.components or ()) for ind in indicators)


def _nearer_parent(indicators: Any, o: RawObs) -> Any:
    """The indented row an item is indented under (      工业 under     第二产业), where that
    row is itself read: a component of the unindented parent, or a part beside it."""
    if o.previous_indicator is None or o.parent_indicator is None:
        return None
    top = indicators.try_resolve(_parent_text(o.parent_indicator))
    nearer = indicators.try_resolve(_parent_text(o.previous_indicator))
    if top is None or nearer is None:
        return None  # either row is no catalogue indicator: no nesting to follow
    inside = nearer.code in _components(indicators, top.code)
    return nearer if inside or _siblings(indicators, top.code, nearer.code) else None


def _outer_parent(indicators: Any, o: RawObs) -> Any:
    """第二产业 | 劳动者报酬 … 营业盈余 | #工业增加值, the same 劳动者报酬 … 营业盈余 under each
    total before: the item's parent row is one of a breakdown repeated under every total (no
    catalogue name), the item the nearest total's part. A parent named only once is the
    item's own (#建筑业 under 劳动者报酬 is that sector's compensation): no such reading."""
    outer = [normalize_text(t) for t in o.outer_indicators]
    if _parent_text(o.parent_indicator) not in outer:
        return None
    return next((x for t in reversed(outer) if (x := indicators.try_resolve(t))), None)


def _row_in_unit(o: RawObs, clash: Finding) -> bool:
    """The clashing unit is the row's own (its 单位 cell), so every figure of the row is in it."""
    if o.unit_col is None or o.unit_col == o.indicator_col or o.growth_col is None:
        return False
    in_row = normalize_text(o.sheet.cell(o.row, o.unit_col))
    return bool(in_row) and in_row == normalize_text((clash.data or {}).get("unit"))


def _parent_text(text: Any) -> str:
    """The group's indicator name: 地区生产总值中 (“in GDP”) over 工业 | 建筑业 is 地区生产总值."""
    return re.sub("(?<=.)中$", "", normalize_text(text))


def _component_named(indicators: Any, o: RawObs, parent_text: str | None = None) -> Any:
    """The parent's component an item row names without its 增加值 (工业, 建筑业)."""
    from xingshi.ingest.checks.indicator import _cleaned

    try:
        parent = indicators.resolve(_parent_text(parent_text or o.parent_indicator))
        found = indicators.resolve(_cleaned(normalize_text(o.indicator)) + "增加值")
    except Exception:  # no such parent or component: the row stays unknown
        return None
    return found if found.code in _components(indicators, parent.code) else None


def _part_beside(indicators: Any, o: RawObs) -> Any:
    """工业 after 第三产业: 工业增加值, a part of 地区生产总值 as the row above is; nothing where no
    catalogue total holds both (工业 after 固定资产投资 stays unknown)."""
    from xingshi.ingest.checks.indicator import _cleaned

    above = indicators.try_resolve(_parent_text(o.previous_indicator))
    found = indicators.try_resolve(_cleaned(normalize_text(o.indicator)) + "增加值")
    if above is None or found is None or found.code == above.code:
        return None
    for total in indicators:
        parts = _components(indicators, total.code)
        if above.code in parts and found.code in parts:
            return found
    return None


_WITH_RANK = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?%?)[(（]第?(\d{1,3})[位名]?[)）]$")
_RANK_SAID = re.compile("位次|排名|名次|排位")


def _rank_in_brackets(o: RawObs) -> None:
    """5.1(2) under 地区生产总值增速(位次): the growth 5.1 and its rank 2 in one cell, where the
    header says a rank is there; anything else in brackets stays the cell's text."""
    if not (isinstance(o.growth, str) or isinstance(o.level, str)):
        return  # most cells are numbers: no text to look into
    head = ""
    if o.indicator_row is not None and o.indicator_col is not None:
        head = str(o.sheet.cell(o.indicator_row, o.indicator_col) or "")
    if o.rank is not None or not _RANK_SAID.search(f"{o.indicator}{head}{o.context or ''}"):
        return
    for part in ("growth", "level"):
        value = getattr(o, part)
        m = _WITH_RANK.match(normalize_text(value)) if isinstance(value, str) else None
        if m is None:
            continue
        setattr(o, part, m.group(1))
        o.set_rank(m.group(2), getattr(o, f"{part}_col"), "growth" if part == "growth" else "level")
        return


def _growth_of_its_basis(
    indicator: Any, o: RawObs, findings: list[Finding], said: set[tuple[Any, ...]]
) -> None:
    """名义增长 beside 实际增长: the catalogue's growth of income and retail is nominal, of GDP
    and value added real (at comparable prices); the other column is left out, said once."""
    if indicator is not None and o.growth_is_ratio and indicator.growth_rule == "comparable":
        # 增量 | 增速 where 增速 = 增量 ÷ (总量 − 增量): at current prices, not GDP's growth.
        o.nominal_growth, o.nominal_growth_col = o.growth, o.growth_col
        o.growth, o.growth_col = None, None
    if indicator is None or (o.nominal_growth is None and not o.growth_is_real):
        return
    nominal = indicator.growth_rule == "nominal"
    if nominal and o.nominal_growth is not None:
        left, left_value = (o.growth_col, o.growth) if o.growth_is_real else (None, None)
        o.growth, o.growth_col, o.growth_is_real = o.nominal_growth, o.nominal_growth_col, False
    elif nominal and o.growth_is_real:
        left, left_value, o.growth, o.growth_col = o.growth_col, o.growth, None, None
    else:
        left, left_value = o.nominal_growth_col, o.nominal_growth
    o.nominal_growth = o.nominal_growth_col = None
    if left is None or (o.sheet.name, left, indicator.code) in said:
        return
    said.add((o.sheet.name, left, indicator.code))
    basis = "名义（现价）" if nominal else "实际（可比价）"
    row = o.growth_head_row
    head = o.sheet.cell(row, left) if row is not None else None
    findings.append(
        Finding(
            "header",
            "warning",
            f"“{normalize_text(head) or left_value}”列未导入：“{indicator.name}”的增速按{basis}计",
            o.sheet.where(row, left, head) if row is not None else _where(o, left, left_value),
            hint="居民收入、消费支出、社会消费品零售总额、投资等的增速是名义增速；"
            "地区生产总值、工业增加值等的增速是按可比价计算的实际增速",
        )
    )


def _index_without_base(indicator: Any, level: Any, growth: Any, o: RawObs) -> str | None:
    """A price index's figure between 70 and 130 with no base said and no rise beside it: an
    index on last year's 100 (no price rises 70%); a base said with its 100 is not assumed.
    ``level`` for a figure read as the amount, ``growth`` for one under 同比 or 增长 (100.3
    there is the index, not a 100.3% rise); None otherwise."""
    if indicator is None or not ("价格" in indicator.name and "指数" in indicator.name):
        return None
    if growth is not None and not o.growth_is_index and 70 <= growth <= 130:
        return "growth"
    if level is None or growth is not None:
        return None
    said = normalize_text(f"{o.indicator}{o.unit or ''}{o.context or ''}")
    return "level" if 70 <= level <= 130 and "100" not in said else None


# (not 地方财政一般预算收支及增长速度: the amounts and their growth, as 及其构成 below)
_GROWTH_TITLE = re.compile(
    r"(?<!及)(?<!及其)(?<!和)(?<!与)"
    r"(增速|增长速度|增幅|增长率|同比增长|比上年增长|比上年同期增长|同比增速)"
    r"[(（]?(单位[:：])?[%％]?[)）]?$"
)
# …主要经济指标（增速%、位次）: the bracket after the title says what the figures are.
_GROWTH_NOTE = re.compile(
    r"[(（](?![^()（）]*[元人户吨])[^()（）]*(增速|增长|增幅)[^()（）]*[)）]$"
)
_PERCENT_NOTE = re.compile(r"(^|\s)[(（]?(计量)?单位[:：]\s*[%％][)）]?(\s|$)")
_SHARES = re.compile("结构|构成|比重|占比|占全|份额")
# 三次产业结构, 各县市占全州比重 (not 地区生产总值及其构成, whose figures are amounts)
_SHARES_TITLE = re.compile(r"(?<!及)(?<!及其)(结构|构成|比重|占比|份额)[(（]?[%％]?[)）]?$")


@functools.lru_cache(maxsize=256)
def percent_table(context: str | None) -> str | None:
    """Whether a table's figures without a unit of their own are growth rates: ``title`` when
    its title ends in 增速 (…主要经济指标增速（%）), ``note`` when a note says 单位：% alone;
    ``shares`` for shares (三次产业结构, 单位：% under …比重): in %, so refused for a money
    indicator rather than stored as 亿元; None otherwise."""
    if not context:
        return None
    if _SHARES.search(context):
        parts = [normalize_text(p) for p in context.split()]
        shares_title = any(_SHARES_TITLE.search(p) for p in parts)
        return "shares" if shares_title or _PERCENT_NOTE.search(context) else None
    if any(
        _GROWTH_TITLE.search(t) or _GROWTH_NOTE.search(t)
        for t in (normalize_text(part) for part in context.split())
    ):
        return "title"
    if _PERCENT_NOTE.search(context):
        return "note"
    return None


# Scope words that name no measure: an item so named is its parent's measure in that scope.
_SCOPE_QUALIFIERS = ("规模以上", "规上", "限额以上", "限上")


def _qualifier_of_heading(indicators: Any, o: RawObs) -> Any:
    """An item naming only its qualifier (城镇居民, 工业) under a heading or parent row
    (城乡居民人均可支配收入, 固定资产投资): the qualifier with the heading's measure, the longest
    tail of the heading that makes a catalogue name (城镇居民人均可支配收入, 工业投资)."""
    from xingshi.ingest.checks.indicator import _cleaned

    item = _cleaned(normalize_text(o.indicator))
    if not item or len(item) > 8:
        return None  # a qualifier is a word or two, not a name of its own
    # The parent row only for an item right under it (not under an item of its own).
    parent = o.parent_indicator if o.previous_indicator is None else None
    if item in _SCOPE_QUALIFIERS:
        # 其中:规模以上 under 工业总产值: the parent's scope narrowed, 规模以上工业总产值. Only the
        # row it is an item of: under 企业单位数 it is no 规模以上工业 of a heading 一、工业.
        above = parent if o.parent_indicator is not None else o.heading
        head = _cleaned(_parent_text(above)) if above else ""
        return indicators.try_resolve(item + head) if head else None
    for above in (o.heading, parent):
        head = _cleaned(_parent_text(above)) if above else ""
        for i in range(1, len(head) - 1):
            if item.endswith(head[:i]) and i > 1:
                continue  # 城镇居民 + 居民人均…: the overlap is tried once, below
            found = indicators.try_resolve(item + head[i:])
            if found is not None:
                return found
    return None


def _same_measure(parent_text: str, name: str) -> bool:
    """Names ending alike (全市工业总产值, 规模以上工业总产值): one measure, a narrower scope."""
    from xingshi.ingest.values import split_unit

    a, b = split_unit(parent_text)[0], split_unit(name)[0]
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n >= 3


def _as_component(
    indicators: Any, indicator: Any, o: RawObs, where: Any, findings: list[Finding]
) -> Any:
    """An item row (# 批发零售业 under 社会消费品零售总额) is that indicator only when it is one
    of its parent's components (第一产业 under 地区生产总值); otherwise it is skipped."""
    try:
        parent = indicators.resolve(_parent_text(o.parent_indicator))
    except Exception:  # no catalogue indicator: the item stands alone if it measures the same
        if o.parent_is_group or _same_measure(o.parent_indicator, indicator.name):
            return indicator  # #规模以上工业总产值 under 全市工业总产值
        parent = None
        outer = _outer_parent(indicators, o)
        if outer is not None and indicator.code in _components(indicators, outer.code):
            return indicator  # #工业增加值 under 营业盈余, 第二产业's part (营业盈余 repeats)
    if parent is not None and indicator.code in _components(indicators, parent.code):
        return indicator
    if parent is not None and _siblings(indicators, parent.code, indicator.code):
        return indicator  # 第一产业 over an indented 第二产业: two parts of one total
    nearer = _nearer_parent(indicators, o)
    if nearer is not None and indicator.code in _components(indicators, nearer.code):
        return indicator  # 工业增加值 under an indented 第二产业 under 第一产业
    if not any(x.rule == "sub_item" and x.where == where for x in findings):
        findings.append(
            Finding(
                "sub_item",
                "warning",
                f"“{o.indicator}”是“{o.parent_indicator}”的分项，不是目录中的“{indicator.name}”，未导入",
                where,
                hint="分项（缩进、#、其中）只在属于上一级指标的构成时导入",
            )
        )
    return None


def _normalize_obs(
    raw: list[RawObs],
    regions: Any,
    indicators: Any,
    scope: str | None,
    findings: list[Finding],
    home: str | None = None,
) -> list[dict[str, Any]]:
    items, homed = _region_items(raw, regions, scope, home)
    for where in homed.values():
        # A report of the bureau's own region names none: taken as the workspace's, said once.
        findings.append(
            Finding(
                "unknown_region",
                "warning",
                f"报表未注明地区，按工作区的本地区“{regions.get(home).name}”导入",
                where,
                hint="如不是本地区的报表，请用 --region-scope 指定所属地区后重新导入",
            )
        )
    parents = [o.region_parent for o in raw]
    codes, region_findings = resolve_regions(items, regions, scope, parents)
    # A one-region report without a region in its title: say it once, not once per row.
    seen: set[tuple[Any, ...]] = set()
    for f in region_findings:
        key = (f.rule, f.where.sheet, f.where.value) if f.where.column is None else (id(f),)
        if key not in seen:
            findings.append(f)
            seen.add(key)
    seen_bad_indicator: set[tuple[str, int | None]] = set()
    percent_said: set[tuple[Any, ...]] = set()  # what is said once per sheet or column
    basis_said: set[tuple[Any, ...]] = set()  # a growth column of the other price basis
    periods_seen: dict[tuple[Any, Any], Any] = {}
    rows: list[dict[str, Any]] = []
    for o, code in zip(raw, codes, strict=True):
        ind_row = o.indicator_row if o.indicator_row is not None else o.row
        from_name = o.indicator_col is None
        # An indicator column of a wide/NBS header is reported once, not once per region.
        key = (str(o.indicator), o.indicator_col if o.indicator_row is not None else o.row)
        if from_name:
            key = (str(o.indicator), None)
        # A name taken from the file name has no cell: the file itself is the place.
        ind_where = (
            Location(file=o.sheet.file, sheet=o.sheet.name, value=o.indicator)
            if from_name
            else _where(o, o.indicator_col, o.indicator, row=ind_row)
        )
        composed = False  # named by its qualifier under a heading: belongs there already
        if o.indicator_texts is not None:
            key = ("title", id(o.sheet))
            title_where = Location(file=o.sheet.file, sheet=o.sheet.name, row=1, value=o.indicator)
            indicator, f = indicator_in_texts(indicators, o.indicator_texts, title_where)
        else:
            indicator, f = resolve_indicator(
                indicators,
                o.indicator,
                ind_where,
                from_file_name=from_name,
                severity="warning" if o.optional_indicator else "error",
                context=o.context,
            )
            if indicator is None and o.parent_indicator is not None:
                # # 工业 under 地区生产总值: the component 工业增加值.
                indicator = _component_named(indicators, o)
                if indicator is None and _nearer_parent(indicators, o) is not None:
                    indicator = _component_named(indicators, o, o.previous_indicator)
                f = None if indicator is not None else f
            elif indicator is None and o.previous_indicator is not None:
                # 第二产业 | 工业 | 建筑业 unindented (a bulletin's table): 工业增加值; after
                # 第三产业 (地区生产总值 | 第一产业 … 第三产业 | 工业 | 建筑业 …) a part of the
                # same total as the row above.
                indicator = _component_named(indicators, o, o.previous_indicator)
                indicator = indicator or _part_beside(indicators, o)
                f = None if indicator is not None else f
            if indicator is None and (o.heading or o.parent_indicator):
                # 城镇居民 under 六、城乡居民人均可支配收入: 城镇居民人均可支配收入.
                indicator = _qualifier_of_heading(indicators, o)
                f, composed = (None, True) if indicator is not None else (f, False)
        if f is not None:
            if key not in seen_bad_indicator:
                findings.append(f)
            seen_bad_indicator.add(key)
        if indicator is not None and o.parent_indicator is not None and not composed:
            indicator = _as_component(indicators, indicator, o, ind_where, findings)
        period_row = o.period_row if o.period_row is not None else o.row
        pkey = (o.period, o.default_year)
        if isinstance(o.period, str) and pkey in periods_seen:
            period, f = periods_seen[pkey], None  # the same period text, parsed once
        else:
            period, f = resolve_period(
                o.period, _where(o, o.period_col, o.period, row=period_row), o.default_year
            )
            if f is None and isinstance(o.period, str):
                periods_seen[pkey] = period
        if f is not None and (
            o.period_row is None
            or not any(x.rule == "period" and x.where.row == period_row + 1 for x in findings)
        ):
            findings.append(f)
        if (
            indicator is not None
            and period is not None
            and indicator.code == "industry_added"
            and (period.last_month % 3 or period.first_month == period.last_month)
        ):
            # Only 规模以上工业增加值 is published by month: NBS's monthly 工业增加值 is it.
            indicator = indicators.get("industry_va")
        pct_level = indicator is not None and normalize_text(indicator.unit) == "%"
        # 9946.66亿元, 10.77万亿: the cell's own unit is the level's, whatever the column says.
        with_unit = split_cell_unit(o.level, indicator.unit) if indicator is not None else None
        if (
            indicator is not None
            and not pct_level
            and o.level is not None
            and o.growth is None
            and (o.unit is None or o.unit_is_default)
            and with_unit is None
        ):
            said = percent_table(o.context)
            if said == "shares":
                o.unit, o.unit_is_default = "%", False  # a share is no 亿元: the unit clash says so
            elif said is not None:
                # 各县市主要经济指标增速（%）, 单位：%: a money indicator's figure is its growth.
                o.growth, o.growth_col, o.level, o.level_col = o.level, o.level_col, None, None
                if said == "note" and (o.sheet.name, "note") not in percent_said:
                    percent_said.add((o.sheet.name, "note"))
                    findings.append(
                        Finding(
                            "header",
                            "warning",
                            "表上注明“单位：%”：以金额、数量计的指标的数按同比增速读取",
                            Location(file=o.sheet.file, sheet=o.sheet.name, value=o.context),
                            hint="如是比重或构成，请在表题写明（如“三次产业结构”）后重新导入",
                        )
                    )
        _growth_of_its_basis(indicator, o, findings, basis_said)
        _rank_in_brackets(o)
        level, f1 = read_number(
            with_unit[0] if with_unit else o.level,
            "level",
            partial(_where, o, o.level_col, o.level),
            percent_ok=pct_level,
        )
        growth, f2 = read_number(o.growth, "growth", partial(_where, o, o.growth_col, o.growth))
        rank, f3 = read_number(o.rank, "rank", partial(_where, o, o.rank_col, o.rank))
        level_rank, f4 = None, None  # most tables give no amount's rank: no place to build
        if o.level_rank is not None:
            where = _where(o, o.level_rank_col, o.level_rank)
            level_rank, f4 = read_number(o.level_rank, "rank", where)
        number_findings = [f for f in (f1, f2, f3, f4) if f is not None]
        if indicator is None and o.optional_indicator:
            # A column left out with a warning (城市等级: 一类): its text is no error; what a
            # cell says (-3.9个百分点) is still told.
            number_findings = [f for f in number_findings if f.severity != "error"]
        findings.extend(number_findings)
        level_rank_col = o.level_rank_col
        rank_col = o.rank_col
        if level_rank is not None and rank is None and getattr(indicator, "kind", "") == "rate":
            # A rate (优良率) is ranked by its own value: its 总量位次 is its usual rank.
            rank, rank_col, level_rank = level_rank, level_rank_col, None
        if growth is not None and o.growth_is_index:
            growth = round(growth - 100.0, 10)
        index_col = _index_without_base(indicator, level, growth, o)
        if index_col is not None:
            # 居民消费价格指数 | % | 101.2, CPI | 102.5, 同比 | 100.3: the usual 上年同期=100,
            # not a 101.2% rise.
            figure = level if index_col == "level" else growth
            col = o.level_col if index_col == "level" else o.growth_col
            said_key = (o.sheet.name, str(o.indicator), col if o.indicator_row else o.row)
            if said_key not in percent_said:
                percent_said.add(said_key)
                name = normalize_text(o.indicator)
                findings.append(
                    Finding(
                        "header",
                        "warning",
                        f"“{name if len(name) <= 20 else indicator.name}”的{figure:g}"
                        f"按上年同期=100的指数读取，即上涨{figure - 100:.10g}%",
                        _where(o, col, o.level if index_col == "level" else o.growth),
                        hint="价格指数未注明基期时按上年同期=100读取；如以上月或某年为100，"
                        "请在单位或表头中写明（如 上月=100）",
                    )
                )
            growth, level = round(figure - 100.0, 10), None
            o.growth_col = col
        if indicator is not None and level is not None:
            # The unit belongs to the level: a growth-only row may say "%" and that is fine.
            unit_row = o.unit_row if o.unit_row is not None else o.row
            level, f = to_canonical(
                level,
                with_unit[1] if with_unit else o.unit,
                indicator,
                _where(o, o.level_col, o.level)
                if with_unit
                else _where(o, o.unit_col, o.unit, row=unit_row),
                lenient=o.unit_is_default and not with_unit,
            )
            if f is not None and not any(
                x.rule == "unit_clash" and x.where == f.where for x in findings
            ):
                findings.append(f)
            if f is not None and f.severity == "warning" and _row_in_unit(o, f):
                # 进出口总额 | 亿美元 | 257.98 | -0.9: the row's growth is the dollars' growth,
                # not the yuan's; left out with the level.
                growth = None
        if code is None or indicator is None or period is None:
            continue
        if level is None and growth is None and rank is None and level_rank is None:
            continue
        rows.append(
            {
                "region_code": code,
                "indicator": indicator.code,
                "year": period.year,
                "first_month": period.first_month,
                "last_month": period.last_month,
                "period": period.key,
                "level": level,
                "unit": indicator.unit,
                "growth_pct": growth,
                "rank": rank,
                "level_rank": level_rank,
                "computed": False,
                "source_file": o.sheet.file,
                "source_sheet": o.sheet.name,
                "level_cell": o.cell(o.level_col) if level is not None else None,
                "growth_cell": o.cell(o.growth_col) if growth is not None else None,
                "rank_cell": o.cell(rank_col) if rank is not None else None,
                "level_rank_cell": o.cell(level_rank_col) if level_rank is not None else None,
                "note": _note(o.note),
                "src_row": o.row + 1,
                "region_cell": column_letter(o.region_col),
                "rank_basis": o.rank_basis,
                "_raw": id(o),
            }
        )
    return rows


def _normalize_targets(
    raw: list[RawTarget],
    regions: Any,
    indicators: Any,
    scope: str | None,
    findings: list[Finding],
    home: str | None = None,
) -> list[dict[str, Any]]:
    items, _homed = _region_items(raw, regions, scope, home)  # said once, by the figures
    codes, region_findings = resolve_regions(items, regions, scope)
    findings.extend(region_findings)
    rows: list[dict[str, Any]] = []
    for t, code in zip(raw, codes, strict=True):
        indicator, f = resolve_indicator(
            indicators, t.indicator, _where(t, t.indicator_col, t.indicator)
        )
        if f is not None:
            findings.append(f)
        year_text = normalize_text(t.year).removesuffix("年").removesuffix(".0")
        year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
        if year is None:
            findings.append(
                Finding(
                    "period",
                    "error",
                    f"无法识别的年度“{t.year}”",
                    _where(t, t.year_col, t.year),
                    hint="年度写四位数字，如 2021",
                )
            )
        kind = TARGET_KINDS.get(normalize_text(t.kind).lower())
        if kind == "growth" and t.region_from_title and indicator and indicator.unit == "%":
            kind = "level"  # 城镇调查失业率 | 5.5以内: a rate's own target, not its growth
        if kind is None:
            findings.append(
                Finding(
                    "target_kind",
                    "error",
                    f"无法识别的目标类型“{t.kind}”",
                    _where(t, t.kind_col, t.kind),
                    hint="目标类型填 增长、总量 或 数量",
                )
            )
        value, f = read_number(t.value, "target", _where(t, t.value_col, t.value), percent_ok=True)
        if f is not None:
            findings.append(f)
        unit = indicator.unit if indicator is not None else None
        if indicator is not None and kind in ("level", "count") and value is not None:
            value, f = to_canonical(value, t.unit, indicator, _where(t, t.unit_col, t.unit))
            if f is not None:
                findings.append(f)
        if kind == "growth":
            unit = "个百分点" if normalize_text(indicator.unit if indicator else "") == "%" else "%"
        if None in (code, indicator, year, kind) or value is None:
            continue
        assert indicator is not None
        rows.append(
            {
                "region_code": code,
                "indicator": indicator.code,
                "year": year,
                "target_kind": kind,
                "value": value,
                "unit": unit,
                "source_file": t.sheet.file,
                "source_sheet": t.sheet.name,
                "source_cell": t.sheet.where(t.row, t.value_col).column + str(t.row + 1),
                "note": _note(t.note),
            }
        )
    return rows
