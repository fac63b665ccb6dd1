"""Mappings: ``--mapping`` reads a table as the TOML says, ``--save-mapping`` keeps it for the
next file with the same header cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from xingshi.cli import app
from xingshi.errors import LayoutError
from xingshi.ingest.layouts.mapping import load_mapping
from xingshi.workspace import Workspace

PUBLISHED = Path(__file__).resolve().parent / "data" / "published"
MAPPING = PUBLISHED / "mappings" / "上海市统计局-社零月报.toml"
SEP = PUBLISHED / "03-上海市统计局-2022年9月社会消费品零售总额.xlsx"
MAR = PUBLISHED / "04-上海市统计局-2023年3月社会消费品零售总额.xlsx"
runner = CliRunner()


def _retail(ws: Workspace) -> list[tuple]:
    obs = ws.store.observations(regions=["310000"], indicators=["retail"]).sort("period")
    return obs.select("period", "level", "growth_pct").rows()


def test_mapping_then_saved_mapping_reads_next_month(workspace: Workspace):
    """September read with the mapping and saved; March (same header cells) read with it."""
    first = runner.invoke(
        app,
        [
            *("import", str(SEP), "--mapping", str(MAPPING)),
            *("--save-mapping", "上海社零月报", "--workspace", str(workspace.path)),
        ],
    )
    assert first.exit_code == 0, first.output
    assert (workspace.path / "mappings" / "上海社零月报.toml").is_file()
    second = runner.invoke(app, ["import", str(MAR), "--workspace", str(workspace.path)])
    assert second.exit_code == 0, second.output
    assert "按工作区保存的映射“上海社零月报”读取" in second.output
    assert _retail(workspace) == [
        ("2022-01/2022-09", 11864.63, -10.7),
        ("2022-09/2022-09", 1478.53, 0.3),
        ("2023-01/2023-03", 4611.01, 5.2),
        ("2023-03/2023-03", 1545.21, 25.5),
    ]


def test_mapping_errors_name_the_key(tmp_path):
    """A mapping without header_row, or with a bad measure, is refused naming what is wrong."""
    bad = tmp_path / "bad.toml"
    bad.write_text('indicator = "A"\n[[columns]]\ncolumn = "B"\n', encoding="utf-8")
    with pytest.raises(LayoutError, match="header_row"):
        load_mapping(bad)
    bad.write_text(
        'header_row = 3\nindicator = "A"\n[[columns]]\ncolumn = "B"\nmeasure = "总量"\n',
        encoding="utf-8",
    )
    with pytest.raises(LayoutError, match="measure"):
        load_mapping(bad)
