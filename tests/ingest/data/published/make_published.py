"""Write the published tables of ``corpus.py`` as the workbooks a user would have.

    python tests/ingest/data/published/make_published.py

Same bytes every run (fixed workbook timestamps and zip entry dates), so the committed files
only change when the corpus does.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
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
    wb.properties.created = datetime(2024, 1, 1)
    path = HERE / spec["file"]
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(_fixed_dates(buf.getvalue()))
    return path


def _fixed_dates(data: bytes) -> bytes:
    # openpyxl stamps the zip entries and the modified property with the time of saving
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                stamp = rb"\g<1>2024-01-01T00:00:00Z"
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", stamp, body)
            dst.writestr(fixed, body)
    return out.getvalue()


def main() -> None:
    for spec in TABLES:
        print(write(spec).name)


if __name__ == "__main__":
    main()
