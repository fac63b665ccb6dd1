"""What a document says about itself: its date, its own region, the period it reports on.

"全州/我州" means the document's region (given, or the most named region of the level the text
refers to itself by); "全省" its province; "1-6月/上半年/今年以来" are resolved with the
document's year, taken from a full date in the text (2021年7月21日) whose year the text names
most often, or given.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from xingshi.catalog.periods import Period
from xingshi.errors import AmbiguousRegion
from xingshi.extract._scan import leading_class

_DATE = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日")
_AS_OF = re.compile(
    r"截[至止](?:\d{4}年)?(?P<m>\d{1,2})月"
    r"|\d{4}年(?P<m2>\d{1,2})月份?[^\n。,]{0,12}?(?:进展|进度|推进)情况"
)
_YEAR = re.compile(r"(?<!\d)(\d{4})年")
# 截至7月, 截至2020年7月: the months to date, like 7月末 (looked up before the phrase)
_AS_OF_BEFORE = re.compile(r"截[至止]到?$")
_CN_MONTH = "一二三四五六七八九十"
# Period phrases; 去年同期/上年同期 are comparison bases, matched only to be ignored.
PERIOD = re.compile(
    r"(?P<base>(?:去年|上年)(?:同期|基础上|的)|同期)"
    # 去年一季度 / 上年全年: a period of the year before.
    r"|(?:(?P<y>\d{4}) ?年|(?P<prev>去年|上年))?"
    r"(?:(?P<m1>\d{1,2}|[一二三四五六七八九十]{1,2}"
    # 元至九月: 元月 is January
    r"|(?<![\d万亿千百十美])元)(?:-|至|到|~)"
    r"(?P<m2>\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?"
    r"|(?P<q>今年以来|年初以来|上半年|下半年|前三季度|前3季度|一季度|第一季度|二季度|第二季度|"
    r"三季度|第三季度|四季度|第四季度|第?[1-4]季度|全年|去年|上年|今年"
    # 刚刚过去的(一年), 该省地区生产总值预计增长6.9%: the year before the report's
    r"|刚刚过去的(?:一年)?(?!\d))(?P<qend>末|底)?"
    r"|(?P<mon>\d{1,2})月(?P<end>末|底)?(?:份)?(?!\d{1,2}日|\d{1,2}号|[-至到~]))"
    # 2018年, / 2018年全县…: a year alone is that whole year (not 2019年3月2日, not 2018年以来).
    # 截至2016年末: a balance at the year's end, keyed like the year.
    r"|(?<![\d~-])(?P<yo>\d{4}) ?年(?:度|末(?!前)|底(?!前))?"
    # 增长到2020年61.95亿元: an amount may follow the year (a month or a day may not)
    r"(?!\d{1,2}(?:月|日|号|季|[-至到~])|\d{5}|以来|[-至到~]|末|底|初|前|后|间|《|政府工作报告)"
)
_PERIOD_SCAN = leading_class(PERIOD)  # the same matches as PERIOD, found faster
_DATE_SCAN, _YEAR_SCAN = leading_class(_DATE), leading_class(_YEAR)  # whole-text scans
_Q = {
    "上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9), "一季度": (1, 3),
    "第一季度": (1, 3), "二季度": (4, 6), "第二季度": (4, 6), "三季度": (7, 9),
    "第三季度": (7, 9), "四季度": (10, 12), "第四季度": (10, 12), "全年": (1, 12),
    "前3季度": (1, 9), "1季度": (1, 3), "2季度": (4, 6), "3季度": (7, 9), "4季度": (10, 12),
    "第1季度": (1, 3), "第2季度": (4, 6), "第3季度": (7, 9), "第4季度": (10, 12),
}  # fmt: skip
_PROVINCE_SELF = re.compile(r"(?:^|[,。:;\n月年])全省(?!第|平均|排|各)", re.M)
_SELF = {
    "州": ("全州", "我州", "本州"),
    "市": ("全市", "我市", "本市"),
    "县": ("全县", "我县", "本县"),
    "区": ("全区", "我区", "本区"),
    "盟": ("全盟", "我盟"),
}


def _month(s: str) -> int:
    if s == "元":
        return 1
    if s.isdigit():
        return int(s)
    return (
        {c: i + 1 for i, c in enumerate(_CN_MONTH)}.get(s, 0)
        if len(s) == 1
        else (10 + {c: i + 1 for i, c in enumerate(_CN_MONTH)}.get(s[-1], 0))
    )


@cache
def catalogs() -> tuple[Any, Any]:
    """(RegionCatalog, IndicatorCatalog), each None while that catalogue cannot load."""
    regions = indicators = None
    try:
        from xingshi.catalog.regions import RegionCatalog

        regions = RegionCatalog.load()
    except Exception:
        regions = None
    try:
        from xingshi.catalog.indicators import IndicatorCatalog

        indicators = IndicatorCatalog.load()
    except Exception:
        indicators = None
    return regions, indicators


def display_name(region: Any) -> str:
    """湘西州, 岳阳市, 湖南省: the short name when it still says what it is, else the name."""
    short = region.short or ""
    return short if short.endswith(("州", "县", "区", "市", "旗", "盟", "省")) else region.name


@cache
def indicator_index() -> dict[str, tuple[str, str]]:
    """Indicator names and aliases (matching form) → (canonical name, code)."""
    _, indicators = catalogs()
    if indicators is None:
        return {}
    from xingshi.catalog.indicators import normalise_name

    out: dict[str, tuple[str, str]] = {}
    for alias, code in indicators.alias_pairs():
        out.setdefault(normalise_name(alias), (indicators.get(code).name, code))
    return out


def canonical_indicator(words: str) -> tuple[str, str | None]:
    """The catalogue's name and code for an indicator phrase, else the words themselves."""
    index = indicator_index()
    if not index:
        return words, None
    from xingshi.catalog.indicators import normalise_name

    hit = index.get(normalise_name(words))
    if hit is None and "(" in words:  # 地区生产总值(GDP), 工业税收(不含烟)
        hit = index.get(normalise_name(re.sub(r"\([^()]*\)", "", words)))
    if hit is None:
        from xingshi.extract._rules import grammar

        rules = grammar().raw["indicators"]
        bare = words
        for q in rules["qualifiers"]:
            bare = bare.replace(q, "")
        bare = rules["shorthand"].get(bare, bare)
        if bare != words:
            hit = index.get(normalise_name(bare))
    return hit if hit is not None else (words, None)


