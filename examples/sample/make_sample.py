"""Writes the xingshi sample dataset: 湘西州 and its counties, 湖南省 and its 14 市州, 2020-2021.

Deterministic (a fixed seed, no clock): running it again rewrites the same bytes.

    python examples/sample/make_sample.py [OUT_DIR]     # default: this folder
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import datetime
from pathlib import Path as FsPath

from build import XX, Data, build_prefectures
from counties import build_counties
from counts import build_air, build_counts
from extras import build_extras
from series import growth
from spec import (
    COUNTIES,
    INDICATORS,
    LOWER_BOUNDS,
    PREFECTURES,
    PROVINCE,
    RANK_QUOTES,
    SIMULATED,
    SPEECH,
    SPEECH_FIGURES,
    Ind,
)
from targets import target_rows
from workbook import write_workbook

SEED = 20210721
HEADER = ["地区", "地区代码", "指标", "时期", "数值", "单位", "增长%", "位次", "备注"]
TARGET_HEADER = ["地区", "地区代码", "指标", "年度", "目标类型", "目标值", "单位", "备注"]
COMPARABLE = {"gdp", "industry_va", "fai", "tech_investment", "hightech_investment"}  # published
COUNT = {"above_scale_firms", "new_industrial_firms"}
COUNTY_CODES = {c for c, _n, _s in COUNTIES}
RANKED = "investment_attraction"  # the one rank the speech states as published (增速全省第一)


def months(ind: Ind) -> list[int]:
    """Cumulative periods an indicator publishes: no 1月 where 1-2月 are merged."""
    if ind.frequency == "quarterly":
        return [3, 6, 9, 12]
    return list(range(1 if ind.frequency == "monthly_jan" else 2, 13))


def period_label(year: int, month: int) -> str:
    return f"{year}年1月" if month == 1 else f"{year}年1-{month}月"


def fmt(value: float | None, decimals: int) -> str:
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def cell_values(data: Data, code: str, ind: Ind, year: int, month: int):
    """(level, growth) as published: levels rounded, growth from the rounded levels."""
    series = data.get((code, ind.code))
    if series is None:
        return None
    # 湘西州's own tables are to the 万元 (4 decimals of 亿元); the province's to 2 decimals.
    decimals = ind.decimals if code in COUNTY_CODES or code == XX else min(ind.decimals, 2)
    level = prev = None
    if series.path is not None:
        level = round(series.path.year(year)[month - 1], decimals)
        prev = round(series.path.year(year - 1)[month - 1], decimals)
    if ind.code in COMPARABLE:
        g = series.growth.get((year, month))
    elif ind.code in COUNT:
        g = None
    elif ind.unit == "%":
        g = round(level - prev, 1)
    else:
        g = round(growth(level, prev), 1)
    if ind.code == "gdp" or ind.level:
        return level, g
    return None, g


def ranks(values: dict[str, float]) -> dict[str, int]:
    """Competition ranks by value, highest first: ties share a rank (1, 2, 2, 4)."""
    return {c: 1 + sum(1 for o in values.values() if o > v) for c, v in values.items()}


def build_rows(data: Data, regions: list[tuple[str, str]]) -> list[list[str]]:
    speech = {f.indicator: f for f in SPEECH_FIGURES}
    pref_codes = [c for c, _n, _g in PREFECTURES]
    rank_of = ranks({c: cell_values(data, c, _ind(RANKED), 2021, 6)[1] for c in pref_codes})
    rows = []
    for code, name in regions:
        for ind in INDICATORS:
            for year in (2020, 2021):
                for month in months(ind):
                    values = cell_values(data, code, ind, year, month)
                    if values is None:
                        continue
                    level, g = values
                    rank = (
                        rank_of[code]
                        if ind.code == RANKED and (year, month) == (2021, 6) and code in rank_of
                        else None
                    )
                    note = _note(code, ind.code, year, month, speech)
                    rows.append(
                        [
                            name,
                            code,
                            ind.name,
                            period_label(year, month),
                            fmt(level, ind.decimals),
                            ind.unit,
                            fmt(g, 1),
                            "" if rank is None else str(rank),
                            note,
                        ]
                    )
    return rows


def _ind(code: str) -> Ind:
    return next(i for i in INDICATORS if i.code == code)


def _note(code: str, ind: str, year: int, month: int, speech: dict) -> str:
    fig = speech.get(ind)
    if code == XX and fig is not None and (year, month) == (2021, fig.month):
        text = f"{SPEECH}“{fig.quote}”"
        if fig.level is None:
            text += f"；数值为{SIMULATED}"
        if ind == "industrial_tax":
            text += "；讲话稿口径为工业税收(不含烟)"
        return text
    if (year, month) != (2021, 6):
        return SIMULATED
    if code == XX and ind in LOWER_BOUNDS:
        return f"{SIMULATED}；{SPEECH}“{LOWER_BOUNDS[ind]}”"
    if code == XX and ind in RANK_QUOTES:
        return f"{SIMULATED}；位次与{SPEECH}“{RANK_QUOTES[ind]}”一致"
    if code == PROVINCE[0] and ind == "above_scale_firms":
        return f"{SPEECH}“仅占全省46972家的1.9%”"
    return SIMULATED


def write_csv(path: FsPath, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def generate() -> Data:
    rng = random.Random(SEED)
    data = build_prefectures(rng)
    build_counties(rng, data)
    data["new_firm_targets"] = build_counts(rng, data)  # type: ignore[assignment]
    build_air(rng, data)
    build_extras(rng, data)
    return data


def check_speech(data: Data) -> None:
    """Stop if a figure of the speech did not come out exactly (a change in the generator)."""
    for fig in SPEECH_FIGURES:
        level, g = cell_values(data, XX, _ind(fig.indicator), 2021, fig.month)
        if fig.level is not None and level != fig.level:
            raise SystemExit(f"{fig.indicator}: level {level} != {fig.level}")
        if fig.growth is not None and g != fig.growth:
            raise SystemExit(f"{fig.indicator}: growth {g} != {fig.growth}")


def main(out: FsPath) -> None:
    data = generate()
    firm_targets = data.pop("new_firm_targets")  # type: ignore[call-overload]
    check_speech(data)
    out.mkdir(parents=True, exist_ok=True)
    xiangxi = [(XX, "湘西州")] + [(c, n) for c, n, _s in COUNTIES]
    hunan = [PROVINCE] + [(c, n) for c, n, _g in PREFECTURES]
    write_csv(out / "xiangxi_2020-2021.csv", HEADER, build_rows(data, xiangxi))
    write_csv(out / "hunan_2020-2021.csv", HEADER, build_rows(data, hunan))
    write_csv(out / "targets_2021.csv", TARGET_HEADER, target_rows(data, firm_targets))
    rows = {
        code: {ind.code: cell_values(data, code, ind, 2021, 6) for ind in INDICATORS}
        for code, _n in xiangxi
    }
    write_workbook(
        out / "2021年1-6月湘西州各县市区主要经济指标.xlsx", xiangxi, rows, datetime(2021, 7, 15)
    )


if __name__ == "__main__":
    main(FsPath(sys.argv[1]) if len(sys.argv) > 1 else FsPath(__file__).parent)
