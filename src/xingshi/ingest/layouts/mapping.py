"""Mappings: a small TOML file that says how to read a table the readers do not recognise.

    header_row = 3            # the row of column headers (1-based); data start below it
    region = "A"              # regions down: the column of region names …
    # indicator = "A"         # … or indicators down: the column of indicator names,
    # region_name = "上海市"  #     with the one region of the report
    period = "2022年9月"      # the file's period (default: the title, sheet or file name)

    [[columns]]
    column = "B"
    indicator = "社会消费品零售总额"   # regions down: each column's indicator
    measure = "level"                 # level | growth | index (上年=100) | rank
    period = "本月"                   # 本月, 累计, 上年同期, or a period (2022年1-9月)
    unit = "亿元"

A mapping saved with ``--save-mapping NAME`` goes to the workspace's ``mappings/NAME.toml``
with the header cells it was made for; the next file whose header row holds the same cells is
read with it without being asked.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from xingshi.errors import LayoutError, Location
from xingshi.ingest.layouts.headers import column_period
from xingshi.ingest.layouts.long import is_footer, is_parent_alias
from xingshi.ingest.records import RawObs, Reading
from xingshi.ingest.sources import Sheet, column_index, read_sheets
from xingshi.ingest.values import normalize_text

MAPPINGS_DIR = "mappings"
_MEASURES = {"level", "growth", "index", "rank"}


def _col(letters: Any, where: str) -> int:
    text = str(letters or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{1,3}", text):
        raise LayoutError(
            f"映射文件中的列“{letters}”不是列字母",
            where=Location(file=where, value=letters),
            hint='列写作字母，如 column = "B"',
        )
    return column_index(text)  # type: ignore[return-value]  # letters checked above


def load_mapping(path: Path | str) -> dict[str, Any]:
    """A mapping file, checked: LayoutError naming the key that is wrong."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LayoutError(
            f"映射文件无法读取：{exc}",
            where=Location(file=path.name),
            hint="映射文件是 UTF-8 的 TOML，格式见 docs/IMPORT.md“映射文件”",
        ) from None
    where = path.name
    if not isinstance(data.get("header_row"), int) or data["header_row"] < 1:
        raise LayoutError(
            "映射文件缺少 header_row（表头所在行，从 1 数起）",
            where=Location(file=where),
            hint="如 header_row = 3",
        )
    if ("region" in data) == ("indicator" in data):
        raise LayoutError(
            "映射文件须写 region（地区所在列）或 indicator（指标所在列）之一",
            where=Location(file=where),
            hint='地区纵排写 region = "A"；指标纵排写 indicator = "A" 和 region_name',
        )
    columns = data.get("columns")
    if not isinstance(columns, list) or not columns:
        raise LayoutError(
            "映射文件没有 [[columns]]",
            where=Location(file=where),
            hint="每个数据列写一段 [[columns]]：column、measure、period，地区纵排时还有 indicator",
        )
    for i, col in enumerate(columns, 1):
        _col(col.get("column"), where)
        if col.get("measure", "level") not in _MEASURES:
            raise LayoutError(
                f"第 {i} 个 [[columns]] 的 measure“{col.get('measure')}”无法识别",
                where=Location(file=where, value=col.get("measure")),
                hint=(
                    "measure 填 level（总量）、growth（增速）、index（指数，上年=100）"
                    "或 rank（位次）"
                ),
            )
        if "region" in data and not col.get("indicator"):
            raise LayoutError(
                f"第 {i} 个 [[columns]] 没有 indicator",
                where=Location(file=where),
                hint='地区纵排的表，每列写明指标，如 indicator = "地区生产总值"',
            )
    return data