@cache
def region_prefixes() -> dict[str, tuple[str, ...]]:
    """Region names (length >= 2) → codes, for finding a region at a phrase's start."""
    regions, _ = catalogs()
    if regions is None:
        return {}
    skip = {w for words in _SELF.values() for w in words} | {"全省", "全国", "城区", "新区"}
    out: dict[str, list[str]] = {}
    for name, code in regions.names():
        if len(name) >= 2 and name not in skip:
            out.setdefault(name, []).append(code)
    from xingshi.extract._rules import grammar

    for area in grammar().raw["words"].get("areas", []):
        out.setdefault(area, [])  # a subject with no code (关中, 东部地区)
    return {k: tuple(v) for k, v in out.items()}


@dataclass
class DocContext:
    """The document's own region (code, name), province and reporting year/period."""

    region_code: str | None
    region_name: str | None
    province_code: str | None
    province_name: str | None
    year: int | None
    default: Period | None
    parent_code: str | None = None  # the prefecture of a county's text
    parent_name: str | None = None  # 今年以来 and figures with no period phrase
    cumulative: frozenset[str] = frozenset()  # quarters the text means to date (三季度 = 1-9月)
    # 刚刚过去的该省地区生产总值预计增长6.9%…一季度、上半年…: a text opening on the year just
    # past reports that year; its quarters and months without a year are that year's
    review_year: int | None = None

    def period_of(self, m: re.Match[str]) -> Period | None:
        """The period a matched phrase names, or None for a comparison base (去年同期)."""
        if m.group("base"):
            return None
        if m.group("yo"):
            return Period(int(m.group("yo")), 1, 12)
        year = int(m.group("y")) if m.group("y") else self.year
        q, mon = m.group("q"), m.group("mon")
        dated = m.group("m2") or mon or q in _Q
        if not m.group("y") and self.review_year and not m.group("prev") and dated:
            year = self.review_year
        if year is None:
            return None
        if m.group("prev"):
            year -= 1
        try:
            if m.group("m2"):
                return Period(year, _month(m.group("m1")), _month(m.group("m2")))
            if mon:
                # 9月末: a balance at the end of 1-9月 (stocks are keyed by their cumulative
                # period); 6月份 alone is that single month.
                if m.group("end") or _AS_OF_BEFORE.search(
                    m.string, max(0, m.start() - 3), m.start()
                ):
                    return Period(year, 1, int(mon))
                return Period(year, int(mon), int(mon))
            if q in _Q:
                if m.group("qend"):  # 二季度末: a balance at the end of 1-6月, like 6月末
                    return Period(year, 1, _Q[q][1])
                if q in self.cumulative:  # 三季度…比上半年高1.5个百分点: 1-9月
                    return Period(year, 1, _Q[q][1])
                return Period(year, *_Q[q])
            if q in ("去年", "上年") or q.startswith("刚刚过去的"):
                return Period(year - 1, 1, 12)
            if q in ("今年以来", "年初以来", "今年"):
                if self.default is not None and self.default.year == year:
                    return self.default
                # 今年发展主要预期目标 in a report with no period of its own: the whole year
                return Period(year, 1, 12) if q == "今年" else None
        except Exception:
            return None
        return None


