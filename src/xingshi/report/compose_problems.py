"""Sections 二 (困难和问题) and 三 (形势与建议): what is behind, what the rest of the year needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from xingshi.report.compose import _basis, _growth_target, _level_target
from xingshi.report.facts import Item, load_template_data
from xingshi.report.model import Paragraph, Section
from xingshi.report.sentences import render
from xingshi.report.wording import fmt_level, fmt_number, gap_verb

if TYPE_CHECKING:
    from xingshi.report.compose import Composer


def lagging(c: Composer) -> list[Item]:
    """The region's indicators that fell, trail the parent, or sit in the bottom half."""
    order = [*c.ctx.summary, *[x for t in c.ctx.topics for x in t], *c.ctx.me]
    seen: set[str] = set()
    out = []
    for code in order:
        it = c.ctx.me.get(code)
        if it is None or code in seen or it.growth is None or it.is_rate:
            continue  # rates change in points; their level, not a growth, is what lags
        seen.add(code)
        if c.ctx.lags(it):
            out.append(it)
    return out


def children_below(c: Composer, code: str) -> list[Item]:
    """Children whose growth is below the region's own (全州平均 is the region's figure)."""
    me = c.ctx.me.get(code)
    if me is None or me.growth is None:
        return []
    kids = [k for k in c.ctx.children.get(code, []) if k.growth is not None]
    for k in kids:
        if k.gap is None:
            k.gap = round(round(k.growth, 1) - round(me.growth, 1), 1)  # type: ignore[arg-type]
    d = 1 if me.higher_is_better else -1
    return [k for k in kids if k.gap is not None and k.gap * d < 0]


