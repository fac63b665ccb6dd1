"""A 全年目标 column beside a report's figures is read as the year's targets (issue: target
columns read as targets, not regions): growth targets, ranges, a rate's own target, an amount
target in a header's unit; a cell that does not say which kind is left out with a warning."""

from __future__ import annotations

from sheets import write_sheet as _sheet

from xingshi.ingest import check_file, import_files
from xingshi.workspace import init_workspace


def _targets(checked) -> dict[tuple[str, str, int], tuple]:
    return {
        (r["region_code"], r["indicator"], r["year"]): (r["target_kind"], r["value"], r["note"])
        for r in checked.normalized.targets.iter_rows(named=True)
    }


_REPORT = [
    ["湘西州2023年1-6月主要经济指标完成情况"],
    ["指标名称", "计量单位", "全年目标", "1-6月", "同比增长%", "完成目标进度%"],
    ["地区生产总值", "亿元", "7.5%左右", 342.1, 5.2, None],
    ["规模工业增加值", "%", "8.1-8.6", "—", 6.1, None],
    ["社会消费品零售总额", "亿元", 9, 150.3, 6.0, 48.2],
    ["城镇调查失业率", "%", "5.5以内", 5.2, None, None],
]


def test_growth_targets_ranges_and_a_rates_own_target(catalogs, tmp_path):
    checked = check_file(_sheet(tmp_path / "湘西.xlsx", _REPORT), catalogs)
    assert [f for f in checked.findings if f.severity == "error"] == []
    got = _targets(checked)
    assert got[("433100", "gdp", 2023)] == ("growth", 7.5, "左右")
    assert got[("433100", "industry_va", 2023)] == ("growth", 8.1, "目标区间 8.1-8.6")
    assert got[("433100", "unemployment", 2023)] == ("level", 5.5, "以内")
    # 9 beside 亿元 may be 9% or 9 亿元: not guessed, named in a warning.
    assert ("433100", "retail", 2023) not in got
    [warning] = [f for f in checked.findings if f.rule == "target_kind"]
    assert (warning.severity, warning.where.row, warning.where.column) == ("warning", 5, "C")


def test_amount_target_in_the_headers_unit(catalogs, tmp_path):
    path = _sheet(
        tmp_path / "泸溪.xlsx",
        [
            ["泸溪县2024年1-3月主要经济指标"],
            ["指标", "全年目标(亿元)", "1-3月", "增长%"],
            ["社会消费品零售总额", 45, 11.2, 6.3],
        ],
    )
    got = _targets(check_file(path, catalogs))
    assert got[("433122", "retail", 2024)] == ("level", 45.0, None)


def test_targets_land_in_the_store_beside_the_figures(tmp_path):
    ws = init_workspace(tmp_path / "ws")
    try:
        import_files(ws, [_sheet(tmp_path / "湘西.xlsx", _REPORT)])
        targets = ws.store.targets()
        assert set(targets["indicator"]) == {"gdp", "industry_va", "unemployment"}
        obs = ws.store.observations()
        assert ("gdp", 342.1) in set(zip(obs["indicator"], obs["level"], strict=True))
    finally:
        ws.close()


def test_target_sub_column_of_a_wide_table(catalogs, tmp_path):
    """县市区 | 地区生产总值 over 全年目标 | 1-6月 | 增长%: each county's target; a growth beside
    an amount column only when the cell says so (7.5%), else left out with a warning; under an
    indicator with growth columns only, the target is a growth."""
    path = _sheet(
        tmp_path / "湘西州2023年1-6月各县市主要指标.xlsx",
        [
            ["湘西州2023年1-6月各县市主要指标"],
            ["县市区", "地区生产总值", None, None, "规模工业增加值", None],
            [None, "全年目标", "1-6月", "增长%", "全年目标", "增长%"],
            ["吉首市", "7.5%", 120.5, 5.1, 8, 6.2],
            ["泸溪县", 7, 30.2, 4.8, "8.5-9", 7.1],
        ],
    )
    checked = check_file(path, catalogs)
    assert [f for f in checked.findings if f.severity == "error"] == []
    got = _targets(checked)
    assert got[("433101", "gdp", 2023)] == ("growth", 7.5, None)
    assert ("433122", "gdp", 2023) not in got  # 7 beside 1-6月 amounts: 7% or 7 亿元?
    assert got[("433101", "industry_va", 2023)] == ("growth", 8.0, None)
    assert got[("433122", "industry_va", 2023)] == ("growth", 8.5, "目标区间 8.5-9")
    obs = checked.normalized.observations
    assert ("433101", "gdp", 120.5) in set(
        zip(obs["region_code"], obs["indicator"], obs["level"], strict=True)
    )
