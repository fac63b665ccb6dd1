"""From anchors to facts: sentence by sentence, reading measures, subjects, lists and periods."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from xingshi.catalog.periods import Period
from xingshi.extract import _reading as rd
from xingshi.extract._anchors import Anchor, blocked_mask, find_anchors
from xingshi.extract._columns import apply_progress_tables, apply_task_items
from xingshi.extract._context import (
    PERIOD,
    DocContext,
    canonical_indicator,
    catalogs,
    display_name,
    region_prefixes,
)
from xingshi.extract._numbers import as_written
from xingshi.extract._rules import grammar
from xingshi.extract._scan import leading_class, needed_part
from xingshi.extract._subject import (
    _DIST,
    Subject,
    city_rural,
    clean,
    right_noun,
    split_items,
)
from xingshi.extract._table import table_cells
from xingshi.extract.fact import Fact

_PERIOD_SCAN = leading_class(PERIOD)  # the same matches as PERIOD, found faster
# A semicolon joins clauses of one sentence (增长13.5%；两年平均增长7.1%): not an end.
_SENTENCE_END = re.compile(r"[。!?\n]")
_CLAUSE = (",", ";", ":", "。", "!", "?", "\n")
_JOIN = frozenset(["、", "和", "及", "-", "~", "至", "到"])  # lists and ranges (8%-10%)
# 分别下降29.8%、增长6.5%和增长4.1%: each item of a list of growths with its own verb.
_JOIN_VERB = re.compile(
    r"(?:、|和|及)(?:同比)?(?P<verb>增长|下降|增加|减少|上涨|下跌|回落|提高)了?"
)
_DOWN_VERBS = frozenset(["下降", "减少", "下跌", "回落"])
_SPEED_BEFORE = re.compile(
    r"(?:增速|增幅|增长率|增长)(?:最低|最高|最快|最慢|较快|较慢|居首|最大|最小|居前)?$"
)
_WINDOW = 160
# 电子信息增幅最大,分别为21.6%: the value clause after a growth named in the clause before.
_SPEED_VALUE = frozenset(
    ["", "仅为", "为", "达", "达到", "是", "只有", "仅", "分别为", "分别是", "分别达", "分别达到",
     "均为", "分别"]
)  # fmt: skip
_FALL_BEFORE = re.compile(r"(?:降幅|跌幅|回落幅度|下降幅度)(?:最大|最小|较大|较小)?,$")
_GOAL_NOUN = re.compile(r"(?:目标|任务|计划|预期)")
_THRESHOLD = re.compile(r"(?:以上|以下)[\u4e00-\u9fa5]")
_SCOPE = re.compile(r"全省|全州|全市|全国|全县|全区|省内")
_GOALS = re.compile(
    # 对于今年政府工作要求,会议提出,2020年…增长6%: the year's goals
    r"工作要求[,:](?:[^,;:。]{0,6}提出[,:])?"
    r"|(?:预期目标|主要目标|目标任务|发展目标|奋斗目标|目标)(?:是|为)?(?::|-{1,2})"
    r"|(?:预期目标|主要目标|发展目标|奋斗目标)(?:是|为)"
)
# A forecast heading the sentence (初步预计，全市生产总值增长12%；地方财政收入增长26.6%…) makes
# every later figure a goal; a forecast verb (预计实现…391亿元，增长8.6%；财政收入…) only the
# clauses up to the next semicolon. 拟 plans the same way (赤字率拟按3%安排，赤字规模4.06万亿元).
_FORECAST = re.compile(
    # 预计1-6月份, / 预计前三季度, head the sentence like 预计, alone.
    r"(?P<head>(?<![^,;:。\n])(?:经|据)?(?:初步)?(?:预计|预期|预测)"
    r"(?:[\d一二三四—\-~至到]{0,5}(?:月份|月|季度)|前三季度|上半年|全年|今年"
    # 预计十三五末, / 预计到年底, : a time with no figure in it, then the comma
    r"|到?(?:十[一二三四五六]五|年底|年末|全年)末?)?[,:])"
    # 力争固定资产投资增幅16%以上、…,财政总收入达到20亿元: 力争 heading a sentence
    r"|(?P<head2>(?<![^,;:。\n])力争)"
    r"|(?<![\d的])(?:初步)?预计|拟(?:按|安排|新增|发行|投资|实施|建设|下达)"
    r"|(?<![度的成占年])计划(?=[招投完实新建开引争达安])"
    # 70个计划新开工项目中,…等4个项目: a kind of project, not a plan of the sentence's figures
    r"(?!(?:新开工|新开|新建|开工|续建)[\u4e00-\u9fa5]{0,4}项目)"
)
# A rate in per mille is a demographic rate (人口机械增长率0.43‰), never the growth of a figure.
_RATE_END = re.compile(r"率(?:为|达到|达|是)?$")
_CARRIED = ("growth_pct", "level", "count", "ratio_pct", "share_pct")
_IN_NAME = re.compile(r"[^,;:。]{0,12}的(?:项目|企业|单位)")
# …unless the clause itself reports what happened.
# (实际增长6.5%左右 names the basis, real growth, and is no report of what happened.)
_ACTUAL = re.compile(r"已|实际(?!增长|下降)|截至|同期")
# A count that is itself progress (开工16个) is no total for the next one (竣工13个).
_DONE_WORD = re.compile(r"(?:开工|竣工|建成|投产|完成|办结)了?$")
# 能源项目已开工建设: a completion naming its own kind of project
_OWN_KIND = re.compile(
    r"(?:其中)?(?P<kind>[\u4e00-\u9fa5]{1,10}?(?:项目|工程))(?:均|都)?已?(?:开工|开复工|复工|竣工|建成|投产|完工)"
)
_BARE_START = re.compile(r"已?(?P<verb>开复工|复工开工|开工|复工)(?:建设)?(?:项目)?")
# 资源密集型产业、生态环保、经贸物流等领域重大项目加快建设: fields sharing the rate after them
_FIELD_LIST = re.compile(
    r"(?:分行业看|分领域看)?(?P<items>[\u4e00-\u9fa5]{2,12}(?:、[\u4e00-\u9fa5]{2,12}){1,7})"
    r"等(?:领域|行业)(?P<noun>[\u4e00-\u9fa5]{0,6}?项目)"
)
_RATE_NAME = re.compile(r"[\u4e00-\u9fa5]{0,8}?(?:完成率|开工率|到位率)")
_REGION_UNITS = frozenset(["个省份", "省份", "省区市", "省市", "市州", "县市区"])
_STRIVE_ONLY = re.compile(r"争取(?: 争取)*")
_GENERIC = frozenset(["个", "项", "件", "宗", "条", "家"])


# 是2011年的1.37倍, 为去年全年的4.8倍: the year the multiple is counted from.
_BASE_OF = re.compile(r"的(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})倍")
# 一、2019年工作回顾2019年,是…: a review heading run into its paragraph.
_REVIEW = re.compile(r"(?:主要)?工作(?:回顾|总结)")
_PART_BREAK = re.compile(r";|其中")  # 其中:在建项目185项…;计划新开工项目157项…: parts of a list
# 二、: a work report's next part
_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、", re.M)


_DONE_ANY = re.compile(
    "|".join(sorted(map(re.escape, grammar().raw["cues"]["completed"]), key=len, reverse=True))
)


_FIGURES_BEFORE = re.compile(r"(?:\d+(?:\.\d+)?(?:倍|%)(?:、|和|及))+$")


_KIND_OF_FIRM = re.compile(r"(?:上市|龙头|国有|民营|外资|规上|重点)(?:公司|集团)$")


# 11月份…。国有控股企业增加值累计同比增长1.6%，当月同比增长8.2%: 累计 is the year to date, 当月
# the month alone, whichever the period phrase before named.
_TO_DATE_WORD = re.compile(r"累计(?!完成)")
_MONTH_ALONE = re.compile(r"当月")


def _to_date_or_month(period: str, words: str) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period)
    if m is None or m.group(1) != m.group(3):
        return period
    year, first, last = m.group(1), m.group(2), m.group(4)
    if _MONTH_ALONE.search(words) and not _TO_DATE_WORD.search(words) and first == "01":
        return f"{year}-{last}/{year}-{last}"
    if _TO_DATE_WORD.search(words) and not _MONTH_ALONE.search(words) and first == last:
        return f"{year}-01/{year}-{last}"
    return period


def _same_things(a: str, b: str) -> bool:
    """Whether two count units can count the same things (112件信访件已办结56项)."""
    return a == b or (a in _GENERIC and b in _GENERIC)


# Words after a plan that start reporting what happened (计划…,实际已开工129项,开工率达47%).
# 计划新开工项目157项,总投资506亿元,…1-6月累计完成投资102亿元: the set's own figures.
_SINCE_PLAN = re.compile(r"截至|截止|实际(?!增长|下降)|累计完成|已完成|总投资")
_QUALIFIER = re.compile(r"^(?:按|分|从|据|根据|经|初步核算|其中)|(?:计算|来看|看|分|而言|核算)$")
_ENTITY = re.compile(
    # 部分行业 is no bank branch (分行), 工厂化 no factory
    r"[\u4e00-\u9fa5A-Za-z]{1,12}?(?:有限公司|公司|集团|分行(?!业)|银行|医院|大学|合作社|工厂(?!化))"
    # 银川市中医医院新建项目…完成投资825万元: the project's figure, not the hospital's
    r"(?![\u4e00-\u9fa5]{0,4}(?:项目|工程))"
)

# No sentence end stands between a sentence's start and its figures: the other marks only.
_CLAUSE_INNER = tuple(c for c in _CLAUSE if not _SENTENCE_END.fullmatch(c))
# Searched over a window before every figure: the same matches, found faster (see _scan).
_GOALS_SCAN, _FORECAST_SCAN = leading_class(_GOALS), leading_class(_FORECAST)
_ENTITY_NEED = needed_part(_ENTITY)  # no entity in a window without one of its last words


@dataclass
class _Sentence:
    start: int
    facts: list[Fact] = field(default_factory=list)
    groups: list[list[Fact]] = field(default_factory=list)
    subj_start: dict[int, int] = field(default_factory=dict)  # id(fact) -> its phrase start


class Engine:
    """Runs the grammar over one document."""

    def __init__(self, text: str, norm: str, ctx: DocContext):
        self.text, self.norm, self.ctx = text, norm, ctx
        self.g = grammar()
        self.ends = [m.start() for m in _SENTENCE_END.finditer(norm)]
        self.newlines = [i for i in self.ends if norm[i] == "\n"]
        self.periods = [(m.start(), m) for m in _PERIOD_SCAN.finditer(norm)]
        self.period_starts = [p for p, _ in self.periods]
        self.top_headings = [m.start() for m in _TOP_HEADING.finditer(norm)]
        self.breaks = [m.start() for m in _PART_BREAK.finditer(norm)]
        # parks and year-list verbs found once, looked up by position (linear in the text)
        self.parks = _parks(norm)
        self.park_starts = [a for a, _ in self.parks]
        self.year_verbs = [m.start() for m in _YEAR_VERB.finditer(norm)]
        self._from_previous = tuple(self.g.raw["words"]["from_previous_year"])
        self._canon: dict[str, tuple[str, str | None]] = {}
        self._captions: dict[tuple[str, ...], str | None] = {}
        self._period_memo: dict[tuple[int, int, int, bool, int], tuple[str | None, bool]] = {}
        self._regions: dict[tuple[str, str | None], tuple[str | None, str | None]] = {}
        self._inherited: Fact | None = None  # the figure whose indicator a clause borrows
        self._last: Fact | None = None  # the last figure with an indicator, for the next sentence
        self._last_subject = 0
        self._sent: _Sentence | None = None
        self._reported = True  # the figure being read reports what happened (no target)

    def run(self) -> list[Fact]:
        mask = blocked_mask(self.norm, self.g)
        anchors = find_anchors(self.norm, self.g, mask)
        facts: list[Fact] = []
        sent: _Sentence | None = None
        prev_end = 0
        for group in self._groups(anchors):
            s = group[0].start
            k = bisect_left(self.ends, s)
            ss = self.ends[k - 1] + 1 if k > 0 else 0
            se = self.ends[k] if k < len(self.ends) else len(self.norm)
            if sent is None or sent.start != ss:
                sent, prev_end = _Sentence(ss), ss
            self._sent = sent
            try:
                made = self._group_facts(group, sent, ss, se, prev_end)
            except (IndexError, KeyError, ValueError, ZeroDivisionError):
                # A clause shape the grammar mis-reads costs its own figures, not the document's.
                made = []
            prev_end = group[-1].end
            sent.facts.extend(made)
            if len({f.indicator for f in made if not f.derived}) > 1:
                sent.groups.append([f for f in made if not f.derived])
            facts.extend(made)
        tabled = self._table_facts(facts)
        if tabled:
            facts = sorted(facts + tabled, key=lambda f: (f.start, f.end))
        apply_progress_tables(self.norm, facts, self.ctx.year)
        apply_task_items(self.norm, facts, self.ctx.year)
        return facts

    def _table_facts(self, facts: list[Fact]) -> list[Fact]:
        """Numbers in text tables, their unit from the column header (see ``_table``)."""
        taken = {f.extra.get("figure", (f.start, f.end))[0] for f in facts}
        out: list[Fact] = []
        labels: list[tuple[int, int]] = []
        for cell in table_cells(self.norm, self.g):
            if "\n" in self.norm[cell.label_start : cell.start]:
                labels.append((cell.label_start, cell.label_start + len(cell.label)))
            if cell.start in taken:
                continue
            period, _ = self._period_at(cell.start, cell.label_start)
            if cell.period_at >= 0:  # the column's header names its period
                m = PERIOD.match(self.norm, cell.period_at)
                p = self.ctx.period_of(m) if m else None
                period = p.key if p is not None else period
            region, code = self.ctx.region_name, self.ctx.region_code
            words: str | None = cell.label
            place = self._row_region(cell.label)
            if place is not None:  # 东城区 | 893416: the rows are regions, not indicators
                (region, code), words = place, self._caption_indicator(cell.captions)
            fact = Fact(
                quote=self.text[cell.label_start : cell.end], start=cell.label_start,
                end=cell.end, measure=cell.measure, value=as_written(cell.value),
                unit=cell.unit, words=words, region=region, region_code=code, period=period,
            )  # fmt: skip
            fact.extra["figure"] = (cell.start, cell.end)
            self._canonical(fact)
            out.append(fact)
        if labels:  # 60 岁及以上 labels a row of a table copied one cell per line: no figure
            inside = {id(f) for f in facts for a, b in labels if a <= f.start < b}
            facts[:] = [f for f in facts if id(f) not in inside]
        return out

    def _caption_indicator(self, captions: tuple[str, ...]) -> str | None:
        """The catalogue indicator a line around a table starts with (社会消费品零售总额统计…)."""
        if captions not in self._captions:  # once per table, not per cell
            self._captions[captions] = next(
                (
                    line[:n]
                    for line in captions
                    for n in range(min(len(line), 16), 1, -1)
                    if canonical_indicator(line[:n])[1] is not None
                ),
                None,
            )
        return self._captions[captions]

    def _row_region(self, label: str) -> tuple[str | None, str | None] | None:
        """The region a table row's label names (全市, 东城区, 北京经济技术开发区), if any."""
        word = re.sub(r"\s+", "", label)
        w = self.g.raw["words"]
        if word in w["self_prefecture"] or word in w["self_county"] or word in w["parent"]:
            return self._region(word)
        if not _ROW_REGION.search(word):
            return None
        name, code = self._region(word)
        if code is None and not _ROW_PARK.search(word):
            return None
        return name, code

    # -- grouping -------------------------------------------------------------------------
    def _groups(self, anchors: list[Anchor]) -> list[list[Anchor]]:
        """Anchors of one kind joined only by 、 (分别增长9.2%、13.7%) form one group."""
        out: list[list[Anchor]] = []
        for a in anchors:
            if out:
                last = out[-1][-1]
                joiner = self.norm[last.end : a.start].strip()
                if (
                    len(out[-1]) < 24
                    and last.kind == a.kind
                    and (a.kind not in ("rank", "flat") or (a.kind == "rank" and joiner in "和、"))
                    and joiner in _JOIN
                ):  # 分别排名全市第7和第4: a list of ranks too
                    out[-1].append(a)
                    continue
                joined = _JOIN_VERB.fullmatch(self.norm, last.end, a.start)
                if joined and a.kind == last.kind == "percent" and len(out[-1]) < 24:
                    a.sign = -1 if joined.group("verb") in _DOWN_VERBS else 1
                    out[-1].append(a)
                    continue
            out.append([a])
        return out

    # -- one group --------------------------------------------------------------------------
    def _group_facts(
        self, group: list[Anchor], sent: _Sentence, ss: int, se: int, prev_end: int
    ) -> list[Fact]:
        norm = self.norm
        first, last = group[0], group[-1]
        s = first.start
        # A clause longer than _WINDOW characters is text without punctuation: look no further.
        cs = max(norm.rfind(c, max(ss, s - _WINDOW), s) for c in _CLAUSE_INNER) + 1
        cs = max(cs, ss, s - _WINDOW)
        clause = norm[cs:s].rstrip()
        right = norm[last.end : min(se, last.end + 12)]
        kind = first.kind
        if kind == "rank":
            reading, scope = self._read_rank(cs, s)
        else:
            scope = None
            if kind == "percent":
                reading = rd.read_percent(clause, right)
                listed = clause
                if reading.measure == "ratio_pct" and clause.endswith(("、", "和", "及")):
                    listed = _FIGURES_BEFORE.sub("", clause[-_WINDOW:])
                if listed != clause:
                    # 增速分别达到1.8倍、65.7%和37.3%: read past the list's earlier figures
                    again = rd.read_percent(listed, right)
                    if again.measure == "growth_pct":
                        reading = again
                if (
                    reading.measure == "completed"
                    and clause.startswith("占")
                    and "任务" in (reading.of or "")
                ):
                    reading = self._share_of_tasks(reading, ss, cs)
                per_mille = first.unit == "‰" and reading.measure == "growth_pct"
                if per_mille and _RATE_END.search(clause):  # 人口增长率4.22‰
                    reading = rd.Reading("ratio_pct", cue_at=len(clause))
            elif kind == "points":
                reading = rd.read_points(clause)
                fell = _FALL_BEFORE.search(norm, max(ss, cs - 12), cs)
                if reading.cue_at >= len(clause) and fell:
                    reading.sign = -1  # 青海降幅最大,达到1.3个百分点
            elif kind in ("multiple",):
                reading = rd.read_multiple(clause)
            elif kind == "fan":
                reading = rd.Reading("growth_multiple", cue_at=len(clause))
            elif kind == "flat":
                reading = rd.read_flat(clause)
            else:
                reading = rd.read_amount(clause, right, kind)
                if reading.measure == "target":
                    reading = self._threshold_reading(reading, first, cs, s, prev_end, right)
        if reading.measure in ("growth_pct", "level", "count", "ratio_pct") and _GOALS_SCAN.search(
            norm, max(ss, s - 4 * _WINDOW), s
        ):
            # 主要预期目标是：地区生产总值增长8%左右，规模工业增加值增长9%…: all targets.
            reading.measure = "target"
        elif reading.measure in _CARRIED and self._forecast(ss, cs, s):
            reading.measure = "target"
        seg_start = max(cs, prev_end)
        if cs < prev_end and _THRESHOLD.match(norm, prev_end - 2):
            # 5000万元以上项目投资2项指标增速全市第二: the threshold is part of the name
            seg_start = cs
        cue_abs = max(seg_start, cs + reading.cue_at)
        if kind == "percent" and reading.measure == "ratio_pct" and reading.cue_at >= len(clause):
            # 其中古丈县增速最低,仅为6.2%: the growth is named in the clause before.
            lo = max(ss, cs - 1 - _WINDOW)
            pcs = max(max(norm.rfind(c, lo, cs - 1) for c in _CLAUSE) + 1, lo)
            m = _SPEED_BEFORE.search(norm, max(pcs, ss, prev_end), max(cs - 1, ss))
            if m and clause.strip() in _SPEED_VALUE:
                reading = rd.Reading("growth_pct", cue_at=len(clause))
                seg_start, cue_abs = max(pcs, ss, prev_end), m.start()
        vs_period = None
        if kind == "percent" and reading.measure == "ratio_pct" and reading.cue_at >= len(clause):
            bm = _BRACKET_PERIOD.search(clause)
            # 增长8.1%,居全省第六位,较去年同期(-1.1%)提高: a rank between them changes nothing
            prior = [f for f in sent.facts[-4:] if not f.derived and f.measure != "rank"]
            if bm and prior and prior[-1].measure == "growth_pct":
                # 增长-8.7%,较一季度(-10.8%)回升: the earlier period's growth, in brackets
                reading = rd.Reading("growth_pct", cue_at=len(clause))
                vs_period = self._bracket_period(bm.group("p"))
                seg_start = cue_abs = s
        subject = clean(norm, seg_start, cue_abs)
        if _DIST.search(clause):
            subject.distribute = True
        if subject.text.startswith(("都", "均", "也")):
            subject.text, subject.distribute = "", True
        values = [(v, vs, ve, a) for a in group for (v, vs, ve) in a.values]
        self._inherited = None
        items = self._items(subject, values, reading, sent, kind, last.end, se, cs)
        if len(items) < len(values):  # every value needs its names, whatever the list shape
            items = items + [items[-1]] * (len(values) - len(items))
        noun_end = 0
        if kind in ("count", "cued"):
            noun_end = last.end + len(right_noun(norm, last.end, se))
        region_name, region_code = self._region(subject.region)
        if (
            kind in ("count", "cued")
            and subject.region is not None
            and len(values) == 1
            and (norm[s - 1] == "等" or len(subject.regions) > 1)
            and not subject.distribute
        ):
            # 铜川、咸阳、延安3市, 张掖…项目等4个项目: the count counts the list, its region is
            # the document's
            region_name, region_code = self._region(None)
        if reading.measure == "rank" and subject.region in self.g.raw["cues"]["rank_scopes"]:
            # 全市排名第1 in a district's text: 全市 is the rank's scope, the district ranks
            region_name, region_code = self.ctx.region_name, self.ctx.region_code
        counts_regions = kind == "count" and first.unit in _REGION_UNITS
        if subject.region is None and self._inherited is not None and not counts_regions:
            # 全国…,两年平均增长7.0% (but 广东、江苏超过…;16个省份高于“全国线”: the count counts
            # provinces, it is no figure of the last one named)
            region_name, region_code = self._inherited.region, self._inherited.region_code
        elif subject.region is None and not counts_regions and norm[cs - 1 : cs] in (";", ";"):
            # 拉萨市城市居民人均可支配收入2347元…;城市居民人均消费性支出2464元: a region heading
            # the sentence holds past its semicolons for clauses that name none
            head = sent.facts[0] if sent.facts else None
            if head is not None and head.extra.get("heads") and not head.derived:
                region_name, region_code = head.region, head.region_code
        near = max(ss, s - 2 * _WINDOW)
        entity = None
        if subject.region is None and _ENTITY_NEED.search(norm, near, s):
            entity = _ENTITY.search(norm, near, s)
        if entity and ("等" in norm[entity.end() : s] or _KIND_OF_FIRM.search(entity.group())):
            # 引进天和防务、太平洋建设集团等总部企业354户: examples, not the subject; 上市公司 is
            # a kind of firm, not one
            entity = None
        if entity:  # 酒鬼酒公司实现销售额超过17亿元: the company's figure, not the region's
            region_name, region_code = self.text[entity.start() : entity.end()], None
        elif subject.region is None or norm.startswith(subject.region, cs):
            park = self._park(ss, s)
            if (
                park is not None
            ):  # 裘皮小镇共入驻服装企业60余家: the town's figure, not the county's
                region_name, region_code = park, None
        self._reported = reading.measure != "target"
        period, stated = self._period_at(s, ss)
        self._reported = True
        growth = kind == "percent" and reading.measure == "growth_pct"
        if vs_period is None and period and (growth or reading.measure == "rank"):
            # 当月增幅列全省第三,累计增幅位次…至全省并列第六: a rank of a to-date growth too
            period = _to_date_or_month(period, norm[cs:s])
        if vs_period is not None:
            period = vs_period
        elif period and reading.measure in ("count", "level", "target") and self._year_set(ss, s):
            # 今年,全市共确定建设项目194个,年度计划投资112亿元: the year's list, not progress
            period = f"{period[:4]}-01/{period[:4]}-12"
        if (
            reading.measure == "target"
            and kind in ("level", "count")
            and period
            and self.ctx.year
            and int(period[:4]) < self.ctx.year
            and _STRIVE_ONLY.fullmatch(" ".join(rd.target_words(clause)))
        ):
            # 一、2023年工作回顾…争取各级衔接资金3.64亿元: in a past year's review 争取 reports
            # money obtained, not a goal
            reading.measure = "count" if kind == "count" else "level"
        if reading.measure == "target" and _YEAR_GOAL.match(norm, last.end):
            stated = False  # 紧盯固定资产投资增长7%目标任务 in a half-year text: the year's goal
        if reading.measure == "target" and not stated:
            year = period[:4] if period else (str(self.ctx.year) if self.ctx.year else None)
            period = f"{year}-01/{year}-12" if year else None
        facts: list[Fact] = []
        listed_periods = self._period_list(ss, s, len(values)) if vs_period is None else None
        versus_items = _versus_list(reading.versus, len(values))
        if subject.bases > 1 and len(values) == 1:
            items = [items[0] * subject.bases]  # 总量和增速均居全省第一: two ranks
        places = [[(region_name, region_code)] for _ in values]
        tied = (kind == "rank" and "并列" in clause) or subject.distribute
        if tied and subject.region is None and not entity and len(values) == 1 and sent.facts:
            # 江苏和重庆以6.2%的增速并列第二, 重庆和云南并列第二,同比增长均为12.4%: the regions
            # the figure before was shared by share this one too
            last_figure = sent.facts[-1].extra.get("figure")
            shared = [f for f in sent.facts[-8:] if f.extra.get("figure") == last_figure]
            if len({f.region for f in shared}) > 1:
                places = [[(f.region, f.region_code) for f in shared] for _ in values]
        if not subject.text and subject.region is None and not entity and len(values) > 1:
            # 关中、陕北、陕南…分别增长6.2%、6.3%、5.3%,占…比重分别为35.7%、46.7%、17.6%: the
            # second list belongs to the regions of the first, in order
            before = [f for f in sent.facts[-len(values) :] if not f.derived]
            if len(before) == len(values) and len({f.region for f in before}) == len(values):
                places = [[(f.region, f.region_code)] for f in before]
        if (
            subject.region is None
            and not entity
            and len(values) > 1
            and "分别" in clause
            and len({p[0] for p in places}) == 1
        ):
            # 广东和江苏携手跻身“3万亿+”,一季度GDP分别交出31511亿元和31020亿元: the regions
            # head the clause before, which holds no figure
            pcs = max(norm.rfind(c, max(ss, cs - 1 - _WINDOW), cs - 1) for c in _CLAUSE) + 1
            pcs = max(pcs, ss)
            if not any(f.end > pcs for f in sent.facts):
                prev = clean(norm, pcs, cs - 1)
                if len(prev.regions) == len(values):
                    places = [[self._region(r)] for r in prev.regions]
        if len(subject.regions) > 1 and not entity:
            listed = [self._region(r) for r in subject.regions]
            if len(listed) == len(values):  # 吉首市、泸溪县GDP增速分别为13.2%、12.8%
                places = [[p] for p in listed]
            elif len(values) == 1 and (
                subject.distribute or (not subject.text and kind not in ("count", "cued"))
            ):
                # 广东、江苏超过“3万亿元”: regions alone before one figure share it
                places = [listed]
        for idx, (value, vs, ve, a) in enumerate(values):
            for (name, qs), (region_name, region_code) in (
                (it, pl) for it in items[idx] for pl in places[idx]
            ):
                qe = a.end if (ve == a.values[-1][2]) else ve
                figure = (vs, qe)  # the number and its unit, for highlighting
                if noun_end and idx == len(values) - 1:
                    qe = max(qe, noun_end)
                if vs - qs > _WINDOW:
                    # A name far back (the list so far) is not quoted: the quote is this
                    # figure's clause, or its list item, so quotes stay bounded.
                    pv = values[idx - 1] if idx else None
                    qs = max(cs, (pv[2] if pv[3] is a else pv[3].end) if pv else cs)
                quote_start = _trim_start(norm, qs, qe)
                unit = reading.unit or a.unit
                fact = Fact(
                    quote=self.text[quote_start:qe],
                    start=quote_start,
                    end=qe,
                    measure=reading.measure,
                    value=as_written(round(value * (a.sign or reading.sign), 10)),
                    unit=unit,
                    words=name or None,
                    region=region_name,
                    region_code=region_code,
                    period=listed_periods[idx] if listed_periods else period,
                    approx=a.approx,
                    versus=versus_items[idx] if versus_items else reading.versus,
                    scope=scope,
                    of=reading.of,
                    basis=reading.basis,
                )
                if entity and name and name.startswith(region_name or "\0"):
                    fact.words = re.sub(r"^(?:实现|完成|的)+", "", name[len(region_name) :]) or None
                fact.extra["figure"] = figure
                if subject.region is not None and not sent.facts and not facts:
                    w = self.g.raw["words"]
                    own = w["parent"] + w["country"] + w["self_prefecture"] + w["self_county"]
                    fact.extra["heads"] = subject.region not in own and not entity
                self._of_investment(fact)
                self._canonical(fact)
                sent.subj_start[id(fact)] = quote_start
                facts.append(fact)
        self._bracket_parts(facts, sent)
        self._completed_of(facts, sent)
        self._peer_rates(facts, sent)
        stated = [f for f in facts if f.words]
        if stated:
            self._last = stated[-1]
            self._last_subject = sent.subj_start.get(id(self._last), self._last.start)
        facts.extend(self._derived(facts, sent))
        return facts

    def _period_list(self, ss: int, s: int, k: int) -> list[str] | None:
        """一季度、上半年、前三季度GDP分别增长6.2%、6.7%、6.9%: a list of periods pairs with the
        list of figures, in order."""
        if k < 2:
            return None
        i = bisect_right(self.period_starts, s) - 1
        run: list[re.Match[str]] = []
        while i >= 0 and self.periods[i][0] >= ss and len(run) <= k:
            m = self.periods[i][1]
            if (
                m.group("base")
                or self._compared(m)
                or (run and self.norm[m.end() : run[-1].start()] not in _JOIN)
            ):
                break
            run.append(m)
            i -= 1
        if len(run) != k:
            return None
        keys = [self.ctx.period_of(m) for m in reversed(run)]
        return [p.key for p in keys] if all(p is not None for p in keys) else None  # type: ignore[union-attr]

    def _year_set(self, ss: int, s: int) -> bool:
        """Whether the figure at ``s`` sizes the year's list of projects (确定/安排/列入…项目)."""
        k = bisect_left(self.year_verbs, s) - 1
        if k < 0 or self.year_verbs[k] < max(ss, s - _WINDOW):
            plan = _YEAR_PLAN_AFTER.match(self.norm, s)
            return bool(plan) and not _PROGRESS_WORD.search(self.norm, ss, plan.end())
        v = self.year_verbs[k]
        if not _YEAR_SET.match(self.norm, v, s + 30):
            return False
        return not _PROGRESS_WORD.search(self.norm, max(ss, v - 8), s)

    def _park(self, ss: int, s: int) -> str | None:
        """A park, town or development zone heading a clause of the sentence before ``s``."""
        k = bisect_left(self.park_starts, s) - 1
        if k < 0:
            return None
        a, b = self.parks[k]
        if a < max(ss, s - 2 * _WINDOW) or b > s:
            return None
        if _SEMI.search(self.norm, b, s):
            return None  # 蒙佳…产业园有序搬迁;…等47个重大项目储备入库: the park's clause is over
        return self.text[a:b]

    def _threshold_reading(
        self, reading: rd.Reading, a: Anchor, cs: int, s: int, prev_end: int, right: str
    ) -> rd.Reading:
        """年预计产值超10亿元的项目共计完成产值446亿元: a target word inside a threshold."""
        if a.approx and right.startswith("的") and not _GOAL_NOUN.match(right, 1):
            return rd.Reading("count" if a.kind in ("count", "cued") else "level", cue_at=s - cs)
        recent = self._sent.facts[-4:] if self._sent else []
        took_plan = any(
            f.measure == "completed" and f.end <= prev_end and f.extra["figure"][0] >= cs
            for f in recent
        )
        if (cs < prev_end < s and self.norm[prev_end] == "的") or (
            took_plan and cs < prev_end <= s
        ):
            # 占年度计划的75%124个新建项目: the plan was the earlier figure's, not this one's
            again = rd.read_amount(self.norm[prev_end:s], right, a.kind)
            if again.measure != "target":
                again.cue_at += prev_end - cs
                return again
        return reading

    def _of_investment(self, fact: Fact) -> None:
        """全市固定资产投资增长11.9%…。分产业看,第一产业下降18.3%: in an investment paragraph a
        sector alone is that sector's investment, not its value added."""
        last = self._last
        if (
            fact.words in _SECTORS
            and last is not None
            and (last.indicator or last.words or "").endswith("投资")
            and "\n" not in self.norm[last.end : fact.start]
        ):
            fact.words += "投资"

    def _comma_names(self, subject: Subject, k: int, cs: int) -> list[tuple[str, int]] | None:
        """采矿业,制造业,电力、热力、燃气及水生产和供应业分别下降29.8%、增长6.5%和增长4.1%: names
        in the bare clauses before (no figure, no verb) complete the list the figures pair with."""
        if "分别" not in self.norm[cs : subject.start + len(subject.text) + 4]:
            return None
        names = [(subject.text, subject.start)]
        end = cs - 1
        while len(names) < k and end > 0 and self.norm[end] == ",":
            start = self.norm.rfind(",", max(0, end - 16), end) + 1
            piece = self.norm[start:end]
            if start <= 0 or not _BARE_NAME.fullmatch(piece) or _QUALIFIER.search(piece):
                return None
            names.insert(0, (piece, start))
            end = start - 1
        return names if len(names) == k else None

    def _items(self, subject: Subject, values: list, reading: rd.Reading, sent: _Sentence,
               kind: str, end: int, se: int, cs: int) -> list[list[tuple[str, int]]]:  # fmt: skip
        """For each value, the indicator names (with phrase offsets) it belongs to."""
        k = len(values)
        text = subject.text
        if kind in ("count", "cued") and reading.measure in ("count", "completed", "target"):
            noun = right_noun(self.norm, end, se)
            if noun:
                left = text.split("、")[-1] if subject.start <= cs + 1 else ""
                left = left if len(left) <= 10 else ""
                joined = left.removesuffix("的") + noun
                return [[(joined, subject.start if left else self._first_value(values))]] * k
        if text and k == 1 and kind == "percent":
            fields = self._field_list(text, sent, cs)
            if fields:
                return [fields]
        if text:
            items = split_items(subject)
            if k > 1:
                if len(items) == k and not (reading.versus and "、" in reading.versus):
                    return [[it] for it in items]
                cr = city_rural(subject)
                if cr and k == 2:
                    return [[it] for it in cr]
                named = self._comma_names(subject, k, cs)
                if named:
                    return [[it] for it in named]
                return [[(text, subject.start)]] * k
            if len(items) > 1 and (subject.distribute or kind == "rank"):
                return [items]
            return [[(text, subject.start)]]
        if kind in ("level", "count") and _THRESHOLD.match(self.norm, end - 2):
            return [[("", self._first_value(values))]] * k  # 5千万以下项目74个: a group bound
        # No indicator in this clause: it is the previous figure's (增长39.9%, 增速全省第一),
        # or a previous clause without figures names it (不论是销售收入还是税收,都…翻一番).
        # a peer's rate in brackets (高于全国水平(5.2%)) is no figure of the text's to go on with
        stated = [f for f in sent.facts[-40:] if not f.derived and f.words]
        previous = [f for f in stated if not f.extra.get("peer")]
        # Looking back a bounded stretch keeps a sentence without full stops linear.
        lo = max(sent.start, cs - 2 * _WINDOW)
        before = self.norm.rfind(",", lo, cs - 1)
        if before < 0:
            before = lo - 1 if lo > sent.start else -1
        # 按可比价格计算, / 分产业看, qualify the figure; the indicator is further back.
        while before > lo and _QUALIFIER.search(self.norm, before + 1, cs - 1):
            before = self.norm.rfind(",", lo, before)
        qualifier = _QUALIFIER.search(self.norm, max(before + 1, lo), max(cs - 1, lo))
        if cs - 1 > lo and not qualifier and (not stated or stated[-1].end <= before):
            prev_clause = clean(self.norm, max(before + 1, lo), cs - 1)
            prev_clause.text = _SPEED_BEFORE.sub("", prev_clause.text)  # 古丈县增速最低
            if prev_clause.text:
                items = split_items(prev_clause)
                if len(items) == k and k > 1:
                    return [[it] for it in items]
                # 外贸进出口总额增速、保税物流中心进出口额…,跃居全区首位: a rank ranks every item
                ranked = kind == "rank" and "、" in prev_clause.text
                if len(items) > 1 and k == 1 and (subject.distribute or ranked):
                    return [items]
                return [[(prev_clause.text, prev_clause.start)]] * k
        if k > 1 and not _versus_list(reading.versus, k):
            distinct: dict[str, Fact] = {}
            for f in previous:
                distinct.pop(f.words or "", None)
                distinct[f.words or ""] = f
            if len(distinct) >= k:
                picks = list(distinct.values())[-k:]
                return [[(f.words or "", sent.subj_start.get(id(f), f.start))] for f in picks]
        elif k == 1 and subject.distribute and sent.groups and len(sent.groups[-1]) >= 2:
            picks = [(f.words or "", sent.subj_start.get(id(f), f.start)) for f in sent.groups[-1]]
            return [picks]
        if previous:
            f = previous[-1]
            self._inherited = f
            return [[(f.words or "", sent.subj_start.get(id(f), f.start))]] * k
        # 分季度看,一季度同比增长18.3%: the indicator of the paragraph's last figure.
        last = self._last
        if last is not None and self._paragraph(last.start) == self._paragraph(cs):
            self._inherited = last
            # the quote stays in this sentence: 其中,一季度同比增长7.4%
            return [[(last.words or "", cs)]] * k
        return [[("", cs)]] * k

    def _field_list(self, text: str, sent: _Sentence, cs: int) -> list[tuple[str, int]] | None:
        """新兴产业、公路、电力等领域重点项目推进有力,投资完成率均高于100%: the rate of each
        field listed in the clause before (which holds no figure)."""
        rate = _RATE_NAME.match(text)
        if rate is None:
            return None
        lo = max(sent.start, cs - 2 * _WINDOW)
        before = max(self.norm.rfind(c, lo, cs - 1) for c in ",;")
        if before < 0 or any(f.end > before for f in sent.facts):
            return None
        m = _FIELD_LIST.match(self.norm, before + 1, cs - 1)
        if m is None:
            return None
        out: list[tuple[str, int]] = []
        pos = m.start("items")
        for item in m.group("items").split("、"):
            out.append((item + m.group("noun") + rate.group(0), pos))
            pos += len(item) + 1
        return out if len(out) > 1 else None

    def _forecast(self, ss: int, cs: int, s: int) -> bool:
        """Whether a forecast or plan earlier in the sentence governs the figure at ``s``."""
        norm = self.norm
        if _ACTUAL.search(norm, cs, s) or norm.endswith("由", 0, s):  # 由28%提高到30%
            return False
        lo = max(ss, s - 4 * _WINDOW)  # bounded, so a text without full stops stays linear
        item = norm.rfind(";", lo, s) + 1 or lo  # a forecast verb reaches the next ;
        for m in _FORECAST_SCAN.finditer(norm, lo, s):
            # a forecast inside a name (年预计产值超10亿元的项目) plans nothing
            if _SINCE_PLAN.search(norm, m.end(), s) or self._done_since(m.end()):
                continue  # 截至3月底,累计完成投资1.96亿元: the plan's clause is over
            head = m.group("head") or m.group("head2")
            if (head or m.start() >= item) and not _IN_NAME.match(norm, m.end()):
                return True
        return False

    def _share_of_tasks(self, reading: rd.Reading, ss: int, cs: int) -> rd.Reading:
        """欠进度的有17个,占总任务的7.7%: a share of the tasks, unless the clause before counts
        tasks done (已完成和提前完成24个,占总任务的10.8%)."""
        lo = max(ss, cs - 1 - _WINDOW)
        pcs = max(max(self.norm.rfind(c, lo, cs - 1) for c in _CLAUSE) + 1, lo)
        if pcs >= cs - 1 or _DONE_ANY.search(self.norm, pcs, cs - 1):
            return reading
        return rd.Reading("share_pct", cue_at=reading.cue_at, of=reading.of)

    def _done_since(self, pos: int) -> bool:
        """Whether things done (实现投产7个) were counted after ``pos`` in this sentence."""
        sent = self._sent
        return sent is not None and any(
            f.measure == "completed" and f.unit != "%" and f.start >= pos for f in sent.facts[-12:]
        )

    def _sentence_start(self, pos: int) -> int:
        k = bisect_left(self.ends, pos)
        return self.ends[k - 1] + 1 if k > 0 else 0

    def _paragraph(self, pos: int) -> int:
        k = bisect_left(self.newlines, pos)
        return k

    @staticmethod
    def _first_value(values: list) -> int:
        return int(values[0][1])

    def _read_rank(self, cs: int, s: int) -> tuple[rd.Reading, str | None]:
        from xingshi.extract._anchors import _rank_left

        window_start = max(cs, s - 12)
        m = _rank_left(self.g).search(self.norm, window_start, s)
        cue = m.start() if m else s
        scope_words = self.norm[max(cs, cue - 8) : s]  # 在全省排名第七: scope before the verb
        scope = None
        for word in ("全省", "省内", "全国", "全州", "全市", "全县", "全区"):
            if word in scope_words:
                scope = self._region("全省" if word == "省内" else word)[0] or word
                break
        if scope is None:  # 在全省十四个市州中,我州…排第十四位: the scope opens the sentence
            sent_start = max(self._sentence_start(cs), cs - 4 * _WINDOW)
            found = _SCOPE.findall(self.norm, sent_start, cs)
            if found:
                scope = self._region("全省" if found[-1] == "省内" else found[-1])[0] or found[-1]
        if scope is None:
            inner = re.search(r"(?:市州|县市区)", scope_words)
            scope = inner.group(0) if inner else None
        return rd.Reading("rank", cue_at=cue - cs), scope

    # -- attributes -------------------------------------------------------------------------
    def _region(self, word: str | None) -> tuple[str | None, str | None]:
        ctx = self.ctx
        if word is None:
            return ctx.region_name, ctx.region_code
        w = self.g.raw["words"]
        if word in w["parent"]:
            return ctx.province_name or word, ctx.province_code
        if word in w["country"]:
            return "全国", "100000"
        if (
            word == "全区"
            and (ctx.province_name or "").endswith("自治区")
            and (ctx.region_name and not ctx.region_name.endswith("区"))
        ):  # 全区 in a Guangxi city's text is the autonomous region
            return ctx.province_name, ctx.province_code
        if word in w["self_prefecture"] or word in w["self_county"]:
            # 全州 in a county's text is its prefecture; 全市 in 吉首市's text is 吉首市.
            if ctx.parent_name and ctx.region_name and word[-1] != ctx.region_name[-1]:
                return ctx.parent_name, ctx.parent_code
            return ctx.region_name or word, ctx.region_code
        key = (word, ctx.province_code)
        if key not in self._regions:
            regions, _ = catalogs()
            r = regions.try_resolve(word, within=ctx.province_code) if regions else None
            self._regions[key] = (display_name(r), r.code) if r is not None else (word, None)
        return self._regions[key]

    def _period(self, s: int, ss: int) -> str | None:
        key, _ = self._period_at(s, ss)
        return key

    def _period_at(self, s: int, ss: int) -> tuple[str | None, bool]:
        """The period key for a figure at ``s``, and whether its sentence names it."""
        key, named = self._period_near(s, ss)
        # 比重由上年的9.6%提高到10.8%: the figure right after 由上年的 is the year before's
        if key and self.norm.endswith(self._from_previous, max(0, s - 5), s):
            key = _YEAR_IN_KEY.sub(lambda y: str(int(y.group()) - 1), key)
        return key, named

    def _period_near(self, s: int, ss: int) -> tuple[str | None, bool]:
        # The reading depends on ``s`` only through the paragraph and the last period phrase
        # before it: the figures of one stretch share one look back.
        k = bisect_left(self.newlines, s)
        key = (
            self.newlines[k - 1] + 1 if k > 0 else 0,
            bisect_right(self.period_starts, s),
            ss,
            self._reported,
            bisect_right(self.breaks, s),
        )
        hit = self._period_memo.get(key)
        if hit is None:
            hit = self._period_memo[key] = self._period_looked_up(s, ss)
        return hit

    def _period_looked_up(self, s: int, ss: int) -> tuple[str | None, bool]:
        para = 0
        k = bisect_left(self.newlines, s)
        if k > 0:
            para = self.newlines[k - 1] + 1
        i = bisect_right(self.period_starts, s) - 1
        stop = max(i - 64, -1)  # bounded, so a paragraph of many periods stays linear
        while i > stop and self.periods[i][0] >= para:
            m = self.periods[i][1]
            relative = m.group("q") in _RELATIVE_WORDS or bool(m.group("base"))
            if (
                not m.group("base")
                and not self._compared(m)
                and not (relative and m.start() < ss)
                and (m.start() >= ss or self._carries(i))
                and not self._restated_after(i, ss, s)
            ):
                p = self.ctx.period_of(m)
                if p is not None:
                    q = self._same_year(p, i, ss)
                    if m.group("q") == "全年" and q is p and not m.group("y"):
                        # 2025年和“十四五”工作回顾 … 全年完成地区生产总值: the review's year
                        heading = self._heading_year(i - 1)
                        if heading is not None:
                            return heading, m.start() >= ss
                    return q.key, m.start() >= ss
            i -= 1
        heading = self._heading_year(i, para)
        if heading is not None:
            return heading, False
        return (self.ctx.default.key if self.ctx.default else None), False

    def _heading_year(self, i: int, para: int = -1) -> str | None:
        """一、2018年工作回顾: a short heading line naming a year alone holds for the paragraphs
        after it (a work report's review), until a period is named again. Under 一、过去一年工作
        回顾 the year opening the review's first paragraph holds so, up to the next heading 二、."""
        stop = max(i - 16, -1)
        while i > stop:
            start, m = self.periods[i]
            if m.group("base") or m.group("q") in _RELATIVE_Q or self._compared(m):
                i -= 1  # 全年主要目标任务, 比上年: no period of the text's own
                continue
            if not m.group("yo"):
                return None  # a nearer period phrase in an earlier paragraph: no heading rule
            k = bisect_left(self.newlines, start)
            ls = self.newlines[k - 1] + 1 if k > 0 else 0
            le = self.newlines[k] if k < len(self.newlines) else len(self.norm)
            if le - ls <= 30 or _REVIEW.match(self.norm, m.end()):
                return Period(int(m.group("yo")), 1, 12).key
            if start == ls and ls > 0 and para > ls and self._under_review(ls, para):
                return Period(int(m.group("yo")), 1, 12).key
            i -= 1
        return None

    def _restated_after(self, i: int, ss: int, s: int) -> bool:
        """530项…,1-6月累计完成投资362.32亿元,其中:在建项目185项,总投资…,1-6月累计完成投资…:
        a period inside its sentence (after a figure) that a later part, past 其中 or ;,
        names again holds for its own part only; the part's first figures take the sentence's."""
        start, m = self.periods[i]
        if start < ss or not any(ch.isdigit() for ch in self.norm[ss:start]):
            return False
        b = bisect_right(self.breaks, m.end() - 1)
        if b >= len(self.breaks) or self.breaks[b] >= s:
            return False
        j = bisect_right(self.period_starts, s)
        if j >= len(self.periods):
            return False
        nxt, mn = self.periods[j]
        e = bisect_right(self.ends, s)
        end = self.ends[e] if e < len(self.ends) else len(self.norm)
        return nxt < end and mn.group(0) == m.group(0)

    def _under_review(self, ls: int, para: int) -> bool:
        """Whether the line before ``ls`` is a review heading (一、过去一年工作回顾) and no
        top heading (二、) opens a line from there up to ``para``."""
        k = bisect_left(self.newlines, ls - 1)
        hs = self.newlines[k - 1] + 1 if k > 0 else 0
        if ls - 1 - hs > 30 or not _REVIEW.search(self.norm, hs, ls - 1):
            return False
        j = bisect_right(self.top_headings, ls)
        return j >= len(self.top_headings) or self.top_headings[j] > para

    def _compared(self, m: re.Match[str]) -> bool:
        """比上半年回落, 增速与上半年持平, 较5月和3月分别提升: the other side of a comparison."""
        if m.start() > 0 and self.norm[m.start() - 1] in "比较于与":
            return True
        if _BASE_OF.match(self.norm, m.end()):  # 是2011年的1.37倍: the base of a multiple
            return True
        return bool(_COMPARED_LIST.search(self.norm, max(0, m.start() - 12), m.start()))

    def _carries(self, i: int) -> bool:
        """Whether the period phrase ``i`` of an earlier sentence holds for later sentences: it
        heads its sentence (before any figure) and the sentence lists no other period
        (分季度看,一季度…,二季度…,三季度… holds only there)."""
        start, m = self.periods[i]
        a = self._sentence_start(start)
        if start - a > 40 or any(ch.isdigit() for ch in self.norm[a:start]):
            return False
        k = bisect_right(self.ends, start)
        b = self.ends[k] if k < len(self.ends) else len(self.norm)
        j = i + 1
        while j < len(self.periods) and j < i + 16 and self.periods[j][0] < b:
            mj = self.periods[j][1]
            if not mj.group("base") and not self._compared(mj) and mj.group(0) != m.group(0):
                return False
            j += 1
        return True

    def _bracket_period(self, words: str) -> str | None:
        """上年同期 → the document's period a year before; 一季度 → that period."""
        d = self.ctx.default
        if words in ("上年同期", "去年同期", "同期"):
            return _with_year(d, d.year - 1).key if d is not None else None
        m = PERIOD.fullmatch(words)
        p = self.ctx.period_of(m) if m else None
        return p.key if p is not None else None

    def _same_year(self, p: Period, i: int, ss: int) -> Period:
        """去年一季度…,四季度增长6.3%: a period without a year takes the year named before it
        in the sentence; one the document has not reached yet (四季度 in a first-quarter
        report) is last year's."""
        m = self.periods[i][1]
        if m.group("y") or m.group("prev") or m.group("yo") or m.group("q") in _NO_YEAR_Q:
            return p
        j = i - 1
        while j >= 0 and self.periods[j][0] >= max(ss, self.periods[i][0] - 80):
            mj = self.periods[j][1]
            if mj.group("prev") or mj.group("y") or mj.group("yo"):  # 2019年,…预计全年增长6.3%
                pj = self.ctx.period_of(mj)
                if pj is not None and pj.year != p.year:
                    return _with_year(p, pj.year)
                return p
            j -= 1
        d = self.ctx.default
        if d is not None and p.year == d.year and p.first_month > d.last_month and self._reported:
            return _with_year(p, p.year - 1)
        return p

    def _canonical(self, fact: Fact) -> None:
        words = fact.words
        if not words:
            return
        hit = self._canon.get(words)
        if hit is None:
            hit = canonical_indicator(words)
            self._canon[words] = hit
        fact.indicator, fact.indicator_code = hit

    # -- implied figures --------------------------------------------------------------------
    def _bracket_parts(self, facts: list[Fact], sent: _Sentence) -> None:
        """承诺开复工36项(续建29项,新建7项), 未开复工10项(续建8项,新建2项): the parts in brackets
        after a figure are read as it is (a goal, a count), and are no total of what follows."""
        norm = self.norm
        for f in facts:
            if f.measure not in ("count", "completed", "target"):
                continue
            lo = max(sent.start, f.start - 24)
            opened = norm.rfind("(", lo, f.start + 1)
            if opened < 0 or ")" in norm[opened : f.start] or "(" in norm[lo:opened]:
                continue
            whole = [p for p in sent.facts + facts if p.end == opened and p is not f]
            if whole and whole[-1].measure in ("count", "target") and whole[-1].unit == f.unit:
                f.measure = whole[-1].measure
                f.extra["part"] = True

    def _completed_of(self, facts: list[Fact], sent: _Sentence) -> None:
        # A completion count needs the total it is part of (137个问题,已完成95个); without
        # one (办结群众诉求1.5万件) it is a plain count.
        # 计划开工项目255项,实际已开工206项: a planned number is a total too.
        totals = [
            f
            for f in sent.facts[-40:]
            if (f.measure == "count" or (f.measure == "target" and f.unit != "%"))
            and not f.extra.get("part")
            and not _DONE_WORD.search(self.norm, f.start, f.extra.get("figure", (f.start,))[0])
        ]
        for f in facts:
            if f.measure == "completed" and f.unit in ("年", "个月"):
                f.measure = "count"  # 用3年时间建成: a span of time, no progress
                continue
            if f.measure == "completed" and f.of is None and f.unit != "%":
                # the total counts the same things and is no smaller (新增15户 is not 开工16个's)
                fits = [
                    t
                    for t in totals
                    if _same_things(t.unit, f.unit) and float(t.value) >= float(f.value)
                ]
                own = _OWN_KIND.match(f.words or "")
                # 第二产业项目22个,…,其中能源项目已开工建设11个: the starts of another kind of
                # project, no progress against the 22 (80个重点建设项目开复工76个 is)
                if (
                    fits
                    and own
                    and fits[-1].end < f.start
                    and own.group("kind") not in self.norm[fits[-1].start : f.start]
                ):
                    fits = []
                if fits:
                    f.of = fits[-1].value
                    kind_of = fits[-1].words or ""
                    verb = _BARE_START.fullmatch(f.words or "")
                    if verb and kind_of.endswith(("项目", "工程")):
                        # 自治区主导投资项目3个,已开工项目2个: the starts of those projects
                        f.words = kind_of + verb.group("verb")
                        self._canonical(f)
                elif not _TASK_SHARE_AFTER.match(self.norm, f.end):
                    # 已完成和提前完成24个,占总任务的10.8%: the share names the total (the task
                    # list counted sentences before), so the count is progress
                    f.measure = "count"

    def _derived(self, facts: list[Fact], sent: _Sentence) -> list[Fact]:
        """税收增长28.6%, 高于地方财政收入6.7个百分点 → 地方财政收入 grew 21.9% (derived)."""
        out: list[Fact] = []
        for f in facts:
            if f.measure != "pp_diff" or not f.versus or f.versus in ("上年同期", "去年同期"):
                continue
            if "(" in f.versus:  # 比全国(6.1%)高0.8个百分点: the other side's growth is stated
                f.versus = _BRACKETED.sub("", f.versus) or f.versus
                continue
            growth = [
                g for g in sent.facts[-40:] + facts
                if g.measure == "growth_pct" and not g.derived and g.indicator == f.indicator
                and g.basis is None
            ]  # fmt: skip
            if not growth:
                continue
            base = growth[-1]
            region_name, region_code = f.region, f.region_code
            indicator: str | None = f.versus
            period = f.period
            pm = PERIOD.fullmatch(f.versus)
            vs_period = self.ctx.period_of(pm) if pm else None
            if vs_period is not None:  # 比上半年回落1.6个百分点: the earlier period's growth
                indicator, period = f.words, vs_period.key
            elif re.search(r"上年|去年|同期|年初|目标|进度|计划|预算|上月", f.versus):
                continue
            vs_region = self._versus_region(f.versus)
            if vs_region is not None:
                region_name, region_code = vs_region
                indicator = f.indicator
            d = Fact(
                quote=f.quote, start=f.start, end=f.end, measure="growth_pct",
                value=as_written(round(float(base.value) - float(f.value), 6)), unit="%",
                words=indicator, region=region_name, region_code=region_code, period=period,
                derived=True,
            )  # fmt: skip
            d.extra["figure"] = f.extra.get("figure", (f.start, f.end))
            self._canonical(d)
            if vs_region is not None:
                d.indicator, d.indicator_code = f.indicator, f.indicator_code
            out.append(d)
        return out

    def _peer_rates(self, facts: list[Fact], sent: _Sentence) -> None:
        """增长8.1%,分别高出全国(5.9%)、全省(6.4%)平均水平2.2个和1.7个百分点: a rate in brackets
        after a peer is the peer's growth of the indicator before, and the difference after it
        is that indicator's too (its words are the comparison, no indicator)."""
        growth = [
            f
            for f in sent.facts[-12:]
            if f.measure == "growth_pct"
            and f.words
            and not _PEER_WORDS.fullmatch(f.words)
            and not f.extra.get("peer")
        ]
        if not growth:
            return
        base = growth[-1]
        for f in facts:
            at = f.extra.get("figure", (f.start,))[0]
            peer = None
            if f.measure in ("ratio_pct", "growth_pct") and self.norm.startswith("(", at - 1):
                peer = _PEER_BEFORE.search(self.norm, max(0, at - 12), at)
            place = self._versus_region(peer.group("peer")) if peer else None
            if place is not None:
                f.measure = "growth_pct"
                f.region, f.region_code = place
                f.extra["peer"] = True
            elif f.measure != "pp_diff":
                continue
            if place is not None or _PEER_WORDS.fullmatch(f.words or ""):
                f.words = base.words
                f.indicator, f.indicator_code = base.indicator, base.indicator_code
            if f.measure == "pp_diff" and f.versus:
                # no peer differs from itself: the difference is the text's own region's
                vs = self._versus_region(_BRACKETED.sub("", f.versus))
                if vs is not None and vs[0] == f.region:
                    f.region, f.region_code = base.region, base.region_code

    def _versus_region(self, words: str) -> tuple[str | None, str | None] | None:
        w = self.g.raw["words"]
        head = re.sub(r"(?:平均水平|平均|水平|增速|增幅)$", "", words)
        if head in w["parent"] or head in w["country"] or head in w["self_prefecture"]:
            return self._region(head)
        if head in region_prefixes():
            return self._region(head)
        return None


