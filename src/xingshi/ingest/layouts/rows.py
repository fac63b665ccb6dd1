"""The wide layout turned round: one row per indicator (统计月报 and county comparison tables).

    湘西州2021年1-6月主要经济指标                    2021年1-6月各县市区主要指标
    指标       | 单位 | 1-6月 | 同比增长%           指标     | 单位 | 全州  | 吉首市 | …
    地区生产总值 | 亿元 | 455.0 | 12.5               地区生产总值 | 亿元 | 455.0 | 150.2  | …

Columns are either value roles for one region (named in the title, or ``--region-scope``) or
regions (with optional 绝对值/增速/位次 sub-columns). Statistical reports list many sub-items
(其中：轻工业…) that are not catalogue indicators: such rows are skipped with a warning.
"""

from __future__ import annotations

import re
from typing import Any

from xingshi.findings import Finding
from xingshi.ingest.layouts.columns import (
    _prefer_cumulative,
    _same_month_beside_same_period,
    _year,
)
from xingshi.ingest.layouts.headers import (
    _REGION_LIKE,
    _SUFFIX,
    _cumulative,
    column_period,
    dotted_period,
    foreign_column,
    foreign_finding,
    is_period_head,
    is_role_only,
    names_months,
    nominal_growth_head,
    period_key,
    pure_unit,
    real_growth_head,
    sub_kind,
    unit_text,
    units_row,
    unmarked_growth_is_nominal,
)
from xingshi.ingest.layouts.index import fixed_base_finding, index_base
from xingshi.ingest.layouts.long import is_footer, is_parent_alias, rank_basis
from xingshi.ingest.layouts.targets import is_target_head, target_of_row
from xingshi.ingest.records import RawObs, Reading
from xingshi.ingest.sources import Sheet
from xingshi.ingest.values import normalize_text, parse_number, split_unit

INDICATOR_HEADERS = ("指标", "指标名称", "主要指标", "项目", "指标名", "项目名称", "二级指标")
UNIT_HEADERS = ("单位", "计量单位", "计算单位")
# 其中：增速, #增长: the marks of an item row, before its role word.
_ROLE_ROW = re.compile(r"^(其中[:：]?|#|＃|[(（]?\d+[)）、.．])")
# A numbered row (七、, 1., （三）) that is no item starts a section of its own.
_NUMBERED = re.compile(
    r"^([一二三四五六七八九十]+|\d+)[、.．]|^[(（][一二三四五六七八九十\d]+[)）]"
)
# Rows that are items of the row above rather than indicators of their own: indented, marked
# with #, 其中, or numbered 1、 under a 一、 heading.
_SUB_MARK = re.compile(r"^(\s|#|＃|其中|\d+[、.．](?!\d))")
# 七、实际使用外资(1-5月) in a 1-6月 table: the row's figures are of the period its name says.
_PERIOD_IN_NAME = re.compile(
    r"[(（]\s*((?:\d{1,2}\s*[-—–~至]\s*)?\d{1,2}月份?|上半年|下半年|前三季度|[一二三四]季度"
    r"|1\s*[-—–~至]\s*[1-4]季度)\s*[)）]"
)
# Headers damaged in copying: 11 and 1-11 (months without 月), 20221-8 (2022年1-8月).
_BARE_MONTHS = re.compile(r"^(1\s*[-－—–~～]\s*)?(\d{1,2})$")
_YEAR_MONTHS = re.compile(r"^(\d{4})年?(1[-－—–~～]\d{1,2})$")
_CUMULATIVE_TO_NOW = re.compile(r"1\s*[-－—–~～至到]\s*(本月|当月)|累计")


