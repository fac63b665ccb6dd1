"""The wide layout statisticians circulate: title, unit note, two-row header, one row per region.

    2021年1-6月各县市区主要经济指标
    单位：亿元、%
    地区 | 地区生产总值(亿元)        | 规模工业增加值 | ...
         | 绝对值 | 同比增长% | 位次  | 增速 | 位次   | ...
    全州 | 512.3  | 12.5      | 1     | ...
    吉首市 ...
    注：…

Indicator names are merged over their sub-columns (the merged cell holds the text in its first
column only, so names are carried to the right). Units come from the sub-header, the header or
the unit note row, in that order.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from xingshi.findings import Finding
from xingshi.ingest.layouts.long import is_footer, is_parent_alias, rank_basis
from xingshi.ingest.records import RawObs, Reading
from xingshi.ingest.sources import Sheet, column_letter
from xingshi.ingest.values import normalize_text, split_unit

REGION_HEADERS = (
    "地区",
    "县市区",
    "县市",
    "县区",
    "市州",
    "市县",
    "区域",
    "地区名称",
    "单位",
    "名称",
    "区县",
    "县(市、区)",
    "县(市区)",
    "市(州)",
    "项目",
    "单位名称",
    "县市区名称",
    "市州名称",
    "区划",
    "行政区划",
    # A diagonal corner cell (指标 over 地区) reads as one word once its spaces go.
    "指标地区",
    "地区指标",
    "项目地区",
    "地区项目",
    "指标/地区",
    "地区/指标",
)
_RANK_WORDS = ("位次", "排名", "排位", "名次")
_GROWTH_WORDS = ("增长", "增速", "±", "比上年", "同比", "增减", "增幅")
_LEVEL_WORDS = (
    "绝对值",
    "累计",
    "本月",
    "本期",
    "总量",
    "完成",
    "数值",
    "金额",
    "当月",
    "总额",
    "上年同期",
    "去年同期",
)
SUBHEADER_WORDS = _RANK_WORDS + _GROWTH_WORDS + _LEVEL_WORDS
_SUFFIX = re.compile(r"^(.{2,}?)(同比增长%?|同比增速|增长%?|增速%?|增幅|±%|位次|排名|增速位次)$")
_MONTHS = re.compile(r"\d{1,2}\s*[-－—–~～至到]\s*\d{1,2}\s*月|\d{1,2}\s*月")
_UNIT_NOTE = re.compile(r"^(计量)?单位[:：]")


_PERIOD_HEAD = re.compile(
    r"^\d{4}年?(第?[一二三四1-4]季度|\d{1,2}(-\d{1,2})?月份?|上半年|前三季度|全年)?$"
)
# Words a column header may hold besides a period when it names no indicator: 本年累计,
# 上年同期, 增幅%, 1-6月累计, 比上年同期±%, 增速排位.
_ROLE_TOKENS = sorted(
    (
        "比上年同期",
        "比上年",
        "比去年同期",
        "上年同期",
        "去年同期",
        "本年",
        "本期",
        "本月",
        "当月",
        "累计",
        "绝对值",
        "总量",
        "完成值",
        "完成",
        "数值",
        "同比",
        "增长率",
        "增长",
        "增速",
        "增幅",
        "增减",
        "位次",
        "排名",
        "排位",
        "名次",
        "实际",
    ),
    key=len,
    reverse=True,
)


def is_period_head(text: Any) -> bool:
    """A header cell that is a period of its own: 2023年, 2024年第二季度, 2024年1-6月."""
    return bool(_PERIOD_HEAD.match(normalize_text(text)))


def is_role_only(text: Any) -> bool:
    """A header naming a role or a period but no indicator (本年累计, 增幅%, 2021年1-3月)."""
    name, _unit = split_unit(text)
    rest = re.sub(r"\d{4}年", "", name)
    rest = _MONTHS.sub("", rest)
    for token in _ROLE_TOKENS:
        rest = rest.replace(token, "")
    rest = re.sub(r"[%±+\-()（）/、,，份]", "", rest)
    return not rest and rest != name


def title_kind(texts: list[str]) -> str:
    """What a one-indicator table's values are, from its title: growth, rank or level."""
    for text in texts:
        kind = sub_kind(normalize_text(text).rsplit("(", 1)[0].split("_")[-1])
        if kind is not None and kind != "level":
            return kind
    return "level"


