"""Builds the simulated series of the 14 市州 and 湖南省 around the figures of the seed speech.

Each prefecture is generated on its own and 湖南省 is their sum (for additive indicators), so the
province's growth is its own figure, not a mean. Growth at comparable prices (GDP, 规模工业增加值)
and 固定资产投资 growth are published figures of their own, never derived from levels.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from series import Path, add_paths, flow_path, jitter, stock_path
from spec import NONTAX_SHARE_DROP_PP, PREFECTURES, PROVINCE, SPEECH_RANKS

XX = "433100"
ZJJ = "430800"  # 张家界市: the one prefecture whose tourism outgrows 湘西州's
CHANGSHA = "430100"


@dataclass
class Series:
    """One region x indicator: levels (or none) and published growth where it is its own figure."""

    path: Path | None = None
    growth: dict[tuple[int, int], float] = field(default_factory=dict)


Data = dict[tuple[str, str], Series]

# 湘西州, 2021年1-6月: level, nominal growth (%), growth of the second half (%), epidemic profile.
XX_FLOWS = {
    "gdp": (368.62, 16.3, 8.0, "default"),
    "industry_output": (433.56, 34.7, 12.0, "default"),
    "chain_output": (285.31, 41.4, 15.0, "default"),
    "retail": (178.35, 23.9, 6.0, "default"),
    "fiscal_total": (52.36, 26.0, 6.0, "default"),
    "local_fiscal": (31.57, 21.9, 5.0, "default"),
    "tax": (41.21, 28.6, 7.0, "default"),
    "industrial_tax": (12.04, 122.9, 30.0, "default"),
    "tourists": (3722.1, 150.0, 20.0, "tourism"),
    "tourism_revenue": (304.4, 130.0, 18.0, "tourism"),
    "domestic_capital": (96.45, 31.8, 12.0, "default"),
    "investment_attraction": (80.0, 39.9, 15.0, "default"),
    "urban_income": (14906.0, 9.2, 8.0, "default"),
    "rural_income": (5634.0, 13.7, 10.0, "default"),
}
XX_STOCKS = {"loans": (1456.3, 16.2), "deposits": (1902.5, 9.6)}
# Other prefectures' 2021年1-6月 growth (centre, spread) where the speech fixes no rank.
PEER_GROWTH = {
    "industry_output": (25.0, 8.0),
    "retail": (25.0, 3.0),
    "fiscal_total": (20.0, 6.0),
    "local_fiscal": (17.0, 6.0),
    "industrial_tax": (40.0, 25.0),
    "urban_income": (9.6, 1.2),
    "rural_income": (12.0, 1.5),
    "deposits": (9.5, 2.0),
}
# Ranks the speech does not state: placed so that 湘西州 is first only where the speech says so
# (its "三项指标增速居全省第一"), and 社零 is below the province ("仍低于全省平均水平").
UNSTATED_RANKS = {
    "industry_output": 3,
    "fiscal_total": 3,
    "local_fiscal": 5,
    "industrial_tax": 3,
    "retail": 11,
    "urban_income": 9,
    "rural_income": 4,
    "deposits": 6,
}
# How far ahead of 湘西州 the prefectures that outrank it are (pp).
AHEAD_SPREAD = {"tourists": (8.0, 40.0), "tourism_revenue": (6.0, 30.0)}


def _monthly(*growth: float) -> dict[int, float]:
    """Growth by the last month of the cumulative period, from 1-2月 to 1-12月."""
    return dict(zip(range(2, 13), growth, strict=True))


# 湖南省's own comparable-price growth (%), by the last month of the cumulative period.
PROVINCE_COMPARABLE = {
    "gdp": {
        2020: {3: -1.9, 6: 1.3, 9: 3.1, 12: 3.8},
        2021: {3: 18.6, 6: 12.6, 9: 9.1, 12: 7.6},
    },
    "industry_va": {
        2020: _monthly(-12.0, -7.5, -3.5, -1.0, 1.0, 2.0, 2.8, 3.3, 3.8, 4.2, 4.8),
        2021: _monthly(35.0, 25.0, 20.5, 17.6, 15.3, 13.8, 12.5, 11.5, 10.8, 10.2, 9.8),
    },
    "fai": {
        2020: _monthly(-30.0, -18.0, -8.0, -3.0, 1.0, 3.0, 5.0, 6.5, 7.2, 7.5, 7.6),
        2021: _monthly(68.0, 40.0, 25.0, 17.0, 13.4, 12.0, 11.0, 10.2, 9.5, 8.8, 8.0),
    },
}
XX_COMPARABLE = {"gdp": 14.1, "industry_va": 20.3, "fai": 20.6}
# 湖南省's own per-capita income, 2021年1-6月 (not a sum): level (元), growth (%).
PROVINCE_INCOME = {"urban_income": (22431.0, 9.9), "rural_income": (9390.0, 12.9)}


def peer_h1_growth(rng: random.Random, ind: str, xx_growth: float) -> dict[str, float]:
    """Each other prefecture's 2021年1-6月 growth, putting 湘西州 at the speech's rank."""
    others = [c for c, _, _ in PREFECTURES if c != XX]
    rank = SPEECH_RANKS.get(ind, UNSTATED_RANKS.get(ind))
    if rank is None:
        centre, spread = PEER_GROWTH[ind]
        return {c: round(centre + rng.uniform(-spread, spread), 1) for c in others}
    lo, hi = AHEAD_SPREAD.get(ind, (0.4, 4.0))
    if ind.startswith("touris"):
        ahead = [ZJJ]
    elif ind == "retail":
        # the large prefectures outgrow 湘西州, so the province's own growth is above it
        big = sorted((p for p in PREFECTURES if p[0] != XX), key=lambda p: -p[2])
        ahead = [c for c, _n, _g in big[: rank - 1]]
    else:
        ahead = rng.sample(others, rank - 1)
    below = max(3.0, abs(xx_growth) * 0.5)
    return {
        c: round(
            xx_growth + rng.uniform(lo, hi) if c in ahead else xx_growth - rng.uniform(0.5, below),
            1,
        )
        for c in others
    }


def comparable_path(rng: random.Random, base: dict, h1: float) -> dict[tuple[int, int], float]:
    """A region's own comparable-price growth by period: the province's, shifted to hit h1."""
    shift = h1 - base[2021][6]
    offset20 = rng.uniform(-1.5, 1.5)
    out = {(2021, m): round(g + shift, 1) for m, g in base[2021].items()}
    out.update({(2020, m): round(g + offset20, 1) for m, g in base[2020].items()})
    out[(2021, 6)] = h1
    return out


def _peer_level(rng: random.Random, ind: str, code: str, gdp: float, data: Data) -> float:
    """A prefecture's 2021年1-6月 level: sized on its GDP, fiscal items on its tax."""
    level = XX_FLOWS[ind][0]
    size = gdp / XX_FLOWS["gdp"][0]
    if ind == "gdp":
        return gdp
    if ind in ("urban_income", "rural_income"):
        return level * (1.9 if code == CHANGSHA else rng.uniform(1.0, 1.45))
    if ind == "tax":
        # 湘西州's tax is 11.2% of its GDP; only 长沙 is above, so its share ranks second.
        return gdp * (0.125 if code == CHANGSHA else rng.uniform(0.05, 0.10))
    tax = data[(code, "tax")].path.y2021[5] if (code, "tax") in data else 0.0
    if ind == "fiscal_total":
        return tax * rng.uniform(1.18, 1.32)
    if ind == "local_fiscal":
        return data[(code, "fiscal_total")].path.y2021[5] * rng.uniform(0.55, 0.65)
    if ind == "industrial_tax":
        return tax * rng.uniform(0.2, 0.4)
    if ind.startswith("touris"):
        # 湘西州 and 张家界 are the tourism prefectures; elsewhere visitors scale less with GDP.
        return level * 0.9 if code == ZJJ else level * size * rng.uniform(0.15, 0.4)
    return level * size * rng.uniform(0.7, 1.3)


