"""The frame checks on small real files: ranks and ties, rank groups, sums, cumulative flows."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from xingshi.ingest import Catalogs, check_file, import_file

COUNTIES = ["吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "古丈县", "永顺县", "龙山县"]


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def _long(path: Path, rows: list[str]) -> Path:
    path.write_text(
        "地区,指标,时期,数值,单位,增长%,位次\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    return path


def _rules(checked) -> list[tuple[str, str, int | None, str | None]]:
    return [(f.rule, f.severity, f.where.row, f.where.column) for f in checked.findings]


def test_tied_growth_shares_rank(catalogs, tmp_path):
    """Equal growth rates share a rank and the next rank is skipped (1, 2, 2, 4, …)."""
    growth = [15.3, 14.2, 14.2, 12.0, 11.8, 11.2, 10.5, 9.6]
    ranks = [1, 2, 2, 4, 5, 6, 7, 8]
    rows = [
        f"{c},规模工业增加值,2021年1-6月,,,{g},{r}"
        for c, g, r in zip(COUNTIES, growth, ranks, strict=True)
    ]
    assert _rules(check_file(_long(tmp_path / "并列.csv", rows), catalogs)) == []


def test_tie_broken_wrongly_is_reported(catalogs, tmp_path):
    """A rank of 3 after two regions tied at 2 contradicts the growth rates."""
    growth = [15.3, 14.2, 14.2, 12.0, 11.8, 11.2, 10.5, 9.6]
    ranks = [1, 2, 2, 3, 5, 6, 7, 8]
    rows = [
        f"{c},规模工业增加值,2021年1-6月,,,{g},{r}"
        for c, g, r in zip(COUNTIES, growth, ranks, strict=True)
    ]
    checked = check_file(_long(tmp_path / "并列错.csv", rows), catalogs)
    assert _rules(checked) == [("rank_contradiction", "error", 5, "G")]
    assert "应为第4位" in checked.findings[0].message


def test_rank_in_wider_group_only_lower_bound(catalogs, tmp_path):
    """Ranks among all counties of the province (beyond 8 peers) are checked only from below."""
    rows = [
        "吉首市,规模工业增加值,2021年1-6月,,,15.3,12",
        "泸溪县,规模工业增加值,2021年1-6月,,,14.2,30",
        "凤凰县,规模工业增加值,2021年1-6月,,,10.5,95",
    ]
    assert _rules(check_file(_long(tmp_path / "全省排名.csv", rows), catalogs)) == []
    rows[2] = "凤凰县,规模工业增加值,2021年1-6月,,,10.5,1"
    checked = check_file(_long(tmp_path / "全省排名错.csv", rows), catalogs)
    assert _rules(checked) == [("rank_contradiction", "error", 4, "G")]


def test_rank_by_level_when_header_says_total(catalogs, tmp_path):
    """A 总量位次 column ranks by level, not by growth."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2021年1-6月各县市区地区生产总值"])
    ws.append(["县市区", "地区生产总值", None, None])
    ws.append([None, "绝对值(亿元)", "增速%", "总量位次"])
    levels = [150.2, 45.3, 60.1, 48.7, 30.2, 18.9, 45.6, 55.8]
    order = sorted(levels, reverse=True)
    for county, level in zip(COUNTIES, levels, strict=True):
        ws.append([county, level, 10.0, order.index(level) + 1])
    path = tmp_path / "总量位次.xlsx"
    wb.save(path)
    assert _rules(check_file(path, catalogs)) == []
    ws["D4"] = 2  # 吉首市 is the largest: 2 is wrong even though growth rates are all equal
    wb.save(path)
    assert _rules(check_file(path, catalogs)) == [("rank_contradiction", "error", 4, "D")]


def test_gdp_children_sum_has_wider_tolerance(catalogs, tmp_path):
    """GDP children 3% off the parent pass; 10% off is a warning, never an error."""

    def rows(parent: float) -> list[str]:
        return [f"湘西州,地区生产总值,2021年1-6月,{parent},亿元,,"] + [
            f"{c},地区生产总值,2021年1-6月,50,亿元,," for c in COUNTIES
        ]

    assert _rules(check_file(_long(tmp_path / "近似.csv", rows(412.0)), catalogs)) == []
    checked = check_file(_long(tmp_path / "不符.csv", rows(445.0)), catalogs)
    assert _rules(checked) == [("sum_mismatch", "warning", 2, "D")]


