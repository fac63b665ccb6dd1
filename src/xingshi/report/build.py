"""`build_briefing`: the analysis turned into the briefing's text, tables and charts (no files)."""

from __future__ import annotations

from typing import Any

import polars as pl

from xingshi.errors import InputError
from xingshi.report import charts as ch
from xingshi.report.compose import Composer, Context, compare_codes, topic_codes, topic_leads
from xingshi.report.facts import IndicatorLookup, Item, SourceBook, items_from_table, speech_names
from xingshi.report.model import Briefing, Chart, Section
from xingshi.report.ratios import ratio_specs
from xingshi.report.sentences import Phrases, render
from xingshi.report.tables import ranks_table, region_matrix, targets_table
from xingshi.report.wording import period_words, subject_word


def _period_parts(key: str) -> tuple[int, int, int]:
    """`2021-01/2021-06` → (2021, 1, 6)."""
    start, _, end = key.partition("/")
    end = end or start
    return int(start[:4]), int(start[5:7]), int(end[5:7])


def words_when(first: int, last: int) -> str:
    """1-6月, or 6月 for a single month: the period without its year (the title has it)."""
    return f"{last}月" if first == last else f"{first}-{last}月"


def _region_info(table: pl.DataFrame, code: str | None) -> tuple[str, str, str | None]:
    """Short name, full name and level of a region, from the analysis table's own columns."""
    rows = table.filter(pl.col("region_code") == code) if code else table.head(0)
    if rows.height == 0:
        return "", "", None
    row = rows.row(0, named=True)
    short = row.get("region") or row.get("region_name") or code
    return short, row.get("region_name") or short, row.get("region_level")


def display_name(short: str, full: str) -> str:
    """湘西州 stays short; 吉首 and 湖南 become 吉首市 and 湖南省 in a title."""
    if short.endswith(("州", "市", "县", "区", "盟", "旗", "省")):
        return short
    return full or short


def kin_word(names: list[str], level: str | None = None) -> str:
    """How a speech names a set of regions: 县市, 县市区, 市州 … from their own full names;
    provinces are 省（区、市） whatever their names (北京市, 广西壮族自治区)."""
    if level == "province" or sum(n.endswith("省") for n in names) >= 2:
        return "省（区、市）"
    county = any(n.endswith("县") or n.endswith("旗") for n in names)
    order = ("县", "市", "区") if county else ("市", "州", "盟", "地区")
    found = [s for s in order if any(n.endswith(s) for n in names)]
    return "".join(found) if found else "地区"


def rank_rates_by_value(items: list[Item], lookup: IndicatorLookup) -> None:
    """A rate is ranked by its own value, not by its change: 空气质量优良率居全省第二.

    The analysis ranks every indicator on one basis (growth by default); for a rate that is
    the change in points, which no speech ranks. Peers and children are ranked apart, ties
    share a place, direction follows the catalogue's higher_is_better."""
    groups: dict[tuple[str, str], list[Item]] = {}
    for it in items:
        if it.is_rate and it.rank_basis in (None, "growth") and it.role != "parent":
            group = "child" if it.role == "child" else "peers"
            groups.setdefault((group, it.indicator), []).append(it)
    for (_group, code), members in groups.items():
        sign = 1 if lookup.get(code).get("higher_is_better", True) is not False else -1
        values = [round(it.level, 1) * sign for it in members if it.level is not None]
        for it in members:
            it.rank_basis, it.rank_change = "level", None
            if it.level is None or len(values) < 2:
                it.rank, it.n_peers = None, len(values) or None
                continue
            mine = round(it.level, 1) * sign
            it.rank, it.n_peers = 1 + sum(v > mine for v in values), len(values)


def rank_levels_without_growth(items: list[Item]) -> None:
    """A level with no growth beside it (the NBS accounts give one year only) is ranked by the
    level itself among peers that all have one: 第一产业增加值4322.3亿元，总量居全国第九.

    High to low, or low to high where the catalogue says lower is better; ties share a place;
    only among three peers or more, and never for rates (ranked by value already)."""
    groups: dict[tuple[str, str], list[Item]] = {}
    for it in items:
        if it.role == "parent" or it.is_rate:
            continue
        group = "child" if it.role == "child" else "peers"
        groups.setdefault((group, it.indicator), []).append(it)
    for members in groups.values():
        if any(it.growth is not None or it.level is None for it in members) or len(members) < 3:
            continue
        sign = 1 if members[0].higher_is_better else -1
        values = [round(it.level, 2) * sign for it in members]  # type: ignore[arg-type]
        for it, mine in zip(members, values, strict=True):
            it.rank, it.n_peers = 1 + sum(v > mine for v in values), len(values)
            it.rank_basis, it.rank_change = "level", None


