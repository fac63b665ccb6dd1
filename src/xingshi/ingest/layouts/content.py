"""Finding a header by what lies under it, when its words are none the reader knows.

A corner cell may say anything (类别, 分组, 县（市、区）名称, 2023年主要指标…). What every
table shares is the column beneath it: region names (catalogue names, 南昌 as well as 南昌市)
or catalogue indicators, each row with figures to its right. The header is then the block of
text rows directly above the first such name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from xingshi.ingest.layouts.headers import (
    YEAR_CELL,
    is_period_head,
    is_region_header,
    is_year_header,
    without_english,
)
from xingshi.ingest.sources import Sheet
from xingshi.ingest.values import normalize_text

_FIGURE = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?%?$")
_TOTAL = re.compile(r"^(全[省市州县区国盟]|合计|总计)$")
_NUMBERED = re.compile(r"^\d{1,3}[.、．]?(?=\D)")  # 1.南昌 in a ranking's 序号 column


@lru_cache(maxsize=1)
def _regions() -> Any:
    from xingshi.catalog.regions import RegionCatalog

    return RegionCatalog.load()


def _figure(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return bool(_FIGURE.match(normalize_text(value)))


def _figures_right(sheet: Sheet, r: int, c: int) -> bool:
    return any(_figure(v) for v in sheet.rows[r][c + 1 :])


def names_region(value: Any) -> bool:
    """A cell naming a region of the catalogue (吉 首 市, 南昌, 全省), not a number or a note."""
    if not isinstance(value, str):
        return False
    text = _NUMBERED.sub("", without_english(value)).lstrip("#＃")  # 福州市 Fuzhou
    if not text or len(text) > 12:
        return False
    return bool(_TOTAL.match(text)) or bool(_regions().candidates(text))


def names_below(sheet: Sheet, header_row: int, col: int, span: int = 12) -> list[Any]:
    """The first eight non-blank cells of a column within ``span`` rows under a header."""
    last = min(header_row + span, len(sheet.rows))
    cells = (sheet.cell(r, col) for r in range(header_row + 1, last))
    return [v for v in cells if normalize_text(v)][:8]


def names_year(value: Any) -> bool:
    """A cell holding a year (1978, 2023年) as a years-down table's row name."""
    return not isinstance(value, bool) and bool(YEAR_CELL.match(normalize_text(value)))


def years_down(sheet: Sheet, header_row: int, col: int) -> bool:
    """Is the name column a year per row (年 份 | 地区生产总值 …, or any corner over years)?"""
    corner = sheet.cell(header_row, col)
    if is_year_header(corner):
        return True
    if is_region_header(corner):
        return False
    names = names_below(sheet, header_row, col, span=16)
    return len(names) >= 3 and sum(map(names_year, names)) * 4 >= 3 * len(names)


def _cells_right(sheet: Sheet, r: int, c: int) -> list[Any]:
    return [v for v in sheet.rows[r][c + 1 :] if v is not None and normalize_text(v)]


def _text_row(sheet: Sheet, r: int, c: int) -> bool:
    """A header row over the columns right of ``c``: texts there, no figures but years."""
    cells = _cells_right(sheet, r, c)
    return bool(cells) and not any(_figure(v) and not _group_number(v) for v in cells)


def header_top(sheet: Sheet, r: int, c: int, top: int) -> int:
    """The first row of the header block that ends at or below ``r``: group rows above it
    (``10 | 1-10`` merged over 绝对量 | 同比增长) belong to it; a title or a ``单位：`` line,
    one cell, does not."""
    while r - 1 >= top and _group_row(sheet, r - 1, c):
        r -= 1
    return r


def _group_row(sheet: Sheet, r: int, c: int) -> bool:
    if not _text_row(sheet, r, c):
        return False
    cells = _cells_right(sheet, r, c)
    if len(cells) == 1 and not (_group_number(cells[0]) or is_period_head(cells[0])):
        return False  # one cell: a title or a note, unless a year or period over its roles
    return not any("单位" in normalize_text(v) or len(normalize_text(v)) > 30 for v in cells)


