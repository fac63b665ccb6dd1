"""Warnings (红黄绿灯) for every region × indicator, and the lists an analyst writes by hand.

Each cell takes the worst of the checks that apply to it (thresholds in AnalysisSettings):

- growth target: at or above → green; up to ``target_yellow_pp`` below → yellow; else red;
- level/count target: completion at or above time progress → green; up to
  ``completion_yellow_pp`` behind → yellow; else red;
- the parent's own growth: at or above → green; up to ``parent_yellow_pp`` below → yellow; else red;
- growth below ``red_growth_below_pct`` (a decline, by default) → red.

"Below" follows the indicator's direction (``higher_is_better``). A cell with none of these
figures has no colour. The lists (findings, rule names in brackets): indicators behind their
growth target [behind_target] or behind time progress [behind_time_progress], children below
the parent [below_parent], children in the bottom ``bottom_n`` [bottom_n], ranks fallen by
``rank_fall_places`` or more against the previous period [rank_fell] or against the same
period last year [rank_fell_yoy], remaining months needing more than so far [front_loaded].
"""

from __future__ import annotations

from typing import Any

import polars as pl

from xingshi.analysis.settings import AnalysisSettings
from xingshi.errors import Location
from xingshi.findings import Finding

RULE_ORDER = {
    rule: i
    for i, rule in enumerate(
        (
            "behind_target",
            "behind_time_progress",
            "front_loaded",
            "below_parent",
            "bottom_n",
            "rank_fell",
            "rank_fell_yoy",
        )
    )
}
COLOURS = {0: "green", 1: "yellow", 2: "red"}
COLOUR_ZH = {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}


def _band(gap: pl.Expr, yellow: float) -> pl.Expr:
    """0 at or above zero, 1 within ``yellow`` below, 2 further below; null when gap is null."""
    g = gap.round(6)
    return pl.when(g >= 0).then(0).when(g >= -yellow).then(1).when(g.is_not_null()).then(2)


def add_warning(panel: pl.DataFrame, settings: AnalysisSettings) -> pl.DataFrame:
    d = pl.col("dir")
    checks = [
        _band(pl.col("gap_to_target_pp") * d, settings.target_yellow_pp),
        _band(pl.col("completion_gap_pp") * d, settings.completion_yellow_pp),
        _band(pl.col("gap_to_parent_pp") * d, settings.parent_yellow_pp),
        pl.when(pl.col("growth_pct") * d < settings.red_growth_below_pct)
        .then(2)
        .when(pl.col("growth_pct").is_not_null())
        .then(0),
    ]
    worst = pl.max_horizontal(checks)
    return panel.with_columns(
        worst.replace_strict(COLOURS, default=None, return_dtype=pl.String).alias("warning")
    )


def _fmt(x: float | None, digits: int = 1) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _growth_words(x: float | None) -> str:
    """增长8.0% / 下降3.0%: a fall is said as such, never as a negative growth."""
    if x is None:
        return "增长—"
    return f"下降{_fmt(-x)}%" if x < 0 else f"增长{_fmt(x)}%"


def _points_words(x: float | None) -> str:
    """提高0.5 / 下降0.3: a change in points, followed by 个百分点."""
    if x is None:
        return "—"
    return f"{'提高' if x >= 0 else '下降'}{_fmt(abs(x))}"


def _target_message(row: dict[str, Any], gap: float) -> str:
    """The behind_target sentence, worded for the indicator's direction and the target's kind."""
    who, name, up = row["region"], row["indicator_name"], row["dir"] > 0
    side = "低于" if up else "高于"
    if row["target_growth_pct"] is None:  # a rate against a threshold (达到90%, 5.5%以内)
        goal = "目标" if up else "控制目标"
        return (
            f"{who}{name}为{_fmt(row['value'])}%，{side}{goal}{_fmt(row['target'])}%，"
            f"差{_fmt(abs(gap), 2)}个百分点"
        )
    if row.get("growth_rule") == "pp":  # a rate's change is in points (提高1个百分点)
        moved = _points_words
        return (
            f"{who}{name}{moved(row['growth_pct'])}个百分点，未达到"
            f"{moved(row['target_growth_pct'])}个百分点的目标，差{_fmt(abs(gap), 2)}个百分点"
        )
    if up:
        return (
            f"{who}{name}增长{_fmt(row['growth_pct'])}%，低于目标"
            f"{_fmt(row['target_growth_pct'])}%，差{_fmt(abs(gap), 2)}个百分点"
        )
    return (
        f"{who}{name}{_growth_words(row['growth_pct'])}，未达到"
        f"{_growth_words(row['target_growth_pct'])}的控制目标，差{_fmt(abs(gap), 2)}个百分点"
    )


