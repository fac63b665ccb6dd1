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
