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
from xingshi.ingest.layouts.columns import (
    _dates_as_months,
    _one_column_per_role,
    _own_period,
    _period_label,
    _prefer_cumulative,
    _same_month_beside_same_period,
    _year,
)
from xingshi.ingest.layouts.content import years_down as years_below
from xingshi.ingest.layouts.headers import (
    _SUFFIX,
    _UNIT_NOTE,
    YEAR_CELL,
    _cumulative,
    column_period,
    foreign_column,
    foreign_finding,
    is_period_head,
    is_region_header,
    is_role_only,
    is_year_header,
    names_months,
    nominal_growth_head,
    period_key,
    pure_unit,
    ranks_in_region_header,
    real_growth_head,
    sub_kind,
    title_kind,
    unit_text,
    units_row,
    unmarked_growth_is_nominal,
    without_english,
)
from xingshi.ingest.layouts.index import fixed_base_finding, index_base
from xingshi.ingest.layouts.long import header_key, is_footer, is_parent_alias, rank_basis
from xingshi.ingest.layouts.targets import is_target_head, target_of_row
from xingshi.ingest.records import RawObs, Reading
from xingshi.ingest.sources import Sheet
from xingshi.ingest.values import (
    last_decimal_tolerance,
    normalize_text,
    parse_number,
    parse_rank,
    split_cell_unit,
    split_unit,
)


def _note_unit(sheet: Sheet, header_row: int) -> str | None:
    """The money/count unit of a ``单位：亿元、%`` note above the header (% excluded)."""
    for r in range(header_row):
        for value in sheet.rows[r]:
            text = normalize_text(value)
            if text and _UNIT_NOTE.match(text):
                # 单位:万元 (10 000 yuan), 单位:亿元 Unit: in 100 Million Yuan: the English
                # translation is no part of the unit
                text = re.sub(r"(?<=[\u4e00-\u9fff%])[(（]?[\d\s]*[A-Za-z].*$", "", text)
                parts = re.split(r"[、,，/;；]", _UNIT_NOTE.sub("", text).rstrip(")"))
                units = [p for p in parts if p and p != "%"]
                # 单位:个、万元: all of them, each row taking the one that fits its indicator
                return "、".join(units) if units else None
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


def _figure_text(text: str) -> bool:
    """A text cell holding a figure: 1,234.5, 增长8.0%, 9946.66亿元 (not 亿元, 注, —)."""
    if not re.search(r"\d", text):
        return False
    if split_cell_unit(text, "亿元") is not None:
        return True
    try:
        return parse_number(text, percent_ok=True) is not None
    except ValueError:
        return False


def _holds_figures(cells: list[Any]) -> bool:
    """Figures in a row: a decimal (9946.66), a growth in words (增长8.0%), an amount with its
    unit (9946.66亿元). Whole numbers alone are not: years head columns too."""
    for v in cells:
        if isinstance(v, float) and not v.is_integer():
            return True
        if isinstance(v, str) and _figure_text(v) and not _YEARISH.fullmatch(normalize_text(v)):
            return True
    return False


_YEARISH = re.compile(r"(19|20)\d\d")


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


_YEAR_FIRST = re.compile(
    r"^(\d{4}年(?:\d{1,2}(?:-\d{1,2})?月|上半年|前三季度|第?[一二三四]季度)?)(\D.+)$"
)
_BARE_PERIOD = re.compile(
    r"^(?:1[89]|20)\d\d(?:年(?:\d{1,2}(?:-\d{1,2})?月|上半年|前三季度|第?[一二三四]季度)?)?$"
)
# A forum list's 2009初 | 2010核: a year's preliminary (初步) and final (核实) figures.
_YEAR_RELEASE = re.compile(r"^((?:1[89]|20)\d\d)(初步?|核实?)?$")


def _release_year(name: str, balances: bool) -> str | None:
    """The year of 2011, 2009初步, 2010核; a bare 初 only where it cannot be the year's start."""
    m = _YEAR_RELEASE.match(name)
    if m is None or (m.group(2) == "初" and balances):
        return None
    return m.group(1)


_PARENT_HEAD = re.compile(r"^(所属|所在)(省份|省分|省区|省|市州|地市|城市|市|地区|州)$|^省份$")
_TOTAL = {"合计", "小计", "总计", "计", "Total", "Subtotal"}
_GROUP = re.compile(r"^.{1,10}(省|市|州|盟|地区|自治区)$")


def _header_of_another(sheet: Sheet, row: int) -> bool:
    """年份 | GDP(亿元) | 增速(%) under a table of counties: the header of a years-down table
    of its own (遵义市历年GDP对比表), not a row of the table above."""
    cells = [v for v in sheet.rows[row] if v is not None]
    return len(cells) >= 2 and is_year_header(cells[0]) and all(isinstance(v, str) for v in cells)


def _name_row(
    sheet: Sheet,
    row: int,
    region_col: int,
    *,
    corner_english: bool = False,
    any_corner: bool = False,
) -> bool:
    """A header row of indicator names only (工业 | 建筑业 under 第二产业), no roles or figures.
    ``corner_english``: the corner may hold an English word (Year of a bilingual header);
    ``any_corner``: whatever the corner holds."""
    cells = sheet.cell_row(row)
    if row >= len(sheet.rows):
        return False
    corner = sheet.cell(row, region_col)
    english = corner_english and _english_only(corner)
    if normalize_text(corner) and not (english or any_corner):
        return False
    texts = [v for v in cells[region_col + 1 :] if v is not None and str(v).strip()]
    if not texts or any(isinstance(v, (int, float)) for v in texts):
        return False
    norm = [without_english(v) for v in texts]
    if any(re.fullmatch(r"[+-]?[\d.,%]+|[-—–…/]+", t) for t in norm):
        return False
    if any(is_period_head(t) or names_months(t) or sub_kind(t) for t in norm):
        return False  # 1-5月 | 1-6月, 绝对值 | 累计: roles and periods, not names
    return not any(sub_kind(t) in ("growth", "rank") for t in norm) and not all(
        pure_unit(t) or unit_text(t) in ("%",) for t in norm
    )


