"""Header vocabulary of wide and indicators-down sheets: what a header cell says.

Region column headers, the roles of sub-headers (绝对值/增速/位次), headers that name only a
role or a period (本年累计, 2021年1-3月), columns that are none of level, growth or rank
(两年平均增长, 环比, 完成年度目标%), and the period each column speaks of.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from xingshi.findings import Finding
from xingshi.ingest.sources import Sheet
from xingshi.ingest.values import normalize_text, split_unit

REGION_HEADERS = (
    "地区",
    "县市区",
    "市区县",
    "县市",
    "县区",
    "市州",
    "市县",
    "区域",
    "地区名称",
    "单位",
    "名称",
    "区县",
    "县(市、区)",
    "县(市区)",
    "市(州)",
    "项目",
    "单位名称",
    "县市区名称",
    "市州名称",
    "区划",
    "行政区划",
    "行政区",
    # A diagonal corner cell (指标 over 地区) reads as one word once its spaces go.
    "指标地区",
    "地区指标",
    "项目地区",
    "地区项目",
    "指标/地区",
    "地区/指标",
    "各区",
    "各区县",
    "各县区",
    "各县市区",
    "各市州",
    "各市",
    "各省市",
    "各地区",
    "省份",
    "省区市",
    "省市",
    "地级市",
    "省市区",
    "城市",
    "乡镇",
    "乡镇街道",
    "乡镇(街道)",
    "镇街",
    "镇(街道)",
    "各乡镇",
    "年份/各区",
    "年份/地区",
    "地区/年份",
)
_RANK_WORDS = ("位次", "排名", "排位", "名次", "排行")
_GROWTH_WORDS = ("增长", "增速", "±", "比上年", "同比", "增减", "增幅", "涨幅", "涨跌幅")
_LEVEL_WORDS = (
    "绝对值",
    "绝对数",
    "绝对额",
    "累计",
    "本月",
    "本期",
    "总量",
    "完成",
    "数值",
    "金额",
    "当月",
    "总额",
    "绝对量",
    "上年同期",
    "去年同期",
)
SUBHEADER_WORDS = _RANK_WORDS + _GROWTH_WORDS + _LEVEL_WORDS
_SUFFIX = re.compile(
    r"^(.{2,}?)(同比增长%?|同比增速|增长速度%?|增长率|增长%?|增速%?|增幅|涨跌?幅%?|±%|位次|排名|增速位次)$"
)
_MONTHS = re.compile(r"\d{1,2}\s*[-－—–~～至到]\s*\d{1,2}\s*月|\d{1,2}\s*月")
_UNIT_NOTE = re.compile(r"^[(]?(计量|金额|价值量|数据)?单位[:：]")


_PERIOD_HEAD = re.compile(
    r"^\d{4}年?(第?[一二三四1-4]季度|\d{1,2}(-\d{1,2})?月份?|上半年|前三季度|全年)?$"
)
# Words a column header may hold besides a period when it names no indicator: 本年累计,
# 上年同期, 增幅%, 1-6月累计, 比上年同期±%, 增速排位.
_ROLE_TOKENS = sorted(
    (
        "比上年同期",
        "比上年同月",
        "为上年",
        "比去年同月",
        "上年同月",
        "比上年",
        "比去年同期",
        "上年同期",
        "去年同期",
        "本年",
        "本期",
        "本月",
        "当月",
        "累计",
        "绝对值",
        "绝对数",
        "绝对额",
        "增长速度",
        "总量",
        "完成值",
        "完成",
        "水平",
        "数值",
        "同比",
        "增长率",
        "增长",
        "增速",
        "增幅",
        "增减",
        "位次",
        "排名",
        "排位",
        "名次",
        "实际",
        "期末",
        "末",
        "总额",
        "扣除价格因素",
        "按可比价计算",
        "按可比价",
        "可比价",
    ),
    key=len,
    reverse=True,
)


# 一季度 | 上半年 | 前三季度 | 全年 across, under a title naming the year: months of that year.
PART_OF_YEAR_MONTHS = {
    "第一季度": "1-3月",
    "一季度": "1-3月",
    "第二季度": "4-6月",
    "二季度": "4-6月",
    "第三季度": "7-9月",
    "三季度": "7-9月",
    "第四季度": "10-12月",
    "四季度": "10-12月",
    "上半年": "1-6月",
    "下半年": "7-12月",
    "前三季度": "1-9月",
    "一至三季度": "1-9月",
    "全年": "1-12月",
}
_PART_OF_YEAR_WORD = re.compile(
    "(" + "|".join(sorted(PART_OF_YEAR_MONTHS, key=len, reverse=True)) + ")"
)


# 1-3季度, 前3季度 (January to September), 3季度 (the third alone), 一至九月 (1-9月).
_QUARTERS_TO = re.compile(r"(?:第|前)?1\s*[-－—–~～至到]\s*([1-4])\s*季度|前\s*([2-4])\s*季度")
_QUARTER = re.compile(r"第?(?<![\d-])([1-4])\s*季度")
_CN_NUMBER = {w: str(i + 1) for i, w in enumerate("一二三四五六七八九")} | {
    "十": "10",
    "十一": "11",
    "十二": "12",
}
_CN_MONTHS = re.compile(r"(十[一二]?|[一二三四五六七八九])(?=[至到\-~～—–]|月)")


def _months_of_words(text: str) -> str:
    """上半年 → 1-6月, 一季度 → 1-3月 (前三季度 before 三季度), 1-3季度 → 1-9月, 一至九月 →
    1-9月."""
    text = _QUARTERS_TO.sub(lambda m: f"1-{3 * int(m.group(1) or m.group(2))}月", text)
    text = _QUARTER.sub(lambda m: f"{3 * int(m.group(1)) - 2}-{3 * int(m.group(1))}月", text)
    if "月" in text:
        text = _CN_MONTHS.sub(lambda m: _CN_NUMBER[m.group(1)], text)
        text = re.sub(r"(\d{1,2})[至到](\d{1,2}月)", r"\1-\2", text)
    return _PART_OF_YEAR_WORD.sub(lambda m: PART_OF_YEAR_MONTHS[m.group(1)], text)


# 2023.1-6, 2023.01-09月 (a header's period written with a point): 2023年1-6月.
_DOTTED = re.compile(
    r"^((?:19|20)\d\d)\s*[.．]\s*(0?[1-9]|1[0-2])\s*[-－—–~～至]\s*(0?[1-9]|1[0-2])\s*月?"
)


def dotted_period(text: Any) -> Any:
    """``2023.1-6(亿元)`` → ``2023年1-6月(亿元)``; any other value as it is."""
    if not isinstance(text, str):
        return text
    m = _DOTTED.match(text.strip())
    if not m:
        return text
    first, last = int(m.group(2)), int(m.group(3))
    return f"{m.group(1)}年{first}-{last}月{text.strip()[m.end() :]}"


def names_months(text: str) -> bool:
    """A header naming months of its own: 1-6月, 6月, or a part of the year (上半年, 一季度)."""
    return bool(_MONTHS.search(_months_of_words(text)))


def is_period_head(text: Any) -> bool:
    """A header cell that is a period of its own: 2023年, 2024年第二季度, 2024年1-6月, a date."""
    if isinstance(text, (date, datetime)):
        return True  # a month typed as a date
    return bool(_PERIOD_HEAD.match(normalize_text(dotted_period(text))))


def is_role_only(text: Any) -> bool:
    """A header naming a role or a period but no indicator (本年累计, 增幅%, 2021年1-3月)."""
    name, _unit = split_unit(text)
    rest = re.sub(r"\d{4}年", "", name)
    rest = _MONTHS.sub("", _months_of_words(rest))
    for token in _ROLE_TOKENS:
        rest = rest.replace(token, "")
    rest = re.sub(r"[%±+\-()（）/、,，份]", "", rest)
    return not rest and rest != name


def title_kind(texts: list[str]) -> str:
    """What a one-indicator table's values are, from its title: growth, rank or level."""
    for text in texts:
        kind = sub_kind(normalize_text(text).rsplit("(", 1)[0].split("_")[-1])
        if kind is not None and kind != "level":
            return kind
    return "level"


