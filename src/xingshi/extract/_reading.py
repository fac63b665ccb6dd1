"""What an anchor measures, read from the words just left (and right) of it.

Each reader returns a :class:`Reading`: the measure, the sign the verb gives (下降 → -1),
where the cue words begin (the indicator phrase ends there) and the comparison base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from xingshi.extract._rules import Grammar, _alt, grammar


@dataclass
class Reading:
    measure: str
    sign: int = 1
    cue_at: int = 0  # offset into the clause where the cue words begin
    versus: str | None = None
    of: str | None = None
    basis: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class _Rx:
    growth: re.Pattern[str]
    speed: re.Pattern[str]
    share: re.Pattern[str]
    done_pct: re.Pattern[str]
    contrib: re.Pattern[str]
    rate: re.Pattern[str]
    right_growth: re.Pattern[str]
    pp_vs: re.Pattern[str]
    pp_chg: re.Pattern[str]
    times: re.Pattern[str]
    done: re.Pattern[str]
    target: re.Pattern[str]
    done_any: re.Pattern[str]
    right_target: re.Pattern[str]
    flat: re.Pattern[str]
    flat_peer: re.Pattern[str]
    down: frozenset[str]
    delta: re.Pattern[str]
    below: frozenset[str]


@cache
def _rx() -> _Rx:
    g: Grammar = grammar()
    c = g.raw["cues"]
    approx = _alt(g.raw["approx"]["before"])
    verbs = _alt(c["growth_up"] + c["growth_down"])
    lead = _alt(c["growth_lead"])
    cmp_words = _alt(c["above"] + c["below"])
    target = _alt(c["target"])
    w = g.raw["words"]
    peers = w["parent"] + w["country"] + w["self_prefecture"] + w["self_county"]
    return _Rx(
        growth=re.compile(
            rf"(?P<lead>(?:{lead})*)(?P<verb>{verbs})(?:了)?(?:均|都)?"
            rf"(?:达到|达|为|幅度为|幅度达)?(?:{approx})?$"
        ),
        speed=re.compile(
            rf"(?<!自然)(?:增速|增幅|涨幅|升幅|增长率|增长速度)"
            # 增速连续4个月超过20%: the streak sits between the speed and its value
            rf"(?:连续[\d一二三四五六七八九十两]{{1,3}}个?(?:月|季度|年))?"
            rf"(?:为|达到|达|是|均为|分别为|分别是|分别达到|分别达|均|分别|都为|都是|都在|均在|在)?"
            rf"(?:{approx})?$"
        ),
        share=re.compile(
            # 占…60%以上的规模以上工业…增长14.4%: a share already closed by its own figure
            rf"占(?P<of>[^,;:()%]{{0,30}}?)(?:的)?(?:比重|比例|份额)?(?:为|达到|达|是)?(?:{approx})?$"
        ),
        done_pct=re.compile(
            r"(?:完成|达到|实现|占|为)(?P<of>[^,;:()\d]{0,20}?(?:目标|计划|任务|预算(?!收入|支出))[^,;:()]{0,8}?)的?$"
        ),
        contrib=re.compile(rf"贡献(?:率)?(?:了|为|达到|达)?(?:{approx})?$"),
        rate=re.compile(
            rf"(?:率|比重|占比|比例)(?:为|达到|达|是|提高到|提升到|保持在|稳定在)?(?:{approx})?$"
        ),
        right_growth=re.compile(
            r"(?:以上|左右)?的?(?:快速|较快|高速|稳定|平稳|中高速|两位数)?(?:增速|增幅|增长)"
            r"|的(?:中高速|高速|中速|合理|预期)(?:增长)?区间"
        ),
        pp_vs=re.compile(
            rf"(?P<cmp>{cmp_words})(?P<vs>[^,;:]{{0,30}}?)(?:的)?(?:增速|增幅)?(?:{approx})?$"
        ),
        pp_chg=re.compile(
            rf"(?:(?:比(?!重|例|率)|较)(?P<vs>[^,;:比较]{{0,40}}?))?(?P<verb>{verbs}|高出|高|快|低|慢)(?:了)?"
            rf"(?:{approx})?$"
        ),
        times=re.compile(r"(?:是|为|相当于|达到)(?P<vs>[^,;:]{0,20}?)的$"),
        # 投产企业达到91户: a completion word naming a kind of firm is no progress report.
        done=re.compile(rf"(?:{_alt(c['completed'])})(?!企业|单位)[^,;:]{{0,14}}$"),
        # 争取落实到位资金505万元 reports money obtained, not a goal.
        done_any=re.compile(rf"(?:{_alt(c['completed'])})"),
        # 人均预期寿命 is a measure's name, not an expectation; 计划生育 is no plan;
        # 拜访目标企业150家 counts firms sought, it sets no goal.
        target=re.compile(
            "(?:"
            + target.replace("争取", "争取(?!到|了|落实)")
            .replace("目标", "目标(?!企业|客户|市场|群体|人群)")
            .replace("预期", "预期(?!寿命)")
            .replace("计划", "计划(?!生育)")
            + ")"
        ),
        right_target=re.compile(r"的?(?:目标任务|任务目标|目标|预期目标|计划)"),
        flat=re.compile(r"(?:(?:与|和|同|比|较)(?:上年|去年)(?:同期)?)?(?:基本|保持|总体)?$"),
        # 新民市增长6.0%,全市增速持平 (与 lost): a peer's rate named before 持平 is the other side
        flat_peer=re.compile(
            rf"(?:^|[,;:])(?P<vs>{_alt(peers)})(?:平均水平|平均)?(?:增速|增幅)(?:基本|总体)?(?:保持)?$"
        ),
        down=frozenset([*c["growth_down"], "低", "慢"]),
        delta=re.compile(
            r"(?:比(?!重|例|率)|较)(?:年初|上年末|上年同期|去年同期|上年|去年|上月|上年底)"
            r"(?:增加|减少|多增|少增|增长|下降|新增)了?$"
        ),
        below=frozenset(c["below"]),
    )


def target_words(clause: str) -> list[str]:
    """The target words of a clause (outside brackets), in order."""
    return [m.group(0) for m in _rx().target.finditer(_PARENS.sub("", clause))]


def _basis(lead: str) -> str | None:
    for word in ("两年平均", "年均", "环比", "实际"):
        if word in lead:
            return word
    return None


_BRACKET_VS = re.compile(r"(?:全省|全国|全市|全州|全区|全县|省|国|市|州|县|区|平均水平|平均)\($")
_BRACKET_SCOPE = re.compile(r"\((?:全省|全国|全市|全州|全区|全县)(?:平均水平|平均)?(?:为|是)?$")
_GROWTH_WORD = re.compile(r"增长|增速|增幅|下降|回落")
_COMPARE = re.compile(r"比|较|高于|低于|快于|慢于|高出|超过")


# 年度计划投资同比增长136%: the planned amount's own growth over last year's plan, a fact.
# 年度计划投资完成率46.67%: the plan names the rate, it sets no goal.
_PLAN_NOUN = re.compile(
    r"(?:(?:年度|全年|年)计划|计划(?=[\u4e00-\u9fa5]))"
    r"(?=[\u4e00-\u9fa5]{0,8}(?:同比|比上年|较上年|比去年|较去年)"
    r"|[\u4e00-\u9fa5]{0,6}(?:完成率|执行率|到位率)(?:为|达到|达|是)?$)"
)
# 实现全年增长5%左右的预期目标: the goal is named after the figure.
_GOAL_RIGHT = re.compile(r"的?(?:预期目标|目标任务|奋斗目标|发展目标|目标)")


# 占…的<noun>…增长: a 的 followed by a noun (not 比重/比例/份额) ends the share's whole.
_SHARE_AS_MODIFIER = re.compile(r"占[^的]{1,20}的(?!比重|比例|份额|比)[\u4e00-\u9fa5]{2,}")


def read_percent(clause: str, right: str) -> Reading:
    """增长28.6% / 占…的1.9% / 完成全年目标的52.3% / 优良率97.8% / 目标增长8%."""
    r = _rx()
    plain = _PLAN_NOUN.sub("", _PARENS.sub("", clause))
    goal_right = _GOAL_RIGHT.match(right)
    if (r.target.search(plain) or goal_right) and not r.done_pct.search(clause):
        m = r.growth.search(clause)
        sign = -1 if m and m.group("verb") in r.down else 1  # 预计下降8%左右 → -8
        return Reading("target", sign, cue_at=m.start() if m else len(clause))
    m = r.done_pct.search(clause)
    if m:
        return Reading("completed", cue_at=m.start(), of=m.group("of"))
    m = r.share.search(clause)
    g = r.growth.search(clause)
    if m and g and _SHARE_AS_MODIFIER.search(clause, m.start(), g.start()):
        m = None  # 占全县税收四成的制造业营业收入下降2.4%: the share names the subject
    if m:
        return Reading("share_pct", cue_at=m.start(), of=m.group("of") or None)
    m = r.growth.search(clause)
    if m:
        sign = -1 if m.group("verb") in r.down else 1
        return Reading("growth_pct", sign, m.start(), basis=_basis(m.group("lead")))
    if _BRACKET_SCOPE.search(clause) and _GROWTH_WORD.search(clause):
        # 增长7.5%(全市11.1%): the wider region's growth, in brackets after the local one
        return Reading("growth_pct", cue_at=len(clause))
    if _BRACKET_VS.search(clause) and _COMPARE.search(clause):
        # 比全省(7.7%)和全国(7.0%)分别高0.7、1.4个百分点: the other side's growth, in brackets
        return Reading("growth_pct", cue_at=len(clause))
    m = r.speed.search(clause)
    if m or r.right_growth.match(right):
        return Reading("growth_pct", cue_at=m.start() if m else len(clause))
    m = r.contrib.search(clause)
    if m:
        return Reading("ratio_pct", cue_at=m.start())
    m = r.rate.search(clause)
    if m:
        return Reading("ratio_pct", cue_at=m.start() + 1 if m.group(0)[0] == "率" else m.end())
    return Reading("ratio_pct", cue_at=len(clause))


# 62个项目竣工投产 (but 112件信访件已办结56件: there the later number is the progress).
_DONE_AFTER = re.compile(
    r"[\u4e00-\u9fa5]{0,6}?已?(?:竣工|建成|投产|完工|达到序时进度|达序时进度)(?:投产|运营|使用)?"
    r"(?![\d一二三四五六七八九十两]|项目|企业)"  # 50个建成项目: a kind of project, counted
)
_NEW_KIND = re.compile(r"新(?:开工|开复工|建成|投产)[^,;:]{0,10}?项目$")
# 176个年度计划新开项目实际开工150个: what actually happened, after the plan was named.
_ACTUAL_AFTER_PLAN = re.compile(r"实际|已|实现")
# 已开工未入库项目1个: not yet registered is a plain count too
_NOT_DONE = re.compile(
    r"(?:未|尚未|没有|未能)(?:开复工|开工|复工|竣工|完工|建成|投产|完成|办结|整改|入库|纳统|入统)"
    r"(?:[\u4e00-\u9fa5]{0,4}项目)?$"
)
# 3个重点预备开工项目和2个重点前期工作项目: the start word names the item before the list's 和
_DONE_NOUN_LISTED = re.compile(r"(?:开工|开复工|复工|竣工|建成|投产)项目(?:和|、|及|与)$")
# …15个项目已开工建设 (but 112件信访件已办结56项: the done count follows, 112 is the total)
_DONE_ALREADY = re.compile(
    r"[\u4e00-\u9fa5]{0,6}?已(?:开工|开复工|复工|完工|竣工|建成|投产|办结)"
    r"(?![\u4e00-\u9fa5]{0,3}[\d一二三四五六七八九十两])"
)
# 完成年任务75亿元的23.7%: the year's task is a goal.
_TASK = re.compile(r"(?:年|年度|全年)(?:目标)?任务(?:为|是|数)?$")
# A target word inside brackets (按考核目标口径统计) qualifies, it sets no goal.
_PARENS = re.compile(r"\([^()]*\)")
_LESS = re.compile(r"(?:减少|下降|净减少|减)了?$")
_LOWER = re.compile(r"(?:比(?!重|例|率)|较)[^,;:比较]{1,16}?(?:低|少)了?$")
_FALL_SIZE = re.compile(r"(?:降幅|跌幅|减幅|回落幅度|下降幅度)(?:最大|最小|较大|较小)?[^,;:]{0,6}$")
_FALL = re.compile(r"降幅|跌幅|减幅")
_VS_FRONT = re.compile(r"(?:比(?!重|例|率)|较)(?P<vs>[^,;:比较]{1,20}?)(?:分别|均|都)?$")


def read_points(clause: str) -> Reading:
    """高于全省1.2个百分点 / 较去年同期下降1.99个百分点 / 拉动GDP增长3.2个百分点."""
    r = _rx()
    m = r.pp_vs.search(clause)
    if m:
        sign = -1 if m.group("cmp") in r.below else 1
        front = _VS_FRONT.search(clause, 0, m.start()) if not m.group("vs") else None
        if front:  # 较全市平均水平高出1.4个百分点: the other side stands before the verb
            vs = re.sub(r"(?:增长|平均水平|平均|增速|增幅)$", "", front.group("vs"))
            return Reading("pp_diff", sign, front.start(), versus=vs or None)
        vs = re.sub(r"(?:分别|均|都)$", "", m.group("vs"))
        vs = re.sub(r"(?:增长|平均水平|平均)$", "", vs) or None
        return Reading("pp_diff", sign, m.start(), versus=vs)
    m = r.pp_chg.search(clause)
    if m:
        sign = -1 if m.group("verb") in r.down else 1
        if m.group("verb") in ("收窄", "缩小", "扩大") and _FALL.search(clause):
            sign = -sign  # 降幅收窄1.5个百分点: the growth rate rose by 1.5 points
        vs = re.sub(r"(?:分别|均|都)$", "", m.group("vs") or "")
        return Reading("pp_diff", sign, m.start(), versus=vs or "上年同期")
    # 青海降幅最大,达1.3个百分点: a fall of the growth rate, with no verb of its own
    sign = -1 if _FALL_SIZE.search(clause) else 1
    return Reading("pp_diff", sign, cue_at=len(clause))


def read_multiple(clause: str) -> Reading:
    """增长1.5倍 (growth_multiple) / 是上年的2.5倍 (a ratio: the unit says 是…倍)."""
    r = _rx()
    m = r.times.search(clause)
    if m:
        return Reading("growth_multiple", cue_at=m.start(), unit=f"倍(是{m.group('vs')}的)")
    m = r.growth.search(clause)
    if m:
        return Reading("growth_multiple", cue_at=m.start(), basis=_basis(m.group("lead")))
    return Reading("growth_multiple", cue_at=len(clause))


# 计划新开工项目157项,总投资506.08亿元,…: a set of projects described by its own total
_SET_TOTAL = re.compile(r"^[,,、]总投资")
_PLANNED_KIND = re.compile(r"计划(?:新开工|新建|续建|竣工|开工)项目$")


def read_amount(clause: str, right: str, kind: str) -> Reading:
    """A level or a count, unless a completion or target word makes it one of those."""
    r = _rx()
    counting = kind in ("count", "cued")
    d = r.delta.search(clause)
    if d:  # 比年初增加289.1亿元: a change of the previous figure's level
        measure = "count" if counting else "level"
        sign = -1 if re.search("减少|少增|下降", d.group(0)) else 1
        return Reading(measure, sign, cue_at=d.start(), basis=d.group(0))
    if _LESS.search(clause) or _LOWER.search(clause):  # 减少0.37亿斤 / 较全省人均花费低174元
        return Reading("count" if counting else "level", -1, cue_at=len(clause))
    if counting and _NOT_DONE.search(clause):  # 未开复工10项: not done is a plain count
        return Reading("count", cue_at=len(clause))
    if counting and _DONE_ALREADY.match(right):  # 35个争取开工项目中…15个项目已开工建设
        return Reading("completed", cue_at=len(clause))
    m = r.done.search(clause)
    if m and _NEW_KIND.search(clause, max(0, m.start() - 1)):
        m = None  # 本年新开工项目1163个: new starts are a kind of project, counted
    if m and _DONE_NOUN_LISTED.search(clause):
        m = None
    t = r.target.search(_PARENS.sub("", clause))
    if counting and _SET_TOTAL.match(right) and _PLANNED_KIND.search(clause):
        return Reading("count", cue_at=len(clause))  # 计划新开工项目157项,总投资506亿元: a set
    if counting and m and t and t.start() < m.start():  # 计划新开工项目45个: a goal
        last_done = max((x.start() for x in r.done_any.finditer(clause)), default=m.start())
        if not _ACTUAL_AFTER_PLAN.search(clause, t.end(), last_done + 1):
            return Reading("target", cue_at=len(clause))
        return Reading("completed", cue_at=len(clause))
    if not counting and _TASK.search(clause):
        return Reading("target", cue_at=len(clause))
    if counting and (m or _DONE_AFTER.match(right)):  # 已有62个项目竣工投产
        return Reading("completed", cue_at=len(clause))
    # 150项目标任务 counts goals; 全年160家的目标任务 is one.
    goal_after = r.right_target.match(right) and (not counting or right.startswith("的"))
    if r.target.search(_PARENS.sub("", clause)) or goal_after:
        return Reading("target", cue_at=len(clause))
    return Reading("count" if counting else "level", cue_at=len(clause))


# 增速与全国持平, 与一季度持平: the growth rate equals another one (0 points), not a flat level.
_FLAT_VS = re.compile(
    r"(?P<speed>增速|增幅|增长速度)?(?:基本|总体)?(?:与|和|同|较|比)"
    r"(?P<vs>上年同期|去年同期|[^,;:与和同较比]{1,12}?)"
    r"(?:基本|总体)?(?:保持)?$"
)
_SAME_PERIOD = re.compile(
    r"^(?:上年|去年|上年同期|去年同期|同期|上月|上季度|上年末|年初|上年底|去年底)$"
)


def read_flat(clause: str) -> Reading:
    m = _FLAT_VS.search(clause)
    if m and (m.group("speed") or not _SAME_PERIOD.match(m.group("vs"))):
        return Reading("pp_diff", cue_at=m.start(), versus=m.group("vs"))
    m = _rx().flat_peer.search(clause)
    if m:
        return Reading("pp_diff", cue_at=m.start("vs"), versus=m.group("vs"))
    m = _rx().flat.search(clause)
    return Reading("growth_pct", cue_at=m.start() if m else len(clause))
