"""Sentences in forms the seed speech does not use, each with the figures it must give."""

from __future__ import annotations

from datetime import date

import pytest

from xingshi.extract import extract_text

D = date(2021, 10, 20)
XX = {"region": "湘西州", "year": 2021}


def at(region: str) -> dict:
    return {"region": region, "year": 2021}


# (text, extract_text keywords, expected facts: measure, value, then fields that must match;
# "indicator" matches when one name contains the other).
CASES: list[tuple[str, dict, list[tuple]]] = [
    ("1-9月，全市规模以上工业增加值同比增长8.3%，增速比上半年回落1.2个百分点。",
     {"region": "岳阳市", "doc_date": D},
     [("growth_pct", 8.3, {"indicator": "规模以上工业增加值", "period": "2021-01/2021-09",
                           "region": "岳阳市"}),
      ("pp_diff", -1.2, {"versus": "上半年"})]),
    ("前三季度，全省地区生产总值达到3.2万亿元，同比增长9.7%，两年平均增长6.1%。",
     at("湖南省"),
     [("level", 3.2, {"unit": "万亿元", "indicator": "地区生产总值", "period": "2021-01/2021-09"}),
      ("growth_pct", 9.7, {"indicator": "地区生产总值"}),
      ("growth_pct", 6.1, {"basis": "两年平均"})]),
    ("上半年，株洲市社会消费品零售总额1,234.5亿元，同比下降2.3%。", {"year": 2021},
     [("level", 1234.5, {"unit": "亿元", "region": "株洲市", "indicator": "社会消费品零售总额"}),
      ("growth_pct", -2.3, {"indicator": "社会消费品零售总额"})]),
    ("1-6月，全县固定资产投资比上年同期回落百分之十二点五。", at("凤凰县"),
     [("growth_pct", -12.5, {"indicator": "固定资产投资", "region": "凤凰县"})]),
    ("1-2月，全州一般公共预算收入增长-0.5%。", XX,
     [("growth_pct", -0.5, {"period": "2021-01/2021-02"})]),
    ("1-9月，全州规模工业增加值增速排全省第4位，较上半年前移2位。", XX,
     [("rank", 4, {"scope": "湖南省", "indicator": "规模以上工业增加值"})]),
    ("今年以来，吉首市新增市场主体一万二千户。", {"doc_date": date(2021, 7, 15)},
     [("count", 12000, {"unit": "户", "region": "吉首市", "period": "2021-01/2021-06"})]),
    ("上半年，全州地區生產總值增長12.5%，增速高於全省1.2個百分點，居全省第一位。",
     XX,
     [("growth_pct", 12.5, {"indicator": "地区生产总值", "period": "2021-01/2021-06"}),
      ("pp_diff", 1.2, {"versus": "全省"}),
      ("rank", 1, {"scope": "湖南省", "indicator": "地区生产总值"})]),
    ("全州地区生产总值全年目标增长8%，1-6月完成全年目标的52.3%。", XX,
     [("target", 8, {"unit": "%", "period": "2021-01/2021-12"}),
      ("completed", 52.3, {"unit": "%"})]),
    ("非公有制经济增加值占GDP的比重为55.6%。", XX,
     [("share_pct", 55.6, {"of": "GDP"})]),
    ("全市城镇化率达到58.2%，比上年提高1.5个百分点。", at("常德市"),
     [("ratio_pct", 58.2, {"indicator": "城镇化率"}), ("pp_diff", 1.5, {})]),
    ("1-6月，全州进出口总额是上年同期的2.5倍。", XX,
     [("growth_multiple", 2.5, {"indicator": "进出口总额"})]),
    ("上半年外贸进出口实现翻一番。", XX,
     [("growth_multiple", 1, {"unit": "番"})]),
    ("1-6月，全州工业用电量与上年持平。", XX,
     [("growth_pct", 0, {"indicator": "工业用电量"})]),
    ("6月末，金融机构各项贷款余额1856.3亿元，同比增长13.1%。", XX,
     [("level", 1856.3, {"indicator": "贷款余额"}),
      ("growth_pct", 13.1, {"indicator": "贷款余额"})]),
    ("新增规模以上工业企业58家，完成年度目标任务的72.5%。", XX,
     [("count", 58, {"unit": "家"}), ("completed", 72.5, {"unit": "%"})]),
    ("全州共有“四上”企业1023家。", XX,
     [("count", 1023, {"indicator": "“四上”企业"})]),
    ("全省累计完成投资近1.2万亿元。", at("湖南省"),
     [("level", 1.2, {"unit": "万亿元", "approx": "近"})]),
    ("城乡居民人均可支配收入分别达到35620元、16820元，分别增长8.1%、10.2%。",
     XX,
     [("level", 35620, {"indicator": "城镇居民人均可支配收入"}),
      ("level", 16820, {"indicator": "农村居民人均可支配收入"}),
      ("growth_pct", 8.1, {"indicator": "城镇居民人均可支配收入"}),
      ("growth_pct", 10.2, {"indicator": "农村居民人均可支配收入"})]),
    ("第一产业、第二产业、第三产业增加值分别增长7.8%、10.2%、6.5%。", XX,
     [("growth_pct", 7.8, {"indicator": "第一产业"}),
      ("growth_pct", 10.2, {"indicator": "第二产业"}),
      ("growth_pct", 6.5, {"indicator": "第三产业"})]),
    ("一要稳增长，二要调结构，三要惠民生。", {}, []),
    ("认真贯彻党的十九届五中全会精神，落实“十四五”规划，实现“三高四新”目标。", {}, []),
    ("第二，要抓好项目建设，第三，要优化营商环境。", {}, []),
    ("2021年7月1日是建党100周年纪念日，我们迎来七一。", {}, []),
    ("全市接待国内外游客2,350.6万人次，实现旅游总收入312亿元，分别增长35.2%和41.8%。",
     at("张家界市"),
     [("level", 2350.6, {"unit": "万人次", "indicator": "游客"}),
      ("level", 312, {"indicator": "旅游总收入"}),
      ("growth_pct", 35.2, {"indicator": "游客"}),
       ("growth_pct", 41.8, {"indicator": "旅游总收入"})]),
    ("规模工业企业实现利润总额45.6亿元，下降12.3%。", XX,
     [("level", 45.6, {"indicator": "利润总额"}),
      ("growth_pct", -12.3, {"indicator": "利润总额"})]),
    ("地方一般公共预算收入完成38.6亿元，完成预算的56.2%，高于时间进度6.2个百分点。",
     XX,
     [("level", 38.6, {}),
      ("completed", 56.2, {}), ("pp_diff", 6.2, {"versus": "时间进度"})]),
    ("全州空气质量优良天数比例为95.1%，PM2.5平均浓度下降8.7%。", XX,
     [("ratio_pct", 95.1, {"indicator": "优良天数比例"}),
      ("growth_pct", -8.7, {"indicator": "浓度"})]),
    ("全年新建5G基站1200个。", XX,
     [("count", 1200, {"unit": "个"})]),
    ("全县实现地区生产总值86.5亿元，增长7.2%，增速居全州第3位。", at("泸溪县"),
     [("level", 86.5, {"region": "泸溪县"}), ("growth_pct", 7.2, {}),
      ("rank", 3, {"scope": "湘西州", "indicator": "地区生产总值"})]),
    ("一季度，全市规上工业增加值增长15.6%，排名全省第五。", at("衡阳市"),
     [("growth_pct", 15.6, {"period": "2021-01/2021-03"}),
      ("rank", 5, {"scope": "湖南省"})]),
    ("招商引资实际到位资金超过200亿元，约占全年计划的60%。", XX,
     [("level", 200, {"approx": "超过"}), ("completed", 60, {})]),
    ("全州有5个县市GDP增速低于全州平均水平。", XX,
     [("count", 5, {})]),
    ("全年力争实现地区生产总值增长8.5%以上。", XX,
     [("target", 8.5, {"approx": "以上"})]),
    ("完成造林面积12.3万亩，森林覆盖率达70.24%。", XX,
     [("level", 12.3, {"unit": "万亩"}), ("ratio_pct", 70.24, {"indicator": "森林覆盖率"})]),
    ("1-6月，社会消费品零售总额两年平均增长4.2%。", XX,
     [("growth_pct", 4.2, {"basis": "两年平均", "indicator": "社会消费品零售总额"})]),
    ("上半年，全市一般公共預算支出同比減少3.4%。", at("怀化市"),
     [("growth_pct", -3.4, {"indicator": "一般公共预算支出"})]),
    ("上半年，農村居民人均可支配收入9856元，增長11.2%。", XX,
     [("level", 9856, {"unit": "元"}),
      ("growth_pct", 11.2, {"indicator": "农村居民人均可支配收入"})]),
    ("1—11月，全州规模以上工业增加值增长9.1%。", XX,
     [("growth_pct", 9.1, {"period": "2021-01/2021-11"})]),
    ("1至9月，全市固定资产投资增长12.1%。", at("邵阳市"),
     [("growth_pct", 12.1, {"period": "2021-01/2021-09", "indicator": "固定资产投资"})]),
    ("截至6月末，全州金融机构存款余额1523.6亿元，比年初增长8.9%。", XX,
     [("level", 1523.6, {"indicator": "存款余额"}), ("growth_pct", 8.9, {})]),
    ("全州有33个项目列入省重点项目，完成投资125.6亿元，占年度计划的61.3%。",
     XX,
     [("count", 33, {}), ("level", 125.6, {}), ("completed", 61.3, {})]),
    ("我县有3个乡镇获评省级示范乡镇。", at("花垣县"),
     [("count", 3, {"region": "花垣县"})]),
    ("十八洞村人均纯收入由2013年的1668元增加到2020年的18369元。", at("花垣县"),
     [("level", 1668, {"unit": "元"}), ("level", 18369, {"unit": "元"})]),
    ("全县经济综合实力在全国百强县中位列第52位。", at("长沙县"),
     [("rank", 52, {})]),
    ("主要经济指标增速均高于全国平均水平。", XX, []),
    ("全省GDP增长6.5%，低于全国1.8个百分点。", {"region": "湖南省", "year": 2022},
     [("growth_pct", 6.5, {"region": "湖南省"}), ("pp_diff", -1.8, {"versus": "全国"})]),
    ("全市实现税收收入52.3亿元，占一般公共预算收入的比重为78.6%，同比提高2.1个百分点。",
     at("益阳市"),
     [("level", 52.3, {"indicator": "税收收入"}),
      ("share_pct", 78.6, {}), ("pp_diff", 2.1, {})]),
    ("全州规模以上工业企业达到386家，净增42家。", XX,
     [("count", 386, {}), ("count", 42, {})]),
    ("全县累计办结群众诉求1.5万件，办结率98.6%。", at("保靖县"),
     [("count", 1.5, {"unit": "万件"}), ("ratio_pct", 98.6, {"indicator": "办结率"})]),
    ("前三季度，全市实现地区生产总值1234.56亿元，按可比价格计算，同比增长8.9%。", at("怀化市"),
     [("level", 1234.56, {"indicator": "地区生产总值"}),
      ("growth_pct", 8.9, {"indicator": "地区生产总值", "period": "2021-01/2021-09"})]),
    ("前三季度，生猪出栏285.6万头，增长32.1%。", at("怀化市"),
     [("count", 285.6, {"unit": "万头"}), ("growth_pct", 32.1, {"indicator": "生猪出栏"})]),
    ("9月末，全市金融机构各项存款余额3456.7亿元，比年初增加289.1亿元，同比增长9.8%。", at("怀化市"),
     [("level", 3456.7, {"period": "2021-01/2021-09"}),
      ("level", 289.1, {"basis": "比年初增加", "indicator": "存款余额"}),
      ("growth_pct", 9.8, {"indicator": "存款余额"})]),
    ("全市工业增加值比上年下降3.5亿元。", at("怀化市"), [("level", -3.5, {"basis": "比上年下降"})]),
    ("增速比全省高2.3个百分点，比全国快1.5个百分点。", XX,
     [("pp_diff", 2.3, {"versus": "全省"}), ("pp_diff", 1.5, {"versus": "全国"})]),
    ("全县实现生产总值一千二百亿元。", at("凤凰县"), [("level", 1200, {"unit": "亿元"})]),
    ("长沙市是全省第一大城市，全市GDP总量居全国第15位。", at("长沙市"),
     [("rank", 15, {"scope": "全国"})]),
    ("1-6月，全州GDP同比增长12.5%，比全国、全省分别高3.8和2.6个百分点。", XX,
     [("growth_pct", 12.5, {}), ("pp_diff", 3.8, {"versus": "全国"}),
      ("pp_diff", 2.6, {"versus": "全省"})]),
    ("上半年，全州招商引资到位资金80亿元，同比增长39.9%，总量和增速均居全省第一。", XX,
     [("level", 80, {}), ("growth_pct", 39.9, {}),
      ("rank", 1, {"indicator": "招商引资到位资金"}),
      ("rank", 1, {"indicator": "招商引资到位资金"})]),
    ("上半年，吉首市、泸溪县、凤凰县GDP增速分别为13.2%、12.8%、11.5%。", XX,
     [("growth_pct", 13.2, {"region": "吉首市"}), ("growth_pct", 12.8, {"region": "泸溪县"}),
      ("growth_pct", 11.5, {"region": "凤凰县"})]),
    ("第一季度全州经济增长8%，增长速度在全省排名第七位。", XX,
     [("growth_pct", 8, {}), ("rank", 7, {"scope": "湖南省"})]),
    ("今年上半年，酒鬼酒公司实现销售额超过17亿元，税收超过6亿元。", XX,
     [("level", 17, {"region": "酒鬼酒公司"}), ("level", 6, {"region": "酒鬼酒公司"})]),
    ("深刻领悟“两个确立”的决定性意义，增强四个意识、坚定四个自信、做到两个维护，统筹推进五位一体总体布局。",
     {}, []),
    ("新华社长沙7月15日电（记者 张三）2021-07-15 10:30:21 来源：湖南日报 点击：1234次", {}, []),
    ("全面落实第十四个五年规划，召开十四届全国人大一次会议，奋力实现三个一百年奋斗目标。", {}, []),
    ("全州GDP增速排名由全省第8位上升至第5位。", XX,
     [("rank", 8, {"indicator": "地区生产总值"}), ("rank", 5, {"indicator": "地区生产总值"})]),
    ("上半年全州实现地区生产总值（GDP）1234亿元，预计全年增长8%-10%。", XX,
     [("level", 1234, {"indicator": "地区生产总值"}), ("target", 8, {}), ("target", 10, {})]),
    ("全年共引进资金3000多万元，新增企业100余家。", XX,
     [("level", 3000, {"unit": "万元", "approx": "多"}), ("count", 100, {"approx": "余"})]),
    ("全州进出口总额增长一倍，利用外资比重提高一个百分点，一批项目开工。", XX,
     [("growth_multiple", 1, {"indicator": "进出口总额"}),
      ("pp_diff", 1, {"indicator": "利用外资比重", "versus": "上年同期"})]),
    ("上半年，全市实现地区生产总值826.3亿元，同比增长13.5%；两年平均增长7.1%。", at("怀化市"),
     [("level", 826.3, {}), ("growth_pct", 13.5, {}),
      ("growth_pct", 7.1, {"basis": "两年平均", "indicator": "地区生产总值"})]),
    ("三次产业结构为13.1∶33.6∶53.3，全市在建亿元以上项目达526个。", at("怀化市"),
     [("level", 1, {"unit": "亿元", "approx": "以上"}),
      ("count", 526, {"indicator": "在建亿元以上项目"})]),
    ("今年的主要预期目标是：地区生产总值增长8%左右，规模工业增加值增长9%，城乡居民人均可支配收入分别增长7%和9%。",
     XX,
     [("target", 8, {"approx": "左右", "indicator": "地区生产总值", "period": "2021-01/2021-12"}),
      ("target", 9, {"indicator": "规模以上工业增加值"}),
      ("target", 7, {"indicator": "城镇居民人均可支配收入"}),
      ("target", 9, {"indicator": "农村居民人均可支配收入"})]),
    ("1-6月，全州GDP增长12.5%，分县市看，吉首市增速最快，达15.2%。", XX,
     [("growth_pct", 12.5, {"region": "湘西州"}),
      ("growth_pct", 15.2, {"region": "吉首市", "indicator": "地区生产总值"})]),
    ("1-6月，全州GDP达到368.6亿元（增长14.1%），规模工业增加值增长15.2%（全省第一）。", XX,
     [("level", 368.6, {"indicator": "地区生产总值"}),
      ("growth_pct", 14.1, {"indicator": "地区生产总值"}),
      ("growth_pct", 15.2, {}), ("rank", 1, {"indicator": "规模以上工业增加值"})]),
    ("全州重点项目完成投资120亿元（占年度计划的55%）。", XX,
     [("level", 120, {}), ("completed", 55, {"of": "年度计划"})]),
    ("在全省十四个市州中，我州GDP增速排第十四位，八个县市区中有三个县增速为负。", XX,
     [("count", 14, {"unit": "个"}), ("rank", 14, {"scope": "湖南省", "indicator": "地区生产总值"}),
      ("count", 8, {"indicator": "县市区"}), ("count", 3, {})]),
    ("全州新增规模工业企业二十六家，完成年度目标任务的百分之十六点三。", XX,
     [("count", 26, {"unit": "家"}), ("completed", 16.3, {"of": "年度目标任务"})]),
]  # fmt: skip