def read_mapped(
    sheet: Sheet, mapping: dict[str, Any], reading: Reading, *, period: str | None
) -> None:
    """Raw records of ``sheet`` as the mapping says (no detection at all)."""
    h = mapping["header_row"] - 1
    file_period = mapping.get("period") or period
    regions_down = "region" in mapping
    key_col = _col(mapping["region"] if regions_down else mapping["indicator"], sheet.file)
    for r in range(h + 1, len(sheet.rows)):
        key = sheet.cell(r, key_col)
        if is_footer(key):
            break
        if not normalize_text(key):
            continue
        by_key: dict[tuple[Any, Any], RawObs] = {}
        for spec in mapping["columns"]:
            c = _col(spec["column"], sheet.file)
            value = sheet.cell(r, c)
            if value is None:
                continue
            measure = spec.get("measure", "level")
            col_period = spec.get("period") or file_period
            if col_period in ("本月", "当月", "累计", "上年同期", "上年同月", "1-本月"):
                col_period = column_period(col_period, file_period, measure)
                if spec.get("period") in ("累计", "1-本月"):
                    from xingshi.ingest.layouts.headers import _cumulative

                    col_period = _cumulative(file_period)
            name = spec.get("indicator") if regions_down else key
            obs = by_key.get((name, col_period))
            if obs is None:
                region = key if regions_down else mapping.get("region_name")
                obs = RawObs(
                    sheet=sheet,
                    row=r,
                    region=normalize_text(region) if regions_down else region,
                    region_col=key_col,
                    indicator=name,
                    indicator_col=c if regions_down else key_col,
                    indicator_row=h if regions_down else None,
                    period=col_period,
                    parent_alias=is_parent_alias(region) if regions_down else False,
                    optional_indicator=not regions_down,
                    region_from_title=not regions_down,
                )
                by_key[(name, col_period)] = obs
            if measure == "level":
                obs.level, obs.level_col = value, c
                obs.unit, obs.unit_col = spec.get("unit"), c
                if spec.get("unit_column"):
                    obs.unit_col = _col(spec["unit_column"], sheet.file)
                    obs.unit = sheet.cell(r, obs.unit_col)
            elif measure in ("growth", "index"):
                obs.growth, obs.growth_col = value, c
                obs.growth_is_index = measure == "index"  # 107.6 (上年=100) is 7.6%
            else:
                obs.set_rank(value, c, spec.get("basis", "default"))
        reading.observations.extend(by_key.values())


def header_cells(path: Path | str, mapping: dict[str, Any]) -> list[str]:
    """The normalised header cells of the file's first sheet at the mapping's header row."""
    sheets = [s for s in read_sheets(Path(path)) if not s.hidden] or read_sheets(Path(path))
    row = sheets[0].cell_row(mapping["header_row"] - 1) if sheets else []
    return [normalize_text(v) for v in row]


def save_mapping(
    workspace: Path | str, name: str, mapping_file: Path | str, data_file: Path | str
) -> Path:
    """Keep a mapping in the workspace under ``name``, with the header cells it fits."""
    mapping = load_mapping(mapping_file)
    target = Path(workspace) / MAPPINGS_DIR / f"{name}.toml"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = Path(mapping_file).read_text(encoding="utf-8").rstrip()
    cells = json.dumps(header_cells(data_file, mapping), ensure_ascii=False)
    match = f"\n\n# 表头与此相同的文件自动按本映射读取\n[match]\nheader = {cells}\n"
    tmp = target.with_suffix(".toml.tmp")
    tmp.write_text(text + match, encoding="utf-8")
    tmp.replace(target)  # a reader never sees half a file
    return target


def find_mapping(workspace: Path | str, data_file: Path | str) -> tuple[str, dict] | None:
    """The saved mapping whose header cells are the file's, as (name, mapping)."""
    folder = Path(workspace) / MAPPINGS_DIR
    if not folder.is_dir():
        return None
    for path in sorted(folder.glob("*.toml")):
        try:
            mapping = load_mapping(path)
            wanted = mapping.get("match", {}).get("header")
            if wanted and header_cells(data_file, mapping) == wanted:
                return path.stem, mapping
        except Exception:  # a broken saved mapping or an unreadable file: no match
            continue
    return None
