"""The command line speaks Chinese and reads names, periods and workspaces the same way
everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xingshi import __version__
from xingshi.cli import app
from xingshi.sample import load_sample

# ASCII words that may appear in Chinese help: option names, file types, the program's name.
ALLOWED = {
    "xingshi", "xingshi-data", "XINGSHI_HOME", "release", "releases", "xlsx", "xlsm", "csv",
    "docx", "txt", "html", "json", "jsonl", "table", "growth", "level", "SQLite", "Excel",
    "Word", "HTML", "briefing", "tables", "import", "init", "show", "analyze", "brief", "demo",
    "extract", "check", "warnings", "version", "bogus", "extra-arg", "briefing.docx",
    "briefing.html", "tables.xlsx", "audit", "serve", "user", "token", "round", "ledger", "API",
    "REST", "docs",
}  # fmt: skip
ENGLISH = ("Usage", "Options", "Commands", "Show this message", "Missing", "No such", "Error",
           "Try ", "Arguments", "required", "default", "TEXT", "PATH", "<str>",
           "<bool>")  # fmt: skip


def english_words(text: str) -> list[str]:
    """ASCII words of three letters or more that are not option names or allowed terms."""
    text = re.sub(r"(?<![\w-])--?[a-z][a-z-]*", " ", text)  # --workspace, -w
    words = re.findall(r"[A-Za-z][A-Za-z_.-]{2,}", text)
    return [w for w in words if w.strip(".-") not in ALLOWED and not w.startswith(".")]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ws") / "xingshi-data"
    load_sample(path)
    return path


def _run(*args: str):
    # wide, so that no word is cut by a line break
    return CliRunner(env={"COLUMNS": "200"}).invoke(app, list(args), prog_name="xingshi")


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["import", "--help"],
        ["check", "-h"],
        ["analyze", "--help"],
        ["show", "--help"],
        ["import", "--bogus"],
        ["bogus"],
        ["show"],
        ["show", "-r", "湘西州", "--period"],
        ["brief", "-r", "湘西州", "-p", "2021年1-6月", "extra-arg"],
    ],
)
def test_help_usage_and_errors_print_no_english(args):
    """Help, usage lines and command-line mistakes are all Chinese (no Usage/Options/Missing)."""
    res = _run(*args)
    text = res.output + (res.stderr if res.stderr_bytes is not None else "")
    assert not [w for w in ENGLISH if w in text], text
    assert english_words(text) == [], text
    assert "Traceback" not in text
    if args[-1] in ("--help", "-h"):
        assert res.exit_code == 0 and "用法：" in text
    else:
        assert res.exit_code == 2 and "错误：" in text


def test_version_option():
    """`--version` prints the version and exits 0."""
    res = _run("--version")
    assert res.exit_code == 0
    assert res.output.strip() == f"xingshi {__version__}"


def test_workspace_before_or_after_the_command(workspace):
    """`xingshi -w DIR show …` and `xingshi show … -w DIR` read the same workspace."""
    before = _run("-w", str(workspace), "show", "-r", "湘西州", "-p", "2021年1-6月")
    after = _run("show", "-r", "湘西州", "-p", "2021年1-6月", "-w", str(workspace))
    assert before.exit_code == after.exit_code == 0, before.output
    assert before.output == after.output
    assert "3,722.1" in before.output


@pytest.mark.parametrize("command", ["show", "analyze", "check"])
def test_period_without_year_means_latest_year_everywhere(workspace, tmp_path, command):
    """`1-6月` means the latest year the store holds in every reading command, said aloud."""
    args = ["-w", str(workspace), command]
    if command == "check":
        draft = tmp_path / "稿.txt"
        draft.write_text("1-6月，全州旅游收入304.4亿元。", encoding="utf-8")
        args += [str(draft), "--out", str(tmp_path)]
    res = _run(*args, "-r", "湘西州", "-p", "1-6月")
    assert res.exit_code == 0, res.output
    assert "最近年份：2021年1-6月" in res.output


def test_quarter_of_a_cumulative_indicator_reads_year_to_date(workspace):
    """`2021Q3` reads the cumulative 1-9月 figures (and says so), not an empty table."""
    res = _run("-w", str(workspace), "show", "-r", "湘西州", "-p", "2021Q3", "-f", "json")
    assert res.exit_code == 0, res.output
    assert "2021年1-9月" in res.stderr
    assert '"period": "2021年1-9月"' in res.stdout


@pytest.mark.parametrize("command", ["show", "analyze", "brief"])
def test_no_data_exits_2_naming_region_and_period(workspace, tmp_path, command):
    """A query the store holds nothing for exits 2 and names the region and the period."""
    args = ["-w", str(workspace), command, "-r", "吉首", "-p", "2019年1-6月"]
    if command == "brief":
        args += ["--out", str(tmp_path)]
    res = _run(*args)
    assert res.exit_code == 2
    assert "吉首市2019年1-6月" in res.output + res.stderr


def test_short_name_shared_by_province_and_prefecture(workspace):
    """`海南` is read as 海南省 with a line naming the other (海南藏族自治州) and how to ask."""
    res = _run("-w", str(workspace), "show", "-r", "海南", "-p", "2021年1-6月")
    text = res.output + res.stderr
    assert "海南 → 海南省；如指青海省海南藏族自治州，请写“海南州”或全称" in text
    assert "库中没有海南省2021年1-6月的数据" in text
    assert res.exit_code == 2


def test_analysis_csv_and_xlsx_read_in_chinese(workspace, tmp_path):
    """The analysis CSV and workbook: Chinese headers and values (绿灯, 本地区, 增速), periods
    as labels, figures rounded as published, rule codes beside their Chinese names."""
    import csv
    import io

    import openpyxl

    base = ["-w", str(workspace), "analyze", "-r", "湘西州", "-p", "2021年1-6月"]
    res = _run(*base, "-f", "csv")
    assert res.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["角色"] for r in rows} == {"本地区", "上级", "同级地区", "下辖地区"}
    assert {r["预警"] for r in rows} <= {"绿灯", "黄灯", "红灯", ""}
    assert {r["排名依据"] for r in rows} <= {"增速", "总量", ""}
    assert {r["时期"] for r in rows} == {"2021年1-6月"}
    for r in rows:
        for col in ("增速(%)", "与上级差(百分点)", "完成率(%)"):
            assert len(r[col].partition(".")[2]) <= 1, (col, r[col])
        assert len(r["本期值"].partition(".")[2]) <= 2
    xlsx = tmp_path / "分析.xlsx"
    assert _run(*base, "-f", "xlsx", "-o", str(xlsx)).exit_code == 0
    wb = openpyxl.load_workbook(xlsx)
    rules = [c.value for c in wb["预警与审核"]["A"][1:]]
    assert "位次比上年同期下降（rank_fell_yoy）" in rules
    assert {c.value for c in wb["预警与审核"]["B"][1:]} <= {"预警", "提示", "错误"}
