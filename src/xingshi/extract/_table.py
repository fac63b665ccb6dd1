"""Tables rendered as text lines (cells split by | or tabs): units come from the header row.

A statistics release pasted from a web page or a Word table reads

    | 绝对数(亿元) | 比上年增长(%) |
    地区生产总值 | 617.50 | 5.2 |

The numbers carry no unit of their own, so the sentence grammar skips them; here each
column's header gives the unit and the measure, and the row's first cell names the indicator.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from xingshi.extract._numbers import parse_number
from xingshi.extract._rules import AR_NUM, Grammar

_SEP = re.compile(r"[|\t]")
_NUMBER = re.compile(rf"^\s*(?P<n>-?{AR_NUM})\s*$")
# 比重(% : a header copied one cell per line may lose its closing bracket.
_HEAD_UNIT = re.compile(r"[(\[【]\s*(?P<u>[^()\[\]【】]{1,8}?)\s*(?:[)\]】]|$)")
_GROWTH = re.compile(r"增长|增速|增幅|增减|同比|比上年|±")
_SHARE = re.compile(r"比重|占比|构成")
_LABEL = re.compile(r"[\u4e00-\u9fa5A-Za-z]")


@dataclass
class Cell:
    value: float
    start: int  # absolute span of the number
    end: int
    label: str  # the row's first cell
    label_start: int
    measure: str
    unit: str
    period_at: int = -1  # where the column's header names its period (2018年1-8月), if it does
    captions: tuple[str, ...] = ()  # the lines around a table copied one cell per line


@dataclass
class _Column:
    measure: str
    unit: str
    period_at: int = -1


def _cells(line: str, offset: int) -> list[tuple[str, int]]:
    """The cells of one line with their absolute start (outer empty cells dropped)."""
    out: list[tuple[str, int]] = []
    pos = 0
    for part in _SEP.split(line):
        out.append((part, offset + pos))
        pos += len(part) + 1
    while out and not out[-1][0].strip():
        out.pop()
    return out


def _column(head: str, g: Grammar) -> _Column | None:
    text = re.sub(r"\s+", "", head)
    m = _HEAD_UNIT.search(text)
    unit = m.group("u") if m else ""
    if unit in ("%", "%"):
        if _SHARE.search(text):
            return _Column("ratio_pct", "%")
        return _Column("growth_pct", "%") if _GROWTH.search(text) else None
    if _GROWTH.search(text):
        return _Column("growth_pct", "%") if not unit else None
    bare = _bare(unit, g)
    kind = g.unit_kind.get(bare) or g.unit_kind.get(unit)
    if kind == "level":
        return _Column("level", unit)
    if kind == "count":
        return _Column("count", unit)
    return None


def _header(cells: list[tuple[str, int]], g: Grammar) -> list[_Column | None] | None:
    if any(_NUMBER.match(c) for c, _ in cells):
        return None
    cols = [_column(c, g) for c, _ in cells]
    return cols if any(cols) else None


def table_cells(norm: str, g: Grammar) -> Iterator[Cell]:
    """Every number in a text table whose column header gives its unit."""
    yield from _column_cells(norm, g)
    if "|" not in norm and "\t" not in norm:
        return
    header: list[_Column | None] | None = None
    offset = 0
    for line in norm.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not _SEP.search(line):
            header = None  # a table ends at the first line without cells
            continue
        cells = _cells(line, start)
        head = _header(cells, g)
        if head is not None:
            header = head
            continue
        if header is None or not cells or not _LABEL.search(cells[0][0]):
            continue
        label, label_at = cells[0][0], cells[0][1]
        lead = len(label) - len(label.lstrip())
        label, label_at = label.strip(), label_at + lead
        # Header and row are aligned on their right edge: a header may omit the label cell.
        for k in range(1, min(len(cells), len(header)) + 1):
            col = header[-k]
            text, at = cells[-k]
            m = _NUMBER.match(text)
            if col is None or m is None or k == len(cells):
                continue
            value = parse_number(m.group("n"))
            if value is None:
                continue
            s = at + m.start("n")
            yield Cell(value, s, at + m.end("n"), label, label_at, col.measure, col.unit)


_HEAD_MAX = 16  # a header cell copied alone on its line is short
# 单位:万元 above a table gives the unit of the columns headed by a period (2018年8月, 1-8月).
_TABLE_UNIT = re.compile(r"^单位[:：]\s*(?P<u>\S{1,6})$")
_PERIOD_HEAD = re.compile(
    r"^(?:\d{4} ?年)?(?:\d{1,2}[-—至~])?\d{1,2}月(?:份)?$"
    r"|^(?:\d{4} ?年)?(?:前三季度|上半年|[一二三四]季度)$"
)
_CLOSED = re.compile(r"\s*\|+\s*$")  # a cell line closed by its separator: 9915023 |


def _period_column(
    cell: str, at: int, unit: str | None, head: list[_Column], g: Grammar
) -> _Column | None:
    """A header cell naming a period takes the table's unit; a growth column after it, its
    period (2018年8月 / 同比增长(%) / 2018年1-8月 / 同比增长(%))."""
    if unit is not None and _PERIOD_HEAD.match(cell):
        return _Column("level" if g.unit_kind.get(_bare(unit, g)) == "level" else "count",
                       unit, at)  # fmt: skip
    col = _column(cell, g) if _HEAD_UNIT.search(cell) else None
    if col is not None and col.measure == "growth_pct" and head and head[-1].period_at >= 0:
        col.period_at = head[-1].period_at
    return col


def _bare(unit: str, g: Grammar) -> str:
    return re.sub(rf"^(?:{'|'.join(g.raw['units']['magnitudes'])})", "", unit)


def _table_unit(line: str, g: Grammar) -> str | None:
    m = _TABLE_UNIT.match(line)
    if m is None:
        return None
    u = m.group("u")
    return u if g.unit_kind.get(_bare(u, g)) in ("level", "count") else None


def _column_cells(norm: str, g: Grammar) -> Iterator[Cell]:
    """A table copied one cell per line: K header cells with units, then rows of a label and K
    numbers (年末数(万人) / 比重(% / 常住人口 / 44.84 / 100.0 / 乡村 / 26.19 / 58.41 …)."""
    if "(" not in norm:
        return
    lines: list[tuple[str, int]] = []
    units: list[str | None] = []  # the 单位 line in force at each line
    unit: str | None = None
    offset = 0
    for line in norm.split("\n"):
        cell = line.strip()
        if "|" in cell:
            bare = _CLOSED.sub("", cell)
            cell = cell if "|" in bare else bare
        if cell:
            unit = _table_unit(cell, g) or unit
            lead = len(line) - len(line.lstrip())
            lines.append((cell, offset + lead))
            units.append(unit)
        offset += len(line) + 1
    i = 0
    while i < len(lines):
        head: list[_Column] = []
        j = i
        while j < len(lines) and len(lines[j][0]) <= _HEAD_MAX and not _NUMBER.match(lines[j][0]):
            col = _period_column(lines[j][0], lines[j][1], units[j], head, g)
            if col is None:
                break
            head.append(col)
            j += 1
        if len(head) < 2:
            i = j + 1
            continue
        k = len(head)
        cells: list[Cell] = []
        while j + k < len(lines) and not _NUMBER.match(lines[j][0]):
            row = lines[j + 1 : j + 1 + k]
            nums = [_NUMBER.match(c) for c, _ in row]
            if len(lines[j][0]) > _HEAD_MAX or not all(nums):
                break
            label, label_at = lines[j]
            for col, (_, at), m in zip(head, row, nums, strict=True):
                value = parse_number(m.group("n"))
                if value is not None:
                    s = at + m.start("n")
                    cells.append(Cell(value, s, at + m.end("n"), label, label_at, col.measure,
                                      col.unit, col.period_at))  # fmt: skip
            j += 1 + k
        # a title above the header, or the notes after the last row, may name the indicator
        captions = tuple(c for c, _ in lines[max(0, i - 3) : i] + lines[j : j + 1])
        for cell in cells:
            cell.captions = captions
        yield from cells
        i = max(j, i + 1)
