"""What the store takes in and gives back: batches, results and the shared frame schemas."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from xingshi.findings import Finding

# The observations frame of docs/ARCHITECTURE.md, in column order.
OBSERVATION_SCHEMA: dict[str, pl.DataType] = {
    "region_code": pl.String(),
    "indicator": pl.String(),
    "year": pl.Int32(),
    "first_month": pl.Int32(),
    "last_month": pl.Int32(),
    "period": pl.String(),
    "level": pl.Float64(),
    "unit": pl.String(),
    "growth_pct": pl.Float64(),
    "rank": pl.Int32(),
    "level_rank": pl.Int32(),
    "computed": pl.Boolean(),
    "release_id": pl.Int64(),
    "source_file": pl.String(),
    "source_sheet": pl.String(),
    "level_cell": pl.String(),
    "growth_cell": pl.String(),
    "rank_cell": pl.String(),
    "level_rank_cell": pl.String(),
    "note": pl.String(),
}

TARGET_SCHEMA: dict[str, pl.DataType] = {
    "region_code": pl.String(),
    "indicator": pl.String(),
    "year": pl.Int32(),
    "target_kind": pl.String(),
    "value": pl.Float64(),
    "unit": pl.String(),
    "release_id": pl.Int64(),
    "source_file": pl.String(),
    "source_sheet": pl.String(),
    "source_cell": pl.String(),
    "note": pl.String(),
}

FINDING_SCHEMA: dict[str, pl.DataType] = {
    "release_id": pl.Int64(),
    "rule": pl.String(),
    "severity": pl.String(),
    "message": pl.String(),
    "where_file": pl.String(),
    "where_sheet": pl.String(),
    "where_row": pl.Int64(),
    "where_column": pl.String(),
    "where_value": pl.String(),
    "hint": pl.String(),
    "data": pl.String(),
}

RELEASE_SCHEMA: dict[str, pl.DataType] = {
    "release_id": pl.Int64(),
    "created_at": pl.Datetime("us", "UTC"),
    "source_file": pl.String(),
    "sha256": pl.String(),
    "description": pl.String(),
    "inserted": pl.Int64(),
    "updated": pl.Int64(),
    "unchanged": pl.Int64(),
    "findings": pl.Int64(),
}

OBSERVATION_KEY = ("region_code", "indicator", "year", "first_month", "last_month")
TARGET_KEY = ("region_code", "indicator", "year", "target_kind")
TARGET_KINDS = ("growth", "level", "count")

# Columns a batch must carry; the others default to null (or false for `computed`).
OBSERVATION_REQUIRED = (*OBSERVATION_KEY, "unit")
TARGET_REQUIRED = (*TARGET_KEY, "value", "unit")


def empty_observations() -> pl.DataFrame:
    """An observations frame with no rows (batch input: drop `period` and `release_id`)."""
    return pl.DataFrame(schema=OBSERVATION_SCHEMA)


def empty_targets() -> pl.DataFrame:
    """A targets frame with no rows."""
    return pl.DataFrame(schema=TARGET_SCHEMA)


@dataclass
class ImportBatch:
    """One file's worth of figures, written as one release.

    `observations` and `targets` carry the columns of docs/ARCHITECTURE.md; `period` and
    `release_id` may be absent (the store fills them). Nulls mean "not provided": a batch that
    gives only growth rates leaves the stored levels as they are.
    """

    source_file: str
    sha256: str | None = None
    description: str | None = None
    observations: pl.DataFrame = field(default_factory=empty_observations)
    targets: pl.DataFrame = field(default_factory=empty_targets)
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult:
    """What one release did; counts cover observations and targets together."""

    release_id: int
    inserted: int
    updated: int
    unchanged: int
    findings: list[Finding] = field(default_factory=list)
    observations_inserted: int = 0
    observations_updated: int = 0
    observations_unchanged: int = 0
    targets_inserted: int = 0
    targets_updated: int = 0
    targets_unchanged: int = 0

    @property
    def changed(self) -> bool:
        """True when the release added any row."""
        return bool(self.inserted or self.updated)
