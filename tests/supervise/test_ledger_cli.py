"""`xingshi ledger import/export/notice`: Chinese output, exit code 2 on a bad file, files."""

from __future__ import annotations

from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from xingshi.catalog.indicators import IndicatorCatalog
from xingshi.cli import app as cli_app
from xingshi.settings import Settings

from .conftest import LEDGER


def test_import_export_notice(workspace, tmp_path) -> None:
    """The sample imports with its counts; a second import is refused naming the duplicates."""
    ws = str(workspace.path)
    out = CliRunner().invoke(cli_app, ["ledger", "import", str(LEDGER), "-w", ws])
    assert out.exit_code == 0, out.output
    text = out.output.replace("\n", "")
    assert "重点项目 30 个" in text and "问题 137 个（已完成 95 个）" in text
    assert "发现问题 0 条" in text
    again = CliRunner().invoke(cli_app, ["ledger", "import", str(LEDGER), "-w", ws])
    assert again.exit_code == 2
    said = again.output.replace("\n", "")
    assert "未导入任何数据" in said and "工作表 重点项目，第3行，A列" in said
    xlsx = tmp_path / "台账.xlsx"
    assert CliRunner().invoke(cli_app, ["ledger", "export", str(xlsx), "-w", ws]).exit_code == 0
    assert load_workbook(xlsx)["重点项目"].max_row == 32  # title, header, 30 projects
    docx = tmp_path / "通报.docx"
    r = CliRunner().invoke(
        cli_app,
        ["ledger", "notice", str(docx), "--region", "湘西州", "--period", "2021年1-6月", "-w", ws],
    )
    assert r.exit_code == 0, r.output
    body = "\n".join(p.text for p in Document(docx).paragraphs)
    assert "督 查 通 报" in body and "梳理问题137个，已完成95个" in body
    cells = {c.text for t in Document(docx).tables for row in t.rows for c in row.cells}
    assert "XM2021-030" in cells  # every lagging row carries its ledger code


def test_indicator_units_name_catalogue_indicators() -> None:
    """Each indicator of the default indicator → unit mapping exists in the catalogue."""
    cat = IndicatorCatalog.load()
    for code, unit in Settings().supervise.indicator_units:
        assert cat.resolve(code).code == code and unit


def test_default_rules_are_the_issue_s() -> None:
    """Defaults: 10/30 points, 3 months not started, 1/2 months unregistered, 3 working days."""
    s = Settings().supervise
    assert (s.behind_yellow_pp, s.behind_red_pp, s.not_started_red_months) == (10.0, 30.0, 3)
    assert (s.unregistered_yellow_months, s.unregistered_red_months) == (1, 2)
    assert s.due_soon_working_days == 3
