"""Forms met in batch 17 (宁夏, 内蒙古, 新疆, 黑龙江, 青海 notices and work reports)."""

from __future__ import annotations

import pytest

from xingshi.extract import extract_text


def _facts(text: str, year: int = 2024, region: str | None = None) -> list[tuple[str, float]]:
    facts = extract_text(text, region=region, year=year)
    return [(f.measure, float(f.value)) for f in facts if not f.derived]


FORMS: list[tuple[str, list[tuple[str, float]]]] = [
    # A wind farm's capacity names the project; the installed total after it is a figure.
    (
        "甲公司3万千瓦、乙公司15万千瓦风电并网发电,新能源总装机突破120万千瓦。",
        [("level", 120.0)],
    ),
    # 两件大事 is a slogan; 十件实事 stays a count.
    ("全力办好两件大事,办好民生十件实事。", [("count", 10.0)]),
    # 三元前驱体 is a battery material, not three yuan.
    ("引进锂电池三元前驱体项目1个,总投资12亿元。", [("count", 1.0), ("level", 12.0)]),
    # Starts of another kind of project than the total's are counted, not progress.
    (
        "截至9月底,第二产业项目22个,已开工16个,其中能源项目已开工建设11个。",
        [("count", 22.0), ("completed", 16.0), ("count", 11.0)],
    ),
    # Starts of the total's own kind stay progress against it.
    ("124个新建项目已开工122个。", [("count", 124.0), ("completed", 122.0)]),
    ("80个重点建设项目开复工76个。", [("count", 80.0), ("completed", 76.0)]),
    # 各县(市)区、园区 names every county and park at once: one figure, not one per item.
    (
        "各县(市)区、园区第二批基本建设项目154个,总投资279.5亿元。",
        [("count", 154.0), ("level", 279.5)],
    ),
    # 各 before the verb still gives the figure to every item.
    ("工业、农业投资各增长5%。", [("growth_pct", 5.0), ("growth_pct", 5.0)]),
    # Started but not registered is a plain count, not progress.
    (
        "截至5月底,18个项目已全部开工,开工率100%;已开工未入库项目1个。",
        [("count", 18.0), ("ratio_pct", 100.0), ("count", 1.0)],
    ),
    # A start word inside the noun of the item before 和 makes the next one no progress.
    (
        "另安排3个重点预备开工项目和2个重点前期工作项目。",
        [("count", 3.0), ("count", 2.0)],
    ),
    # People counted in 万 with no classifier; the per-head income after them is a level.
    (
        "2.2万脱贫人口人均纯收入19701元,带动1560多万返乡农民工就业。",
        [("count", 2.2), ("level", 19701.0), ("count", 1560.0)],
    ),
    # 突破200万大关: a bare 万 before 大关 is an amount.
    ("机场旅客吞吐量突破200万大关。", [("level", 200.0)]),
    # A bare 万 elsewhere stays no figure.
    ("常住人口200万,覆盖面广。", []),
    # 全区第四个 ranks in its scope; the amount crossed is a level.
    (
        "工业经济总量成为全区第四个突破2000亿元大关的地区。",
        [("rank", 4.0), ("level", 2000.0)],
    ),
    # A rank after a clause listing indicators with 、 ranks each of them.
    (
        "外贸进出口总额增速、保税物流中心进出口额再创历史新高,跃居全区首位。",
        [("rank", 1.0), ("rank", 1.0)],
    ),
    ("工业和信息化发展良好,位居全省第二。", [("rank", 2.0)]),
    # Durations: 用一个多月时间, 拟于2-3年开工 (a range of years), 用3年时间.
    (
        "用一个多月时间控制疫情,用两个多月时间重启经济;项目拟于2-3年开工,用3年时间建成。",
        [("level", 1.0), ("level", 2.0), ("count", 2.0), ("count", 3.0), ("count", 3.0)],
    ),
    # Parts in brackets after a figure are read as it is, and total nothing after them.
    (
        "各部门承诺开复工36项(续建29项,新建7项),已开复工的项目26项,未开复工10项(续建8项,新建2项)。",
        [
            ("target", 36.0),
            ("target", 29.0),
            ("target", 7.0),
            ("completed", 26.0),
            ("count", 10.0),
            ("count", 8.0),
            ("count", 2.0),
        ],
    ),
    # Without a scope 第一个 stays an ordinal.
    ("实现第一个百年奋斗目标。", []),
]


def _regions(text: str) -> list[tuple[float, str | None]]:
    facts = extract_text(text, region="科尔沁右翼前旗", year=2024)
    return [(float(f.value), f.region) for f in facts if not f.derived]


def test_a_park_heads_its_own_clause_only() -> None:
    # The park's clause ends at the semicolon; a park before 等 is an example.
    text = (
        "某某产业园有序搬迁,仓储项目进展顺利;黑羊山基地等47个重大项目储备入库。"
        "生态循环设施产业园等41个项目进展顺利。新材料产业园区完成投资5亿元。"
    )
    assert _regions(text) == [
        (47.0, "科尔沁右翼前旗"),
        (41.0, "科尔沁右翼前旗"),
        (5.0, "新材料产业园区"),
    ]