def problems(c: Composer) -> Section:
    sec = Section(render("sections.problems", **c.w))
    items = []
    # An indicator behind its level target is said once, with its level, against the target
    # below, unless it also trails the parent: then its gap is said here, the target briefly.
    listed: set[str] = set()
    weak = [
        it
        for it in lagging(c)
        if not (_behind_level_target(it) and it.level is not None and not (it.gap or 0.0) < 0)
    ]
    # A speech names the worst few with their figures and the rest in a word: the headline
    # indicators first, then a fall, the widest gap to the parent, the lowest rank.
    cap = int(load_template_data("topics.toml").get("max_lagging", 6))
    headline = set(c.ctx.summary)
    worst = set(
        map(id, sorted(weak, key=lambda it: (it.indicator not in headline, _severity(it)))[:cap])
    )
    more = [it for it in weak if id(it) not in worst]
    for it in (it for it in weak if id(it) in worst):
        listed.add(it.indicator)
        d = 1 if it.higher_is_better else -1
        show_gap = it.gap is not None and it.gap * d < 0 and not it.is_count_change
        items.append(
            render(
                "problems.lagging_item",
                name=it.label,
                verb=it.verb,
                speech_name=it.name,
                level=c.ph.level(it) if it.level is not None else "",
                share=c._share(it) if it.level is not None else "",
                count=it.is_count_change,
                basis=_basis(it),
                growth=c.ph.growth(it),
                gap_verb=gap_verb(it.gap or 0.0),
                pp=c.ph.gap(it, c.ctx.parent.get(it.indicator)) if show_gap else "",
                rank=c.ph.rank(it) if c.ctx.bad_rank(it) else "",
                **c.w,
            )
        )
    if items:
        names = "、".join(it.label for it in more)
        text = render("problems.lagging", items=items, more=names, **c.w)
        sec.paragraphs.append(Paragraph.parse(text))
    fell = [it for it in c.ctx.me.values() if c.ctx.fell(it)]
    ranked = {it.indicator for it in c.ctx.me.values() if it.indicator in listed}
    if fell:
        parts = [
            render(
                "problems.rank_fell",
                name=it.label,
                basis=_basis(it),
                against=_against(it, c.ctx.last_month),
                said=it.indicator in ranked and c.ctx.bad_rank(it),
                places=c.ph.book.fig(
                    it,
                    "rank_change",
                    float(-it.rank_change),  # type: ignore[operator]
                    str(-it.rank_change),  # type: ignore[operator]
                    computed=True,
                    basis=_fell_basis(it),
                ),
                rank=c.ph.rank(it),
                **c.w,
            )
            for it in fell
        ]
        sec.paragraphs.append(
            Paragraph.parse(render("problems.rank_fell_paragraph", items=parts, **c.w))
        )
    sec.paragraphs += c.ratios(good=False)
    clauses = []
    for code in c.ctx.children_codes:
        below = children_below(c, code)
        if not below:
            continue
        me = c.ctx.me[code]
        count = c.ph.book.fig(
            me,
            "count_below",
            float(len(below)),
            str(len(below)),
            computed=True,
            basis="增速低于本级的下级地区："
            + "、".join(f"{k.region}{fmt_number(k.growth or 0, min_decimals=1)}%" for k in below),
        )
        pps = "、".join(str(c.ph.gap(k, me)) for k in below)
        clauses.append(
            render(
                "problems.children_below",
                name=me.label,
                count=count,
                child_word=c.ctx.child_word,
                names="、".join(k.region for k in below),
                n=len(below),
                pps=pps,
                low_first=not me.higher_is_better,
                **c.w,
            )
        )
    if clauses:
        # one paragraph for all the indicators, not five opening with the same words
        sec.paragraphs.append(
            Paragraph.parse(
                render(
                    "problems.children_paragraph",
                    clauses=clauses,
                    child_word=c.ctx.child_word,
                    **c.w,
                )
            )
        )
    behind = []
    for it in c.ctx.me.values():
        if _behind_level_target(it):
            # the gap between the two printed figures, so the sentence adds up
            gap = round(it.time_progress or 0.0, 1) - round(it.completion or 0.0, 1)
            behind.append(
                render(
                    "problems.targets_behind_level"
                    if it.level is not None and it.indicator not in listed
                    else "problems.targets_behind",
                    verb=it.verb,
                    speech_name=it.name,
                    level=c.ph.level(it) if it.level is not None else "",
                    far=(it.completion or 0.0) < (it.time_progress or 0.0) / 2,
                    full_year=c.ctx.last_month == 12,
                    name=it.label,
                    target=c.ph.book.fig(it, "target", it.target, fmt_level(it.target, it.unit)),  # type: ignore[arg-type]
                    completion=c._completion(it),
                    pp=c.ph.points(
                        it,
                        "progress_gap",
                        gap,
                        f"时间进度{it.time_progress:g}%减完成率{it.completion:g}%",
                    ),
                )
            )
        elif _growth_target(it) and it.growth < it.target:  # type: ignore[operator]
            behind.append(
                render(
                    "problems.growth_target_behind",
                    name=it.label,
                    growth=c.ph.growth(it),
                    pp=c._target_gap(it),
                )
            )
    if behind:
        sec.paragraphs.append(
            Paragraph.parse(render("problems.targets_paragraph", items=behind, **c.w))
        )
    if not sec.paragraphs:
        sec.paragraphs.append(Paragraph.parse(render("problems.none", **c.w)))
    return sec


def _severity(it: Item) -> tuple:
    """Sort key, worst first: a fall, then the gap to the parent, then the rank."""
    share = (it.rank or 0) / (it.n_peers or 1) if it.rank else 0.0
    return (not (it.growth or 0.0) < 0, it.gap if it.gap is not None else 0.0, -share)


def _behind_level_target(it: Item) -> bool:
    return _level_target(it) and it.completion < it.time_progress  # type: ignore[operator]


def _previous_when(it: Item, last_month: int) -> str:
    """The period the rank is compared with: 1-3月 before 1-6月 for quarterly figures."""
    step = 3 if it.extra.get("frequency") == "quarterly" else 1
    prev = last_month - step
    if prev < 1 or (step == 1 and prev == 1 and it.extra.get("frequency") != "monthly_jan"):
        return "上期"
    return f"1-{prev}月" if prev > 1 else "1月"


