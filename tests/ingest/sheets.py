"""Small workbooks for the published-shape tests, and what a check of one stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook


def write_sheet(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Path:
    """One sheet with these rows (an empty row as ``[]``) and merged ranges, saved at path."""
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row or [None])
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def records(checked: Any) -> dict[tuple[str, str, str], tuple]:
    """(region, indicator, period) → (level, growth, rank) of a checked file."""
    frame = checked.normalized.observations
    return {
        (r["region_code"], r["indicator"], r["period"]): (r["level"], r["growth_pct"], r["rank"])
        for r in frame.iter_rows(named=True)
    }


def errors(checked: Any) -> list[str]:
    return [f.message for f in checked.findings if f.severity == "error"]
