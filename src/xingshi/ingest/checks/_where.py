"""Locations of frame rows: the row, and the column letter of a cell reference."""

from __future__ import annotations

import re
from typing import Any

from xingshi.errors import Location

_CELL = re.compile(r"^([A-Z]+)(\d+)$")


def at(row: dict[str, Any], cell_column: str | None = None, value: Any = None) -> Location:
    """Location of a frame row; ``cell_column`` names which cell (level_cell, growth_cell…)."""
    column = row.get("region_cell")
    line = row.get("src_row")
    ref = row.get(cell_column) if cell_column else None
    if ref:
        m = _CELL.match(ref)
        if m:  # the cell's own row: merged records take cells from several rows
            column, line = m.group(1), int(m.group(2))
    return Location(
        file=row.get("source_file"),
        sheet=row.get("source_sheet"),
        row=line,
        column=column,
        value=value,
    )


def label(ctx: Any, row: dict[str, Any]) -> str:
    """``吉首市 地区生产总值 2021年1-6月`` for messages."""
    region = ctx.regions.get(row["region_code"])
    indicator = ctx.indicators.get(row["indicator"])
    name = region.name if len(region.name) <= 4 or not region.short else region.short
    from xingshi.catalog.periods import parse_period

    return (
        f"{name} {getattr(indicator, 'name', row['indicator'])} {parse_period(row['period']).label}"
    )
