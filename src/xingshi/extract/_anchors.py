"""Figure anchors: a number with its unit (or a rank 第N, 翻N番, 持平) found in one regex pass.

An anchor knows only its own span, values, unit and approximation marks; what it measures is
decided afterwards from the words to its left and right (see ``_clauses``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from xingshi.extract._numbers import parse_number
from xingshi.extract._rules import AR_NUM, CN_NUM, Grammar, _alt, grammar

# A list of numbers sharing the last one's unit: 2.6、6.7个百分点; 38到96个工作日.
_LIST_NEXT = re.compile(rf" ?(?P<sep>、|和|到|至|-|~|或) ?(?P<n>(?:负|-)?(?:{AR_NUM}|{CN_NUM}))")
# Quoted names and slogans (“坚持一个统领、提高两个比重”); a quote holding a % is a figure.
_QUOTED = re.compile(
    # 超过“3万亿元”: an amount in quotation marks for emphasis is still a figure
    r"“(?!\d[\d.]*(?:万亿|亿|万)?(?:元|美元)”)[^”\n%]{1,14}”|“[^”\n%亿万元吨]{15,30}”|《[^》\n]{1,60}》|\"[^\"\n%]{1,14}\""
)
_LETTER_BEFORE = re.compile(r"[A-Za-z.]")
# 比全国全区分别低了0.5个和0.1个百分点: 个 stands for 个百分点 until the list's last item.
_PP_NEXT = re.compile(rf"(?:、|和|及|与)(?P<n>(?:负|-)?{AR_NUM})(?P<u>个百分点|百分点|个)")
# 一一, 二三: digit runs without 十百千 are not numbers (唯一一个, 一二三产业).
_CN_RUN = re.compile(r"[一二两三四五六七八九][一二两三四五六七八九]")


@dataclass
class Anchor:
    start: int  # first character of the figure (number, 第, 翻, 持平)
    end: int  # just past the unit and any 以上/左右
    kind: str  # level | count | percent | points | multiple | cued | rank | fan | flat
    unit: str
    values: list[tuple[float, int, int]]  # value and the span of its number
    approx: str | None = None
    sign: int = 0  # its own verb's sign in 分别下降29.8%、增长6.5% (0: the clause's)


def blocked_mask(norm: str, g: Grammar) -> bytearray:
    """1 where a character sits inside a non-figure (meeting number, slogan, title)."""
    mask = bytearray(len(norm))
    for rx in (g.nonfigure, _QUOTED):
        for m in rx.finditer(norm):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


def find_anchors(norm: str, g: Grammar, mask: bytearray) -> list[Anchor]:
    """Every figure anchor in the text, in order, non-overlapping."""
    out: list[Anchor] = []
    consumed = 0
    approx_before = g.approx_before
    for m in g.anchor.finditer(norm):
        s = m.start()
        if s < consumed or mask[s]:
            continue
        kind = m.lastgroup
        anchor: Anchor | None = None
        if kind == "num" or kind == "cn":
            anchor = _number(norm, m, kind, g)
            if anchor is None and kind == "cn":
                anchor = _bare(norm, m)
        elif kind == "pct":
            value = parse_number(m.group("pct"))
            if value is not None:
                anchor = _with_post(norm, Anchor(s, m.end(), "percent", "%", [(value, s, m.end())]))
        elif kind == "rank":
            anchor = _rank(norm, m, g)
        elif kind == "first" and _rank_left(g).search(norm[max(0, s - 16) : s]):
            anchor = Anchor(s, m.end(), "rank", "位", [(1.0, s, m.end())])
        elif kind == "fan":
            digits = m.group("fan").strip("翻了番")
            value = parse_number(digits)
            if value is not None:
                anchor = Anchor(s, m.end(), "fan", "番", [(value, s, m.end())])
        elif kind == "flat":
            anchor = Anchor(s, m.end(), "flat", "%", [(0.0, s, m.end())])
        if anchor is None:
            continue
        if anchor.approx is None and anchor.kind not in ("rank", "flat"):
            am = approx_before.search(norm, max(0, anchor.start - 4), anchor.start)
            if am and not _word_tail(norm, am.start(), am.group(0)):
                anchor.approx = am.group(0)
        out.append(anchor)
        consumed = anchor.end
    return out


# 签约, 节约, 最近: the approximation word is the end of another word here.
_WORD_BEFORE = {"约": "签节合制履预相公条契违毁解大", "近": "最附邻亲靠将接", "超": "赶高"}


# 过百亿, 突破千亿元, 均超过万亿元, 亿元以上项目, 签约引进亿元项目: an amount written with no digit,
# a magnitude alone. It is a figure only after a crossing word or as a threshold of a group.
_BARE = {"亿": (1.0, "亿元"), "十亿": (10.0, "亿元"), "百亿": (100.0, "亿元"),
         "千亿": (1000.0, "亿元"), "万亿": (1.0, "万亿元"), "千万": (1000.0, "万元")}  # fmt: skip
_CN_DIGITS = "零一二两三四五六七八九十百千万"
_BARE_LEFT = re.compile(r"(?:过|超过|超|突破|逾|迈上|跨上|跨越|迈入|跃上|站上)$")
_BARE_RIGHT = re.compile(r"元?(?P<post>(?:及)?以上)?")
# 亿元以上项目, 亿元和10亿元以上项目: the magnitude bounds a group of projects or firms.
_BARE_GROUP = re.compile(
    r"元(?:(?:及)?以上)?(?:[\u4e00-\u9fa5]{0,4}?(?:项目|企业)|(?:和|、|及)(?=\d[^,;。]{0,8}以上))"
)

_COUNTED = re.compile(r"\d(项|个|件|家|所|条)")


# 牛肉产量5.3万吨,下降6.5羊肉产量0.7万吨: a decimal right after a growth verb whose % the copy
# lost; not before a unit, a digit or a list that shares a later unit (增长6.5、7.2%).
_NOT_LOST = re.compile(r"[\d.%‰倍个万亿千百元年月日号点 、和到至~-]")


@cache
def _growth_verb() -> re.Pattern[str]:
    c = grammar().raw["cues"]
    return re.compile(rf"(?:{_alt(c['growth_up'] + c['growth_down'])})了?$")


def _lost_percent(norm: str, s: int, e: int) -> bool:
    if e < len(norm) and _NOT_LOST.match(norm, e):
        return False
    return _growth_verb().search(norm, max(0, s - 5), s) is not None


def _word_tail(norm: str, i: int, word: str) -> bool:
    return i > 0 and norm[i - 1] in _WORD_BEFORE.get(word, "")


def _number(norm: str, m: re.Match[str], group: str, g: Grammar) -> Anchor | None:
    s, e = m.start(), m.end()
    text = m.group(group)
    if group == "num" and s > 0 and _LETTER_BEFORE.match(norm, s - 1):
        return None  # G20, 5.1版, a version or a code
    if group == "cn" and (text[0] in "百千万亿" or _CN_RUN.search(text)):
        return None  # 百条精品线路, 千年, 唯一一个: idioms, not figures
    if group == "cn" and len(text) > 1 and text[-1] in "万亿":
        # 一千二百亿元: the magnitude belongs to the unit, as with 1200亿元.
        cut = 2 if text.endswith("万亿") and len(text) > 2 else 1
        text, e = text[:-cut], e - cut
    value = parse_number(text)
    if value is None:
        return None
    values = [(value, s, e)]
    pos = e
    u = g.unit.match(norm, pos)
    if u is None and group == "num" and norm.endswith("有", 0, s) and norm.startswith("(", e):
        # 推进缓慢的有3(城区公办幼儿园建设、…): a count whose items follow in brackets, its
        # classifier the one the sentence counted with before (正常推进的有4项)
        before = list(_COUNTED.finditer(norm, max(0, s - 300), s))
        if before and float(value).is_integer():
            return Anchor(s, e, "count", before[-1].group(1), values)
    if u is None and group == "num" and "." in text and _lost_percent(norm, s, e):
        return Anchor(s, e, "percent", "%", values)
    if u is None and group == "num":
        wan = _wan_left(norm, s, e, value, g)
        if wan is not None:
            return wan
    while u is None:
        nxt = _LIST_NEXT.match(norm, pos)
        if nxt is None:
            return None
        v = parse_number(nxt.group("n"))
        if v is None:
            return None
        if nxt.group("sep") in "-~到至" and len(values) > 1:
            return None
        if len(values) >= 24:  # a table row or a code, not a list a sentence shares a unit over
            return None
        values.append((v, nxt.start("n"), nxt.end("n")))
        pos = nxt.end()
        u = g.unit.match(norm, pos)
    unit = u.group("unit")
    kind = g.unit_kind[unit]
    if u.group(0).startswith("\n") and (
        (kind == "count" and len(unit) == 1 and unit != "个" and not u.group("mag"))
        or norm[max(0, s - 1) : s] in ("图", "表")
    ):
        return None  # 表3\n人口…, 2019年末…\n人均: a number and the next line's first word
    if kind == "cued":
        cues = g.raw["units"]["cued"][unit]
        if not any(norm.endswith(c, max(0, s - len(c)), s) for c in cues):
            return None
    # 一批, 一个: articles; but 增长一倍, 提高一个百分点 and 用一个多月时间 are figures
    article = kind not in ("multiple", "points") and unit != "个多月"
    if group == "cn" and text in ("一", "零") and article:
        return None
    if len(values) > 1 and values[0][1] != s:
        return None
    if unit == "个" and not u.group("mag"):
        points = _points_list(norm, s, values, u.end())
        if points is not None:
            return points
    mag = u.group("mag") or ""
    full_unit = "%" if kind == "percent" else mag + unit
    approx = u.group("post") or u.group("yu") or u.group("yu0")
    if kind == "percent" and unit == "‰":
        full_unit = "‰"
    if unit == "个多月":  # 两个多月: two months and more
        full_unit, approx = "个月", approx or "多"
    return Anchor(s, u.end(), kind, full_unit, values, approx)


_WAN: dict[int, re.Pattern[str]] = {}


def _wan_left(norm: str, s: int, e: int, value: float, g: Grammar) -> Anchor | None:
    """2.2万脱贫人口, 1560多万返乡农民工: people counted in 万 with no classifier; 突破200万大关."""
    rx = _WAN.get(id(g))
    if rx is None:
        nouns = _alt(g.raw["units"]["people_after_wan"])
        rx = re.compile(rf"(?P<yu>多|余)?万(?:(?P<people>(?=(?:{nouns})))|(?=大关))")
        _WAN[id(g)] = rx
    m = rx.match(norm, e)
    if m is None:
        return None
    if m.group("people") is not None:
        return Anchor(s, m.end(), "count", "万人", [(value, s, e)], m.group("yu"))
    return Anchor(s, m.end(), "level", "万", [(value, s, e)], m.group("yu"))


def _bare(norm: str, m: re.Match[str]) -> Anchor | None:
    s = m.start()
    mag = next((w for w in sorted(_BARE, key=len, reverse=True) if norm.startswith(w, s)), None)
    if mag is None or (s > 0 and (norm[s - 1].isdigit() or norm[s - 1] in _CN_DIGITS)):
        return None
    e = s + len(mag)
    right = _BARE_RIGHT.match(norm, e)
    crossed = _BARE_LEFT.search(norm, max(0, s - 2), s)
    group = _BARE_GROUP.match(norm, e)
    if not (crossed or group):
        return None
    value, unit = _BARE[mag]
    end = e + (1 if norm.startswith("元", e) else 0)
    approx = crossed.group(0) if crossed else None
    if right is not None and right.group("post"):
        end, approx = right.end("post"), "以上"
    return Anchor(s, end, "level", unit, [(value, s, end)], approx)


def _points_list(
    norm: str, s: int, values: list[tuple[float, int, int]], pos: int
) -> Anchor | None:
    """0.5个和0.1个百分点, 3.2个、25.9个、6.7个百分点: a list of points, not of counts."""
    more: list[tuple[float, int, int]] = []
    while len(more) < 24:
        m = _PP_NEXT.match(norm, pos)
        if m is None:
            return None
        v = parse_number(m.group("n"))
        if v is None:
            return None
        more.append((v, m.start("n"), m.end("n")))
        pos = m.end()
        if m.group("u") != "个":
            return Anchor(s, pos, "points", "个百分点", values + more)
    return None


def _with_post(norm: str, a: Anchor) -> Anchor:
    for w in ("以上", "左右"):
        if norm.startswith(w, a.end):
            a.approx, a.end = w, a.end + len(w)
    return a


def _rank(norm: str, m: re.Match[str], g: Grammar) -> Anchor | None:
    s, e = m.start(), m.end()
    left = norm[max(0, s - 16) : s]
    if not _rank_left(g).search(left) and not _RANK_BEFORE.search(left):
        return None
    value = parse_number(m.group("rank")[1:].strip())
    if value is None or value <= 0:
        return None
    end = e
    if norm.startswith((" 位", " 名"), end):
        end += 1
    if end < len(norm) and norm[end] in "位名":
        end += 1
    elif norm.startswith("个", end) and _SCOPE_LEFT.search(left):
        end += 1  # 成为全区第四个突破2000亿元大关的地区: the fourth in its scope
    elif norm.startswith(("方阵", "梯队", "档", "批", "个", "次", "届", "轮", "大", "家"), end):
        return None
    return Anchor(s, end, "rank", "位", [(value, s, e)])


_SCOPE_LEFT = re.compile(r"全[省市区国州县盟]$")
# 分别排名全市第7和第4: the second rank of a list has the first as its left side.
_RANK_BEFORE = re.compile(r"第 ?[\d一二三四五六七八九十]{1,3} ?[位名]?(?:和|、)$")

_RANK_LEFT: dict[int, re.Pattern[str]] = {}


def _rank_left(g: Grammar) -> re.Pattern[str]:
    rx = _RANK_LEFT.get(id(g))
    if rx is None:
        cues = g.raw["cues"]
        verbs, scopes = _alt(cues["rank_verbs"]), _alt(cues["rank_scopes"])
        rx = re.compile(
            rf"(?:(?:{verbs})(?:在)?(?:{scopes})?|(?:{scopes})"
            # 位居中国品牌乘用车出口第一: a strong rank verb, then the field it ranks in
            r"|(?:位居|位列|名列)[\u4e00-\u9fa5]{1,12}"
            rf"|(?:上升|提升|前移|前进|进位|下降|后退|跃升|攀升|后移|下滑|滑落|回落|升|降|跌)(?:至|到|为)"
            # 由二季度的第12位上升到第6位: the earlier rank of a change
            rf"|由(?:[一二三四]季度|上半年|前三季度|上年|去年|上月|年初|\d{{1,2}}月(?:份)?)?(?:的)?)"
            # 全市七县(市)第二, 全省14个市州中第3
            rf"(?:[\d一二三四五六七八九十]+个?(?:市州|县市区|县\(市\)|县\(市、区\)|县区|市|县|地区|省份|省区市))?"
            rf"(?:中|内)?(?:的)?$"
        )
        _RANK_LEFT[id(g)] = rx
    return rx
