"""What a reader hands on: raw records with the cell each value came from, before resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xingshi.findings import Finding
from xingshi.ingest.sources import Sheet, cell_ref


@dataclass(slots=True)  # one per row of a file: no per-object __dict__
class RawObs:
    """One region × indicator × period as written in the file (texts and raw cell values).

    ``row`` and the ``*_col`` fields are 0-based indexes into ``sheet``; None when the value
    did not come from a cell of its own (an indicator from the file name, a period from the
    title row).
    """

    sheet: Sheet
    row: int
    region: Any
    region_col: int
    indicator: Any
    indicator_col: int | None
    indicator_row: int | None = None
    period: Any = None
    period_col: int | None = None
    period_row: int | None = None
    region_code: Any = None
    region_code_col: int | None = None
    unit: Any = None
    unit_col: int | None = None
    unit_row: int | None = None
    unit_is_default: bool = False  # from a "单位：亿元、%" note: ignored where it cannot apply
    level: Any = None
    level_col: int | None = None
    growth: Any = None
    growth_col: int | None = None
    rank: Any = None
    rank_col: int | None = None
    rank_basis: str = "default"  # growth | default (a rate's value, a count's; else growth)
    level_rank: Any = None  # the rank of the amount (总量位次), beside the rank of growth
    level_rank_col: int | None = None
    note: Any = None
    growth_is_index: bool = False  # NBS 指数 (上年=100): growth = value − 100
    # 名义增长 beside 实际增长: which is the catalogue's growth depends on the indicator (GDP's
    # is real, income's and retail's nominal); normalize chooses.
    nominal_growth: Any = None
    nominal_growth_col: int | None = None
    growth_is_real: bool = False  # the growth column says 实际 / 扣除价格因素 / 可比价
    # 增速 = 增量 ÷ (总量 − 增量) down the column: a change at current prices (a count's growth,
    # retail's), no growth at comparable prices (GDP's).
    growth_is_ratio: bool = False
    growth_head_row: int | None = None  # the header row naming those growth columns
    parent_alias: bool = False  # 全州/全省/合计: the parent of the other rows
    optional_indicator: bool = False  # NBS columns: an unknown indicator is skipped, a warning
    region_row: int | None = None  # regions across: the region is named in the header row
    region_from_title: bool = False  # one-region report: ``region`` is the title text
    region_parent: Any = None  # the row's 所属市 / 所属省份 cell (沈阳1): whose the name is
    default_year: int | None = None  # for 时期 written without a year (1-6月): from the title
    # A table of one indicator whose headers name none: search these texts (title, sheet name,
    # file name) for the catalogue indicator they name.
    indicator_texts: list[str] | None = None
    context: str | None = None  # the table's title, whose qualifiers (城镇居民) names may omit
    # An item row (indented, #, 其中) under this row's name: kept only as one of its components.
    parent_indicator: str | None = None
    parent_is_group: bool = False  # a header group (工业 over its columns): binds only if known
    # The indicator row above an unmarked row: 工业 under 第二产业 is its component 工业增加值.
    previous_indicator: str | None = None
    # A heading row without figures above (六、城乡居民人均可支配收入 over 城镇居民 | 农村居民):
    # an item that names only its qualifier is the heading's measure for it.
    heading: str | None = None
    # The unmarked rows above an item, nearest last (第二产业, 劳动者报酬 … 营业盈余 over
    # #工业增加值): where the item's own parent is no catalogue indicator, the nearest that is.
    outer_indicators: tuple[str, ...] = ()

    def cell(self, col: int | None) -> str | None:
        return None if col is None else cell_ref(self.row, col)

    def set_rank(self, value: Any, col: int, basis: str) -> None:
        """A rank cell: by the amount (``level``) apart from the rank of growth, both kept."""
        if basis == "level":
            self.level_rank, self.level_rank_col = value, col
        else:
            self.rank, self.rank_col, self.rank_basis = value, col, basis


@dataclass(slots=True)
class RawTarget:
    """One annual target row as written in the file."""

    sheet: Sheet
    row: int
    region: Any
    region_col: int
    indicator: Any
    indicator_col: int
    year: Any
    year_col: int
    kind: Any
    kind_col: int
    value: Any
    value_col: int
    region_code: Any = None
    region_code_col: int | None = None
    unit: Any = None
    unit_col: int | None = None
    note: Any = None
    # A 全年目标 column of a one-region report: ``region`` is the title text, as for RawObs.
    region_from_title: bool = False
    region_row: int | None = None
    parent_alias: bool = False


@dataclass
class Reading:
    """A file read by one layout: raw observations, raw targets and header findings."""

    file: str
    layout: str
    observations: list[RawObs] = field(default_factory=list)
    sheet: str | None = None  # where the table is, for ``import --explain``
    header_row: int | None = None  # 0-based
    targets: list[RawTarget] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
