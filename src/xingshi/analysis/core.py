"""``analyze()``: the panel-wide computation, then a filter for one region.

:func:`compute_panel` runs every rule for every region × indicator of one period at once
(growth, ranks among siblings, gaps to the parent, targets, warnings); :func:`analyze` picks a
region, its parent, its peers and its children out of it and adds the findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from xingshi.analysis.gaps import add_gaps, contributions
from xingshi.analysis.growth import add_growth
from xingshi.analysis.panel import gather
from xingshi.analysis.periods import as_triple, period_key, period_label
from xingshi.analysis.quality import quality_findings, quality_frame
from xingshi.analysis.ranks import add_ranks
from xingshi.analysis.settings import AnalysisSettings
from xingshi.analysis.targets import add_targets
from xingshi.analysis.warnings import add_warning, warning_findings
from xingshi.errors import UnknownRegion
from xingshi.findings import Finding

# The contract's columns first (ARCHITECTURE.md), then the working figures behind them.
TABLE_COLUMNS = [
    "role",
    "region_code",
    "region",
    "indicator",
    "indicator_name",
    "period",
    "value",
    "unit",
    "growth_pct",
    "growth_computed",
    "rank",
    "rank_basis",
    "rank_scope",
    "rank_change",
    "gap_to_parent_pp",
    "target",
    "completion_pct",
    "time_progress_pct",
    "required_growth_pct",
    "warning",
    "region_name",
    "region_level",
    "parent_code",
    "kind",
    "growth_rule",
    "higher_is_better",
    "rank_of",
    "rank_prev",
    "rank_ly",
    "rank_change_yoy",
    "rank_pub",
    "level_rank_pub",
    "rank_scope_code",
    "growth_pub",
    "growth_pct_prev",
    "growth_pct_ly",
    "two_year_avg_pct",
    "change",
    "single_value",
    "single_growth_pct",
    "value_prev",
    "value_ly",
    "value_fy_ly",
    "parent_growth_pct",
    "behind_parent",
    "n_children_below",
    "gap_to_prev_pp",
    "share_of_parent_pct",
    "target_kind",
    "target_growth_pct",
    "target_level",
    "gap_to_target_pp",
    "completion_gap_pp",
    "front_loaded",
    "dir",
]
CUSTOM_SCOPE = "/custom"
ROLE_ORDER = {"self": 0, "parent": 1, "peer": 2, "child": 3}


@dataclass
class Analysis:
    """One region's analysis for one period: the table, findings and contributions."""

    region_code: str
    period: str
    period_label: str
    table: pl.DataFrame
    findings: list[Finding] = field(default_factory=list)
    contributions: pl.DataFrame = field(default_factory=pl.DataFrame)
    settings: AnalysisSettings = field(default_factory=AnalysisSettings)

    def rows(self, role: str) -> pl.DataFrame:
        return self.table.filter(pl.col("role") == role)

    def records(self) -> list[dict[str, Any]]:
        """The table as JSON-ready records (the contract's columns and the working figures)."""
        return self.table.drop("dir").to_dicts()


