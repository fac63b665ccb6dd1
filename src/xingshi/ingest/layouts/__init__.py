"""Layout detection: which of the three layouts a sheet is, decided by its headers."""

from __future__ import annotations

import re
from pathlib import Path

from xingshi.errors import LayoutError, Location
from xingshi.findings import Finding
from xingshi.ingest.layouts.content import (
    header_by_content,
    header_top,
    names_below,
    names_region,
    unfill_merges,
    years_down,
)
from xingshi.ingest.layouts.headers import (
    _UNIT_NOTE,
    SUBHEADER_WORDS,
    YEAR_CELL,
    indicators_down,
    is_period_head,
    is_region_header,
    is_role_only,
    is_year_header,
    pure_unit,
)
from xingshi.ingest.layouts.lists import headerless_list, read_list
from xingshi.ingest.layouts.long import header_key, read_long, read_targets
from xingshi.ingest.layouts.nbs import header_row as nbs_header_row
from xingshi.ingest.layouts.nbs import is_nbs, read_nbs
from xingshi.ingest.layouts.rows import has_period_columns, is_indicator_header, read_rows
from xingshi.ingest.layouts.wide import read_wide, title_text
from xingshi.ingest.limits import ReadLimits
from xingshi.ingest.records import Reading
from xingshi.ingest.sources import Sheet, read_sheets
from xingshi.ingest.values import normalize_text

__all__ = ["detect_layout", "find_period_text", "read_file"]

_SCAN_ROWS = 60  # cover lines, 目录 and 说明 may come before the header
_SHARES = re.compile(r"构成|结构|比重|占比")
# A section named for a composition alone (3、第三产业增加值构成), not "X及其构成".
_COMPOSITION = re.compile(r"^[^及]*(构成|结构|比重)$")
EXPECTED = (
    "长表：列标题含“地区”“指标”“时期”“数值/增长%/位次”；"
    "目标表：含“地区”“指标”“年度”“目标类型”“目标值”；"
    "宽表：标题行、首列“地区/县市区”、指标名与“绝对值/同比增长%/位次”两行表头；"
    "指标纵排表：首列“指标”，其后为“单位”、各地区或“累计/同比增长%”列；"
    "国家数据导出：首行“数据库：…”"
)


def _amounts_unit(sheet: Sheet, header_row: int) -> bool:
    """单位：亿元 above a 构成项目 or 项目结构 table (劳动者报酬, 生产税净额 … in 亿元): its figures
    are amounts, not shares; a shares table says 单位：% (or nothing, or 亿元、%)."""
    for r in range(header_row):
        for value in sheet.rows[r]:
            text = normalize_text(value)
            if text and _UNIT_NOTE.match(text):
                rest = _UNIT_NOTE.sub("", text)
                rest = re.sub(r"[(（][^)）]*[)）]", "", rest).strip()  # (100 million yuan)
                return bool(rest) and "%" not in rest and "％" not in rest
    return False


_PERIOD_PATTERNS = (
    r"\d{4}\s*年\s*\d{1,2}\s*[-－—–~～至到]\s*\d{1,2}\s*月",
    # 2013年1-3季度 is January to September, never the third quarter alone
    r"\d{4}\s*年\s*[1-4]\s*[-－—–~～至到]\s*[1-4]\s*季度",
    r"\d{4}\s*年\s*(上半年|下半年|前\s*[三3]\s*季度|全年|第?[一二三四1-4]季度|[一二三四]季)",
    r"\d{4}\s*年\s*\d{1,2}\s*月",
    r"\d{4}\s*年?\s*[Hh][12](?![\d])|\d{4}\s*年?\s*[Qq][1-4](?![\d])",
    # 2021.06 or 2021-6, not the 1168.01 (亿元) of a lead sentence: a year, standing alone.
    r"(?<![\d.])(?:19|20)\d{2}[-.](?:0?[1-9]|1[0-2])(?![\d.-])",
    r"\d{4}\s*年",
)


