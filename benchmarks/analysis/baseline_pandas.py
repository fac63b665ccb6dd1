"""The straightforward pandas implementation, kept as the benchmark's baseline.

What an analyst would write first: group the observations by region × indicator and apply a
Python function to each series (look up the periods, apply the growth rules), then pandas
groupby ranks, merges for parents and targets, and column arithmetic for the warnings. It must
give exactly the same results as ``xingshi.analysis.compute_panel``; ``run.py`` checks that.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from xingshi.analysis.periods import Triple, plan, time_progress
from xingshi.analysis.settings import AnalysisSettings

ROLES = ("cur", "prev", "ly", "prev_ly", "ly2", "fy_ly")


def _num(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def _computed(rule: str, lv: float | None, base: float | None) -> float | None:
    if lv is None or base is None:
        return None
    if rule in ("nominal", "count") and base > 0:
        return (lv / base - 1.0) * 100.0
    if rule == "pp":
        return lv - base
    return None


def _series(g: pd.DataFrame, meta: dict, plans: dict) -> pd.Series:
    """Every per-series figure of one region × indicator."""
    code = g.name[1]
    kind, rule = meta[code]["kind"], meta[code]["growth_rule"]
    p = plans[code]
    found = {
        (int(y), int(f), int(m)): (_num(lv), _num(gr))
        for y, f, m, lv, gr in zip(
            g["year"], g["first_month"], g["last_month"], g["level"], g["growth_pct"], strict=True
        )
    }
    roles = p.roles()
    keep = any(roles.get(r) in found for r in ("cur", "prev", "ly"))
    v, gp = {}, {}
    for r in ROLES:
        v[r], gp[r] = found.get(roles.get(r), (None, None)) if r in roles else (None, None)
    calc = _computed(rule, v["cur"], v["ly"])
    growth = gp["cur"] if gp["cur"] is not None else calc
    g_prev = gp["prev"] if gp["prev"] is not None else _computed(rule, v["prev"], v["prev_ly"])
    g_ly = gp["ly"] if gp["ly"] is not None else _computed(rule, v["ly"], v["ly2"])
    single = single_growth = None
    if kind == "flow":
        if p.first:
            single, single_ly = v["cur"], v["ly"]
        else:
            single = None if v["cur"] is None or v["prev"] is None else v["cur"] - v["prev"]
            single_ly = None if v["ly"] is None or v["prev_ly"] is None else v["ly"] - v["prev_ly"]
        if p.first and rule in ("nominal", "count", "comparable"):
            single_growth = growth
        elif rule in ("nominal", "count") and single_ly is not None and single_ly > 0:
            single_growth = None if single is None else (single / single_ly - 1.0) * 100.0
    two_year = None
    if rule in ("nominal", "comparable") and gp["cur"] is not None and gp["ly"] is not None:
        two_year = math.sqrt((1.0 + gp["cur"] / 100.0) * (1.0 + gp["ly"] / 100.0)) * 100.0 - 100.0
    return pd.Series(
        {
            "_keep": keep,
            "value": v["cur"],
            "growth_pub": gp["cur"],
            "value_prev": v["prev"],
            "value_ly": v["ly"],
            "value_fy_ly": v["fy_ly"],
            "growth_pct": growth,
            "growth_computed": gp["cur"] is None and calc is not None,
            "growth_pct_prev": g_prev,
            "growth_pct_ly": g_ly,
            "change": None if v["cur"] is None or v["ly"] is None else v["cur"] - v["ly"],
            "single_value": single,
            "single_growth_pct": single_growth,
            "two_year_avg_pct": two_year,
        }
    )


def _band(gap: pd.Series, yellow: float) -> pd.Series:
    g = gap.round(6)
    out = np.where(g >= 0, 0, np.where(g >= -yellow, 1, 2)).astype(float)
    return pd.Series(np.where(g.isna(), np.nan, out), index=gap.index)


def baseline(
    obs: pd.DataFrame,
    targets: pd.DataFrame,
    regions: pd.DataFrame,
    indicators: pd.DataFrame,
    period: Triple,
    settings: AnalysisSettings | None = None,
) -> pd.DataFrame:
    """compute_panel's figures, the pandas way."""
    settings = settings or AnalysisSettings()
    meta = indicators.set_index("code")[["kind", "growth_rule", "frequency"]].to_dict("index")
    plans = {c: plan(period, m["frequency"]) for c, m in meta.items()}
    obs = obs[obs["region_code"].isin(regions["code"]) & obs["indicator"].isin(meta.keys())]
    cols = ["year", "first_month", "last_month", "level", "growth_pct"]
    wide = (
        obs.groupby(["region_code", "indicator"], sort=False)[cols]
        .apply(_series, meta=meta, plans=plans)
        .reset_index()
    )
    wide = wide[wide["_keep"].astype(bool)].drop(columns="_keep")
    for c in wide.columns[2:]:
        if c != "growth_computed":
            wide[c] = pd.to_numeric(wide[c], errors="coerce").astype(float)
    ind = indicators.rename(columns={"code": "indicator"})[
        ["indicator", "kind", "growth_rule", "higher_is_better"]
    ]
    reg = regions.rename(columns={"code": "region_code", "parent": "parent_code"})
    wide = wide.merge(ind, on="indicator").merge(
        reg[["region_code", "parent_code"]], on="region_code", how="left"
    )
    wide["dir"] = np.where(wide["higher_is_better"].astype(bool), 1.0, -1.0)

    # ranks among the parent's children
    basis = {
        "growth": ("growth_pct", "growth_pct_prev", "growth_pct_ly"),
        "level": ("value", "value_prev", "value_ly"),
    }[settings.rank_basis]
    # rates rank by their own value
    by_value = wide["kind"] == "rate"
    levels = ("value", "value_prev", "value_ly")
    for col, lv in zip(("_b0", "_b1", "_b2"), levels, strict=True):
        wide[col] = np.where(by_value, wide[lv], wide[basis[int(col[-1])]])
    by = wide.groupby(["parent_code", "indicator"])
    for name, col in zip(("rank", "rank_prev", "rank_ly"), ("_b0", "_b1", "_b2"), strict=True):
        wide["_key"] = wide[col].round(settings.rank_decimals) * wide["dir"]
        wide[name] = wide.groupby(["parent_code", "indicator"])["_key"].rank(
            method="min", ascending=False
        )
        # a region alone among its peers has no rank
        wide.loc[by[col].transform("count") < 2, name] = np.nan
    wide["rank_of"] = by["_b0"].transform("count")
    wide.loc[wide["parent_code"].isna(), "rank_of"] = np.nan
    wide["rank_change"] = wide["rank_prev"] - wide["rank"]
    wide["rank_change_yoy"] = wide["rank_ly"] - wide["rank"]

    # gaps to the parent's own figure
    parent = wide[["region_code", "indicator", "growth_pct", "value"]].rename(
        columns={
            "region_code": "parent_code",
            "growth_pct": "parent_growth_pct",
            "value": "parent_value",
        }
    )
    wide = wide.merge(parent, on=["parent_code", "indicator"], how="left")
    wide["gap_to_parent_pp"] = wide["growth_pct"] - wide["parent_growth_pct"]
    wide["gap_to_prev_pp"] = wide["growth_pct"] - wide["growth_pct_prev"]
    wide["share_of_parent_pct"] = np.where(
        wide["kind"] != "rate", wide["value"] / wide["parent_value"] * 100.0, np.nan
    )
    behind = (wide["gap_to_parent_pp"] * wide["dir"]).round(6) < 0
    wide["behind_parent"] = behind.where(wide["gap_to_parent_pp"].notna(), None)
    kids = (
        wide.assign(_b=behind & wide["gap_to_parent_pp"].notna())
        .groupby(["parent_code", "indicator"])["_b"]
        .sum()
        .rename("n_children_below")
        .reset_index()
        .rename(columns={"parent_code": "region_code"})
    )
    wide = wide.merge(kids, on=["region_code", "indicator"], how="left")

    # targets
    t = targets[targets["year"] == period[0]]
    tg = t[t["target_kind"] == "growth"].groupby(["region_code", "indicator"])["value"].first()
    tl = (
        t[t["target_kind"].isin(["level", "count"])]
        .groupby(["region_code", "indicator"])["value"]
        .first()
    )
    wide = wide.merge(tg.rename("target_growth_pct").reset_index(), how="left").merge(
        tl.rename("target_level").reset_index(), how="left"
    )
    tp = time_progress(period)
    wide["time_progress_pct"] = tp
    rate = wide["kind"] == "rate"
    wide["completion_pct"] = np.where(
        (wide["target_level"] > 0) & ~rate, wide["value"] / wide["target_level"] * 100.0, np.nan
    )
    # a rate's level target is a threshold held against the rate itself
    wide["gap_to_target_pp"] = np.where(
        rate & wide["target_growth_pct"].isna(),
        wide["value"] - wide["target_level"],
        wide["growth_pct"] - wide["target_growth_pct"],
    )
    big_l, base = wide["value_fy_ly"], wide["value_ly"]
    grown = base * (1.0 + wide["growth_pct"] / 100.0)
    cum = np.where(wide["growth_rule"] == "comparable", grown, wide["value"].fillna(grown))
    g = wide["target_growth_pct"] / 100.0
    req = (((1.0 + g) * big_l - cum) / (big_l - base) - 1.0) * 100.0
    ok = (wide["kind"] == "flow") & (big_l - base > 0) & (period[2] < 12)
    wide["required_growth_pct"] = np.where(ok, req, np.nan)
    wide["completion_gap_pp"] = np.where(
        wide["kind"].isin(["flow", "count"]),
        wide["completion_pct"] - wide["time_progress_pct"],
        np.nan,
    )
    front = (wide["required_growth_pct"] - wide["growth_pct"]) * wide["dir"] > 0
    both = wide["required_growth_pct"].notna() & wide["growth_pct"].notna()
    wide["front_loaded"] = front.where(both, None)

    # warnings: the worst applicable band
    bands = pd.concat(
        [
            _band(wide["gap_to_target_pp"] * wide["dir"], settings.target_yellow_pp),
            _band(wide["completion_gap_pp"] * wide["dir"], settings.completion_yellow_pp),
            _band(wide["gap_to_parent_pp"] * wide["dir"], settings.parent_yellow_pp),
            pd.Series(
                np.where(
                    wide["growth_pct"].isna(),
                    np.nan,
                    np.where(
                        wide["growth_pct"] * wide["dir"] < settings.red_growth_below_pct, 2.0, 0.0
                    ),
                ),
                index=wide.index,
            ),
        ],
        axis=1,
    ).max(axis=1)
    wide["warning"] = bands.map({0.0: "green", 1.0: "yellow", 2.0: "red"})
    wide = wide[wide["value"].notna() | wide["growth_pub"].notna()]
    return wide.reset_index(drop=True)
