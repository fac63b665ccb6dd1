"""What the sample holds: regions, indicators, and the figures the seed speech states.

The speech (在全州上半年经济形势分析会议上的讲话, 2021-07-21) gives 湘西州's 2021年1-6月 figures;
everything else is simulated around them so that the ranks come out as the speech says.
"""

from __future__ import annotations

from dataclasses import dataclass

SIMULATED = "示例数据（模拟）"
SPEECH = "讲话稿原文："

PROVINCE = ("430000", "湖南省")
PREFECTURE = ("433100", "湘西州")
# The 14 市州 of 湖南省, with a rough 2021 1-6月 GDP (亿元) that sizes every other indicator.
PREFECTURES = [
    ("430100", "长沙市", 6280.0),
    ("430200", "株洲市", 1610.0),
    ("430300", "湘潭市", 1190.0),
    ("430400", "衡阳市", 1780.0),
    ("430500", "邵阳市", 1120.0),
    ("430600", "岳阳市", 2030.0),
    ("430700", "常德市", 1950.0),
    ("430800", "张家界市", 250.0),
    ("430900", "益阳市", 960.0),
    ("431000", "郴州市", 1300.0),
    ("431100", "永州市", 1080.0),
    ("431200", "怀化市", 820.0),
    ("431300", "娄底市", 860.0),
    ("433100", "湘西州", 368.62),
]
# The 8 县市 of 湘西州 with their share of the prefecture's GDP.
COUNTIES = [
    ("433101", "吉首市", 0.290),
    ("433122", "泸溪县", 0.110),
    ("433123", "凤凰县", 0.125),
    ("433124", "花垣县", 0.110),
    ("433125", "保靖县", 0.080),
    ("433126", "古丈县", 0.045),
    ("433127", "永顺县", 0.115),
    ("433130", "龙山县", 0.125),
]


@dataclass(frozen=True)
class Ind:
    """An indicator as the sample writes it: the catalogue code, the name in the file, the unit."""

    code: str
    name: str
    unit: str
    frequency: str  # monthly (1-2月 merged) | monthly_jan | quarterly
    decimals: int
    level: bool = True  # False: growth only (comparable prices, or levels not published)


INDICATORS = [
    Ind("gdp", "地区生产总值", "亿元", "quarterly", 4),
    Ind("industry_va", "规模以上工业增加值", "亿元", "monthly", 4, level=False),
    Ind("industry_output", "规模以上工业总产值", "亿元", "monthly", 4),
    Ind("chain_output", "优势产业链产值", "亿元", "monthly", 4),
    Ind("fai", "固定资产投资", "亿元", "monthly", 4, level=False),
    Ind("retail", "社会消费品零售总额", "亿元", "monthly", 4),
    Ind("fiscal_total", "财政总收入", "亿元", "monthly_jan", 4),
    Ind("local_fiscal", "地方财政收入", "亿元", "monthly_jan", 4),
    Ind("tax", "税收收入", "亿元", "monthly_jan", 4),
    Ind("industrial_tax", "工业税收", "亿元", "monthly_jan", 4),
    Ind("nontax", "非税收入", "亿元", "monthly_jan", 4),
    Ind("loans", "金融机构贷款余额", "亿元", "monthly_jan", 4),
    Ind("deposits", "金融机构存款余额", "亿元", "monthly_jan", 4),
    Ind("urban_income", "城镇居民人均可支配收入", "元", "quarterly", 0),
    Ind("rural_income", "农村居民人均可支配收入", "元", "quarterly", 0),
    Ind("tourists", "接待游客", "万人次", "monthly", 2),
    Ind("tourism_revenue", "旅游收入", "亿元", "monthly", 4),
    Ind("domestic_capital", "实际利用内资", "亿元", "monthly", 4),
    Ind("investment_attraction", "招商引资到位资金", "亿元", "monthly", 4),
    Ind("air_quality", "空气质量优良率", "%", "monthly", 1),
    Ind("above_scale_firms", "四上企业数", "家", "monthly", 0),
    Ind("new_industrial_firms", "新增入规企业数", "家", "monthly", 0),
    # Further figures of the speech; 湘西州 only.
    Ind("tech_investment", "工业技改投资", "亿元", "monthly", 4, level=False),
    Ind("hightech_investment", "高新技术产业投资", "亿元", "monthly", 4, level=False),
    Ind("new_enterprises", "新增企业", "家", "monthly", 0),
    Ind("tax_cut", "减税降费", "亿元", "monthly_jan", 4),
    Ind("labor_transfer", "农村劳动力转移就业", "万人", "monthly", 2),
    Ind("water_quality", "水质达标率", "%", "monthly", 1),
]
BY_CODE = {i.code: i for i in INDICATORS}