def build_prefectures(rng: random.Random) -> Data:
    """Every flow, stock and comparable-price series for the 14 市州 and 湖南省."""
    data: Data = {}
    flows = [i for i in XX_FLOWS if i != "chain_output"]
    growth = {
        i: peer_h1_growth(rng, i, XX_COMPARABLE["gdp"] if i == "gdp" else XX_FLOWS[i][1])
        for i in flows
    }
    for ind in (
        "gdp",
        "tax",
        "fiscal_total",
        "local_fiscal",
        *[i for i in flows if i not in ("gdp", "tax", "fiscal_total", "local_fiscal")],
    ):
        level, xx_growth, late, dip = XX_FLOWS[ind]
        for code, _name, gdp in PREFECTURES:
            if code == XX:
                data[(code, ind)] = Series(flow_path(level, xx_growth, late, dip=dip))
                continue
            g = growth[ind][code] + (2.2 if ind == "gdp" else 0.0)  # nominal GDP runs ahead of real
            lvl = _peer_level(rng, ind, code, gdp, data)
            data[(code, ind)] = Series(flow_path(lvl, g, late * jitter(rng, 0.3), dip=dip))
    data[(XX, "chain_output")] = Series(flow_path(*XX_FLOWS["chain_output"][:3]))
    for code, _name, _gdp in PREFECTURES:
        data[(code, "nontax")] = nontax(rng, data[(code, "local_fiscal")].path, code)
    for ind, (level, g) in XX_STOCKS.items():
        peers = peer_h1_growth(rng, ind, g)
        for code, _name, gdp in PREFECTURES:
            lvl = level if code == XX else level * gdp / XX_FLOWS["gdp"][0] * rng.uniform(0.7, 1.2)
            gg = g if code == XX else peers[code]
            data[(code, ind)] = Series(
                stock_path(lvl, gg, rng.uniform(8, 14), rng.uniform(-0.2, 0.2))
            )
    for ind, base in PROVINCE_COMPARABLE.items():
        peers = growth["gdp"] if ind == "gdp" else peer_h1_growth(rng, ind, XX_COMPARABLE[ind])
        for code, _name, _gdp in PREFECTURES:
            h1 = XX_COMPARABLE[ind] if code == XX else peers[code]
            data.setdefault((code, ind), Series()).growth = comparable_path(rng, base, h1)
    _province(data)
    return data