def _flatten_names(sheet: Sheet, header_row: int, region_col: int) -> tuple[int, dict[int, str]]:
    """Yearbook headers of names over names (国内生产总值 over 第二产业 over 工业 | 建筑业):
    one row of the deepest name per column, 小计/合计 taking the name above; a 构成 or
    指数 group marks its columns. Returns the row now holding the names and, per column, the
    name of the group it is a part of (工业 → 第二产业)."""
    rows = [header_row]
    while len(rows) < 4 and _name_row(sheet, rows[-1] + 1, region_col, corner_english=True):
        rows.append(rows[-1] + 1)
    if len(rows) == 1:
        return header_row, {}
    width = max(len(sheet.cell_row(r)) for r in rows)
    # 生产总值 merged over (元) | (美元): the units row under the names counts as below them.
    after = rows[-1] + 1
    unit_cells = [v for v in sheet.cell_row(after)[region_col + 1 :] if v is not None]
    units_after = bool(unit_cells) and all(
        isinstance(v, str) and pure_unit(without_english(v)) for v in unit_cells
    )
    carried: list[list[str]] = []
    for r in rows:
        line, current = [], ""
        for c in range(width):
            text = without_english(sheet.cell(r, c)) if sheet.cell(r, c) is not None else ""
            if _english_only(sheet.cell(r, c)):
                text = ""  # Secondary Industry beside #工业 in one row: a translation
            if c <= region_col:
                line.append(text)
                continue
            # (a translation below, Balance under 收支差额, carries no name over from the left)
            below = any(
                sheet.cell(x, c) is not None and not _english_only(sheet.cell(x, c))
                for x in rows
                if x > r
            ) or (units_after and sheet.cell(after, c) is not None)
            current = text if text else (current if below else "")
            line.append(current)
        carried.append(line)
    _join_wrapped_names(sheet, rows, carried, region_col)
    flat: list[Any] = list(sheet.cell_row(header_row)[: region_col + 1])
    parents: dict[int, str] = {}
    for c in range(region_col + 1, width):
        path = [carried[i][c] for i in range(len(rows)) if carried[i][c]]
        path = [p for i, p in enumerate(path) if i == 0 or p != path[i - 1]]
        names = [p for p in path if p not in _TOTAL]
        if len(names) > 1 and split_unit(names[-1])[1] and not split_unit(names[-1])[0]:
            # 地区生产总值 over (亿元) in its own column: the group's own figure, in 亿元
            names = [*names[:-2], f"{split_unit(names[-2])[0]}({split_unit(names[-1])[1]})"]
        name = names[-1] if names else ""
        if len(names) > 1 and not re.search("指数|构成|比重", names[-2]):
            parents[c] = split_unit(names[-2])[0]  # 工业 under 第二产业: one of its parts
            group_unit = next(
                (split_unit(n)[1] for n in reversed(names[:-1]) if split_unit(n)[1]), None
            )
            plain = not re.search("指数|构成|比重|=100", "".join(path))
            if group_unit and plain and not split_unit(name)[1]:
                name = f"{name}({group_unit})"  # 生产总值(万元) over 第一产业: 万元 too
        groups = "".join(path[:-1])
        if re.search("构成|比重", groups):
            name = f"{name}构成%"
        elif "指数" in groups and "指数" not in name:
            name = f"{name}指数"
        flat.append(name or None)
    sheet.rows[rows[-1]] = flat
    for r in rows[:-1]:
        sheet.rows[r] = []
    return rows[-1], parents


def _catalogue_name(text: str) -> bool:
    from xingshi.catalog.indicators import IndicatorCatalog, normalise_name

    key = normalise_name(text)
    return any(normalise_name(n) == key for n, _ in IndicatorCatalog.load().alias_pairs())


def _join_wrapped_names(
    sheet: Sheet, rows: list[int], carried: list[list[str]], region_col: int
) -> None:
    """人均地区 over 生产总值 in one column: a name wrapped onto two header rows, not a group over
    a part (that would read 生产总值, GDP, in 元). Joined only where the two halves written in the
    column itself make a catalogue name and the upper half alone is none."""
    for c in range(region_col + 1, len(carried[0])):
        for i in range(len(rows) - 1):
            up, low = sheet.cell(rows[i], c), carried[i + 1][c]
            if up is None and isinstance(sheet.cell(rows[i + 1], c), str):
                # 地方财政一般 merged over 预算收入 | 预算支出: the upper half is each column's
                up = carried[i][c]
            if not (isinstance(up, str) and low):
                continue
            up, (low_name, low_unit) = without_english(up), split_unit(low)
            if not up or not low_name or split_unit(up)[1] or _catalogue_name(up):
                continue
            if _catalogue_name(up + low_name):
                carried[i + 1][c] = up + low_name + (f"({low_unit})" if low_unit else "")
                for k in range(i + 1):
                    role_group = re.search("指数|构成|比重|=100", carried[k][c])
                    if k == i or (sheet.cell(rows[k], c) is None and not role_group):
                        # the upper half, and a group only carried over from the left (an
                        # 指数 group stays: its columns are indexes of the joined names)
                        carried[k][c] = ""


_WHOLE = {"总值", "合计", "总计", "小计", "总量"}


def _parts_under_a_level(sheet: Sheet, sub_row: int, region_col: int) -> bool:
    """GDP(本币) merged over 总值 | 第一产业 | 第二产业 | 第三产业 on a row below the roles: each
    column is that part's amount (总值 the indicator's own). The names go up into the name row,
    the role is carried over the run, and the indicator resumes right of it (实际 | 位次 of
    GDP). The parts row is then blank, so figures start below it."""
    parts_row = sub_row + 1
    if parts_row >= len(sheet.rows) or sub_row < 1:
        return False
    cells = sheet.rows[parts_row]
    texts = {c: normalize_text(v) for c, v in enumerate(cells) if c > region_col and v is not None}
    if len(texts) < 2 or any(not isinstance(cells[c], str) for c in texts):
        return False
    if any(pure_unit(t) or "%" in t or _english_only(cells[c]) for c, t in texts.items()):
        return False  # a row of units (亿元 | 万元) or translations, not of parts
    name_row, roles = sheet.rows[sub_row - 1], sheet.rows[sub_row]
    runs: list[tuple[int, int]] = []
    for c in sorted(texts):
        start = c
        while start > region_col and normalize_text(sheet.cell(sub_row, start)) == "":
            start -= 1
        if sub_kind(normalize_text(sheet.cell(sub_row, start))) != "level":
            return False
        if runs and runs[-1][0] == start:
            runs[-1] = (start, c)
        else:
            runs.append((start, c))
    width = max(len(name_row), len(roles), len(cells)) + 1
    name_row = [*name_row, *[None] * (width - len(name_row))]
    roles = [*roles, *[None] * (width - len(roles))]
    for start, end in runs:
        group = next((name_row[k] for k in range(start, region_col, -1) if name_row[k]), None)
        for c in range(start, end + 1):
            part = texts.get(c, "")
            name_row[c] = group if part in _WHOLE or not part else part
            roles[c] = roles[start]
        if name_row[end + 1] is None:
            name_row[end + 1] = group  # the group's own columns go on right of its parts
    sheet.rows[sub_row - 1], sheet.rows[sub_row], sheet.rows[parts_row] = name_row, roles, []
    return True


