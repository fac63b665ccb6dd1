"""The briefing's tables as data: ranks in the province, the children, targets, the peers."""

from __future__ import annotations

from collections.abc import Sequence

from xingshi.report.facts import Item
from xingshi.report.model import Cell, Table
from xingshi.report.wording import fmt_number, level_number

RATE = "0.0"
LEVEL = "#,##0.0#"
WHOLE = "#,##0"
INT = "0"


def _f(x: float | None, decimals: int = 1) -> Cell:
    if x is None:
        return Cell("—")
    return Cell(fmt_number(x, min_decimals=decimals, max_decimals=decimals), x, number_format=RATE)


def _level(x: float | None, unit: str = "") -> Cell:
    if x is None:
        return Cell("—")
    # whole numbers (企业数、人均收入) without a decimal; amounts as published (as in the text)
    return Cell(level_number(x, unit), x, number_format=WHOLE if x == int(x) else LEVEL)


def _rank(x: int | None) -> Cell:
    return Cell("—") if x is None else Cell(str(x), x, number_format=INT)


def _light(it: Item | None) -> str | None:
    return it.warning if it is not None else None


def ranks_table(
    me: Sequence[Item],
    parent: dict[str, Item],
    scope: str,
    against: str = "上期",
    before: str = "",
) -> Table:
    """The region's indicators: level, growth, the parent's growth, the gap and the rank.

    `against` names the period the rank change is taken against (上期: 1-5月 for 1-6月, the
    quarter before for quarterly figures; 上年 for annual figures)."""
    header = [
        "指标",
        "单位",
        "本期累计",
        "增速(%)",
        f"{scope}增速(%)",
        f"比{scope}(百分点)",
        f"{scope}位次",
        f"比{against}位次变化",
    ]
    rows = []
    for it in me:
        p = parent.get(it.indicator)
        change = (
            Cell("—")
            if it.rank_change is None
            else Cell(
                f"{it.rank_change:+d}" if it.rank_change else "0",
                it.rank_change,
                number_format="+0;-0;0",
            )
        )
        growth = _f(it.growth)
        growth.light = it.warning
        rows.append(
            [
                Cell(it.full_name),
                Cell(it.unit),
                _level(it.level, it.unit),
                growth,
                _f(p.growth if p else None),
                _f(it.gap, 1),
                _rank(it.rank),
                change,
            ]
        )
    by_value = [it.full_name for it in me if it.is_rate and it.rank_basis == "level" and it.rank]
    low = [it.full_name for it in me if not it.higher_is_better and it.rank]
    totals = [it.full_name for it in me if not it.is_rate and it.rank_basis == "level" and it.rank]
    more = "等" if len(totals) > 3 else ""
    rates = f"，{'、'.join(by_value)}按数值" if by_value else ""
    rates += f"，{'、'.join(totals[:3])}{more}没有增速，按总量" if totals else ""
    lows = f"，{'、'.join(low)}由低到高（按指标目录，越低越好）" if low else ""
    note = (
        f"位次按增速由高到低排列{rates}{lows}，并列同位；位次变化为比{against}前移（+）"
        f"或后移（−）的位数{'，' + before if before else ''}。"
    )
    return Table("ranks", f"主要指标在{scope}的位次", header, rows, note=note)


def region_matrix(
    key: str,
    title: str,
    regions: Sequence[tuple[str, str]],
    by_region: dict[str, dict[str, Item]],
    codes: Sequence[str],
    names: dict[str, str],
    *,
    with_level: bool,
    first_header: str = "地区",
) -> Table:
    """Regions down, indicators across (level, growth, rank), cells lit red/yellow/green."""
    header = [first_header]
    for code in codes:
        if with_level:
            header.append(f"{names[code]}|绝对值")
        header += [f"{names[code]}|增速(%)", f"{names[code]}|位次"]
    rows = []
    for code_r, name_r in regions:
        cells = [Cell(name_r)]
        for code in codes:
            it = by_region.get(code_r, {}).get(code)
            if with_level:
                cells.append(_level(it.level if it else None, it.unit if it else ""))
            growth = _f(it.growth if it else None)
            growth.light = _light(it)
            cells += [growth, _rank(it.rank if it else None)]
        rows.append(cells)
    return Table(key, title, header, rows, note="红黄绿灯按工作区设置的阈值判定；“—”表示无数据。")


def targets_table(me: Sequence[Item]) -> Table | None:
    """Annual targets against what is done and against time progress."""
    header = [
        "指标",
        "目标类型",
        "全年目标",
        "累计完成",
        "完成率(%)",
        "时间进度(%)",
        "差距(百分点)",
        "灯",
    ]
    rows = []
    for it in me:
        if it.target is None:
            continue
        if it.target_kind == "growth":
            done, target = (
                _f(it.growth),
                Cell(
                    f"增长{fmt_number(it.target, min_decimals=1)}%", it.target, number_format=RATE
                ),
            )
            gap = None if it.growth is None else it.growth - it.target
            rate = Cell("—")
        else:
            done, target = _level(it.level, it.unit), _level(it.target, it.unit)
            rate = _f(it.completion)
            gap = (
                None
                if it.completion is None or it.time_progress is None
                else it.completion - it.time_progress
            )
        light = {"red": "红", "yellow": "黄", "green": "绿"}.get(it.warning or "", "—")
        rows.append(
            [
                Cell(it.full_name),
                Cell("增速" if it.target_kind == "growth" else "总量"),
                target,
                done,
                rate,
                _f(it.time_progress),
                _f(gap),
                Cell(light, light=it.warning),
            ]
        )
    if not rows:
        return None
    return Table(
        "targets",
        "全年目标完成情况（对照时间进度）",
        header,
        rows,
        note="增速目标的差距为实际增速减目标增速；总量目标的差距为完成率减时间进度。",
    )