def _ids() -> list[str]:
    return [text[:14] for text, _, _ in CASES]


@pytest.mark.parametrize(("text", "kwargs", "expected"), CASES, ids=_ids())
def test_sentence(text: str, kwargs: dict, expected: list[tuple]) -> None:
    """The sentence gives exactly the expected figures, with the expected attributes."""
    facts = [f for f in extract_text(text, **kwargs) if not f.derived]
    got = sorted((f.measure, float(f.value)) for f in facts)
    assert got == sorted((m, float(v)) for m, v, _ in expected), [f.to_record() for f in facts]
    used: set[int] = set()
    for measure, value, fields in expected:
        # Expected facts pair with extracted ones in text order (two "target 9" facts differ).
        i = next(
            i for i, f in enumerate(facts)
            if i not in used and f.measure == measure and float(f.value) == float(value)
        )  # fmt: skip
        used.add(i)
        fact = facts[i]
        assert text[fact.start : fact.end] == fact.quote
        for key, want in fields.items():
            have = getattr(fact, key)
            if key == "indicator":
                assert have and (want in have or have in want or want in (fact.words or "")), (
                    key, have, want)  # fmt: skip
            elif key in ("versus", "of"):
                assert have is not None and str(want) in str(have), (key, have, want)
            else:
                assert have == want, (key, have, want, fact.to_record())