_PART_OF_YEAR = (
    r"\d{1,2}\s*[-－—–~～至到]\s*\d{1,2}\s*月|[1-4]\s*[-－—–~～至到]\s*[1-4]\s*季度|"
    r"上半年|下半年|前\s*[三3]\s*季度|第?[一二三四]季度|(?<![\d-])[1-4]季度|"
    r"(?<![\d-])\d{1,2}\s*月(?!\d)"
)


# A cover line whose 年 was lost in copying: 20218月报 (2021年8月报), 20221-8月 (2022年1-8月).
_YEAR_RUN_ON = re.compile(
    r"(?<!\d)((?:19|20)\d{2})((?:1\s*[-－—–~～至到]\s*)?(?:1[0-2]|0?[1-9])\s*月)"
)


# 2024年1-9各市…: the months of a title whose 月 was left out (not a whole year).
_MONTHS_WITHOUT_MONTH = re.compile(
    r"(\d{4}\s*年\s*1\s*[-－—–~～至到]\s*(?:1[0-2]|[2-9]))(?![\d月季.])"
)


# 2023.1-6各市…, 2023.01-09: months written with a point after the year.
_DOTTED_SPAN = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)\s*[.．]\s*(0?[1-9]|1[0-2])\s*[-－—–~～至]\s*(0?[1-9]|1[0-2])(?![\d.])月?"
)


# 2024年6月6日 under a bulletin's title: the day it was published, not the period of its data.
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}")


_CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})年")
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
# 一至六月, 十二月: months in words, the longest first (十二 before 十 and 二).
_CN_NUMBERS = {
    w: i + 1
    for i, w in enumerate(
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    )
}
_CN_MONTH = re.compile(
    "(" + "|".join(sorted(_CN_NUMBERS, key=len, reverse=True)) + ")((?:[至到~～—–-])|月)"
)


def find_period_text(text: str) -> str | None:
    """The period named inside a title, sheet name or file name (most specific first)."""
    text = _DOTTED_SPAN.sub(  # before _DATE: 2023.1-6 is months, not a day
        lambda m: f"{m.group(1)}年{int(m.group(2))}-{int(m.group(3))}月", normalize_text(text)
    )
    text = _DATE.sub(" ", text)
    text = _CN_YEAR.sub(lambda m: m.group(1).translate(_CN_DIGITS) + "年", text)  # 二〇二三年
    text = _CN_MONTH.sub(lambda m: str(_CN_NUMBERS[m.group(1)]) + m.group(2), text)  # 一至六月
    text = _YEAR_RUN_ON.sub(r"\1年\2", text)
    text = _MONTHS_WITHOUT_MONTH.sub(r"\1月", text)
    for pattern in _PERIOD_PATTERNS:
        m = re.search(pattern, text)
        if m:
            if pattern == _PERIOD_PATTERNS[-1]:
                # 2021年各县市区主要经济指标（1-6月）: the months stand apart from the year.
                rest = text[m.end() :]
                months = re.search(_PART_OF_YEAR, rest)
                if months:
                    return m.group(0) + months.group(0)
            return m.group(0)
    # 表3-14 各县(市)生产总值结构及增长速度(2008): a yearbook's bare year in brackets.
    m = re.search(r"[(（]\s*((?:19|20)\d\d)\s*[)）]", text)
    if m:
        return f"{m.group(1)}年"
    return None


