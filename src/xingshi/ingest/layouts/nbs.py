"""The National Bureau of Statistics' 国家数据 CSV export, as downloaded.

    数据库：分省年度数据
    时间：2021年
    地区 ,地区生产总值 (亿元) ,第一产业增加值 (亿元) ,...     ← indicators across, or
    地区 ,2024年 ,2023年 ,...                                 ← years across
    北京市 ,44350.7 ,111.4 ,...
    注：1. …
    数据来源：国家统计局

With years across the file does not say which indicator it holds: it comes from ``--indicator``
or the file name (``社会消费品总额.csv``). An index series (上年=100, ``指数`` in the name) is
turned into growth = index − 100 with no level.
"""

from __future__ import annotations

import re
from pathlib import Path

from xingshi.ingest.layouts.long import is_footer
from xingshi.ingest.records import RawObs, Reading
from xingshi.ingest.sources import Sheet
from xingshi.ingest.values import normalize_text, split_unit

# Years across (2024年), or quarters and months across in 分省季度数据/分省月度数据 exports.
_YEAR = re.compile(r"^(\d{4}年?(第?[一二三四1-4]季度|\d{1,2}月|\d{1,2}-\d{1,2}月)?)$")
# Suffixes of NBS series names: 地区生产总值_累计值, 社会消费品零售总额_累计增长.
_SERIES = re.compile(r"[_＿]?(累计值|当期值|本期值|累计增长|同比增长|当期同比增长|累计同比增长)$")
_INDEX_UNIT = re.compile(r"上年=100|=100")


def is_nbs(sheet: Sheet) -> bool:
    return any(normalize_text(sheet.cell(r, 0)).startswith("数据库:") for r in range(3))


def header_row(sheet: Sheet) -> int | None:
    for r in range(min(8, len(sheet.rows))):
        if normalize_text(sheet.cell(r, 0)) == "地区":
            return r
    return None


def _fixed_indicator(sheet: Sheet, header_row: int) -> str | None:
    for r in range(header_row):
        text = normalize_text(sheet.cell(r, 0))
        if text.startswith("指标:") and text.removeprefix("指标:"):
            return text.removeprefix("指标:")
    return None


def time_text(sheet: Sheet) -> tuple[str, int | None]:
    for r in range(min(5, len(sheet.rows))):
        text = normalize_text(sheet.cell(r, 0))
        if text.startswith("时间:"):
            return text.removeprefix("时间:"), r
    return "", None


def indicator_from_name(path: str) -> tuple[str, bool]:
    """``地区生产总值指数（近十年）.csv`` → (``地区生产总值``, True): stem, and is it an index."""
    stem = normalize_text(Path(path).stem)
    stem = re.sub(r"[(（][^)）]*[)）]", "", stem)  # （近十年）
    stem = re.sub(r"(分省(年度|季度|月度)数据|国家数据)", "", stem)
    stem = re.sub(r"(\d+|csv|CSV|[._-])", "", stem)
    is_index = "指数" in stem
    return stem.replace("指数", ""), is_index


def series_kind(name: str) -> tuple[str, str, bool]:
    """(indicator name, role, cumulative) of an NBS series name: 社会消费品零售总额_累计增长."""
    m = _SERIES.search(name)
    if not m:
        return name, "level", False
    suffix = m.group(1)
    role = "growth" if "增长" in suffix else "level"
    return name[: m.start()], role, "累计" in suffix


def _cumulative_period(text: str) -> str:
    """2024年第四季度 of a 累计 series means January to December."""
    from xingshi.ingest.checks.period import parse_period_text

    try:
        p = parse_period_text(text)
    except Exception:  # reported by the period check
        return text
    return f"{p.year}年{p.first_month if p.first_month == 1 else 1}-{p.last_month}月"


def read_nbs(sheet: Sheet, reading: Reading, *, indicator: str | None) -> None:
    """Read an NBS export; years across or indicators across, detected from the header."""
    h = header_row(sheet)
    if h is None:
        return
    time_value, time_row = time_text(sheet)
    heads = sheet.rows[h]
    year_cols = {
        c: m.group(1) for c, v in enumerate(heads) if (m := _YEAR.match(normalize_text(v)))
    }
    years_across = bool(year_cols) and len(year_cols) == len([v for v in heads[1:] if v])
    stem, stem_index = indicator_from_name(sheet.file)
    fixed = _fixed_indicator(sheet, h)
    if indicator is None and fixed is not None:
        # Exports with the indicator fixed say so above the header: 指标：地区生产总值(亿元)
        fixed_name, fixed_unit = split_unit(fixed)
        stem_index = "指数" in fixed_name or bool(fixed_unit and _INDEX_UNIT.search(fixed_unit))
        indicator = fixed_name.replace("指数", "") if stem_index else fixed_name
    if indicator is not None and "指数" in normalize_text(indicator):
        stem_index, indicator = True, normalize_text(indicator).replace("指数", "")
    stem, role, cumulative = series_kind(indicator or stem)
    if cumulative:
        year_cols = {c: _cumulative_period(t) for c, t in year_cols.items()}
    as_growth = stem_index or role == "growth"
    for r in range(h + 1, len(sheet.rows)):
        region = sheet.cell(r, 0)
        if region is None:
            continue
        if is_footer(region):
            break
        if years_across:
            name = stem
            for c, year in year_cols.items():
                value = sheet.cell(r, c)
                if value is None:
                    continue  # NBS leaves years not yet published empty
                reading.observations.append(
                    RawObs(
                        sheet=sheet,
                        row=r,
                        region=region,
                        region_col=0,
                        indicator=name,
                        indicator_col=None,
                        period=year,
                        period_col=c,
                        period_row=h,
                        level=None if as_growth else value,
                        level_col=None if as_growth else c,
                        growth=value if as_growth else None,
                        growth_col=c if as_growth else None,
                        growth_is_index=stem_index,
                    )
                )
        else:
            for c in range(1, len(heads)):
                if heads[c] is None:
                    continue
                value = sheet.cell(r, c)
                if value is None:
                    continue
                name, unit = split_unit(heads[c])
                is_index = "指数" in name or bool(unit and _INDEX_UNIT.search(unit))
                reading.observations.append(
                    RawObs(
                        sheet=sheet,
                        row=r,
                        region=region,
                        region_col=0,
                        indicator=name.replace("指数", "") if is_index else name,
                        indicator_col=c,
                        indicator_row=h,
                        period=time_value or None,
                        period_col=0 if time_row is not None else None,
                        period_row=time_row,
                        unit=None if is_index else unit,
                        unit_col=c,
                        unit_row=h,
                        level=None if is_index else value,
                        level_col=None if is_index else c,
                        growth=value if is_index else None,
                        growth_col=c if is_index else None,
                        growth_is_index=is_index,
                        optional_indicator=True,
                    )
                )