def test_derived_from_points_above():
    """A growth rate and a gap in points imply the other side's growth, marked derived."""
    facts = extract_text(
        "1-6月，全州税收增长28.6%，高于地方财政收入6.7个百分点。", region="湘西州", year=2021
    )
    derived = [f for f in facts if f.derived]
    assert [(d.measure, d.value, d.words) for d in derived] == [
        ("growth_pct", 21.9, "地方财政收入")
    ]


def test_derived_region_growth():
    """高于全省1.2个百分点 implies the province's own growth for the same indicator."""
    facts = extract_text(
        "上半年，全州GDP增长12.5%，高于全省1.2个百分点。", region="湘西州", year=2021
    )
    derived = [f for f in facts if f.derived]
    assert [(d.value, d.region, d.region_code) for d in derived] == [(11.3, "湖南省", "430000")]


def test_derived_earlier_period():
    """比上半年回落1.6个百分点 implies the first half's growth, for that period."""
    facts = extract_text(
        "1-9月，全市规模以上工业增加值同比增长9.4%，比上半年回落1.6个百分点，两年平均增长6.2%。",
        region="怀化市",
        year=2021,
    )
    derived = [(f.value, f.period, f.indicator) for f in facts if f.derived]
    assert derived == [(11, "2021-01/2021-06", "规模以上工业增加值")]
    assert [f.period for f in facts if not f.derived] == ["2021-01/2021-09"] * 3