def document_context(
    norm: str, *, region: str | None = None, year: int | None = None, doc_date: date | None = None
) -> DocContext:
    """Detect (or take as given) the document's region, year and default period."""
    regions, _ = catalogs()
    code = name = prov_code = prov_name = None
    if region is not None and regions is not None:
        r = _resolve_given(regions, region)
        code, name = r.code, display_name(r)
    elif regions is not None:
        code, name = _detect_region(norm, regions)
    if code is not None and regions is not None:
        prov = regions.province_of(code)
        if prov is not None:
            prov_code, prov_name = prov.code, display_name(prov)
    when = doc_date or _detect_date(norm)
    if year is None and when is not None:
        year = when.year
    if year is None:  # a release titled 2021年前三季度…: the year its head (or text) names
        head = _YEAR_SCAN.findall(norm[:300]) or _YEAR_SCAN.findall(norm)
        if head:
            year = int(Counter(head).most_common(1)[0][0])
    default = _default_period(norm, year, when)
    first = next(PERIOD.finditer(norm, 0, min(len(norm), 2_000)), None)
    review_year = None
    if year is not None and first is not None and (first.group("q") or "").startswith("刚刚过去"):
        review_year = year - 1
        default = Period(review_year, 1, 12)
    ctx = DocContext(code, name, prov_code, prov_name, year, default)
    ctx.review_year = review_year
    ctx.cumulative = _cumulative_quarters(norm)
    if code is not None and regions is not None:
        parent = regions.parent(code)
        if parent is not None and parent.level == "prefecture" and parent.code != prov_code:
            ctx.parent_code, ctx.parent_name = parent.code, display_name(parent)
    return ctx


# 三季度,全县实现地区生产总值125.95亿元,比上半年高1.5个百分点: a county bulletin's 三季度
# compared with 上半年 (and no 前三季度 named) is the year to date.
_TO_DATE = {"三季度": ("上半年", "前三季度"), "四季度": ("前三季度", "全年")}