# An English tail of words (Region, Per Capita GDP), not an acronym the name uses (人均GDP).
_ENGLISH = re.compile(r"[A-Za-z](?=[A-Za-z0-9 .,&()/'-]*[a-z ])[A-Za-z0-9 .,&()/'-]*$")
_REGION_HEADERS = {normalize_text(h) for h in REGION_HEADERS}


def without_english(value: Any) -> str:
    """A bilingual yearbook header or name without its English (地区 Region → 地区)."""
    if not isinstance(value, str):
        return normalize_text(value)
    stripped = _ENGLISH.sub("", value.strip()).strip()
    if stripped.endswith(("(", "（")):
        # 地区生产总值(GDP): the English was inside brackets; keep the name whole.
        stripped = stripped[:-1].strip()
    return normalize_text(stripped or value)


YEAR_CELL = re.compile(r"^(1[89]|20)\d\d年?$")
_YEAR_HEADERS = {"年份", "年度", "年别", "年", "Year"}


def is_year_header(value: Any) -> bool:
    """A corner over years down the side (年 份, 年份 Year) of a one-region yearbook table."""
    return isinstance(value, str) and (
        without_english(value) in _YEAR_HEADERS or normalize_text(value) in _YEAR_HEADERS
    )


# A diagonal corner of years over regions (年份/各地级市, 年度/县市区): the regions' column.
_YEARS_OVER_REGIONS = re.compile(
    r"^(年份|年度|年)/(各?(地级市|城市|市州|县市区|县区|区县|地市|市))$"
)


