"""One figure read out of a text: what it measures, its value as written, and where it stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

Measure = Literal[
    "level",
    "growth_pct",
    "growth_multiple",
    "pp_diff",
    "rank",
    "share_pct",
    "count",
    "target",
    "completed",
    "ratio_pct",
]
MEASURES: tuple[str, ...] = get_args(Measure)

# Output column order of every writer (JSON Lines keys, CSV and xlsx columns).
FIELDS: tuple[str, ...] = (
    "quote", "start", "end", "region", "region_code", "period", "indicator", "indicator_code",
    "words", "measure", "value", "unit", "approx", "versus", "scope", "of", "basis", "derived",
)  # fmt: skip


@dataclass
class Fact:
    """A figure: ``quote`` is ``text[start:end]`` of the decoded original text."""

    quote: str
    start: int
    end: int
    measure: str
    value: float | int
    unit: str
    indicator: str | None = None
    words: str | None = None  # the indicator as the text wrote it
    indicator_code: str | None = None
    region: str | None = None
    region_code: str | None = None
    period: str | None = None
    approx: str | None = None
    versus: str | None = None
    scope: str | None = None
    of: str | float | int | None = None
    basis: str | None = None  # 两年平均, 年均: growth not over one year
    derived: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        """A flat dict in :data:`FIELDS` order; empty optional fields are left out."""
        rec: dict[str, Any] = {}
        for key in FIELDS:
            value = getattr(self, key)
            if key in ("quote", "start", "end", "measure", "value", "unit"):
                rec[key] = value
            elif key == "derived":
                if value:
                    rec[key] = True
            elif value is not None:
                rec[key] = value
        return rec
