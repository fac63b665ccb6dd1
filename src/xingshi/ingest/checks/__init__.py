"""审核: the checks a statistics bureau runs on a submission, one module per rule.

Cell rules (run while resolving each value, in :mod:`xingshi.ingest.normalize`):
``header`` (in the readers), ``unknown_region``, ``ambiguous_region``, ``unknown_indicator``,
``period``, ``not_a_number``, ``unit_clash``, ``target_kind``.

Frame rules (run here over the resolved observations of one file, and the store):
``duplicate``, ``cumulative_decrease``, ``rank_contradiction``, ``growth_mismatch`` (warning),
``sum_mismatch`` (warning), ``implausible``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import polars as pl

from xingshi.findings import Finding


@dataclass
class CheckContext:
    """What the frame checks may consult: the catalogues, the store and the tolerances."""

    file: str
    regions: Any
    indicators: Any
    store: Any = None
    growth_tolerance_pp: float = 0.5
    sum_tolerance_pct: float = 1.0
    approx_sum_tolerance_pct: float = 5.0
    plausible_growth_pct: tuple[float, float] = (-100.0, 1000.0)
    plausible_rate_pct: tuple[float, float] = (0.0, 100.0)
    allow_negative_levels: bool = False
    plausible_level_max: float = 1e10
    plausible_years: tuple[int, int] = (1949, 2050)

    def indicator(self, code: str) -> Any:
        return self.indicators.get(code)

    def stored(self, obs: pl.DataFrame) -> pl.DataFrame | None:
        """What the store holds now for the regions, indicators and years of ``obs``."""
        if self.store is None or obs.is_empty():
            return None
        return self.store.observations(
            regions=obs["region_code"].unique().to_list(),
            indicators=obs["indicator"].unique().to_list(),
            years=sorted({*obs["year"].unique().to_list(), *(y - 1 for y in obs["year"].unique())}),
        )


def run_checks(obs: pl.DataFrame, ctx: CheckContext, cap: int | None = None) -> list[Finding]:
    """Every frame rule over one file's observations (at most ``cap`` findings per rule kept).

    Rules may return a list or yield findings one by one; yielded ones beyond the cap are only
    counted, so a rule that fires on every row of a large file costs no memory per row.
    """
    from xingshi.ingest.checks import (
        additivity,
        cumulative,
        duplicates,
        growth,
        plausible,
        rank,
    )
    from xingshi.ingest.limits import CappedFindings

    rules: list[Callable[[pl.DataFrame, CheckContext], Iterable[Finding]]] = [
        duplicates.check,
        plausible.check,
        cumulative.check,
        rank.check,
        growth.check,
        additivity.check,
    ]
    findings: list[Finding] = CappedFindings(cap) if cap else []
    for rule in rules:
        findings.extend(rule(obs, ctx))
    return findings
