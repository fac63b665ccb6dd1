"""The `xingshi init` and `xingshi releases` commands, run for real and checked on disk."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from xingshi.cli import app
from xingshi.store import ImportBatch
from xingshi.workspace import open_workspace


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.delenv("XINGSHI_DATABASE_URL", raising=False)
    monkeypatch.delenv("XINGSHI_HOME", raising=False)
    return CliRunner()


def test_init_lists_what_it_created_and_then_nothing(runner: CliRunner, tmp_path: Path) -> None:
    """init prints each new file in Chinese; a second init creates nothing and says so."""
    target = tmp_path / "湘西州工作区"
    first = runner.invoke(app, ["init", str(target)])
    assert first.exit_code == 0, first.output
    for name in ("xingshi.toml", "regions.csv", "groups.csv", "indicators.toml", "xingshi.db"):
        assert f"新建 {name}" in first.output
        assert (target / name).exists()
    second = runner.invoke(app, ["init", str(target)])
    assert second.exit_code == 0
    assert "没有新建文件" in second.output


def test_init_defaults_to_xingshi_home(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without DIR, init uses XINGSHI_HOME (and --workspace wins over it)."""
    monkeypatch.setenv("XINGSHI_HOME", str(tmp_path / "home"))
    assert runner.invoke(app, ["init"]).exit_code == 0
    assert (tmp_path / "home" / "xingshi.toml").exists()
    assert runner.invoke(app, ["init", "--workspace", str(tmp_path / "w")]).exit_code == 0
    assert (tmp_path / "w" / "xingshi.db").exists()


def test_releases_lists_imports(runner: CliRunner, tmp_path: Path) -> None:
    """releases shows each release with its file name and counts."""
    ws_dir = tmp_path / "ws"
    assert runner.invoke(app, ["init", str(ws_dir)]).exit_code == 0
    empty = runner.invoke(app, ["releases", "-w", str(ws_dir)])
    assert empty.exit_code == 0 and "还没有导入任何数据" in empty.output
    ws = open_workspace(ws_dir)
    frame = pl.DataFrame(
        {
            "region_code": ["433100", "433123"],
            "indicator": ["retail", "retail"],
            "year": [2021, 2021],
            "first_month": [1, 1],
            "last_month": [6, 6],
            "level": [180.5, 21.3],
            "unit": ["亿元", "亿元"],
        }
    )
    ws.store.write_release(
        ImportBatch("/数据/社零.xlsx", description="上半年社零", observations=frame)
    )
    ws.store.write_release(
        ImportBatch("/数据/社零.xlsx", description="重复导入", observations=frame)
    )
    ws.close()
    out = runner.invoke(app, ["releases", "-w", str(ws_dir)], terminal_width=160)
    assert out.exit_code == 0, out.output
    lines = [line for line in out.output.splitlines() if "社零.xlsx" in line]
    assert len(lines) == 2
    assert [c.strip() for c in lines[0].split("│")[3:9]] == [
        "社零.xlsx",
        "上半年社零",
        "2",
        "0",
        "0",
        "0",
    ]
    assert [c.strip() for c in lines[1].split("│")[3:9]] == [
        "社零.xlsx",
        "重复导入",
        "0",
        "0",
        "2",
        "0",
    ]


def test_releases_without_workspace_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    """releases on a directory that is not a workspace prints the error and hint, exit code 2."""
    out = runner.invoke(app, ["releases", "-w", str(tmp_path / "无")])
    assert out.exit_code == 2
    text = "".join(out.output.split())  # the console wraps long lines
    assert "工作区目录不存在" in text and "提示：先运行xingshiinit" in text
    assert "Traceback" not in out.output