# A forum list's corner joining its rank column to the names (排名、市区县 over 1、铁西区).
_RANK_AND_REGIONS = re.compile(r"^(排名|名次|排序|位次|序号)[、/,，]")


def ranks_in_region_header(value: Any) -> bool:
    """排名、市区县: the names' column holds the list's ranks too (1、铁西区)."""
    return bool(_RANK_AND_REGIONS.match(without_english(value)))


def is_region_header(value: Any) -> bool:
    text = without_english(value)
    text = _RANK_AND_REGIONS.sub("", text) or text
    return text in _REGION_HEADERS or bool(_YEARS_OVER_REGIONS.match(text))


# Columns beside the figures that are not this period's level, year-on-year growth or rank:
# 两年平均增长, 比2019年增长, 环比, 完成年度目标%, 占全州比重, 拉动, 增量; 名义增速 (the
# catalogue's growth of GDP and value added is real, at comparable prices); 增速与去年同期比较
# (this growth minus last year's, in points); 排名变化, 位次升降 (↑1: a move, not a rank).
_FOREIGN = re.compile(
    r"两年平均|年均|[比较](19|20)\d\d年|环比|目标|完成(年度|全年)?计划|计划完成|进度|比重|占比|占全|拉动|贡献|增量|增减额|"
    r"增加额|净增|序时|构成|结构|名义|^所属|^所在(省|市|地区)|^省份$|与(上年|去年)同[期月]比较|"
    r"(排名|位次|名次|排位|排序)(变化|变动|升降|进退)|^(升降|变动)(位次)?$"
)


# 本币 | 美元(亿元): the amount converted to dollars (亿元 there means 亿 of dollars).
_DOLLARS = re.compile(r"(折合?|按)?美元(计|折算)?([(（][^)）]*[)）])?")


