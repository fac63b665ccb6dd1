"""Open a file as sheets of cells: xlsx/xlsm through openpyxl, CSV in UTF-8 or GBK/GB18030.

Everything downstream sees the same thing: a list of :class:`Sheet`, each a grid of raw cell
values (str, int, float, datetime or None) with 1-based row numbers and column letters for
messages. Files that are not spreadsheets, broken encodings and empty files are refused here.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xingshi.errors import FileFormatError, Location

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls / .doc
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}


@dataclass
class Sheet:
    """One sheet (or the single table of a CSV file) as a grid of raw cell values."""

    file: str
    name: str | None
    rows: list[list[Any]]
    hidden: bool = False  # a hidden sheet: old months, lookups; not what the reader sees

    def cell_row(self, row: int) -> list[Any]:
        """The cells of one row ([] outside the grid)."""
        return self.rows[row] if 0 <= row < len(self.rows) else []

    def cell(self, row: int, col: int) -> Any:
        """Value at 0-based row/col indexes, None when outside the grid."""
        if row < 0 or row >= len(self.rows):
            return None
        cells = self.rows[row]
        return cells[col] if 0 <= col < len(cells) else None

    def where(self, row: int | None = None, col: int | None = None, value: Any = None) -> Location:
        """A Location for 0-based row/col indexes (shown 1-based with the column letter)."""
        return Location(
            file=self.file,
            sheet=self.name,
            row=None if row is None else row + 1,
            column=None if col is None else column_letter(col),
            value=value,
        )


def column_letter(col: int) -> str:
    """0-based column index → spreadsheet letters (0 → A, 26 → AA)."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    """0-based row/col → a cell reference like ``C7``."""
    return f"{column_letter(col)}{row + 1}"


def _fail(path: Path, message: str, hint: str, rule: str, **where: Any) -> FileFormatError:
    exc = FileFormatError(message, where=Location(file=path.name, **where), hint=hint)
    exc.rule = rule  # type: ignore[attr-defined]
    return exc


def read_sheets(path: Path | str) -> list[Sheet]:
    """Read every sheet of a spreadsheet or CSV file; refuse anything else with a clear error."""
    path = Path(path)
    if not path.is_file():
        raise _fail(path, "文件不存在或不是普通文件", "请检查文件路径", "file_missing")
    data = path.read_bytes()
    if not data.strip():
        raise _fail(path, "文件为空", "请确认导出的文件包含数据后再导入", "empty_file")
    suffix = path.suffix.lower()
    if data.startswith(_ZIP_MAGIC):
        sheets = _read_xlsx(path, data)
    elif data.startswith(_OLE_MAGIC):
        sheets = _read_xls(path, data)
    elif suffix in _EXCEL_SUFFIXES:
        raise _fail(
            path,
            "文件扩展名是 Excel，但内容不是 Excel 工作簿",
            "请用 Excel/WPS 打开确认，另存为 .xlsx 后再导入",
            "not_spreadsheet",
        )
    else:
        sheets = [_read_csv(path, data)]
    non_empty = [s for s in sheets if any(_filled(v) for row in s.rows for v in row)]
    if not non_empty:
        raise _fail(
            path,
            "工作表为空：没有任何数据",
            "请确认数据所在的工作表已保存，且不是只有格式没有内容",
            "empty_sheet",
            sheet=sheets[0].name if sheets else None,
        )
    return non_empty


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _read_xlsx(path: Path, data: bytes) -> list[Sheet]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        raise _fail(
            path,
            "文件已损坏，不是有效的 xlsx 工作簿",
            "请重新导出或另存为 .xlsx",
            "not_spreadsheet",
        ) from None
    if "xl/workbook.xml" not in names:
        kind = "Word 文档" if "word/document.xml" in names else "压缩包"
        raise _fail(
            path,
            f"这是{kind}，不是 Excel 工作簿",
            "请导入 .xlsx 或 .csv 格式的数据表",
            "not_spreadsheet",
        )
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged workbooks
        raise _fail(
            path,
            f"无法读取 Excel 工作簿（{type(exc).__name__}）",
            "请用 Excel/WPS 打开后另存为 .xlsx 再导入",
            "not_spreadsheet",
        ) from None
    sheets: list[Sheet] = []
    try:
        for ws in wb.worksheets:
            rows = [[_xlsx_value(cell) for cell in r] for r in ws.iter_rows()]
            hidden = getattr(ws, "sheet_state", "visible") != "visible"
            sheets.append(Sheet(path.name, ws.title, _trim(rows), hidden=hidden))
    finally:
        wb.close()
    from xingshi.ingest.formulas import has_uncomputed, mark_uncomputed

    if has_uncomputed(data):
        mark_uncomputed(data, sheets)
    return sheets


def _read_xls(path: Path, data: bytes) -> list[Sheet]:
    """Legacy .xls (Excel 97-2003), still what many bureau websites publish; needs xlrd."""
    save_as = "请在 Excel/WPS 中另存为 .xlsx 或 CSV（UTF-8）后再导入"
    try:
        import xlrd
    except ImportError:
        raise _fail(
            path, "读取旧版 Excel（.xls）需要 xlrd 组件，当前未安装", save_as, "not_spreadsheet"
        ) from None
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception:  # xlrd raises XLRDError and struct errors for other OLE files (.doc)
        raise _fail(
            path,
            "这不是 Excel 工作簿（可能是旧版 Word 等 Office 文件）",
            save_as,
            "not_spreadsheet",
        ) from None
    sheets: list[Sheet] = []
    try:
        for index in range(book.nsheets):
            sh = book.sheet_by_index(index)
            rows = [[_xls_value(sh.cell(r, c)) for c in range(sh.ncols)] for r in range(sh.nrows)]
            sheets.append(Sheet(path.name, sh.name, _trim(rows)))
    finally:
        book.release_resources()
    return sheets


def _xls_value(cell: Any) -> Any:
    # xlrd types: 0 empty, 1 text, 2 number, 3 date, 4 boolean, 5 error, 6 blank.
    if cell.ctype in (0, 6):
        return None
    if cell.ctype == 5:
        import xlrd

        return xlrd.error_text_from_code.get(cell.value, "#错误")
    if cell.ctype == 2 and float(cell.value).is_integer():
        return int(cell.value)
    return cell.value


def _xlsx_value(cell: Any) -> Any:
    """A cell's value; a number shown as a percentage (0.125 as 12.5%) in percent units."""
    value = getattr(cell, "value", None)
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if number and "%" in (getattr(cell, "number_format", None) or ""):
        return round(value * 100, 10)
    return value