def _cumulative_quarters(norm: str) -> frozenset[str]:
    out = set()
    for q, (before, own) in _TO_DATE.items():
        if q in norm and own not in norm and re.search(f"(?:比|较){before}", norm):
            out |= {q, "第" + q}
    return frozenset(out)


def _resolve_given(regions: Any, region: str) -> Any:
    """The region the user named; 嘉峪关市 is both a city and its only district, and a name
    shared by a region and regions inside it means the outer one."""
    try:
        return regions.resolve(region)
    except AmbiguousRegion as exc:
        codes = list(exc.candidates or [])
        outer = [c for c in codes if all(o == c or regions.is_within(o, c) for o in codes)]
        if len(outer) != 1:
            raise
        return regions.resolve(outer[0])


def _detect_date(norm: str) -> date | None:
    years = Counter(int(y) for y in _YEAR_SCAN.findall(norm))
    best: tuple[int, int, date] | None = None
    for i, m in enumerate(_DATE_SCAN.finditer(norm)):
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        key = (years[d.year], -i, d)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


def _default_period(norm: str, year: int | None, when: date | None) -> Period | None:
    if year is None:
        return None
    seen: Counter[tuple[int, int]] = Counter()
    years: Counter[int] = Counter()
    for m in _PERIOD_SCAN.finditer(norm, 0, min(len(norm), 200_000)):
        if m.group("yo"):
            years[int(m.group("yo"))] += 1
        if m.group("prev") or m.group("yo"):
            continue
        own_year = not m.group("y") or int(m.group("y")) == year  # 2020年1-11月 in a 2020 text
        if m.start() > 0 and norm[m.start() - 1] in "比较":
            continue  # 比1-9月提高2.1个百分点, 较一季度提升: the other side of a comparison
        if m.group("m2") and own_year:
            a, b = _month(m.group("m1")), _month(m.group("m2"))
            if a == 1 and 1 <= b <= 12:
                seen[(1, b)] += 1
        elif m.group("q") in _Q and m.group("q") not in ("全年", "下半年"):
            seen[_Q[m.group("q")]] += 1
    if not seen:
        # 截至10月31日 / 关于2023年10月份民生实事项目进展情况的通报: progress up to that month
        for m in _AS_OF.finditer(norm, 0, min(len(norm), 2_000)):
            mon = int(m.group("m") or m.group("m2"))
            if 1 <= mon <= 12:
                seen[(1, mon)] += 1
    if seen:
        (a, b), _ = seen.most_common(1)[0]
        return Period(year, a, b)
    if when is not None and when.year == year:
        return Period(year, 1, when.month - 1) if when.month > 1 else None
    if years[year]:  # an annual bulletin: 2015年,全县地区生产总值… names only its year
        return Period(year, 1, 12)
    return None


def _detect_region(norm: str, regions: Any) -> tuple[str | None, str | None]:
    cues = Counter({suffix: sum(norm.count(w) for w in words) for suffix, words in _SELF.items()})
    # A province's own text says 全省 at a clause start (全省实现…), not only in 居全省第一.
    cues["省"] = norm.count("我省") + norm.count("本省") + len(_PROVINCE_SELF.findall(norm))
    suffix, n = cues.most_common(1)[0]
    if n == 0:
        return None, None
    level = {"州": "prefecture", "盟": "prefecture", "县": "county", "区": "county",
             "省": "province"}.get(suffix)  # fmt: skip
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in regions.find_all(norm[:60_000]):
        if len(mention.codes) != 1:
            continue
        r = regions.get(mention.codes[0])
        if level is not None and r.level != level:
            continue
        if level is None and r.level not in ("prefecture", "county"):
            continue
        if not (r.name.endswith(suffix) or (r.short or "").endswith(suffix) or suffix == "市"):
            continue
        counts[r.code] += 1
        first.setdefault(r.code, mention.start)
    if not counts:
        return None, None
    code = max(counts, key=lambda c: (counts[c], -first[c]))
    r = regions.get(code)
    return r.code, display_name(r)
