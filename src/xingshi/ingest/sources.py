"""Open a file as sheets of cells: xlsx/xlsm through openpyxl, CSV in UTF-8 or GBK/GB18030.

Everything downstream sees the same thing: a list of :class:`Sheet`, each a grid of raw cell
values (str, int, float, datetime or None) with 1-based row numbers and column letters for
messages. Files that are not spreadsheets, broken encodings and empty files are refused here,
and so is everything a reader library would raise on (damaged XML, encrypted workbooks, web
pages saved as .xls, CSV quoting): each is a :class:`FileFormatError` naming the place. The
``[limits]`` of :class:`~xingshi.ingest.limits.ReadLimits` bound size, rows, columns and cells.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xingshi.errors import FileFormatError, Location
from xingshi.findings import Finding
from xingshi.ingest.limits import ReadLimits

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls / .doc
_EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
# Stream names of an OLE2 container holding an encrypted OOXML workbook (UTF-16LE in the
# directory): what Excel and WPS write for a workbook with an opening password.
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_UNPACKED_FACTOR = 10  # xlsx XML is large: 10 MB of cells unpack to about 100 MB
_ENCRYPTED = "文件已加密，请去掉密码后另存"
_ENCRYPTED_HINT = (
    "在 Excel/WPS 中用密码打开，文件→信息→保护工作簿→用密码加密，清空密码后另存为 .xlsx"
)
_MARKUP = re.compile(rb"^\s*(<\?xml|<!doctype\s+html|<html|<head|<body|<table|<meta)", re.I)


@dataclass
class Sheet:
    """One sheet (or the single table of a CSV file) as a grid of raw cell values."""

    file: str
    name: str | None
    rows: list[list[Any]]
    hidden: bool = False  # a hidden sheet: old months, lookups; not what the reader sees
    findings: list[Finding] = field(default_factory=list)  # reader warnings (merged cells)

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


@functools.lru_cache(maxsize=4096)
def column_letter(col: int) -> str:
    """0-based column index → spreadsheet letters (0 → A, 26 → AA); cached: every cell's
    place names it."""
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int | None:
    """Spreadsheet letters → 0-based column index (A → 0, AA → 26); None for anything else."""
    if not letters.isascii() or not letters.isalpha() or not letters.isupper():
        return None
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell_ref(row: int, col: int) -> str:
    """0-based row/col → a cell reference like ``C7``."""
    return f"{column_letter(col)}{row + 1}"


def _fail(path: Path, message: str, hint: str, rule: str, **where: Any) -> FileFormatError:
    exc = FileFormatError(message, where=Location(file=path.name, **where), hint=hint)
    exc.rule = rule  # type: ignore[attr-defined]
    return exc


def read_sheets(path: Path | str, limits: ReadLimits | None = None) -> list[Sheet]:
    """Read every sheet of a spreadsheet or CSV file; refuse anything else with a clear error."""
    path = Path(path)
    limits = limits or ReadLimits()
    if not path.is_file():
        raise _fail(path, "文件不存在或不是普通文件", "请检查文件路径", "file_missing")
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise _fail(
            path,
            f"文件太大：{size / 1024 / 1024:.1f} MB，超过上限 {limits.max_file_mb:g} MB",
            "请按时期或地区拆分后分别导入；确需导入时调大 xingshi.toml 的 [limits] max_file_mb",
            "too_large",
        )
    data = path.read_bytes()
    if not data.strip():
        raise _fail(path, "文件为空", "请确认导出的文件包含数据后再导入", "empty_file")
    suffix = path.suffix.lower()
    _refuse_markup(path, data)
    if data.startswith(_ZIP_MAGIC):
        sheets = _read_xlsx(path, data, limits)
    elif data.startswith(_OLE_MAGIC):
        sheets = _read_xls(path, data, limits)
    elif suffix in _EXCEL_SUFFIXES:
        raise _fail(
            path,
            "文件扩展名是 Excel，但内容不是 Excel 工作簿",
            "请用 Excel/WPS 打开确认，另存为 .xlsx 后再导入",
            "not_spreadsheet",
        )
    else:
        sheets = [_read_csv(path, data, limits)]
    non_empty = [s for s in sheets if any(_filled(v) for row in s.rows for v in row)]
    from xingshi.ingest.script import simplify_sheet

    for sheet in non_empty:
        simplify_sheet(sheet)
    if not non_empty:
        raise _fail(
            path,
            "工作表为空：没有任何数据",
            "请确认数据所在的工作表已保存，且不是只有格式没有内容",
            "empty_sheet",
            sheet=sheets[0].name if sheets else None,
        )
    return non_empty


def _refuse_markup(path: Path, data: bytes) -> None:
    """A web page or XML file saved under a spreadsheet name: say what it is, not its text."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if not _MARKUP.match(head):
        return
    lower = head.lower()
    save_as = (
        "用 Excel/WPS 打开它，选“文件→另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入另存的文件"
    )
    if b"urn:schemas-microsoft-com:office:spreadsheet" in lower:
        what = "XML 表格（Excel 2003 XML），不是 Excel 工作簿"
    elif lower.lstrip().startswith(b"<?xml") and b"<html" not in lower:
        what = "XML 文件，不是 Excel 工作簿或 CSV 表格"
    else:
        what = "网页（HTML）文件，不是 Excel 工作簿：网站导出的“Excel”常常是网页改了扩展名"
    raise _fail(path, f"这是{what}", save_as, "not_spreadsheet")