def repair_head(text: str) -> str:
    """A period header as the bureau meant it: ``11`` → 11月, ``20221-8`` → 2022年1-8月,
    ``2023.1-6`` → 2023年1-6月."""
    text = dotted_period(text)
    m = _YEAR_MONTHS.match(text)
    if m:
        return f"{m.group(1)}年{m.group(2)}月"
    m = _BARE_MONTHS.match(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{text}月"
    return text


def _header_like(sheet: Sheet, r: int, first: int, width: int) -> bool:
    """A row that starts another table: texts (6月 | 1-6月累计 | 累计) where figures belong."""
    texts = [sheet.cell(r, c) for c in range(first, width)]
    texts = [normalize_text(v) for v in texts if v is not None]
    if len(texts) < 2:
        return False
    return all(
        isinstance(t, str) and not re.fullmatch(r"[+-]?[\d.,%]+|[-—–…/]+", t) for t in texts
    ) and any(_role(repair_head(t)) or is_period_head(t) for t in texts)


def is_indicator_header(value: Any) -> bool:
    return normalize_text(value) in INDICATOR_HEADERS


def has_period_columns(sheet: Sheet, header_row: int) -> bool:
    return any(
        is_period_head(v)
        or is_period_head(split_unit(v)[0])  # 2024年1-9月(亿元)
        or re.match(r"\d{4}年\D", normalize_text(v))
        for v in sheet.rows[header_row]
        if v is not None
    )


_MARKED = re.compile(r"^(#|＃|其中|\d+[、.．](?!\d))")


def _indent(text: str) -> int:
    text = text.replace("\u3000", " ")
    return len(text) - len(text.lstrip(" "))


def _mark_indents(sheet: Sheet, first: int, indicator_col: int) -> set[int]:
    """How far the # of a table's marked items is indented (none when items are unmarked)."""
    out = set()
    for r in range(first, len(sheet.rows)):
        name = sheet.cell(r, indicator_col)
        if isinstance(name, str) and re.match(r"^[ \u3000]+[#＃]\S", name):
            out.add(_indent(name))
    return out


_WHOLE_AREA = re.compile(r"^全[区市县州省]")
# A heading without figures naming a zone inside the area: 其中:开发区, 其中：经开区, 工业园区.
_ZONE_HEADING = re.compile(
    r"^(其中[:：]?|[#＃])?(?=\S*(开发区|经开区|高新区|园区|集中区|示范区|保税区)$)"
)
_TOTAL_ROW = re.compile(r"^(合计|总计|全部|总体)$")
_ROW_PERIOD = re.compile(r"^(.*?)(累计|当月|本月)$")


def _repeated_breakdowns(
    sheet: Sheet, first: int, indicator_col: int, columns: list[dict[str, Any]]
) -> dict[int, str]:
    """劳动者报酬 | 第一产业 | 第二产业 …, then 生产税净额 | 第一产业 | 第二产业 …: catalogue names
    repeated under rows no catalogue names (劳动者报酬, 生产税净额, each with its figures) are
    those rows' parts, not the indicators. Returns such rows with the row they are under."""
    from xingshi.ingest.checks.indicator import _cleaned
    from xingshi.ingest.layouts.wide import _catalogue_name

    rows: list[tuple[int, str, bool]] = []
    for r in range(first, len(sheet.rows)):
        raw = sheet.cell(r, indicator_col)
        if not normalize_text(raw) or not any(sheet.cell(r, k["col"]) is not None for k in columns):
            continue
        name = _cleaned(split_unit(normalize_text(raw))[0])
        known = _catalogue_name(name) or _catalogue_name(name + "增加值")  # 工业, 建筑业
        rows.append((r, name, known))
    counts: dict[str, int] = {}
    for _r, name, known in rows:
        if known:
            counts[name] = counts.get(name, 0) + 1
    out: dict[int, str] = {}
    head: str | None = None
    for r, name, known in rows:
        if not known:
            head = name
        elif head is not None and counts[name] > 1:
            out[r] = head
    return out


_SCOPE = re.compile(r"^(规模以上|限额以上)")


def _scope_note(sheet: Sheet, header_row: int) -> str | None:
    """一、统计范围 over 规模以上工业企业：年主营业务收入2000万元及以上… below a table: the
    scope its unqualified rows (工业总产值) are of."""
    lines = [
        normalize_text(next((v for v in row if isinstance(v, str) and v.strip()), ""))
        for row in sheet.rows[header_row + 1 :]
    ]
    lines = [t for t in lines if t]
    for i, text in enumerate(lines):
        at = text.find("统计范围")
        if at < 0 or text[at + 4 : at + 5] == "、":
            continue  # 统计范围、采集渠道及指标解释: the heading of all the notes
        rest = text[at + 4 :].lstrip(":： ")
        for candidate in (rest, lines[i + 1] if i + 1 < len(lines) else ""):
            if m := _SCOPE.match(candidate):
                return m.group(1)
    return None


def _single_month(period: str | None) -> bool:
    from xingshi.ingest.checks.period import parse_period_text

    try:
        p = parse_period_text(period)
    except Exception:  # no period: not a month column
        return False
    return p.first_month == p.last_month


def _title_indicator(title: str) -> tuple[str | None, str | None]:
    """The indicator and role a one-indicator title names: 表1上半年,全区规上工业产值增速 →
    (规上工业产值, growth)."""
    # The line nearest the header first: cover lines (the bureau, 目录) may stand above it.
    for word in reversed(title.split()):
        found = _one_indicator_title(word)
        if found[0] is not None:
            return found
    return None, None


def _one_indicator_title(word: str) -> tuple[str | None, str | None]:
    from xingshi.ingest.layouts import find_period_text

    text = re.sub(r"^表\s*\d+[-.、:：]?\s*", "", normalize_text(word))
    found = find_period_text(text)
    if found:
        text = text.replace(found, "")
    text = re.sub(r"上半年|下半年|前三季度|[一二三四]季度|\d{1,2}\s*[-－—–]?\s*\d{0,2}月", "", text)
    text = _WHOLE_AREA.sub("", text.strip(",，:： "))
    m = _SUFFIX.match(text)
    if not m:
        return None, None
    return (m.group(1) or None), sub_kind(m.group(2))


def _area_and_period_row(name: str, title_indicator: str | None) -> Any:
    """A row under month columns named by area, indicator and 累计/当月 (全区规上累计):
    (indicator, 累计 or 当月); "other area" for a part of the region (区内累计); None when
    the row is an indicator of its own."""
    m = _ROW_PERIOD.match(normalize_text(name))
    if m is None or title_indicator is None:
        return None
    head, which = m.groups()
    whole = _WHOLE_AREA.match(head)
    rest = head[whole.end() :] if whole else head
    if title_indicator.startswith(rest):
        return title_indicator, "累计" if which == "累计" else "当月"
    return "other area" if not whole else None


_PRIOR = re.compile("上年同期|去年同期|上年|去年")


def _year_earlier(period: str | None) -> str | None:
    from xingshi.ingest.checks.period import parse_period_text

    if period is None:
        return None
    try:
        return parse_period_text(period).same_period_last_year().label
    except Exception:  # reported by the period check
        return period


def _drop_english_names(sheet: Sheet, header_row: int, indicator_col: int) -> None:
    """指 标 | Item | 2005 | 2006 in a bilingual yearbook: the column of English names beside the
    Chinese ones (Gross Domestic Product, # Added Value of Industry) is a translation, neither a
    region nor figures; it is blanked."""
    from xingshi.ingest.layouts.wide import _english_only

    col = indicator_col + 1
    while col < len(sheet.rows[header_row]) and all(
        sheet.cell(r, col) is None for r in range(header_row, len(sheet.rows))
    ):
        col += 1  # a spacer column beside the names
    if not _english_only(sheet.cell(header_row, col)):
        return
    below = [sheet.cell(r, col) for r in range(header_row + 1, len(sheet.rows))]
    filled = [v for v in below if v is not None and str(v).strip()]
    if not filled or not all(_english_only(str(v).lstrip("#＃ ")) for v in filled):
        return
    for r in range(header_row, len(sheet.rows)):
        if col < len(sheet.rows[r]):
            sheet.rows[r] = [*sheet.rows[r][:col], None, *sheet.rows[r][col + 1 :]]


def _base_of_another(col: dict[str, Any], columns: list[dict[str, Any]]) -> bool:
    """2017年1-8 | 2016年1-8 | 同比增长: the earlier year's level is the base of the later
    one's, the growth right of it is the later year's (as under 本期 | 上年同期 | 增长)."""
    mine = period_key(col["period"])
    if mine is None:
        return False
    for k in columns:
        if k is col or k["kind"] != "level" or k["region_col"] != col["region_col"]:
            continue
        other = period_key(k["period"])
        if other is not None and other.same_period_last_year() == mine:
            return True
    return False


def _column_numbers(sheet: Sheet, r: int, indicator_col: int, columns: list) -> bool:
    """A row numbering the columns under the header (甲 | 1 | 2 | 3, or 栏次 | 1 | 2)."""
    name = normalize_text(sheet.cell(r, indicator_col))
    if name not in ("甲", "乙", "栏次", "序号", "A"):
        return False
    values = [sheet.cell(r, k["col"]) for k in columns]
    values = [v for v in values if v is not None]
    return bool(values) and all(
        isinstance(v, int) or (isinstance(v, str) and v.strip().isdigit()) for v in values
    )


def _rate_column(text: str) -> bool:
    """A column of a rate beside the roles (产销率(%) right of 增长(%)): a percentage of its
    own for each row, not a region's figures, a growth or a level of the row's indicator."""
    name, unit = split_unit(text)
    if _REGION_LIKE.match(name) or _WHOLE_AREA.match(name):
        return False  # 吉首市(%), 全州(%): a region's column of rates
    return bool(name) and unit in ("%", "％") and _role(name) is None


def _rate_finding(sheet: Sheet, row: int, col: int) -> Finding:
    text = sheet.cell(row, col)
    return Finding(
        "header",
        "warning",
        f"“{text}”列是各行自己的比率，不是该行指标的总量、增速或位次，也不是地区，该列未导入",
        sheet.where(row, col, text),
        hint="产销率、比重等比率列不导入；需要时另建长表，以比率为指标导入",
    )


def _role(text: str) -> str | None:
    if index_base(text, None) == "previous" and not sub_kind(text):
        return "growth"  # 2011年为上年%: an index on the previous year, read as its growth
    return sub_kind(text) or ("level" if names_months(text) else None)


def _mergeable_top(t: str, head: list[Any], subs: list[str], indicator_col: int) -> bool:
    """An upper header cell the roles-over-roles merge can carry: a role, a unit, or a year
    over roles below it (2016年 over 计划目标值 | 比上年增长(%)); no region, no indicator."""
    if _role(t) or t in UNIT_HEADERS or foreign_column(t):
        return True
    if not is_period_head(t):
        return False
    c = next(i for i, v in enumerate(head) if i > indicator_col and normalize_text(v) == t)
    below = subs[c] if c < len(subs) else ""
    return bool(below) and (bool(_role(below)) or is_target_head(below))


def _plan_finding(sheet: Sheet, row: int, col: int, text: str) -> Finding:
    return Finding(
        "header",
        "warning",
        f"“{text}”列是年度计划（目标），不是本期的数，该列未导入",
        sheet.where(row, col, sheet.cell(row, col)),
        hint="计划、目标请在写明地区的表中按“全年目标”列导入",
    )


def _continued_header(sheet: Sheet, header_row: int, indicator_col: int) -> list[str] | None:
    """The header's second line where its cells wrap (占地区生产总值 over 比重%, 2011年为上年%
    over (按可比价计算)): texts only, no role, no unit row, no name in the indicator column."""
    if header_row + 1 >= len(sheet.rows):
        return None
    row = sheet.rows[header_row + 1]
    if normalize_text(sheet.cell(header_row + 1, indicator_col)):
        return None
    texts = [normalize_text(v) for v in row[indicator_col + 1 :]]
    if not any(texts) or any(
        not isinstance(v, str) for v in row[indicator_col + 1 :] if v is not None
    ):
        return None
    if any(_role(t) or pure_unit(t) or t in UNIT_HEADERS for t in texts if t):
        return None
    return [""] * (indicator_col + 1) + texts


def _empty_column(sheet: Sheet, start: int, col: int) -> bool:
    return all(normalize_text(sheet.cell(r, col)) == "" for r in range(start, len(sheet.rows)))


def _role_unit(text: str) -> str | None:
    """The money or count unit a role header names (总量(亿元) → 亿元); None for rates."""
    _bare, unit = split_unit(text or "")
    return unit if unit and pure_unit(unit) else None


def read_rows(
    sheet: Sheet,
    header_row: int,
    indicator_col: int,
    reading: Reading,
    *,
    period: str | None,
    region_text: str | None,
    title: str | None = None,
) -> int | None:
    """Read an indicators-down sheet; ``region_text`` names the region of a one-region report.

    Returns the row where another table starts below this one (a new header, or its title
    line), for the caller to read as a table of its own; None when the sheet ends.
    """
    _drop_english_names(sheet, header_row, indicator_col)
    head = [
        repair_head(normalize_text(v)) if isinstance(v, (str, int)) and c > indicator_col else v
        for c, v in enumerate(sheet.rows[header_row])
    ]
    sub_row = header_row + 1
    subs = [normalize_text(v) for v in sheet.rows[sub_row]] if sub_row < len(sheet.rows) else []
    has_sub = any(_role(v) for v in subs[indicator_col + 1 :]) and not any(
        isinstance(v, (int, float)) for v in sheet.cell_row(sub_row)[indicator_col + 1 :]
    )
    tops = [normalize_text(v) for v in head[indicator_col + 1 :] if normalize_text(v)]
    plan_cols: set[int] = set()  # columns under a plan group (2016年 over 计划目标值 | 比上年增长)
    if has_sub and tops and all(_mergeable_top(t, head, subs, indicator_col) for t in tops):
        # Roles over roles (6月 | 1-6月累计 | 累计 over 增长%, or 10 merged over 绝对量 |
        # 同比增长), a year over its roles beside roles merged down (1季度累计 | 2016年 over
        # 计划目标值 | 比上年增长(%)): one header per column, a merged upper cell carried right.
        merged, carried, group = [], "", []
        width = max(len(head), len(subs))
        for c in range(width):
            h = head[c] if c < len(head) else None
            if c <= indicator_col:
                merged.append(h)
                continue
            below = subs[c] if c < len(subs) else ""
            if normalize_text(h) or not below:
                group = []  # a new upper cell (or none): a new group
            carried = normalize_text(h) if normalize_text(h) else (carried if below else "")
            merged.append(carried + below)
            if below:
                group.append(c)
                if is_target_head(carried + below) or is_target_head(below):
                    # a target beside growths under one group: the group is the year's plan
                    plan_cols.update(group)
            if plan_cols & set(group):
                plan_cols.update(group)
        head = merged
        header_row, has_sub = sub_row, False
        sub_row = header_row + 1
    continued = None if has_sub else _continued_header(sheet, header_row, indicator_col)
    if continued is not None:
        head = [
            (normalize_text(h) + continued[c]) if c < len(continued) and continued[c] else h
            for c, h in enumerate(head)
        ]
        header_row += 1  # figures start below the second line
        sub_row = header_row + 1
        subs = [normalize_text(v) for v in sheet.rows[sub_row]] if sub_row < len(sheet.rows) else []
    title_period = period
    if any("累计" in normalize_text(v) for v in [*head, *subs]):
        period = _cumulative(period)
    unit_col = next((c for c, v in enumerate(head) if normalize_text(v) in UNIT_HEADERS), None)
    from xingshi.ingest.layouts.wide import _note_unit

    note_unit = _note_unit(sheet, header_row)
    columns: list[dict[str, Any]] = []
    current: tuple[str | None, int | None] = (None, None)  # region text, its header column
    current_unit: str | None = None  # the unit a region's header names, 全州(%)
    target_cols: list[tuple[int, str]] = []
    for c in range(indicator_col + 1, max(len(head), len(subs))):
        if c == unit_col:
            continue
        top = normalize_text(head[c]) if c < len(head) else ""
        sub = subs[c] if has_sub and c < len(subs) else ""
        column_of_period = None
        if top and not has_sub and (is_target_head(top) or c in plan_cols):
            if region_text is not None:
                target_cols.append((c, top))  # 全年目标: each row's target for the year
            else:
                reading.findings.append(_plan_finding(sheet, header_row, c, top))
            continue
        if top and not has_sub and foreign_column(top) and not nominal_growth_head(top):
            reading.findings.append(
                foreign_finding(sheet, header_row, c, sheet.cell(header_row, c))
            )
            continue
        if top and is_period_head(top) and not has_sub:
            # 国家数据 with the region fixed: indicators down, years (or quarters) across.
            region, region_col, text, column_of_period = region_text, None, "", top
        elif top and _role(top) and not has_sub:
            region, region_col, text = region_text, None, top  # one region, roles across
        elif top and _role(top) and has_sub:
            continue  # a role over roles: not a shape we read
        elif top and not has_sub and _rate_column(top):
            reading.findings.append(_rate_finding(sheet, header_row, c))
            continue
        else:
            if top:
                # 全州(%): the region 全州, its figures in %; the unit is the column's, not a
                # part of the name (全州(%) is no 全州县).
                bare, head_unit = split_unit(top)
                current, current_unit = (bare or top, c), (head_unit if bare else None)
            region, region_col = current
            text = sub
        if region is None and region_col is None and region_text is None:
            continue
        if text and foreign_column(text) and not nominal_growth_head(text):
            row = sub_row if has_sub else header_row
            reading.findings.append(foreign_finding(sheet, row, c, sheet.cell(row, c)))
            continue
        if not text and not top and _empty_column(sheet, header_row + 1, c):
            continue  # a spacer column of a copied page: no header, no figures
        kind = _role(text) if text else "level"
        if kind is None:
            continue
        basis = rank_basis(text) if kind == "rank" else "default"
        col_period = column_of_period or column_period(text, period, kind)
        cumulative = bool(_CUMULATIVE_TO_NOW.search(text))
        if cumulative and not names_months(text):
            col_period = _cumulative(period)  # 1-本月, 1-本月累计: January to the month
        left = next(
            (
                k
                for k in reversed(columns)
                if k["kind"] == "level"
                and not re.search("上年|去年", k["text"])
                and not _base_of_another(k, columns)
            ),
            None,
        )
        if (
            kind == "growth"
            and target_cols
            and (left is None or target_cols[-1][0] > left["col"])
            and not names_months(text)
        ):
            # 全年目标 | 比上年增长: right of the target, not of a figure, it is the target's.
            target_cols.append((c, top or text))
            continue
        # 增长 over 本月 | 累计: each growth says its own period, none is inherited.
        own_month = any(w in text for w in ("本月", "当月")) and not cumulative
        inherits = (
            kind != "level"
            and not names_months(text)
            and "上年" not in text.replace("为上年", "")  # 2011年为上年%: that year's index
            and not own_month
        )
        if kind != "level" and "累计" in text and not names_months(text):
            col_period = _cumulative(period)
        if inherits and left is not None and left["region_col"] == region_col:
            col_period = left["period"]  # 比去年同期增长 right of 1-本月: that column's growth
        elif (
            inherits
            and left is None
            and title_period != period
            and "累计" not in text
            and any("累计" in normalize_text(v) for v in [*head[c + 1 :], *subs[c + 1 :]])
        ):
            # 环比 | 同比 | 1-5月累计 under 2011年5月: a growth left of every amount and of the
            # 累计 column is the title's month, not January to it (106.4 was stored as 1-5月's).
            col_period = title_period
        if _PRIOR.search(re.sub("[比较为](上年|去年)", "", text)):
            # 上年本月 | 上年1-本月: last year's month and last year's January-to-month.
            bare = _PRIOR.sub("", text)
            this = column_period(bare, period, kind)
            if _CUMULATIVE_TO_NOW.search(bare) and not names_months(bare):
                this = _cumulative(period)
            col_period = _year_earlier(this)
        columns.append(
            {
                "region": region,
                "region_col": region_col,
                "kind": kind,
                "col": c,
                "basis": basis,
                "period": col_period,
                "monthly": any(w in text for w in ("本月", "当月")) and not cumulative,
                "indicator_col": (region, region_col),
                "text": text,
                "unit": current_unit if region_col is not None else None,
                "role_unit": _role_unit(text),
                "index": kind == "growth" and index_base(text, None) == "previous",
                "real": kind == "growth" and real_growth_head(text),
                # 名义增长: normalize keeps it where the indicator's growth is nominal
                "nominal": kind == "growth" and nominal_growth_head(text),
            }
        )
    _same_month_beside_same_period(columns, period, "text")
    unmarked_growth_is_nominal(columns)
    # 本月 beside 1-本月累计: each column has its own period, both are kept.
    columns = _prefer_cumulative(
        [c for c in columns if not c["monthly"] or c["period"] == _cumulative(period)]
    ) + [c for c in columns if c["monthly"] and c["period"] != _cumulative(period)]
    columns.sort(key=lambda k: k["col"])
    if any(k["region_col"] is not None for k in columns):
        target_cols = []  # regions across: whose target a 全年目标 column holds is not said
    first = sub_row + 1 if has_sub else header_row + 1
    if not normalize_text(sheet.cell(first, indicator_col)) and units_row(
        sheet, first, indicator_col
    ):
        # 8月 | 1-8月 over 万元 | 万元: each column's unit, in a row of its own.
        for col in columns:
            unit = normalize_text(sheet.cell(first, col["col"]))
            if col["kind"] == "level" and unit and pure_unit(unit):
                col["unit"] = unit_text(unit)
        first += 1
    width = max([len(head), len(subs), *(k["col"] + 1 for k in columns)])
    parent: str | None = None
    items: list[tuple[int, str]] = []  # the item rows under ``parent``, with their indents
    outer: list[str] = []  # the unmarked rows so far, for an item whose parent is unknown
    mark_indents = _mark_indents(sheet, first, indicator_col)
    months_across = bool(columns) and all(
        k["kind"] == "level" and _single_month(k["period"]) and not k["monthly"] for k in columns
    )
    title_indicator, title_role = _title_indicator(title or "")
    heading: str | None = None
    zone: str | None = None  # a heading naming a part of the area (其中:开发区): rows skipped
    named_above: str | None = None  # the last row naming an indicator, for 增速 | 位次 rows
    # 统计范围 under the table (规模以上工业企业：…) qualifies its rows as a title would.
    context = " ".join(t for t in (title, _scope_note(sheet, header_row)) if t) or None
    breakdowns = _repeated_breakdowns(sheet, first, indicator_col, columns)
    for r in range(first, len(sheet.rows)):
        name = sheet.cell(r, indicator_col)
        if r in breakdowns:
            reading.findings.append(
                Finding(
                    "sub_item",
                    "warning",
                    f"“{normalize_text(name)}”在表中出现多次，此处列在“{breakdowns[r]}”之下，"
                    f"是“{breakdowns[r]}”的分项，不是目录中的同名指标，该行未导入",
                    sheet.where(r, indicator_col, name),
                    hint="收入法构成项目（劳动者报酬等）按产业分的数不是增加值；需要时另建指标导入",
                )
            )
            continue
        if is_footer(name):
            # A table may follow its 注 line: the caller reads on from the next non-blank row.
            nxt = next((i for i in range(r + 1, len(sheet.rows)) if sheet.rows[i]), None)
            return nxt
        if r > first and _header_like(sheet, r, indicator_col + 1, width):
            above = r - 1
            titled = above >= first and normalize_text(sheet.cell(above, indicator_col))
            if titled and not any(sheet.cell(above, k["col"]) is not None for k in columns):
                return above  # the next table's title line (2、本地生产总值构成)
            return r
        if normalize_text(name) == "" or not any(
            sheet.cell(r, k["col"]) is not None for k in columns
        ):
            if normalize_text(name):
                heading = normalize_text(name)
                zone = heading if _ZONE_HEADING.match(heading) else None
            continue  # blank rows and section headings (一、工业) carry no figures
        if zone is not None:
            # 其中:开发区 over 工业总产值 | 其中:规模以上 …: the zone's figures, not the county's.
            reading.findings.append(
                Finding(
                    "unknown_region",
                    "warning",
                    f"“{normalize_text(name)}”列在“{zone}”之下，是{_ZONE_HEADING.sub('', zone)}"
                    "的数，不是本表所指地区的数，该行未导入",
                    sheet.where(r, indicator_col, name),
                    hint="开发区、园区是地区的一部分；需要时在工作区目录中定义该区域后单独导入",
                )
            )
            continue
        if _column_numbers(sheet, r, indicator_col, columns):
            continue  # 甲 | 1 | 2 | 3 …: the columns' numbers, not figures
        is_sub = isinstance(name, str) and bool(_SUB_MARK.match(name.replace("\u3000", " ")))
        if is_sub and _indent(name) in mark_indents and not _MARKED.match(name.strip()):
            # Items marked with # (    #地方一般公共预算收入): a row indented only as far as the
            # # itself (    一般公共预算支出) is the next indicator, not one more item.
            is_sub = False
        if not is_sub and _NUMBERED.match(normalize_text(name)):
            heading = None  # 七、… starts a section of its own
        previous = parent
        depth = _indent(name) if isinstance(name, str) else 0
        if not is_sub:
            parent, items = normalize_text(name), []
            outer.append(parent)
        # An item indented under an item (      工业 under     第二产业): the nearer one is its
        # own parent, tried when the row is no component of the unindented one.
        nearer = next((n for d, n in reversed(items) if d < depth), None) if is_sub else None
        if is_sub:
            items.append((depth, normalize_text(name)))
        named_period = (
            m.group(1)
            if isinstance(name, str) and (m := _PERIOD_IN_NAME.search(normalize_text(name)))
            else None
        )
        name, name_unit = split_unit(name)  # 地区生产总值(亿元), 地区生产总值指数(上年=100)
        row_period = None
        own = _own_period(named_period, {k["period"] for k in columns})
        if own is False:
            reading.findings.append(
                Finding(
                    "header",
                    "warning",
                    f"“{normalize_text(sheet.cell(r, indicator_col))}”注明了自己的时期"
                    f"（{named_period}），与各列的时期不同，不能确定各列是哪一时期的数，该行未导入",
                    sheet.where(r, indicator_col, sheet.cell(r, indicator_col)),
                    hint="该行的数单独成表、写明时期后再导入",
                )
            )
            continue
        if months_across and isinstance(name, str):
            named = _area_and_period_row(name, title_indicator)
            if named == "other area":
                reading.findings.append(
                    Finding(
                        "unknown_region",
                        "warning",
                        f"“{normalize_text(name)}”不是本表所指的地区（全区/全市）的数据，该行未导入",
                        sheet.where(r, indicator_col, name),
                        hint="“区内”“园区”等是地区的一部分；需要时在工作区目录中定义该区域后单独导入",
                    )
                )
                continue
            if named is not None:
                name, row_period = named
        if title_indicator is not None and not is_sub and _TOTAL_ROW.match(normalize_text(name)):
            # 规模以上工业增加值增速 over 合 计 | 其中:国有企业 …: the total is the title's.
            name = title_indicator
        unit = sheet.cell(r, unit_col) if unit_col is not None else name_unit
        unit_is_default = False
        if unit is None and note_unit is not None:
            unit, unit_is_default = note_unit, True  # 单位：万元 above the table
        base = index_base(
            f"{name}({name_unit}){unit if isinstance(unit, str) else ''}", _year(period)
        )
        if base == "fixed":
            reading.findings.append(
                fixed_base_finding(sheet, r, indicator_col, normalize_text(name))
            )
            continue
        # 地区生产总值指数 is a growth; a price index (居民消费价格总指数) is an indicator's name.
        is_index = "价格" not in name and ("指数" in name or base == "previous")
        if is_index:
            name, unit = name.replace("指数", ""), None
        row_role = None
        bare = _ROLE_ROW.sub("", normalize_text(name))
        if named_above is not None and bare and is_role_only(bare) and sub_kind(bare):
            # 地区生产总值 | 亿元 | …, then   增速 | % | …,   位次 | | …: the row above's
            # growth and rank, not indicators named 增速 and 位次.
            name, row_role = named_above, sub_kind(bare)
            unit = None if row_role != "level" else unit
            is_sub = False  # the indicator itself, not an item of it
        elif (m := _SUFFIX.match(name)) and not is_index:
            # 地区生产总值增速(%) / 地区生产总值位次 rows: that indicator's growth or rank.
            name, row_role = split_unit(m.group(1))[0], sub_kind(m.group(2))
            named_above = name
        else:
            named_above = name
        if row_period is not None:
            row_role = title_role  # 表1 全区规上工业产值增速: every figure is a growth
        for c, head_text in target_cols:
            target = target_of_row(
                sheet,
                r,
                c,
                head_text,
                name=name,
                name_col=indicator_col,
                row_unit=unit if not unit_is_default else None,
                region=region_text,
                region_col=None,
                year=_year(period),
                findings=reading.findings,
            )
            if target is not None:
                reading.targets.append(target)
        by_key: dict[tuple[Any, Any], RawObs] = {}
        for col in columns:
            col_period = own or col["period"]
            if row_period == "累计":
                col_period = _cumulative(col_period)  # 3月 | 全区规上累计: January to March
            key = (col["indicator_col"], col_period)
            obs = by_key.get(key)
            if obs is None:
                region = col["region"]
                obs = RawObs(
                    sheet=sheet,
                    row=r,
                    region=region,
                    region_col=col["region_col"]
                    if col["region_col"] is not None
                    else indicator_col,
                    region_row=header_row if col["region_col"] is not None else None,
                    indicator=name,
                    indicator_col=indicator_col,
                    period=col_period,
                    unit=unit,
                    unit_is_default=unit_is_default,
                    unit_col=unit_col if unit_col is not None else indicator_col,
                    growth_is_index=is_index,
                    parent_alias=is_parent_alias(region),
                    optional_indicator=True,
                    region_from_title=col["region_col"] is None,
                    context=context,
                    parent_indicator=parent if is_sub else None,
                    previous_indicator=nearer if is_sub else previous,
                    heading=heading,
                    outer_indicators=tuple(outer[-40:-1]) if is_sub else (),
                )
                by_key[key] = obs
            value = sheet.cell(r, col["col"])
            kind = col["kind"]
            if row_role is not None:
                if kind != "level":
                    continue  # a 增速 row under 增速 sub-columns: nothing new
                kind = row_role
                obs.unit = None  # the row's (%) is the growth's, not a level's unit
            if kind == "level" and is_index:
                obs.growth, obs.growth_col = value, col["col"]  # growth = index − 100
            elif kind == "level":
                obs.level, obs.level_col = value, col["col"]
                if col["unit"]:
                    # the header's unit wins: a (%) over an 亿元 row is refused as a clash
                    obs.unit, obs.unit_is_default = col["unit"], False
                elif col["role_unit"] and (unit is None or unit_is_default):
                    # 总量(万元), 绝对数(亿元): the column's unit, where the row names none
                    obs.unit, obs.unit_is_default = col["role_unit"], False
            elif kind == "growth" and col["nominal"]:
                obs.nominal_growth, obs.nominal_growth_col = value, col["col"]
            elif kind == "growth":
                obs.growth, obs.growth_col = value, col["col"]
                obs.growth_is_index = obs.growth_is_index or col["index"]
                obs.growth_is_real = col["real"]
            else:
                obs.set_rank(value, col["col"], col["basis"])
            if kind == "growth":
                obs.growth_head_row = sub_row if has_sub else header_row
        if "价格" in name and "指数" in name:
            for obs in by_key.values():
                _index_beside_its_rise(obs, on_previous=base == "previous")
        reading.observations.extend(by_key.values())
    return None


def _own_period(named: str | None, periods: set[Any]) -> str | bool | None:
    """The period a row's name gives (实际使用外资(1-5月)) in the year of the table's one column
    period: None where it names none or that same period; False where it cannot be placed
    (本月 | 累计 columns: which of them would be its period is not said)."""
    from xingshi.ingest.checks.period import parse_period_text

    if named is None:
        return None
    period = next(iter(periods)) if len(periods) == 1 else None
    year = re.search(r"((?:19|20)\d\d)年", str(period or ""))
    if year is None:
        return False
    try:
        mine = parse_period_text(f"{year.group(1)}年{named.replace(' ', '')}")
        theirs = parse_period_text(period)
    except Exception:  # an unreadable period: nothing is guessed
        return False
    return None if mine.key == theirs.key else mine.label


def _index_beside_its_rise(obs: RawObs, *, on_previous: bool = False) -> None:
    """居民消费价格总指数 | % | 104.80 | 4.8: the figure under 累计 is the index on the same
    period last year, the rise 4.8 written again, not a rate of 104.8%. Only the rise is kept,
    and only where the two agree; otherwise both stay for the checks to report.

    ``on_previous``: the row's unit says so (居民消费价格指数 | 上年同期=100 | 101.1 |): with no
    rise beside it, the index gives the rise (1.1); the unit was the index's, not a level's.
    With no base said at all, normalising reads an index-like figure (101.2) the same way."""
    try:
        level, growth = parse_number(obs.level), parse_number(obs.growth, percent_ok=True)
    except ValueError:
        return
    if level is not None and growth is not None and abs(level - 100 - growth) <= 0.15:
        obs.level, obs.level_col = None, None
        if on_previous:
            obs.unit = None
    elif on_previous and level is not None and growth is None:
        obs.growth, obs.growth_col, obs.growth_is_index = obs.level, obs.level_col, True
        obs.level, obs.level_col, obs.unit = None, None, None
