"""Forms batch 18 of the real corpus showed (统计局 releases of 广西, 济源, 丽水, 朔州, 西藏): each
text gives exactly these figures, with these attributes."""

from __future__ import annotations

from xingshi.extract import extract_text


def _facts(text: str, region: str | None = None, year: int | None = 2020):
    return [f for f in extract_text(text, region=region, year=year) if not f.derived]


def test_a_titled_range_sets_the_period_and_a_compared_range_does_not():
    # 2020年1-11月 is the text's own period though it names its year; 比1-9月 twice is a base
    text = (
        "2020年1-11月广西经济运行基本情况\n1-11月,全区规模以上工业增加值同比增长0.4%。"
        "11月份同比增长7.1%。1-10月,规模以上服务业营业收入增长4.5%,比1-9月提高2.1个百分点;"
        "交通运输业降幅较1-9月收窄。"
    )
    got = [(f.value, f.period) for f in _facts(text, "广西壮族自治区") if f.measure == "growth_pct"]
    assert got == [(0.4, "2020-01/2020-11"), (7.1, "2020-11/2020-11"), (4.5, "2020-01/2020-10")]


def test_to_date_and_month_alone_after_a_month_phrase():
    text = (
        "11月份同比增长7.1%。分经济类型看,国有控股企业增加值累计同比增长1.6%,"
        "当月同比增长8.2%;股份制企业累计增长3.0%,当月增长11.0%。"
    )
    got = [(f.value, f.indicator, f.period) for f in _facts(text, "广西壮族自治区")]
    assert got[1:] == [
        (1.6, "国有控股企业增加值", "2020-01/2020-11"),
        (8.2, "国有控股企业增加值", "2020-11/2020-11"),
        (3, "股份制企业", "2020-01/2020-11"),
        (11, "股份制企业", "2020-11/2020-11"),
    ]
    # a month's own figure keeps its month (5月当月…), a cumulative range keeps its range
    text = (
        "1-5月,社会消费品零售总额同比增长3.9%。"
        "其中,5月当月实现社会消费品零售总额18.7亿元,同比增长7.5%。"
    )
    assert [f.period for f in _facts(text, "济源市")] == [
        "2020-01/2020-05",
        "2020-05/2020-05",
        "2020-05/2020-05",
    ]


def test_peers_rates_in_brackets_and_the_differences_after_them():
    text = (
        "1—2月份,全市484家规上工业企业增加值同比增长8.1%,居全省第六位,较去年同期(-1.1%)"
        "提高9.2个百分点,分别高出全国(5.9%)、全省(6.4%)平均水平2.2个和1.7个百分点。"
    )
    got = [
        (f.measure, f.value, f.indicator, f.region, f.period) for f in _facts(text, "朔州市", 2025)
    ]
    ind = "规模以上工业增加值"
    assert got == [
        ("count", 484, "规模工业企业数", "朔州", "2025-01/2025-02"),
        ("growth_pct", 8.1, ind, "朔州", "2025-01/2025-02"),
        ("rank", 6, ind, "朔州", "2025-01/2025-02"),
        ("growth_pct", -1.1, ind, "朔州", "2024-01/2024-02"),
        ("pp_diff", 9.2, ind, "朔州", "2025-01/2025-02"),
        ("growth_pct", 5.9, ind, "全国", "2025-01/2025-02"),
        ("growth_pct", 6.4, ind, "山西省", "2025-01/2025-02"),
        ("pp_diff", 2.2, ind, "朔州", "2025-01/2025-02"),
        ("pp_diff", 1.7, ind, "朔州", "2025-01/2025-02"),
    ]


def test_glue_words_that_name_no_indicator_of_their_own():
    text = (
        "1-5月,全市社会消费品零售总额实现81.7亿元,同比增长3.9%,涨幅较1-4月扩大1.1个百分点。"
        "限额以上批零单位通过互联网实现的商品零售额同比增长31.7%,"
        "占限上社会消费品零售总额的38.4%,占比同比提高2.6个百分点。"
    )
    got = [(f.value, f.indicator) for f in _facts(text, "丽水市", 2024)]
    net = "限额以上批零单位通过互联网实现的商品零售额"
    assert got == [
        (81.7, "社会消费品零售总额"),
        (3.9, "社会消费品零售总额"),
        (1.1, "社会消费品零售总额"),
        (31.7, net),
        (38.4, net),
        (2.6, "占比"),
    ]
    text = "1-11月,全区规模以上工业增加值同比增长0.4%。11月份同比增长7.1%,连续8个月保持增长。"
    got = [(f.value, f.unit, f.indicator) for f in _facts(text, "广西壮族自治区")]
    ind = "规模以上工业增加值"
    assert got == [(0.4, "%", ind), (7.1, "%", ind), (8, "个月", ind)]


