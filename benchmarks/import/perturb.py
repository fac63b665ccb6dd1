"""How far the reader generalises: the published corpus with the words a new publisher may change.

    .venv/bin/python benchmarks/import/perturb.py                 # every perturbation
    .venv/bin/python benchmarks/import/perturb.py --only corner

Each table of ``tests/ingest/data/published`` that imports right as published (checked first, in
the same run) is changed in one way a table from another bureau differs, and imported again with
the same options:

- ``corner``: the header's corner cell (地区, 指标, 项目 …) says ``类别``, a word no reader knows;
- ``cover``: three cover lines (the bureau's name, a 目录 line, a blank) above the first row;
- ``name``: the file is called ``表1.xlsx``, so its name says nothing;
- ``spaces``: every region and indicator name is written with a space between its characters
  (``吉 首 市``), as yearbooks align them;
- ``csv``: the first sheet saved as a GBK ``.csv`` (merges gone, as Excel and WPS save it);
- ``unmerge``: merged cells undone, the value repeated in every cell of the range;
- ``wan``: a column headed in 亿元 written in 万元, its figures 10 000 times larger;
- ``text``: every figure as text with grouped thousands (``1,234.5``), as copied from a page;
- ``spacer``: an empty column right of the name column;
- ``marks``: footnote marks after every third name (``吉首市①``, ``地区生产总值*``);
- ``notes``: a 说明 sheet of notes before the table's sheet;
- ``roles``: the role words of the header (增长(%), 绝对值, 位次) written as another bureau's
  (增幅(%), 绝对额, 排位);
- ``traditional``: every text cell in traditional characters (地區生產總值, 億元), as mirrors in
  Hong Kong and Taiwan republish a table.

Prints, per perturbation, how many of the tables still import with every transcribed cell right,
and the tables that did not (with the first wrong cell or the error). A table that stores a value
wrong (imported without error, a transcribed cell with another value) is counted apart: that
must stay 0. A table imported with cells missing counts as not right, not as stored wrong.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "ingest"))
sys.path.insert(0, str(ROOT / "tests" / "ingest" / "data" / "published"))

import test_published  # noqa: E402
from corpus import TABLES  # noqa: E402

from xingshi.errors import LayoutError  # noqa: E402
from xingshi.ingest.layouts import detect_layout  # noqa: E402
from xingshi.ingest.sources import read_sheets  # noqa: E402

DATA = test_published.DATA


def _anchor(ws, row: int, col: int):
    cell = ws.cell(row, col)
    if isinstance(cell, MergedCell):
        for rng in ws.merged_cells.ranges:
            if cell.coordinate in rng:
                return ws.cell(rng.min_row, rng.min_col)
    return cell


def _table(src: Path):
    """(sheet as read, header row, name column, workbook, its first sheet) of a wide or
    indicators-down table; None for another layout or a list with no header (112: nothing
    to perturb there)."""
    sheet = next(s for s in read_sheets(src) if not s.hidden)
    try:
        layout, h, col = detect_layout(sheet)
    except LayoutError:
        return None
    if layout not in ("wide", "rows"):
        return None
    wb = load_workbook(src)
    return sheet, h, col, wb, wb.worksheets[0]


def _corner(src: Path, dst: Path) -> bool:
    table = _table(src)
    if table is None:
        return False
    _sheet, h, col, wb, ws = table
    _anchor(ws, h + 1, col + 1).value = "类别"
    wb.save(dst)
    return True


def _cover(src: Path, dst: Path) -> bool:
    wb = load_workbook(src)
    ws = wb.worksheets[0]
    ws.insert_rows(1, 3)
    # insert_rows leaves merged ranges where they were: move them down with the cells.
    ranges = list(ws.merged_cells.ranges)
    for rng in ranges:
        ws.merged_cells.remove(rng)
        rng.shift(0, 3)
        ws.merged_cells.add(rng)
    ws.cell(1, 1).value = "统计局"
    ws.cell(2, 1).value = "目 录"
    wb.save(dst)
    return True


def _spaces(src: Path, dst: Path) -> bool:
    table = _table(src)
    if table is None:
        return False
    _sheet, h, col, wb, ws = table
    changed = False
    for r in range(h + 2, ws.max_row + 1):
        cell = ws.cell(r, col + 1)
        text = cell.value
        if isinstance(cell, MergedCell) or not isinstance(text, str):
            continue
        stripped = text.strip()
        if 2 <= len(stripped) <= 4 and stripped.isalpha() and " " not in stripped:
            lead = text[: len(text) - len(text.lstrip())]
            cell.value = lead + " ".join(stripped)
            changed = True
    wb.save(dst)
    return changed


def _csv(src: Path, dst: Path) -> bool:
    """The first sheet saved as a GBK .csv, as WPS and Excel save it: merges gone (a merged
    header's text stays in its first cell), numbers as Excel shows them."""
    import csv

    wb = load_workbook(src, data_only=True)
    ws = wb.worksheets[0]
    with dst.open("w", encoding="gb18030", newline="") as out:
        writer = csv.writer(out)
        for row in ws.iter_rows(values_only=True):
            writer.writerow(["" if v is None else v for v in row])
    return True


# Role words a bureau may use for the same thing; each is written as the rarest form below.
_ROLE_SYNONYMS = (
    (
        {"增长", "增长%", "增长(%)", "增速", "增速(%)", "增速%", "同比增长", "同比增长(%)"}
        | {"同比增长%", "增幅", "增幅%", "±%", "同比±%", "增长率", "增长率(%)"},
        "增幅(%)",
    ),
    ({"绝对值", "绝对数", "总量", "绝对量", "数值", "完成值"}, "绝对额"),
    ({"位次", "排名", "名次", "排序"}, "排位"),
)


def _roles(src: Path, dst: Path) -> bool:
    """Role words in the header rows (增长(%), 绝对值, 位次) written as another bureau's
    (增幅(%), 绝对额, 排位)."""
    table = _table(src)
    if table is None:
        return False
    _sheet, h, _col, wb, ws = table
    changed = False
    for r in range(h + 1, min(h + 5, ws.max_row + 1)):
        for cell in ws[r]:
            if isinstance(cell, MergedCell) or not isinstance(cell.value, str):
                continue
            text = "".join(cell.value.split()).replace("（", "(").replace("）", ")")
            for words, other in _ROLE_SYNONYMS:
                if text in words and text != other:
                    cell.value, changed = other, True
    wb.save(dst)
    return changed


def _unmerge(src: Path, dst: Path) -> bool:
    """Merged cells undone with the value written into every cell of the range, as some
    exports and copies from web pages leave a table."""
    wb = load_workbook(src)
    ws = wb.worksheets[0]
    ranges = list(ws.merged_cells.ranges)
    for rng in ranges:
        value = ws.cell(rng.min_row, rng.min_col).value
        ws.unmerge_cells(str(rng))
        for row in ws.iter_rows(
            min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col, max_col=rng.max_col
        ):
            for cell in row:
                cell.value = value
    wb.save(dst)
    return bool(ranges)


def _header_block(sheet, h: int) -> range:
    """1-based rows from the header down to the row before the first number (a year apart)."""
    end = h + 1
    while end < len(sheet.rows) and not any(
        isinstance(v, (int, float)) and not 1900 <= v <= 2100 for v in sheet.rows[end]
    ):
        end += 1
    return range(h + 1, end + 1)


def _wan(src: Path, dst: Path) -> bool:
    """Amounts in 万元 where the table says 亿元 in a column's header (a county's habit): the
    header says 万元 and every figure below it is 10 000 times larger."""
    table = _table(src)
    if table is None:
        return False
    sheet, h, _col, wb, ws = table
    changed = False
    block = _header_block(sheet, h)
    for r in block:  # header rows only, not a row's name
        for cell in ws[r]:
            if isinstance(cell, MergedCell) or not isinstance(cell.value, str):
                continue
            if "亿元" not in cell.value or "万亿元" in cell.value:
                continue
            if any(
                cell.coordinate in rng and rng.max_col > rng.min_col
                for rng in ws.merged_cells.ranges
            ):
                continue  # 生产总值(亿元) merged over its parts: several columns' unit
            cell.value = cell.value.replace("亿元", "万元")
            for below in range(r + 1, ws.max_row + 1):
                figure = ws.cell(below, cell.column)
                value = figure.value
                if isinstance(value, str) and re.fullmatch(r"-?[\d,]+(\.\d+)?", value.strip()):
                    value = float(value.strip().replace(",", ""))  # 24,899.3 as text
                elif isinstance(value, str) and value.strip() and below > r + 1:
                    if below in block:
                        continue  # a header row further down (GDP (100 million yuan))
                    break  # the next table's header: its columns are its own
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    figure.value = round(value * 10000, 6)
            changed = True
    wb.save(dst)
    return changed


def _text(src: Path, dst: Path) -> bool:
    """Every figure below the header as text, thousands grouped (``1,234.5``), as a table
    copied from a web page into WPS or Excel keeps them."""
    table = _table(src)
    if table is None:
        return False
    _sheet, h, _col, wb, ws = table
    changed = False
    for row in ws.iter_rows(min_row=h + 2):
        for cell in row:
            v = cell.value
            if isinstance(cell, MergedCell) or isinstance(v, bool):
                continue
            if isinstance(v, (int, float)) and not (isinstance(v, int) and 1900 <= v <= 2100):
                cell.value = f"{v:,}" if isinstance(v, int) else f"{v:,.10g}"
                changed = True
    wb.save(dst)
    return changed


def _spacer(src: Path, dst: Path) -> bool:
    """An empty column right of the name column, as a copied web table's layout cell."""
    table = _table(src)
    if table is None:
        return False
    _sheet, _h, col, wb, ws = table
    ranges = list(ws.merged_cells.ranges)
    for rng in ranges:
        ws.merged_cells.remove(rng)
    ws.insert_cols(col + 2)
    for rng in ranges:
        if rng.min_col > col + 1:
            rng.shift(1, 0)
        elif rng.max_col > col + 1:
            rng.expand(right=1)
        ws.merged_cells.add(rng)
    wb.save(dst)
    return True


def _marks(src: Path, dst: Path) -> bool:
    """Footnote marks after names (``吉首市①``, ``地区生产总值*``), as yearbooks print them."""
    table = _table(src)
    if table is None:
        return False
    _sheet, h, col, wb, ws = table
    changed = False
    for n, r in enumerate(range(h + 2, ws.max_row + 1)):
        cell = ws.cell(r, col + 1)
        if isinstance(cell, MergedCell) or not isinstance(cell.value, str):
            continue
        if n % 3 == 0 and cell.value.strip() and not cell.value.strip().startswith("注"):
            cell.value = cell.value.rstrip() + ("①" if n % 2 else "*")
            changed = True
    wb.save(dst)
    return changed


def _notes_sheet(src: Path, dst: Path) -> bool:
    """A 说明 sheet before the table (the bureau's notes and 目录), as workbooks often start."""
    wb = load_workbook(src)
    notes = wb.create_sheet("说明", 0)
    for line in (
        "主要统计指标解释",
        "1. 本资料中部分数据为初步统计数。",
        "2. 增速按可比价格计算。",
    ):
        notes.append([line])
    wb.save(dst)
    return True


def _traditional(src: Path, dst: Path) -> bool:
    """Every text cell in traditional characters (地區生產總值, 億元), as a mirror in Hong Kong
    or Taiwan republishes a bureau's table."""
    import opencc

    to_traditional = opencc.OpenCC("s2t").convert
    wb = load_workbook(src)
    changed = False
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell, MergedCell) or not isinstance(cell.value, str):
                    continue
                new = to_traditional(cell.value)
                if new != cell.value:
                    cell.value, changed = new, True
    wb.save(dst)
    return changed


