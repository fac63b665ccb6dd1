"""Write the hostile-file corpus into ``hostile/`` (same content every run; files are committed).

    .venv/bin/python tests/ingest/data/make_hostile_files.py

Each file is one way a real or malicious file breaks a reader: damaged packages, encrypted
workbooks, web pages saved as .xls, CSV quoting, encodings, sizes, odd content. The 50 MB
files are not here: ``benchmarks/hostile/run.py`` writes them at run time. The encrypted
workbook needs ``msoffcrypto-tool`` (a dev dependency, only to regenerate the corpus; its salt
is random, so its bytes differ from run to run while its content does not).
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

HOSTILE = Path(__file__).resolve().parent / "hostile"
LONG = "地区,指标,时期,数值,单位,增长%\n"
GOOD_ROWS = (
    "吉首市,地区生产总值,2021年1-6月,150.2,亿元,13.1\n"
    "泸溪县,地区生产总值,2021年1-6月,45.3,亿元,14.2\n"
)
MAKERS: dict[str, Callable[[Path], None]] = {}


def maker(name: str) -> Callable[[Callable[[Path], None]], Callable[[Path], None]]:
    def register(fn: Callable[[Path], None]) -> Callable[[Path], None]:
        MAKERS[name] = fn
        return fn

    return register


def _text(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.write_bytes(text.encode(encoding))


def _wb_bytes(rows: list[list[object]], title: str = "数据") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


LONG_ROWS: list[list[object]] = [
    ["地区", "指标", "时期", "数值", "单位", "增长%"],
    ["吉首市", "地区生产总值", "2021年1-6月", 150.2, "亿元", 13.1],
    ["泸溪县", "地区生产总值", "2021年1-6月", 45.3, "亿元", 14.2],
]


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The package with each member passed through ``change`` (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = change(item.filename, src.read(item.filename))
            if body is not None:
                dst.writestr(item, body)
    return out.getvalue()


@maker("01-工作表XML被截断.xlsx")
def _sheet_xml_cut(path: Path) -> None:
    more = [["凤凰县", "地区生产总值", "2021年1-6月", 60.1 + i, "亿元", 10.5] for i in range(50)]
    rows = LONG_ROWS + more

    def cut(name: str, body: bytes) -> bytes:
        return body[: len(body) // 2] if name == "xl/worksheets/sheet1.xml" else body

    path.write_bytes(_rezip(_wb_bytes(rows), cut))


@maker("02-文件被截断.xlsx")
def _truncated(path: Path) -> None:
    data = _wb_bytes(LONG_ROWS)
    path.write_bytes(data[: len(data) // 2])


@maker("03-压缩包不是xlsx.xlsx")
def _zip_not_xlsx(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "这是一个普通压缩包")
        zf.writestr("data/表1.csv", LONG + GOOD_ROWS)
    path.write_bytes(buf.getvalue())


@maker("04-单元格超过131072字符.csv")
def _csv_field_limit(path: Path) -> None:
    _text(path, LONG + GOOD_ROWS + '"' + "x" * 140_000 + '",地区生产总值,2021年1-6月,1,亿元,1\n')


@maker("05-引号没有闭合.csv")
def _unclosed_quote(path: Path) -> None:
    rows = "".join(f"凤凰县,地区生产总值,2021年{m}月,{m}.5,亿元,5.0\n" for m in range(1, 7))
    _text(path, LONG + GOOD_ROWS + '"花垣县,地区生产总值,2021年1-6月,48.7,亿元,15.3\n' + rows)


@maker("06-加密的工作簿.xlsx")
def _encrypted(path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(_wb_bytes(LONG_ROWS))
    out = io.BytesIO()
    OOXMLFile(plain).encrypt("xingshi", out)
    path.write_bytes(out.getvalue())


_HTML = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta charset="utf-8">'
    "<title>2021年1-6月主要经济指标</title></head>\n<body><table>\n"
    + "".join(f"<tr><td>吉首市</td><td>地区生产总值</td><td>{i}</td></tr>\n" for i in range(200))
    + "</table></body></html>\n"
)


@maker("07-网页另存为.xls")
def _html_xls(path: Path) -> None:
    _text(path, _HTML)


@maker("08-网页改名.xlsx")
def _html_xlsx(path: Path) -> None:
    _text(path, "<!DOCTYPE html>\n" + _HTML)


@maker("09-XML表格2003.xls")
def _xml_2003(path: Path) -> None:
    _text(
        path,
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        '<Worksheet ss:Name="数据"><Table><Row><Cell><Data ss:Type="String">地区</Data>'
        "</Cell></Row></Table></Worksheet></Workbook>\n",
    )


@maker("10-时期是日期序列号.xlsx")
def _date_serial(path: Path) -> None:
    rows = [LONG_ROWS[0], ["吉首市", "地区生产总值", 44348, 150.2, "亿元", 13.1]]
    path.write_bytes(_wb_bytes(rows))


@maker("11-合并单元格中的数字.xlsx")
def _merged_number(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "数据"
    for row in [*LONG_ROWS, ["凤凰县", "地区生产总值", "2021年1-6月", 60.1, "亿元", 10.5]]:
        ws.append(row)
    ws.merge_cells("F3:F4")  # 泸溪县's growth merged down over 凤凰县's row
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())


@maker("12-数值1e308.csv")
def _huge_level(path: Path) -> None:
    _text(path, LONG + "吉首市,地区生产总值,2021年1-6月,1e308,亿元,13.1\n")


@maker("13-年份9999.csv")
def _year_9999(path: Path) -> None:
    _text(path, LONG + "吉首市,地区生产总值,9999年1-6月,150.2,亿元,13.1\n")


@maker("14-含NUL字节.csv")
def _nul(path: Path) -> None:
    path.write_bytes((LONG + GOOD_ROWS).encode() + b"\x00\x00\x00" + "凤凰县,,,\n".encode())


@maker("15-混合编码.csv")
def _mixed_encoding(path: Path) -> None:
    head = (LONG + "吉首市,地区生产总值,2021年1-6月,150.2,亿元,13.1\n").encode("utf-8")
    tail = "泸溪县,地区生产总值,2021年1-6月,45.3,亿元,14.2\n".encode("gbk")
    path.write_bytes(head + tail)


@maker("16-UTF16无BOM.csv")
def _utf16_no_bom(path: Path) -> None:
    path.write_bytes((LONG + GOOD_ROWS).replace(",", "\t").encode("utf-16-le"))


@maker("17-十万列.csv")
def _100k_columns(path: Path) -> None:
    _text(path, ",".join("1" * 100_000) + "\n")


@maker("18-只有公式.xlsx")
def _formulas_only(path: Path) -> None:
    rows = [LONG_ROWS[0], ["吉首市", "地区生产总值", "2021年1-6月", "=100+50.2", "亿元", "=B1"]]
    path.write_bytes(_wb_bytes(rows))


@maker("19-全角数字.csv")
def _fullwidth(path: Path) -> None:
    _text(path, LONG + "吉首市,地区生产总值,２０２１年１－６月,１５０．２,亿元,１３．１\n")


@maker("20-占位符.csv")
def _placeholders(path: Path) -> None:
    rows = "".join(
        f"{r},地区生产总值,2021年1-6月,{v},亿元,{g}\n"
        for r, v, g in [
            ("吉首市", "150.2", "—"),
            ("泸溪县", "…", "14.2"),
            ("凤凰县", "x", "/"),
            ("花垣县", "待填", "*"),
            ("保靖县", "N/A", "--"),
        ]
    )
    _text(path, LONG + rows)


@maker("21-SQL样的名称.csv")
def _sql_names(path: Path) -> None:
    _text(
        path,
        LONG
        + "吉首市'; DROP TABLE releases;--,地区生产总值,2021年1-6月,150.2,亿元,13.1\n"
        + '泸溪县,地区生产总值" OR 1=1 --,2021年1-6月,45.3,亿元,14.2\n',
    )


@maker("22-隐藏的工作表.xlsx")
def _hidden_sheet(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "数据"
    for row in LONG_ROWS:
        ws.append(row)
    old = wb.create_sheet("上月")
    for row in LONG_ROWS:
        old.append(row)
    old.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())


@maker("23-一千个空工作表.xlsx")
def _empty_sheets(path: Path) -> None:
    wb = Workbook()
    wb.active.title = "空0"
    for i in range(1, 1000):
        wb.create_sheet(f"空{i}")
    data = wb.create_sheet("数据")
    for row in LONG_ROWS:
        data.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())


@maker("24-一千个空工作表无数据.xlsx")
def _only_empty_sheets(path: Path) -> None:
    wb = Workbook()
    wb.active.title = "空0"
    for i in range(1, 1000):
        wb.create_sheet(f"空{i}")
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())


@maker("25-表头前一千个空行.csv")
def _blank_lines(path: Path) -> None:
    _text(path, "\n" * 1000 + LONG + GOOD_ROWS)


@maker("26-表头前一千个空行.xlsx")
def _blank_rows_xlsx(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "数据"
    for r, row in enumerate(LONG_ROWS):
        for c, value in enumerate(row):
            ws.cell(row=1001 + r, column=1 + c, value=value)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())


@maker("27-只有BOM.csv")
def _bom_only(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf")


@maker("28-只有表头.csv")
def _header_only(path: Path) -> None:
    _text(path, LONG)


@maker("29-随机字节.csv")
def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(29).randbytes(4096))


@maker("30-PDF改名.xlsx")
def _pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n")


@maker("31-空压缩包.xlsx")
def _empty_zip(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w"):
        pass
    path.write_bytes(buf.getvalue())


@maker("32-单元格超过32767字符.xlsx")
def _long_cell(path: Path) -> None:
    # openpyxl cuts a cell at Excel's 32,767 characters: put the long text in by hand.
    rows = [*LONG_ROWS, ["LONGCELL", "地区生产总值", "2021年1-6月", 1, "亿元", 1]]

    def lengthen(name: str, body: bytes) -> bytes:
        return body.replace(b"LONGCELL", "说明".encode() * 20_000)

    path.write_bytes(_rezip(_wb_bytes(rows), lengthen))


@maker("33-数值inf和nan.csv")
def _inf_nan(path: Path) -> None:
    rows = "吉首市,地区生产总值,2021年1-6月,inf,亿元,13.1\n"
    rows += "泸溪县,地区生产总值,2021年1-6月,45.3,亿元,nan\n"
    _text(path, LONG + rows)


@maker("34-数值1e400.csv")
def _overflow(path: Path) -> None:
    _text(path, LONG + "吉首市,地区生产总值,2021年1-6月,1e400,亿元,13.1\n")


@maker("35-只有逗号.csv")
def _only_commas(path: Path) -> None:
    _text(path, ",,,,,\n" * 50)


@maker("36-文件名[bold]含方括号.csv")
def _markup_name(path: Path) -> None:
    _text(path, LONG + "[red]吉首[/]县,地区生产总值,2021年1-6月,150.2,亿元,13.1\n")


@maker("37-控制字符.csv")
def _control_chars(path: Path) -> None:
    _text(path, LONG + "\x1b[31m吉首市\x1b[0m\x07,地区生产总值,2021年1-6月,150.2,亿元,13.1\n")


@maker("38-时期是日期序列号.csv")
def _date_serial_csv(path: Path) -> None:
    _text(path, LONG + "吉首市,地区生产总值,44378,150.2,亿元,13.1\n")


@maker("39-维度声明为最大范围.xlsx")
def _huge_dimension(path: Path) -> None:
    def widen(name: str, body: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            return body.replace(b'<dimension ref="A1:F3"/>', b'<dimension ref="A1:XFD1048576"/>')
        return body

    path.write_bytes(_rezip(_wb_bytes(LONG_ROWS), widen))


@maker("40-OLE文件不是Excel.xls")
def _ole_garbage(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(40).randbytes(2048))


@maker("41-分号分隔.csv")
def _semicolons(path: Path) -> None:
    _text(path, (LONG + GOOD_ROWS).replace(",", ";"))


@maker("42-GBK正常文件.csv")
def _gbk_ok(path: Path) -> None:
    _text(path, LONG + GOOD_ROWS, encoding="gbk")


@maker("43-表情符号地区.csv")
def _emoji(path: Path) -> None:
    _text(path, LONG + "吉首市🎉,地区生产总值,2021年1-6月,150.2,亿元,13.1\n")


@maker("44-三百行重复.csv")
def _many_duplicates(path: Path) -> None:
    _text(path, LONG + "吉首市,地区生产总值,2021年1-6月,150.2,亿元,13.1\n" * 300)


@maker("45-三百个未知地区.csv")
def _many_unknown(path: Path) -> None:
    rng = random.Random(45)
    chars = "东西南北中上下新老大小安平和宁康泰丰富永长乐清远兴华阳山河湖江溪"
    rows = "".join(
        "".join(rng.choice(chars) for _ in range(3))
        + f"{i}县,地区生产总值,2021年1-6月,1.0,亿元,1.0\n"
        for i in range(300)
    )
    _text(path, LONG + rows)


@maker("46-xlsx中的数值1e308.xlsx")
def _huge_xlsx(path: Path) -> None:
    rows = [LONG_ROWS[0], ["吉首市", "地区生产总值", "2021年1-6月", 1e308, "亿元", 13.1]]
    path.write_bytes(_wb_bytes(rows))


@maker("47-Word文档被截断.xlsx")
def _docx_cut(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document><w:body><w:p>")
    path.write_bytes(buf.getvalue())


@maker("48-共享字符串损坏.xlsx")
def _shared_strings_cut(path: Path) -> None:
    def cut(name: str, body: bytes) -> bytes:
        return body[: len(body) // 2] if name == "xl/sharedStrings.xml" else body

    path.write_bytes(_rezip(_wb_bytes(LONG_ROWS), cut))


@maker("49-目标年度9999.csv")
def _target_year(path: Path) -> None:
    _text(path, "地区,指标,年度,目标类型,目标值,单位\n湘西州,地区生产总值,9999,增长,8.0,%\n")


def main() -> None:
    HOSTILE.mkdir(exist_ok=True)
    for old in HOSTILE.iterdir():
        old.unlink()
    for name, make in MAKERS.items():
        make(HOSTILE / name)
    print(f"{len(MAKERS)} files in {HOSTILE}")


if __name__ == "__main__":
    main()