def test_year_from_the_title():
    """A release without a full date takes its year from the title."""
    facts = extract_text(
        "2021年前三季度怀化市经济运行情况\n\n前三季度，全市规模以上工业增加值增长9.4%。"
    )
    assert [(f.period, f.region) for f in facts] == [("2021-01/2021-09", "怀化市")]


def test_province_text_detects_its_province():
    """A province's release (全省…, 我省…) is about the province; named cities stay themselves."""
    text = (
        "2021年上半年湖南省经济运行情况\n上半年，全省地区生产总值22203.7亿元，同比增长13.2%。"
        "我省固定资产投资增长11.5%。长沙市地区生产总值增长10.1%。"
    )
    got = [(f.region_code, f.value) for f in extract_text(text)]
    assert got == [("430000", 22203.7), ("430000", 13.2), ("430000", 11.5), ("430100", 10.1)]


def test_prefecture_speech_is_not_taken_for_its_province():
    """居全省第一 in a prefecture's speech does not make the speech the province's."""
    text = "1-6月，全州GDP增长12.5%，居全省第一，全州税收增长28.6%，居全省第二。湘西州"
    assert {f.region_code for f in extract_text(text, year=2021)} == {"433100"}


def test_indicator_shorthand_and_qualifiers():
    """经济增长 is GDP growth; 本外币各项 qualifiers do not hide 存款余额."""
    facts = extract_text(
        "上半年全州经济增长12.5%，6月末金融机构本外币各项存款余额1523.6亿元。",
        region="湘西州",
        year=2021,
    )
    assert [(f.indicator, f.indicator_code) for f in facts] == [
        ("地区生产总值", "gdp"),
        ("金融机构存款余额", "deposits"),
    ]