def compute_panel(
    obs: pl.DataFrame,
    targets: pl.DataFrame | None,
    regions: pl.DataFrame,
    indicators: pl.DataFrame,
    *,
    period: Any,
    settings: AnalysisSettings | None = None,
    scopes: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Every rule for every region × indicator of ``period``, vectorised over the panel.

    ``scopes`` (region_code, rank_scope) overrides the peer group of some regions; everyone
    else is ranked among the children of their parent."""
    settings = settings or AnalysisSettings()
    current = as_triple(period)
    panel = add_growth(gather(obs, regions, indicators, current))
    # parks and other custom units rank among themselves, not among the counties beside them
    panel = panel.with_columns(
        pl.when(pl.col("region_level") == "custom")
        .then(pl.col("parent_code") + CUSTOM_SCOPE)
        .otherwise(pl.col("parent_code"))
        .alias("rank_scope_code")
    )
    if scopes is not None and scopes.height:
        panel = (
            panel.join(scopes.rename({"rank_scope": "_scope"}), on="region_code", how="left")
            .with_columns(pl.coalesce("_scope", "rank_scope_code").alias("rank_scope_code"))
            .drop("_scope")
        )
    panel = panel.with_columns(pl.col("rank_scope_code").alias("rank_scope"))
    panel = add_ranks(panel, settings.rank_basis, settings.rank_decimals)
    panel = add_gaps(panel)
    panel = add_targets(panel, targets, current)
    panel = add_warning(panel, settings)
    # keep rows of this period only: the others were needed for previous ranks
    panel = panel.filter(pl.col("value").is_not_null() | pl.col("growth_pub").is_not_null())
    return panel.with_columns(pl.lit(period_key(current)).alias("period"))


def _scope_names(panel: pl.DataFrame, regions: pl.DataFrame) -> pl.DataFrame:
    short = pl.col("short") if "short" in regions.columns else pl.col("name")
    names = regions.select(
        pl.col("code").cast(pl.String).alias("rank_scope_code"),
        pl.coalesce(pl.when(short.str.len_chars() > 0).then(short), pl.col("name")).alias("_n"),
    ).unique("rank_scope_code")
    custom = pl.col("rank_scope_code").str.ends_with(CUSTOM_SCOPE)
    return (
        panel.with_columns(pl.col("rank_scope_code").str.strip_suffix(CUSTOM_SCOPE).alias("_c"))
        .join(names.rename({"rank_scope_code": "_c"}), on="_c", how="left")
        .with_columns(
            pl.when(custom)
            .then(pl.col("_n") + "各园区")
            .otherwise(pl.coalesce("_n", "rank_scope_code"))
            .alias("rank_scope")
        )
        .drop("_n", "_c")
    )


def _peer_codes(
    panel: pl.DataFrame, code: str, parent: str | None, level: str, peers: Sequence[str] | None
) -> list[str]:
    """The given peers, or the regions ranked in the same group as ``code`` (its siblings)."""
    if peers:
        return [p for p in peers if p != code]
    if parent is None:
        return []
    scope = parent + CUSTOM_SCOPE if level == "custom" else parent
    same = panel.filter((pl.col("rank_scope_code") == scope) & (pl.col("region_code") != code))
    return same["region_code"].unique().to_list()


def analyze(
    obs: pl.DataFrame,
    targets: pl.DataFrame | None,
    regions: pl.DataFrame,
    indicators: pl.DataFrame,
    *,
    region: Any,
    period: Any,
    settings: AnalysisSettings | None = None,
    peers: Sequence[str] | None = None,
    peer_group: str = "自定义组",
) -> Analysis:
    """Analyse ``region`` (a code or a Region) for ``period`` among its siblings (or ``peers``).

    The table holds the region itself (role ``self``), its parent, its peers and its children."""
    settings = settings or AnalysisSettings()
    code = str(getattr(region, "code", region))
    known = regions.filter(pl.col("code").cast(pl.String) == code)
    if known.height == 0:
        raise UnknownRegion(f"区划代码“{code}”不在区划目录中", hint="用区划名称或六位代码")
    parent = known["parent"][0]
    current = as_triple(period)
    scopes = None
    if peers:
        group = [code, *[p for p in peers if p != code]]
        scopes = pl.DataFrame({"region_code": group, "rank_scope": [peer_group] * len(group)})
    panel = compute_panel(
        obs, targets, regions, indicators, period=current, settings=settings, scopes=scopes
    )
    peer_codes = _peer_codes(panel, code, parent, known["level"][0], peers)
    role = (
        pl.when(pl.col("region_code") == code)
        .then(pl.lit("self"))
        .when(pl.col("region_code").is_in(peer_codes))
        .then(pl.lit("peer"))
        .when(pl.col("parent_code") == code)
        .then(pl.lit("child"))
        .when(pl.col("region_code") == (parent or ""))
        .then(pl.lit("parent"))
    )
    order = indicators.select(pl.col("code").alias("indicator")).with_row_index("_ind_order")
    table = (
        panel.with_columns(role.alias("role"))
        .filter(pl.col("role").is_not_null())
        .join(order, on="indicator", how="left")
    )
    table = _scope_names(table, regions)
    table = table.sort(
        pl.col("role").replace_strict(ROLE_ORDER, default=9, return_dtype=pl.Int8),
        "_ind_order",
        "rank",
        "region_code",
        nulls_last=True,
    ).select(TABLE_COLUMNS)
    findings = warning_findings(table, code, settings)
    involved = table["region_code"].unique().to_list()
    flags = quality_frame(panel, settings).filter(pl.col("region_code").is_in(involved))
    names = dict(zip(table["region_code"], table["region"], strict=False))
    ind_names = dict(zip(table["indicator"], table["indicator_name"], strict=False))
    findings += quality_findings(flags, names, ind_names, period_key(current))
    if table.filter(pl.col("role") == "self").height == 0:
        findings.insert(
            0,
            Finding(
                "no_data",
                "info",
                f"{known['name'][0]}在{period_label(current)}没有数据",
                data={"region_code": code, "period": period_key(current)},
            ),
        )
    contrib = contributions(panel, indicators).filter(pl.col("region_code").is_in(involved))
    return Analysis(
        region_code=code,
        period=period_key(current),
        period_label=period_label(current),
        table=table,
        findings=findings,
        contributions=contrib,
        settings=settings,
    )
