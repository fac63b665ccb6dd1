"""Forms the real corpus's remaining failures showed (issue 14): each sentence gives exactly
these figures."""

from __future__ import annotations

import pytest

from xingshi.extract import extract_text


def _facts(text: str, region: str | None = None, year: int = 2023):
    return [f for f in extract_text(text, region=region, year=year) if not f.derived]


def _pairs(text: str, region: str | None = None) -> list[tuple[str, float]]:
    return [(f.measure, float(f.value)) for f in _facts(text, region)]


FORMS: list[tuple[str, list[tuple[str, float]]]] = [
    # Amounts written with no digit: after a crossing word, or bounding a group of projects.
    ("合同额过百亿,同比增长20%。", [("level", 100.0), ("growth_pct", 20.0)]),
    ("全市规上工业总产值突破千亿元。", [("level", 1000.0)]),
    ("江苏、浙江两省GDP均超过万亿元。", [("level", 1.0), ("level", 1.0)]),
    ("签约引进亿元项目42个。", [("level", 1.0), ("count", 42.0)]),
    ("引进亿元及以上项目107个。", [("level", 1.0), ("count", 107.0)]),
    ("其中亿元和10亿元以上项目投资分别增长9.3%和17.6%。",
     [("level", 1.0), ("level", 10.0), ("growth_pct", 9.3), ("growth_pct", 17.6)]),
    # A magnitude alone with no crossing word and no group is no figure.
    ("亿万人民共同奋斗,完成投资亿元。", []),
    # New starts are a kind of project: a count, not progress.
    ("本年新开工项目1163个。", [("count", 1163.0)]),
    ("新开工亿元及以上产业项目80个。", [("level", 1.0), ("count", 80.0)]),
    ("计划新开工项目45个。", [("target", 45.0)]),
    # Things done, their share of the task list stated after them: progress.
    ("细化为222个具体工作内容。经督查核实,欠进度的有17个,占总任务的7.7%;已完成和提前完成24个,"
     "占总任务的10.8%。",
     [("count", 222.0), ("count", 17.0), ("share_pct", 7.7), ("completed", 24.0),
      ("completed", 10.8)]),
    # One rank for several indicators, and a list of ranks.
    ("全县生产总值92.51亿元,规上工业增加值10.74亿元,分别比增5.1%和15.3%,增速均排在全市第一。",
     [("level", 92.51), ("level", 10.74), ("growth_pct", 5.1), ("growth_pct", 15.3),
      ("rank", 1.0), ("rank", 1.0)]),
    ("城乡居民人均可支配收入分别增长8.6%、9.4%,分别排名全市第7和第4。",
     [("growth_pct", 8.6), ("growth_pct", 9.4), ("rank", 7.0), ("rank", 4.0)]),
    ("地区生产总值、规上工业增加值、固定资产投资分别增长7.1%、8.2%和10.5%,三项指标均排在全市第一。",
     [("growth_pct", 7.1), ("growth_pct", 8.2), ("growth_pct", 10.5), ("rank", 1.0),
      ("rank", 1.0), ("rank", 1.0)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[t[:12] for t, _ in FORMS])
def test_form(text: str, expected: list[tuple[str, float]]) -> None:
    assert sorted(_pairs(text)) == sorted(expected), [f.to_record() for f in _facts(text)]


def test_one_rank_per_indicator_of_the_list() -> None:
    """增速均排在全市第一 after two growths ranks both indicators, not the last one twice."""
    text = "全县生产总值92.51亿元,规上工业增加值10.74亿元,分别比增5.1%和15.3%,增速均排在全市第一。"
    ranks = [f.indicator for f in _facts(text, region="大埔县") if f.measure == "rank"]
    assert ranks == ["地区生产总值", "规模以上工业增加值"]


def test_a_ranks_list_pairs_with_its_indicators() -> None:
    text = "城乡居民人均可支配收入分别增长8.6%、9.4%,分别排名全市第7和第4。"
    ranks = [(f.indicator, f.value) for f in _facts(text) if f.measure == "rank"]
    assert ranks == [("城镇居民人均可支配收入", 7), ("农村居民人均可支配收入", 4)]


def test_a_shared_amount_is_one_fact_per_region() -> None:
    facts = _facts("江苏、浙江两省GDP均超过万亿元。")
    assert [(f.region, f.indicator, f.unit) for f in facts] == [
        ("江苏省", "地区生产总值", "万亿元"),
        ("浙江省", "地区生产总值", "万亿元"),
    ]


def test_a_city_that_is_also_its_only_district_is_the_city() -> None:
    """嘉峪关市 names a city and its one district: the region given is the city."""
    facts = _facts("全市共确定建设项目194个。", region="嘉峪关市", year=2020)
    assert [(f.region, f.region_code) for f in facts] == [("嘉峪关市", "620200")]


def test_catalogue_aliases_of_the_real_texts() -> None:
    text = "地方生产总值增长5%,公共预算收入增长3%,实到外资1.2亿美元,地方级财政收入增长2%。"
    assert [f.indicator for f in _facts(text)] == [
        "地区生产总值",
        "地方财政收入",
        "实际利用外资",
        "地方财政收入",
    ]


@pytest.mark.parametrize(
    "text",
    ["独山子区20万吨/年EVA项目、煤改电二期工程等43个项目。", "吉化年产120万吨乙烯装置等43个项目。"],
)
def test_a_plants_capacity_and_a_phase_name_the_project(text: str) -> None:
    assert _pairs(text) == [("count", 43.0)]


def test_a_park_heading_its_clause_is_the_subject() -> None:
    """A park or town named at the head of a clause owns the figures that follow."""
    text = (
        "截至2016年,蠡县省级园区企业主营业务收入达到62亿元;裘皮小镇共入驻服装企业60余家、"
        "裘皮商户1000余户;绒毛小镇一期如期竣工,成功引进商户100余户。全县生产总值增长5%。"
    )
    got = [(f.value, f.region) for f in _facts(text, region="蠡县", year=2017)]
    assert got == [
        (62, "蠡县省级园区"),
        (60, "裘皮小镇"),
        (1000, "裘皮小镇"),
        (100, "绒毛小镇"),
        (5, "蠡县"),
    ]


def _periods(text: str, year: int = 2020, region: str | None = None) -> list[tuple[float, str]]:
    return [(float(f.value), f.period) for f in _facts(text, region=region, year=year)]


def test_the_years_list_of_projects_is_the_whole_year() -> None:
    text = "今年,全市共确定建设项目194个,年度计划投资112亿元。截至6月底,共复工开工项目137个。"
    assert _periods(text) == [
        (194, "2020-01/2020-12"),
        (112, "2020-01/2020-12"),
        (137, "2020-01/2020-06"),
    ]


def test_as_of_a_month_is_the_year_to_date() -> None:
    assert _periods("截至7月,县列185个重点项目中,55个续建项目全部复工。") == [
        (185, "2020-01/2020-07"),
        (55, "2020-01/2020-07"),
    ]


def test_a_quarter_compared_with_the_half_year_is_to_date() -> None:
    text = "三季度,全县实现地区生产总值125.95亿元,同比增长3.6%,比上半年高1.5个百分点。"
    assert {p for _, p in _periods(text) if p != "2020-01/2020-06"} == {"2020-01/2020-09"}


def test_a_goal_named_as_the_years_task_is_the_year() -> None:
    text = "上半年,全省紧盯固定资产投资增长7%目标任务,完成投资876.74亿元。"
    assert _periods(text, 2021) == [(7, "2021-01/2021-12"), (876.74, "2021-01/2021-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年度计划投资完成率46.67%,较去年同期提高10.41个百分点。",
         [("ratio_pct", 46.67), ("pp_diff", 10.41)]),
        ("70个计划新开工项目中,张掖城市森林公园建设项目等4个项目组织得力,还有11个项目完成年度计划"
         "投资的60%以上。", [("count", 70), ("count", 4), ("count", 11), ("completed", 60)]),
        ("83个县(市、区)中,43个增速超过全省县域平均水平,其中,富县、黄陵县7个县(市)实现两位数增长。",
         [("count", 83), ("count", 43), ("count", 7)]),
        ("居全市七县(市)第二。", [("rank", 2)]),
    ],
)  # fmt: skip
def test_plans_naming_rates_and_kinds_and_counted_counties(text, expected) -> None:
    assert _pairs(text) == [(m, float(v)) for m, v in expected]


def test_areas_and_a_second_list_over_the_same_regions() -> None:
    text = (
        "关中、陕北、陕南县域生产总值同比分别增长6.2%、6.3%、5.3%,"
        "占全省县域生产总值的比重分别为35.7%、46.7%、17.6%。铜川、咸阳、延安3市增速较快。"
    )
    got = [(f.measure, f.region) for f in _facts(text, region="陕西省")]
    assert got == [
        ("growth_pct", "关中"), ("growth_pct", "陕北"), ("growth_pct", "陕南"),
        ("share_pct", "关中"), ("share_pct", "陕北"), ("share_pct", "陕南"),
        ("count", "陕西省"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "牢牢守住三条底线,切实掌控打好两场战役、夺取两个胜利。",
        "报告共分三个部分。",
        "三省的经济增速一度连续居于全国末五位。",
        "把就业放在首位。",
    ],
)
def test_fixed_terms_structure_and_bottom_sets_are_no_figures(text: str) -> None:
    assert _pairs(text) == []


def test_regions_alone_before_a_quoted_amount_share_it() -> None:
    facts = _facts("经济总量方面,广东、江苏超过“3万亿元”。", region="全国", year=2024)
    assert [(f.value, f.region) for f in facts] == [(3, "广东省"), (3, "江苏省")]


def test_a_tie_is_shared_by_the_regions_of_the_figure_before() -> None:
    text = "其中,吉林以6.5%的增速领跑,江苏和重庆以6.2%的增速并列第二。"
    got = [(f.measure, f.value, f.region) for f in _facts(text, region="全国", year=2024)]
    assert got == [
        ("growth_pct", 6.5, "吉林省"),
        ("growth_pct", 6.2, "江苏省"),
        ("growth_pct", 6.2, "重庆市"),
        ("rank", 2, "江苏省"),
        ("rank", 2, "重庆市"),
    ]
    text = "重庆和云南并列第二,同比增长均为12.4%。"
    growth = [f.region for f in _facts(text, region="全国") if f.measure == "growth_pct"]
    assert growth == ["重庆市", "云南省"]


def test_first_place_is_rank_one() -> None:
    facts = _facts("今年一季度,全省地区生产总值增速首次位列全国首位。", region="吉林省")
    assert [(f.measure, f.value, f.scope) for f in facts] == [("rank", 1, "全国")]


def test_the_year_just_past_and_a_list_of_periods() -> None:
    text = (
        "刚刚过去的该省地区生产总值预计增长6.9%。"
        "一季度、上半年、前三季度GDP分别增长6.2%、6.7%、6.9%。"
    )
    # the text opens on the year just past: its quarters are that year's (round 17)
    assert _periods(text, 2017, "吉林省") == [
        (6.9, "2016-01/2016-12"),
        (6.2, "2016-01/2016-03"),
        (6.7, "2016-01/2016-06"),
        (6.9, "2016-01/2016-09"),
    ]
    # a list of comparison bases is no list of periods
    text = "工业用电量6月份增长11.6%,较5月和3月分别提升2.2和8.7个百分点。"
    assert {p for _, p in _periods(text)} == {"2020-06/2020-06"}