def test_national_release_forms():
    """分季度看 borrows the paragraph's indicator; 全国 carries over; 实际/环比 are bases."""
    text = (
        "上半年，全国国内生产总值532167亿元，同比增长12.7%。分季度看，一季度同比增长18.3%；"
        "二季度同比增长7.9%。6月份，规模以上工业增加值同比增长8.3%，环比增长0.56%。"
        "\n上半年，全国居民人均可支配收入17642元，名义增长12.6%，扣除价格因素实际增长12.0%。"
    )
    got = [
        (f.value, f.indicator_code, f.region_code, f.period, f.basis)
        for f in extract_text(text, year=2021)
    ]
    assert got == [
        (532167, "gdp", "100000", "2021-01/2021-06", None),
        (12.7, "gdp", "100000", "2021-01/2021-06", None),
        (18.3, "gdp", "100000", "2021-01/2021-03", None),
        (7.9, "gdp", "100000", "2021-04/2021-06", None),
        (8.3, "industry_va", None, "2021-06/2021-06", None),
        (0.56, "industry_va", None, "2021-06/2021-06", "环比"),
        (17642, "income", "100000", "2021-01/2021-06", None),
        (12.6, "income", "100000", "2021-01/2021-06", None),
        (12.0, "income", "100000", "2021-01/2021-06", "实际"),
    ]
