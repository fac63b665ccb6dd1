"""Forecasts carried across clauses, plans with 拟/计划, and pinyin-glossed web text."""

from __future__ import annotations

import pytest

from xingshi.extract import extract_text


def _pairs(text: str, year: int = 2023) -> list[tuple[str, float]]:
    return [(f.measure, float(f.value)) for f in extract_text(text, year=year) if not f.derived]


FORMS: list[tuple[str, list[tuple[str, float]]]] = [
    # A forecast heading the sentence governs every item, semicolons included.
    (
        "初步预计，全县地区生产总值增长6.5%；一般公共预算收入增长9.1%；规模以上工业增加值增长8%。",
        [("target", 6.5), ("target", 9.1), ("target", 8.0)],
    ),
    # A forecast verb reaches the following clauses up to the semicolon, not beyond.
    (
        "预计实现地区生产总值215亿元，增长5.6%；税收收入18.2亿元，增长3.1%。",
        [("target", 215.0), ("target", 5.6), ("level", 18.2), ("growth_pct", 3.1)],
    ),
    # …and a completion share in between stays a completion.
    (
        "预计一季度全镇完成工业总产值12.6亿元，占年度计划的23.5%，同比增长11.2%。",
        [("target", 12.6), ("completed", 23.5), ("target", 11.2)],
    ),
    # The starting point of a planned change is no goal, its end is.
    ("初步预计，今年全市民间投资占比由41%提高到44%。", [("share_pct", 41.0), ("target", 44.0)]),
    # 拟 plans a budget: the rate and the amounts after it are goals.
    (
        "赤字率拟按2.8%安排，赤字规模36亿元，比上年增加4亿元。",
        [("target", 2.8), ("target", 36.0), ("target", 4.0)],
    ),
    (
        "计划招引项目45个，完成投资120亿元以上；去年完成投资98亿元。",
        [("target", 45.0), ("target", 120.0), ("level", 98.0)],
    ),
    ("已开工项目32个，计划明年竣工项目12个。", [("count", 32.0), ("target", 12.0)]),
    # A forecast inside a name plans nothing; what was done stays done.
    (
        "12个年预计产值超5亿元的项目共完成产值83亿元。",
        [("count", 12.0), ("level", 5.0), ("level", 83.0)],
    ),
    # 据初步测算 reports a statistics result, not a forecast.
    (
        "据初步测算，全区实现生产总值356.2亿元，比上年增长4.8%。",
        [("level", 356.2), ("growth_pct", 4.8)],
    ),
    # A forecast with an actual figure in its own clause: the figure stays actual.
    ("预计全年增长7%，前三季度已增长7.4%。", [("target", 7.0), ("growth_pct", 7.4)]),
    # How the speaker groups his points is not a count; what a problem touches is.
    ("会议指出今年全县发展主要表现出五个方面的积极变化，问题涉及3个方面。", [("count", 3.0)]),
    # A rate in per mille is a demographic rate, whatever its name says.
    (
        "年末户籍人口52.3万人，年人口增长率3.15‰，人口机械增长率-0.8‰。",
        [("count", 52.3), ("ratio_pct", 3.15), ("ratio_pct", -0.8)],
    ),
    # The sampling fraction of a survey is no figure.
    ("根据1%人口抽样调查推算，全县常住人口为31.6万人。", [("count", 31.6)]),
    # How long a record stands is not a figure.
    ("夏粮总产量达到36.8万吨，创近12年新高，增速为8年来最高。", [("level", 36.8)]),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_form(text: str, expected: list[tuple[str, float]]) -> None:
    """Each sentence gives exactly these (measure, value) pairs in text order."""
    assert _pairs(text) == expected


GLOSSED = (
    "上半年,,全縣實(shí)現(xiàn)農(nóng)林牧漁業(yè)總產(chǎn)值58.3億元,,同比增長(zhǎng)6.2%,,"
    "居全市第2位,。油菜種植面積12.5萬(wàn)畝,比上年增加0.8萬(wàn)畝,;生豬出欄31.4萬(wàn)頭,"
    "茶葉、水果產(chǎn)量分別增長(zhǎng)8.1%,、5.6%,。"
)


def test_pinyin_glosses_are_read_through() -> None:
    """Glossed traditional text (增長(zhǎng), 萬(wàn)畝) gives the figures of the plain text."""
    facts = [f for f in extract_text(GLOSSED, year=2022) if not f.derived]
    assert [(f.measure, float(f.value), f.unit) for f in facts] == [
        ("level", 58.3, "亿元"),
        ("growth_pct", 6.2, "%"),
        ("rank", 2.0, facts[2].unit),
        ("level", 12.5, "万亩"),
        ("level", 0.8, "万亩"),
        ("count", 31.4, "万头"),
        ("growth_pct", 8.1, "%"),
        ("growth_pct", 5.6, "%"),
    ]


def test_glossed_quotes_point_into_the_original() -> None:
    """Offsets of glossed text index the original, glosses included, and quotes match them."""
    for f in extract_text(GLOSSED, year=2022):
        assert GLOSSED[f.start : f.end] == f.quote
    growth = next(f for f in extract_text(GLOSSED, year=2022) if f.value == 6.2)
    assert growth.quote.endswith("增長(zhǎng)6.2%")
    assert growth.indicator == "农林牧渔业总产值"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2022年10月，前3季度全县地区生产总值增长5.1%。", "2022-01/2022-09"),
        ("2022年4月，1季度全县规模工业增加值增长6.2%。", "2022-01/2022-03"),
        ("2022年8月，第2季度全县固定资产投资增长3.4%。", "2022-04/2022-06"),
    ],
)
def test_quarters_written_with_digits_set_the_period(text: str, period: str) -> None:
    """前3季度, 1季度 and 第2季度 are periods as their Chinese-numeral forms are."""
    [fact] = [f for f in extract_text(text) if not f.derived]
    assert (fact.period, fact.measure) == (period, "growth_pct")
    assert "季度" not in (fact.indicator or "")
