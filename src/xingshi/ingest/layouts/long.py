"""The long layout: one row per region × indicator × period (and the long targets form)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from xingshi.findings import Finding
from xingshi.ingest.records import RawObs, RawTarget, Reading
from xingshi.ingest.sources import Sheet, column_letter
from xingshi.ingest.values import normalize_text, split_unit

# Canonical column → accepted header texts (compared after removing spaces, full-width → half).
LONG_HEADERS: dict[str, tuple[str, ...]] = {
    "region": ("地区", "地区名称", "区域", "单位名称"),
    "region_code": ("地区代码", "区划代码", "行政区划代码", "代码"),
    "indicator": ("指标", "指标名称"),
    "period": ("时期", "期别", "时间", "报告期"),
    "level": ("数值", "绝对值", "本期", "累计", "本年累计", "累计值", "总量", "完成值", "数据"),
    "unit": ("单位", "计量单位"),
    "growth": (
        "增长%",
        "同比增长%",
        "增速%",
        "增速",
        "同比±%",
        "±%",
        "增长",
        "同比增长",
        "增减%",
        "比上年增长%",
        "比上年增长",
        "比上年同期增长",
        "比上年同期增长%",
        "增幅",
        "增长率",
    ),
    "rank": ("位次", "排名", "增速位次", "排位", "名次"),
    "level_rank": ("总量位次", "规模位次", "总量排名", "绝对值位次"),
    "note": ("备注", "说明"),
}
TARGET_HEADERS: dict[str, tuple[str, ...]] = {
    "region": LONG_HEADERS["region"],
    "region_code": LONG_HEADERS["region_code"],
    "indicator": LONG_HEADERS["indicator"],
    "year": ("年度", "年份", "年"),
    "kind": ("目标类型", "类型"),
    "value": ("目标值", "目标", "年度目标"),
    "unit": LONG_HEADERS["unit"],
    "note": LONG_HEADERS["note"],
}
PARENT_ALIASES = ("全州", "全市", "全省", "全县", "全区", "全盟", "合计", "总计", "全国")
# 全州合计, 全市总计, 州合计, 全省(合计): the same parent rows, written longer.
_PARENT_LONG = re.compile(
    r"^(全[州市省县区盟国]|[州市省县区盟])?[(]?(合计|总计)[)]?$|^全[州市省县区盟国]$"
)


def is_parent_alias(value: Any) -> bool:
    """Does a region cell mean the common parent of the other rows (全州, 合计, 全州合计)?"""
    text = normalize_text(value)
    return text in PARENT_ALIASES or bool(_PARENT_LONG.match(text))


FOOTER_PREFIXES = ("注", "数据来源", "资料来源", "说明：", "备注：", "填报", "制表")
# Signature lines under a table: 单位负责人：张三  统计负责人：李四  填表人：王五  报出日期：…
_SIGNATURE = re.compile(
    r"^(单位|统计|部门|科室)?(负责人|填表人|审核人|审核|制表人|联系人|联系电话|电话|报出日期|填报日期|"
    r"打印日期|日期)[:：]"
)


def _lookup(headers: dict[str, tuple[str, ...]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for key, names in headers.items():
        for name in names:
            table[normalize_text(name)] = key
    return table


_LONG = _lookup(LONG_HEADERS)
_TARGET = _lookup(TARGET_HEADERS)


def header_key(text: Any, *, targets: bool = False) -> str | None:
    """The canonical column a header names, or None."""
    table = _TARGET if targets else _LONG
    norm = normalize_text(text)
    if norm in table:
        return table[norm]
    name, _unit = split_unit(norm)  # 数值(亿元)
    return table.get(name)


def rank_basis(text: str) -> str:
    """What a rank column ranks by: ``level`` (总量位次), ``growth`` (增速位次) or ``default``."""
    # 位次(GDP总值): by the amount; 生产总值 is a name, not the amount's rank
    if any(w in text for w in ("总量", "规模", "绝对值")) or re.search("(?<!生产)总值", text):
        return "level"
    if any(w in text for w in ("增速", "增长", "增幅")):
        return "growth"
    return "default"


_FOOTERS = tuple(normalize_text(p) for p in FOOTER_PREFIXES)  # 说明： compares as 说明:


def is_footer(value: Any) -> bool:
    text = normalize_text(value)
    return bool(text) and (text.startswith(_FOOTERS) or bool(_SIGNATURE.match(text)))


def _map_columns(
    sheet: Sheet, header_row: int, *, targets: bool, findings: list[Finding]
) -> dict[str, int]:
    columns: dict[str, int] = {}
    for col, value in enumerate(sheet.rows[header_row]):
        if value is None:
            continue
        key = header_key(value, targets=targets)
        if key is None:
            findings.append(
                Finding(
                    "header",
                    "warning",
                    f"无法识别的列标题“{value}”，该列已忽略",
                    sheet.where(header_row, col, value),
                    hint="长表的列标题见 docs/IMPORT.md",
                )
            )
        elif key in columns:
            findings.append(
                Finding(
                    "header",
                    "error",
                    f"列标题重复：“{value}”与{column_letter(columns[key])}列含义相同",
                    sheet.where(header_row, col, value),
                    hint="每种含义只保留一列",
                )
            )
        else:
            columns[key] = col
    return columns


def _missing(
    sheet: Sheet, header_row: int, what: str, expected: tuple[str, ...], findings: list[Finding]
) -> None:
    findings.append(
        Finding(
            "header",
            "error",
            f"缺少“{what}”列",
            sheet.where(header_row),
            hint=f"需要列标题之一：{'、'.join(expected)}",
        )
    )


def read_long(sheet: Sheet, header_row: int, reading: Reading, *, period: str | None) -> None:
    """Read a long observations sheet whose header is at 0-based ``header_row``."""
    cols = _map_columns(sheet, header_row, targets=False, findings=reading.findings)
    if "region" not in cols and "region_code" not in cols:
        _missing(sheet, header_row, "地区", LONG_HEADERS["region"], reading.findings)
    if "indicator" not in cols:
        _missing(sheet, header_row, "指标", LONG_HEADERS["indicator"], reading.findings)
    if "period" not in cols and period is None:
        _missing(sheet, header_row, "时期", LONG_HEADERS["period"], reading.findings)
    if not {"level", "growth", "rank", "level_rank"} & cols.keys():
        expected = LONG_HEADERS["level"] + LONG_HEADERS["growth"] + LONG_HEADERS["rank"]
        _missing(sheet, header_row, "数值/增长%/位次", expected, reading.findings)
    if any(f.severity == "error" for f in reading.findings):
        return
    rcol = cols.get("region", cols.get("region_code"))
    assert rcol is not None
    for r, get in _data_rows(sheet, header_row, cols):
        reading.observations.append(
            RawObs(
                sheet=sheet,
                row=r,
                region=get("region") if "region" in cols else get("region_code"),
                region_col=rcol,
                region_code=get("region_code"),
                region_code_col=cols.get("region_code"),
                indicator=get("indicator"),
                indicator_col=cols["indicator"],
                # An explicit --period overrides the file's column, as documented.
                period=period if period is not None else get("period"),
                period_col=None if period is not None else cols.get("period"),
                unit=get("unit"),
                unit_col=cols.get("unit"),
                level=get("level"),
                level_col=cols.get("level"),
                growth=get("growth"),
                growth_col=cols.get("growth"),
                rank=get("rank"),
                rank_col=cols.get("rank"),
                rank_basis=rank_basis(normalize_text(sheet.cell(header_row, cols["rank"])))
                if "rank" in cols
                else "default",
                note=get("note"),
                # 全州/合计 rows in a long sheet mean the common parent, as in a wide one.
                parent_alias=is_parent_alias(get("region")) and not get("region_code"),
            )
        )
        obs = reading.observations[-1]
        if obs.rank_basis == "level":  # 总量排名(位): the amount's rank
            obs.rank, obs.rank_col, obs.rank_basis = None, None, "default"
            obs.set_rank(get("rank"), cols["rank"], "level")
        if "level_rank" in cols:
            obs.set_rank(get("level_rank"), cols["level_rank"], "level")


def _data_rows(
    sheet: Sheet, header_row: int, cols: dict[str, int]
) -> Iterator[tuple[int, Callable[[str], Any]]]:
    """Each data row below the header, up to the notes, with a getter by column key."""
    for r in range(header_row + 1, len(sheet.rows)):
        if not any(v is not None for v in sheet.rows[r]):
            continue
        if is_footer(sheet.cell(r, 0)):
            break

        def get(key: str, row_index: int = r) -> Any:
            c = cols.get(key)
            return None if c is None else sheet.cell(row_index, c)

        yield r, get


def read_targets(sheet: Sheet, header_row: int, reading: Reading) -> None:
    """Read a long targets sheet: 地区, 指标, 年度, 目标类型, 目标值, 单位."""
    cols = _map_columns(sheet, header_row, targets=True, findings=reading.findings)
    needed = {
        "indicator": "指标",
        "year": "年度",
        "kind": "目标类型",
        "value": "目标值",
    }
    if "region" not in cols and "region_code" not in cols:
        _missing(sheet, header_row, "地区", TARGET_HEADERS["region"], reading.findings)
    for key, label in needed.items():
        if key not in cols:
            _missing(sheet, header_row, label, TARGET_HEADERS[key], reading.findings)
    if any(f.severity == "error" for f in reading.findings):
        return
    rcol = cols.get("region", cols.get("region_code"))
    assert rcol is not None
    for r, get in _data_rows(sheet, header_row, cols):
        reading.targets.append(
            RawTarget(
                sheet=sheet,
                row=r,
                region=get("region") if "region" in cols else get("region_code"),
                region_col=rcol,
                region_code=get("region_code"),
                region_code_col=cols.get("region_code"),
                indicator=get("indicator"),
                indicator_col=cols["indicator"],
                year=get("year"),
                year_col=cols["year"],
                kind=get("kind"),
                kind_col=cols["kind"],
                value=get("value"),
                value_col=cols["value"],
                unit=get("unit"),
                unit_col=cols.get("unit"),
                note=get("note"),
            )
        )
