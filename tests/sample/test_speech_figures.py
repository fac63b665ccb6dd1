"""The sample carries every figure the seed speech states for 湘西州 in 2021年1-6月, exactly."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xingshi.sample import sample_dir

XX = "433100"
H1 = "2021年1-6月"
H1_2020 = "2020年1-6月"
PREFECTURES = [
    "430100", "430200", "430300", "430400", "430500", "430600", "430700",
    "430800", "430900", "431000", "431100", "431200", "431300", "433100",
]  # fmt: skip
COUNTIES = ["433101", "433122", "433123", "433124", "433125", "433126", "433127", "433130"]

# speech figure -> (indicator name in the file, level, growth %); None where the speech gives none.
SPEECH = [
    ("推动税收增长28.6%", "税收收入", None, 28.6),
    ("高于财政总收入2.6个百分点", "财政总收入", None, 26.0),
    ("高于地方财政收入6.7个百分点", "地方财政收入", None, 21.9),
    ("工业税收(不含烟)增长122.9%", "工业税收", None, 122.9),
    ("9条优势产业链产值增长41.4%", "优势产业链产值", None, 41.4),
    ("高于规模工业产值增速6.7个百分点", "规模以上工业总产值", None, 34.7),
    ("招商引资到位资金80亿元，增长39.9%", "招商引资到位资金", 80.0, 39.9),
    ("接待游客3722.1万人次，增长1.5倍", "接待游客", 3722.1, 150.0),
    ("旅游收入304.4亿元，增长1.3倍", "旅游收入", 304.4, 130.0),
    ("社会消费品零售总额增长23.9%", "社会消费品零售总额", None, 23.9),
    ("城镇居民可支配收入增长9.2%", "城镇居民人均可支配收入", None, 9.2),
    ("农村居民可支配收入增长13.7%", "农村居民人均可支配收入", None, 13.7),
    ("空气质量优良率97.8%", "空气质量优良率", 97.8, None),
    ("“四上”企业仅869家", "四上企业数", 869.0, None),
    ("今年仅入规26家", "新增入规企业数", 26.0, None),
    ("农村劳动力转移就业达88.4万人", "农村劳动力转移就业", 88.4, None),
    ("Ⅲ类水质达标率为100%", "水质达标率", 100.0, None),
]
# 1-5月 figures of the speech.
SPEECH_MAY = [
    ("1-5月……新增企业增长19.4%", "新增企业", None, 19.4),
    ("1-5月，为各类市场主体减税降费2.56亿元", "减税降费", 2.56, None),
]
# indicator name -> 湘西州's rank among the 14 市州 by 2021年1-6月 growth.
SPEECH_RANKS = {
    "地区生产总值": 1,
    "规模以上工业增加值": 1,
    "实际利用内资": 1,
    "招商引资到位资金": 1,
    "税收收入": 2,
    "金融机构贷款余额": 2,
    "固定资产投资": 4,
    "接待游客": 2,
    "旅游收入": 2,
}


def read(name: str) -> list[dict[str, str]]:
    with (sample_dir() / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def cells() -> dict[tuple[str, str, str], dict[str, str]]:
    rows = read("xiangxi_2020-2021.csv") + read("hunan_2020-2021.csv")
    return {(r["地区代码"], r["指标"], r["时期"]): r for r in rows}


def num(text: str) -> float | None:
    return float(text) if text else None


def competition_rank(values: dict[str, float], code: str) -> int:
    return 1 + sum(1 for v in values.values() if v > values[code])


@pytest.mark.parametrize(("quote", "indicator", "level", "growth"), SPEECH)
def test_speech_figure_is_in_the_sample(cells, quote, indicator, level, growth):
    """Each figure the speech states for 湘西州 in 2021年1-6月 is in the sample, quoted."""
    row = cells[(XX, indicator, H1)]
    if level is not None:
        assert num(row["数值"]) == level, quote
    if growth is not None:
        assert num(row["增长%"]) == growth, quote
    assert row["备注"].startswith("讲话稿原文："), row["备注"]


@pytest.mark.parametrize(("quote", "indicator", "level", "growth"), SPEECH_MAY)
def test_may_figure_is_in_the_sample(cells, quote, indicator, level, growth):
    """The speech's 1-5月 figures for 湘西州 are the sample's 2021年1-5月 values, quoted."""
    row = cells[(XX, indicator, "2021年1-5月")]
    if level is not None:
        assert num(row["数值"]) == level, quote
    if growth is not None:
        assert num(row["增长%"]) == growth, quote
    assert row["备注"].startswith("讲话稿原文："), row["备注"]


def test_investment_parts_above_28_and_above_fai(cells):
    """工业技改投资 and 高新技术产业投资 grow over 28% and faster than 固定资产投资 ("28%以上")."""
    fai = num(cells[(XX, "固定资产投资", H1)]["增长%"])
    for name in ("工业技改投资", "高新技术产业投资"):
        g = num(cells[(XX, name, H1)]["增长%"])
        assert g >= 28 and g > fai


@pytest.mark.parametrize(("indicator", "rank"), sorted(SPEECH_RANKS.items()))
def test_growth_rank_among_prefectures_matches_speech(cells, indicator, rank):
    """By 2021年1-6月 growth among the 14 市州, 湘西州 ranks where the speech says, untied."""
    growth = {c: num(cells[(c, indicator, H1)]["增长%"]) for c in PREFECTURES}
    assert competition_rank(growth, XX) == rank
    assert list(growth.values()).count(growth[XX]) == 1


def test_published_rank_of_investment_attraction(cells):
    """The published 位次 of 招商引资到位资金 is 1 for 湘西州 and agrees with all peers' growth."""
    growth = {c: num(cells[(c, "招商引资到位资金", H1)]["增长%"]) for c in PREFECTURES}
    for c in PREFECTURES:
        assert int(cells[(c, "招商引资到位资金", H1)]["位次"]) == competition_rank(growth, c)
    assert cells[(XX, "招商引资到位资金", H1)]["位次"] == "1"