def _too_wide(path: Path, limits: ReadLimits, row: int, width: int, sheet: str | None) -> None:
    if width > limits.max_columns:
        raise _fail(
            path,
            f"列数太多：第{row}行有 {width} 列，超过上限 {limits.max_columns} 列",
            "请删去多余的列后另存；确需导入时调大 [limits] max_columns",
            "too_large",
            sheet=sheet,
            row=row,
        )


def _too_long(path: Path, limits: ReadLimits, rows: int, sheet: str | None) -> None:
    if rows > limits.max_rows:
        raise _fail(
            path,
            f"行数太多：超过上限 {limits.max_rows} 行",
            "请按时期或地区拆分后分别导入；确需导入时调大 [limits] max_rows",
            "too_large",
            sheet=sheet,
            row=rows,
        )


def _check_cells(
    path: Path, limits: ReadLimits, row: int, cells: list[Any], sheet: str | None
) -> None:
    for col, value in enumerate(cells):
        if isinstance(value, str) and len(value) > limits.max_cell_chars:
            raise _fail(
                path,
                f"单元格太长：{len(value)} 个字符，超过上限 {limits.max_cell_chars} 个字符",
                "请检查该单元格（常是整页文字或乱码被粘贴进来）；"
                "确需导入时调大 [limits] max_cell_chars",
                "too_large",
                sheet=sheet,
                row=row,
                column=column_letter(col),
            )


