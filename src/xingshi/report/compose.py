"""The briefing's text: which sentences the analysis calls for, in the order of the meeting."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from xingshi.report.facts import IndicatorLookup, Item, load_template_data
from xingshi.report.model import Paragraph, Section
from xingshi.report.ratios import Ratio, ratio_clauses
from xingshi.report.sentences import Phrases, render
from xingshi.report.wording import count_words, fmt_number, gap_verb, group_by, group_by_rank


@dataclass
class Context:
    """What the composer knows: the region's items, its parent's, peers' and children's."""

    words: dict[str, str]  # when, sofar, rest, subject, scope, region, year
    me: dict[str, Item]
    parent: dict[str, Item]
    children: dict[str, list[Item]]
    child_word: str
    last_month: int
    summary: list[str] = field(default_factory=list)  # indicator codes
    topics: list[list[str]] = field(default_factory=list)
    children_codes: list[str] = field(default_factory=list)
    compare: list[list[str]] = field(default_factory=list)  # [indicator, *related] codes
    peers: dict[str, list[Item]] = field(default_factory=dict)  # self and peers by indicator
    ratios: list[Ratio] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)  # each topic's opening words

    def good_rank(self, it: Item) -> bool:
        cfg = load_template_data("topics.toml")
        n = it.n_peers or 0
        limit = max(
            int(cfg.get("good_rank_min", 3)), math.ceil(n * cfg.get("good_rank_share", 0.4))
        )
        # a rank among fewer than three says nothing (a province alone in a national table)
        return it.rank is not None and n >= 3 and it.rank <= limit

    def bad_rank(self, it: Item) -> bool:
        n = it.n_peers or 0
        return it.rank is not None and n >= 4 and it.rank > math.ceil(n / 2)

    def lags(self, it: Item) -> bool:
        """Behind in growth: a fall, below the parent, or in the bottom half (rates aside:
        they change in points, and their level is what lags). Direction from the catalogue."""
        if it.growth is None or it.is_rate:
            return False
        d = 1 if it.higher_is_better else -1
        below = it.gap is not None and round(it.gap * d, 1) < 0
        return round(it.growth * d, 1) < 0 or below or self.bad_rank(it)

    def fell(self, it: Item) -> bool:
        """A rank that fell `rank_fall_places` (2) or more places among three peers or more."""
        places = int(load_template_data("topics.toml").get("rank_fall_places", 2))
        return it.rank is not None and (it.n_peers or 0) >= 3 and (it.rank_change or 0) <= -places

    def is_problem(self, it: Item) -> bool:
        """The one rule that puts an indicator in 二 (问题) rather than 一 (成绩), see
        docs/ANALYSIS.md: it lags (`lags`), its rank fell (`fell`), or it is behind its
        annual target or the time progress. Everything else is said in 一, once."""
        if self.lags(it) or self.fell(it):
            return True
        if _level_target(it) and it.completion < it.time_progress:  # type: ignore[operator]
            return True
        d = 1 if it.higher_is_better else -1
        return _growth_target(it) and (it.growth - it.target) * d < 0  # type: ignore[operator]

    def good(self, it: Item) -> bool:
        return not self.is_problem(it)


def compare_codes(lookup: IndicatorLookup) -> list[list[str]]:
    """The `compare` lists of topics.toml as codes (lists the catalogue cannot resolve dropped)."""
    out = []
    for names in load_template_data("topics.toml").get("compare", []):
        codes = [lookup.resolve(n) for n in names]
        if all(codes):
            out.append(codes)
    return out  # type: ignore[return-value]


def topic_leads() -> list[str]:
    """The opening words of each topic of topics.toml (工业方面), in topic order."""
    return [str(t.get("lead", "")) for t in load_template_data("topics.toml").get("topic", [])]


def topic_codes(lookup: IndicatorLookup) -> tuple[list[str], list[list[str]], list[str]]:
    """Summary, topic and children indicator codes from topics.toml, through the catalogue."""
    cfg = load_template_data("topics.toml")

    def codes(names: Sequence[str]) -> list[str]:
        return [c for c in (lookup.resolve(n) for n in names) if c]

    topics = [codes(t["indicators"]) for t in cfg.get("topic", [])]
    return codes(cfg.get("summary", [])), topics, codes(cfg.get("children", []))


class Composer:
    def __init__(self, ctx: Context, ph: Phrases):
        self.ctx = ctx
        self.ph = ph
        self.w = ctx.words

    # -- 一、主要成绩 -------------------------------------------------------------------
    def achievements(self) -> Section:
        sec = Section(render("sections.achievements", **self.w))
        good = {c: it for c, it in self.ctx.me.items() if self.ctx.good(it)}
        ranked = [
            good[c]
            for c in self.ctx.summary
            if c in good and good[c].growth is not None and self.ctx.good_rank(good[c])
        ]
        if ranked:
            groups = []
            for _rank, items in group_by_rank(ranked, lambda it: it.rank):
                for basis, same in group_by(items, lambda it: _basis(it)):
                    groups.append(
                        render(
                            "achievements.rank_group",
                            names="、".join(it.label for it in same),
                            n=len(same),
                            n_words=count_words(len(same)),
                            basis=basis,
                            low_first=not same[0].higher_is_better,
                            rank=self.ph.rank_many(same),
                            **self.w,
                        )
                    )
            sec.paragraphs.append(
                Paragraph.parse(render("achievements.rank_summary", groups=groups, **self.w))
            )
            self._leads = 1  # the period is said: the next paragraphs open with their lead
        summarised = {it.indicator for it in ranked}
        # a growth said in the comparisons paragraph is not said twice: an indicator with
        # nothing but that growth (no level, no good rank) waits for its comparison
        compared = {
            it.indicator
            for it, _ in self._compared()
            if it.level is None and not self.ctx.good_rank(it)
        }
        for lead, codes in self._topics():
            items = [good[c] for c in codes if c in good and c not in compared]
            items = [it for it in items if _said(it)]
            groups = self._topic_groups(items, summarised)
            if groups:
                sec.paragraphs.append(self._opened("achievements.topic", lead, groups=groups))
        sec.paragraphs += self._comparisons()
        sec.paragraphs += self._targets_met()
        return sec

    def _opened(self, path: str, lead: str, **values) -> Paragraph:
        """A paragraph opened by its topic's lead (工业方面，全州…), or by the period when it is
        the first of its section, so that paragraphs do not all begin with the same words."""
        self._leads = getattr(self, "_leads", 0) + 1
        opening = f"{self.w['when']}，" if self._leads == 1 else f"{lead}，" if lead else ""
        return Paragraph.parse(render(path, opening=opening, **values, **self.w))

    def ratios(self, *, good: bool) -> list[Paragraph]:
        """非税收入占地方财政收入的比重较去年同期下降1.99个百分点，税收占…比重居全省第二."""
        clauses = ratio_clauses(self, good=good)
        if not clauses:
            return []
        return [Paragraph.parse(render("ratio.paragraph", clauses=clauses, **self.w))]

    def _comparisons(self) -> list[Paragraph]:
        """One paragraph on the quality of growth: the related-indicator comparisons of
        topics.toml (税收增长28.6%，分别高于财政总收入、地方财政收入2.6、6.7个百分点; two
        indicators against the same one share a clause) and the structure ratios' good news."""
        found = [
            (it, rest, [str(self._gap_to(it, o)) for o in rest]) for it, rest in self._compared()
        ]
        clauses = []
        for _other, group in group_by(
            found, lambda f: f[1][0].indicator if len(f[1]) == 1 else id(f)
        ):
            if len(group) > 1:
                clauses.append(
                    render(
                        "achievements.compare_many",
                        names="、".join(it.label for it, _, _ in group),
                        growths=self.ph.growths([it for it, _, _ in group]),
                        other=group[0][1][0].label,
                        pps="、".join(p[0] for _, _, p in group),
                    )
                )
                continue
            it, rest, pps = group[0]
            said = self.ph.book.said(it, "growth")
            clauses.append(
                render(
                    "achievements.compare",
                    name=it.label,
                    growth="" if said else self.ph.growth(it),
                    others="、".join(o.label for o in rest),
                    n=len(rest),
                    pps="、".join(pps),
                )
            )
        clauses += ratio_clauses(self, good=True)
        if not clauses:
            return []
        lead = str(load_template_data("topics.toml").get("quality_lead", ""))
        return [self._opened("achievements.quality", lead, clauses=clauses)]

    def _compared(self) -> list[tuple[Item, list[Item]]]:
        """The comparisons of topics.toml that hold: the first grows faster than every other."""
        out = []
        for first, *others in self.ctx.compare:
            it = self.ctx.me.get(first)
            rest = [self.ctx.me[o] for o in others if o in self.ctx.me]
            if it is None or it.growth is None or it.is_rate or not rest or self.ctx.is_problem(it):
                continue
            if any(o.growth is None or round(it.growth, 1) <= round(o.growth, 1) for o in rest):
                continue
            out.append((it, rest))
        return out

    def _gap_to(self, it: Item, o: Item):
        """The gap in points between two indicators' growth, from the printed figures."""
        gap = round(round(it.growth or 0.0, 1) - round(o.growth or 0.0, 1), 1)
        mine = f"{it.full_name}增速{it.growth:g}%（{self.ph.book.with_cells(it, 'growth')}）"
        theirs = f"{o.full_name}增速{o.growth:g}%（{self.ph.book.with_cells(o, 'growth')}）"
        key = Item(**{**it.__dict__, "indicator": f"{it.indicator}-{o.indicator}"})
        return self.ph.points(key, "gap", gap, f"{mine}减{theirs}")

    def _topics(self) -> list[tuple[str, list[str]]]:
        """(lead, codes) of each topic; the indicators of no topic together at the end."""
        seen = {c for t in self.ctx.topics for c in t}
        rest = [c for c in self.ctx.me if c not in seen]
        leads = self.ctx.leads or [""] * len(self.ctx.topics)
        out = list(zip(leads, self.ctx.topics, strict=False))
        other = str(load_template_data("topics.toml").get("other_lead", ""))
        return [*out, (other, rest)] if rest else out

    def _topic_groups(self, items: list[Item], summarised: set[str]) -> list[str]:
        def shown_rank(it: Item) -> int | None:
            if it.indicator in summarised or not self.ctx.good_rank(it):
                return None
            if it.growth is None and it.rank_basis != "level":
                return None
            return it.rank

        def key(it: Item) -> tuple:
            # a count told as 增加159家 or with its share of the parent stands alone
            alone = it.indicator if it.is_count_change or self._share(it) else None
            return (it.level is not None, it.growth is not None, it.is_rate, shown_rank(it), alone)

        out = []
        for (has_level, has_growth, _rate, rank, _alone), group in group_by(items, key):  # type: ignore[misc]
            clauses: list[str] = []
            one = len(group) == 1
            if has_level and not one and len({it.verb for it in group}) == 1:
                # one verb for a list of levels: 实现第一产业增加值4322.3亿元、第二产业增加值…
                parts = [f"{it.name}{self.ph.level(it)}" for it in group]
                # a name with its own 、 (交通运输、仓储和邮政业) would blur a 、 list
                sep = "，" if any("、" in it.name for it in group) else "、"
                clauses.append(render("clause.levels", verb=group[0].verb, parts=parts, sep=sep))
            elif has_level:
                clauses += [
                    render("clause.level", verb=it.verb, name=it.name, level=self.ph.level(it))
                    for it in group
                ]
                if one and self._share(group[0]):
                    clauses.append(self._share(group[0]))
                if rank is not None and one and not _basis(group[0]):
                    # a rate's rank is of its value: said right after it (97.8%，居全省第二)
                    rank_clause = render(
                        "clause.rank",
                        basis="",
                        after_gap=False,
                        low_first=not group[0].higher_is_better,
                        rank=self.ph.rank(group[0]),
                        **self.w,
                    )
                    clauses.append(rank_clause)
                    rank = None
                if has_growth and one:
                    clauses.append(
                        render(
                            "clause.growth_after_level",
                            growth=self.ph.growth(group[0]),
                            count=group[0].is_count_change,
                        )
                    )
                elif has_growth:
                    clauses.append(
                        render("clause.growths_after_levels", growths=self.ph.growths(group))
                    )
            elif one:
                clauses.append(
                    render(
                        "clause.growth_named", name=group[0].name, growth=self.ph.growth(group[0])
                    )
                )
            else:
                names = "、".join(it.name for it in group)
                clauses.append(
                    render("clause.growths_named", names=names, growths=self.ph.growths(group))
                )
            # a gap in growth points says nothing next to a change told in units (增加159家)
            gap = (
                one
                and (group[0].gap or 0.0) > 0
                and not group[0].is_rate
                and not group[0].is_count_change
            )
            if gap:
                it = group[0]
                clauses.append(
                    render(
                        "clause.gap",
                        verb=gap_verb(it.gap),
                        pp=self.ph.gap(it, self.ctx.parent.get(it.indicator)),
                        **self.w,
                    )  # type: ignore[arg-type]
                )
            if rank is not None:
                path = "clause.rank" if one else "clause.ranks_same"
                clauses.append(
                    render(
                        path,
                        basis=_basis(group[0]),
                        after_gap=gap,
                        low_first=not group[0].higher_is_better,
                        rank=self.ph.rank_many(group),
                        **self.w,
                    )
                )
            out.append("，".join(clauses))
        return out

    def _share(self, it: Item) -> str:
        """占全省46972家的1.9%: a count's share of the parent's (computed, both cells cited)."""
        parent = self.ctx.parent.get(it.indicator)
        if it.kind != "count" or it.level is None or parent is None or not parent.level:
            return ""
        share = it.level / parent.level * 100
        basis = (
            f"{it.region}{fmt_number(it.level)}{it.unit}（{self.ph.book.with_cells(it, 'level')}）"
            f"÷{parent.region}{fmt_number(parent.level)}{parent.unit}"
            f"（{self.ph.book.with_cells(parent, 'level')}）"
        )
        return render(
            "clause.share",
            parent_level=self.ph.level(parent),
            share=self.ph.percent(it, "share", share, basis),
            **self.w,
        )

    def _targets_met(self) -> list[Paragraph]:
        out = []
        level = [
            it
            for it in self.ctx.me.values()
            if _level_target(it) and it.completion >= it.time_progress and self.ctx.good(it)
        ]  # type: ignore[operator]
        if level:
            tp = level[0].time_progress or 0.0
            out.append(
                Paragraph.parse(
                    render(
                        "achievements.targets_on_track",
                        names="、".join(it.label for it in level),
                        n=len(level),
                        n_words=count_words(len(level)),
                        completions="、".join(str(self._completion(it)) for it in level),
                        pps="、".join(str(self._ahead(it, tp)) for it in level),
                        half=self.ctx.last_month == 6,
                        **self.w,
                    )
                )
            )
        growth = [
            it
            for it in self.ctx.me.values()
            if _growth_target(it) and it.growth >= it.target and self.ctx.good(it)
        ]  # type: ignore[operator]
        if growth:
            pps = "、".join(str(self._target_gap(it)) for it in growth)
            out.append(
                Paragraph.parse(
                    render(
                        "achievements.growth_targets_met",
                        names="、".join(it.label for it in growth),
                        n=len(growth),
                        pps=pps,
                        **self.w,
                    )
                )
            )
        return out

    def _completion(self, it: Item):
        target = self.ph.book.target(it.region_code, it.indicator)
        cell = target.get("source_cell") or "目标表"
        done = f"累计{it.level:g}{it.unit}（{self.ph.book.with_cells(it, 'level')}）"
        basis = f"{done}÷全年目标{it.target:g}{it.unit}（{cell}）"
        return self.ph.percent(it, "completion", it.completion, basis)  # type: ignore[arg-type]

    def _ahead(self, it: Item, tp: float):
        """Points ahead of time progress (超过时间进度3.3个百分点), from the printed figures."""
        gap = round(round(it.completion or 0.0, 1) - round(tp, 1), 1)
        basis = f"完成率{it.completion:g}%减时间进度{tp:g}%（时间进度 = {self.ctx.last_month}/12）"
        return self.ph.points(it, "progress_gap", gap, basis)

    def _target_gap(self, it: Item):
        gap = round(round(it.growth or 0.0, 1) - (it.target or 0.0), 1)
        basis = f"增速{it.growth:g}%减全年目标{it.target:g}%"
        return self.ph.points(it, "target_gap", gap, basis)

    # -- 二、困难和问题 ------------------------------------------------------------------
    def problems(self) -> Section:
        from xingshi.report.compose_problems import problems

        return problems(self)

    # -- 三、形势与建议 ------------------------------------------------------------------
    def outlook(self) -> Section:
        from xingshi.report.compose_problems import outlook

        return outlook(self)


def _basis(it: Item) -> str:
    """What a rank is of: 增速; 增幅 for a count told in units; nothing for a rate's own value
    (空气质量优良率居全省第二, never 增速居全省第二); 总量 for levels."""
    if it.rank_basis in (None, "growth"):
        return "增幅" if it.is_count_change else "增速"
    return "" if it.is_rate else "总量"


def _said(it: Item) -> bool:
    """An item with a figure to say: a level or a growth rate (no figure, no sentence)."""
    return it.level is not None or it.growth is not None


def _level_target(it: Item) -> bool:
    return (
        it.target_kind in ("level", "count")
        and it.completion is not None
        and it.time_progress is not None
    )


def _growth_target(it: Item) -> bool:
    return it.target_kind == "growth" and it.target is not None and it.growth is not None