def _growth_beside_its_base(columns: list[dict[str, Any]]) -> None:
    """2019年GDP | 2018年GDP | 增速: a growth right of last year's amount compares this year's
    with it, so it is this year's (2018's amount is its base), unless this year has one."""
    for col in columns:
        if col["kind"] != "growth" or col["col"] == col["indicator_col"]:
            continue
        base = next(
            (k for k in columns if k["col"] == col["indicator_col"] and k["kind"] == "level"), None
        )
        p = period_key(base["period"]) if base is not None else None
        if p is None:
            continue
        later = [
            k
            for k in columns
            if k["kind"] == "level"
            and k["indicator"] == base["indicator"]
            and (q := period_key(k["period"])) is not None
            and q.same_period_last_year() == p
        ]
        if len(later) != 1:
            continue
        own = later[0]
        if any(
            g["kind"] == "growth" and g["indicator_col"] == own["indicator_col"] for g in columns
        ):
            continue
        col["period"], col["indicator_col"] = own["period"], own["indicator_col"]


def _growth_takes_left_period(columns: list[dict[str, Any]]) -> None:
    """2018年8月 | 同比增长(%) | 2018年1-8月 | 同比增长(%): each growth is its left level's.

    A level of the same period a year earlier (2021年1-6月 | 2020年1-6月 | 增长%) is the base,
    not the period the growth belongs to.
    """
    for i, col in enumerate(columns):
        if col["kind"] == "level" or col["own_period"] or re.search("上年|去年", col["sub"]):
            continue
        if col["monthly"] or "累计" in col["sub"]:
            continue  # 本月增长 | 累计增长 say their own period
        levels = [
            k
            for k in columns[:i]
            if k["kind"] == "level" and k["indicator_col"] == col["indicator_col"]
        ]
        periods = {period_key(k["period"]) for k in levels}
        for left in reversed(levels):
            p = period_key(left["period"])
            later = p is not None and any(
                q is not None and q.same_period_last_year() == p for q in periods
            )
            if left["own_period"] and not later:
                col["period"] = left["period"]
                break


def _base_row(sheet: Sheet, row: int, columns: list[dict[str, Any]]) -> bool:
    """1952 | 100.0 | 100.0 | 100.0 … at the top of a 上年=100 table: the series' base, every
    index 100, not a year of 0% growth in every sector."""
    index = [sheet.cell(row, k["col"]) for k in columns if k["index"]]
    return len(index) >= 3 and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and v == 100 for v in index
    )


def _section_kind(text: str) -> str | None:
    """A row naming a section of the table below it: 产业结构 (shares) or 增长速度 (growth)."""
    if re.fullmatch(r"[^\d]{0,8}(结构|构成|比重)", text):
        return "share"
    if re.fullmatch(r"[^\d]{0,8}(增长速度|增速|比上年增长[(（]?%?[)）]?)", text):
        return "growth"
    return None


def _ranks_by_neighbour(columns: list[dict[str, Any]]) -> None:
    """数量 | 位次 | 增长率 | 位次 (yearbooks' 排序 tables): where one indicator and period has
    two plain 位次, each ranks the column on its left — the amount's, then the growth's. One
    plain 位次 of an amount with no growth in the table ranks the amount."""
    groups: dict[tuple[int, Any], list[dict[str, Any]]] = {}
    for col in columns:
        groups.setdefault((col["indicator_col"], col["period"]), []).append(col)
    for group in groups.values():
        ranks = [k for k in group if k["kind"] == "rank" and k["basis"] == "default"]
        kinds = {k["kind"] for k in group}
        if len(ranks) == 1 and "level" in kinds and "growth" not in kinds:
            ranks[0]["basis"] = "level"  # 人均GDP(元) | 人均GDP排名, no growth: the amount's
            continue
        if len(ranks) != 2:
            continue
        by_col = {k["col"]: k for k in group}
        left = [by_col.get(k["col"] - 1, {}).get("kind") for k in ranks]
        if sorted(left, key=str) == ["growth", "level"]:
            for k, basis in zip(ranks, left, strict=True):
                k["basis"] = basis


# 增量(亿元), 比上年增加额, 净增: this period's amount minus last year's.
_INCREMENT = re.compile(r"增量|增加额|净增")


def _growth_of_increment_is_nominal(
    sheet: Sheet, pairs: list[tuple[RawObs, Any]], findings: list[Finding]
) -> None:
    """GDP总量 | 增量 | 增速 on a ranking page, the growth being 增量 ÷ (总量 − 增量): a change at
    current prices, whatever the header calls it. Where at least three rows, and three in four
    of those with all three figures, agree to the growth's last decimal (a misprint may break
    one), the column is such a ratio: normalize keeps it for an indicator whose growth is at
    current prices (retail, a count), not as GDP's growth at comparable prices."""
    by_column: dict[tuple[int, int], list[tuple[RawObs, bool]]] = {}
    for obs, inc_cell in pairs:
        if obs.growth_col is None or obs.growth_is_real or obs.growth_is_index:
            continue
        level, growth = _cell_number(obs.level), _cell_number(obs.growth)
        inc = _cell_number(inc_cell)
        if level is None or growth is None or inc is None or level == inc:
            continue
        agrees = abs(inc / (level - inc) * 100 - growth) <= last_decimal_tolerance(growth)
        by_column.setdefault((obs.indicator_col, obs.growth_col), []).append((obs, agrees))
    for (_name_col, growth_col), group in by_column.items():
        agreeing = sum(agrees for _obs, agrees in group)
        if agreeing < 3 or 4 * agreeing < 3 * len(group):
            continue
        first = group[0][0]
        head_row = first.growth_head_row if first.growth_head_row is not None else first.row
        head = sheet.cell(head_row, growth_col)
        findings.append(
            Finding(
                "header",
                "warning",
                f"“{normalize_text(head)}”列的增速等于增量除以上年同期总量（总量减增量），"
                "是按现价计算的增速",
                sheet.where(head_row, growth_col, head),
                hint="地区生产总值等指标的增速按可比价格计算，请填统计部门公布的增速",
            )
        )
        for obs, _agrees in group:
            obs.growth_is_ratio = True


def _cell_number(value: Any, *, rank: bool = False) -> float | None:
    try:
        return parse_rank(value) if rank else parse_number(value)
    except ValueError:
        return None


def _ranks_follow(sheet: Sheet, start: int, rank_col: int, col: int) -> bool:
    """Does the rank column order the rows by this column's amounts, largest first, every row
    (ties allowed)? Then the ranks are of these amounts, whatever the header does not say."""
    pairs: list[tuple[float, float]] = []
    for r in range(start, len(sheet.rows)):
        rank = _cell_number(sheet.cell(r, rank_col), rank=True)
        value = _cell_number(sheet.cell(r, col))
        if rank is not None and value is not None:
            pairs.append((rank, value))
    if len(pairs) < 4:  # three rows fall in order by chance too often
        return False
    # a smaller rank beside a smaller amount anywhere: not these amounts' ranks
    return all(
        (r1 - r2) * (v1 - v2) <= 0 for i, (r1, v1) in enumerate(pairs) for r2, v2 in pairs[i + 1 :]
    )


_BARE_YEAR = re.compile(r"(?:19|20)\d\d年")


