"""Facts written out: JSON Lines (default), CSV (UTF-8 with BOM, opens in Excel) or xlsx."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from xingshi.errors import InputError, Location
from xingshi.extract.fact import FIELDS, Fact

FORMATS = ("jsonl", "csv", "xlsx")
# Column headers of the CSV and xlsx outputs (the JSON keys stay English, as the issue fixes).
HEADERS = {
    "quote": "原文", "start": "起", "end": "止", "region": "地区", "region_code": "地区代码",
    "period": "时期", "indicator": "指标", "indicator_code": "指标代码", "words": "原文指标",
    "measure": "口径", "value": "数值", "unit": "单位", "approx": "约数", "versus": "对比",
    "scope": "排名范围", "of": "所占/完成对象", "basis": "增速基础", "derived": "推算",
}  # fmt: skip


def write_facts(facts: Iterable[Fact], fmt: str, out: Path | None, stdout: TextIO) -> None:
    """Write ``facts`` as ``fmt`` to ``out`` (a file) or, for text formats, to ``stdout``."""
    records = [f.to_record() for f in facts]
    if fmt not in FORMATS:
        raise InputError(
            f"不支持的输出格式“{fmt}”",
            where=Location(value=fmt),
            hint="可用格式：" + "、".join(FORMATS),
        )
    if fmt == "xlsx":
        if out is None:
            raise InputError("xlsx 格式需要用 --out 指定输出文件", hint="例如 --out 数字.xlsx")
        _xlsx(records, out)
        return
    buf = io.StringIO()
    if fmt == "jsonl":
        for rec in records:
            buf.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow([HEADERS[k] for k in FIELDS])
        for rec in records:
            writer.writerow([_cell(rec.get(k)) for k in FIELDS])
    if out is None:
        stdout.write(buf.getvalue())
    else:
        out.write_text(buf.getvalue(), encoding="utf-8-sig" if fmt == "csv" else "utf-8")


def _cell(value: object) -> object:
    if value is None:
        return ""
    if value is True:
        return "是"
    return value


def _xlsx(records: list[dict], out: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out))
    sheet = book.add_worksheet("数字")
    bold = book.add_format({"bold": True})
    for col, key in enumerate(FIELDS):
        sheet.write(0, col, HEADERS[key], bold)
    for row, rec in enumerate(records, start=1):
        for col, key in enumerate(FIELDS):
            value = _cell(rec.get(key))
            if value != "":
                sheet.write(row, col, value)
    sheet.set_column(0, 0, 40)
    sheet.freeze_panes(1, 0)
    book.close()
