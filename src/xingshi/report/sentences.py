"""Sentence templates (Jinja2, kept as data in `templates/sentences.toml`) and figure phrases."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import jinja2

from xingshi.report.facts import Item, SourceBook, load_template_data
from xingshi.report.model import Fig
from xingshi.report.wording import (
    fmt_level,
    fmt_number,
    growth_amount,
    growth_verb,
    is_flat,
    ordinal,
    pp,
)

_ENV = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined)


@cache
def _template(path: str) -> jinja2.Template:
    group, key = path.split(".")
    return _ENV.from_string(load_template_data("sentences.toml")[group][key])


def render(path: str, **values: Any) -> str:
    """Render one sentence template (`group.key`); figures keep their source marks."""
    return _template(path).render(**values)


class Phrases:
    """Figures of an item as printed text, each registered in the source book."""

    def __init__(self, book: SourceBook, scope: str):
        self.book = book
        self.scope = scope

    def level(self, it: Item) -> Fig:
        text = fmt_level(it.level, it.unit, approx=it.approx)  # type: ignore[arg-type]
        return self.book.fig(it, "level", it.level, text)

    def growth_fig(self, it: Item) -> Fig:
        """The amount only (28.6%, 1.5倍; 1.2 for a rate's change in points; 持平)."""
        g = it.growth or 0.0
        if is_flat(g):
            text = "持平"
        elif it.is_rate:
            text = pp(abs(g))
        else:
            text = growth_amount(g)
        basis = "由本期与上年同期绝对值计算" if it.growth_computed else ""
        return self.book.fig(
            it, "growth", it.growth, text, computed=it.growth_computed, basis=basis
        )

    def change_fig(self, it: Item) -> Fig:
        """A count's change in units, the number only (159家), computed from both levels."""
        n = abs(round(it.change or 0.0))
        basis = (
            f"本期{fmt_number(it.level or 0)}{it.unit}（{self.book.with_cells(it, 'level')}）"
            f"减上年同期{fmt_number(it.level_ly or 0)}{it.unit}"
            f"（{self.book.with_cells(it, 'level', last_year=True)}）"
        )
        text = f"{n}{'' if it.unit in ('', '无') else it.unit}"
        return self.book.fig(it, "change", it.change, text, computed=True, basis=basis)

    def count_growth(self, it: Item) -> str:
        """比上年同期增加159家 / 减少5家 / 与上年同期持平 (a count's change, catalogue rule)."""
        if round(it.change or 0.0) == 0:
            return "与上年同期持平"
        verb = "增加" if (it.change or 0.0) > 0 else "减少"
        return f"比上年同期{verb}{self.change_fig(it)}"

    def growth(self, it: Item) -> str:
        """增长28.6% / 下降3.2% / 持平 / 提高1.2个百分点, the number linked."""
        if it.is_count_change:
            return self.count_growth(it)
        g = it.growth or 0.0
        fig = self.growth_fig(it)
        if is_flat(g):
            return str(fig)
        tail = "个百分点" if it.is_rate else ""
        return f"{growth_verb(g, rate=it.is_rate)}{fig}{tail}"

    def growths(self, items: Sequence[Item]) -> str:
        """增长1.5倍、1.3倍 (one verb when all agree) for a 分别 clause."""
        if any(it.is_count_change for it in items):
            return "、".join(self.growth(it) for it in items)
        verbs = {growth_verb(it.growth or 0.0, rate=it.is_rate) for it in items}
        rate = all(it.is_rate for it in items)
        tail = "个百分点" if rate else ""
        if len(verbs) == 1 and "持平" not in verbs:
            return f"{verbs.pop()}{'、'.join(str(self.growth_fig(it)) for it in items)}{tail}"
        parts = []
        for it in items:
            g = it.growth or 0.0
            if is_flat(g):
                parts.append(str(self.growth_fig(it)))
            else:
                parts.append(f"{growth_verb(g, rate=it.is_rate)}{self.growth_fig(it)}")
        return "、".join(parts) + tail

    def gap(self, it: Item, parent: Item | None) -> Fig:
        """A gap to the parent in points (the number only), computed from both growth rates."""
        basis = f"{it.region}增速{_g(it.growth)}（{self.book.with_cells(it, 'growth')}）"
        if parent is not None and parent.growth is not None:
            cells = self.book.with_cells(parent, "growth")
            basis += f"减{parent.region}增速{_g(parent.growth)}（{cells}）"
        gap = abs(it.gap or 0.0)
        return self.book.fig(it, "gap", it.gap, pp(gap), computed=True, basis=basis)

    def _rank_source(self, it: Item) -> tuple[bool, str, str | None]:
        """(published, basis, cell) of a rank: the source's own rank, or computed from peers."""
        obs = self.book.observation(it.region_code, it.indicator, it.period)
        published = obs.get("rank") is not None and obs.get("rank") == it.rank
        return published, ("" if published else self._rank_basis(it)), obs.get("rank_cell")

    def rank(self, it: Item, *, style: str = "cn") -> Fig:
        published, basis, _ = self._rank_source(it)
        text = ordinal(it.rank, style=style)  # type: ignore[arg-type]
        return self.book.fig(it, "rank", it.rank, text, computed=not published, basis=basis)

    def rank_many(self, items: Sequence[Item], *, style: str = "cn") -> Fig:
        """One shared rank of several indicators: one source row naming what is behind each."""
        if len(items) == 1:
            return self.rank(items[0], style=style)
        first = items[0]
        parts, cells, computed = [], [], False
        for it in items:
            published, basis, cell = self._rank_source(it)
            computed = computed or not published
            parts.append((it.full_name, basis or "公布位次"))
            if cell:
                cells.append(f"{it.full_name} {cell}")
        grouped = Item(**{**first.__dict__, "indicator": "+".join(it.indicator for it in items)})
        grouped.full_name = "、".join(it.full_name for it in items)
        text = ordinal(first.rank, style=style)  # type: ignore[arg-type]
        return self.book.fig(
            grouped,
            "rank",
            first.rank,
            text,
            cell="；".join(cells) or None,
            basis=_joined_basis(parts),
            computed=computed,
        )

    def _rank_basis(self, it: Item) -> str:
        what = "增速" if it.rank_basis in (None, "growth") else "数值" if it.is_rate else "总量"
        n = f"{it.n_peers}个地区" if it.n_peers else "同级地区"
        return f"按{self.scope}{n}{what}由高到低排位计算（并列同位）"

    def percent(self, it: Item, fld: str, value: float, basis: str = "") -> Fig:
        text = f"{fmt_number(value, min_decimals=1, max_decimals=1)}%"
        return self.book.fig(it, fld, value, text, computed=bool(basis), basis=basis)

    def points(self, it: Item, fld: str, value: float, basis: str) -> Fig:
        return self.book.fig(it, fld, value, pp(abs(value)), computed=True, basis=basis)


def _g(x: float | None) -> str:
    return "—" if x is None else f"{fmt_number(x, min_decimals=1, max_decimals=2)}%"


def _joined_basis(parts: list[tuple[str, str]]) -> str:
    """One basis when every indicator shares it, else each named: 地区生产总值：按…；…."""
    if len({b for _, b in parts}) == 1:
        return f"{'、'.join(n for n, _ in parts)}：{parts[0][1]}"
    return "；".join(f"{n}：{b}" for n, b in parts)