def test_five_counties_below_prefecture_gdp_growth(cells):
    """Exactly 5 of 8 counties grow slower than 湘西州's GDP ("有5个县未达到全州平均水平")."""
    xx = num(cells[(XX, "地区生产总值", H1)]["增长%"])
    below = [c for c in COUNTIES if num(cells[(c, "地区生产总值", H1)]["增长%"]) < xx]
    assert len(below) == 5


def test_tax_share_of_gdp_ranks_second(cells):
    """税收占GDP比重 in 2021年1-6月 is the second highest of the 14 市州."""
    share = {
        c: num(cells[(c, "税收收入", H1)]["数值"]) / num(cells[(c, "地区生产总值", H1)]["数值"])
        for c in PREFECTURES
    }
    assert competition_rank(share, XX) == 2


def test_nontax_share_falls_by_1_99_points(cells):
    """非税收入's share of 地方财政收入 is 1.99 percentage points lower than a year earlier."""

    def share(period: str) -> float:
        nontax = num(cells[(XX, "非税收入", period)]["数值"])
        return nontax / num(cells[(XX, "地方财政收入", period)]["数值"]) * 100

    assert round(share(H1) - share(H1_2020), 2) == -1.99


def test_above_scale_firms_share_of_province(cells):
    """869 “四上”企业 of the province's 46972 is the speech's 1.9%."""
    xx = num(cells[(XX, "四上企业数", H1)]["数值"])
    province = num(cells[("430000", "四上企业数", H1)]["数值"])
    assert province == 46972
    assert round(xx / province * 100, 1) == 1.9


def test_new_industrial_firms_target_is_160():
    """湘西州's 2021 count target for 新增入规企业 is the speech's 160."""
    rows = [
        r for r in read("targets_2021.csv") if r["地区代码"] == XX and r["指标"] == "新增入规企业数"
    ]
    assert [(r["目标类型"], r["目标值"], r["单位"]) for r in rows] == [("数量", "160", "家")]


def test_files_are_small():
    """The sample stays small enough to ship and to load quickly."""
    total = sum(
        p.stat().st_size for p in Path(sample_dir()).iterdir() if p.suffix in {".csv", ".xlsx"}
    )
    assert total < 1_200_000


def test_retail_growth_below_province(cells):
    """社会消费品零售总额 grows slower in 湘西州 than in 湖南省 ("仍低于全省平均水平")."""
    xx = num(cells[(XX, "社会消费品零售总额", H1)]["增长%"])
    assert xx < num(cells[("430000", "社会消费品零售总额", H1)]["增长%"])