def detect_layout(sheet: Sheet) -> tuple[str, int, int]:
    """(layout, header row, region column) for a sheet; LayoutError when none fits.

    The header's words decide first (地区, 指标, 年份, roles and periods across); where they
    are words no rule knows, the names under them do (see :mod:`.content`).
    """
    top = next((i for i, row in enumerate(sheet.rows) if row), 0)  # leading blank rows
    scan = range(top, min(top + _SCAN_ROWS, len(sheet.rows)))
    found = _by_words(sheet, scan)
    if found is None or found[0] in ("rows", "wide"):
        # A first table headed in words no rule knows, a second one in known words: the
        # first is read first (the second follows it, see read_file).
        by_names = header_by_content(sheet, scan, indicators_down)
        if by_names is not None and (found is None or by_names[1] < found[1]):
            found = by_names
    if found is not None:
        layout, h, c = found
        if layout in ("rows", "wide"):
            h = header_top(sheet, h, c, scan.start)
        return layout, h, c
    first = next((v for row in sheet.rows for v in row if v is not None), None)
    exc = LayoutError(
        f"无法识别表格格式：第 {scan.start + 1}-{max(scan.stop, scan.start + 1)} 行中"
        "找不到可识别的表头",
        where=sheet.where(value=first),
        hint=f"支持的格式——{EXPECTED}；详见 docs/IMPORT.md",
    )
    exc.rule = "layout"  # type: ignore[attr-defined]
    raise exc


def _by_words(sheet: Sheet, scan: range) -> tuple[str, int, int] | None:
    if is_nbs(sheet):
        h = nbs_header_row(sheet)
        if h is not None:
            return "nbs", h, 0
    for r in scan:
        row = sheet.rows[r]
        keys = {header_key(v, targets=True) for v in row if v is not None}
        if {"value", "kind"} & keys and "indicator" in keys:
            return "targets", r, 0
        keys = {header_key(v) for v in row if v is not None}
        if "indicator" in keys and ({"region", "region_code"} & keys):
            return "long", r, 0
        if {"region", "region_code"} & keys and len({"period", "level", "unit"} & keys) >= 2:
            return "long", r, 0  # a long sheet missing its 指标 column: say so
    for r in scan:
        row = sheet.rows[r]
        for c in range(min(3, len(row))):
            others = [v for v in row[c + 1 :] if v is not None]
            # 项目 heads either way, and a blank corner heads indicators down when the row
            # across holds roles, periods or regions (项目 | 单位 | 1-6月 | 同比增长%).
            either = is_indicator_header(row[c]) and is_region_header(row[c])
            blank = c == 0 and row[c] is None and len(others) >= 2
            if (either or blank) and indicators_down(others) and not _regions_below(sheet, r, c):
                return "rows", r, c
            if c == 0 and _section_corner(sheet, r, row[c], others):
                return "rows", r, c  # 规模以上工业 | 1-10月累计 | 同比增长(±%): a section's rows
            if is_year_header(row[c]) and others and _years_below(sheet, r, c):
                return "wide", r, c  # 年 份 | 地区生产总值 | …: one region's years down
            # A blank or 单位:% corner over indicator names, region names down the side.
            note = isinstance(row[c], str) and bool(_UNIT_NOTE.match(normalize_text(row[c])))
            if (blank or note) and others and _regions_below(sheet, r, c):
                return "wide", r, c
            if blank:
                continue
            if (
                others
                and is_indicator_header(row[c])
                and not either
                and not any(is_region_header(v) and normalize_text(v) != "单位" for v in row)
            ):
                return "rows", r, c
            if not is_region_header(row[c]) or _units_below(sheet, r, c):
                continue  # 单位 over 亿元, %: a unit column, not reporting units (填报单位)
            others = [v for v in row[c + 1 :] if v is not None]
            nxt = sheet.rows[r + 1] if r + 1 < len(sheet.rows) else []
            subs = [v for v in nxt if any(w in normalize_text(v) for w in SUBHEADER_WORDS)]
            if others or subs:
                return "wide", r, c
    return None


_REGION_NAME = re.compile(r"^(全[省市州县区国]|合计|总计|.{1,8}(市|县|区|州|省|旗|盟|地区))$")


