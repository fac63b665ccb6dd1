"""Write the legacy .xls fixture (Excel 97-2003), as bureau websites still publish them.

    python tests/ingest/data/xls/make_xls.py     # needs xlwt; the file is committed

Figures are simulated (示例数据（模拟）).
"""

from __future__ import annotations

from pathlib import Path

import xlwt

HERE = Path(__file__).resolve().parent
ROWS = [
    ("全州", 455.0, 12.5, 1),
    ("吉首市", 150.2, 13.1, 3),
    ("泸溪县", 45.3, 14.2, 2),
    ("花垣县", 48.7, 15.3, 1),
]


def make() -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("县市区")
    ws.write_merge(0, 0, 0, 3, "2021年1-6月湘西州各县市区地区生产总值")
    ws.write(1, 0, "地区")
    ws.write_merge(1, 1, 1, 3, "地区生产总值(亿元)")
    for col, text in enumerate(["绝对值", "同比增长%", "位次"], start=1):
        ws.write(2, col, text)
    for r, (name, level, growth, rank) in enumerate(ROWS, start=3):
        for c, value in enumerate((name, level, growth, rank)):
            ws.write(r, c, value)
    ws.write(len(ROWS) + 3, 0, "注：示例数据（模拟）；全州位次为全省14个市州中的位次。")
    path = HERE / "2021年1-6月县市区.xls"
    book.save(str(path))
    return path


if __name__ == "__main__":
    print(make().name)