# 新材料产业园区先后签约…, 裘皮小镇共入驻…, 截至2016年,蠡县省级园区企业…: a park or town heading
# a clause is the subject of its sentence's figures (园区投资增长17.2% then refers back to it).
_PARK = re.compile(
    r"(?:(?:截至|截止)?[^,,;。\n]{0,10}?(?:年|月|季度|以来)[,,])?"
    r"(?P<park>[\u4e00-\u9fa5]{2,10}?(?:产业园区|工业园区|产业园|省级园区|园区|开发区|高新区|经开区|小镇|工业园))"
    r"(?![\u4e00-\u9fa5]{0,2}(?:建设|规划|项目|企业数|个|家))"
    r"(?!等)"  # 生态循环设施产业园等41个项目: an example, not the subject
)
_SEMI = re.compile(r"[;;]")
_PARK_WORD = re.compile(r"园区|产业园|工业园|开发区|高新区|经开区|小镇")


_YEAR_IN_KEY = re.compile(r"\d{4}")
# A table row labelled by a region: a name with its suffix, or a zone (经济技术开发区).
_ROW_REGION = re.compile(r"^[\u4e00-\u9fa5]{1,12}(?:省|市|县|区|旗|州|盟)$")
_ROW_PARK = re.compile(r"(?:开发区|高新区)$")


