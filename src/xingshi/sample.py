"""The bundled sample dataset: 湘西州 and its counties, 湖南省 and its 14 市州, 2020-2021.

Most values are simulated (marked 示例数据（模拟） in their 备注); the figures the 2021 half-year
speech states for 湘西州 are carried exactly (marked 讲话稿原文). See examples/sample/README.md.

    from xingshi.sample import load_sample
    results = load_sample("xingshi-data")    # creates the workspace if needed, imports the files
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xingshi.errors import InputError, Location

if TYPE_CHECKING:
    from xingshi.workspace import Workspace

SAMPLE_ENV = "XINGSHI_SAMPLE_DIR"
# Import order: the prefecture's own table first, then the province's, then the targets.
SAMPLE_FILES = ("xiangxi_2020-2021.csv", "hunan_2020-2021.csv", "targets_2021.csv")
WORKBOOK_FILE = "2021年1-6月湘西州各县市区主要经济指标.xlsx"


def _candidates() -> list[Path]:
    here = Path(__file__).resolve().parent
    found = []
    if os.environ.get(SAMPLE_ENV):
        found.append(Path(os.environ[SAMPLE_ENV]))
    found += [
        here.parents[1] / "examples" / "sample",  # a checkout: src/xingshi/ → examples/sample
        here / "sample_data",  # a package built with the files copied in
    ]
    return found


def sample_dir() -> Path:
    """The folder holding the sample files, from XINGSHI_SAMPLE_DIR, a checkout or the package."""
    for folder in _candidates():
        if all((folder / name).is_file() for name in SAMPLE_FILES):
            return folder
    raise InputError(
        "找不到示例数据文件",
        where=Location(file=str(_candidates()[0])),
        hint=f"在源码目录中运行，或用环境变量 {SAMPLE_ENV} 指向 examples/sample 目录",
    )


def sample_files(*, workbook: bool = False) -> list[Path]:
    """The sample's long-layout files in import order; with workbook, the wide xlsx last."""
    folder = sample_dir()
    names = [*SAMPLE_FILES, WORKBOOK_FILE] if workbook else list(SAMPLE_FILES)
    return [folder / name for name in names]


def load_sample(workspace: str | Path | Workspace, *, workbook: bool = False) -> list[Any]:
    """Import the sample into a workspace (created if missing); one ImportResult per file.

    Loading twice changes nothing: the second time every record is counted as unchanged.
    """
    from xingshi.ingest import import_files
    from xingshi.workspace import Workspace, init_workspace

    if isinstance(workspace, Workspace):
        return import_files(workspace, sample_files(workbook=workbook))
    ws = init_workspace(workspace)
    try:
        return import_files(ws, sample_files(workbook=workbook))
    finally:
        ws.close()
