"""Forms met in commerce and energy releases: shares as modifiers, base-period rates."""

from __future__ import annotations

import pytest

from xingshi.extract import extract_text


def _pairs(text: str, year: int = 2023) -> list[tuple[str, float]]:
    return [(f.measure, float(f.value)) for f in extract_text(text, year=year) if not f.derived]


FORMS: list[tuple[str, list[tuple[str, float]]]] = [
    # A share closed by its own figure modifies the subject; the later figure is its growth.
    (
        "占全市用电量55%以上的规模以上工业用电量增长7.2%。",
        [("share_pct", 55.0), ("growth_pct", 7.2)],
    ),
    (
        "佔全縣稅收四成的製造業企業營業收入下降2.4%。",
        [("growth_pct", -2.4)],
    ),
    # 类 counts kinds of goods.
    (
        "18类主要商品中，11类商品零售额增长，3类增速超过15%。",
        [("count", 18.0), ("count", 11.0), ("count", 3.0), ("growth_pct", 15.0)],
    ),
    # 有三个方面的变化 groups the speaker's points; it counts nothing.
    ("今年以来全县工业有三个方面的积极变化：产值增长8.1%。", [("growth_pct", 8.1)]),
    # 居前5位的商品 names the top of a list; the figures are the items' growths.
    (
        "零售额排名居前5位的商品中，家电、汽车分别增长6.1%、3.4%。",
        [("growth_pct", 6.1), ("growth_pct", 3.4)],
    ),
    # A plain share keeps its reading.
    ("全县出口额占全市的13.6%。", [("share_pct", 13.6)]),
    # The base period's own rate is a growth too, signed by its verb.
    (
        "一季度全市天然气消费量增长9.3%，上年同期为下降2.1%。",
        [("growth_pct", 9.3), ("growth_pct", -2.1)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_fifth_round_forms(text: str, expected: list[tuple[str, float]]) -> None:
    """Each sentence yields exactly the expected measures and signed values, in order."""
    assert _pairs(text) == expected
