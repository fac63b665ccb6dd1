"""Numerical helpers for the sample generator: monthly paths, splits and anchored pairs.

Every path is twelve cumulative (or end-of-month) values per year, 2020 and 2021, so that the
writer can pick whichever periods an indicator's frequency publishes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# A normal year's monthly shares of an annual flow; February is the Spring Festival trough.
NORMAL_SHARES = (0.070, 0.055, 0.080, 0.080, 0.085, 0.095, 0.080, 0.082, 0.090, 0.085, 0.088, 0.110)
# 2020 lost most of February and March to the epidemic; tourism far more than the rest.
COVID_DIP = {
    "default": (0.95, 0.55, 0.80, 0.92, 0.97, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
    "tourism": (0.80, 0.15, 0.25, 0.40, 0.55, 0.65, 0.80, 0.85, 0.85, 0.90, 0.90, 0.90),
}
# Extra single-month growth in early 2021 from the low 2020 base.
REBOUND = (0.15, 0.45, 0.20, 0.08, 0.05, 0.03)


@dataclass
class Path:
    """Twelve monthly values a year (cumulative for flows, balances for stocks).

    2019 is kept only so that 2020's growth rates agree with a base; it is never written out.
    """

    y2019: list[float]
    y2020: list[float]
    y2021: list[float]

    def year(self, year: int) -> list[float]:
        return {2019: self.y2019, 2020: self.y2020, 2021: self.y2021}[year]


def cumulate(values: list[float]) -> list[float]:
    out, total = [], 0.0
    for v in values:
        total += v
        out.append(total)
    return out


def flow_path(
    h1_2021: float,
    h1_growth_pct: float,
    late_growth_pct: float,
    *,
    dip: str = "default",
    pin: int = 6,
) -> Path:
    """A cumulative flow whose 2021 level and growth at 1-`pin`月 (1-6月) are exactly the given."""
    shares = [s * d for s, d in zip(NORMAL_SHARES, COVID_DIP[dip], strict=True)]
    pinned_2020 = h1_2021 / (1 + h1_growth_pct / 100)
    annual = pinned_2020 / sum(shares[:pin])
    m2020 = [annual * s for s in shares]
    # 2019 had no epidemic and grew about 7% on the year before.
    m2019 = [annual * s / d / 1.07 for s, d in zip(shares, COVID_DIP[dip], strict=True)]
    rebound = [*REBOUND, 0.0, 0.0][:pin]
    early = [m * (1 + late_growth_pct / 100 + r) for m, r in zip(m2020[:pin], rebound, strict=True)]
    k = h1_2021 / sum(early)  # pin the cumulative level exactly
    late = [m * (1 + late_growth_pct / 100) for m in m2020[pin:]]
    return Path(cumulate(m2019), cumulate(m2020), cumulate([e * k for e in early] + late))


def stock_path(jun_2021: float, jun_growth_pct: float, growth_2020_pct: float, drift_pp: float):
    """End-of-month balances; growth on a year earlier is exact in June 2021, drifting around it."""
    jun_2020 = jun_2021 / (1 + jun_growth_pct / 100)
    monthly = (1 + growth_2020_pct / 100) ** (1 / 12)
    y2020 = [jun_2020 * monthly ** (m - 6) for m in range(1, 13)]
    y2021 = [v * (1 + (jun_growth_pct + drift_pp * (6 - m)) / 100) for m, v in enumerate(y2020, 1)]
    y2019 = [v / (1 + (growth_2020_pct + drift_pp * (m - 6)) / 100) for m, v in enumerate(y2020, 1)]
    return Path(y2019, y2020, y2021)


def _reweight(shares: list[float], ratios: list[float]) -> list[float]:
    raw = [s * r for s, r in zip(shares, ratios, strict=True)]
    return [x / sum(raw) for x in raw]


def split_shares(
    parent: Path, shares: list[float], ratios20: list[float], ratios21: list[float]
) -> list[Path]:
    """Children that add up to the parent: a share per year, moved each year by a ratio.

    A child whose ratio is above the others' grows faster than the parent in that year.
    """
    s19 = _reweight(shares, [1.0] * len(shares))
    s20 = _reweight(s19, ratios20)
    s21 = _reweight(s20, ratios21)
    return [
        Path(
            [v * a for v in parent.y2019],
            [v * b for v in parent.y2020],
            [v * c for v in parent.y2021],
        )
        for a, b, c in zip(s19, s20, s21, strict=True)
    ]


def split_counts(total: int, weights: list[float]) -> list[int]:
    """Integers proportional to the weights that add up to the total (largest remainder)."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def growth(now: float | None, before: float | None) -> float | None:
    if now is None or before is None or before == 0:
        return None
    return (now / before - 1) * 100


def anchored_base(level: float, growth_pct: float, decimals: int) -> float:
    """Last year's level, rounded as published, that reproduces the stated growth within 0.02 pp."""
    base = round(level / (1 + growth_pct / 100), decimals)
    step = 10.0**-decimals
    for delta in (0, 1, -1, 2, -2, 3, -3):
        cand = round(base + delta * step, decimals)
        if abs(growth(level, cand) - growth_pct) < 0.02:
            return cand
    raise ValueError(f"no base for {level} at {growth_pct}%")


def jitter(rng: random.Random, spread: float) -> float:
    return 1 + rng.uniform(-spread, spread)


def add_paths(paths: list[Path]) -> Path:
    """The parent of additive children: their month-by-month sum."""
    return Path(
        *(
            [sum(vals) for vals in zip(*(p.year(y) for p in paths), strict=True)]
            for y in (2019, 2020, 2021)
        )
    )