def nontax(rng: random.Random, local: Path, code: str) -> Series:
    """非税收入 as a share of 地方财政收入 that falls year on year (by 1.99 pp for 湘西州)."""
    s20 = 0.35 if code == XX else rng.uniform(0.25, 0.40)
    drop = NONTAX_SHARE_DROP_PP / 100 if code == XX else rng.uniform(0.0, 0.03)
    s19 = s20 + rng.uniform(-0.01, 0.02)
    return Series(
        Path(
            [v * s19 for v in local.y2019],
            [v * s20 for v in local.y2020],
            [v * (s20 - drop) for v in local.y2021],
        )
    )


def _province(data: Data) -> None:
    """湖南省: the sum of its prefectures for additive series, its own figure otherwise."""
    prov = PROVINCE[0]
    codes = [c for c, _, _ in PREFECTURES]
    for ind in sorted({i for (_c, i) in data}):
        if ind == "chain_output":
            continue
        if ind in PROVINCE_INCOME:
            level, g = PROVINCE_INCOME[ind]
            data[(prov, ind)] = Series(flow_path(level, g, XX_FLOWS[ind][2]))
        elif ind in PROVINCE_COMPARABLE:
            series = Series(growth=_province_growth(PROVINCE_COMPARABLE[ind]))
            if ind == "gdp":
                series.path = add_paths([data[(c, ind)].path for c in codes])
            data[(prov, ind)] = series
        else:
            data[(prov, ind)] = Series(add_paths([data[(c, ind)].path for c in codes]))


def _province_growth(base: dict) -> dict[tuple[int, int], float]:
    return {(y, m): g for y, by_month in base.items() for m, g in by_month.items()}