def test_revised_earlier_month_in_file_wins_over_store(store, catalogs, tmp_path):
    """A file that revises 1-5月 down is judged against its own 1-5月, not the stored one."""
    import_file(
        store,
        _long(tmp_path / "五月.csv", ["吉首市,社会消费品零售总额,2021年1-5月,40.1,亿元,,"]),
        catalogs,
    )
    revised = _long(
        tmp_path / "修订.csv",
        [
            "吉首市,社会消费品零售总额,2021年1-5月,35.0,亿元,,",
            "吉首市,社会消费品零售总额,2021年1-6月,38.0,亿元,,",
        ],
    )
    assert _rules(check_file(revised, catalogs, store=store)) == []
    lower = _long(tmp_path / "六月.csv", ["吉首市,社会消费品零售总额,2021年1-6月,38.0,亿元,,"])
    assert _rules(check_file(lower, catalogs, store=store)) == [
        ("cumulative_decrease", "warning", 2, "D")
    ]


def test_fall_below_stored_month_is_a_warning_kept_with_release(store, catalogs):
    """Below the stored 1-5月 the file still imports (the store may hold a preliminary figure)."""
    good = Path(__file__).resolve().parent / "data" / "good"
    import_file(store, good / "社零-2021年1-5月.csv", catalogs)
    result = import_file(store, good / "社零-2021年1-6月-低于库中.csv", catalogs)
    assert result.inserted == 1
    assert [(f.rule, f.severity, f.where.row, f.where.column) for f in result.findings] == [
        ("cumulative_decrease", "warning", 2, "D")
    ]
    assert "库中已有的1-5月累计 40.1" in result.findings[0].message
    assert store.findings(release_id=result.release_id)["rule"].to_list() == ["cumulative_decrease"]


def test_growth_only_row_with_percent_unit(catalogs, tmp_path):
    """A row with only a growth rate may carry “%” as its unit without a unit clash."""
    rows = ["湘西州,规模工业增加值,2021年1-6月,,%,22.5,1"]
    checked = check_file(_long(tmp_path / "增速.csv", rows), catalogs)
    assert _rules(checked) == []
    assert checked.normalized.observations["growth_pct"].to_list() == [22.5]


def test_single_row_wide_header(catalogs, tmp_path):
    """A one-row wide header (指标(单位), 增长%, 位次, 指标增速) reads each column's role."""
    wb = Workbook()
    ws = wb.active
    ws.title = "2021年1-5月"
    ws.append(["地区", "社会消费品零售总额(万元)", "增长%", "位次", "规模工业增加值增速(%)"])
    ws.append(["吉首市", 376000, 24.1, 1, 20.5])
    ws.append(["泸溪县", 84000, 21.0, 2, 30.2])
    path = tmp_path / "单行表头.xlsx"
    wb.save(path)
    checked = check_file(path, catalogs)
    assert _rules(checked) == []
    got = checked.normalized.observations.sort("region_code", "indicator")
    assert got.select(
        "region_code", "indicator", "period", "level", "growth_pct", "rank"
    ).rows() == [
        ("433101", "industry_va", "2021-01/2021-05", None, 20.5, None),
        ("433101", "retail", "2021-01/2021-05", 37.6, 24.1, 1),
        ("433122", "industry_va", "2021-01/2021-05", None, 30.2, None),
        ("433122", "retail", "2021-01/2021-05", 8.4, 21.0, 2),
    ]


def test_period_option_names_wide_period(catalogs, tmp_path):
    """--period gives a wide sheet without a period in its title, sheet or file name."""
    wb = Workbook()
    ws = wb.active
    ws.append(["地区", "地区生产总值(亿元)", "增长%"])
    ws.append(["吉首市", 150.2, 13.1])
    path = tmp_path / "各县.xlsx"
    wb.save(path)
    checked = check_file(path, catalogs, period="2021年上半年")
    assert checked.normalized.observations["period"].to_list() == ["2021-01/2021-06"]


