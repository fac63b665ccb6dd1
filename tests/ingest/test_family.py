"""A file's regions are one family: misspelt counties that land elsewhere are caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from xingshi.errors import ImportRejected
from xingshi.ingest import Catalogs, check_file, import_files
from xingshi.workspace import init_workspace

SAMPLE = (
    Path(__file__).parents[2] / "examples" / "sample" / "2021年1-6月湘西州各县市区主要经济指标.xlsx"
)


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def _renamed(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == old:
                    cell.value = new
    wb.save(path)
    return path


def test_sample_sheet_has_no_findings(catalogs):
    """The sample's county sheet, every county present, reads with 0 findings."""
    assert check_file(SAMPLE, catalogs).findings == []


def test_misspelt_county_in_another_province_is_refused(catalogs, tmp_path):
    """泸西县 (云南) among 湘西州's counties is an error asking whether 泸溪县 was meant."""
    checked = check_file(_renamed(tmp_path, "泸溪县", "泸西县"), catalogs)
    errors = [f for f in checked.errors if f.rule == "outside_family"]
    assert len(errors) == 1
    assert "是否为“泸溪县”？" in errors[0].message
    assert (errors[0].where.sheet, errors[0].where.row, errors[0].where.column) == ("1-6月", 6, "A")
    assert errors[0].data["resolved"] == "532527"
    missing = [f for f in checked.findings if f.rule == "missing_child"]
    assert [f.data["missing"] for f in missing] == [["433122"]]


def test_misspelt_county_writes_nothing(tmp_path):
    """Importing the misspelt sheet is rejected and the store stays empty."""
    ws = init_workspace(tmp_path / "ws")
    try:
        with pytest.raises(ImportRejected) as info:
            import_files(ws, [_renamed(tmp_path, "泸溪县", "泸西县")])
        assert any("泸溪县" in f.message for f in info.value.findings)
        assert ws.store.observations().is_empty()
    finally:
        ws.close()


def test_unknown_name_suggests_sibling(catalogs, tmp_path):
    """A name found nowhere (吉手市) names the sibling it most likely means."""
    checked = check_file(_renamed(tmp_path, "吉首市", "吉手市"), catalogs)
    messages = [f.message for f in checked.errors if f.rule == "unknown_region"]
    assert messages and all("是否为“吉首市”？" in m for m in messages)


def test_missing_county_with_total_is_a_warning(catalogs, tmp_path):
    """A county row left out while 全州 is given is one warning naming it, not an error."""
    path = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, path)
    wb = openpyxl.load_workbook(path)
    wb.active.delete_rows(10)  # 古丈县
    wb.save(path)
    checked = check_file(path, catalogs)
    assert checked.errors == []
    assert [(f.rule, f.data["missing"]) for f in checked.findings] == [
        ("missing_child", ["433126"])
    ]


def _csv(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "small.csv"
    path.write_text("地区,地区生产总值(亿元),增长(%)\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "rows",
    [
        ["吉首市,120,6.0", "泸西县,40,5.5", "凤凰县,60,4.0"],  # two counties and the misspelt one
        ["湘西州,400,5.0", "吉首市,120,6.0", "泸西县,40,5.5"],  # the total, a county, the misspelt
    ],
)
def test_misspelt_county_in_a_small_sheet_is_refused(catalogs, tmp_path, rows):
    """Too few rows for a family of three still catch a name that sounds like a missing sibling."""
    errors = [
        f
        for f in check_file(_csv(tmp_path, rows), catalogs, period="2021年1-6月").findings
        if f.severity == "error"
    ]
    assert [f.rule for f in errors] == ["outside_family"]
    assert "是否为“泸溪县”" in errors[0].message


def test_two_counties_beside_a_foreign_city_are_not_refused(catalogs, tmp_path):
    """A comparison row from elsewhere that resembles no sibling is no misspelling."""
    rows = ["吉首市,120,6.0", "凤凰县,60,4.0", "长沙市,6000,8.0"]
    findings = check_file(_csv(tmp_path, rows), catalogs, period="2021年1-6月").findings
    assert [f for f in findings if f.rule == "outside_family"] == []


def test_ranking_of_34_provincial_units_reads_with_no_findings(catalogs, tmp_path):
    """A ranking page of the "34 个省级行政区" lists 台湾, 香港 and 澳门 beside the 31 provinces:
    they resolve, and neither the family nor the 全国 total asks for them in a 31-province table."""
    from sheets import records, write_sheet

    provinces = [r for r in catalogs.regions.children("100000")]
    assert len(provinces) == 31
    rows = [["2019年全国34个省级行政区GDP排名"], ["排名", "地区", "GDP(亿元)", "增速(%)"]]
    names = [p.short for p in provinces] + ["台湾", "香港", "澳门"]
    for i, name in enumerate(names, start=1):
        rows.append([i, name, 100000 - i * 1000, 6.0])
    checked = check_file(write_sheet(tmp_path / "排名.xlsx", rows), catalogs)
    assert checked.findings == []
    got = records(checked)
    assert got[("810000", "gdp", "2019-01/2019-12")][:2] == (100000 - 33 * 1000, 6.0)
    assert got[("710000", "gdp", "2019-01/2019-12")][:2] == (100000 - 32 * 1000, 6.0)
    # With 全国 and only the 31 provinces, no child is reported missing.
    rows = [rows[0], rows[1], [None, "全国", 990865, 6.1], *rows[2:33]]
    checked = check_file(write_sheet(tmp_path / "31.xlsx", rows), catalogs)
    assert [f.rule for f in checked.findings if f.rule == "missing_child"] == []
