"""`xingshi analyze` on real files: the bundled sample, the NBS export and revised releases."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from xingshi.cli import app
from xingshi.ingest import import_files
from xingshi.sample import load_sample
from xingshi.workspace import init_workspace

NBS_GDP_INDEX = Path("/work/shared/data/nbs-provinces/地区生产总值指数（近十年）.csv")
runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def sample_ws(tmp_path_factory) -> Path:
    """A SQLite workspace with the bundled sample loaded through the importer."""
    path = tmp_path_factory.mktemp("sample") / "ws"
    load_sample(path)
    return path


@pytest.fixture(scope="module")
def xiangxi_h1(sample_ws) -> list[dict]:
    """The JSON records of 湘西州's 2021年1-6月 analysis."""
    result = _run(
        "analyze",
        "--region",
        "湘西州",
        "--period",
        "2021年1-6月",
        "--format",
        "json",
        "-w",
        str(sample_ws),
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _self(records: list[dict], indicator: str) -> dict:
    rows = [r for r in records if r["role"] == "self" and r["indicator"] == indicator]
    assert len(rows) == 1
    return rows[0]


def test_sample_reproduces_the_speechs_ranks(xiangxi_h1):
    """GDP, 规模工业增加值, 内资 first; 税收, 贷款 second; 投资 fourth; tourism second."""
    expected = {
        "gdp": 1,
        "industry_va": 1,
        "domestic_capital": 1,
        "tax": 2,
        "loans": 2,
        "fai": 4,
        "tourists": 2,
        "tourism_revenue": 2,
    }
    got = {code: _self(xiangxi_h1, code)["rank"] for code in expected}
    assert got == expected
    gdp = _self(xiangxi_h1, "gdp")
    assert (gdp["rank_of"], gdp["rank_basis"], gdp["rank_scope_code"]) == (14, "growth", "430000")
    assert _self(xiangxi_h1, "tourists")["growth_pct"] == 150.0  # 增长1.5倍
    required = set(
        [
            "region_code",
            "region",
            "indicator",
            "period",
            "value",
            "unit",
            "growth_pct",
            "growth_computed",
            "rank",
            "rank_basis",
            "rank_scope",
            "rank_change",
            "gap_to_parent_pp",
            "target",
            "completion_pct",
            "time_progress_pct",
            "required_growth_pct",
            "warning",
        ]
    )
    assert required <= set(gdp)


def test_sample_lists_the_counties_below_the_prefectures_gdp_growth(xiangxi_h1):
    """有5个县未达到全州平均水平: each compared with 湘西州's own GDP growth."""
    own = _self(xiangxi_h1, "gdp")["growth_pct"]
    kids = [r for r in xiangxi_h1 if r["role"] == "child" and r["indicator"] == "gdp"]
    assert len(kids) == 8
    below = sorted(r["region"] for r in kids if r["behind_parent"])
    assert len(below) == 5
    assert below == sorted(r["region"] for r in kids if r["growth_pct"] < own)
    for r in kids:
        assert r["gap_to_parent_pp"] == pytest.approx(r["growth_pct"] - own)
    assert _self(xiangxi_h1, "gdp")["n_children_below"] == 5


def test_table_output_shows_ranks_children_and_warnings(sample_ws):
    """The Rich output holds the ranking table, the children table and the warning list."""
    result = _run("analyze", "-r", "湘西州", "-p", "2021年上半年", "-w", str(sample_ws))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "湘西州 2021年1-6月 主要指标" in out
    assert "1/14" in out and "吉首" in out and "预警与审核" in out
    assert "地区生产总值增速低于湘西州平均水平" in out


def test_csv_and_xlsx_outputs_reread(sample_ws, tmp_path):
    """CSV has Chinese headers and one row per record; the workbook has its three sheets."""
    csv_path, xlsx_path = tmp_path / "分析.csv", tmp_path / "分析.xlsx"
    base = ["analyze", "-r", "湘西州", "-p", "2021年1-6月", "-w", str(sample_ws)]
    assert _run(*base, "-f", "csv", "-o", str(csv_path)).exit_code == 0
    assert _run(*base, "-f", "xlsx", "-o", str(xlsx_path)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    gdp = [r for r in rows if r["角色"] == "本地区" and r["指标代码"] == "gdp"]
    assert len(gdp) == 1 and gdp[0]["排名"] == "1"
    wb = openpyxl.load_workbook(xlsx_path)
    assert wb.sheetnames == ["分析表", "预警与审核", "贡献"]
    sheet = wb["分析表"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["角色", "区划代码", "地区"]
    assert sheet.max_row == len(rows) + 1
    assert wb["预警与审核"].max_row > 1


def test_hunan_gdp_rank_among_31_provinces_from_nbs_indices(tmp_path):
    """湖南省 2021: index 107.6; a hand count of the CSV finds 16 provinces strictly higher."""
    ws = init_workspace(tmp_path / "nbs")
    try:
        import_files(ws, [NBS_GDP_INDEX])
    finally:
        ws.close()
    result = _run(
        "analyze",
        "--region",
        "湖南省",
        "--period",
        "2021",
        "--format",
        "json",
        "-w",
        str(tmp_path / "nbs"),
    )
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    me = _self(records, "gdp")
    # hand count from the 2021年 column: these have an index above 107.6
    higher = {
        "北京市": 109.2,
        "山西省": 109.4,
        "上海市": 108.7,
        "江苏省": 109.1,
        "浙江省": 108.9,
        "安徽省": 108.2,
        "福建省": 108.3,
        "江西省": 108.9,
        "山东省": 108.5,
        "湖北省": 112.9,
        "广东省": 108.3,
        "广西壮族自治区": 107.9,
        "海南省": 111.4,
        "重庆市": 108.4,
        "四川省": 108.3,
        "贵州省": 108.3,
    }
    assert me["growth_pct"] == pytest.approx(7.6)
    assert (me["rank"], me["rank_of"]) == (len(higher) + 1, 31)
    peers = {r["region_name"]: r["growth_pct"] for r in records if r["role"] == "peer"}
    assert {k for k, g in peers.items() if g > me["growth_pct"]} == set(higher)


def _long_csv(path: Path, rows: list[tuple]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["地区", "地区代码", "指标", "时期", "数值", "单位", "增长%", "位次", "备注"])
        w.writerows(rows)
    return path


def test_as_of_reads_an_earlier_release(tmp_path):
    """A revised 税收 figure is a new release; --as-of 1 still analyses the first one."""
    ws = init_workspace(tmp_path / "ws")
    first = [
        ("湘西州", "433100", "税收收入", "2021年1-6月", "41.21", "亿元", "28.6", "", ""),
        ("吉首市", "433101", "税收收入", "2021年1-6月", "12.5", "亿元", "30.1", "", ""),
        ("泸溪县", "433122", "税收收入", "2021年1-6月", "4.2", "亿元", "20.3", "", ""),
    ]
    revised = [
        first[0],
        first[1],
        ("泸溪县", "433122", "税收收入", "2021年1-6月", "4.6", "亿元", "31.5", "", ""),
    ]
    try:
        import_files(ws, [_long_csv(tmp_path / "一.csv", first)])
        import_files(ws, [_long_csv(tmp_path / "二.csv", revised)])
    finally:
        ws.close()
    base = [
        "analyze",
        "-r",
        "湘西州",
        "-p",
        "2021年1-6月",
        "-f",
        "json",
        "-w",
        str(tmp_path / "ws"),
    ]
    now = json.loads(_run(*base).stdout)
    then = json.loads(_run(*base, "--as-of", "1").stdout)

    def luxi(records):
        return next(r for r in records if r["region_code"] == "433122")

    assert (luxi(now)["growth_pct"], luxi(now)["rank"]) == (31.5, 1)
    assert (luxi(then)["growth_pct"], luxi(then)["rank"]) == (20.3, 2)
    assert luxi(then)["behind_parent"] is True


def test_unknown_region_and_bad_format_are_clear_errors(sample_ws):
    """Bad input exits 2 with a Chinese message, not a traceback."""
    bad = _run("analyze", "-r", "火星州", "-p", "2021年1-6月", "-w", str(sample_ws))
    assert bad.exit_code == 2
    assert "火星州" in bad.output and "Traceback" not in bad.output
    fmt = _run("analyze", "-r", "湘西州", "-p", "2021年1-6月", "-f", "pdf", "-w", str(sample_ws))
    assert fmt.exit_code == 2 and "不支持的输出格式" in fmt.output
    xlsx = _run("analyze", "-r", "湘西州", "-p", "2021年1-6月", "-f", "xlsx", "-w", str(sample_ws))
    assert xlsx.exit_code == 2 and "--out" in xlsx.output


def test_rank_by_level_and_a_custom_peer_group(sample_ws, tmp_path):
    """--rank-by level ranks by 总量; --peers ranks among a workspace group (武陵山片区)."""
    base = ["analyze", "-r", "湘西州", "-p", "2021年1-6月", "-f", "json", "-w", str(sample_ws)]
    by_level = json.loads(_run(*base, "--rank-by", "level").stdout)
    gdp = _self(by_level, "gdp")
    peers = [r["value"] for r in by_level if r["role"] == "peer" and r["indicator"] == "gdp"]
    assert gdp["rank_basis"] == "level"
    assert gdp["rank"] == 1 + sum(1 for v in peers if v > gdp["value"])
    (sample_ws / "groups.csv").write_text(
        "group,code\n武陵山片区,433100\n武陵山片区,431200\n武陵山片区,430800\n", encoding="utf-8"
    )
    try:
        grouped = json.loads(_run(*base, "--peers", "武陵山片区").stdout)
    finally:
        (sample_ws / "groups.csv").write_text("group,code\n", encoding="utf-8")
    gdp = _self(grouped, "gdp")
    assert (gdp["rank_scope"], gdp["rank_of"]) == ("武陵山片区", 3)
    assert sorted(
        r["region"] for r in grouped if r["role"] == "peer" and r["indicator"] == "gdp"
    ) == ["张家界", "怀化"]


def test_period_without_a_year_takes_the_latest_year_in_the_store(tmp_path):
    """1-6月 is 2021 (the latest 1-6月 the store holds for 湘西州), 1-9月 is 2020 (only then);
    the year used is said on stderr so that the JSON on stdout stays clean; 7-9月 is an error."""
    ws = init_workspace(tmp_path / "ws")
    rows = [
        ("湘西州", "433100", "税收收入", "2020年1-6月", "32.04", "亿元", "-3.2", "", ""),
        ("吉首市", "433101", "税收收入", "2020年1-6月", "9.6", "亿元", "-1.1", "", ""),
        ("湘西州", "433100", "税收收入", "2021年1-6月", "41.21", "亿元", "28.6", "", ""),
        ("吉首市", "433101", "税收收入", "2021年1-6月", "12.5", "亿元", "30.1", "", ""),
        ("湘西州", "433100", "税收收入", "2020年1-9月", "48.3", "亿元", "-1.5", "", ""),
    ]
    try:
        import_files(ws, [_long_csv(tmp_path / "税收.csv", rows)])
    finally:
        ws.close()
    where = ["-r", "湘西州", "-f", "json", "-w", str(tmp_path / "ws")]
    h1 = _run("analyze", "-p", "1-6月", *where)
    assert h1.exit_code == 0, h1.output
    me = next(r for r in json.loads(h1.stdout) if r["role"] == "self")
    assert (me["period"], me["growth_pct"]) == ("2021-01/2021-06", 28.6)
    assert "2021年1-6月" in h1.stderr
    q3 = _run("analyze", "-p", "前三季度", *where)
    assert q3.exit_code == 0, q3.output
    me = next(r for r in json.loads(q3.stdout) if r["role"] == "self")
    assert (me["period"], me["value"]) == ("2020-01/2020-09", 48.3)
    assert "2020年1-9月" in q3.stderr
    table = _run("analyze", "-p", "上半年", "-r", "湘西州", "-w", str(tmp_path / "ws"))
    assert table.exit_code == 0 and "2021年1-6月" in table.stdout
    missing = _run("analyze", "-p", "7-9月", *where)
    assert missing.exit_code == 2
    assert "没有写年份" in missing.output and "Traceback" not in missing.output
