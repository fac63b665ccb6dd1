"""湘西州's 8 counties: additive series split from the prefecture, the rest their own figures.

Splitting by shares makes the counties add up to 湘西州 exactly at every month; a county's share
moves between years, so its growth differs from the prefecture's.
"""

from __future__ import annotations

import random

from build import (
    PROVINCE_COMPARABLE,
    XX,
    XX_COMPARABLE,
    XX_FLOWS,
    Data,
    Series,
    comparable_path,
)
from series import Path, flow_path, jitter, split_shares
from spec import COUNTIES

# County GDP growth, 2021年1-6月: three above 湘西州's 14.1%, five below
# (the speech: "有5个县未达到全州平均水平").
COUNTY_GDP_H1 = [15.3, 16.8, 12.6, 14.9, 13.2, 11.8, 13.7, 12.9]
# Where 湘西州's visitors go: 凤凰古城, 吉首 (矮寨), 永顺 (芙蓉镇, 老司城).
COUNTY_TOURISM = [0.22, 0.04, 0.38, 0.05, 0.04, 0.06, 0.15, 0.06]
# Industry leans on 花垣 (锰锌) and 泸溪 (高新区 新材料).
COUNTY_INDUSTRY = [0.30, 0.20, 0.06, 0.20, 0.08, 0.03, 0.06, 0.07]
SPLIT = [
    "gdp",
    "industry_output",
    "retail",
    "fiscal_total",
    "local_fiscal",
    "tax",
    "industrial_tax",
    "tourists",
    "tourism_revenue",
    "domestic_capital",
    "investment_attraction",
    "loans",
    "deposits",
]


def _shares(rng: random.Random, ind: str) -> list[float]:
    if ind.startswith("touris"):
        return COUNTY_TOURISM
    if ind in ("industry_output", "industrial_tax"):
        return [s * jitter(rng, 0.1) for s in COUNTY_INDUSTRY]
    return [s * jitter(rng, 0.25) for _c, _n, s in COUNTIES]


def build_counties(rng: random.Random, data: Data) -> None:
    """Add every county series to data, from 湘西州's."""
    codes = [c for c, _, _ in COUNTIES]
    for ind in SPLIT:
        parent = data[(XX, ind)].path
        r20 = [jitter(rng, 0.04) for _ in codes]
        r21 = [jitter(rng, 0.06) for _ in codes]
        for code, path in zip(
            codes, split_shares(parent, _shares(rng, ind), r20, r21), strict=True
        ):
            data[(code, ind)] = Series(path)
    # 非税收入 takes the prefecture's share of each county's 地方财政收入, so it adds up.
    xx_local, xx_nontax = data[(XX, "local_fiscal")].path, data[(XX, "nontax")].path
    for code in codes:
        local = data[(code, "local_fiscal")].path
        data[(code, "nontax")] = Series(
            Path(
                *(
                    [
                        n / t * v
                        for n, t, v in zip(
                            xx_nontax.year(y), xx_local.year(y), local.year(y), strict=True
                        )
                    ]
                    for y in (2019, 2020, 2021)
                )
            )
        )
    for ind in ("urban_income", "rural_income"):
        level, g, late, _dip = XX_FLOWS[ind]
        for i, code in enumerate(codes):
            factor = 1.12 if i == 0 else rng.uniform(0.85, 1.0)
            data[(code, ind)] = Series(
                flow_path(level * factor, round(g + rng.uniform(-1.5, 1.5), 1), late)
            )
    for ind, base in PROVINCE_COMPARABLE.items():
        xx = data[(XX, ind)].growth
        for i, code in enumerate(codes):
            h1 = (
                COUNTY_GDP_H1[i]
                if ind == "gdp"
                else round(XX_COMPARABLE[ind] + rng.uniform(-6, 6), 1)
            )
            own = comparable_path(rng, base, h1)
            # Follow the prefecture's profile, shifted by the county's own gap in 2021年1-6月.
            shift = h1 - xx[(2021, 6)]
            own.update({k: round(v + shift, 1) for k, v in xx.items() if k[0] == 2021})
            own[(2021, 6)] = h1
            data.setdefault((code, ind), Series()).growth = own