def build_briefing(
    analysis: Any,
    regions: Any,
    indicators: Any,
    *,
    observations: pl.DataFrame | None = None,
    targets: pl.DataFrame | None = None,
    with_charts: bool = True,
    follow_up: Section | None = None,
) -> Briefing:
    """The briefing's text model for the analysed region and period (see `write_briefing`).

    `follow_up` is a section made outside the analysis (督查督办, from xingshi.supervise),
    placed after the outlook as it comes."""
    table: pl.DataFrame = analysis.table
    mine = table.filter(pl.col("role") == "self") if "role" in table.columns else table.head(0)
    if mine.height == 0:
        raise InputError(
            "分析结果中没有本地区的数据，无法生成简报",
            hint="先导入该地区该时期的数据，再运行 xingshi analyze 检查",
        )
    code = mine["region_code"][0]
    period_key = mine["period"][0]
    year, first, last = _period_parts(period_key)
    name, full, level = _region_info(table, code)
    parent_rows = table.filter(pl.col("role") == "parent")
    parent_code = mine["parent_code"][0] if "parent_code" in mine.columns else None
    if parent_code is None and parent_rows.height:
        parent_code = parent_rows["region_code"][0]
    pname, pfull, plevel = _region_info(table, parent_code)
    if not pname and regions is not None and parent_code:
        parent = regions.get(parent_code)
        pfull, plevel = parent.name, parent.level
    words = {
        **period_words(first, last, year),
        "subject": subject_word(level, full),
        "scope": subject_word(plevel, pfull) if pfull else "全省",
        "region": display_name(name, full),
        "year": str(year),
        "data_when": "全年" if (first, last) == (1, 12) else words_when(first, last),
    }
    if targets is not None and targets.height and "year" in targets.columns:
        targets = targets.filter(pl.col("year") == year)
    book = SourceBook(observations, targets)
    lookup = IndicatorLookup(indicators)
    current = table.filter(pl.col("period") == period_key)
    items = items_from_table(current, lookup, book, speech_names(lookup))
    rank_rates_by_value(items, lookup)
    rank_levels_without_growth(items)
    if (first, last) == (1, 12):
        # a full year's rank moves against the year before (1-11月 is not what a year compares)
        for it in items:
            it.rank_change = it.extra.get("rank_change_yoy")
            it.extra["frequency"] = "annual"
    summary, topics, children_codes = topic_codes(lookup)
    order = {c: i for i, c in enumerate([*summary, *[c for t in topics for c in t]])}
    me_list = sorted(
        (it for it in items if it.role == "self"), key=lambda it: order.get(it.indicator, 999)
    )
    children: dict[str, list[Item]] = {}
    for it in items:
        if it.role == "child":
            children.setdefault(it.indicator, []).append(it)
    peers: dict[str, list[Item]] = {}
    for it in items:
        if it.role in ("self", "peer"):
            peers.setdefault(it.indicator, []).append(it)
    kid_names = sorted(
        {it.extra.get("region_name") or it.region for it in items if it.role == "child"}
    )
    ctx = Context(
        words=words,
        me={it.indicator: it for it in me_list},
        parent={it.indicator: it for it in items if it.role == "parent"},
        children=children,
        child_word=kin_word(kid_names),
        last_month=last,
        summary=summary,
        topics=topics,
        children_codes=children_codes,
        compare=compare_codes(lookup),
        peers=peers,
        ratios=ratio_specs(lookup),
        leads=topic_leads(),
    )
    comp = Composer(ctx, Phrases(book, words["scope"]))
    sections = [comp.achievements(), comp.problems(), comp.outlook()]
    if follow_up is not None and follow_up.paragraphs:
        sections.append(follow_up)
    tables = _tables(ctx, items, me_list, children_codes, summary, words, code)
    releases = sorted({r.release_id for r in book.refs if r.release_id is not None})
    simulated = (
        observations is not None
        and "note" in observations.columns
        and observations["note"].cast(pl.Utf8).str.contains("模拟").any()
    )
    brief = Briefing(
        title=render("document.title", **words),
        subtitle=render("document.subtitle", **words),
        region_code=code,
        region=name,
        period=period_key,
        sections=sections,
        tables=tables,
        sources=book.refs,
        releases=releases,
        findings=list(getattr(analysis, "findings", []) or []),
        simulated=bool(simulated),
    )
    if with_charts:
        brief.charts = _charts(ctx, items, observations, code, year, last, words)
    return brief


