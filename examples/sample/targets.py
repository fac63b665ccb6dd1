"""2021 annual targets (政府工作报告 style) for 湘西州, its counties, the 14 市州 and 湖南省."""

from __future__ import annotations

import random

from build import XX, Data
from spec import COUNTIES, INDICATORS, PREFECTURES, PROVINCE, SIMULATED, SPEECH

TARGET_SEED = 2021
# 湘西州's growth targets (%); the others are drawn around them.
XX_GROWTH_TARGETS = {
    "gdp": 8.0,
    "industry_va": 9.0,
    "fai": 10.0,
    "retail": 10.0,
    "local_fiscal": 6.5,
}
PROVINCE_GROWTH_TARGETS = {
    "gdp": 6.5,
    "industry_va": 7.0,
    "fai": 8.0,
    "retail": 8.0,
    "local_fiscal": 6.0,
}
XX_ATTRACTION_TARGET = 150.0  # 亿元: 80 by June is 53.3%, ahead of time progress
NAMES = {i.code: i.name for i in INDICATORS}


def target_rows(data: Data, firm_targets: dict[str, int]) -> list[list[str]]:
    """One row per region x indicator: growth, level and count targets for 2021."""
    rng = random.Random(TARGET_SEED)
    regions = (
        [(XX, "湘西州")]
        + [(c, n) for c, n, _s in COUNTIES]
        + [(c, n) for c, n, _g in PREFECTURES if c != XX]
        + [PROVINCE]
    )
    rows = []
    for code, name in regions:
        for ind, xx_target in XX_GROWTH_TARGETS.items():
            if code == XX:
                value = xx_target
            elif code == PROVINCE[0]:
                value = PROVINCE_GROWTH_TARGETS[ind]
            else:
                value = round(xx_target + rng.uniform(-1.5, 1.0) * 2) / 2  # targets come in halves
            rows.append([name, code, NAMES[ind], "2021", "增长", f"{value:.1f}", "%", SIMULATED])
        if code != PROVINCE[0]:
            h1 = data[(code, "investment_attraction")].path.y2021[5]
            level = XX_ATTRACTION_TARGET if code == XX else round(h1 * rng.uniform(1.8, 2.3))
            rows.append(
                [
                    name,
                    code,
                    NAMES["investment_attraction"],
                    "2021",
                    "总量",
                    f"{level:g}",
                    "亿元",
                    SIMULATED,
                ]
            )
        note = f"{SPEECH}“与全年160家的目标任务差距较大”" if code == XX else SIMULATED
        rows.append(
            [
                name,
                code,
                NAMES["new_industrial_firms"],
                "2021",
                "数量",
                str(firm_targets[code]),
                "家",
                note,
            ]
        )
    return rows