def _years_in_part_of_year(
    columns: list[dict[str, Any]],
    period: str | None,
    sheet: Sheet,
    name_rows: list[int],
    reading: Reading,
) -> None:
    """排名 | 城市 | 2018年 | 2017年 under a lead that says 2018年前三季度: each column is the
    same months of its own year (a ranking page heads its 1-9月 figures by their years alone).
    Not where any column names months of its own (2020年 | 2021年1-6月: the bare year is the
    whole year), nor under a single month's title."""
    from xingshi.ingest.checks.period import parse_period_text

    if period is None:
        return
    try:
        p = parse_period_text(period)
    except Exception:  # the period check reports it
        return
    if p.first_month != 1 or p.last_month in (1, 12):
        return
    bare = [k for k in columns if k["own_period"] and _BARE_YEAR.fullmatch(k["period"] or "")]
    if not bare or any(k["own_period"] and k not in bare for k in columns):
        return
    for k in bare:
        k["period"] = f"{k['period']}{p.short_label}"
    first = bare[0]
    row = name_rows[first["indicator_col"]] if first["indicator_col"] < len(name_rows) else 0
    reading.findings.append(
        Finding(
            "header",
            "warning",
            f"表头只写年份，按标题和导语所说的“{period}”，各年份列读作该年的{p.short_label}",
            sheet.where(row, first["col"], sheet.cell(row, first["col"])),
            hint="若这些列是全年的数，请在表头写明（如“2018年全年”），或用 --period 指定",
        )
    )


def _drop_prose_periods(
    columns: list[dict[str, Any]],
    period: str | None,
    sheet: Sheet,
    names: list[Any],
    name_rows: list[int],
    reading: Reading,
) -> list[dict[str, Any]]:
    """2015年GDP(亿元) | 人均GDP(元) under a lead whose only year is a note's (常住人口数据
    采用2013年末数据): the header names its years, and the lead's is none of them; a column
    that names no year of its own would take the note's year, which says nothing of it. Such
    columns are left out, with a warning each."""
    years = {_year(k["period"]) for k in columns if k["own_period"]} - {None}
    if not years or _year(period) in years:
        return columns
    said = "、".join(f"{y}年" for y in sorted(years))
    kept: list[dict[str, Any]] = []
    for k in columns:
        if k["own_period"]:
            kept.append(k)
            continue
        c = k["indicator_col"]
        head = names[c] if c < len(names) else None
        reading.findings.append(
            Finding(
                "header",
                "warning",
                f"“{head}”列不写时期：表头写明的年份是{said}，导语中的“{period}”不是表头的年份，"
                "不能确定该列是哪一时期，该列未导入",
                sheet.where(name_rows[c] if c < len(name_rows) else 0, k["col"], head),
                hint="请在表头写明该列的年份（如 2015年人均GDP），或用 --period 指定",
            )
        )
    return kept


def _drop_unsaid_periods(
    columns: list[dict[str, Any]],
    sheet: Sheet,
    names: list[Any],
    name_rows: list[int],
    reading: Reading,
) -> list[dict[str, Any]]:
    """GDP(亿元) beside 2015年GDP(亿元): the column that names no period of its own would take
    the title's 2015 too, yet it is another year's (2014's on the page). Where it would fall on
    a period another column of the indicator names, which period it holds is not said."""
    said = {(k["indicator"], k["kind"], k["period"]): k for k in columns if k["own_period"]}
    kept: list[dict[str, Any]] = []
    for k in columns:
        other = None if k["own_period"] else said.get((k["indicator"], k["kind"], k["period"]))
        if other is None:
            kept.append(k)
            continue
        c, o = k["indicator_col"], other["indicator_col"]
        head = names[c] if c < len(names) else None
        reading.findings.append(
            Finding(
                "header",
                "warning",
                f"“{head}”列不写时期，与“{names[o] if o < len(names) else ''}”列是同一指标，"
                "不能确定是哪一时期，该列未导入",
                sheet.where(name_rows[c] if c < len(name_rows) else 0, k["col"], head),
                hint="请在表头写明该列的年份或月份（如 2014年GDP）",
            )
        )
    return kept


def _left_ranks(
    top: list[Any],
    region_col: int,
    columns: list[dict[str, Any]],
    skipped: list[int],
    sheet: Sheet | None = None,
    start: int = 0,
) -> list[dict[str, Any]]:
    """A rank column left of the regions (GDP排行 | 各省市 | 2021年GDP): the rank of the
    indicator it names, by its amount unless it says 增速. A plain 排名 over several amounts
    ranks the one whose order its ranks follow in every row (a page sorted by GDP)."""
    out: list[dict[str, Any]] = []
    for c in range(region_col):
        text = normalize_text(top[c]) if c < len(top) else ""
        if sub_kind(text) != "rank":
            continue
        name = re.sub("排行|排名|位次|名次|排位", "", text)
        levels = [k for k in columns if k["kind"] == "level"]
        if m := _YEAR_FIRST.match(name):
            # 2015年GDP排名: the rank of that year's GDP
            levels = [k for k in levels if k["period"] == m.group(1)] or levels
            name = m.group(2)
        named = [k for k in levels if name and name == k["indicator"]]  # GDP, not 人均GDP
        named = named or [k for k in levels if name and name in k["indicator"]] or levels
        if len({k["period"] for k in named}) > 1:
            # GDP排名 | 2012年上半年GDP | 2013年上半年GDP | 增速: the period with a growth
            # is the one ranked; with none or several, which year is ranked is not said.
            grown = {
                (k["indicator"], k["period"])
                for k in columns
                if k["kind"] == "growth" and not k.get("nominal")
            }
            named = [k for k in named if (k["indicator"], k["period"]) in grown]
        target = named[0] if len(named) == 1 else None
        if target is None and sheet is not None and rank_basis(text) == "default":
            following = [k for k in (named or levels) if _ranks_follow(sheet, start, c, k["col"])]
            target = following[0] if len(following) == 1 else None
        if target is None:
            # 排名 beside 2018年GDP | 2017年GDP: which year's rank is not said.
            skipped.append(c)
            continue
        basis = rank_basis(text)
        out.append(
            {**target, "kind": "rank", "col": c, "basis": "level" if basis == "default" else basis}
        )
    return out


def _period_row(sheet: Sheet, row: int, region_col: int) -> dict[int, str]:
    """Column → period for a header row of periods only (merged years carried right)."""
    cells = sheet.rows[row][region_col + 1 :] if row < len(sheet.rows) else []
    texts = [normalize_text(v) for v in cells]
    if not any(texts) or not all(is_period_head(t) for t in texts if t):
        return {}
    below = sheet.cell_row(row + 1)[region_col + 1 :]
    if any(isinstance(v, (int, float)) or re.fullmatch(r"[\d.,%-]+", str(v)) for v in below if v):
        return {}  # the periods head figures directly: a one-indicator table
    if not any(is_period_head(t) for t in _roles_row(sheet, row + 1, region_col)) and any(
        t for t in _roles_row(sheet, row + 1, region_col)
    ):
        out: dict[int, str] = {}
        current = None
        width = max(len(sheet.cell_row(r)) for r in range(row, row + 3)) - region_col - 1
        for i, t in enumerate(texts + [""] * (width - len(texts))):
            current = (t if "年" in t else f"{t}年") if t else current
            if current is not None:
                out[region_col + 1 + i] = current
        return out
    return {}


