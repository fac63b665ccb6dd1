"""Write the published tables of ``corpus.py`` as the workbooks a user would have.

    python tests/ingest/data/published/make_published.py

Same content every run (fixed workbook timestamps), so the committed files only change when
the corpus does.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import TABLES  # noqa: E402


def write(spec: dict) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = spec.get("sheet", "Sheet1")
    for row in spec["rows"]:
        ws.append(list(row) if row else [None])
    for rng in spec["merges"]:
        ws.merge_cells(rng)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True)
    wb.properties.created = wb.properties.modified = datetime(2024, 1, 1)
    path = HERE / spec["file"]
    wb.save(path)
    return path


def main() -> None:
    for spec in TABLES:
        print(write(spec).name)


if __name__ == "__main__":
    main()
