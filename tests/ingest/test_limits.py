"""Limits and plausibility settings: documented, read from xingshi.toml, and applied on import."""

from __future__ import annotations

import io
import zipfile
from dataclasses import fields
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from xingshi.cli import app
from xingshi.errors import FileFormatError, ImportRejected, WorkspaceError
from xingshi.extract.readers import read_document
from xingshi.ingest import Catalogs, check_file, import_file
from xingshi.settings import ChecksSection, LimitsSection, Settings

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
LONG = "地区,指标,时期,数值,单位,增长%\n"


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def _csv(tmp_path: Path, text: str, name: str = "表.csv") -> Path:
    path = tmp_path / name
    path.write_text(LONG + text, encoding="utf-8")
    return path


def test_every_limit_and_new_check_setting_is_documented():
    """Each [limits] field and the new [checks] thresholds appear in docs/IMPORT.md by name."""
    doc = (ROOT / "docs" / "IMPORT.md").read_text(encoding="utf-8")
    names = [f"limits.{f.name}" for f in fields(LimitsSection)]
    names += ["checks.plausible_level_max", "checks.plausible_years"]
    assert [n for n in names if f"`{n}`" not in doc] == []
    assert {f.name for f in fields(ChecksSection)} >= {"plausible_level_max", "plausible_years"}
    rules = ("encrypted", "csv_quote", "too_large", "merged_cells")
    assert [r for r in rules if f"`{r}`" not in doc] == []


def test_limits_must_be_positive():
    """A limit of zero is refused with the setting's name, not accepted silently."""
    with pytest.raises(WorkspaceError) as info:
        Settings.from_toml("[limits]\nmax_rows = 0\n")
    assert "limits.max_rows" in info.value.message


def test_row_limit_from_settings(tmp_path, catalogs):
    """max_rows = 3 refuses a five-line file at the row past the limit, naming the setting."""
    path = _csv(tmp_path, "吉首市,地区生产总值,2021年1-6月,150.2,亿元,13.1\n" * 4)
    settings = Settings.from_toml("[limits]\nmax_rows = 3\n")
    with pytest.raises(FileFormatError) as info:
        check_file(path, catalogs, settings=settings)
    assert (info.value.rule, info.value.where.row) == ("too_large", 4)
    assert "max_rows" in info.value.hint


def test_file_size_limit(tmp_path, catalogs):
    """A file over max_file_mb is refused before it is read."""
    path = _csv(tmp_path, "吉首市,地区生产总值,2021年1-6月,150.2,亿元,13.1\n" * 30_000)
    settings = Settings.from_toml("[limits]\nmax_file_mb = 1\n")
    with pytest.raises(FileFormatError) as info:
        check_file(path, catalogs, settings=settings)
    assert info.value.rule == "too_large" and "MB" in info.value.message


def test_findings_capped_with_a_count_of_the_rest(store, tmp_path, catalogs):
    """Five copies of a row: two duplicates listed, one line counting the other two, all four
    counted in the message, and nothing written."""
    path = _csv(tmp_path, "吉首市,地区生产总值,2021年1-6月,150.2,亿元,13.1\n" * 5)
    settings = Settings.from_toml("[limits]\nmax_findings_per_rule = 2\n")
    before = store.dump()
    with pytest.raises(ImportRejected) as info:
        import_file(store, path, catalogs, settings=settings)
    found = info.value.findings
    assert [f.where.row for f in found[:2]] == [3, 4]
    assert found[2].message == "另有 2 个同类错误未列出（共 4 个）"
    assert found[2].data == {"omitted": 2, "total": 4}
    assert "4 个错误" in info.value.message
    assert store.dump() == before


def test_plausibility_thresholds_from_settings(tmp_path, catalogs):
    """A level over plausible_level_max and a year outside plausible_years are errors there."""
    path = _csv(
        tmp_path,
        "吉首市,地区生产总值,2021年1-6月,150.2,亿元,13.1\n泸溪县,地区生产总值,2019年1-6月,45.3,亿元,1\n",
    )
    settings = Settings.from_toml(
        "[checks]\nplausible_level_max = 100\nplausible_years = [2020, 2030]\n"
    )
    checked = check_file(path, catalogs, settings=settings)
    got = [(f.rule, f.where.row, f.where.column) for f in checked.errors]
    assert got == [("implausible", 2, "D"), ("implausible", 3, "A")]
    assert "年份不合理：2019 年" in checked.errors[1].message
    assert check_file(path, catalogs, settings=Settings()).errors == []


def test_merged_number_warning_names_the_range(catalogs):
    """A growth merged down over the next region's row is a merged_cells warning at F3:F4."""
    checked = check_file(HOSTILE / "11-合并单元格中的数字.xlsx", catalogs, settings=Settings())
    merged = [f for f in checked.findings if f.rule == "merged_cells"]
    assert [(f.severity, f.data["range"], f.where.row, f.where.column) for f in merged] == [
        ("warning", "F3:F4", 3, "F")
    ]


def test_region_suggestions_cached_and_bounded(catalogs):
    """Suggestions are computed once per name; a long text gets none instead of a slow search."""
    regions = catalogs.regions
    first = regions.suggestions("吉首县")
    assert "吉首" in first
    assert regions.suggestions("吉首县") is first
    assert regions.suggestions("吉首县" * 20) == []
    with pytest.raises(Exception) as info:
        regions.resolve("吉首县")
    assert "是否指" in info.value.hint


def _broken_docx(path: Path) -> Path:
    buf = io.BytesIO()
    Document().save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                body = body[: len(body) // 2]
            dst.writestr(item, body)
    path.write_bytes(out.getvalue())
    return path


def test_extract_docx_with_broken_xml_is_an_input_error(tmp_path):
    """A docx whose document XML is cut is a FileFormatError, and the command exits 2 cleanly."""
    path = _broken_docx(tmp_path / "讲话稿.docx")
    with pytest.raises(FileFormatError) as info:
        read_document(path)
    assert "已损坏" in info.value.message
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "讲话稿.docx" in result.output and "Traceback" not in result.output


def test_workbook_that_unpacks_far_beyond_its_size_is_refused(tmp_path, catalogs):
    """An xlsx whose XML unpacks to over ten times max_file_mb is refused before parsing."""
    from openpyxl import Workbook

    wb = Workbook()
    for _ in range(20_000):
        wb.active.append([1, 1, 1, 1, 1, 1])
    path = tmp_path / "压缩比很高.xlsx"
    wb.save(path)
    size_mb = path.stat().st_size / 1024 / 1024
    settings = Settings.from_toml(f"[limits]\nmax_file_mb = {size_mb * 1.5:.4f}\n")
    with pytest.raises(FileFormatError) as info:
        check_file(path, catalogs, settings=settings)
    assert info.value.rule == "too_large" and "解压后" in info.value.message