def _parks(norm: str) -> list[tuple[int, int]]:
    """Spans of park names heading a clause: found from their last word back to the clause's
    start (a bounded look back per word, so the pass stays linear)."""
    out: list[tuple[int, int]] = []
    for w in _PARK_WORD.finditer(norm):
        lo = max(0, w.start() - 40)
        seg = max(norm.rfind(c, lo, w.start()) for c in "。;;\n") + 1
        if seg == 0 and lo > 0:
            continue
        m = _PARK.match(norm, seg)
        if m and m.end("park") >= w.end() and (not out or out[-1][0] != m.start("park")):
            out.append((m.start("park"), m.end("park")))
    return out


_YEAR_GOAL = re.compile(r"的?(?:年度|全年)?(?:目标任务|预期目标|目标)")
_YEAR_VERB = re.compile(r"确定|安排|实施|列入|纳入")
_YEAR_SET = re.compile(r"(?:确定|安排|实施|列入|纳入)了?[^,;。]{0,30}?项目")
# (预备开工项目 names a kind of project: no progress word)
_PROGRESS_WORD = re.compile(
    r"截至|截止|累计|完成|已|(?:开工|复工|竣工|建成|投产)(?!项目)|月|季度|上半年|以来"
)
# 第一批基本建设项目537个,总投资2571亿元,年度计划投资695.8亿元: the year's plan follows
_YEAR_PLAN_AFTER = re.compile(r"[^。;;]{0,40}?(?:年度|全年)计划投资")
_TASK_SHARE_AFTER = re.compile(r"[,,]?占(?:总|目标|年度|全年)?(?:目标)?任务")
_SECTORS = frozenset(["第一产业", "第二产业", "第三产业", "一产", "二产", "三产"])
_BARE_NAME = re.compile(r"[\u4e00-\u9fa5、]{2,14}(?<![看计算中])")
# 分别高出全国, 高于全国水平: the words of a comparison with peers, no indicator of their own.
_PEER = r"(?:全国|全省|全市|全州|全区|全县)"
_PEER_WORDS = re.compile(
    rf"(?:分别)?(?:高于|高出|低于|快于|慢于|超过|超出){_PEER}(?:平均)?(?:水平|增速)?"
    rf"(?:\([^()]{{1,8}}\)、{_PEER})*"
)
_PEER_BEFORE = re.compile(rf"(?P<peer>{_PEER})(?:平均)?(?:水平|增速)?\($")
_BRACKET_PERIOD = re.compile(
    r"(?:比|较)(?P<p>上年同期|去年同期|同期|[一二三四]季度|上半年|前三季度|1-\d{1,2}月(?:份)?"
    r"|\d{1,2}月(?:份)?)\($"
)
_COMPARED_LIST = re.compile(r"(?:比|较)[^,;:。]{1,8}(?:和|、|及)$")
_BRACKETED = re.compile(r"\([^()]*\)?$")
_RELATIVE_WORDS = frozenset(["去年", "上年", "今年", "全年", "刚刚过去的", "刚刚过去的一年"])
_NO_YEAR_Q = frozenset(
    ["去年", "上年", "今年", "今年以来", "年初以来", "刚刚过去的", "刚刚过去的一年"]
)
_RELATIVE_Q = frozenset(
    ["去年", "上年", "今年", "全年", "今年以来", "年初以来", "刚刚过去的", "刚刚过去的一年"]
)


def _with_year(p: Period, year: int) -> Period:
    try:
        return Period(year, p.first_month, p.last_month)
    except Exception:
        return p


def _versus_list(versus: str | None, k: int) -> list[str] | None:
    if not versus or k < 2:
        return None
    parts = [p for p in re.split(r"、|和|及", versus) if p]
    return parts if len(parts) == k else None


def _trim_start(norm: str, qs: int, qe: int) -> int:
    while qs < qe and norm[qs] in ",;:、 \t\u3000":
        qs += 1
    return qs