@dataclass(frozen=True)
class SpeechFigure:
    """One figure of the speech for 湘西州, 2021年1-6月: level and/or growth, and the words."""

    indicator: str
    level: float | None
    growth: float | None
    quote: str
    month: int = 6  # the period is 2021年1-`month`月


# 湘西州, 2021年1-6月. Growth in % (增长1.5倍 = 150.0); rates in pp.
SPEECH_FIGURES = [
    SpeechFigure("tax", None, 28.6, "工业税收(不含烟)增长122.9%，推动税收增长28.6%"),
    SpeechFigure(
        "fiscal_total", None, 26.0, "税收增长28.6%，高于财政总收入2.6个百分点（28.6−2.6）"
    ),
    SpeechFigure(
        "local_fiscal", None, 21.9, "税收增长28.6%，高于地方财政收入6.7个百分点（28.6−6.7）"
    ),
    SpeechFigure("industrial_tax", None, 122.9, "工业税收(不含烟)增长122.9%（口径不含烟）"),
    SpeechFigure("chain_output", None, 41.4, "全州9条优势产业链产值增长41.4%"),
    SpeechFigure(
        "industry_output", None, 34.7, "产业链产值增长41.4%，高于规模工业产值增速6.7个百分点"
    ),
    SpeechFigure(
        "investment_attraction", 80.0, 39.9, "招商引资到位资金80亿元，增长39.9%，增速全省第一"
    ),
    SpeechFigure("tourists", 3722.1, 150.0, "全州接待游客3722.1万人次……增长1.5倍"),
    SpeechFigure("tourism_revenue", 304.4, 130.0, "实现旅游收入304.4亿元……增长1.3倍"),
    SpeechFigure("retail", None, 23.9, "1-6月全州社会消费品零售总额增长23.9%"),
    SpeechFigure("urban_income", None, 9.2, "推动城乡居民可支配收入分别增长9.2%、13.7%"),
    SpeechFigure("rural_income", None, 13.7, "推动城乡居民可支配收入分别增长9.2%、13.7%"),
    SpeechFigure("air_quality", 97.8, None, "1-6月，我州空气质量优良率97.8%"),
    SpeechFigure("above_scale_firms", 869.0, None, "“四上”企业仅869家，仅占全省46972家的1.9%"),
    SpeechFigure(
        "new_industrial_firms", 26.0, None, "今年仅入规26家，与全年160家的目标任务差距较大"
    ),
    SpeechFigure("labor_transfer", 88.4, None, "农村劳动力转移就业达88.4万人"),
    SpeechFigure("water_quality", 100.0, None, "39个国省控考核断面Ⅲ类水质达标率为100%"),
    SpeechFigure("new_enterprises", None, 19.4, "1-5月……新增企业增长19.4%", month=5),
    SpeechFigure("tax_cut", 2.56, None, "1-5月，为各类市场主体减税降费2.56亿元", month=5),
]
# Lower bounds: the speech gives "28%以上", the sample a simulated figure above it.
LOWER_BOUNDS = {
    "tech_investment": "工业技改投资、高新技术产业投资均保持28%以上的增速",
    "hightech_investment": "工业技改投资、高新技术产业投资均保持28%以上的增速",
}
PROVINCE_FIRMS = 46972  # "仅占全省46972家的1.9%"
NEW_FIRMS_TARGET = 160  # "与全年160家的目标任务差距较大"
NONTAX_SHARE_DROP_PP = 1.99  # "非税收入占地方财政收入的比重较去年同期下降1.99个百分点"

# Ranks among the 14 市州 by 2021年1-6月 growth that the speech states for 湘西州.
SPEECH_RANKS = {
    "gdp": 1,
    "industry_va": 1,
    "domestic_capital": 1,
    "investment_attraction": 1,
    "tax": 2,
    "loans": 2,
    "fai": 4,
    "tourists": 2,
    "tourism_revenue": 2,
}
RANK_QUOTES = {
    "gdp": "全州GDP、规模工业增加值、实际利用内资三项指标增速居全省第一",
    "tax": "税收、金融机构贷款余额两项指标增速居全省第二",
    "fai": "固定资产投资增速居全省第四",
    "tourists": "分别增长1.5倍、1.3倍，增速均位居全省第二",
    "investment_attraction": "增速全省第一",
}
