"""Analysis thresholds: one small frozen object, passed in, with documented defaults.

The workspace settings (``xingshi.settings``) carry the same names under ``[analysis]``;
:func:`AnalysisSettings.from_mapping` reads such a table and ignores keys it does not know.

Defaults (also in ``docs/ANALYSIS.md``):

- ``rank_basis = "growth"``: rank peers by growth rate; ``"level"`` ranks by 总量. Rates
  (空气质量优良率, 城镇调查失业率) rank by their own value either way.
- ``rank_decimals = 1``: ranks are taken on figures rounded as they are published (one decimal),
  so 12.46 and 12.54 do not tie but 12.5 and 12.5 do.
- ``bottom_n = 3``: the "bottom three" list of children.
- ``rank_fall_places = 2``: a rank that fell this many places or more is listed.
- ``target_yellow_pp = 1.0``: growth up to 1 pp below a growth target is yellow, more is red.
- ``completion_yellow_pp = 5.0``: completion up to 5 pp behind time progress is yellow, more is red.
- ``parent_yellow_pp = 2.0``: up to 2 pp below the parent's own growth is yellow, more is red.
- ``red_growth_below_pct = 0.0``: growth below this (a decline, by default) is red.
- ``growth_tolerance_pp = 1.0``: a published rate further than this from the rate computed from
  levels is a quality flag (口径 differences are real, so it is a warning, not an error).
- ``related_pairs``: (indicator, related indicator) pairs checked for growth moving unlike each
  other; ``related_z = 2.0`` on the z-score among peers of the growth difference (at least
  ``related_min_peers = 5`` peers); ``related_drop_pct = 5.0``: the indicator grows while the
  related one falls by more than this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

from xingshi.errors import WorkspaceError

RankBasis = Literal["growth", "level"]


@dataclass(frozen=True)
class AnalysisSettings:
    """Thresholds for ranks, warnings (红黄绿灯) and quality flags; see the module docstring."""

    rank_basis: RankBasis = "growth"
    rank_decimals: int = 1
    bottom_n: int = 3
    rank_fall_places: int = 2
    target_yellow_pp: float = 1.0
    completion_yellow_pp: float = 5.0
    parent_yellow_pp: float = 2.0
    red_growth_below_pct: float = 0.0
    growth_tolerance_pp: float = 1.0
    related_pairs: tuple[tuple[str, str], ...] = (
        ("industry_va", "industrial_electricity"),
        ("industry_va", "industrial_tax"),
    )
    related_z: float = 2.0
    related_min_peers: int = 5
    related_drop_pct: float = 5.0

    def __post_init__(self) -> None:
        if self.rank_basis not in ("growth", "level"):
            raise WorkspaceError(
                f"排名依据“{self.rank_basis}”无法识别",
                hint="rank_basis 取 growth（按增速）或 level（按总量）",
            )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> AnalysisSettings:
        """Build from a settings table (e.g. the workspace TOML's ``[analysis]``); unknown keys
        are ignored so that newer settings files still open."""
        if not data:
            return cls()
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "related_pairs" in values:
            values["related_pairs"] = tuple(tuple(p) for p in values["related_pairs"])
        return cls(**values)