def _tables(ctx, items, me_list, children_codes, summary, words, code):
    against = "上年" if words["sofar"] == "全年" else "上期"
    last = ctx.last_month
    before = f"上期为1-{last - 1}月" if last > 2 and against == "上期" else ""
    if before and last > 3 and last % 3 == 0:
        before += f"（季度指标为1-{last - 3}月）"
    tables = [ranks_table(me_list, ctx.parent, words["scope"], against, before)]
    names = {it.indicator: it.name for it in items}
    by_region: dict[str, dict[str, Item]] = {}
    for it in items:
        by_region.setdefault(it.region_code, {})[it.indicator] = it
    kids = sorted({(it.region_code, it.region) for it in items if it.role == "child"})
    codes = [c for c in children_codes if c in names] or [c for c in summary if c in names][:5]
    if kids:
        rows = [*kids, (code, words["subject"])]
        title = f"各{ctx.child_word}主要经济指标完成情况表"
        tables.append(
            region_matrix("children", title, rows, by_region, codes, names, with_level=False)
        )
        tables.append(
            region_matrix("children_full", title, rows, by_region, codes, names, with_level=True)
        )
    peers = sorted({(it.region_code, it.region) for it in items if it.role in ("self", "peer")})
    if len(peers) > 1:
        pcodes = [c for c in summary if c in names] or codes
        full = sorted(
            {
                it.extra.get("region_name") or it.region
                for it in items
                if it.role in ("self", "peer")
            }
        )
        title = f"{words['scope']}各{kin_word(full)}主要指标位次"
        tables.append(
            region_matrix("peers", title, peers, by_region, pcodes, names, with_level=True)
        )
    tt = targets_table(me_list)
    if tt is not None:
        tables.append(tt)
    return tables


def _charts(
    ctx: Context, items: list[Item], observations, code: str, year: int, last: int, words
) -> list[Chart]:
    out: list[Chart] = []
    key = [c for c in ctx.children_codes if c in ctx.me and ctx.me[c].growth is not None]
    lead = next(iter(key), None) or next(
        (c for c in ctx.summary if c in ctx.me and ctx.me[c].growth is not None), None
    )
    if lead:
        me = ctx.me[lead]
        chart = _peer_chart(ctx, items, lead, words, "peers")
        if chart:
            out.append(chart)
        kids = [
            (k.region, k.growth, k.warning)
            for k in ctx.children.get(lead, [])
            if k.growth is not None
        ]
        if kids and me.growth is not None:
            title = f"{words['when']}各{ctx.child_word}{me.name}增速与{words['subject']}对比"
            out.append(
                Chart(
                    "children",
                    title,
                    ch.children_growth(title, kids, (words["subject"], me.growth)),
                )
            )
    if observations is not None and observations.height:
        series = _monthly(ctx, observations, code, year, last)
        if series:
            title = f"{year}年主要指标累计增速走势"
            out.append(Chart("monthly", title, ch.monthly_growth(title, series)))
    done = [
        it
        for it in ctx.me.values()
        if it.target_kind in ("level", "count") and it.completion is not None
    ]
    if done:
        tp = done[0].time_progress if done[0].time_progress is not None else last / 12 * 100
        title = f"{words['when']}全年目标完成进度"
        out.append(
            Chart(
                "targets",
                title,
                ch.target_progress(title, [(it.label, it.completion) for it in done], tp),
            )
        )
    # without counties or targets, a second key indicator among the peers keeps four charts
    # (one such chart: the writers place charts by key, a second would never be seen)
    for extra in (c for c in [*ctx.children_codes, *ctx.summary] if c in ctx.me and c != lead):
        if len(out) >= 4 or any(c.key == "peers2" for c in out):
            break
        chart = _peer_chart(ctx, items, extra, words, "peers2")
        if chart:
            out.append(chart)
    return out


def _peer_chart(ctx: Context, items: list[Item], code: str, words, key: str) -> Chart | None:
    """Growth of `code` among the peers, the region highlighted, the parent as a line."""
    rows = [it for it in items if it.indicator == code and it.role in ("self", "peer")]
    peers = [(it.region, it.growth) for it in rows if it.growth is not None]
    if len(peers) < 2:
        return None
    me, parent = ctx.me[code], ctx.parent.get(code)
    kin = kin_word([it.extra.get("region_name") or it.region for it in rows])
    title = f"{words['when']}{words['scope']}各{kin}{me.name}增速"
    line = (parent.region, parent.growth) if parent and parent.growth is not None else None
    return Chart(key, title, ch.peer_growth(title, peers, me.region, line))


def _monthly(
    ctx: Context, obs: pl.DataFrame, code: str, year: int, last: int
) -> dict[str, list[tuple[int, float]]]:
    wanted = [c for c in [*ctx.children_codes, *ctx.summary] if c in ctx.me][:5]
    rows = obs.filter(
        (pl.col("region_code") == code)
        & (pl.col("year") == year)
        & (pl.col("first_month") == 1)
        & (pl.col("last_month") <= last)
        & pl.col("indicator").is_in(wanted)
        & pl.col("growth_pct").is_not_null()
    ).sort("last_month")
    series: dict[str, list[tuple[int, float]]] = {}
    for c in dict.fromkeys(wanted):
        pts = [
            (r["last_month"], r["growth_pct"])
            for r in rows.filter(pl.col("indicator") == c).iter_rows(named=True)
        ]
        if len(pts) >= 2:
            series[ctx.me[c].name] = pts
    return series
