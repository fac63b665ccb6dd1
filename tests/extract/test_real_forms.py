"""Clause forms met in real releases, speeches and news, each in a sentence of our own."""

from __future__ import annotations

import pytest

from xingshi.extract import extract_text

YEAR = {"year": 2022}


def _facts(text: str, **kwargs) -> list:
    return [f for f in extract_text(text, **{**YEAR, **kwargs}) if not f.derived]


def _pairs(text: str, **kwargs) -> list[tuple[str, float]]:
    return [(f.measure, float(f.value)) for f in _facts(text, **kwargs)]


# (sentence, the (measure, value) pairs it must give, in text order)
FORMS: list[tuple[str, list[tuple[str, float]]]] = [
    # 个 stands for 个百分点 until the last item of a list of points.
    ("二季度，全县工业投资增速比全省全市分别慢了2.4个和0.7个百分点。",
     [("pp_diff", -2.4), ("pp_diff", -0.7)]),
    ("建筑业、批发业、住宿业三个行业增速分别比一季度低1.5个、12.2个、3.3个百分点。",
     [("pp_diff", -1.5), ("pp_diff", -12.2), ("pp_diff", -3.3)]),
    ("电子信息、新材料产业增加值分别高于规上工业6.6个、2.9个和1.1个百分点。",
     [("pp_diff", 6.6), ("pp_diff", 2.9), ("pp_diff", 1.1)]),
    # A list of growths where each item has its own verb.
    ("分门类看，采矿业，制造业，水电气供应业分别下降12.4%、增长7.3%和增长2.8%。",
     [("growth_pct", -12.4), ("growth_pct", 7.3), ("growth_pct", 2.8)]),
    # 持平 of a growth rate compares rates: 0 points, not a flat level; one fact per region.
    ("邵阳、常德的增速与全省持平。", [("pp_diff", 0.0), ("pp_diff", 0.0)]),
    ("全市粮食产量与上年持平。", [("growth_pct", 0.0)]),
    ("全市居民消费价格与上月持平。", [("growth_pct", 0.0)]),
    # 保持平稳 holds 持平 but says nothing measurable; 持平的 names a group.
    ("全县物价总体保持平稳，就业形势稳定。", []),
    ("50个城市中房价上涨的有21个，持平的为4个。",
     [("count", 50.0), ("count", 21.0), ("count", 4.0)]),
    # Ranks: the earlier place of a change, and a fall to a new place.
    ("综合考评中，我区由上年的第9位前进到第5位。", [("rank", 9.0), ("rank", 5.0)]),
    ("用电量增幅全市排名由一季度第3位下滑至第7位。", [("rank", 3.0), ("rank", 7.0)]),
    # Periods and digit counts that look like ranks or durations.
    ("去年第四季度全国经济增长4.1%，保持两位数增长的省份只有1个。",
     [("growth_pct", 4.1), ("count", 1.0)]),
    ("全区经济延续前5个月稳中向好态势。", []),
    ("第三产业用电量增长9.4%，是全省唯一一个两位数增长的行业。", [("growth_pct", 9.4)]),
    # Units: a bare 亿 after money words, provinces counted, 千分点, 元/人.
    ("1-9月，全县完成财政总收入12.8亿，增长6.1%。", [("level", 12.8), ("growth_pct", 6.1)]),
    ("上半年，23省份经济增速高于全国，其中9省份增速超过7%。",
     [("count", 23.0), ("count", 9.0), ("growth_pct", 7.0)]),
    ("全年人口出生率为8.31‰，比上年下降0.62个千分点。",
     [("ratio_pct", 8.31), ("pp_diff", -0.62)]),
    ("人口自然增长率为-1.25‰。", [("ratio_pct", -1.25)]),
    ("全员劳动生产率为98650元/人，比上年提高5.1%。", [("level", 98650.0), ("growth_pct", 5.1)]),
    # Prices: 上涨 is a growth.
    ("全年居民消费价格比上年上涨1.7%，其中食品价格下跌0.9%。",
     [("growth_pct", 1.7), ("growth_pct", -0.9)]),
    # Points pulled up and down.
    ("化工行业上拉全市工业增速2.3个百分点，建材行业下拉0.6个百分点。",
     [("pp_diff", 2.3), ("pp_diff", -0.6)]),
    ("全国经济增速较上年同期放缓0.4个百分点。", [("pp_diff", -0.4)]),
    # Per-unit prices keep their whole unit; full-width slashes too.
    ("钢材出厂均价为4,236元/吨，同比下跌8.4%。", [("level", 4236.0), ("growth_pct", -8.4)]),
    # 为预算的N% is progress against the budget.
    ("全区税收收入完成5.37亿元，为预算的81.2%。", [("level", 5.37), ("completed", 81.2)]),
    # A narrowing decline is a rise of the growth rate; a widening one a fall.
    ("出口额下降6.3%，降幅比1-5月收窄2.2个百分点。", [("growth_pct", -6.3), ("pp_diff", 2.2)]),
    ("进口额下降3.1%，降幅较一季度扩大0.8个百分点。", [("growth_pct", -3.1), ("pp_diff", -0.8)]),
    ("出口额增长4.5%，增幅较上月收窄1.3个百分点。", [("growth_pct", 4.5), ("pp_diff", -1.3)]),
    # Progress: projects started out of a total; a share of a budget revenue is a share.
    ("全区27个重点项目已开工24个。", [("count", 27.0), ("completed", 24.0)]),
    ("非税收入3.2亿元，占一般公共预算收入的28.4%。", [("level", 3.2), ("share_pct", 28.4)]),
    # The speech's own structure.
    ("下步重点抓好三件事：一是稳工业，二是扩投资，三是促消费。", []),
    ("今年要办好十件民生实事。", [("count", 10.0)]),
    # The other side's growth written in brackets inside a comparison.
    ("社零增长6.2%，比全省（4.9%）和全国平均水平（3.8%）分别高1.3、2.4个百分点。",
     [("growth_pct", 6.2), ("growth_pct", 4.9), ("growth_pct", 3.8),
      ("pp_diff", 1.3), ("pp_diff", 2.4)]),
    # A list with a space before its 、, and a growth named in the clause before.
    ("出口增速比全市快2.5 、3.6个百分点。", [("pp_diff", 2.5), ("pp_diff", 3.6)]),
    ("食品加工和纺织 增幅最大，分别为17.4%和12.8%。",
     [("growth_pct", 17.4), ("growth_pct", 12.8)]),
    # A rate followed by the growth it describes.
    ("民间投资连续保持20%以上的较快增长。", [("growth_pct", 20.0)]),
    # Progress written without 的, and a bare 千万 bound of a group of projects.
    ("全区工业产值累计48.6亿元，占年度目标92%。", [("level", 48.6), ("completed", 92.0)]),
    ("在库项目88个，其中3千万以上的41个。",
     [("count", 88.0), ("level", 3.0), ("count", 41.0)]),
    # A target word inside a threshold does not make the later figures targets.
    ("12个年预计产值超5亿元的企业共计实现产值96亿元。",
     [("count", 12.0), ("level", 5.0), ("level", 96.0)]),
    # Every item of a goals list is a target, rates and prices included.
    ("今年主要预期目标是：经济增长6%左右；城镇调查失业率5%以内；居民消费价格涨幅3%左右。",
     [("target", 6.0), ("target", 5.0), ("target", 3.0)]),
    # Spaces between numbers and units (text from PDF); a rank change with spaces.
    ("一季度，全区地区生产总值 96.35 亿元，增速 排全省第 21 位、较上年同期上升 4 位。",
     [("level", 96.35), ("rank", 21.0)]),
    # A long quoted slogan holds no figures; a count of projects finished after its noun.
    ("按照“突出一个中心、抓好两个重点、做到三个结合”的思路，纳入调度的45个项目已有37个项目竣工投产。",
     [("count", 45.0), ("completed", 37.0)]),
    ("督办的86件信访件已办结79件。", [("count", 86.0), ("completed", 79.0)]),
    # News forms: a range of growth in a band, the size of the largest fall.
    ("全年经济增速保持在5.8%—6.2%的合理区间。", [("growth_pct", 5.8), ("growth_pct", 6.2)]),
    ("其中，甘肃降幅最大，达到2.7个百分点。", [("pp_diff", -2.7)]),
    # A decrease of an amount is a negative level or count.
    ("全年油料产量4.2万吨，减少0.15万吨。", [("level", 4.2), ("level", -0.15)]),
    ("全年人口自然减少865人。", [("count", -865.0)]),
    # A number wrapped away from its unit by a line break (text from PDF).
    ("其中，第一产业增加值 52816\n万元，增长 2.9%。", [("level", 52816.0), ("growth_pct", 2.9)]),
    # A caption's number is not the amount of the next line's first word.
    ("图2\n人均地区生产总值及增速\n表3\n人口数及构成", []),
    # A named product group is a term, not a count.
    ("粗钢增长1.4%，十种有色金属增长0.7%。", [("growth_pct", 1.4), ("growth_pct", 0.7)]),
    # Footnote marks and page numbers are not figures.
    ("全年完成地区生产总值〔3〕88.21亿元。\n- 2 -\n", [("level", 88.21)]),
    # Counting goals is not setting one; a bracketed 目标 qualifies; a target keeps its sign.
    ("全年86项目标任务中，71项达到序时进度。", [("count", 86.0), ("completed", 71.0)]),
    ("5个约束性指标(按考核目标口径)、12个具体事项进度滞后。", [("count", 5.0), ("count", 12.0)]),
    ("进出口总额预计下降6%左右，低于目标12个百分点。", [("target", -6.0), ("pp_diff", -12.0)]),
    ("318个市级重点项目开复工296个，完成投资215.4亿元。",
     [("count", 318.0), ("completed", 296.0), ("level", 215.4)]),
    # The wider region's growth in brackets after the local one; a peer set before a rank.
    ("全县固定资产投资同比增长8.3%（全市5.9%），八县市排名第四。",
     [("growth_pct", 8.3), ("growth_pct", 5.9), ("rank", 4.0)]),
    # A goals list introduced by a dash, and a meeting's session number.
    ("今年主要预期目标——地区生产总值增长6.5%，城乡居民人均可支配收入分别增长7%、8%，"
     "城镇登记失业率控制在4.5%以内。",
     [("target", 6.5), ("target", 7.0), ("target", 8.0), ("target", 4.5)]),
    ("县十八届人大二次会议确定的目标任务全面完成。", []),
    # A threshold inside a list of ranked indicators stays part of the name.
    # 亿元以上 bounds the group of projects: a threshold, a level of 1 亿元.
    ("外贸进出口、亿元以上项目投资两项指标增速全省第三。",
     [("level", 1.0), ("rank", 3.0), ("rank", 3.0)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[t[:12] for t, _ in FORMS])
def test_form(text: str, expected: list[tuple[str, float]]) -> None:
    """The sentence gives exactly these figures, in this order."""
    assert _pairs(text) == expected, [f.to_record() for f in _facts(text)]


def test_threshold_named_with_its_indicator():
    """A ranked indicator named with a threshold (5000万元以上项目投资) keeps the threshold."""
    facts = _facts("社会消费品零售总额、3000万元以上项目投资2项指标增速全市第二。")
    ranks = [f for f in facts if f.measure == "rank"]
    assert [f.words for f in ranks] == ["社会消费品零售总额", "3000万元以上项目投资"]


def test_points_list_keeps_its_comparison():
    """Each point of a 分别…个和…个百分点 list is a difference, signed by 低/慢."""
    facts = _facts("一季度，全县规上工业增加值增速比全国全省分别低了3.4个和1.2个百分点。")
    got = [(f.measure, f.value, f.unit) for f in facts]
    assert got == [("pp_diff", -3.4, "个百分点"), ("pp_diff", -1.2, "个百分点")]


def test_long_versus_list_then_a_second_list():
    """Five periods compared, then two bases: seven signed differences (this once raised)."""
    text = (
        "全市投资增长9.4%，增速分别较1-2月、1-3月、1-5月、1-6月和1-7月回落3.4、0.6、0.9、0.9和"
        "0.1个百分点，较去年同期和全年分别回落2.6、1.8个百分点。"
    )
    pp = [(f.value, f.versus) for f in _facts(text, region="济源市") if f.measure == "pp_diff"]
    assert pp == [
        (-3.4, "1-2月"), (-0.6, "1-3月"), (-0.9, "1-5月"), (-0.9, "1-6月"), (-0.1, "1-7月"),
        (-2.6, "去年同期"), (-1.8, "全年"),
    ]  # fmt: skip


def test_per_unit_and_versus_before_the_verb():
    """元/吨 stays whole, and 较全市平均水平高出 names 全市 as the other side."""
    facts = _facts("煤炭均价为870元／吨。全区工业增加值增长7.7%，较全市平均水平高出1.6个百分点。")
    assert facts[0].unit == "元/吨"
    pp = next(f for f in facts if f.measure == "pp_diff")
    assert (pp.value, pp.versus, pp.words) == (1.6, "全市", "工业增加值")


def test_turning_positive_is_not_part_of_the_name():
    """增速由负转正 qualifies the growth; the indicator is what precedes it."""
    facts = _facts("1～8月，全市房地产开发投资增速由负转正，增长0.9%。", region="永州市")
    assert [(f.measure, f.value, f.words, f.period) for f in facts] == [
        ("growth_pct", 0.9, "房地产开发投资", "2022-01/2022-08")
    ]


def test_text_table_units_from_header():
    """A table rendered as text takes each column's unit and measure from its header."""
    text = (
        "表2 2022年主要农产品产量\n"
        "指标 | 产量(万吨) | 比上年增长(%)\n"
        "粮食 | 45.62 | 1.8\n"
        "油料 | 3.07 | -2.5\n"
        "\n"
        "全年粮食播种面积63.5千公顷。"
    )
    facts = _facts(text, region="桃源县")
    got = [(f.measure, float(f.value), f.unit, f.words) for f in facts]
    assert got == [
        ("level", 45.62, "万吨", "粮食"),
        ("growth_pct", 1.8, "%", "粮食"),
        ("level", 3.07, "万吨", "油料"),
        ("growth_pct", -2.5, "%", "油料"),
        ("level", 63.5, "千公顷", "粮食播种面积"),
    ]
    for f in facts:
        assert text[f.start : f.end] == f.quote


def test_tab_table_without_label_header():
    """A tab-separated table whose header omits the label cell aligns on the right."""
    text = "绝对数(亿元)\t增长(%)\n地区生产总值\t302.4\t5.6\n"
    got = [(f.measure, float(f.value)) for f in _facts(text, region="吉首市")]
    assert got == [("level", 302.4), ("growth_pct", 5.6)]


def test_html_table_rows(tmp_path):
    """An HTML table in a release reads as rows of cells, units from the header row."""
    page = tmp_path / "gb.html"
    page.write_text(
        "<html><body><div class='nav'><a>首页</a></div><div class='article'>"
        "<p>全年全县地区生产总值85.24亿元，比上年增长5.1%，其中第一产业增加值12.06亿元。</p>"
        "<table><tr><th>指标</th><th>绝对数(亿元)</th><th>增长(%)</th></tr>"
        "<tr><td>地区生产总值</td><td>85.24</td><td>5.1</td></tr>"
        "<tr><td>第三产业</td><td>41.37</td><td>4.6</td></tr></table>"
        "<p>年末全县常住人口22.35万人，城镇化率51.2%。</p></div></body></html>",
        encoding="utf-8",
    )
    from xingshi.extract import extract_file

    got = [(f.measure, float(f.value), f.words) for f in extract_file(page, year=2022)]
    assert ("level", 41.37, "第三产业") in got
    assert ("growth_pct", 4.6, "第三产业") in got
    assert ("ratio_pct", 51.2, "城镇化率") in got
    assert len(got) == 9


def test_table_without_units_gives_nothing():
    """A table whose header gives no unit (a list of names and codes) yields no figures."""
    text = "序号 | 单位名称 | 联系电话\n1 | 统计局 | 8223456\n2 | 财政局 | 8223457\n"
    assert _facts(text, region="吉首市") == []