def _regions_below(sheet: Sheet, header_row: int, col: int) -> bool:
    """Do the cells under a 项目 corner name regions (全市, 东城区…) rather than indicators?"""
    names = [normalize_text(v) for v in names_below(sheet, header_row, col)]
    # 北 京, 南昌: the catalogue knows short names the pattern does not.
    region = [bool(_REGION_NAME.match(n)) or names_region(n) for n in names]
    if not region or not region[0] or any(is_region_header(n) for n in names):
        return False  # a header row further down (单位:亿元 over 地 区): this is no corner
    return len(names) >= 3 and sum(region) * 4 >= 3 * len(names)


def _units_below(sheet: Sheet, header_row: int, col: int) -> bool:
    """Do the cells under a 单位 header hold units (亿元, %, 万人) rather than names?"""
    cells = names_below(sheet, header_row, col)
    units = sum(pure_unit(v) or normalize_text(v) in ("%", "％") for v in cells)
    return bool(cells) and units * 2 > len(cells)


def _section_corner(sheet: Sheet, r: int, corner: object, others: list[object]) -> bool:
    """A corner naming the section (规模以上工业) over roles and periods only, indicator names
    (not regions) down the side: an indicators-down table of one region."""
    if not isinstance(corner, str) or not corner.strip() or is_region_header(corner):
        return False
    texts = [normalize_text(v) for v in others]
    if len(texts) < 2 or not all(is_role_only(t) or is_period_head(t) for t in texts):
        return False
    below = [normalize_text(sheet.cell(i, 0)) for i in range(r + 1, min(r + 6, len(sheet.rows)))]
    return sum(bool(t) for t in below) >= 2 and not _regions_below(sheet, r, 0)


def _years_below(sheet: Sheet, header_row: int, col: int) -> bool:
    """Do the cells under a 年份 corner hold years (1978, 2023年) rather than names?"""
    names = [normalize_text(v) for v in names_below(sheet, header_row, col)]
    return len(names) >= 3 and sum(bool(YEAR_CELL.match(n)) for n in names) * 2 >= len(names)


def _sheet_period(
    sheet: Sheet, header_row: int, path: Path, above: str | None = None
) -> str | None:
    # The table's own title line first, then the cover lines above it (公报 title, 月报 cover);
    # for a section further down a report's sheet, the period of the table above (``above``).
    lines = [" ".join(str(v) for v in sheet.rows[r] if v is not None) for r in range(header_row)]
    joined = find_period_text(title_text(sheet, header_row))
    nearest = next((p for p in map(find_period_text, reversed(lines)) if p), None)
    if nearest is not None:
        # 2021年 over 1-6月 on the next line: one period written on two lines.
        bare_year = re.fullmatch(r"\d{4}年", nearest)
        return joined if bare_year and joined and joined.startswith(nearest) else nearest
    if above is not None:
        return above
    for text in (sheet.name or "", path.stem):
        found = find_period_text(text)
        if found:
            return found
    return None


def _period_in_prose(sheet: Sheet, header_row: int) -> bool:
    """Is the table's period (see _sheet_period) read from a lead paragraph's sentences rather
    than a title: the nearest line above the header that names a period is prose (。 or
    several commas), as a ranking page's lead with its note (常住人口数据采用2013年末数据)."""
    for r in reversed(range(header_row)):
        line = normalize_text(" ".join(str(v) for v in sheet.rows[r] if v is not None))
        if find_period_text(line):
            return "。" in line or len(re.findall("[,，;；]", line)) >= 2
    return False


def _first_figure_row(sheet: Sheet) -> int | None:
    """The first row holding a number (not a year, not a note's text), or None."""
    for r, row in enumerate(sheet.rows):
        for v in row:
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return r
    return None


def _year_of(text: str | None) -> int | None:
    m = re.match(r"\d{4}", text or "")
    return int(m.group(0)) if m else None


