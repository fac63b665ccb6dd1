"""The import, show and warnings commands, run through the CLI and checked in the database."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from xingshi.cli import app
from xingshi.store import Store
from xingshi.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
LAYOUTS = ROOT / "examples" / "layouts"
DATA = Path(__file__).resolve().parent / "data"
runner = CliRunner()


def _run(ws: Workspace, *args: str):
    return runner.invoke(app, [*args, "--workspace", str(ws.path)])


def test_nbs_exports_then_show_hunan_2021_gdp(workspace: Workspace):
    """All seven NBS exports import via the CLI; show gives Hunan's 2021 GDP growth as 7.6."""
    files = sorted(str(p) for p in (DATA / "nbs").glob("*.csv"))
    result = _run(workspace, "import", *files)
    assert result.exit_code == 0, result.output
    assert "导入结果" in result.output and "地区生产总值指数（近十年）.csv" in result.output
    shown = _run(workspace, "show", "--region", "湖南省", "--period", "2021", "--format", "json")
    assert shown.exit_code == 0, shown.output
    records = json.loads(shown.output)
    gdp = next(r for r in records if r["indicator"] == "gdp")
    assert (gdp["region"], gdp["period"], gdp["growth_pct"]) == ("湖南省", "2021年", 7.6)
    # The index file gives growth only: the level from the accounts file stays (store contract).
    assert gdp["level"] == 45751.9
    assert gdp["source"].split("!")[0] in {p.rsplit("/", 1)[-1] for p in files}
    # Re-read the database itself, not the command's output.
    with Store.for_workspace(workspace.path) as store:
        row = store.observations(regions=["430000"], indicators=["gdp"], periods=["2021"])
        assert row.select("growth_pct", "release_id").row(0) == (7.6, gdp["release_id"])
        assert store.releases().height == 7


def test_import_twice_reports_unchanged(workspace: Workspace):
    """The second import of a file prints 0 inserted and every record unchanged."""
    path = str(LAYOUTS / "长表-湘西州-2021年1-6月.csv")
    assert _run(workspace, "import", path).exit_code == 0
    again = _run(workspace, "import", path)
    assert again.exit_code == 0
    row = next(line for line in again.output.splitlines() if "长表" in line)
    cells = [c.strip() for c in row.split("│")]
    assert cells[2:7] == ["2", "0", "0", "25", "0"]


def test_rejected_file_exits_2_with_every_error_and_no_traceback(workspace: Workspace):
    """A file with errors exits 2, lists the rule and place of each, and writes nothing."""
    before = workspace.store.dump()
    result = _run(workspace, "import", str(DATA / "bad" / "16-单位不相容.csv"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "未通过审核" in result.output
    assert "[unit_clash] 文件 16-单位不相容.csv，第3行，E列，值“家”" in result.output
    assert workspace.store.dump() == before


def test_unreadable_file_exits_2_with_hint(workspace: Workspace):
    """A renamed image is a file-format error with a hint, not a traceback."""
    result = _run(workspace, "import", str(DATA / "bad" / "01-图片改名.xlsx"))
    assert result.exit_code == 2
    assert "不是 Excel 工作簿" in result.output and "提示：" in result.output
    assert "Traceback" not in result.output


def test_show_table_region_and_children(workspace: Workspace):
    """show prints the region's indicators and its counties' growth table."""
    assert (
        _run(
            workspace, "import", str(LAYOUTS / "宽表-湘西州2021年上半年主要经济指标.xlsx")
        ).exit_code
        == 0
    )
    result = _run(workspace, "show", "--region", "湘西州", "--period", "2021年1-6月")
    assert result.exit_code == 0, result.output
    assert "湘西州 2021年1-6月 主要指标" in result.output
    assert "湘西州下辖地区" in result.output
    for name in ("吉首市", "泸溪县", "龙山县", "地区生产总值", "社会消费品零售总额", "120.28"):
        assert name in result.output


def test_show_csv_out_and_as_of(workspace: Workspace, tmp_path: Path):
    """--format csv --out writes the records; --as-of shows the figures of an earlier release."""
    wide = str(LAYOUTS / "宽表-湘西州2021年上半年主要经济指标.xlsx")
    long = tmp_path / "修订.csv"
    long.write_text(
        "地区,指标,时期,数值,单位\n吉首市,地区生产总值,2021年1-6月,151.0,亿元\n", encoding="utf-8"
    )
    assert _run(workspace, "import", wide).exit_code == 0
    assert _run(workspace, "import", str(long)).exit_code == 0
    out = tmp_path / "吉首.csv"
    args = ["show", "-r", "湘西州", "-p", "2021年上半年", "-f", "csv", "-o", str(out)]
    assert _run(workspace, *args).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    jishou = next(r for r in rows if r["地区"] == "吉首市" and r["指标代码"] == "gdp")
    assert (jishou["绝对值"], jishou["版本"], jishou["来源"]) == ("151.0", "2", "修订.csv!D2")
    assert list(rows[0]) == [
        "区划代码", "地区", "指标代码", "指标", "时期", "绝对值", "单位", "增长%", "位次",
        "总量位次", "版本", "来源",
    ]  # fmt: skip
    earlier = _run(workspace, *args[:-2], "--as-of", "1")
    old = next(r for r in csv.DictReader(earlier.output.splitlines()) if r["地区"] == "吉首市")
    assert (old["绝对值"], old["版本"]) == ("150.2", "1")


def test_warnings_command_lists_stored_warnings(workspace: Workspace, tmp_path: Path):
    """Warnings found at import are listed by `xingshi warnings` with rule and place."""
    path = tmp_path / "社零.csv"
    path.write_text(
        "地区,指标,时期,数值,单位,增长%\n"
        "吉首市,社会消费品零售总额,2020年1-6月,40.0,亿元,\n"
        "吉首市,社会消费品零售总额,2021年1-6月,45.0,亿元,20.0\n",
        encoding="utf-8",
    )
    imported = _run(workspace, "import", str(path))
    assert imported.exit_code == 0 and "growth_mismatch" in imported.output
    result = _run(workspace, "warnings", "--release", "1")
    assert result.exit_code == 0
    assert "growth_mismatch" in result.output and "第3行" in result.output
    assert "没有警告" in _run(workspace, "warnings", "--release", "2").output


def test_dry_run_lists_findings_and_writes_nothing(workspace: Workspace):
    """--dry-run checks every file, prints each finding, exits 2 on errors and writes nothing."""
    before = workspace.store.dump()
    good = str(LAYOUTS / "长表-湘西州-2021年1-6月.csv")
    bad = str(DATA / "bad" / "19-重复行.csv")
    result = _run(workspace, "import", "--dry-run", good, bad)
    assert result.exit_code == 2
    assert "通过 长表-湘西州-2021年1-6月.csv：25 条数据，0 个错误，0 个警告" in result.output
    assert "未通过 19-重复行.csv：3 条数据，1 个错误，0 个警告" in result.output
    assert "[duplicate] 文件 19-重复行.csv，第4行，A列" in result.output
    assert workspace.store.dump() == before
    assert _run(workspace, "import", "--dry-run", good).exit_code == 0