def test_named_groups_of_prices_are_no_counts():
    text = (
        "消費品價格水平上漲2.1%,其中:八大類項目價格中,衣著類上漲1.3%,"
        "其它四項類的價格比上年同期略有下降,其中交通和通訊價格下降0.7%。"
    )
    got = [(f.measure, f.value) for f in _facts(text, "西藏自治区", None)]
    assert got == [("growth_pct", 2.1), ("growth_pct", 1.3), ("growth_pct", -0.7)]
    # a count of categories with a digit stays a count
    got = _facts("全市35个行业大类中有20个行业增加值保持同比增长。", "丽水市")
    assert [(f.measure, f.value) for f in got] == [("count", 35), ("count", 20)]


def test_aliases_of_the_text_names():
    text = (
        "1-7月,全市规模以上工业实现利润44.6亿元。一季度,西藏工业经济实现增加值1.81亿元。"
        "全区居民消费价格总水平比上年同期上涨1.8%。"
    )
    got = [f.indicator for f in _facts(text, "济源市")]
    assert got == ["规模工业企业利润总额", "工业增加值", "居民消费价格指数"]


def test_names_in_bare_clauses_before_a_list_of_growths():
    text = (
        "5月份,全市规模以上工业增加值同比增长5.7%,分门类看,采矿业,制造业,"
        "电力、热力、燃气及水生产和供应业分别下降29.8%、增长6.5%和增长4.1%。"
    )
    got = [(f.value, f.indicator) for f in _facts(text, "丽水市", 2024)]
    assert got == [
        (5.7, "规模以上工业增加值"),
        (-29.8, "采矿业"),
        (6.5, "制造业"),
        (4.1, "电力、热力、燃气及水生产和供应业"),
    ]
    # a clause with a figure is no name of the list: the list shares its one name
    text = "工业投资增长12%,制造业,高技术产业投资分别增长8.1%、9.2%。"
    got = [(f.value, f.indicator) for f in _facts(text, "丽水市", 2024)]
    assert got[0] == (12, "工业投资") and len(got) == 3


def test_a_sector_alone_in_an_investment_paragraph_is_its_investment():
    text = (
        "一季度,全市固定资产投资增长11.9%,居全省第4位。分产业看,第一产业下降18.3%,"
        "第二产业增长56.7%。\n分产业看,第一产业增加值41亿元,增长3.5%;第二产业增长6.9%。"
    )
    got = [(f.value, f.indicator) for f in _facts(text, "安庆市", 2024)]
    assert got == [
        (11.9, "固定资产投资"),
        (4, "固定资产投资"),
        (-18.3, "第一产业投资"),
        (56.7, "第二产业投资"),
        (41, "第一产业增加值"),
        (3.5, "第一产业增加值"),
        (6.9, "第二产业增加值"),
    ]


def test_a_region_heading_the_sentence_holds_past_its_semicolons():
    text = (
        "一季度,拉萨市城市居民人均可支配收入2347元,比去年同期增长8.3%;"
        "城市居民人均消费性支出2464元,同比增长5.4%。全区城镇居民人均可支配收入增长5%。"
    )
    got = [(f.value, f.region) for f in _facts(text, "西藏自治区", None)]
    assert got == [
        (2347, "拉萨市"),
        (8.3, "拉萨市"),
        (2464, "拉萨市"),
        (5.4, "拉萨市"),
        (5, "西藏自治区"),
    ]
    # the text's own words (全省, 全国) heading a sentence do not carry
    text = "全国城镇居民人均可支配收入增长5%;农村居民人均可支配收入增长6%。"
    got = [(f.value, f.region) for f in _facts(text, "西藏自治区", None)]
    assert got == [(5, "全国"), (6, "西藏自治区")]