def _english_only(value: Any) -> bool:
    """English text only (Region, National Total); Gross Domestic\nProduct wrapped too."""
    return isinstance(value, str) and bool(_ENGLISH_ONLY.fullmatch(" ".join(value.split())))


_ENGLISH_ONLY = re.compile(r"[A-Za-z][A-Za-z0-9 .,&()/'’:-]*")


def _figures_below(sheet: Sheet, row: int, col: int, depth: int = 12) -> bool:
    """Figures under a header: a column headed ``GDP`` over 9946.66 is GDP, not the English
    name column of a bilingual yearbook (which holds Fujian, Xiamen)."""
    for r in range(row + 1, min(row + 1 + depth, len(sheet.rows))):
        value = sheet.cell(r, col)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return True
        if isinstance(value, str) and not _english_only(value) and _figure_text(value):
            return True  # 9946.66亿元, 1,234.5
    return False


def english_name_finding(sheet: Sheet, row: int, col: int, value: Any) -> Finding:
    """A region cell with only its English name (Fujian) in a bilingual table: not guessed."""
    return Finding(
        "region",
        "warning",
        f"“{str(value).strip()}”只有英文名，没有中文地区名，该行未导入",
        sheet.where(row, col, value),
        hint="在该格写上中文地区名（如“福建省 Fujian”）后重新导入",
    )


def _name_above_translation(sheet: Sheet, header_row: int, region_col: int) -> int:
    """生产总值 over Gross | 劳动者报酬 | 生产税净额 (a bilingual yearbook's header in a text
    layout): the Chinese name above a header cell holding only English is that column's name,
    the header starts a row higher."""
    above = header_row - 1
    if above < 0:
        return header_row
    if not _name_row(sheet, above, region_col):
        return header_row
    cells = [(c, v) for c, v in enumerate(sheet.cell_row(above)) if c > region_col and v]
    if cells and all(_english_only(sheet.cell(header_row, c)) for c, _v in cells):
        return above
    return header_row


def _wrapped_halves_above(sheet: Sheet, header_row: int, region_col: int) -> int:
    """地方财政一般 over 预算收入 (a text-layout yearbook's header, each name wrapped onto two
    lines): where the row above the header holds, in the header's own columns, first halves
    that make catalogue names with the header's cells (and are none alone), the header starts
    a row higher, for the wrapped names to be joined."""
    above = header_row - 1
    if above < 0 or normalize_text(sheet.cell(above, region_col)):
        return header_row
    joined = 0
    for c, up in enumerate(sheet.cell_row(above)):
        low = sheet.cell(header_row, c)
        if c <= region_col or not (isinstance(up, str) and isinstance(low, str)):
            continue
        up, low = without_english(up), split_unit(without_english(low))[0]
        if up and low and not _catalogue_name(up) and _catalogue_name(up + low):
            joined += 1
    if not joined:
        return header_row
    corner = sheet.cell(header_row, region_col)
    if corner is not None:
        # 类别 beside the lower halves: the corner of the whole header, which starts above (else
        # the lower row reads as a second table's header, its columns without their 指数 group)
        row = sheet.rows[above]
        row.extend([None] * (region_col + 1 - len(row)))
        row[region_col], sheet.rows[header_row][region_col] = corner, None
    return above


def _corner_from_below(sheet: Sheet, header_row: int, region_col: int) -> None:
    """地方财政一般 over 类别 | 预算收入 | 预算支出: a corner word beside a row of names under a
    header row with an empty corner is the whole header's corner. Left there, the lower row read
    as a second table's header and its columns lost the groups above them (an 指数 group's
    indexes stored as amounts)."""
    below = header_row + 1
    if normalize_text(sheet.cell(header_row, region_col)) or below >= len(sheet.rows):
        return
    corner = sheet.cell(below, region_col)
    if corner is None or not _name_row(sheet, below, region_col, any_corner=True):
        return
    row = sheet.rows[header_row]
    row.extend([None] * (region_col + 1 - len(row)))
    row[region_col], sheet.rows[below][region_col] = corner, None


def _drop_translations(sheet: Sheet, rows: range, region_col: int) -> None:
    """A header row of English names only (Gross Domestic Product | Primary Industry) under the
    Chinese one of a bilingual yearbook: a translation, neither names nor data. One English
    name over the figures (Per Capita GDP over 2012 | 2013) is one too; one in the region
    column (Fujian) is a data row."""
    for r in rows:
        row = sheet.cell_row(r)
        cells = [(c, v) for c, v in enumerate(row) if v is not None and str(v).strip()]
        english = bool(cells) and all(_english_only(v) for _c, v in cells)
        if english and (len(cells) >= 2 or cells[0][0] > region_col):
            sheet.rows[r] = []