def is_region_header(value: Any) -> bool:
    text = normalize_text(value)
    return text in {normalize_text(h) for h in REGION_HEADERS}


# Columns beside the figures that are not this period's level, year-on-year growth or rank:
# 两年平均增长, 比2019年增长, 环比, 完成年度目标%, 占全州比重, 拉动, 增量.
_FOREIGN = re.compile(
    r"两年平均|年均|[比较](19|20)\d\d年|环比|目标|进度|比重|占比|占全|拉动|贡献|增量|增减额|"
    r"增加额|净增|序时"
)


def foreign_column(text: str) -> bool:
    """A header of a column the importer must not read as level, growth or rank."""
    if _FOREIGN.search(text):
        return True
    if any(w in text for w in ("增减", "增加", "减少")):
        # 比上年增减(亿元) is a change in money, not a rate; 增减(百分点) is a rate's change.
        _name, unit = split_unit(text)
        return bool(unit) and "%" not in unit and "百分点" not in unit
    return False


def foreign_finding(sheet: Sheet, row: int, col: int, text: Any) -> Finding:
    return Finding(
        "header",
        "warning",
        f"“{text}”列不是本期总量、同比增速或位次，该列未导入",
        sheet.where(row, col, text),
        hint="两年平均增速、比某年增长、环比、目标完成度、比重等列不导入；需要时另建长表导入",
    )


def sub_kind(text: str) -> str | None:
    """What a sub-header names: ``rank``, ``growth`` or ``level`` (None for anything else)."""
    if any(w in text for w in _RANK_WORDS):
        return "rank"
    if any(w in text for w in _GROWTH_WORDS) or text in {"%", "±%"}:
        return "growth"
    if any(w in text for w in _LEVEL_WORDS):
        return "level"
    return None


def _note_unit(sheet: Sheet, header_row: int) -> str | None:
    """The money/count unit of a ``单位：亿元、%`` note above the header (% excluded)."""
    for r in range(header_row):
        for value in sheet.rows[r]:
            text = normalize_text(value)
            if text and _UNIT_NOTE.match(text):
                parts = re.split(r"[、,，/;；]", _UNIT_NOTE.sub("", text))
                units = [p for p in parts if p and p != "%"]
                return units[0] if units else None
    return None


def title_text(sheet: Sheet, header_row: int) -> str:
    """All text above the header (the title row and any notes)."""
    texts = [str(v) for r in range(header_row) for v in sheet.rows[r] if v is not None]
    return " ".join(texts)


def _roles_row(sheet: Sheet, row: int, region_col: int) -> list[str]:
    if row >= len(sheet.rows):
        return []
    return [normalize_text(v) for v in sheet.rows[row][region_col + 1 :]]


def _indicator_row(sheet: Sheet, header_row: int) -> tuple[list[Any], list[int]]:
    """Per column, the indicator name starting there: from the second header row, else the first
    (a name merged down over both rows)."""
    width = max(len(sheet.rows[header_row]), len(sheet.rows[header_row + 1]))
    names: list[Any] = []
    rows: list[int] = []
    for c in range(width):
        lower = sheet.cell(header_row + 1, c)
        upper = sheet.cell(header_row, c)
        names.append(lower if lower is not None else upper)
        rows.append(header_row + 1 if lower is not None else header_row)
    return names, rows


def _growth_or_rank(texts: list[str]) -> bool:
    """A sub-header row: some cell says 增速/位次, and no cell is a figure (a data row)."""
    if not any(sub_kind(v) in ("growth", "rank") for v in texts):
        return False
    return not any(re.fullmatch(r"[+-]?\d+(\.\d+)?%?", v) for v in texts)


def _region_cell(sheet: Sheet, row: int, region_col: int) -> Any:
    """The region of a row; a name merged over 序号 and 地区 (全州 in A:B) sits further left."""
    value = sheet.cell(row, region_col)
    if value is not None:
        return value
    for c in range(region_col - 1, -1, -1):
        left = sheet.cell(row, c)
        if isinstance(left, str) and left.strip() and not left.strip().isdigit():
            return left
    return None