def _against(it: Item, last_month: int) -> str:
    """What a rank change is against, in words: 比1-5月, or 比上年 for a full year."""
    if it.extra.get("frequency") == "annual":
        return "上年"
    return _previous_when(it, last_month)


def _fell_basis(it: Item) -> str:
    prev = it.rank - (it.rank_change or 0)  # type: ignore[operator]
    return f"上期第{prev}位，本期第{it.rank}位"


def outlook(c: Composer) -> Section:
    sec = Section(render("sections.outlook", **c.w))
    clauses, higher, falling = [], False, False
    full_year = c.ctx.last_month == 12  # the year is over: nothing left to need
    for it in c.ctx.me.values():
        if full_year or not _growth_target(it) or it.required is None:
            continue
        req = c.ph.percent(it, "required", abs(it.required), _required_basis(it))
        diff = round(round(it.required, 1) - round(it.growth or 0.0, 1), 1)
        pp = (
            c.ph.points(
                it,
                "required_gap",
                diff,
                f"所需增速{it.required:g}%减{c.w['when']}增速{it.growth:g}%",
            )
            if round(diff, 1)
            else ""
        )
        target = c.ph.book.fig(
            it, "target", it.target, f"{fmt_number(it.target, min_decimals=1, max_decimals=1)}%"
        )  # type: ignore[arg-type]
        higher = higher or diff > 0
        falling = falling or it.required < 0
        clauses.append(
            render(
                "outlook.required",
                name=it.label,
                target=target,
                required=req,
                falling=it.required < 0,
                pp=pp,
                higher=diff > 0,
                **c.w,
            )
        )
    if clauses:
        sec.paragraphs.append(
            Paragraph.parse(
                render(
                    "outlook.required_paragraph",
                    clauses=clauses,
                    higher=higher,
                    falling=falling,
                    **c.w,
                )
            )
        )
    items = []
    for it in c.ctx.me.values():
        if (
            not full_year
            and _level_target(it)
            and it.level is not None
            and it.target is not None
            and it.completion < it.time_progress  # type: ignore[operator]
        ):
            unit = it.unit if it.unit not in ("", "无") else ""
            remaining = it.target - it.level
            rem = c.ph.book.fig(
                it,
                "remaining",
                remaining,
                fmt_level(remaining, unit),
                computed=True,
                basis=f"全年目标{it.target:g}减累计{it.level:g}",
            )
            target = c.ph.book.fig(it, "target", it.target, fmt_level(it.target, unit))
            items.append(
                render("outlook.level_remaining", name=it.label, target=target, remaining=rem)
            )
    if items:
        sec.paragraphs.append(
            Paragraph.parse(render("outlook.level_paragraph", items=items, **c.w))
        )
    weak = lagging(c)
    if weak:
        gap = any(
            it.gap is not None and it.gap * (1 if it.higher_is_better else -1) < 0
            for it in weak[:4]
        )
        sec.paragraphs.append(
            Paragraph.parse(
                render(
                    "outlook.focus_lagging",
                    names="、".join(it.label for it in weak[:4]),
                    gap=gap,
                    **c.w,
                )
            )
        )
    for code in c.ctx.children_codes[:1]:
        below = children_below(c, code)
        if below:
            sec.paragraphs.append(
                Paragraph.parse(
                    render(
                        "outlook.focus_children",
                        names="、".join(k.region for k in below),
                        child_word=c.ctx.child_word,
                        county="县" in c.ctx.child_word,
                        **c.w,
                    )
                )
            )
    strong = [
        c.ctx.me[x]
        for x in c.ctx.summary
        if x in c.ctx.me and c.ctx.me[x].rank == 1 and c.ctx.good(c.ctx.me[x])
    ]
    if strong:
        sec.paragraphs.append(
            Paragraph.parse(
                render("outlook.keep_strengths", names="、".join(it.label for it in strong), **c.w)
            )
        )
    return sec


def _required_basis(it: Item) -> str:
    return (
        f"全年目标增长{it.target:g}%；所需增速 = ((1+目标)×上年全年 − 本年累计)"
        " ÷ (上年全年 − 上年同期累计) − 1，由分析模块计算"
    )