PERTURB = {
    "corner": _corner,
    "cover": _cover,
    "name": None,
    "spaces": _spaces,
    "csv": _csv,
    "unmerge": _unmerge,
    "wan": _wan,
    "text": _text,
    "spacer": _spacer,
    "marks": _marks,
    "notes": _notes_sheet,
    "roles": _roles,
    "traditional": _traditional,
}


_RIGHT: set[str] | None = None


def _right(tmp: Path) -> set[str]:
    """The corpus tables that import with every cell right as published (once per run)."""
    global _RIGHT
    if _RIGHT is None:
        _RIGHT = set()
        for spec in TABLES:
            if spec.get("refused"):
                continue
            wrong, _ = test_published.import_table(spec, tmp / "as-published" / spec["file"][:2])
            if not wrong:
                _RIGHT.add(spec["file"])
    return _RIGHT


def run(kind: str) -> tuple[int, int, int, list[str]]:
    tables = [t for t in TABLES if not t.get("refused")]
    ok = stored_wrong = tried = 0
    failed: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for spec in tables:
            src = DATA / spec["file"]
            if spec["file"] not in _right(tmp):
                continue  # only what the reader gets right as published is perturbed
            name = "表1.xlsx" if kind == "name" else spec["file"]
            if kind == "csv":
                name = name.rsplit(".", 1)[0] + ".csv"
            dst = tmp / "files" / spec["file"].split("-")[0] / name
            dst.parent.mkdir(parents=True, exist_ok=True)
            if kind == "name":
                shutil.copy(src, dst)
            elif not PERTURB[kind](src, dst):
                continue
            tried += 1
            test_published.DATA = dst.parent
            try:
                wrong, exc = test_published.import_table(
                    {**spec, "file": name}, tmp / "ws" / spec["file"].split("-")[0]
                )
            finally:
                test_published.DATA = DATA
            if not wrong:
                ok += 1
                continue
            if exc is None and any("应为" in w and not w.endswith("实为 None") for w in wrong):
                stored_wrong += 1  # imported, a cell with another value (not only missing)
            failed.append(f"  {spec['file'][:36]:38} {wrong[0][:120]}")
    return ok, tried, stored_wrong, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(PERTURB))
    parser.add_argument("--quiet", action="store_true", help="only the counts")
    args = parser.parse_args()
    for kind in [args.only] if args.only else list(PERTURB):
        ok, tried, stored_wrong, failed = run(kind)
        print(f"{kind:8} {ok}/{tried} 张表每格都对；导入后有数存错的 {stored_wrong} 张")
        if failed and not args.quiet:
            print("\n".join(failed))


if __name__ == "__main__":
    main()
