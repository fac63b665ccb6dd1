"""The hostile-file corpus through the real CLI: exit 0 or 2, a Chinese message naming the place,
never a traceback, and a rejected file leaves the store byte-identical."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xingshi.cli import app
from xingshi.store import Store

DATA = Path(__file__).resolve().parent / "data"
HOSTILE = DATA / "hostile"
runner = CliRunner()

# file → (exit code, text the message must hold; compared with all whitespace removed because
# the console wraps long lines)
EXPECTED: dict[str, tuple[int, str | None]] = {
    "01-工作表XML被截断.xlsx": (2, "工作表数据，第27行：工作表已损坏"),
    "02-文件被截断.xlsx": (2, "不完整或被截断"),
    "03-压缩包不是xlsx.xlsx": (2, "这是压缩包，不是Excel工作簿"),
    "04-单元格超过131072字符.csv": (2, "第4行：单元格太长"),
    "05-引号没有闭合.csv": (2, "第4行：CSV格式错误：双引号没有闭合"),
    "06-加密的工作簿.xlsx": (2, "文件已加密，请去掉密码后另存"),
    "07-网页另存为.xls": (2, "这是网页（HTML）文件"),
    "08-网页改名.xlsx": (2, "这是网页（HTML）文件"),
    "09-XML表格2003.xls": (2, "XML表格（Excel2003XML）"),
    "10-时期是日期序列号.xlsx": (2, "第2行，C列，值“44348”：时期单元格是一个日期序列号"),
    "11-合并单元格中的数字.xlsx": (0, "合并单元格F3:F4"),
    "12-数值1e308.csv": (2, "第2行，D列，值“1e+308”：数值不合理"),
    "13-年份9999.csv": (2, "年份9999超出可用范围"),
    "14-含NUL字节.csv": (2, "第4行：这不是文本表格文件（含二进制内容：空字符NUL）"),
    "15-混合编码.csv": (2, "第3行，值“0xE3”：文件编码错误"),
    "16-UTF16无BOM.csv": (0, None),
    "17-十万列.csv": (2, "第1行：列数太多"),
    "18-只有公式.xlsx": (2, "公式没有计算结果"),
    "19-全角数字.csv": (0, None),
    "20-占位符.csv": (2, "第4行，D列，值“x”：数值单元格不是数字"),
    "21-SQL样的名称.csv": (2, "未知地区“吉首市';DROPTABLEreleases;--”"),
    "22-隐藏的工作表.xlsx": (0, "工作表上月：隐藏的工作表，已跳过"),
    "23-一千个空工作表.xlsx": (0, None),
    "24-一千个空工作表无数据.xlsx": (2, "工作表为空"),
    "25-表头前一千个空行.csv": (0, None),
    "26-表头前一千个空行.xlsx": (0, None),
    "27-只有BOM.csv": (2, "工作表为空"),
    "28-只有表头.csv": (2, "文件中没有可导入的数据"),
    "29-随机字节.csv": (2, "这不是文本表格文件"),
    "30-PDF改名.xlsx": (2, "内容不是Excel工作簿"),
    "31-空压缩包.xlsx": (2, "内容不是Excel工作簿"),
    "32-单元格超过32767字符.xlsx": (2, "工作表数据，第4行，A列：单元格太长：40000个字符"),
    "33-数值inf和nan.csv": (2, "第2行，D列，值“inf”：数值单元格不是数字"),
    "34-数值1e400.csv": (2, "值“1e400”：数值单元格不是数字"),
    "35-只有逗号.csv": (2, "工作表为空"),
    "36-文件名[bold]含方括号.csv": (2, "未知地区“[red]吉首[/]县”"),
    "37-控制字符.csv": (2, "第2行，A列"),
    "38-时期是日期序列号.csv": (2, "日期序列号44378（即2021-07-01）"),
    "39-维度声明为最大范围.xlsx": (0, None),
    "40-OLE文件不是Excel.xls": (2, "这不是Excel工作簿"),
    "41-分号分隔.csv": (2, "无法识别表格格式"),
    "42-GBK正常文件.csv": (0, None),
    "43-表情符号地区.csv": (2, "未知地区“吉首市🎉”"),
    "44-三百行重复.csv": (2, "另有249个同类错误未列出（共299个）"),
    "45-三百个未知地区.csv": (2, "另有250个同类错误未列出（共300个）"),
    "46-xlsx中的数值1e308.xlsx": (2, "数量级不合理"),
    "47-Word文档被截断.xlsx": (2, "这是Word文档，不是Excel工作簿"),
    "48-共享字符串损坏.xlsx": (0, None),
    "49-目标年度9999.csv": (2, "第2行，值“8.0”：年度不合理：9999年不在合理范围1949-2050年内"),
}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding one good import, copied afresh for each file."""
    path = tmp_path_factory.mktemp("hostile") / "ws"
    assert runner.invoke(app, ["init", str(path)]).exit_code == 0
    good = DATA / "good" / "社零-2021年1-5月.csv"
    result = runner.invoke(app, ["import", str(good), "--workspace", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_corpus_is_complete_and_large_enough():
    """Every file of the corpus has its expectation, and there are at least 40 kinds."""
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_exits_cleanly(name: str, seeded: Path, tmp_path: Path, monkeypatch):
    """Exit 0 or 2 as expected, no traceback, the place named; a rejection changes nothing."""
    monkeypatch.delenv("XINGSHI_DATABASE_URL", raising=False)
    ws = tmp_path / "ws"
    shutil.copytree(seeded, ws)
    with Store.for_workspace(ws) as store:
        before = store.dump()
    result = runner.invoke(app, ["import", str(HOSTILE / name), "--workspace", str(ws)])
    code, text = EXPECTED[name]
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    assert result.exit_code == code, result.output
    flat = re.sub(r"\s+", "", result.output)
    assert re.sub(r"\s+", "", name) in flat  # the file is named
    assert re.search(r"[\u4e00-\u9fff]", result.output)
    if text is not None:
        assert text in flat, result.output
    with Store.for_workspace(ws) as store:
        after = store.dump()
        releases = store.releases().height
    if code == 2:
        assert after == before
    else:
        assert releases == 2


def test_cell_text_is_not_echoed_whole(seeded: Path, tmp_path: Path, monkeypatch):
    """A 30,000-character cell is named by its first characters and its length, not repeated."""
    monkeypatch.delenv("XINGSHI_DATABASE_URL", raising=False)
    ws = tmp_path / "ws"
    shutil.copytree(seeded, ws)
    path = tmp_path / "长单元格.csv"
    path.write_text(
        "地区,指标,时期,数值,单位,增长%\n" + "字" * 30_000 + ",地区生产总值,2021年1-6月,1,亿元,1\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(path), "--workspace", str(ws)])
    assert result.exit_code == 2
    assert "（共 30000 字）" in result.output
    assert len(result.output) < 2_000


@pytest.mark.parametrize(
    "name", ["01-工作表XML被截断.xlsx", "05-引号没有闭合.csv", "06-加密的工作簿.xlsx"]
)
def test_installed_command_prints_no_traceback(name: str, seeded: Path, tmp_path: Path):
    """The installed `xingshi` program itself (a child process) exits 2 with no traceback."""
    ws = tmp_path / "ws"
    shutil.copytree(seeded, ws)
    env = {k: v for k, v in os.environ.items() if k != "XINGSHI_DATABASE_URL"}
    program = Path(sys.executable).with_name("xingshi")
    done = subprocess.run(
        [str(program), "import", str(HOSTILE / name), "--workspace", str(ws)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert name in re.sub(r"\s+", "", done.stderr)
