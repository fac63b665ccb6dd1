"""``xingshi import --explain``: how a file was read, in words, without writing anything.

For each table: its sheet and header row, the layout detected, what every column was read as
(regions, indicator names, units, or an indicator's level / growth / rank for a period), and
every row or column skipped with the reason (the readers' findings, and with the catalogues
the names that did not resolve).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from xingshi.errors import LayoutError
from xingshi.ingest.layouts import detect_layout, read_file
from xingshi.ingest.records import Reading
from xingshi.ingest.sources import column_index, column_letter, read_sheets
from xingshi.ingest.values import normalize_text

LAYOUTS = {
    "long": "长表（每行一个地区×指标×时期）",
    "targets": "目标表",
    "wide": "宽表（地区纵排，指标横排）",
    "years": "年份纵列表（一个地区，年份纵排，指标横排）",
    "rows": "指标纵排表（指标纵排，时期或地区横排）",
    "nbs": "国家数据导出",
    "mapping": "按映射文件读取",
    "list": "无表头的编号名单（名次、名称 | 数值 | 增速）",
}
_ROLES = {"level": "总量", "growth": "增速", "rank": "位次", "level_rank": "位次（按总量）"}
_BASIS = {"level": "（按总量）", "growth": "（按增速）"}
_NAMES = ("地区", "指标名", "单位", "时期")


def _listed(values: set[str], limit: int = 3) -> str:
    items = sorted(v for v in values if v)
    if len(items) > limit:
        return "、".join(items[:limit]) + f" 等 {len(items)} 项"
    return "、".join(items)


def _title_indicator(o: Any, catalogs: Any) -> str | None:
    """The catalogue indicator a column naming none takes from the title (标题中的…)."""
    if o.indicator_texts is None or catalogs is None:
        return None
    from xingshi.errors import Location
    from xingshi.ingest.checks.indicator import indicator_in_texts

    where = Location(file=o.sheet.file, sheet=o.sheet.name)
    found, _finding = indicator_in_texts(catalogs.indicators, o.indicator_texts, where)
    return f"标题所指的“{found.name}”" if found is not None else "标题中没有目录中的指标"


def _columns(reading: Reading, catalogs: Any = None) -> dict[int, dict[str, set[str]]]:
    """Column → role → the values seen there (names, or periods for figures)."""
    roles: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    titled: dict[int, str | None] = {}  # one look-up per sheet's title texts
    for o in reading.observations:
        if not o.region_from_title:
            roles[o.region_col]["地区"].add(normalize_text(o.region))
        if o.period_col is not None and (o.period_col != o.region_col or o.region_from_title):
            roles[o.period_col]["时期"].add(str(o.period))
        if o.indicator_col is not None and o.indicator_row is None:
            roles[o.indicator_col]["指标名"].add(normalize_text(o.indicator))
        if o.unit_col not in (None, o.indicator_col) and o.unit is not None:
            roles[o.unit_col]["单位"].add(normalize_text(o.unit))
        figures = (("level", o.level_col), ("growth", o.growth_col), ("rank", o.rank_col))
        figures += (("level_rank", o.level_rank_col),)
        for kind, col in figures:
            if col is None:
                continue
            what = _ROLES[kind] + (_BASIS.get(o.rank_basis, "") if kind == "rank" else "")
            if kind == "growth" and o.growth_is_index:
                what = "增速（由指数 上年=100 换算）"
            name = normalize_text(o.indicator) if o.indicator_row is not None else "各行指标"
            if o.indicator_texts is not None:
                key = id(o.indicator_texts)
                if key not in titled:
                    titled[key] = _title_indicator(o, catalogs)
                name = titled[key] or name
            roles[col][f"{name}·{what}"].add(str(o.period))
            if kind == "level" and o.unit:
                roles[col][f"{name}·{what}·单位"].add(normalize_text(o.unit))
    for t in reading.targets:
        if t.region_from_title:  # a 全年目标 column beside the figures
            what = "增速目标" if t.kind == "增长" else "总量目标"
            roles[t.value_col][f"各行指标·{what}"].add(f"{t.year}年")
    return roles


def _column_line(col: int, roles: dict[str, set[str]]) -> str:
    parts: list[str] = []
    for role, values in roles.items():
        if role.endswith("·单位"):
            parts[-1] += f"，单位 {_listed(values)}"
        elif role in _NAMES:
            parts.append(f"{role}：{_listed(values)}")
        else:
            parts.append(f"{role}（{_listed(values)}）")
    return f"  {column_letter(col)} 列 — " + "；".join(parts)


_LEFT_OUT = {
    "unknown_indicator": "指标不在目录中",
    "unit_clash": "单位不能换算",
    "sub_item": "是上一级指标的分项",
}


def _left_out(reading: Reading, later: list[Any]) -> dict[int, str]:
    """Column → why its figures are not imported, from the checks run after reading."""
    out: dict[int, str] = {}
    # In a column of indicator names a finding is about its row, said as 跳过 on its own.
    name_cols = {o.indicator_col for o in reading.observations if o.indicator_row is None}
    for f in later:
        col = f.where.column
        if f.rule not in _LEFT_OUT or f.where.sheet != reading.sheet or not col:
            continue
        index = column_index(col)
        if index is not None and index not in name_cols:
            out.setdefault(index, _LEFT_OUT[f.rule])
    return out


def _unread_lines(reading: Reading, roles: dict[int, Any]) -> dict[int, str]:
    """Header columns left of the last figure that no reading used (Region), and why."""
    if not roles or reading.header_row is None or not reading.observations:
        return {}
    rows = reading.observations[0].sheet.rows
    said = {column_index(f.where.column or "") for f in reading.findings}
    out: dict[int, str] = {}
    for col in range(max(roles)):
        if col in roles or col in said:
            continue
        text = next(
            (
                str(row[col]).strip()
                for row in rows[reading.header_row : reading.header_row + 4]
                if col < len(row) and row[col] is not None and str(row[col]).strip()
            ),
            "",
        )
        if text:
            why = "英文名称栏" if text.isascii() else "不是地区、指标或数值列"
            out[col] = f"  {column_letter(col)} 列 — 未读取：“{text}”{why}"
    return out


def _header_columns(
    reading: Reading, roles: dict[int, Any], taken: dict[int, str]
) -> dict[int, tuple[str, Any]]:
    """A header column the reader left out (美元, 比重) said in its place among the columns."""
    out: dict[int, tuple[str, Any]] = {}
    for f in reading.findings:
        col = column_index(f.where.column or "")
        if f.rule != "header" or col is None or col in roles or col in taken or col in out:
            continue
        text = " ".join(f.message.split()).removesuffix("，该列未导入")
        out[col] = (f"  {column_letter(col)} 列 — 未导入：{text}", f)
    return out


def _region_line(reading: Reading, catalogs: Any, region_scope: str | None) -> str | None:
    text = next((o.region for o in reading.observations if o.region_from_title), None)
    if text is None:
        return None
    if region_scope is not None:
        return f"  地区：--region-scope {region_scope}"
    found = None
    if catalogs is not None:
        from xingshi.ingest.checks.region import region_in_text

        code = region_in_text(catalogs.regions, text, None)
        found = catalogs.regions.get(code).name if code else None
    where = f"——{found}" if found else "——未找到，请用 --region-scope 指定"
    return "  地区：一张表只有一个地区，取自标题、工作表名或文件名" + where


def explain_file(
    path: Path | str,
    catalogs: Any = None,
    *,
    period: str | None = None,
    indicator: str | None = None,
    region_scope: str | None = None,
    mapping: dict | None = None,
) -> str:
    """A Chinese account of what the readers detected in ``path``; nothing is written."""
    from xingshi.ingest.normalize import normalize

    path = Path(path)
    try:
        readings = read_file(path, period=period, indicator=indicator, mapping=mapping)
    except LayoutError as exc:
        if getattr(exc, "rule", None) != "period":
            raise
        return _without_period(path, exc)
    later: list[Any] = []
    if catalogs is not None:
        scope = catalogs.regions.resolve(region_scope).code if region_scope else None
        own = {id(f) for r in readings for f in r.findings}
        found = normalize(readings, catalogs.regions, catalogs.indicators, scope=scope).findings
        later = [f for f in found if id(f) not in own]
    lines = [f"文件：{path.name}"]
    for n, reading in enumerate(readings, 1):
        head = "?" if reading.header_row is None else str(reading.header_row + 1)
        sheet = f"工作表“{reading.sheet}”" if reading.sheet else "CSV"
        kind = reading.layout
        if (
            kind == "wide"
            and reading.observations
            and all(o.region_from_title for o in reading.observations)
        ):
            kind = "years"  # 年 份 down the side: the years are the rows, one region
        layout = LAYOUTS.get(kind, kind)
        lines.append(f"表 {n}：{sheet}，表头在第 {head} 行，格式：{layout}")
        region = _region_line(reading, catalogs, region_scope)
        if region:
            lines.append(region)
        roles = _columns(reading, catalogs)
        left_out = _left_out(reading, later)
        by_col = _unread_lines(reading, roles)
        for col in roles:
            line = _column_line(col, roles[col])
            by_col[col] = line + (f"——未导入：{left_out[col]}" if col in left_out else "")
        inline = _header_columns(reading, roles, by_col)
        by_col.update({col: line for col, (line, _f) in inline.items()})
        lines.extend(by_col[col] for col in sorted(by_col))
        if not roles:
            lines.append("  没有读到数据列")
        shown = {id(f) for _line, f in inline.values()}
        lines.extend(f"  跳过：{f.describe()}" for f in reading.findings if id(f) not in shown)
    for f in later:
        label = "错误" if f.severity == "error" else "跳过"
        lines.append(f"{label}：{f.describe()}")
    lines.append("（--explain 只说明读取方式，不写入数据库；导入时另有总量、增速、位次等审核）")
    return "\n".join(lines)


def _without_period(path: Path, exc: LayoutError) -> str:
    """A table whose period is nowhere: its layout, and the option that reads its columns."""
    lines = [f"文件：{path.name}"]
    sheet = next((s for s in read_sheets(path) if s.name == exc.where.sheet), None)
    if sheet is not None:
        layout, h, _col = detect_layout(sheet)
        name = f"工作表“{sheet.name}”" if sheet.name else "CSV"
        lines.append(f"表 1：{name}，表头在第 {h + 1} 行，格式：{LAYOUTS.get(layout, layout)}")
    lines.append(f"未读取：{exc.describe()}")
    lines.append("加 --period 指定时期后再用 --explain，可看到每一列的读法")
    lines.append("（--explain 只说明读取方式，不写入数据库）")
    return "\n".join(lines)
