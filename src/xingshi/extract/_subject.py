"""The indicator phrase of a figure: the words between the clause start and the cue.

Leading period and region words are stripped (and remembered: 全省 sets the fact's region),
trailing glue words too (增速, 分别, 均, 两项指标); what is left names the indicator, or a
list of indicators joined by 、 that a single figure (均, 分别, 三项指标…居全省第一) or a list
of figures (分别增长9.2%、13.7%) is distributed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from xingshi.extract._context import region_prefixes
from xingshi.extract._rules import _alt, grammar
from xingshi.extract._scan import leading_class

# 开、复工 and 新、改、扩建 abbreviate one verb pair: no list there.
_SPLIT = re.compile(
    r"(?<![开新续改扩])、|(?<=[开新续改扩])、(?![复续改扩竣][工建])|以及|和|及|与|还是|或"
)
_BASES = re.compile(r"^(?:(?:总量|增速|增幅|规模|总额|人均|速度)(?:和|、|及|与)?){2,}$")
# 各 distributes (各增长5%) but 各县(市)区、园区 and 各级 name every member of a set.
_DIST = re.compile(
    r"分别|均|都|各(?![县市区乡镇园地部单级类项族界省州盟旗村企行街社国])|并列|"
    r"[一二三四五六七八九十两\d]+(?:项|个)(?:主要)?(?:经济)?指标"
)
# Searched in every subject phrase: skip to the characters a match starts with (see _scan).
_SPLIT, _DIST = leading_class(_SPLIT), leading_class(_DIST)


@dataclass
class Subject:
    text: str  # cleaned indicator phrase ("" when the clause names none)
    start: int  # absolute offset of the phrase in the text
    region: str | None = None  # a region word found before it: 全省, 全国, 湘西州…
    distribute: bool = False  # 均/分别/N项指标: one figure for every item of the list
    regions: list[str] = field(default_factory=list)  # 吉首市、泸溪县GDP增速分别为…
    bases: int = 0  # 总量和增速均居全省第一: the indicator is the previous one, ranked twice


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    g = grammar()
    w, c = g.raw["words"], g.raw["cues"]
    region_words = w["self_prefecture"] + w["self_county"] + w["parent"] + w["country"]
    lead = re.compile(
        # 占比同比提高2.6个百分点: 占比 names the share, its 占 is no lead word
        rf"(?!占比)(?:{_alt(w['lead'] + w['periods'] + c['target'])}"
        r"|\d{4}年(?:度)?|(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?:-|至|到|~)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})?月(?:份|末|底|初)?"
        r"|[,;:、\s\"”)]|当前|截至\S{0,6}?底|截至\S{0,6}?末"
        # 比2019年一季度增长19.3%, 较一季度(-10.8%)回升: a comparison base names no indicator
        r"|(?:比|较)(?:\d{4}年|去年|上年)?(?:同期|[一二三四]季度|上半年|前三季度|全年)"
        r"(?:\([^()]{0,12}\))?)"
    )
    region = re.compile(rf"(?:{_alt(region_words)})")
    trail_words = w["trail"] + c["growth_lead"] + w["periods"] + g.raw["approx"]["before"]
    trail_words += [*c["target"], "年度目标", "全年目标"]
    trail = re.compile(
        rf"(?:{_alt(trail_words)}"
        r"|[一二三四五六七八九十两\d]+(?:项|个)(?:主要)?(?:经济)?指标|等指标|等|指标"
        # 生产总值从2015年的39.70亿元增长到…: the start of a change names no indicator
        r"|(?:从|由)(?:\d{4}年)?"
        r"|[,;:、\s“(])+$"
    )
    dangling = re.compile(r"^(?:的|了|和|与|及|等|、)+")
    return lead, region, trail, dangling


def clean(norm: str, start: int, end: int) -> Subject:
    """The subject phrase in ``norm[start:end]`` with glue words stripped."""
    lead, region_rx, trail, dangling = _patterns()
    prefixes = region_prefixes()
    region: str | None = None
    regions: list[str] = []
    last_region_end = -1
    i = start
    for _ in range(12):
        m = lead.match(norm, i, end)
        if m and m.end() > i:
            i = m.end()
            continue
        m = region_rx.match(norm, i, end)
        found = m.end() if m else _region_prefix(norm, i, end, prefixes)
        if found:
            region = norm[i:found]
            joined = last_region_end >= 0 and norm[last_region_end:i] in ("、", "和", "及", "与")
            regions = [*regions, region] if joined else [region]
            last_region_end = i = found
            continue
        break
    text = norm[i:end]
    m = trail.search(text)
    distribute = bool(_DIST.search(norm, start, end))
    if m:
        text = text[: m.start()]
    d = dangling.match(text)
    if d:
        i += d.end()
        text = text[d.end() :]
    if len(text) > 2 and text.endswith("同") and norm.startswith("比", end):
        text = text[:-1]  # 占比同比提高: 比 was read as the comparison, 同 is its half
    if text in _no_indicator():
        text = ""
    elif len(text) > 4:
        text = _inner_verbs().sub("", text)
    bases = 0
    raw = _GLUE_END.sub("", norm[i:end])
    if _BASES.match(raw):
        bases, text = len(_SPLIT.split(raw)), ""
    return Subject(text, i, region, distribute, regions, bases)


_GLUE_END = re.compile(r"(?:均|都|分别|[,;:、\s])+$")
_FIRSTS: list = [None, frozenset()]  # the names last seen and their first characters


def _first_chars(prefixes: dict[str, tuple[str, ...]]) -> frozenset[str]:
    if _FIRSTS[0] is not prefixes:
        _FIRSTS[:] = [prefixes, frozenset(name[0] for name in prefixes)]
    return _FIRSTS[1]


def _region_prefix(norm: str, i: int, end: int, prefixes: dict[str, tuple[str, ...]]) -> int:
    # A region name at the phrase start is the fact's region (longest name first).
    if i >= end or norm[i] not in _first_chars(prefixes):
        return 0  # no name starts with this character: no slice to look up
    blocked = _not_regions()
    for n in range(min(12, end - i), 1, -1):
        word = norm[i : i + n]
        if word in prefixes and i + n <= end and word not in blocked:
            return i + n
    return 0


@cache
def _inner_verbs() -> re.Pattern[str]:
    # only between two words: a verb at the phrase's ends is stripped as lead or trail
    # 通过互联网实现的商品零售额: a verb before 的 qualifies the noun and stays
    return re.compile(rf"(?<=.)(?:{_alt(grammar().raw['words'].get('inner_verbs', []))})(?=[^的])")


@cache
def _no_indicator() -> frozenset[str]:
    return frozenset(grammar().raw["words"].get("no_indicator", []))


@cache
def _not_regions() -> frozenset[str]:
    return frozenset(grammar().raw["words"].get("not_regions", []))


def split_items(subject: Subject) -> list[tuple[str, int]]:
    """The list items of a subject phrase with their absolute offsets."""
    out: list[tuple[str, int]] = []
    pos = 0
    text = subject.text
    for m in _SPLIT.finditer(text):
        out.append((text[pos : m.start()], subject.start + pos))
        pos = m.end()
    out.append((text[pos:], subject.start + pos))
    items = [(t.strip(), s) for t, s in out if t.strip()]
    if len(items) < 2 or any(len(t) > 24 for t, _ in items):
        return [(text, subject.start)]
    return items


def city_rural(subject: Subject) -> list[tuple[str, int]] | None:
    """城乡居民可支配收入分别增长9.2%、13.7% → 城镇居民…, 农村居民…."""
    text = subject.text
    if text.startswith("城乡") and len(text) > 2:
        rest = text[2:]
        return [("城镇" + rest, subject.start), ("农村" + rest, subject.start)]
    return None


def right_noun(norm: str, end: int, limit: int) -> str:
    """The noun a count counts, written after it: 36个|省重点项目|均实现…."""
    stop = grammar().noun_stop.search(norm, end, min(limit, end + 24))
    stop_at = stop.start() if stop else min(limit, end + 24)
    return norm[end:stop_at]