def test_region_scope_resolves_duplicate_names(catalogs, tmp_path):
    """--region-scope picks the right 鼓楼区 among the four in China."""
    rows = ["鼓楼区,地区生产总值,2021年1-6月,150.2,亿元,8.1,"]
    checked = check_file(_long(tmp_path / "鼓楼.csv", rows), catalogs, region_scope="福州市")
    assert checked.normalized.observations["region_code"].to_list() == ["350102"]


def test_utf16_twelve_digit_codes_and_year_from_file_name(catalogs, tmp_path):
    """Excel's “Unicode 文本” (UTF-16, tabs), 12-digit codes and 时期 without a year all read."""
    path = tmp_path / "2021年县市区.txt"
    text = "地区代码\t指标\t时期\t数值\t单位\n433101000000\t地区生产总值\t1-6月\t150.2\t亿元\n"
    path.write_bytes(text.encode("utf-16"))
    checked = check_file(path, catalogs)
    assert checked.findings == []
    got = checked.normalized.observations
    assert got.select("region_code", "period", "level").rows() == [
        ("433101", "2021-01/2021-06", 150.2)
    ]


def test_nbs_quarterly_cumulative_series(catalogs, tmp_path):
    """A quarterly NBS series (…_累计值, quarters across) is stored as January-to-quarter-end."""
    path = tmp_path / "地区生产总值_累计值.csv"
    path.write_text(
        "\ufeff数据库：分省季度数据 \n时间：2021年 \n"
        "地区\t,2021年第二季度\t,2021年第一季度\t,\n"
        "湖南省\t,21390.6\t,10105.4\t,\n数据来源：国家统计局",
        encoding="utf-8",
    )
    checked = check_file(path, catalogs)
    assert checked.findings == []
    got = checked.normalized.observations.sort("period")
    assert got.select("indicator", "period", "level").rows() == [
        ("gdp", "2021-01/2021-03", 10105.4),
        ("gdp", "2021-01/2021-06", 21390.6),
    ]


def test_nbs_fixed_indicator_line_and_default_file_name(catalogs, tmp_path):
    """An export saved under the default name takes its indicator from the 指标： line."""
    path = tmp_path / "分省年度数据.csv"
    path.write_text(
        "\ufeff数据库：分省年度数据 \n指标：地区生产总值指数(上年=100) \n时间：最近2年 \n"
        "地区\t,2021年\t,2020年\t,\n湖南省\t,107.6\t,103.8\t,\n数据来源：国家统计局",
        encoding="utf-8",
    )
    checked = check_file(path, catalogs)
    assert checked.findings == []
    got = checked.normalized.observations.sort("year")
    assert got.select("indicator", "year", "level", "growth_pct").rows() == [
        ("gdp", 2020, None, 3.8),
        ("gdp", 2021, None, 7.6),
    ]


def test_nbs_one_region_indicators_down(catalogs, tmp_path):
    """A 国家数据 export for one region (地区： line, indicators down, years across) reads."""
    path = tmp_path / "年度数据.csv"
    path.write_text(
        "\ufeff数据库：分省年度数据 \n地区：湖南省 \n时间：最近2年 \n"
        "指标\t,2021年\t,2020年\t,\n"
        "地区生产总值(亿元)\t,45751.9\t,41542.6\t,\n"
        "地区生产总值指数(上年=100)\t,107.6\t,103.8\t,\n"
        "注：按可比价格计算。\n数据来源：国家统计局",
        encoding="utf-8",
    )
    checked = check_file(path, catalogs)
    assert checked.findings == []
    got = checked.normalized.observations.sort("year")
    columns = ("region_code", "year", "level", "growth_pct", "level_cell", "growth_cell")
    assert got.select(columns).rows() == [
        ("430000", 2020, 41542.6, 3.8, "C5", "C6"),
        ("430000", 2021, 45751.9, 7.6, "B5", "B6"),
    ]


def test_parent_row_in_long_sheet(catalogs, tmp_path):
    """A 全州 row in a long sheet is the parent of the counties listed with it."""
    rows = [
        "全州,地区生产总值,2021年1-6月,455.0,亿元,12.5,",
        "吉首市,地区生产总值,2021年1-6月,150.2,亿元,13.1,",
    ]
    checked = check_file(_long(tmp_path / "全州.csv", rows), catalogs)
    assert checked.findings == []
    assert checked.normalized.observations["region_code"].to_list() == ["433100", "433101"]
