"""Structure ratios computed from levels: 非税收入占地方财政收入的比重, 税收占GDP比重.

A ratio (part ÷ whole, both levels of the same period) is said two ways: its change on the same
period a year earlier, in 个百分点 ("较去年同期下降1.99个百分点"), and its rank among the peers
("税收占地区生产总值的比重居全省第二"). Which ratios exist is data (`topics.toml` ratios); which
sentence is said follows the figures: a change that went the part's good way is an achievement,
the other way a problem; a rank only where every peer has both levels and the rank is good.
Every figure is marked computed and cites the cells of both levels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from xingshi.report.facts import IndicatorLookup, Item, load_template_data
from xingshi.report.sentences import render
from xingshi.report.wording import fmt_number, ordinal, pp

if TYPE_CHECKING:
    from xingshi.report.compose import Composer

# A change smaller than this (points) is noise, not worth a sentence.
MIN_CHANGE_PP = 0.1


@dataclass(frozen=True)
class Ratio:
    part: str  # indicator codes
    whole: str
    higher_is_better: bool


def ratio_specs(lookup: IndicatorLookup) -> list[Ratio]:
    """The `ratios` of topics.toml as codes; pairs the catalogue cannot resolve are dropped."""
    out = []
    for spec in load_template_data("topics.toml").get("ratios", []):
        part, whole = lookup.resolve(spec["part"]), lookup.resolve(spec["whole"])
        if part and whole:
            good = spec.get("higher_is_better", lookup.get(part).get("higher_is_better", True))
            out.append(Ratio(part, whole, good is not False))
    return out


def _pct(part: float | None, whole: float | None) -> float | None:
    return part / whole * 100 if part is not None and whole else None


def _key(part: Item, whole: Item) -> Item:
    """A pseudo-item for the ratio's own rows in the source book."""
    it = Item(**{**part.__dict__, "indicator": f"{part.indicator}/{whole.indicator}"})
    it.full_name = f"{part.full_name}占{whole.full_name}的比重"
    it.unit = "%"
    return it


def ratio_clauses(c: Composer, *, good: bool) -> list[str]:
    """Clauses for the ratios that moved the good way (`good`) or the bad way."""
    out = []
    for r in c.ctx.ratios:
        part, whole = c.ctx.me.get(r.part), c.ctx.me.get(r.whole)
        if part is None or whole is None:
            continue
        clause = _change(c, r, part, whole, good)
        rank = _rank(c, r, part, whole, named=not clause) if good else ""
        said = "，".join(x for x in (clause, rank) if x)  # one ratio, one clause
        if said:
            out.append(said)
    return out


def _change(c: Composer, r: Ratio, part: Item, whole: Item, good: bool) -> str:
    now, before = _pct(part.level, whole.level), _pct(part.level_ly, whole.level_ly)
    if now is None or before is None:
        return ""
    change = round(now - before, 2)
    if abs(change) < MIN_CHANGE_PP or ((change > 0) == r.higher_is_better) != good:
        return ""
    book = c.ph.book
    basis = (
        f"本期{part.full_name}{fmt_number(part.level or 0)}（{book.with_cells(part, 'level')}）"
        f"÷{whole.full_name}{fmt_number(whole.level or 0)}（{book.with_cells(whole, 'level')}）"
        f"={fmt_number(now, max_decimals=2)}%；上年同期"
        f"{fmt_number(part.level_ly or 0)}（{book.with_cells(part, 'level', last_year=True)}）"
        f"÷{fmt_number(whole.level_ly or 0)}（{book.with_cells(whole, 'level', last_year=True)}）"
        f"={fmt_number(before, max_decimals=2)}%"
    )
    fig = book.fig(
        _key(part, whole), "ratio_change", change, pp(abs(change)), computed=True, basis=basis
    )
    return render(
        "ratio.change",
        part=part.name,
        whole=whole.name,
        verb="提高" if change > 0 else "下降",
        pp=fig,
        **c.w,
    )


def _rank(c: Composer, r: Ratio, part: Item, whole: Item, *, named: bool) -> str:
    """The region's rank of the ratio among its peers, when all of them have both levels."""
    parts = {it.region_code: it for it in c.ctx.peers.get(r.part, [])}
    wholes = {it.region_code: it for it in c.ctx.peers.get(r.whole, [])}
    values = {
        code: _pct(parts[code].level, wholes[code].level) for code in parts.keys() & wholes.keys()
    }
    if len(values) < 3 or any(v is None for v in values.values()):
        return ""
    mine = values.get(part.region_code)
    if mine is None or len(values) < len(parts) or len(values) < len(wholes):
        return ""
    if not r.higher_is_better:
        return ""  # "lowest share of 非税收入 in the province" is not said as a rank
    rounded = {k: round(v, 2) for k, v in values.items()}  # type: ignore[arg-type]
    rank = 1 + sum(v > rounded[part.region_code] for v in rounded.values())
    probe = Item(**{**part.__dict__, "rank": rank, "n_peers": len(values)})
    if not c.ctx.good_rank(probe):
        return ""
    basis = (
        f"按{c.w['scope']}{len(values)}个地区{part.full_name}÷{whole.full_name}"
        "由高到低排位计算（各地区本期总量）："
        f"{part.region}{fmt_number(mine, max_decimals=2)}%"
    )
    fig = c.ph.book.fig(_key(part, whole), "rank", rank, ordinal(rank), computed=True, basis=basis)
    return render("ratio.rank", part=part.name, whole=whole.name, named=named, rank=fig, **c.w)