def _read_mapped(path: Path, sheets: list[Sheet], mapping: dict, period: str | None) -> Reading:
    from xingshi.ingest.layouts.mapping import read_mapped

    visible = [s for s in sheets if not s.hidden] or sheets
    wanted = mapping.get("sheet")
    sheet = next((s for s in visible if s.name == wanted), None) if wanted else visible[0]
    if sheet is None:
        raise LayoutError(
            f"映射文件指定的工作表“{wanted}”不在文件中",
            where=Location(file=path.name, value=wanted),
            hint="工作表有：" + "、".join(str(s.name) for s in visible),
        )
    h = mapping["header_row"] - 1
    reading = Reading(file=path.name, layout="mapping", sheet=sheet.name, header_row=h)
    if "region_name" not in mapping and "indicator" in mapping:
        mapping = {
            **mapping,
            "region_name": " ".join([title_text(sheet, h), sheet.name or "", path.stem]),
        }
    read_mapped(sheet, mapping, reading, period=period or _sheet_period(sheet, h, path))
    return reading


def read_file(
    path: Path | str,
    *,
    period: str | None = None,
    indicator: str | None = None,
    limits: ReadLimits | None = None,
    mapping: dict | None = None,
) -> list[Reading]:
    """Read every non-empty sheet of a file into raw records, one Reading per sheet.

    With a ``mapping`` (see :mod:`xingshi.ingest.layouts.mapping`) the sheet is read as it
    says, without detection.
    """
    path = Path(path)
    readings: list[Reading] = []
    skipped: list[LayoutError] = []
    sheets = read_sheets(path, limits)
    reader_findings = [f for s in sheets if not s.hidden for f in s.findings]
    if mapping is not None:
        return [_read_mapped(path, sheets, mapping, period)]
    hidden = [s for s in sheets if s.hidden]
    if len(hidden) < len(sheets):
        # Hidden sheets hold old months and lookup tables: read what the user sees.
        sheets = [s for s in sheets if not s.hidden]
    else:
        hidden = []
    queue = list(sheets)
    continued: list[Sheet] = []
    later: list[Finding] = []  # parts after a table's 注 lines that could not be read
    # The period a report's sections below the first take from the table above them: the
    # title (2018年1-4月主要指标进度数据) is blanked with the rows above the next section.
    period_above: dict[int, str | None] = {}
    while queue:
        sheet = queue.pop(0)
        try:
            layout, h, region_col = detect_layout(sheet)
        except LayoutError as exc:
            # Workbooks carry note and chart sheets: skip them if another sheet holds data.
            # What follows a table's 注 lines is reported when it holds figures (a second
            # table the readers cannot place), never dropped unsaid.
            listed = None if any(s is sheet for s in continued) else headerless_list(sheet)
            if listed is not None:
                # 1、上海市 | 14900.93亿元 | 8.2% with no header: read with --indicator, --period.
                reading = Reading(file=path.name, layout="list", sheet=sheet.name)
                try:
                    read_list(sheet, listed, reading, period=period, indicator=indicator)
                except LayoutError as said:
                    skipped.append(said)
                    continue
                readings.append(reading)
                continue
            if not any(s is sheet for s in continued):
                skipped.append(exc)
            elif (first := _first_figure_row(sheet)) is not None:
                later.append(
                    Finding(
                        "layout",
                        "warning",
                        f"第 {first + 1} 行起的数字不在可识别的表格中，已跳过",
                        sheet.where(first),
                        hint="如这是另一张表，请把它放到单独的工作表并写明表头（指标、地区、时期）后导入",
                    )
                )
            continue
        if layout in ("wide", "rows"):
            sheet = unfill_merges(sheet, h)
        reading = Reading(file=path.name, layout=layout, sheet=sheet.name, header_row=h)
        if layout == "nbs":
            read_nbs(sheet, reading, indicator=indicator)
            if period is not None:
                for obs in reading.observations:
                    obs.period, obs.period_col, obs.period_row = period, None, None
        elif layout == "targets":
            read_targets(sheet, h, reading)
        elif layout == "long":
            read_long(sheet, h, reading, period=period)
            year = _year_of(_sheet_period(sheet, h, path))
            for obs in reading.observations:
                obs.default_year = year
        else:
            wide_period = period or _sheet_period(sheet, h, path, period_above.get(id(sheet)))
            period_column = any(header_key(v) == "period" for v in sheet.rows[h])
            period_column = period_column or years_down(sheet, h, region_col)
            if wide_period is None and not (has_period_columns(sheet, h) or period_column):
                searched = f"标题（第 1–{h} 行）" if h > 1 else "标题行"
                exc = LayoutError(
                    f"表格没有注明时期：{searched}、表头（第 {h + 1} 行）、"
                    "工作表名和文件名中都找不到",
                    where=sheet.where(0),
                    hint="在标题行写明时期（如“2021年1-6月各县市区主要经济指标”），"
                    "或用 --period 2021年1-6月 指定",
                )
                exc.rule = "period"  # type: ignore[attr-defined]
                raise exc
            if layout == "rows":
                own_title = title_text(sheet, h)
                title = " ".join([own_title, sheet.name or "", path.stem])
                below = read_rows(
                    sheet,
                    h,
                    region_col,
                    reading,
                    period=wide_period,
                    region_text=title,
                    title=own_title,
                )
                growth_heads = any(
                    re.search("增长|增速|增幅", normalize_text(v))
                    for v in sheet.rows[h] + (sheet.rows[h + 1] if h + 1 < len(sheet.rows) else [])
                )
                corner = sheet.cell(h, region_col)
                section = (
                    normalize_text(corner)
                    if isinstance(corner, str) and not is_indicator_header(corner)
                    else ""
                )
                if (
                    _SHARES.search(normalize_text(own_title))
                    and not growth_heads
                    and not _amounts_unit(sheet, h)
                ):
                    # 固定资产投资及其构成 | 增长速度(%): the parts' growth rates, not shares.
                    # 本地生产总值构成, 三次产业结构: shares of a total, not the indicators.
                    shares_title, where = own_title.strip(), sheet.where(h, value=own_title.strip())
                elif _COMPOSITION.search(section):
                    # 3、第三产业增加值构成 | 3月 | 1-3月累计 | 累计增长%, the section's title in
                    # its header row: shares (and their changes), whatever the head says.
                    shares_title, where = str(corner).strip(), sheet.where(h, region_col, corner)
                else:
                    shares_title = None
                if shares_title is not None:
                    reading.observations.clear()
                    reading.findings.append(
                        Finding(
                            "layout",
                            "warning",
                            f"“{shares_title}”是构成（比重）表，未导入",
                            where,
                            hint="构成表的数是占比，不是指标的总量或增速",
                        )
                    )
                if below is not None:
                    rest = [[] for _ in range(below)] + sheet.rows[below:]
                    queue.insert(0, Sheet(sheet.file, sheet.name, rest))
                    continued.append(queue[0])
                    period_above[id(queue[0])] = wide_period
            else:
                below = read_wide(
                    sheet,
                    h,
                    region_col,
                    reading,
                    period=wide_period,
                    indicator=indicator,
                    period_in_prose=period is None and _period_in_prose(sheet, h),
                )
                if below is not None:
                    # The rows above the next table are blanked so row numbers stay true.
                    rest = [[] for _ in range(below)] + sheet.rows[below:]
                    queue.insert(0, Sheet(sheet.file, sheet.name, rest))
        readings.append(reading)
    if not readings:
        raise skipped[0]
    readings[0].findings.extend(reader_findings)
    readings[0].findings.extend(later)
    for sheet in hidden:
        readings[0].findings.append(
            Finding(
                "layout",
                "warning",
                "隐藏的工作表，已跳过",
                sheet.where(),
                hint="如该表的数据需要导入，请在 Excel/WPS 中取消隐藏后再导入",
            )
        )
    for exc in skipped:
        readings[0].findings.append(
            Finding(
                "layout",
                "warning",
                "工作表格式无法识别，已跳过",
                exc.where or Location(file=path.name),
                hint="如该表含数据，请按 docs/IMPORT.md 的格式整理后单独导入",
            )
        )
    return readings
