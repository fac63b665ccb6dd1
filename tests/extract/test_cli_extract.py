"""The extract command: JSON Lines, CSV and xlsx outputs, and errors without tracebacks."""

from __future__ import annotations

import csv
import json

import openpyxl
from typer.testing import CliRunner

from xingshi.cli import app

TEXT = "1-9月，全市规模以上工业增加值同比增长8.3%，增速居全省第4位；新增“四上”企业58家。"


def _draft(tmp_path):
    path = tmp_path / "岳阳讲话.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_jsonl_to_stdout(tmp_path):
    """JSON Lines on stdout by default, one record per figure, with region and period resolved."""
    res = CliRunner().invoke(
        app, ["extract", str(_draft(tmp_path)), "--region", "岳阳市", "--year", "2021"]
    )
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert [(r["measure"], r["value"], r["unit"]) for r in records] == [
        ("growth_pct", 8.3, "%"), ("rank", 4, "位"), ("count", 58, "家"),
    ]  # fmt: skip
    assert {r["region"] for r in records} == {"岳阳市"}
    assert records[0]["period"] == "2021-01/2021-09"
    assert records[0]["indicator"] == "规模以上工业增加值"
    assert records[1]["scope"] == "湖南省"


def test_csv_and_xlsx_files(tmp_path):
    """--format csv and xlsx write files that read back with the same figures."""
    draft = _draft(tmp_path)
    out_csv, out_xlsx = tmp_path / "数字.csv", tmp_path / "数字.xlsx"
    for fmt, out in (("csv", out_csv), ("xlsx", out_xlsx)):
        res = CliRunner().invoke(
            app,
            [
                "extract",
                str(draft),
                "--format",
                fmt,
                "--out",
                str(out),
                "--region",
                "岳阳市",
                "--year",
                "2021",
            ],
        )
        assert res.exit_code == 0, res.output
        assert "已提取 3 个数字" in res.output
    rows = list(csv.DictReader(out_csv.read_text(encoding="utf-8-sig").splitlines()))
    assert [(r["口径"], r["数值"]) for r in rows] == [
        ("growth_pct", "8.3"),
        ("rank", "4"),
        ("count", "58"),
    ]
    sheet = openpyxl.load_workbook(out_xlsx).active
    values = [(row[9], row[10]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values == [("growth_pct", 8.3), ("rank", 4), ("count", 58)]


def test_unreadable_files_exit_2_without_traceback(tmp_path):
    """Missing, empty, binary and wrongly encoded files print 错误 with a hint and exit 2."""
    empty = tmp_path / "空.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "图.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    garbled = tmp_path / "乱码.txt"
    garbled.write_bytes("全州GDP增长".encode("utf-16-le") + b"\x81\x30\xff\xfe" * 50)
    for path in (tmp_path / "没有.txt", empty, binary, garbled):
        res = CliRunner().invoke(app, ["extract", str(path)])
        assert res.exit_code == 2
        assert "错误" in res.output and "提示" in res.output
        assert "Traceback" not in res.output


def test_unknown_format_is_an_error(tmp_path):
    """An unknown --format is an input error naming the formats."""
    res = CliRunner().invoke(app, ["extract", str(_draft(tmp_path)), "--format", "pdf"])
    assert res.exit_code == 2
    assert "jsonl" in res.output