def nominal_growth_head(text: str) -> bool:
    """名义增长, 名义增速(%): growth at current prices, the catalogue's growth of some
    indicators (income, retail) but not of others (GDP); kept for normalize to choose."""
    text = normalize_text(text)
    rest = text.replace("名义", "")
    return "名义" in text and sub_kind(rest) == "growth" and not _FOREIGN.search(rest)


def real_growth_head(text: str) -> bool:
    """实际增长, 扣除价格因素增长, 按可比价计算增长: growth at constant prices."""
    return bool(re.search("实际|扣除价格|可比价", normalize_text(text)))


def unmarked_growth_is_nominal(columns: list[dict[str, Any]]) -> None:
    """增长 | 扣除价格因素实际增长: beside a growth marked real, the unmarked one is the
    nominal growth (not a second growth of the same figure)."""
    for real in [c for c in columns if c["kind"] == "growth" and c.get("real")]:
        for col in columns:
            same = (col["indicator_col"], col["period"]) == (real["indicator_col"], real["period"])
            if same and col["kind"] == "growth" and not col.get("real"):
                col["nominal"] = True


def foreign_column(text: str) -> bool:
    """A header of a column the importer must not read as level, growth or rank."""
    if _FOREIGN.search(text) or _DOLLARS.fullmatch(normalize_text(text)):
        return True
    if any(w in text for w in ("增减", "增加", "减少")):
        # 比上年增减(亿元) is a change in money, not a rate; 增减(百分点) is a rate's change.
        _name, unit = split_unit(text)
        return bool(unit) and "%" not in unit and "百分点" not in unit
    return False


def foreign_finding(sheet: Sheet, row: int, col: int, text: Any) -> Finding:
    if _DOLLARS.fullmatch(normalize_text(text)):
        return Finding(
            "header",
            "warning",
            f"“{text}”列是折成美元的数，不能换算为元，该列未导入",
            sheet.where(row, col, text),
            hint="以本币（人民币）计的一列照常导入",
        )
    return Finding(
        "header",
        "warning",
        f"“{text}”列不是本期总量、同比增速或位次，该列未导入",
        sheet.where(row, col, text),
        hint="两年平均增速、比某年增长、增速与去年同期的百分点差、环比、目标完成度、比重、位次升降、"
        "所属省份等列不导入；"
        "需要时另建长表导入",
    )


def sub_kind(text: str) -> str | None:
    """What a sub-header names: ``rank``, ``growth`` or ``level`` (None for anything else)."""
    if any(w in text for w in _RANK_WORDS):
        return "rank"
    if any(w in text for w in _GROWTH_WORDS) or text in {"%", "±%"}:
        return "growth"
    local = text in ("数量", "本币") or text.startswith("本币(") or text.endswith("(本币)")
    if any(w in text for w in _LEVEL_WORDS) or local:
        # 数量 | 位次 | 增长率 | 位次: a yearbook's amount (only whole: 企业数量 is a name);
        # 本币 | 美元, GDP(本币) | GDP(美元): the amount in yuan beside its dollar conversion
        return "level"
    # 数 量 | 位 次 (a yearbook's amount), 本 年 over 本月 | 1-本月: whole words only, since
    # 企业数量 or 本年度目标 name something else.
    if split_unit(text)[0] in ("数量", "本年", "水平"):
        # 指标 | 水平(元) | 名义增速(%): 国家统计局's income releases call the amount its level
        return "level"
    return None


def period_key(text: Any) -> Any:
    """A column's period parsed, None when unreadable (reported on its values)."""
    from xingshi.ingest.checks.period import parse_period_text

    try:
        return parse_period_text(text)
    except Exception:  # an unreadable period is reported on its values
        return None