def read_wide(
    sheet: Sheet,
    header_row: int,
    region_col: int,
    reading: Reading,
    *,
    period: str | None,
    indicator: str | None = None,
) -> None:
    """Read a wide sheet whose indicator header is at 0-based ``header_row``."""
    top = sheet.rows[header_row]
    sub_row = header_row + 1
    subs = _roles_row(sheet, sub_row, region_col)
    has_sub = any(sub_kind(v) or _MONTHS.search(v) for v in subs)
    names, name_rows = list(top), [header_row] * len(top)
    below = _roles_row(sheet, sub_row + 1, region_col)
    if (not has_sub or not _growth_or_rank(subs)) and _growth_or_rank(below):
        # Three header rows: groups (工业) over indicators over 绝对值/增速/位次.
        names, name_rows = _indicator_row(sheet, header_row)
        sub_row += 1
        subs = _roles_row(sheet, sub_row, region_col)
        has_sub = True
    if has_sub and any("累计" in v for v in subs):
        period = _cumulative(period)
    default_unit = _note_unit(sheet, header_row)
    # Headers that name no indicator (本年累计 | 上年同期 | 增幅%, or 2021年1-2月 | …): the
    # indicator is the table's own, named in the title, the sheet name or the file name.
    titles = [title_text(sheet, header_row), sheet.name or "", Path(sheet.file).stem]
    if indicator is not None:
        titles = [indicator]
    from_title = False
    width = max(len(names), len(sheet.rows[sub_row]) if has_sub else 0)

    # Carry merged indicator names to the right; find each column's role.
    columns: list[dict[str, Any]] = []
    current: tuple[str, str | None, int] | None = None
    head_role: str | None = None
    for c in range(region_col + 1, width):
        head = names[c] if c < len(names) else None
        name_row = name_rows[c] if c < len(name_rows) else header_row
        single_sub = ""
        if head is not None and not has_sub and foreign_column(normalize_text(head)):
            if current is not None:
                reading.findings.append(foreign_finding(sheet, name_row, c, head))
            continue
        if head is not None:
            name, unit = split_unit(head)
            # One-row header: a short 增长%/位次 column belongs to the indicator on its left.
            short_sub = sub_kind(name) in ("growth", "rank") and len(name) <= 6
            if not has_sub and (current is None or from_title) and is_role_only(head):
                single_sub = normalize_text(head)
                if current is None:
                    current, from_title = (" ".join(titles), None, c), True
            elif not has_sub and current is not None and short_sub:
                single_sub = normalize_text(head)
            elif not has_sub and (m := _SUFFIX.match(name)):
                # 规模工业增加值增速(%) / 规模工业增加值位次: the indicator with its role.
                single_sub = m.group(2)
                if current is None or current[0] != m.group(1):
                    current, from_title = (m.group(1), None, c), False
            if not single_sub:
                current, from_title = (name, unit, c), False
                head_role = None
                if has_sub and (m := _SUFFIX.match(name)):
                    # 固定资产投资增速(%) over 1-5月 | 1-6月: growth rates by period.
                    current, head_role = (m.group(1), None, c), sub_kind(m.group(2))
        if current is None:
            continue
        name, head_unit, name_col = current
        sub = normalize_text(sheet.cell(sub_row, c)) if has_sub else single_sub
        foreign = sub if has_sub else normalize_text(head)
        if foreign and foreign_column(foreign):
            row = sub_row if has_sub else name_row
            reading.findings.append(foreign_finding(sheet, row, c, sheet.cell(row, c)))
            continue
        if has_sub:
            kind = sub_kind(sub)
            if kind is None and _MONTHS.search(sub):
                kind = head_role or "level"  # a sub-header that is itself a period: 1-6月
            if kind is None and not sub and head is not None:
                kind = head_role or "level"  # a name merged down over its blank sub-header
            if kind is None:
                continue
        elif single_sub:
            kind = sub_kind(single_sub) or (title_kind(titles) if from_title else None)
        elif head is None:
            continue
        else:
            kind = "level"
        _sub_name, sub_unit = split_unit(sub)
        if kind == "growth":
            unit = None
        else:
            unit = sub_unit or head_unit or (default_unit if kind == "level" else None)
        basis = rank_basis(sub) if kind == "rank" else "default"
        columns.append(
            {
                "indicator": name,
                "indicator_col": name_col,
                "kind": kind,
                "col": c,
                "unit": unit,
                "unit_row": sub_row if sub_unit else name_row,
                "unit_col": c if sub_unit else name_col,
                "unit_default": not (sub_unit or head_unit),
                "basis": basis,
                "period": sub
                if is_period_head(sub) and "年" in sub
                else column_period(sub, period, kind),
                "monthly": any(w in sub for w in ("本月", "当月")),
                "titles": titles if from_title else None,
            }
        )
    columns = _one_column_per_role(_prefer_cumulative(columns), sheet, sub_row, reading)

    first_data = sub_row + 1 if has_sub else header_row + 1
    for r in range(first_data, len(sheet.rows)):
        raw_region = _region_cell(sheet, r, region_col)
        if is_footer(raw_region):
            break
        region = normalize_text(raw_region)
        values_present = any(sheet.cell(r, col["col"]) is not None for col in columns)
        if not region:
            continue
        if not values_present:
            continue
        by_indicator: dict[tuple[int, str | None], RawObs] = {}
        for col in columns:
            key = (col["indicator_col"], col["period"])
            obs = by_indicator.get(key)
            if obs is None:
                obs = RawObs(
                    sheet=sheet,
                    row=r,
                    region=region,
                    region_col=region_col,
                    indicator=col["indicator"],
                    indicator_col=col["indicator_col"],
                    indicator_row=name_rows[col["indicator_col"]]
                    if col["indicator_col"] < len(name_rows)
                    else header_row,
                    period=col["period"],
                    parent_alias=is_parent_alias(region),
                    indicator_texts=col["titles"],
                )
                by_indicator[key] = obs
            value = sheet.cell(r, col["col"])
            if col["kind"] == "level":
                obs.level, obs.level_col = value, col["col"]
                obs.unit, obs.unit_col, obs.unit_row = col["unit"], col["unit_col"], col["unit_row"]
                obs.unit_is_default = col["unit_default"]
            elif col["kind"] == "growth":
                obs.growth, obs.growth_col = value, col["col"]
            else:
                obs.rank, obs.rank_col, obs.rank_basis = value, col["col"], col["basis"]
        reading.observations.extend(by_indicator.values())


