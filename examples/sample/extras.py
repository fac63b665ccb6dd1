"""More figures of the speech, 湘西州 only: investment parts, new firms, tax cuts, jobs, water.

No other region carries these indicators, so they neither add up nor rank.
"""

from __future__ import annotations

import random

from build import PROVINCE_COMPARABLE, XX, Data, Series, comparable_path
from series import Path, flow_path, stock_path

# 2021年1-6月 growth above the speech's "28%以上" and above 湘西州's 固定资产投资 (20.6%).
INVESTMENT_PARTS = {"tech_investment": 28.9, "hightech_investment": 31.2}
# Share of 39 sections at Ⅲ类 or better, cumulative: 38/39 = 97.4%, 37/39 = 94.9%.
WATER = {
    2019: [92.3, 92.3, 94.9, 94.9, 94.9, 94.9, 94.9, 94.9, 94.9, 94.9, 94.9, 94.9],
    2020: [94.9, 94.9, 94.9, 97.4, 97.4, 97.4, 97.4, 97.4, 97.4, 97.4, 97.4, 97.4],
    2021: [97.4, 97.4, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 97.4, 97.4, 97.4],
}


def build_extras(rng: random.Random, data: Data) -> None:
    """Add 湘西州's series for the further indicators to data."""
    for ind, h1 in INVESTMENT_PARTS.items():
        data[(XX, ind)] = Series(growth=comparable_path(rng, PROVINCE_COMPARABLE["fai"], h1))
    # 新增企业 (new registrations) in 1-5月 2021: 2157, up 19.4%.
    data[(XX, "new_enterprises")] = Series(flow_path(2157.0, 19.4, 8.0, pin=5))
    # 减税降费 2.56亿元 in 1-5月 2021, smaller than 2020's epidemic relief.
    data[(XX, "tax_cut")] = Series(flow_path(2.56, -12.0, -10.0, pin=5))
    data[(XX, "labor_transfer")] = Series(stock_path(88.4, 1.7, 2.0, 0.05))
    data[(XX, "water_quality")] = Series(Path(*(WATER[y] for y in (2019, 2020, 2021))))
