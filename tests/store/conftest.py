"""Files and workspaces for the store's concurrency and crash probes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from xingshi.catalog.regions import RegionCatalog

_INDICATORS = ["社会消费品零售总额", "一般公共预算收入", "税收收入", "固定资产投资"]
_HEADER = "地区,地区代码,指标,时期,数值,单位,增长%,位次,备注\n"
XINGSHI = str(Path(sys.executable).with_name("xingshi"))


def _counties() -> list[tuple[str, str]]:
    frame = RegionCatalog.load().frame()
    rows = frame.filter(frame["level"] == "county").sort("code")
    return list(zip(rows["code"].to_list(), rows["name"].to_list(), strict=True))


def write_long_csv(
    path: Path,
    *,
    counties: slice,
    months: range = range(3, 7),
    years: tuple[int, ...] = (2021,),
    level: bool = True,
    growth: bool = True,
    factor: float = 1.0,
) -> int:
    """A long-format CSV of county figures, deterministic; returns its number of rows."""
    lines = [_HEADER]
    for i, (code, name) in enumerate(_counties()[counties]):
        for j, indicator in enumerate(_INDICATORS):
            for y in years:
                for m in months:
                    lv = f"{round((10 + i % 97 + j + y % 10) * m * factor, 1)}" if level else ""
                    gr = f"{round(5 + (i * 7 + j * 3 + m) % 40 / 10 * factor, 1)}" if growth else ""
                    lines.append(f"{name},{code},{indicator},{y}年1-{m}月,{lv},亿元,{gr},,\n")
    path.write_text("".join(lines), encoding="utf-8")
    return len(lines) - 1


@pytest.fixture
def cli_workspace(db_url: str, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    """A workspace on `db_url` and a runner of the real `xingshi` command against it."""
    ws = tmp_path / "ws"
    env = {**os.environ, "XINGSHI_DATABASE_URL": db_url}
    env.pop("XINGSHI_HOME", None)

    def popen(*args: str) -> subprocess.Popen:
        return subprocess.Popen(
            [XINGSHI, *args, "--workspace", str(ws)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run(*args: str) -> subprocess.CompletedProcess:
        proc = popen(*args)
        out, err = proc.communicate(timeout=600)
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)

    run.popen = popen  # type: ignore[attr-defined]
    run.path = ws  # type: ignore[attr-defined]
    run.env = env  # type: ignore[attr-defined]
    yield run
    shutil.rmtree(ws, ignore_errors=True)