def _cell(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("region_code", "region", "indicator", "indicator_name", "period", "value", "unit")
    return {k: row.get(k) for k in keys}


def _all_tied(table: pl.DataFrame, column: str) -> set[tuple[str, str]]:
    """(rank scope, indicator) groups where every ranked peer shared one place in ``column``."""
    ranked = table.filter(pl.col(column).is_not_null()).unique(["region_code", "indicator"])
    tied = (
        ranked.group_by("rank_scope_code", "indicator")
        .agg(pl.col(column).n_unique().alias("_places"))
        .filter(pl.col("_places") == 1)
    )
    return set(tied.select("rank_scope_code", "indicator").iter_rows())


def warning_findings(table: pl.DataFrame, focus: str, settings: AnalysisSettings) -> list[Finding]:
    """The lists for a focus region: its own indicators and its children's."""
    out: list[Finding] = []
    # a place every peer shared (all tied) ranked nobody: falling from it is no fall
    shared = {col: _all_tied(table, col) for col in ("rank_prev", "rank_ly")}
    mine = table.filter(pl.col("role").is_in(["self", "child"]))
    for row in mine.iter_rows(named=True):
        who, name = row["region"], row["indicator_name"]
        where = Location(value=f"{who} {name}")
        group = (row["rank_scope_code"], row["indicator"])
        gap = row.get("gap_to_target_pp")
        if gap is not None and gap * row["dir"] < 0:
            out.append(
                Finding(
                    "behind_target",
                    "warning",
                    _target_message(row, gap),
                    where,
                    data={
                        **_cell(row),
                        "growth_pct": row["growth_pct"],
                        "target_growth_pct": row["target_growth_pct"],
                        "target": row["target"],
                        "target_kind": row["target_kind"],
                        "higher_is_better": row["dir"] > 0,
                        "gap_pp": gap,
                    },
                )
            )
        cg = row.get("completion_gap_pp")
        if cg is not None and cg * row["dir"] < 0:
            said = (
                f"完成目标的{_fmt(row['completion_pct'])}%，落后时间进度{_fmt(-cg)}个百分点"
                if row["dir"] > 0
                else f"已达全年控制目标的{_fmt(row['completion_pct'])}%，"
                f"超过时间进度{_fmt(cg)}个百分点"
            )
            out.append(
                Finding(
                    "behind_time_progress",
                    "warning",
                    f"{who}{name}{said}",
                    where,
                    data={
                        **_cell(row),
                        "completion_pct": row["completion_pct"],
                        "time_progress_pct": row["time_progress_pct"],
                        "target": row["target"],
                        "higher_is_better": row["dir"] > 0,
                        "gap_pp": cg,
                    },
                )
            )
        rc = row.get("rank_change")
        if rc is not None and rc <= -settings.rank_fall_places and group not in shared["rank_prev"]:
            out.append(
                Finding(
                    "rank_fell",
                    "warning",
                    f"{who}{name}排名由第{row['rank_prev']}位降至第{row['rank']}位，后退{-rc}位",
                    where,
                    data={
                        **_cell(row),
                        "rank": row["rank"],
                        "rank_prev": row["rank_prev"],
                        "rank_change": rc,
                        "rank_scope": row.get("rank_scope"),
                    },
                )
            )
        ry = row.get("rank_change_yoy")
        if ry is not None and ry <= -settings.rank_fall_places and group not in shared["rank_ly"]:
            out.append(
                Finding(
                    "rank_fell_yoy",
                    "warning",
                    f"{who}{name}排名由上年同期第{row['rank_ly']}位降至第{row['rank']}位，"
                    f"后退{-ry}位",
                    where,
                    data={
                        **_cell(row),
                        "rank": row["rank"],
                        "rank_ly": row["rank_ly"],
                        "rank_change_yoy": ry,
                        "rank_of": row.get("rank_of"),
                        "rank_basis": row.get("rank_basis"),
                        "rank_scope": row.get("rank_scope"),
                    },
                )
            )
        if row["role"] == "self" and row.get("front_loaded"):
            out.append(
                Finding(
                    "front_loaded",
                    "info",
                    f"{who}{name}后几个月需增长{_fmt(row['required_growth_pct'])}%才能完成全年"
                    f"{_fmt(row['target_growth_pct'])}%的目标，高于目前的"
                    f"{_fmt(row['growth_pct'])}%（前高后低）"
                    if row["dir"] > 0
                    else f"{who}{name}后几个月需{_growth_words(row['required_growth_pct'])}"
                    f"才能实现全年{_growth_words(row['target_growth_pct'])}的控制目标，"
                    f"比目前的{_growth_words(row['growth_pct'])}更紧",
                    where,
                    data={
                        **_cell(row),
                        "required_growth_pct": row["required_growth_pct"],
                        "growth_pct": row["growth_pct"],
                        "target_growth_pct": row["target_growth_pct"],
                    },
                )
            )
    out += _children_lists(table, focus, settings)
    return sorted(out, key=lambda f: RULE_ORDER.get(f.rule, len(RULE_ORDER)))


def _children_lists(table: pl.DataFrame, focus: str, settings: AnalysisSettings) -> list[Finding]:
    out: list[Finding] = []
    parent_rows = {
        r["indicator"]: r for r in table.filter(pl.col("role") == "self").iter_rows(named=True)
    }
    kids = table.filter(pl.col("role") == "child")
    for (ind,), group in kids.group_by(["indicator"], maintain_order=True):
        prow = parent_rows.get(ind)
        if prow is None:
            continue
        pname, iname = prow["region"], prow["indicator_name"]
        below = group.filter(pl.col("behind_parent").fill_null(False)).sort(
            pl.col("gap_to_parent_pp") * pl.col("dir")
        )
        if below.height:
            items = [
                {
                    "region_code": r["region_code"],
                    "region": r["region"],
                    "growth_pct": r["growth_pct"],
                    "gap_pp": r["gap_to_parent_pp"],
                }
                for r in below.iter_rows(named=True)
            ]
            word = "低于" if prow["dir"] > 0 else "高于"
            names = "、".join(
                f"{i['region']}（{word[0]}{_fmt(abs(i['gap_pp']), 1)}个百分点）" for i in items
            )
            out.append(
                Finding(
                    "below_parent",
                    "warning",
                    f"{iname}增速{word}{pname}平均水平（{_fmt(prow['growth_pct'])}%）的"
                    f"下辖地区有{len(items)}个：{names}",
                    Location(value=f"{pname} {iname}"),
                    data={
                        "region_code": focus,
                        "indicator": ind,
                        "period": prow["period"],
                        "parent_growth_pct": prow["growth_pct"],
                        "count": len(items),
                        "children": items,
                    },
                )
            )
        ranked = group.filter(pl.col("rank").is_not_null())
        if ranked.height > settings.bottom_n:
            n = int(ranked["rank_of"].max())
            bottom = ranked.filter(pl.col("rank") > n - settings.bottom_n).sort("rank")
            items = [
                {
                    "region_code": r["region_code"],
                    "region": r["region"],
                    "rank": r["rank"],
                    "growth_pct": r["growth_pct"],
                    "value": r["value"],
                }
                for r in bottom.iter_rows(named=True)
            ]
            names = "、".join(f"{i['region']}（第{i['rank']}位）" for i in items)
            out.append(
                Finding(
                    "bottom_n",
                    "warning",
                    f"{iname}排名后{settings.bottom_n}位：{names}",
                    Location(value=f"{pname} {iname}"),
                    data={
                        "region_code": focus,
                        "indicator": ind,
                        "period": prow["period"],
                        "bottom_n": settings.bottom_n,
                        "of": n,
                        "children": items,
                    },
                )
            )
    return out
