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