def column_period(sub: str, period: str | None, kind: str = "level") -> str | None:
    """The period of one column: the sheet's, or what its sub-header says.

    ``1-6月`` names it; 累计 under a single-month title means January to that month (本月累计
    too); 本月 under a cumulative title means the last month alone; 上年同期 is a year earlier.
    """
    from xingshi.ingest.checks.period import parse_period_text

    if period is None:
        return None
    m = _MONTHS.search(_months_of_words(sub))
    accumulated = "累计" in sub and not m
    if accumulated:
        period = _cumulative(period)  # 累计 | 累计增长 under 2024年10月: January to October
    try:
        p = parse_period_text(period)
    except Exception:  # the period check reports it, once, on every value
        return period
    if re.search("上年|去年", re.sub("[比较为](上年|去年)", "", sub)):
        return p.same_period_last_year().label  # 上年同期, 上年同期增速: last year's figures
    # 2023年1-9月 beside 2024年1-9月 under a 2024 title: the column's own year.
    own_year = re.search(r"((?:19|20)\d\d)\s*年", sub)
    year = int(own_year.group(1)) if own_year else p.year
    if m and "累计" in sub:
        # 9月累计, 三季度累计: January to that month (the quarter's last).
        last = re.findall(r"\d{1,2}", m.group(0))[-1]
        return f"{year}年1-{last}月" if last != "1" else f"{year}年1月"
    if m:
        return f"{year}年{m.group(0)}"
    monthly = any(w in sub for w in ("本月", "当月")) and not accumulated
    if monthly and p.first_month != p.last_month:
        return f"{p.year}年{p.last_month}月"
    return period


def _cumulative(period: str | None) -> str | None:
    """A single-month title (2021年6月) over 累计 columns means January to that month."""
    from xingshi.ingest.checks.period import parse_period_text

    if period is None:
        return None
    try:
        p = parse_period_text(period)
    except Exception:  # reported by the period check
        return period
    if p.first_month == p.last_month and p.last_month > 1:
        return f"{p.year}年1-{p.last_month}月"
    return period


_REGION_LIKE = re.compile(r"^.{1,10}(市|县|区|州|省|旗|盟|自治州|地区)$")


def indicators_down(across: list[Any]) -> bool:
    """Does a header row's rest read as columns of an indicators-down table: roles and
    periods (单位, 1-6月, 同比增长%) or regions (全州, 吉首市)? Indicator names: regions down."""
    texts = [normalize_text(v) for v in across if normalize_text(v)]
    if not texts:
        return False
    # 10 | 1-10 (months whose 月 was lost in copying) are periods too.
    texts = [t + "月" if re.fullmatch(r"(\d{4}年)?(1-)?(0?[1-9]|1[0-2])", t) else t for t in texts]
    hits = sum(
        1
        for t in texts
        if t in ("单位", "计量单位")
        or is_role_only(t)
        or is_period_head(t)
        or _REGION_LIKE.match(t)
        or t in ("全州", "全市", "全省", "全县", "全区", "合计", "总计", "全国")
    )
    return 2 * hits >= len(texts)


def unit_text(text: str) -> str:
    """``(亿元)`` or ``亿元`` → ``亿元``: a header cell that is only a unit."""
    name, unit = split_unit(text)
    return unit if unit and not name else name


def units_row(sheet: Sheet, row: int, name_col: int) -> bool:
    """A row holding only units right of the names (亿元 | % | 万元), at least one of them not
    a percentage: the columns' units, in a header row of their own."""
    texts = [t for t in (normalize_text(v) for v in sheet.cell_row(row)[name_col + 1 :]) if t]
    rates = ("%", "±%", "个百分点", "百分点")
    return any(pure_unit(t) for t in texts) and all(
        pure_unit(t) or unit_text(t) in rates for t in texts
    )


def pure_unit(text: str) -> bool:
    """A header cell holding only a level's unit (亿元, （万元）, 家), not a percentage."""
    from xingshi.catalog.units import try_parse_unit

    candidate = unit_text(normalize_text(text))
    if not candidate or "%" in candidate or "百分点" in candidate:
        return False  # rates and their changes are growth columns, not levels
    return try_parse_unit(candidate) is not None