def _filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _read_xlsx(path: Path, data: bytes, limits: ReadLimits) -> list[Sheet]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            unpacked = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise _fail(
            path,
            "文件已损坏（不完整或被截断），不是有效的 xlsx 工作簿",
            "请重新导出或重新下载，或用 Excel/WPS 打开后另存为 .xlsx",
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
    if unpacked > _UNPACKED_FACTOR * limits.max_bytes:
        # A few MB that unpack to gigabytes (a "zip bomb") would cost that much to read.
        raise _fail(
            path,
            f"工作簿解压后有 {unpacked / 1024 / 1024:.0f} MB，"
            f"超过上限（文件大小上限的 {_UNPACKED_FACTOR} 倍）",
            "请删去无用的工作表、格式和空行列后另存；确需导入时调大 [limits] max_file_mb",
            "too_large",
        )
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged workbooks
        raise _fail(
            path,
            f"无法读取 Excel 工作簿，文件已损坏（{type(exc).__name__}）",
            "请用 Excel/WPS 打开后另存为 .xlsx 再导入",
            "not_spreadsheet",
        ) from None
    sheets: list[Sheet] = []
    try:
        for ws in wb.worksheets:
            rows: list[list[Any]] = []
            try:
                for r in ws.iter_rows():
                    _too_long(path, limits, len(rows) + 1, ws.title)
                    _too_wide(path, limits, len(rows) + 1, len(r), ws.title)
                    cells = [_xlsx_value(cell) for cell in r]
                    _check_cells(path, limits, len(rows) + 1, cells, ws.title)
                    rows.append(cells)
                merged = _merged_ranges(wb, ws)
            except FileFormatError:
                raise
            except Exception as exc:  # ParseError, zlib.error, KeyError: the sheet XML is damaged
                raise _fail(
                    path,
                    f"工作表已损坏，读到第{len(rows) + 1}行附近无法继续（{type(exc).__name__}）",
                    "文件可能不完整或被其他程序改坏：请用 Excel/WPS 打开后另存为 .xlsx 再导入",
                    "not_spreadsheet",
                    sheet=ws.title,
                    row=len(rows) + 1,
                ) from None
            hidden = getattr(ws, "sheet_state", "visible") != "visible"
            sheet = Sheet(path.name, ws.title, _trim(rows), hidden=hidden)
            sheet.findings.extend(_merged_over_data(sheet, merged))
            sheets.append(sheet)
    finally:
        wb.close()
    from xingshi.ingest.formulas import has_uncomputed, mark_uncomputed

    if has_uncomputed(data):
        mark_uncomputed(data, sheets)
    return sheets


_MERGE = re.compile(rb'<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _merged_ranges(wb: Any, ws: Any) -> list[tuple[int, int, int, int]]:
    """(first row, first col, last row, last col), 0-based, of the sheet's merged cells."""
    part = getattr(ws, "_worksheet_path", None)
    archive = getattr(wb, "_archive", None)
    if not part or archive is None:
        return []
    with archive.open(part) as fh:
        xml = fh.read()
    return [
        (int(r1) - 1, _col_index(c1), int(r2) - 1, _col_index(c2))
        for c1, r1, c2, r2 in _MERGE.findall(xml)
    ]


def _year_over_labels(sheet: Sheet, anchor: Any, r1: int, c1: int, r2: int, c2: int) -> bool:
    """2012 merged across 数量 | 位次 | 增长率 | 位次: a header's year over its columns' labels."""
    year = isinstance(anchor, int) and 1900 <= anchor <= 2100
    below = [sheet.cell(r1 + 1, c) for c in range(c1, c2 + 1)]
    return year and r1 == r2 and any(isinstance(v, str) and v.strip() for v in below)


def _merged_over_data(sheet: Sheet, merged: list[tuple[int, int, int, int]]) -> list[Finding]:
    """A warning for each merged range whose value is a figure.

    Excel keeps a merged range's value in its first cell only: a number merged over several
    regions' rows (or over the 增速 and 位次 columns) is read for the first one and the other
    cells read as empty. Merged headers and merged region names hold text and are read by the
    layouts (a region merged down over its months applies to each month).
    """
    out: list[Finding] = []
    for r1, c1, r2, c2 in merged[:10_000]:
        anchor = sheet.cell(r1, c1)
        number = isinstance(anchor, (int, float)) and not isinstance(anchor, bool)
        if not number or (r1, c1) == (r2, c2):
            continue
        if _year_over_labels(sheet, anchor, r1, c1, r2, c2):
            continue
        ref = f"{cell_ref(r1, c1)}:{cell_ref(r2, c2)}"
        cells = (r2 - r1 + 1) * (c2 - c1 + 1) - 1
        out.append(
            Finding(
                "merged_cells",
                "warning",
                f"合并单元格 {ref} 中是数字 {anchor}：只按首个单元格 {cell_ref(r1, c1)} 读取，"
                f"合并区域内其余 {cells} 个单元格读作空",
                sheet.where(r1, c1, anchor),
                hint="如这个数字属于合并区域内的每一行（列），请取消合并并逐行填写后再导入",
                data={"range": ref},
            )
        )
    return out


def _read_xls(path: Path, data: bytes, limits: ReadLimits) -> list[Sheet]:
    """Legacy .xls (Excel 97-2003), still what many bureau websites publish; needs xlrd."""
    save_as = "请在 Excel/WPS 中另存为 .xlsx 或 CSV（UTF-8）后再导入"
    if all(name in data for name in _ENCRYPTED_STREAMS):
        raise _fail(path, _ENCRYPTED, _ENCRYPTED_HINT, "encrypted")
    try:
        import xlrd
    except ImportError:
        raise _fail(
            path, "读取旧版 Excel（.xls）需要 xlrd 组件，当前未安装", save_as, "not_spreadsheet"
        ) from None
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError and struct errors for other OLE files (.doc)
        if "encrypt" in str(exc).lower():
            raise _fail(path, _ENCRYPTED, _ENCRYPTED_HINT, "encrypted") from None
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
            _too_long(path, limits, sh.nrows, sh.name)
            _too_wide(path, limits, 1, sh.ncols, sh.name)
            rows = [[_xls_value(sh.cell(r, c)) for c in range(sh.ncols)] for r in range(sh.nrows)]
            for r, cells in enumerate(rows):
                _check_cells(path, limits, r + 1, cells, sh.name)
            sheets.append(Sheet(path.name, sh.name, _trim(rows)))
    except FileFormatError:
        raise
    except Exception as exc:  # a damaged sheet inside a readable book
        raise _fail(
            path, f"旧版 Excel 工作簿已损坏（{type(exc).__name__}）", save_as, "not_spreadsheet"
        ) from None
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

    Excel's "Unicode 文本" is UTF-16 with a byte-order mark: that is read too, and so is UTF-16
    without one when the zero bytes of its ASCII characters show the byte order.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass  # fall through to the byte-offset report below
    elif (utf16 := _utf16_without_bom(data)) is not None:
        return utf16
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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: digits and commas put a zero in every other byte."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= half * 0.2 and even <= half * 0.02:
        encoding = "utf-16-le"
    elif even >= half * 0.2 and odd <= half * 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None


def _read_csv(path: Path, data: bytes, limits: ReadLimits | None = None) -> Sheet:
    limits = limits or ReadLimits()
    text = decode_text(path, data)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise _fail(
            path,
            "这不是文本表格文件（含二进制内容：空字符 NUL）",
            "请导入 .xlsx 或 .csv 格式的数据表；"
            "如是导出的 CSV，请用 Excel/WPS 打开后另存为 CSV UTF-8",
            "not_spreadsheet",
            row=line,
        )
    head = text[:4096]
    delimiter = "\t" if head.count("\t") > head.count(",") and "\t," not in head else ","
    rows: list[list[Any]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(limits.max_cell_chars)
    start = 1  # the physical line the current record starts on
    spans: list[tuple[int, int]] = []  # (record index, start line) of records over many lines
    try:
        for record in reader:
            row = len(rows) + 1
            _too_long(path, limits, row, None)
            _too_wide(path, limits, start, len(record), None)
            if reader.line_num > start and len(spans) < 100:
                spans.append((len(rows), start))
            rows.append([_clean_text(v) for v in record])
            start = reader.line_num + 1
    except csv.Error as exc:
        too_big = "field larger" in str(exc)
        raise _fail(
            path,
            f"单元格太长：超过上限 {limits.max_cell_chars} 个字符（常是引号没有闭合）"
            if too_big
            else f"CSV 格式错误：{_csv_reason(exc)}",
            '检查该行起的双引号是否成对；文字中的引号要写成两个（""）。'
            "也可用 Excel/WPS 打开后另存为 CSV UTF-8",
            "csv_quote",
            row=start,
        ) from None
    finally:
        csv.field_size_limit(old_limit)
    if text.count('"') % 2 and spans:
        # An odd number of quotes: the record that swallowed the following lines is unclosed.
        _, line = spans[0]
        raise _fail(
            path,
            "CSV 格式错误：双引号没有闭合，其后各行都被读进了同一个单元格",
            '在该行补上缺少的双引号（文字中的引号要写成两个：""），'
            "或用 Excel/WPS 打开后另存为 CSV UTF-8",
            "csv_quote",
            row=line,
        )
    return Sheet(path.name, None, _trim(rows))


def _csv_reason(exc: csv.Error) -> str:
    text = str(exc)
    if "NUL" in text or "null byte" in text:
        return "含空字符（NUL）"
    if "new-line character seen in unquoted field" in text:
        return "未加引号的单元格中有换行符"
    return "引号或分隔符不成对"


_NUMERIC = re.compile(r"^\s*[-+]?[\d.,%]+\s*$")


def _clean_text(value: str) -> str | None:
    # NBS exports pad every cell with a tab before the comma; strip such padding. Leading
    # spaces stay: they indent a table's sub-items (    # 工业 under 按行业分), as in Excel.
    value = value.strip("\t").rstrip()
    if not value.strip():
        return None
    if _NUMERIC.match(value):
        value = value.strip()
    # Names, indicators, periods and units repeat on every row: one object each, not millions.
    return sys.intern(value) if len(value) <= 32 else value


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
