"""What the store can say about a draft's figure: stored values, and the figures the analysis
computes from them (ranks among the peers, structure ratios, shares, gaps, target completion).

Every answer carries the release and the source cell of the stored value it rests on, and says
how it was computed when it was not read as stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from xingshi.catalog.periods import Period, parse_period
from xingshi.errors import XingshiError

# Structure ratios (part ÷ whole, both levels of one period), as the briefing computes them.
RATIOS: dict[str, tuple[str, str]] = {
    "tax_gdp_share": ("tax", "gdp"),
    "nontax_share": ("nontax", "local_fiscal"),
    "tax_share": ("tax", "local_fiscal"),
}
_CELL = {
    "level": "level_cell",
    "growth_pct": "growth_cell",
    "rank": "rank_cell",
    "level_rank": "level_rank_cell",
}
SAME_PERIOD_LAST_YEAR = ("去年同期", "上年同期", "同期", "去年", "上年")


@dataclass
class Answer:
    """A value the store holds or the analysis computes, with where it comes from."""

    value: float
    unit: str
    release_id: int | None = None
    source: str | None = None
    how: str = ""  # empty for a stored value; else how it was computed


def with_ratios(obs: pl.DataFrame) -> pl.DataFrame:
    """``obs`` plus computed rows for the structure ratios the store does not hold itself:
    level = part ÷ whole × 100 (%), growth = change on the same period a year earlier (points)."""
    if obs.height == 0:
        return obs
    keys = ["region_code", "year", "first_month", "last_month", "period"]
    out = [obs]
    have = set(obs["indicator"].unique().to_list())
    for code, (part, whole) in RATIOS.items():
        if code in have or not {part, whole} <= have:
            continue
        p = obs.filter(pl.col("indicator") == part).select(
            *keys, pl.col("level").alias("_p"), "release_id", "source_file", "source_sheet"
        )
        w = obs.filter(pl.col("indicator") == whole).select(*keys, pl.col("level").alias("_w"))
        r = p.join(w, on=keys).filter(pl.col("_p").is_not_null() & (pl.col("_w") > 0))
        r = r.with_columns((pl.col("_p") / pl.col("_w") * 100).alias("level"))
        ly = r.select(
            "region_code",
            (pl.col("year") + 1).alias("year"),
            "first_month",
            "last_month",
            pl.col("level").alias("_ly"),
        )
        r = r.join(ly, on=["region_code", "year", "first_month", "last_month"], how="left")
        r = r.with_columns(
            pl.lit(code).alias("indicator"),
            pl.lit("%").alias("unit"),
            (pl.col("level") - pl.col("_ly")).alias("growth_pct"),
            pl.lit(None, dtype=pl.Int32).alias("rank"),
            pl.lit(True).alias("computed"),
        )
        out.append(r.select([c for c in obs.columns if c in r.columns]))
    return pl.concat(out, how="diagonal_relaxed").select(obs.columns)


class Reference:
    """The store's figures for the draft's regions and periods, and the analysis over them."""

    def __init__(self, obs: pl.DataFrame, goals: pl.DataFrame, releases: dict, ws: Any):
        from xingshi.analysis import AnalysisSettings

        self.obs = with_ratios(obs)
        self.goals = goals
        self.releases = releases
        self.regions, self.indicators = ws.regions, ws.indicators
        self.settings = AnalysisSettings.from_mapping(ws.settings.table("analysis"))
        self._rows = {
            (r["region_code"], r["indicator"], r["period"]): r
            for r in self.obs.iter_rows(named=True)
        }
        self._panels: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}

    # -- stored rows --------------------------------------------------------------------------
    def row(self, region: str, indicator: str, period: str) -> dict[str, Any] | None:
        return self._rows.get((region, indicator, period))

    def source(self, row: dict[str, Any], column: str) -> tuple[int | None, str | None]:
        """The release and 'file sheet cell' of a stored row's value."""
        release = self.releases.get(row.get("release_id"), {})
        source = row.get("source_file") or release.get("source_file")
        if not source:
            return row.get("release_id"), None
        text = Path(str(source)).name
        if row.get("source_sheet"):
            text += f" {row['source_sheet']}"
        cell = row.get("source_cell") or row.get(_CELL.get(column, ""))
        return row.get("release_id"), text + (f" {cell}" if cell else "")

    def stored(self, region: str, indicator: str, period: str, column: str) -> Answer | None:
        """A stored value; for a growth the store lacks, the analysis's growth from levels."""
        row = self.row(region, indicator, period)
        if row is not None and row.get(column) is not None:
            release, source = self.source(row, column)
            how = "由总量计算" if row.get("computed") else ""
            unit = str(row.get("unit") or "")
            if column == "growth_pct":  # a rate's change is in points, any other growth in %
                unit = "个百分点" if self._kind(indicator) == "rate" else "%"
            return Answer(float(row[column]), unit, release, source, how)
        if column != "growth_pct":
            return None
        cell = self.panel(period).get((region, indicator))
        if cell is None or cell.get("growth_pct") is None:
            return None
        release, source = self.source(row, "level") if row else (None, None)
        return Answer(float(cell["growth_pct"]), "%", release, source, "由两年总量计算")

    def growth_or_rate(self, region: str, indicator: str, period: str) -> Answer | None:
        """What a gap in points compares: a rate's own value, otherwise the growth."""
        kind = self._kind(indicator)
        return self.stored(region, indicator, period, "level" if kind == "rate" else "growth_pct")

    def _kind(self, indicator: str) -> str:
        return self.indicators.get(indicator).kind if indicator in self.indicators else ""

    # -- the analysis -------------------------------------------------------------------------
    def panel(self, period: str) -> dict[tuple[str, str], dict[str, Any]]:
        """The analysis of ``period`` for every region held (ranks among each parent's children)."""
        if period not in self._panels:
            from xingshi.analysis.core import compute_panel

            try:
                frame = compute_panel(
                    self.obs,
                    self.goals,
                    self.regions.frame(),
                    self.indicators.frame(),
                    period=parse_period(period),
                    settings=self.settings,
                )
                rows = frame.iter_rows(named=True)
                self._panels[period] = {(r["region_code"], r["indicator"]): r for r in rows}
            except XingshiError:  # a period the analysis cannot read: no answer
                self._panels[period] = {}
        return self._panels[period]

    def rank(self, region: str, indicator: str, period: str, basis: str | None) -> Answer | None:
        """The published rank among the parent's children, else the analysis's computed one."""
        cell = self.panel(period).get((region, indicator))
        if cell is None:
            return None
        row = self.row(region, indicator, period)
        default = cell.get("rank_basis") or "growth"
        if basis == "level" and row is not None and row.get("level_rank") is not None:
            # 总量居全省第3: the published rank of the amount, where the table gave one
            release, source = self.source(row, "level_rank")
            return Answer(float(row["level_rank"]), "位", release, source)
        if cell.get("rank_pub") is not None and basis in (None, "growth"):
            release, source = self.source(row, "rank") if row else (None, None)
            return Answer(float(cell["rank_pub"]), "位", release, source)
        if basis not in (None, default):
            return self._rank_by(region, indicator, period, basis)
        if cell.get("rank") is None:
            return None
        cited = "level" if default == "level" else "growth_pct"
        release, source = self.source(row, cited) if row else (None, None)
        how = f"在{cell.get('rank_of')}个同级地区中按{self._by(indicator, default)}计算"
        return Answer(float(cell["rank"]), "位", release, source, how)

    def _rank_by(self, region: str, indicator: str, period: str, basis: str) -> Answer | None:
        """A rank by the other basis (总量 when the analysis ranks by growth)."""
        from xingshi.analysis.ranks import competition_ranks

        panel = self.panel(period)
        me = panel.get((region, indicator))
        column = "value" if basis == "level" else "growth_pct"
        if me is None or me.get(column) is None:
            return None
        peers = [
            r for (code, ind), r in panel.items()
            if ind == indicator and r.get("rank_scope_code") == me.get("rank_scope_code")
        ]  # fmt: skip
        values = [None if r.get(column) is None else round(r[column], 1) for r in peers]
        ranks = competition_ranks(values, bool(me.get("higher_is_better", True)))
        mine = next(
            (k for r, k in zip(peers, ranks, strict=True) if r["region_code"] == region), None
        )
        if mine is None:
            return None
        row = self.row(region, indicator, period)
        cited = "level" if basis == "level" else "growth_pct"
        release, source = self.source(row, cited) if row else (None, None)
        by = self._by(indicator, basis)
        return Answer(float(mine), "位", release, source, f"在{len(peers)}个同级地区中按{by}计算")

    def _by(self, indicator: str, basis: str) -> str:
        if basis != "level":
            return "增速"
        return "数值" if self._kind(indicator) == "rate" else "总量"

    def parent_scope(self, region: str) -> str | None:
        parent = self.regions.parent(region) if region in self.regions else None
        return parent.code if parent else None

    # -- places named in words ----------------------------------------------------------------
    def region_word(self, word: str | None, region: str, home: str) -> str | None:
        """The region a word names: 全国, 全省 (the region's province), 全州/全市 (the draft's
        region), or a region name; None when the word names no region."""
        if not word:
            return None
        w = re.sub(r"[\d.,，]+.*$", "", word).strip().removesuffix("的").removesuffix("平均")
        if w in ("全国", "全国平均"):
            return "100000"
        if w in ("全省", "全区", "全省平均"):
            prov = self.regions.province_of(region) if region in self.regions else None
            if prov is not None and prov.code == region:  # a province's 全省 is itself
                return region
            return prov.code if prov else None
        if w in ("全州", "全市", "全县", "全盟", "全地区", "我州", "我市"):
            return home
        found = self.regions.try_resolve(w) if w else None
        return found.code if found else None

    def target(self, region: str, indicator: str, year: int) -> dict[str, Any] | None:
        hit = self.goals.filter(
            (pl.col("region_code") == region)
            & (pl.col("indicator") == indicator)
            & (pl.col("year") == year)
        )
        return hit.row(0, named=True) if hit.height else None


def same_period_last_year(period: str) -> str:
    return parse_period(period).same_period_last_year().key


def as_period(key: str | None, default: Period) -> str:
    return key or default.key
