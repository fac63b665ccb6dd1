"""Forms batch 19 of the real corpus showed (汉滨 work report, 闽侯 key projects, 南通 industry):
each text gives exactly these figures, with these attributes."""

from __future__ import annotations

from xingshi.extract import extract_text


def _facts(text: str, region: str | None = None, year: int | None = 2019):
    return [f for f in extract_text(text, region=region, year=year) if not f.derived]


def test_a_quarter_compared_with_does_not_set_the_texts_period():
    # 较一季度 twice is a base: the text reports 1-8月, so 8月当月 is this year's August
    text = (
        "1-8月,全市规模工业增加值、产值同比分别增长7.3%和10.2%,较一季度分别提升6.8和11.6个百分点,"
        "规模工业增加值8月当月增长8.9%,累计增幅位次较一季度前移6位。"
        "全市重点产业运行稳健,“3+3”重点产业产值同比增长9.1%。"
    )
    got = [(f.value, f.period) for f in _facts(text, "南通市") if f.measure == "growth_pct"]
    assert got == [
        (7.3, "2019-01/2019-08"),
        (10.2, "2019-01/2019-08"),
        (8.9, "2019-08/2019-08"),
        (9.1, "2019-01/2019-08"),
    ]


def test_the_year_opening_a_review_holds_for_its_parts():
    # 一、过去一年工作回顾 names no year: 2024年 opening its first paragraph holds for (一), (二)
    text = (
        "一、过去一年工作回顾\n2024年,我们紧扣高质量发展主题,实现地区生产总值440.5亿元、增长5.4%。\n"
        "(一)坚持项目支撑。158个重点项目完成投资189.4亿元,争取上级转移支付31.8亿元。\n"
        "(二)坚持改革创新。新增“五上”企业62户。\n二、2025年工作安排\n全年新增“五上”企业50户。"
    )
    facts = _facts(text, "汉滨区", 2025)
    got = [(f.value, f.measure, f.period) for f in facts[:-1]]
    year = "2024-01/2024-12"
    assert got == [
        (440.5, "level", year),
        (5.4, "growth_pct", year),
        (158, "count", year),
        (189.4, "level", year),
        (31.8, "level", year),
        (62, "count", year),
    ]
    assert (facts[-1].value, facts[-1].period) == (50, "2025-01/2025-12")  # past 二、
    # without the review heading the opening year stays in its paragraph
    plain = text.replace("一、过去一年工作回顾\n", "")
    assert [f.period for f in _facts(plain, "汉滨区", 2025)][2] != year


def test_a_period_restated_in_each_part_holds_for_its_part_only():
    # 1-6月 is restated after 其中: and ;: each part's counts and plans are the whole year's
    text = (
        "2023年县级重点项目共530项,年度计划投资561.86亿元,1-6月累计完成投资362.32亿元,"
        "其中:在建项目185项,年度计划投资327.53亿元,1-6月累计完成投资235.8亿元;"
        "预备项目188项,年度计划投资39.78亿元,1-6月累计完成投资24.56亿元。"
    )
    year, half = "2023-01/2023-12", "2023-01/2023-06"
    got = [(f.value, f.period) for f in _facts(text, "闽侯县", 2023)]
    assert got == [
        (530, year), (561.86, year), (362.32, half),
        (185, year), (327.53, year), (235.8, half),
        (188, year), (39.78, year), (24.56, half),
    ]  # fmt: skip
    # a period named once before 其中 holds for the parts
    text = "全年增长5.1%,1-6月完成投资30亿元,其中:工业投资12亿元,基础设施投资8亿元。"
    assert [f.period for f in _facts(text, "闽侯县", 2023)][1:] == [half, half, half]


def test_planned_starts_described_by_their_total_are_a_set_of_projects():
    # 计划新开工项目157项,总投资…: a kind of project with its own figures; alone it is a goal
    text = "计划新开工项目157项,总投资506.08亿元,1-6月累计完成投资101.97亿元。"
    got = [(f.measure, f.value) for f in _facts(text, "闽侯县", 2023)]
    assert got[0] == ("count", 157)
    assert [(f.measure, f.value) for f in _facts("计划新开工项目45个。", "闽侯县", 2023)] == [
        ("target", 45)
    ]


def test_target_firms_are_a_noun_not_a_goal():
    text = "2024年,区级领导带队招商考察32次,拜访目标企业150家。"
    got = [(f.measure, f.value) for f in _facts(text, "汉滨区", 2025)]
    assert got == [("count", 32), ("count", 150)]
    text = "2025年目标新增企业150家。"
    assert [f.measure for f in _facts(text, "汉滨区", 2025)] == ["target"]


def test_an_age_bound_before_a_kind_of_people_is_no_level():
    text = "0-17岁、18-34岁、35-59岁、60岁及以上户籍人口分别为18891人、19099人、48951人和25594人。"
    got = [(f.measure, f.value) for f in _facts(text, "云和县", 2022)]
    assert got == [("count", 18891), ("count", 19099), ("count", 48951), ("count", 25594)]
    # a life expectancy in years stays a figure
    assert [f.value for f in _facts("人均预期寿命78.2岁。", "云和县", 2022)] == [78.2]


def test_a_rank_of_the_to_date_growth_after_a_month_is_to_date():
    text = (
        "1-8月,全市规模工业增加值同比增长7.3%。规模工业增加值8月当月增长8.9%,"
        "当月增幅列全省第三,累计增幅位次较一季度前移6位至全省并列第六。"
    )
    got = [(f.value, f.period) for f in _facts(text, "南通市") if f.measure == "rank"]
    assert got == [(3, "2019-08/2019-08"), (6, "2019-01/2019-08")]
