"""Writing a release: normalise the batch, apply the vintage rule, insert in bulk.

Vintage rule. A batch row's *provided* values (non-null level, growth_pct, rank, level_rank;
unit; the computed flag) are compared with the current vintage of its key. Equal:
*unchanged*, nothing written. New key: *inserted*. Different: *updated*, a new row tied to this
release that takes the provided values and keeps the current ones for what the batch left null
(a file with only growth rates does not erase the stored levels), unless the unit changed. Old
rows are never touched. Source file, sheet and note are provenance, not figures: they alone
never make a row "changed".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from sqlalchemy.engine import Connection

from xingshi.errors import StoreError
from xingshi.store._batch import (
    OBSERVATION_KEY,
    OBSERVATION_REQUIRED,
    OBSERVATION_SCHEMA,
    TARGET_KEY,
    TARGET_KINDS,
    TARGET_REQUIRED,
    TARGET_SCHEMA,
)
from xingshi.store._read import OBS_COLUMNS, TGT_COLUMNS, as_dicts, observation_rows, target_rows

# (value column, cell column) pairs of an observation.
_OBS_VALUES = (
    ("level", "level_cell"),
    ("growth_pct", "growth_cell"),
    ("rank", "rank_cell"),
    ("level_rank", "level_rank_cell"),
)
_MANY_REGIONS = 500  # above this, read current rows by indicator and year only


@dataclass
class Counts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def normalise(
    frame: pl.DataFrame | None,
    schema: dict[str, pl.DataType],
    columns: Sequence[str],
    required: Sequence[str],
    key: Sequence[str],
    what: str,
) -> list[dict[str, Any]]:
    """Batch rows cast to the stored types; raises StoreError on a malformed batch."""
    if frame is None or frame.height == 0:
        return []
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise StoreError(
            f"{what}缺少必需的列：{'、'.join(missing)}", hint="导入批次的列见 docs/ARCHITECTURE.md"
        )
    exprs = []
    for c in columns:
        if c == "release_id":
            continue
        if c in frame.columns:
            exprs.append(pl.col(c).cast(schema[c], strict=True))
        elif c == "computed":
            exprs.append(pl.lit(False).alias(c))
        else:
            exprs.append(pl.lit(None, dtype=schema[c]).alias(c))
    try:
        cast = frame.select(exprs)
        # NaN (as spreadsheets readers give for empty cells) means "not provided", like null.
        cast = cast.with_columns(pl.col(pl.Float64).fill_nan(None))
        rows = cast.to_dicts()
    except (pl.exceptions.InvalidOperationError, pl.exceptions.ComputeError) as exc:
        raise StoreError(f"{what}的数据类型不对：{exc}", hint="数值列须为数字") from None
    seen: set[tuple] = set()
    for i, row in enumerate(rows, start=1):
        k = tuple(row[c] for c in key)
        if any(v is None for v in k) or row["unit"] is None:
            raise StoreError(
                f"{what}第{i}条记录的键或单位为空：{k}", hint="地区、指标、时期和单位都必须有值"
            )
        if k in seen:
            raise StoreError(
                f"{what}中同一键出现两次：{k}", hint="每个地区、指标、时期只能有一个值"
            )
        seen.add(k)
        if row.get("computed") is None and "computed" in columns:
            row["computed"] = False
    return rows


def _merge_observation(new: dict[str, Any], cur: dict[str, Any] | None) -> dict[str, Any] | None:
    """The row to write for `new`, or None when it changes nothing."""
    if cur is None or new["unit"] != cur["unit"]:
        # A new unit makes the stored level incomparable: nothing is carried over.
        return new
    changed = bool(new["computed"]) != bool(cur["computed"])
    merged = dict(new)
    for value, cell in _OBS_VALUES:
        if new[value] is None:
            merged[value], merged[cell] = cur[value], cur[cell]
        elif not _same(new[value], cur[value]):
            changed = True
    if merged["note"] is None:
        merged["note"] = cur["note"]
    return merged if changed else None


def _merge_target(new: dict[str, Any], cur: dict[str, Any] | None) -> dict[str, Any] | None:
    if cur is None:
        return new
    if _same(new["value"], cur["value"]) and new["unit"] == cur["unit"]:
        return None
    return new


def _fill_source(rows: list[dict[str, Any]], source_file: str) -> None:
    # A row without its own source comes from the batch's file.
    for row in rows:
        if row["source_file"] is None:
            row["source_file"] = source_file


def _apply_vintages(
    conn: Connection,
    table: Any,
    release_id: int,
    rows: list[dict[str, Any]],
    current: list[dict[str, Any]],
    key: tuple[str, ...],
    merge: Any,
) -> Counts:
    """The vintage rule: unchanged rows are skipped, new or changed ones get the new release."""
    counts = Counts()
    by_key = {tuple(r[c] for c in key): r for r in current}
    out: list[dict[str, Any]] = []
    for row in rows:
        cur = by_key.get(tuple(row[c] for c in key))
        merged = merge(row, cur)
        if merged is None:
            counts.unchanged += 1
            continue
        merged["release_id"] = release_id
        out.append(merged)
        if cur is None:
            counts.inserted += 1
        else:
            counts.updated += 1
    if out:
        conn.execute(table.insert(), out)
    return counts


def write_observations(
    conn: Connection, release_id: int, frame: pl.DataFrame | None, source_file: str
) -> Counts:
    """Apply the vintage rule to a batch's observations inside the caller's transaction."""
    from xingshi.store._models import Observation

    rows = normalise(
        frame, OBSERVATION_SCHEMA, OBS_COLUMNS, OBSERVATION_REQUIRED, OBSERVATION_KEY, "观测值"
    )
    _fill_source(rows, source_file)
    if not rows:
        return Counts()
    regions = {r["region_code"] for r in rows}
    current = as_dicts(
        Observation.__table__,
        observation_rows(
            conn,
            regions=regions if len(regions) <= _MANY_REGIONS else None,
            indicators={r["indicator"] for r in rows},
            years={r["year"] for r in rows},
        ),
    )
    return _apply_vintages(
        conn, Observation.__table__, release_id, rows, current, OBSERVATION_KEY, _merge_observation
    )


def write_targets(
    conn: Connection, release_id: int, frame: pl.DataFrame | None, source_file: str
) -> Counts:
    """Apply the vintage rule to a batch's targets inside the caller's transaction."""
    from xingshi.store._models import Target

    rows = normalise(frame, TARGET_SCHEMA, TGT_COLUMNS, TARGET_REQUIRED, TARGET_KEY, "目标")
    _fill_source(rows, source_file)
    if not rows:
        return Counts()
    for i, row in enumerate(rows, start=1):
        if row["target_kind"] not in TARGET_KINDS:
            raise StoreError(
                f"目标第{i}条记录的类型“{row['target_kind']}”无法识别",
                hint="目标类型须为 growth（增长）、level（总量）或 count（数量）",
            )
        if row["value"] is None:
            raise StoreError(f"目标第{i}条记录没有目标值", hint="请填写目标值")
    current = as_dicts(
        Target.__table__,
        target_rows(
            conn, indicators={r["indicator"] for r in rows}, year={r["year"] for r in rows}
        ),
    )
    return _apply_vintages(
        conn, Target.__table__, release_id, rows, current, TARGET_KEY, _merge_target
    )
