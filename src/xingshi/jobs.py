"""Workspace jobs behind the commands: resolve names, read the store, analyse, write.

The CLI (and later the web app) call these; they hold no printing and no argument parsing.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

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
    from xingshi.analysis import AnalysisSettings, analyze
    from xingshi.catalog.periods import parse_period

    rc, ic = ws.regions, ws.indicators
    reg = rc.resolve(region)
    p = parse_period(period)
    table = ws.settings.table("analysis")
    if rank_by:
        table = {**table, "rank_basis": rank_by}
    settings = AnalysisSettings.from_mapping(table)
    peer_codes = [r.code for r in rc.peers(reg.code, group=peers)] if peers else None
    parent = rc.parent(reg.code)
    codes = {reg.code, *(c.code for c in rc.children(reg.code))}
    if parent is not None:
        codes |= {parent.code, *(c.code for c in rc.children(parent.code))}
    codes |= set(peer_codes or [])
    # each peer's parent too, so that peers' gaps to their own parent are there
    codes |= {rc.get(c).parent for c in list(codes) if rc.get(c).parent}
    when = parse_as_of(as_of)
    years = [p.year - 2, p.year - 1, p.year]
    obs = ws.store.observations(regions=sorted(codes), years=years, as_of=when)
    targets = ws.store.targets(regions=sorted(codes), year=p.year, as_of=when)
    return analyze(
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


def make_briefing(
    ws: Any, region: str, period: str, out: Path, *, as_of: str | None = None, step=None
) -> tuple[Any, Any]:
    """Analyse `region` for `period` from the workspace's store and write the three files."""
    from xingshi.catalog.periods import parse_period
    from xingshi.report import build_briefing, write_briefing

    step = step or (lambda _s: None)
    step("读取数据、分析")
    analysis = run_analysis(ws, region, period, as_of=as_of)
    p = parse_period(period)
    rc = ws.regions
    code = analysis.region_code
    # the figures' own rows (for their cells) and the year's months (for the trend chart)
    codes = {code, *(r.code for r in rc.children(code))}
    parent = rc.parent(code)
    if parent is not None:
        codes |= {parent.code, *(r.code for r in rc.children(parent.code))}
    when = parse_as_of(as_of)
    # last year too: counts' changes and ratios' changes cite the cells of both years
    obs = ws.store.observations(regions=sorted(codes), years=[p.year - 1, p.year], as_of=when)
    targets = ws.store.targets(regions=[code], year=p.year, as_of=when)
    step("撰写正文、绘制图表")
    brief = build_briefing(analysis, rc, ws.indicators, observations=obs, targets=targets)
    paths = write_briefing(analysis, rc, ws.indicators, out, brief=brief, progress=step)
    return brief, paths
