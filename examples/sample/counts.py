"""Counts (“四上”企业数, 新增入规企业数) and the air-quality rate for every region of the sample.

Counts are whole firms that add up exactly; 新增入规企业数 is cumulative within the year. The rate
is each region's own figure (it does not add up), its change read in percentage points.
"""

from __future__ import annotations

import random

from build import XX, ZJJ, Data, Series
from series import Path, cumulate, jitter, split_counts
from spec import COUNTIES, NEW_FIRMS_TARGET, PREFECTURES, PROVINCE, PROVINCE_FIRMS

# 湘西州's “四上”企业 at each month's end: 869 in June 2021, 178 having joined at the year's turn.
XX_FIRMS = {
    2019: [668, 670, 671, 673, 675, 677, 679, 680, 682, 684, 686, 689],
    2020: [700, 702, 704, 706, 708, 710, 712, 714, 716, 718, 720, 722],
    2021: [859, 861, 862, 864, 866, 869, 871, 872, 874, 875, 877, 880],
}
# 湘西州's 新增入规企业, cumulative within the year: 26 by June 2021 against a target of 160.
XX_NEW_FIRMS = {
    2019: [2, 5, 10, 16, 24, 33, 42, 55, 70, 88, 112, 138],
    2020: [1, 4, 9, 14, 22, 31, 40, 52, 66, 85, 110, 142],
    2021: [1, 3, 8, 12, 19, 26, 35, 47, 61, 78, 102, 151],
}
# 湘西州's cumulative 空气质量优良率 (%), 97.8 in 1-6月 2021 (second in the province).
XX_AIR = [96.1, 96.1, 96.9, 97.3, 97.6, 97.8, 97.9, 98.0, 97.9, 97.7, 97.5, 97.4]
YEARS = (2019, 2020, 2021)


def _path(by_year: dict[int, list[float]]) -> Path:
    return Path(*(list(map(float, by_year[y])) for y in YEARS))


def _increments(cum: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *cum[:-1]], cum, strict=True)]


def build_counts(rng: random.Random, data: Data) -> dict[str, int]:
    """Add the count series to data; return the 新增入规企业 targets by region code."""
    county_codes = [c for c, _, _ in COUNTIES]
    county_w = [s * jitter(rng, 0.3) for _c, _n, s in COUNTIES]
    others = [(c, g) for c, _n, g in PREFECTURES if c != XX]
    pref_w = [g * jitter(rng, 0.3) for _c, g in others]
    gdp_xx = next(g for c, _n, g in PREFECTURES if c == XX)

    data[(XX, "above_scale_firms")] = Series(_path(XX_FIRMS))
    county_firms = {c: {} for c in county_codes}
    pref_firms = {c: {} for c, _g in others}
    prov_firms = {}
    for y in YEARS:
        prov_year = [round(PROVINCE_FIRMS * v / 869) for v in XX_FIRMS[y]]
        prov_firms[y] = prov_year
        for c in county_codes:
            county_firms[c][y] = []
        for c, _g in others:
            pref_firms[c][y] = []
        # Each prefecture's share moves a little from year to year, so its firm count grows at
        # its own rate rather than the province's.
        year_w = [w * jitter(rng, 0.12) for w in pref_w]
        for m, xx in enumerate(XX_FIRMS[y]):
            for c, n in zip(county_codes, split_counts(xx, county_w), strict=True):
                county_firms[c][y].append(n)
            for (c, _g), n in zip(others, split_counts(prov_year[m] - xx, year_w), strict=True):
                pref_firms[c][y].append(n)
    for c, by_year in {**county_firms, **pref_firms}.items():
        data[(c, "above_scale_firms")] = Series(_path(by_year))
    data[(PROVINCE[0], "above_scale_firms")] = Series(_path(prov_firms))

    data[(XX, "new_industrial_firms")] = Series(_path(XX_NEW_FIRMS))
    new_county = {c: {} for c in county_codes}
    new_pref = {c: {} for c, _g in others}
    factors = {c: g / gdp_xx * jitter(rng, 0.3) for c, g in others}
    for y in YEARS:
        steps = _increments(XX_NEW_FIRMS[y])
        split = [split_counts(s, county_w) for s in steps]
        for i, c in enumerate(county_codes):
            new_county[c][y] = cumulate([float(s[i]) for s in split])
        for c, f in factors.items():
            new_pref[c][y] = cumulate([float(round(s * f)) for s in steps])
    for c, by_year in {**new_county, **new_pref}.items():
        data[(c, "new_industrial_firms")] = Series(_path(by_year))
    prov = {
        y: [
            sum(data[(c, "new_industrial_firms")].path.year(y)[m] for c, _n, _g in PREFECTURES)
            for m in range(12)
        ]
        for y in YEARS
    }
    data[(PROVINCE[0], "new_industrial_firms")] = Series(_path(prov))

    targets = {XX: NEW_FIRMS_TARGET}
    targets.update(dict(zip(county_codes, split_counts(NEW_FIRMS_TARGET, county_w), strict=True)))
    targets.update({c: round(NEW_FIRMS_TARGET * f * 1.05) for c, f in factors.items()})
    targets[PROVINCE[0]] = sum(targets[c] for c, _n, _g in PREFECTURES)
    return targets


def _rate_path(rng: random.Random, shift: float, gain: tuple[float, float]) -> Path:
    """A cumulative rate shaped like 湘西州's, shifted, below 100, up by `gain` pp on 2020."""
    y2021 = [min(99.9, v + shift) for v in XX_AIR]
    y2020 = [min(99.9, v - rng.uniform(*gain)) for v in y2021]
    y2019 = [min(99.9, v - rng.uniform(0.3, 1.2)) for v in y2020]
    return Path(y2019, y2020, y2021)


def build_air(rng: random.Random, data: Data) -> None:
    """Air quality: 湘西州 97.8, second to 张家界 both in level and in its gain on 2020."""
    data[(XX, "air_quality")] = Series(_rate_path(rng, 0.0, (1.5, 1.5)))
    for c, _n, _s in COUNTIES:
        data[(c, "air_quality")] = Series(_rate_path(rng, rng.uniform(-2.5, 1.5), (0.5, 2.5)))
    for c, _n, _g in PREFECTURES:
        if c == ZJJ:
            data[(c, "air_quality")] = Series(_rate_path(rng, 1.1, (1.8, 1.8)))
        elif c != XX:
            data[(c, "air_quality")] = Series(_rate_path(rng, -rng.uniform(0.6, 14.0), (0.2, 1.3)))
    data[(PROVINCE[0], "air_quality")] = Series(_rate_path(rng, -6.2, (0.8, 1.2)))