def test_a_year_before_an_amount_is_its_period() -> None:
    # 增长到2020年61.95亿元: the year holds without 的; the start of the change names nothing.
    text = "全县生产总值从2015年的39.70亿元增长到2020年61.95亿元。2019年12月完成投资6亿元。"
    facts = [(f.value, f.period, f.indicator) for f in extract_text(text, year=2021)]
    assert facts == [
        (39.7, "2015-01/2015-12", "地区生产总值"),
        (61.95, "2020-01/2020-12", "地区生产总值"),
        (6, "2019-12/2019-12", "投资"),
    ]


PLAN = (
    "截止6月底,全市已开工项目605个。\n"
    "第一批基本建设项目537个,总投资2571亿元,年度计划投资695.8亿元。截止6月底,已开工项目491个。\n"
    "另安排3个重点预备开工项目和2个重点前期工作项目。\n"
    "截止6月底,甲、乙等4个项目推进较快,已超额完成年度计划投资。"
)


def test_a_batch_sized_with_its_year_plan_is_the_year() -> None:
    # The count and total stated with the year's plan are the year's, the starts are to date.
    periods = [(f.value, f.period) for f in extract_text(PLAN, year=2020)]
    year, half = "2020-01/2020-12", "2020-01/2020-06"
    assert periods == [(605, half), (537, year), (2571, year), (695.8, year), (491, half),
                       (3, year), (2, year), (4, half)]  # fmt: skip


def test_indicator_names_of_work_reports() -> None:
    # 一般公共财政预算收入 is the catalogue's 地方财政收入; 可比价 only qualifies the output.
    text = "农林牧渔业可比价总产值184.4亿元;一般公共财政预算收入2.82亿元。"
    names = [f.indicator for f in extract_text(text, year=2024)]
    assert names == ["农林牧渔业总产值", "地方财政收入"]


def _places(text: str) -> list[tuple[float, str | None]]:
    return [(float(f.value), f.region) for f in extract_text(text, region="全国", year=2024)]


def test_regions_of_the_clause_before_pair_with_a_list() -> None:
    # The regions head the clause before; a count of provinces keeps the country.
    text = (
        "经济总量方面,浙江、江苏超过“3万亿元”;增速方面,16个省份高于“全国线”。"
        "一季度,广东和江苏携手跻身“3万亿+”,一季度GDP分别交出31511亿元和31020亿元。"
    )
    assert _places(text)[2:] == [(16.0, "全国"), (31511.0, "广东省"), (31020.0, "江苏省")]


def test_a_text_opening_on_the_year_just_past_reports_that_year() -> None:
    # 刚刚过去的 first: the quarters after it are last year's, the named goal year stays.
    text = (
        "会上介绍,刚刚过去的该省地区生产总值增长6.9%。一季度、上半年GDP分别增长6.2%、6.7%。"
        "2017年预期目标是,地区生产总值增长7%左右。"
    )
    periods = [(f.value, f.period) for f in extract_text(text, year=2017)]
    assert periods == [(6.9, "2016-01/2016-12"), (6.2, "2016-01/2016-03"),
                       (6.7, "2016-01/2016-06"), (7, "2017-01/2017-12")]  # fmt: skip


def test_a_project_named_after_a_hospital_is_the_region_s() -> None:
    text = (
        "预备开工项目中的某市中医医院新建项目已开工建设,完成投资825万元。甲公司实现销售额17亿元。"
    )
    facts = [(f.value, f.region) for f in extract_text(text, region="银川市", year=2019)]
    assert facts == [(825, "银川市"), (17, "甲公司")]


def test_starts_are_named_after_their_total() -> None:
    text = "截至9月底,市级主导投资项目36个,已开工项目27个;第二产业项目22个,已开工16个。"
    names = [f.indicator for f in extract_text(text, year=2020) if f.measure == "completed"]
    assert names == ["市级主导投资项目开工", "第二产业项目开工"]


def test_fields_listed_before_a_rate_share_it() -> None:
    text = (
        "分行业看,新兴产业、公路、电力等领域重点项目推进有力,投资完成率均高于100%;"
        "生态环保、经贸物流等领域重大项目加快建设,投资完成率达90%以上。全县开工率达85%。"
    )
    facts = [(f.value, f.indicator) for f in extract_text(text, year=2022)]
    assert facts == [
        (100, "新兴产业重点项目投资完成率"),
        (100, "公路重点项目投资完成率"),
        (100, "电力重点项目投资完成率"),
        (90, "生态环保重大项目投资完成率"),
        (90, "经贸物流重大项目投资完成率"),
        (85, "开工率"),
    ]


# In a review of a past year 争取 reports money obtained; in this year's plans it is a goal.
REVIEW = "一、2023年工作回顾\n争取各级衔接资金3.64亿元。\n二、2024年工作安排\n争取中央资金5亿元。"


def test_strive_in_a_past_review_is_obtained() -> None:
    assert _facts(REVIEW, year=2024) == [("level", 3.64), ("target", 5.0)]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_round17_form(text: str, expected: list[tuple[str, float]]) -> None:
    assert _facts(text) == expected
