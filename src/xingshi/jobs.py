"""Workspace jobs behind the commands: resolve names, read the store, analyse, write.

The CLI (and later the web app) call these; they hold no printing and no argument parsing.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import polars as pl

from xingshi.errors import InputError, Location


def parse_as_of(text: str | None) -> int | date | datetime | None:
    """A release id (digits) or an ISO date / datetime."""
    if text is None or not text.strip():
        return None
    s = text.strip()
    if s.isdigit():
        return int(s)
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return parse(s)
        except ValueError:
            continue
    raise InputError(
        f"无法识别的版本“{text}”",
        where=Location(value=text),
        hint="写版本号（如 3，见 xingshi releases）或日期（如 2021-07-15）",
    )


def resolve_period(ws: Any, region_code: str, text: Any, *, as_of: Any = None) -> tuple[Any, bool]:
    """The period ``text`` names, and whether its year was taken from the store.

    A period written without a year (1-6月, 上半年) means the latest year for which the store
    holds the region's figures for those months: the cumulative key first, else the single
    month (balances are often stored under 6月)."""
    from xingshi.catalog.periods import Period, parse_period
    from xingshi.errors import PeriodError

    try:
        return parse_period(text), False
    except PeriodError as exc:
        if "没有写年份" not in exc.message:
            raise
        # any year reads the months; an unreadable text raises its own error here
        probe = parse_period(text, default_year=2000)
    when = parse_as_of(as_of) if isinstance(as_of, str) or as_of is None else as_of
    obs = ws.store.observations(regions=[region_code], as_of=when)
    f, m = probe.first_month, probe.last_month
    for first in dict.fromkeys((f, m)):
        hit = obs.filter((obs["first_month"] == first) & (obs["last_month"] == m))
        if hit.height:
            return Period(int(hit["year"].max()), f, m), True
    months = probe.label.removeprefix("2000年")
    raise InputError(
        f"时期“{text}”没有写年份，库中也没有该地区{months}的数据",
        where=Location(value=str(text)),
        hint="请写明年份，例如“2021年1-6月”，或先导入该时期的数据",
    )


def period_for(
    ws: Any, region_code: str, text: Any, *, as_of: Any = None, require: bool = True
) -> tuple[Any, str | None]:
    """The period ``text`` names for a region, read the same way by every command, and a line
    to tell the user when it was not read literally.

    Without a year: the latest year the store holds (see :func:`resolve_period`). A single
    quarter (2021Q3, 三季度) the store does not hold, where it holds the year's cumulative
    figures to the quarter's end, means those (1-9月): cumulative indicators are published so.
    With ``require``, a period for which the store has no figure of the region is an error
    naming both (exit 2), never an empty result."""
    from xingshi.catalog.periods import Period

    if isinstance(text, Period):
        p, inferred = text, False
    else:
        p, inferred = resolve_period(ws, region_code, text, as_of=as_of)
    note = f"时期未写年份，按库中该地区有数据的最近年份：{p.label}" if inferred else None
    when = parse_as_of(as_of) if isinstance(as_of, str) or as_of is None else as_of
    obs = ws.store.observations(regions=[region_code], years=[p.year], as_of=when)
    held = set(obs["period"].unique().to_list()) if obs.height else set()
    if p.key not in held and p.first_month > 1 and p.months == 3:
        cumulative = Period(p.year, 1, p.last_month)
        if cumulative.key in held:
            note = f"{text} 按累计数读取：{cumulative.label}（累计指标按年初至季末公布）"
            p = cumulative
    if require and p.key not in held:
        name = ws.regions.get(region_code).name if region_code in ws.regions else region_code
        upto = f"（按 --as-of {as_of}）" if as_of not in (None, "") else ""
        raise InputError(
            f"库中{upto}没有{name}{p.label}的数据",
            where=Location(value=str(text)),
            hint="用 xingshi releases 查看已导入的数据，或换一个时期、地区",
        )
    return p, note


def region_note(rc: Any, text: str, region: Any) -> str | None:
    """A line when a short name a province shares with a prefecture (海南, 吉林) was read as the
    province: which one was taken and how to name the other."""
    if region.level != "province" or text.strip() in (region.name, region.code):
        return None
    others = [c for c in rc.candidates(text) if c.code != region.code and c.level != "county"]
    s = text.strip()
    others += [
        r for r in rc.children(region.code)
        if r.level == "prefecture" and r.name in (s + "市", s + "州", s + "地区", s + "盟")
    ]  # fmt: skip
    if not others:
        return None
    other = others[0]
    short = other.short if other.short and other.short != s else other.name
    return f"{s} → {region.name}；如指{rc.qualified_name(other.code)}，请写“{short}”或全称"


def _family(rc: Any, code: str) -> set[str]:
    """A region, its children, its parent and the parent's children: a briefing's regions."""
    codes = {code, *(c.code for c in rc.children(code))}
    parent = rc.parent(code)
    if parent is not None:
        codes |= {parent.code, *(c.code for c in rc.children(parent.code))}
    return codes


def run_analysis(
    ws: Any,
    region: str,
    period: str,
    *,
    as_of: str | None = None,
    peers: str | None = None,
    rank_by: str | None = None,
) -> Any:
    """Resolve names, read what the analysis needs from the store and analyse (no printing)."""
    return _analysis_and_inputs(ws, region, period, as_of=as_of, peers=peers, rank_by=rank_by)[0]


def _analysis_and_inputs(
    ws: Any,
    region: str,
    period: str,
    *,
    as_of: str | None = None,
    peers: str | None = None,
    rank_by: str | None = None,
) -> tuple[Any, Any, Any]:
    """The analysis, with the observations and targets it was computed from."""
    from xingshi.analysis import AnalysisSettings, analyze

    rc, ic = ws.regions, ws.indicators
    reg = rc.resolve(region)
    p, _ = period_for(ws, reg.code, period, as_of=as_of)
    table = ws.settings.table("analysis")
    if rank_by:
        table = {**table, "rank_basis": rank_by}
    settings = AnalysisSettings.from_mapping(table)
    peer_codes = [r.code for r in rc.peers(reg.code, group=peers)] if peers else None
    codes = _family(rc, reg.code) | set(peer_codes or [])
    # each peer's parent too, so that peers' gaps to their own parent are there
    codes |= {rc.get(c).parent for c in list(codes) if rc.get(c).parent}
    when = parse_as_of(as_of)
    years = [p.year - 2, p.year - 1, p.year]
    obs = ws.store.observations(regions=sorted(codes), years=years, as_of=when)
    targets = ws.store.targets(regions=sorted(codes), year=p.year, as_of=when)
    analysis = analyze(
        obs,
        targets,
        rc.frame(),
        ic.frame(),
        region=reg.code,
        period=p,
        settings=settings,
        peers=peer_codes,
        peer_group=peers or "自定义组",
    )
    return analysis, obs, targets


def make_briefing(
    ws: Any, region: str, period: str, out: Path, *, as_of: str | None = None, step=None
) -> tuple[Any, Any]:
    """Analyse `region` for `period` from the workspace's store and write the three files."""
    from xingshi.catalog.periods import parse_period
    from xingshi.report import build_briefing, write_briefing

    step = step or (lambda _s: None)
    step("读取数据、分析")
    analysis, panel, all_targets = _analysis_and_inputs(ws, region, period, as_of=as_of)
    p = parse_period(analysis.period)  # the year the analysis used, when the text had none
    rc = ws.regions
    code = analysis.region_code
    # the figures' own rows (for their cells) and the year's months (for the trend chart);
    # last year too: counts' changes and ratios' changes cite the cells of both years
    obs = panel.filter(
        pl.col("region_code").is_in(sorted(_family(rc, code)))
        & pl.col("year").is_in([p.year - 1, p.year])
    )
    targets = all_targets.filter(pl.col("region_code") == code)
    step("撰写正文、绘制图表")
    from xingshi.supervise.summary import follow_up_section

    follow_up = follow_up_section(ws, code, analysis.period)
    brief = build_briefing(
        analysis, rc, ws.indicators, observations=obs, targets=targets, follow_up=follow_up
    )
    paths = write_briefing(analysis, rc, ws.indicators, out, brief=brief, progress=step)
    return brief, paths