def column_period(sub: str, period: str | None, kind: str = "level") -> str | None:
    """The period of one column: the sheet's, or what its sub-header says.

    ``1-6月`` names it; 累计 under a single-month title means January to that month; 本月 under
    a cumulative title means the last month alone; 上年同期 (a level) is a year earlier.
    """
    from xingshi.ingest.checks.period import parse_period_text

    if period is None:
        return None
    try:
        p = parse_period_text(period)
    except Exception:  # the period check reports it, once, on every value
        return period
    if re.search("上年|去年", re.sub("[比较](上年|去年)", "", sub)):
        return p.same_period_last_year().label  # 上年同期, 上年同期增速: last year's figures
    m = _MONTHS.search(sub)
    if m:
        return f"{p.year}年{m.group(0)}"
    if any(w in sub for w in ("本月", "当月")) and p.first_month != p.last_month:
        return f"{p.year}年{p.last_month}月"
    return period


def _one_column_per_role(
    columns: list[dict[str, Any]], sheet: Sheet, sub_row: int, reading: Reading
) -> list[dict[str, Any]]:
    """Two columns giving the same indicator's same figure for one period: an error, not a
    silent choice of the later one."""
    seen: dict[tuple[Any, ...], int] = {}
    kept: list[dict[str, Any]] = []
    for col in columns:
        key = (col["indicator_col"], col["period"], col["kind"])
        if key in seen:
            value = sheet.cell(sub_row, col["col"])
            reading.findings.append(
                Finding(
                    "header",
                    "error",
                    f"“{value}”列与{column_letter(seen[key])}列是同一指标、同一时期的同一项",
                    sheet.where(sub_row, col["col"], value),
                    hint="每项只保留一列；两年平均增速、上年同期数等请在表头写明",
                )
            )
            continue
        seen[key] = col["col"]
        kept.append(col)
    return kept


def _prefer_cumulative(columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop 本月 columns where the same indicator has a cumulative column of the same role.

    A 本月 column beside a 累计 one is a single-month figure the importer need not keep (it is
    the difference of two cumulative values); alone it is kept for its own month.
    """
    roles = {(c["indicator_col"], c["kind"]) for c in columns if not c["monthly"]}
    return [c for c in columns if not c["monthly"] or (c["indicator_col"], c["kind"]) not in roles]


def _cumulative(period: str | None) -> str | None:
    """A single-month title (2021年6月) over 累计 columns means January to that month."""
    from xingshi.ingest.checks.period import parse_period_text

    if period is None:
        return None
    try:
        p = parse_period_text(period)
    except Exception:  # reported by the period check
        return period
    if p.first_month == p.last_month and p.last_month > 1:
        return f"{p.year}年1-{p.last_month}月"
    return period
