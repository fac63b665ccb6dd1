"""Forms batch 16 of the real corpus showed (沈阳, 海南, 北京 texts): each text gives exactly
these figures, with these attributes."""

from __future__ import annotations

from xingshi.extract import extract_text


def _facts(text: str, region: str | None = None, year: int = 2023):
    return [f for f in extract_text(text, region=region, year=year) if not f.derived]


# A district table copied one cell per line, every cell closed by its separator, the unit on a
# line of its own and the columns headed by periods (北京市统计局's retail sales by district).
TABLE = (
    "2019年1-6月 |\n单位:万元 |\n|||\n项 目 |\n2019年6月 |\n同比增长(%) |\n2019年1-6月 |\n"
    "同比增长(%) |\n全 市 |\n1200500 |\n4.2 |\n7300800 |\n3.9 |\n海淀区 |\n210300 |\n-1.5 |\n"
    "1350200 |\n2.8 |\n北京经济技术开发区 |\n40100 |\n6.0 |\n260900 |\n5.1 |\n"
    "社会消费品零售总额统计范围、采集渠道及主要指标解释\n"
)


def test_period_headed_columns_of_a_table_copied_one_cell_per_line():
    got = [(f.measure, float(f.value), f.unit, f.period, f.region) for f in _facts(TABLE, "北京市")]
    assert got == [
        ("level", 1200500.0, "万元", "2019-06/2019-06", "北京市"),
        ("growth_pct", 4.2, "%", "2019-06/2019-06", "北京市"),
        ("level", 7300800.0, "万元", "2019-01/2019-06", "北京市"),
        ("growth_pct", 3.9, "%", "2019-01/2019-06", "北京市"),
        ("level", 210300.0, "万元", "2019-06/2019-06", "海淀区"),
        ("growth_pct", -1.5, "%", "2019-06/2019-06", "海淀区"),
        ("level", 1350200.0, "万元", "2019-01/2019-06", "海淀区"),
        ("growth_pct", 2.8, "%", "2019-01/2019-06", "海淀区"),
        ("level", 40100.0, "万元", "2019-06/2019-06", "北京经济技术开发区"),
        ("growth_pct", 6.0, "%", "2019-06/2019-06", "北京经济技术开发区"),
        ("level", 260900.0, "万元", "2019-01/2019-06", "北京经济技术开发区"),
        ("growth_pct", 5.1, "%", "2019-01/2019-06", "北京经济技术开发区"),
    ]


def test_a_table_without_its_unit_line_reads_no_period_column():
    # no 单位 line: a column headed by a period alone has no unit, so no figure is read
    text = TABLE.replace("单位:万元 |\n", "")
    assert [f for f in _facts(text, "北京市") if f.measure == "level"] == []


def test_a_peer_rate_named_before_flat_is_the_other_side():
    facts = _facts("前三季度,新民市实现地区生产总值211.8亿元,增长6.0%,全市增速持平。", "沈阳市")
    flat = [f for f in facts if f.quote.endswith("持平")]
    assert [(f.measure, f.value, f.versus, f.region) for f in flat] == [
        ("pp_diff", 0, "全市", "新民市")
    ]
    # a base period before 持平 stays a flat growth
    facts = _facts("全年油料产量2万吨,与上年持平。", "和政县")
    assert [(f.measure, f.value) for f in facts] == [("level", 2), ("growth_pct", 0)]


def test_a_gap_that_narrows_falls_and_a_fall_that_narrows_rises():
    facts = _facts("前三季度,县域地区生产总值增长3.7%,与全市增速差较上半年缩小1.8个百分点。")
    assert [(f.measure, float(f.value), f.versus) for f in facts] == [
        ("growth_pct", 3.7, None),
        ("pp_diff", -1.8, "上半年"),
    ]
    facts = _facts("前三季度,固定资产投资下降5.1%,降幅比上半年缩小2.3个百分点。")
    assert [(f.measure, float(f.value)) for f in facts] == [
        ("growth_pct", -5.1),
        ("pp_diff", 2.3),
    ]


def test_a_decimal_after_a_growth_verb_whose_percent_sign_was_lost():
    facts = _facts("前三季度,牛肉产量5.3万吨,下降6.5羊肉产量0.7万吨,下降4.7%。", "沈阳市")
    assert [(f.measure, float(f.value), f.unit, f.indicator) for f in facts] == [
        ("level", 5.3, "万吨", "牛肉产量"),
        ("growth_pct", -6.5, "%", "牛肉产量"),
        ("level", 0.7, "万吨", "羊肉产量"),
        ("growth_pct", -4.7, "%", "羊肉产量"),
    ]
    # an integer, a number before its unit or a list sharing a later % is not such a figure
    assert [float(f.value) for f in _facts("全县人口增长到2019年的35万人。")] == [35.0]
    facts = _facts("猪肉、牛肉产量分别增长6.5、7.2%。")
    assert [(f.measure, float(f.value)) for f in facts] == [
        ("growth_pct", 6.5),
        ("growth_pct", 7.2),
    ]


def test_the_figure_after_from_last_years_is_the_year_before():
    text = "一、2009年工作回顾\n地方一般预算收入178.2亿元,占生产总值比重由上年的9.6%提高到10.8%。"
    facts = _facts(text, "海南省", 2010)
    assert [(float(f.value), f.period) for f in facts] == [
        (178.2, "2009-01/2009-12"),
        (9.6, "2008-01/2008-12"),
        (10.8, "2009-01/2009-12"),
    ]


def test_glue_left_of_a_growth_verb_names_no_indicator():
    text = (
        "前三季度,第一产业增加值实现103.9亿元,比增长4.6%;农林牧渔业总产值219.4亿元,可比增长4.5%。"
        "税收占地方一般预算收入比重84.9%、同比提高1.7个百分点。"
    )
    got = [(float(f.value), f.indicator) for f in _facts(text, "沈阳市")]
    assert got == [
        (103.9, "第一产业增加值"),
        (4.6, "第一产业增加值"),
        (219.4, "农林牧渔业总产值"),
        (4.5, "农林牧渔业总产值"),
        (84.9, "税收收入"),
        (1.7, "税收收入"),
    ]


def test_a_verb_between_subject_and_measure_is_left_out_of_the_indicator():
    facts = _facts("1-2月,全县规上服务业实现营业收入3.7亿元,比上年下降1.8%。", "酉阳县", 2025)
    assert [(f.indicator, f.period) for f in facts] == [
        ("规上服务业营业收入", "2025-01/2025-02"),
        ("规上服务业营业收入", "2025-01/2025-02"),
    ]


def test_older_names_of_budget_and_farm_output_are_the_catalogues():
    text = "地方一般预算收入178.2亿元,地方一般预算支出484.5亿元,全县实现农林牧渔总产值9.48亿元。"
    assert [f.indicator for f in _facts(text, "海南省", 2009)] == [
        "地方财政收入",
        "一般公共预算支出",
        "农林牧渔业总产值",
    ]


def test_the_notes_after_a_region_table_name_its_indicator():
    facts = _facts(TABLE, "北京市")
    assert {f.indicator for f in facts} == {"社会消费品零售总额"}
