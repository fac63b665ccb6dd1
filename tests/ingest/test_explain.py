"""``xingshi import --explain`` says how three published tables are read and writes nothing."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from xingshi.cli import app
from xingshi.ingest import Catalogs
from xingshi.ingest.layouts.explain import explain_file
from xingshi.workspace import Workspace

PUBLISHED = Path(__file__).resolve().parent / "data" / "published"
runner = CliRunner()


def _explain(name: str, **options) -> list[str]:
    return explain_file(PUBLISHED / name, Catalogs.load(), **options).splitlines()


def test_explain_monthly_release_indicators_down():
    """上海 社零: 本月 and 1-本月 columns each with their period, items skipped by name."""
    lines = _explain("03-上海市统计局-2022年9月社会消费品零售总额.xlsx", region_scope="上海市")
    assert (
        lines[1]
        == "表 1：工作表“Sheet1”，表头在第 3 行，格式：指标纵排表（指标纵排，时期或地区横排）"
    )
    assert "  地区：--region-scope 上海市" in lines
    assert "  B 列 — 各行指标·总量（2022年9月），单位 亿元" in lines
    assert "  C 列 — 各行指标·增速（2022年9月）" in lines
    assert "  D 列 — 各行指标·总量（2022年1-9月），单位 亿元" in lines
    assert "  E 列 — 各行指标·增速（2022年1-9月）" in lines
    assert any(
        line.startswith("跳过：[unknown_indicator]") and "#吃的商品" in line for line in lines
    )


def test_explain_yearbook_years_over_indicators():
    """统计年鉴 17-22: years over 总额/增长, spaced region names, units in their own row."""
    lines = _explain("01-国家统计局-统计年鉴2010-17-22社会消费品零售总额.xlsx")
    assert lines[1] == "表 1：工作表“Sheet1”，表头在第 2 行，格式：宽表（地区纵排，指标横排）"
    assert lines[2] == "  A 列 — 地区：上海、云南、全国 等 32 项"
    assert lines[3:7] == [
        "  B 列 — 社会消费品零售总额·总量（2008年），单位 亿元",
        "  C 列 — 社会消费品零售总额·增速（2008年）",
        "  D 列 — 社会消费品零售总额·总量（2009年），单位 亿元",
        "  E 列 — 社会消费品零售总额·增速（2009年）",
    ]


def test_explain_stacked_tables_and_share_tables(workspace: Workspace):
    """中山 统计月报 via the CLI: five tables found, two share tables skipped, nothing written."""
    result = runner.invoke(
        app,
        [
            "import",
            "--explain",
            str(PUBLISHED / "07-中山市统计局-统计月报.xlsx"),
            "--period",
            "2020年6月",
            "--workspace",
            str(workspace.path),
        ],
    )
    assert result.exit_code == 0, result.output
    out = result.output
    assert [line.split("，")[1] for line in out.splitlines() if line.startswith("表 ")] == [
        "表头在第 2 行",
        "表头在第 14 行",
        "表头在第 21 行",
        "表头在第 28 行",
        "表头在第 33 行",
    ]
    assert out.count("是构成（比重）表，未导入") == 2
    assert "  地区：一张表只有一个地区，取自标题、工作表名或文件名——中山市" in out
    assert "  D 列 — 各行指标·增速（2020年1-6月）" in out
    assert workspace.store.releases().is_empty()


def test_explain_years_down_yearbook_names_every_column():
    """广州 yearbook 1-11: years down (not a 宽表 of regions), every column's role, and the
    美元 column and its reason."""
    lines = _explain(
        "48-广州市统计局-统计年鉴2022-1-11主要年份地区生产总值.xlsx", region_scope="广州市"
    )
    assert lines[1] == (
        "表 1：工作表“Sheet1”，表头在第 4 行，格式：年份纵列表（一个地区，年份纵排，指标横排）"
    )
    years = "1978年、1980年、1985年 等 25 项"
    assert lines[3:12] == [
        f"  A 列 — 时期：{years}",
        f"  B 列 — 地区生产总值·总量（{years}），单位 万元",
        f"  C 列 — 第一产业·总量（{years}），单位 万元",
        f"  D 列 — 第二产业·总量（{years}），单位 万元",
        f"  E 列 — 第三产业·总量（{years}），单位 万元",
        f"  F 列 — 工业·总量（{years}），单位 万元",
        f"  G 列 — 建筑业·总量（{years}），单位 万元",
        f"  H 列 — 人均地区生产总值·总量（{years}），单位 元",
        f"  I 列 — 人均地区生产总值·总量（{years}），单位 美元——未导入：单位不能换算",
    ]


def test_explain_bilingual_ranking_table_names_the_english_column():
    """青海 yearbook 23-2: the English Region column is said, the two 位次 each by basis."""
    lines = _explain("37-青海省统计局-统计年鉴2017-23-2全国各地区第二三产业增加值及排序.xlsx")
    assert lines[3:7] == [
        "  B 列 — 未读取：“Region”英文名称栏",
        "  C 列 — 第二产业增加值·总量（2016年），单位 亿元",
        "  D 列 — 第二产业增加值·位次（按总量）（2016年）",
        "  E 列 — 第二产业增加值·增速（2016年）",
    ]
    assert "  F 列 — 第二产业增加值·位次（按增速）（2016年）" in lines


def test_explain_says_left_out_columns_in_their_place():
    """广西 list: the 美元 and 比重 columns are said among the columns, with the reason."""
    lines = _explain("58-维基百科-2021年广西各市地区生产总值列表.xlsx")
    assert lines[3:7] == [
        "  B 列 — 地区生产总值·总量（2021年），单位 亿元",
        "  C 列 — 未导入：“美元[注 4] (亿元)”列是折成美元的数，不能换算为元",
        "  D 列 — 地区生产总值·位次（按总量）（2021年）",
        "  E 列 — 未导入：“比重[注 5] (%)”列不是本期总量、同比增速或位次",
    ]
    assert not any(line.startswith("  跳过：[header]") for line in lines)


def test_explain_indicator_column_not_left_out_for_one_unknown_row():
    """西城区: two unknown indicator rows are skipped by row; column A itself is read."""
    lines = _explain("29-北京市西城区-1-5月主要经济指标.xlsx", period="2022年1-5月")
    column_a = next(line for line in lines if line.startswith("  A 列"))
    assert column_a.startswith("  A 列 — 指标名：")
    assert "未导入" not in column_a
    assert any(
        line.startswith("跳过：[unknown_indicator]") and "建安投资" in line for line in lines
    )


def test_explain_without_a_period_still_says_the_layout_and_where_it_looked():
    """No period in title, header, sheet or file name: the layout, the rows searched, the option."""
    lines = _explain("29-北京市西城区-1-5月主要经济指标.xlsx")
    assert lines[1] == (
        "表 1：工作表“Sheet1”，表头在第 2 行，格式：指标纵排表（指标纵排，时期或地区横排）"
    )
    assert "标题行、表头（第 2 行）、工作表名和文件名中都找不到" in lines[2]
    assert any("--period" in line for line in lines)


def test_explain_names_the_indicator_a_column_takes_from_the_title():
    """8pu's 2016年 | 2015年 … under 中国城市GDP排名 name no indicator: the explanation names
    the one the title gives (not the title's whole text), and the forecast left out."""
    lines = _explain("92-8pu转载-中国城市GDP排名含2017年预测.xlsx")
    assert "  E 列 — 标题所指的“地区生产总值”·总量（2016年）" in lines
    assert "  I 列 — 标题所指的“地区生产总值”·总量（2012年）" in lines
    assert "  C 列 — 预测·总量（2017年）——未导入：指标不在目录中" in lines
