"""The writing rules, pinned on small hand-built cases."""

from __future__ import annotations

from xingshi.report.wording import (
    count_change,
    count_words,
    fmt_level,
    fmt_number,
    gap_verb,
    group_by_rank,
    growth_phrase,
    ordinal,
    period_words,
    pp,
    subject_word,
)


def test_growth_of_100_percent_or_more_is_said_in_bei() -> None:
    """150% is 增长1.5倍 and 130% is 增长1.3倍, never 2.5倍; 100% is 1倍; 200% is 2倍."""
    assert growth_phrase(150.0) == "增长1.5倍"
    assert growth_phrase(130.0) == "增长1.3倍"
    assert growth_phrase(100.0) == "增长1倍"
    assert growth_phrase(200.0) == "增长2倍"
    assert growth_phrase(1000.04) == "增长10倍"


def test_bei_never_rounds_away_a_published_figure() -> None:
    """122.9% stays 增长122.9% as the seed writes it (not 1.2倍, not 1.23倍); so does 215.0%."""
    assert growth_phrase(122.9) == "增长122.9%"
    assert growth_phrase(215.0) == "增长215.0%"
    assert growth_phrase(100.3) == "增长100.3%"


def test_count_change_is_said_in_units() -> None:
    """A count's change is 增加159家 / 减少5家 / 持平, never a percent."""
    assert count_change(159.0, "家") == "增加159家"
    assert count_change(-5.0, "家") == "减少5家"
    assert count_change(0.3, "家") == "持平"


def test_growth_below_100_decline_and_flat() -> None:
    """Below 100% in % with one decimal; a decline is 下降; zero is 持平."""
    assert growth_phrase(28.6) == "增长28.6%"
    assert growth_phrase(99.94) == "增长99.9%"
    assert growth_phrase(12.0) == "增长12.0%"
    assert growth_phrase(-3.2) == "下降3.2%"
    assert growth_phrase(-150.0) == "下降150.0%"
    assert growth_phrase(0.0) == "持平"
    assert growth_phrase(0.04) == "持平"


def test_rates_change_in_percentage_points() -> None:
    """A rate indicator's change is 提高/下降 …个百分点, not %."""
    assert growth_phrase(1.99, rate=True) == "提高1.99个百分点"
    assert growth_phrase(-0.5, rate=True) == "下降0.5个百分点"


def test_chinese_ordinals_and_digit_style() -> None:
    """Ranks are 第一 … 第十四 in speeches; 第4位 only when asked for."""
    assert [ordinal(n) for n in (1, 2, 4, 10, 11, 14, 31)] == [
        "第一",
        "第二",
        "第四",
        "第十",
        "第十一",
        "第十四",
        "第三十一",
    ]
    assert ordinal(4, style="digit") == "第4位"


def test_counts_use_liang_for_two() -> None:
    """两项 before a measure word, 三项 otherwise."""
    assert count_words(2) == "两项"
    assert count_words(3) == "三项"


def test_levels_keep_published_precision_and_approximation() -> None:
    """Levels print without float noise; 近/超过/以上 only when flagged."""
    assert fmt_level(3722.1, "万人次") == "3722.1万人次"
    assert fmt_level(304.40000000001, "亿元") == "304.4亿元"
    assert fmt_level(80.0, "亿元") == "80亿元"
    assert fmt_level(1.2, "万件", approx="near") == "近1.2万件"
    assert fmt_level(17, "亿元", approx="over") == "超过17亿元"
    assert fmt_level(1500, "亿元", approx="at_least") == "1500亿元以上"
    assert fmt_number(-0.00001) == "0"


def test_gaps_in_points() -> None:
    """Differences of rates: the number with the precision it has, and 高于/低于/持平."""
    assert pp(2.6000000000000014) == "2.6"
    assert pp(1.99) == "1.99"
    assert pp(3) == "3.0"
    assert (gap_verb(1.2), gap_verb(-0.3), gap_verb(0.0)) == ("高于", "低于", "持平")


def test_group_by_rank_keeps_order_within_a_rank() -> None:
    """Indicators sharing a rank go together, best rank first, each group in given order."""
    items = [("地区生产总值", 1), ("固定资产投资", 4), ("税收", 2), ("规模工业增加值", 1)]
    groups = group_by_rank(items, lambda x: x[1])
    assert [(r, [n for n, _ in g]) for r, g in groups] == [
        (1, ["地区生产总值", "规模工业增加值"]),
        (2, ["税收"]),
        (4, ["固定资产投资"]),
    ]


def test_period_and_subject_words() -> None:
    """1-6月 is 上半年 and leaves 下半年; 1-9月 前三季度/四季度; 湘西州 speaks of 全州."""
    assert period_words(1, 6, 2021) == {"when": "1-6月", "sofar": "上半年", "rest": "下半年"}
    assert period_words(1, 9, 2021)["sofar"] == "前三季度"
    assert period_words(1, 5, 2021) == {"when": "1-5月", "sofar": "1-5月", "rest": "6-12月"}
    assert period_words(1, 12, 2021)["sofar"] == "全年"
    assert subject_word("prefecture", "湘西土家族苗族自治州") == "全州"
    assert subject_word("province", "湖南省") == "全省"
    assert subject_word("county", "泸溪县") == "全县"
    assert subject_word("prefecture", "长沙市") == "全市"