def read_wide(
    sheet: Sheet,
    header_row: int,
    region_col: int,
    reading: Reading,
    *,
    period: str | None,
    indicator: str | None = None,
    period_in_prose: bool = False,
) -> int | None:
    """Read a wide sheet whose indicator header is at 0-based ``header_row``.

    ``period_in_prose``: the table's period was read from a lead paragraph, not a title (a
    column that names no year takes it only where the header's years agree).

    Returns the row where a second table starts below this one (its own title and 地区
    header), for the caller to read as a table of its own; None when the sheet ends.
    """
    header_row = _name_above_translation(sheet, header_row, region_col)
    header_row = _wrapped_halves_above(sheet, header_row, region_col)
    _corner_from_below(sheet, header_row, region_col)
    _dates_as_months(sheet, range(header_row, header_row + 3))
    _drop_translations(sheet, range(header_row + 1, header_row + 4), region_col)
    # Yearbooks: years as a header row over the indicators (2008 | 2009 over 总额 | 增长).
    col_periods = _period_row(sheet, header_row, region_col)
    if col_periods:
        header_row += 1
    header_row, groups = _flatten_names(sheet, header_row, region_col)
    top = sheet.rows[header_row]
    # A 时期 column beside 地区 (regions × periods down, indicators across).
    period_col = next(
        (c for c in range(region_col + 1, len(top)) if header_key(top[c]) == "period"), None
    )
    sub_row = header_row + 1
    subs = _roles_row(sheet, sub_row, region_col)
    if period_col is not None:
        subs[period_col - region_col - 1 : period_col - region_col] = [""]
    has_sub = any(sub_kind(v) or names_months(v) or pure_unit(v) for v in subs)
    if has_sub and _holds_figures(sheet.cell_row(sub_row)[region_col + 1 :]):
        has_sub = False  # 9946.66 | 增长8.0%: the first data row, not 总量 | 增长
    names, name_rows = list(top), [header_row] * len(top)
    if not has_sub and not col_periods:
        # 人均生产总值 over 2012 | 2013 over 数量 | 位次 | 增长率 | 位次 (an English row between
        # dropped): the years are the columns' periods, the row under them their roles.
        for at in (header_row + 1, header_row + 2):
            years = _period_row(sheet, at, region_col)
            gap = all(not sheet.rows[x] for x in range(header_row + 1, at))
            if years and gap and _growth_or_rank(_roles_row(sheet, at + 1, region_col)):
                col_periods, sub_row = years, at + 1
                subs, has_sub = _roles_row(sheet, sub_row, region_col), True
                break
    below = _roles_row(sheet, sub_row + 1, region_col)
    if (not has_sub or not _growth_or_rank(subs)) and _growth_or_rank(below):
        # Three header rows: groups (工业) over indicators over 绝对值/增速/位次.
        names, name_rows = _indicator_row(sheet, header_row)
        sub_row += 1
        subs = _roles_row(sheet, sub_row, region_col)
        has_sub = True
    if has_sub and _parts_under_a_level(sheet, sub_row, region_col):
        subs = _roles_row(sheet, sub_row, region_col)
        names, name_rows = list(sheet.rows[header_row]), [header_row] * len(sheet.rows[header_row])
    # A row of units under the roles (绝对值 | 增速 over 亿元 | %): units for the columns above.
    units_at = sub_row + 1 if has_sub and units_row(sheet, sub_row + 1, region_col) else None
    if has_sub and any("累计" in v for v in subs):
        period = _cumulative(period)
    default_unit = _note_unit(sheet, header_row)
    # Headers that name no indicator (本年累计 | 上年同期 | 增幅%, or 2021年1-2月 | …): the
    # indicator is the table's own, named in the title, the sheet name or the file name.
    # The line nearest the header first (a caption under a lead paragraph that names other
    # indicators: 规模以上工业增加值 (亿元、%、%) below “……固定资产投资……社会消费品零售总额……”).
    lines = [" ".join(str(v) for v in sheet.rows[r] if v is not None) for r in range(header_row)]
    titles = [*reversed([t for t in lines if t.strip()]), sheet.name or "", Path(sheet.file).stem]
    # The qualifiers of the whole title (城镇居民… over 可支配收入) hold for every column.
    context_text = title_text(sheet, header_row)
    if indicator is not None:
        titles = [indicator]
        context_text = indicator
    from_title = False
    width = max(len(names), len(sheet.rows[sub_row]) if has_sub else 0)
    # 单位：以上年为100 above the header: the table's figures without a unit of their own are
    # indexes on the previous year (107.6 is growth 7.6).
    table_base = index_base(title_text(sheet, header_row), _year(period))

    own_rank_col = any(
        sub_kind(normalize_text(names[k])) == "rank" for k in range(min(region_col, len(names)))
    ) or (region_col < len(names) and ranks_in_region_header(names[region_col]))
    # Carry merged indicator names to the right; find each column's role.
    parent_col: int | None = None
    # 2009初 beside 2009末, or over balances (存款余额), is the start of 2009, not its
    # preliminary figure: such a header stays unread.
    balances = "余额" in context_text or any(
        re.search(r"\d{4}年?末", normalize_text(n)) for n in names if n is not None
    )
    columns: list[dict[str, Any]] = []
    target_cols: list[dict[str, Any]] = []  # 全年目标 sub-columns, one per indicator
    increments: dict[int, int] = {}  # an indicator's column → its 增量 column (not read)
    with_increment: list[tuple[RawObs, Any]] = []
    head_periods: dict[int, str] = {}
    current: tuple[str, str | None, int] | None = None
    head_role: str | None = None
    head_text = ""  # a role-only head over sub-headers (当月 over 绝对值 | 增长): its period word
    for c in range(region_col + 1, width):
        head = names[c] if c < len(names) else None
        name_row = name_rows[c] if c < len(name_rows) else header_row
        single_sub, bare_period = "", False
        if c == period_col:
            continue
        if _english_only(head) and current is None and not _figures_below(sheet, name_row, c):
            continue  # the English name column of a bilingual yearbook (地 区 | Region)
        if (
            head is not None
            and not has_sub
            and foreign_column(normalize_text(head))
            and not (current is not None and nominal_growth_head(head))
        ):
            if _PARENT_HEAD.match(normalize_text(head)):
                parent_col = c  # 所属市: not a figure, but whose each row's name is
            if current is not None:
                reading.findings.append(foreign_finding(sheet, name_row, c, head))
                if _INCREMENT.search(normalize_text(head)):
                    increments[current[2]] = c
            continue
        if head is not None:
            name, unit = split_unit(head)
            if (m := _YEAR_FIRST.match(name)) and not is_period_head(name):
                head_periods[c], name = m.group(1), m.group(2)  # 2022年GDP: its own year
            # One-row header: a short 增长%/位次 column belongs to the indicator on its left.
            short_sub = sub_kind(name) in ("growth", "rank") and (
                len(name) <= 6 or is_role_only(name)  # 扣除价格因素实际增长
            )
            if has_sub and (current is None or from_title) and is_role_only(head):
                # 增长速度 over 比上年同月 | 比上年同期: the title's indicator, by period.
                current, from_title = (" ".join(titles), None, c), True
                head_role = sub_kind(normalize_text(head))
                head_text = normalize_text(head)
                single_sub = ""
            elif not has_sub and (_BARE_PERIOD.match(name) or _release_year(name, balances)):
                # 2017年预测 | 增长率 | 2016年 | 2015年 under 中国城市GDP排名: a bare year, even
                # after a column of another name, is the title's indicator in that year.
                # The year without its bracket (2018年(亿), 2018年(万元)): its period; a
                # unit in the bracket is the column's.
                single_sub, bare_period = name, True
                current, from_title = (" ".join(titles), unit, c), True
                if year := _release_year(name, balances):
                    head_periods[c] = f"{year}年"
            elif not has_sub and (current is None or from_title) and is_role_only(head):
                single_sub = normalize_text(head)
                if current is None:
                    current, from_title = (" ".join(titles), None, c), True
            elif current is not None and short_sub and (not has_sub or col_periods):
                single_sub = normalize_text(head)  # 增 长 beside 社会消费品零售总额
            elif not has_sub and (m := _SUFFIX.match(name)):
                # 规模工业增加值增速(%) / 规模工业增加值位次: the indicator with its role.
                single_sub = m.group(2)
                if current is None or current[0] != m.group(1):
                    current, from_title = (m.group(1), None, c), False
            if not single_sub and not (has_sub and from_title and current[2] == c):
                current, from_title = (name, unit, c), False
                head_role, head_text = None, ""
                if has_sub and (m := _SUFFIX.match(name)):
                    # 固定资产投资增速(%) over 1-5月 | 1-6月: growth rates by period.
                    current, head_role = (m.group(1), None, c), sub_kind(m.group(2))
        if current is None:
            continue
        name, head_unit, name_col = current
        sub = normalize_text(sheet.cell(sub_row, c)) if has_sub else single_sub
        foreign = sub if has_sub else normalize_text(head)
        if has_sub and sub and is_target_head(sub):
            # 地区生产总值 over 全年目标 | 1-6月 | 增长%: each region's target for the year.
            target_cols.append(
                {"col": c, "indicator": name, "indicator_col": name_col, "head": sub}
            )
            continue
        nominal = bool(foreign) and nominal_growth_head(foreign)
        if foreign and foreign_column(foreign) and not nominal:
            row = sub_row if has_sub else name_row
            reading.findings.append(foreign_finding(sheet, row, c, sheet.cell(row, c)))
            if _INCREMENT.search(foreign):
                increments[name_col] = c
            continue
        if has_sub and single_sub:
            kind = sub_kind(single_sub)
        elif has_sub:
            kind = sub_kind(sub)
            if kind is None and names_months(sub):
                kind = head_role or "level"  # a sub-header that is itself a period: 1-6月
            if kind is None and not sub and head is not None:
                kind = head_role or "level"  # a name merged down over its blank sub-header
            if kind is None and pure_unit(sub):
                kind = "level"  # a row of units under the names: 亿元 | 万元
            if kind is None and unit_text(sub) == "%" and head is not None:
                # 产销率 over (%): a rate's own figure, not a growth; an unknown rate is
                # named in a warning rather than dropped unsaid. A role written in the
                # names' row (绝对数 | 比上年同期增长 over (亿元) | (%)) is the column's role.
                kind = head_role if head_role in ("growth", "rank") else None
                if kind is None and not sub_kind(normalize_text(head)):
                    kind = "level"
            if kind is None:
                continue
        elif bare_period:
            # The title's kind (各市增速位次 | 1-5月 | 1-6月: ranks), but a title's 排名 over a
            # list with its own 排名 column left of the names orders the list: amounts.
            kind = title_kind(titles) if from_title else "level"
            kind = "level" if kind == "rank" and own_rank_col else kind
        elif single_sub:
            kind = sub_kind(single_sub) or (title_kind(titles) if from_title else None)
        elif head is None:
            continue
        else:
            kind = "level"
        _sub_name, sub_unit = split_unit(sub)
        said = f"{head_text}{sub}" if has_sub and head_text else sub  # the column's period words
        said_period = column_period(said, period, kind)
        unit_at = sub_row
        if pure_unit(sub):
            sub_unit = unit_text(sub)
        if units_at is not None and pure_unit(normalize_text(sheet.cell(units_at, c))):
            sub_unit, unit_at = unit_text(normalize_text(sheet.cell(units_at, c))), units_at
        if kind == "growth":
            unit = None
        else:
            unit = sub_unit or head_unit or (default_unit if kind == "level" else None)
        basis = rank_basis(sub) if kind == "rank" else "default"
        own_base = index_base(f"{name}({head_unit}){sub}", _year(period))
        if own_base is None and not (sub_unit or head_unit):
            own_base = table_base
        if own_base == "fixed" and kind == "level":
            reading.findings.append(fixed_base_finding(sheet, name_row, c, name))
            continue
        index = kind == "level" and "价格" not in name
        index = index and (name.endswith("指数") or own_base == "previous")
        if index:
            # 国内生产总值指数 under 指数 1997=100: the growth, as an index (上年=100).
            name, kind, unit = name.removesuffix("指数"), "growth", None
        columns.append(
            {
                "index": index,
                "indicator": name,
                "indicator_col": name_col,
                "kind": kind,
                "col": c,
                "unit": unit,
                "unit_row": unit_at if sub_unit else name_row,
                "unit_col": c if sub_unit else name_col,
                "unit_default": not (sub_unit or head_unit),
                "basis": basis,
                "period": _own_period(sub, titles if from_title else None) or said_period,
                # 累计 under 2024年10月 is 1-10月 of its own: the growth beside it is of them
                "own_period": _own_period(sub, None) is not None
                or names_months(said)
                or ("累计" in said and said_period != period),
                "sub": sub,
                "monthly": any(w in said for w in ("本月", "当月")) and "累计" not in said,
                "real": kind == "growth" and real_growth_head(foreign or ""),
                # 名义增长: normalize keeps it where the indicator's growth is nominal
                "nominal": kind == "growth" and nominal,
                "titles": titles if from_title else None,
            }
        )
    _growth_takes_left_period(columns)
    for col in columns:
        if col["indicator_col"] in head_periods and not col["own_period"]:
            col["period"], col["own_period"] = head_periods[col["indicator_col"]], True
        if col["col"] in col_periods:
            col["period"], col["own_period"] = col_periods[col["col"]], True
    _years_in_part_of_year(columns, period, sheet, name_rows, reading)
    if period_in_prose:
        columns = _drop_prose_periods(columns, period, sheet, names, name_rows, reading)
    _growth_beside_its_base(columns)
    columns = _drop_unsaid_periods(columns, sheet, names, name_rows, reading)
    unplaced: list[int] = []
    start = (units_at or sub_row) + 1 if has_sub else header_row + 1
    columns += _left_ranks(top, region_col, columns, unplaced, sheet, start)
    for c in unplaced:
        reading.findings.append(
            Finding(
                "header",
                "warning",
                f"“{top[c]}”列不能确定是哪一项、哪一时期的位次，该列未导入",
                sheet.where(header_row, c, top[c]),
                hint="表中有几个时期或几个指标的总量时，位次列请在表头写明对应的指标和时期",
            )
        )
    _ranks_by_neighbour(columns)
    _same_month_beside_same_period(columns, period, "sub")
    unmarked_growth_is_nominal(columns)
    columns = _one_column_per_role(_prefer_cumulative(columns), sheet, sub_row, reading)
    for target in target_cols:
        # 目标 beside growth columns only (目标 | 1-6月增速): the target is a growth.
        target["growth_only"] = not any(
            k["indicator_col"] == target["indicator_col"] and k["kind"] == "level" for k in columns
        )

    # 年 份 down the side: one region (the title's, or --region-scope), a year per row.
    years_down = years_below(sheet, header_row, region_col)
    region_text = " ".join([title_text(sheet, header_row), sheet.name or "", Path(sheet.file).stem])
    first_data = (units_at or sub_row) + 1 if has_sub else header_row + 1
    # 地区 Region in the corner, or English rows under any corner (Gross Domestic Product).
    bilingual = bool(re.search("[A-Za-z]", str(sheet.cell(header_row, region_col) or ""))) or any(
        _english_only(v) for r in range(header_row, first_data) for v in sheet.rows[r]
    )
    last_region: Any = None
    section: str | None = None  # a section row's kind: share (结构) or growth (增长速度)
    sectioned = all(col["kind"] == "level" for col in columns)  # no roles in the header
    group: str | None = None
    last_period: Any = None
    last_data = first_data - 1
    for r in range(first_data, len(sheet.rows)):
        raw_region = _region_cell(sheet, r, region_col)
        if is_footer(raw_region):
            break
        if r > first_data and (is_region_header(raw_region) or _header_of_another(sheet, r)):
            # Another table stacked below (title, 地区 | … header, or 年份 | … of one region's
            # years): hand it back.
            return next(i for i in range(last_data + 1, r + 1) if sheet.rows[i])
        if period_col is not None:
            # Region and period cells merged down over the rows they cover.
            raw_region = raw_region if raw_region is not None else last_region
            last_region = raw_region
            row_period = sheet.cell(r, period_col)
            row_period = row_period if row_period is not None else last_period
            last_period = row_period
        if _english_only(raw_region) and all(
            sheet.cell(r, col["col"]) is None or _english_only(sheet.cell(r, col["col"]))
            for col in columns
        ):
            continue  # a bilingual yearbook's English header row (Region | Gross Domestic …)
        region = normalize_text(raw_region)
        if bilingual and isinstance(raw_region, str):
            # 全市 Ningbo, #鄞州 Yinzhou: the Chinese name; # marks a part (of 市区), not a name
            region = without_english(raw_region).lstrip("#＃").strip()
        # A title inside the table (人均7000-9999美元的地级市) written in the rank column left of
        # the names is the row's name, not a figure of that column.
        from_left = sheet.cell(r, region_col) is None
        values_present = any(
            sheet.cell(r, col["col"]) is not None
            and not (
                from_left and col["col"] < region_col and sheet.cell(r, col["col"]) is raw_region
            )
            for col in columns
        )
        if not region:
            continue
        if sectioned and not values_present and (kind := _section_kind(region)) is not None:
            # 产业结构 over its rows, then 增长速度 over the same regions again.
            section = kind
            if kind == "share":
                reading.findings.append(
                    Finding(
                        "layout",
                        "warning",
                        f"“{raw_region}”一段是构成（比重），不是总量或增速，该段未导入",
                        sheet.where(r, region_col, raw_region),
                        hint="构成、比重可由总量算出；需要时另建长表导入",
                    )
                )
            continue
        if section == "share":
            continue
        indented = isinstance(raw_region, str) and raw_region[:1] in (" ", "\u3000")
        row_year = None
        if years_down:
            if not YEAR_CELL.match(region):
                continue  # “十三五”时期, 平均增长: not a year of the series
            row_year, region = region.rstrip("年") + "年", region_text
        if not values_present:
            # 济南市 over its indented counties (yearbooks): names the city of those below,
            # so that 市中区 under 济南市 and under 枣庄市 are two different districts.
            group = region if not indented and _GROUP.match(region) else None
            continue
        if bilingual and _english_only(raw_region):
            reading.findings.append(english_name_finding(sheet, r, region_col, raw_region))
            continue
        if not indented:
            group = None
        elif group is not None:
            region = group + region
        last_data = r
        if _base_row(sheet, r, columns):
            reading.findings.append(
                Finding(
                    "index_base",
                    "warning",
                    f"“{raw_region}”一行各指数都是 100，是起始的基期行，不是增长 0%，该行未导入",
                    sheet.where(r, region_col, raw_region),
                    hint="上年=100 的指数表中，起始年份各列都写 100 时不表示持平；"
                    "如确是持平，请改填增长率",
                )
            )
            continue
        for target in target_cols if row_year is None and period_col is None else ():
            found = target_of_row(
                sheet,
                r,
                target["col"],
                target["head"],
                name=target["indicator"],
                name_col=target["indicator_col"],
                row_unit=None,
                region=region,
                region_col=region_col,
                year=_year(period),
                findings=reading.findings,
                growth_only=target["growth_only"],
            )
            if found is not None:
                found.parent_alias = is_parent_alias(region)
                reading.targets.append(found)
        by_indicator: dict[tuple[int, str | None], RawObs] = {}
        for col in columns:
            col_period = col["period"]
            if row_year is not None and not col["own_period"]:
                col_period = row_year
            elif period_col is not None and not col["own_period"]:
                col_period = column_period(
                    col["sub"], _period_label(row_period, period), col["kind"]
                )
            key = (col["indicator_col"], col_period)
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
                    period=col_period,
                    parent_alias=is_parent_alias(region),
                    region_from_title=row_year is not None,
                    indicator_texts=col["titles"],
                    # An unknown indicator column is skipped with a warning naming it; the
                    # file still fails when nothing at all can be read.
                    optional_indicator=True,
                    context=context_text,
                    parent_indicator=groups.get(col["indicator_col"]),
                    parent_is_group=True,
                    region_parent=None if parent_col is None else sheet.cell(r, parent_col),
                )
                if period_col is not None and not col["own_period"]:
                    obs.period_col = period_col  # the row's own 时期 cell
                    obs.default_year = _year(period)
                elif row_year is not None and not col["own_period"]:
                    obs.period_col = region_col  # the row's year, under 年 份
                by_indicator[key] = obs
            value = sheet.cell(r, col["col"])
            if col["kind"] == "level" and section == "growth":
                obs.growth, obs.growth_col = value, col["col"]  # under a 增长速度 section row
            elif col["kind"] == "level":
                obs.level, obs.level_col = value, col["col"]
                obs.unit, obs.unit_col, obs.unit_row = col["unit"], col["unit_col"], col["unit_row"]
                obs.unit_is_default = col["unit_default"]
            elif col["kind"] == "growth" and col["nominal"]:
                obs.nominal_growth, obs.nominal_growth_col = value, col["col"]
            elif col["kind"] == "growth":
                obs.growth, obs.growth_col = value, col["col"]
                obs.growth_is_index = col["index"]
                obs.growth_is_real = col["real"]
            elif not (col["col"] < region_col and value is not None and value == raw_region):
                # 全省 merged over the rank and name columns is the name, not a rank cell
                obs.set_rank(value, col["col"], col["basis"])
            if col["kind"] == "growth" and not has_sub:
                obs.growth_head_row = (
                    name_rows[col["col"]] if col["col"] < len(name_rows) else header_row
                )
            elif col["kind"] == "growth":
                obs.growth_head_row = sub_row
        reading.observations.extend(by_indicator.values())
        with_increment.extend(
            (obs, sheet.cell(r, increments[obs.indicator_col]))
            for obs in by_indicator.values()
            if obs.indicator_col in increments
        )
    _growth_of_increment_is_nominal(sheet, with_increment, reading.findings)
    return None