def _group_number(value: Any) -> bool:
    """A year (2023) or a month whose 月 was lost (10, 1-10) over its columns."""
    text = normalize_text(value)
    return bool(re.fullmatch(r"(19|20)\d\d|1[0-2]|0?[1-9]", text))


def _first_run(sheet: Sheet, rows: range, c: int, test) -> int | None:
    """The first row of column ``c`` starting a run of names that pass ``test`` (≥ 3 of the
    next 8 texts, three in four of them), each with figures to its right."""
    for r in rows:
        if not test(sheet.cell(r, c)) or not _figures_right(sheet, r, c):
            continue
        texts = [
            sheet.cell(i, c)
            for i in range(r, min(r + 16, len(sheet.rows)))
            if normalize_text(sheet.cell(i, c))
        ][:8]
        hits = sum(1 for v in texts if test(v))
        if hits >= 3 and hits * 4 >= 3 * len(texts):
            return r
    return None


def header_by_content(
    sheet: Sheet, rows: range, across: Callable[[list[Any]], bool]
) -> tuple[str, int, int] | None:
    """(layout, header row, name column) from the names under the header, or None.

    ``across`` tells a header row of an indicators-down table by its cells right of the
    corner (单位 | 1-6月 | 同比增长%)."""
    for r in rows:
        row = sheet.rows[r]
        for c in range(min(3, len(row))):
            if not isinstance(row[c], str) or not across(row[c + 1 :]):
                continue
            if all(_figure(v) for v in row[c + 1 :] if v is not None):
                continue  # 其他一 | 1 | 2: a row of figures, though 1 and 2 may be months
            below = range(r + 1, min(r + 25, len(sheet.rows)))
            # Roles and periods across (单位 | 本月 | 累计 | ±%), names with figures down that
            # are not regions: the names are indicators, whatever the corner says.
            names = [sheet.cell(i, c) for i in below if _figures_right(sheet, i, c)]
            names = [v for v in names if isinstance(v, str) and normalize_text(v)]
            if names and not any(names_region(v) for v in names[:8]):
                return "rows", r, c
    for c in range(3):
        first = _first_run(sheet, rows, c, names_region)
        if first is None:
            first = _first_run(sheet, rows, c, names_year)  # one region's years down
        if first is None:
            continue
        h = first - 1
        while h >= rows.start and not _text_row(sheet, h, c):
            h -= 1
        if h < rows.start:
            continue
        return "wide", header_top(sheet, h, c, rows.start), c
    return None


def header_rows(sheet: Sheet, h: int) -> range:
    """The header block from ``h`` down to the row before the first row of figures."""
    end = h + 1
    while end < len(sheet.rows) and end < h + 8:
        row = sheet.rows[end]
        if any(_figure(v) and not _group_number(v) for v in row):
            break
        end += 1
    return range(h, end)


def unfill_merges(sheet: Sheet, h: int) -> Sheet:
    """The sheet with merged header cells as Excel keeps them: a value written again into each
    cell of its range (WPS's 拆分并填充, exports, copies from web pages) kept in the first cell
    only. Across, only in a group row over different labels (2008 | 2008 over 总额 | 增长);
    a last header row's ``万元 | 万元`` are two columns' own units. Down, a cell repeating the
    one above it in the header."""
    rows = header_rows(sheet, h)
    if len(rows) < 2:
        return sheet
    grid = [list(sheet.rows[r]) for r in rows]
    orig = [list(row) for row in grid]

    def at(i: int, c: int) -> Any:
        return orig[i][c] if 0 <= i < len(orig) and 0 <= c < len(orig[i]) else None

    changed = False
    for i in range(len(grid)):
        for c in range(len(grid[i])):
            v = orig[i][c]
            if v is None or not normalize_text(v):
                continue
            down = i > 0 and at(i - 1, c) == v
            across = (
                c > 0
                and at(i, c - 1) == v
                and i + 1 < len(orig)
                and at(i + 1, c) is not None
                and at(i + 1, c) != at(i + 1, c - 1)
            )
            if down or across:
                grid[i][c], changed = None, True
    if not changed:
        return sheet
    new_rows = list(sheet.rows)
    for i, r in enumerate(rows):
        new_rows[r] = grid[i]
    return Sheet(sheet.file, sheet.name, new_rows, sheet.hidden, sheet.findings)
