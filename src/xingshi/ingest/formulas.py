"""Formulas a workbook holds without results: files written by programs, never calculated.

Excel stores each formula's last result beside it; openpyxl reads that result. A workbook
made by a script and never opened in Excel/WPS has formulas and no results: those cells are
marked, so the number rule reports them instead of reading them as blanks.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from xingshi.ingest.values import UNCOMPUTED

if TYPE_CHECKING:
    from xingshi.ingest.sources import Sheet


_UNCOMPUTED_XML = re.compile(rb"<f\b[^>]*(?:/>|>[^<]*</f>)(?:<v\s*/>|<v></v>)?</c>")


def has_uncomputed(data: bytes) -> bool:
    """Does any sheet hold a formula without a cached result (a file never opened in Excel)?"""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            sheet_xml = name.startswith("xl/worksheets/") and name.endswith(".xml")
            if sheet_xml and _UNCOMPUTED_XML.search(zf.read(name)):
                return True
    return False


def mark_uncomputed(data: bytes, sheets: list[Sheet]) -> None:
    """Put a marker where a formula has no result, so the cell is reported, not read as blank."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        by_name = {s.name: s for s in sheets}
        for ws in wb.worksheets:
            sheet = by_name.get(ws.title)
            if sheet is None:
                continue
            for r, row in enumerate(ws.iter_rows()):
                for c, cell in enumerate(row):
                    value = getattr(cell, "value", None)
                    if (
                        isinstance(value, str)
                        and value.startswith("=")
                        and sheet.cell(r, c) is None
                    ):
                        while len(sheet.rows) <= r:
                            sheet.rows.append([])
                        cells = sheet.rows[r]
                        cells.extend([None] * (c + 1 - len(cells)))
                        cells[c] = UNCOMPUTED
    finally:
        wb.close()