def decode_text(path: Path, data: bytes) -> str:
    """Decode CSV bytes: UTF-8 (with or without BOM) strictly, then GB18030 strictly.

    Excel's "Unicode 文本" is UTF-16 with a byte-order mark: that is read too.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass  # fall through to the byte-offset report below
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf_err:
        utf_fail = utf_err
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(
            path,
            "这不是文本表格文件（含二进制内容）",
            "请导入 .xlsx 或 .csv 格式的数据表",
            "not_spreadsheet",
        )
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as gb_err:
        # A file that decoded as multi-byte UTF-8 up to its failure is UTF-8 with a broken byte;
        # otherwise it is GBK, and the GB18030 failure is the real place.
        prefix = data[: utf_fail.start]
        is_utf8 = any(b >= 0x80 for b in prefix)
        offset = utf_fail.start if is_utf8 else gb_err.start
        line = data[:offset].count(b"\n") + 1
        encoding = "UTF-8" if is_utf8 else "GBK/GB18030"
        exc = _fail(
            path,
            f"文件编码错误：按 {encoding} 读取时第 {offset} 字节（第{line}行）"
            f"是无效字节 0x{data[offset]:02X}",
            "请在 Excel/WPS 中将文件另存为 CSV UTF-8 后再导入",
            "encoding",
            row=line,
            value=f"0x{data[offset]:02X}",
        )
        exc.offset = offset  # type: ignore[attr-defined]
        raise exc from None


def _read_csv(path: Path, data: bytes) -> Sheet:
    text = decode_text(path, data)
    if "\x00" in text:
        raise _fail(
            path,
            "这不是文本表格文件（含二进制内容）",
            "请导入 .xlsx 或 .csv 格式的数据表",
            "not_spreadsheet",
        )
    head = text[:4096]
    delimiter = "\t" if head.count("\t") > head.count(",") and "\t," not in head else ","
    rows: list[list[Any]] = []
    for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        rows.append([_clean_text(v) for v in record])
    return Sheet(path.name, None, _trim(rows))


def _clean_text(value: str) -> str | None:
    # NBS exports pad every cell with a tab before the comma; strip such padding.
    value = value.strip().strip("\t").strip()
    return value or None


def _trim(rows: list[list[Any]]) -> list[list[Any]]:
    """Drop trailing empty cells of each row and trailing empty rows (keeps row numbers)."""
    out: list[list[Any]] = []
    for row in rows:
        cells = [None if (isinstance(v, str) and not v.strip()) else v for v in row]
        while cells and cells[-1] is None:
            cells.pop()
        out.append(cells)
    while out and not out[-1]:
        out.pop()
    return out
