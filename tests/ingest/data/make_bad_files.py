"""Write the bad-files suite into ``bad/`` (same content every run; the files are committed).

    python tests/ingest/data/make_bad_files.py

Each file breaks one rule at one known place; ``tests/ingest/test_bad_files.py`` lists them
with the rule and the place it must be reported at.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

BAD = Path(__file__).resolve().parent / "bad"
GOOD = Path(__file__).resolve().parent / "good"
LONG = ["地区", "指标", "时期", "数值", "单位", "增长%", "位次"]


def _csv(name: str, rows: list[list[object]], encoding: str = "utf-8-sig") -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    (BAD / name).write_bytes(buf.getvalue().encode(encoding))


def _long(name: str, *rows: list[object]) -> None:
    _csv(name, [LONG, *rows])


def _xlsx(name: str, rows: list[list[object]], title: str = "Sheet1") -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(BAD / name)


def _wide_rows(title: str, gdp: list[tuple[str, object, object, object]]) -> list[list[object]]:
    rows: list[list[object]] = [
        [title],
        ["地区", "地区生产总值(亿元)", None, None],
        [None, "绝对值", "同比增长%", "位次"],
    ]
    rows += [[name, level, growth, rank] for name, level, growth, rank in gdp]
    return rows


COUNTIES = [
    ("吉首市", 150.2, 13.1, 3),
    ("泸溪县", 45.3, 14.2, 2),
    ("凤凰县", 60.1, 10.5, 7),
    ("花垣县", 48.7, 15.3, 1),
    ("保靖县", 30.2, 11.8, 5),
    ("古丈县", 18.9, 9.6, 8),
    ("永顺县", 45.6, 12.0, 4),
    ("龙山县", 55.8, 11.2, 6),
]


def make() -> None:
    BAD.mkdir(exist_ok=True)
    # --- files that are not tables at all ------------------------------------------------
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    (BAD / "01-图片改名.xlsx").write_bytes(png + b"\x00" * 64)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    (BAD / "02-Word文档改名.xlsx").write_bytes(buf.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("数据说明.txt", "这不是表格")
    (BAD / "03-压缩包改名.xlsx").write_bytes(buf.getvalue())
    (BAD / "04-空文件.csv").write_bytes(b"")
    wb = Workbook()
    wb.active.title = "数据"
    wb.save(BAD / "05-空工作表.xlsx")
    # A GBK file whose third line carries a byte no encoding accepts.
    gbk = (
        "地区,指标,时期,数值\n"
        "吉首市,地区生产总值,2021年1-6月,150.2\n"
        "泸溪县,地区生产总值,2021年1-6月,45.3\n"
    )
    data = bytearray(gbk.encode("gbk"))
    third = data.index(b"\n", data.index(b"\n") + 1) + 1
    data[third + 2 : third + 2] = b"\xff"
    (BAD / "06-GBK坏字节.csv").write_bytes(bytes(data))
    utf = "地区,指标,时期,数值\n吉首市,地区生产总值,2021年1-6月,150.2\n".encode()
    (BAD / "07-UTF8坏字节.csv").write_bytes(utf + b"\xe5\x90" + b",x\n")
    # --- headers -------------------------------------------------------------------------
    _csv("08-无法识别的格式.csv", [["姓名", "年龄", "电话"], ["张三", 30, "123"]])
    _csv("09-缺少时期列.csv", [["地区", "指标", "数值"], ["吉首市", "地区生产总值", 150.2]])
    _csv(
        "10-缺少数值列.csv",
        [["地区", "指标", "时期", "数额"], ["吉首市", "地区生产总值", "2021年1-6月", 150.2]],
    )
    _csv(
        "11-重复列标题.csv",
        [
            ["地区", "指标", "时期", "数值", "绝对值"],
            ["吉首市", "地区生产总值", "2021年1-6月", 1, 2],
        ],
    )
    # --- names ---------------------------------------------------------------------------
    _long(
        "12-未知地区.csv",
        ["吉首市", "地区生产总值", "2021年1-6月", 150.2, "亿元", 13.1, ""],
        ["吉首县", "地区生产总值", "2021年1-6月", 45.3, "亿元", 14.2, ""],
    )
    _long("13-地区有歧义.csv", ["鼓楼区", "地区生产总值", "2021年1-6月", 150.2, "亿元", 8.1, ""])
    _long(
        "14-未知指标.csv",
        ["吉首市", "地区生产总值", "2021年1-6月", 150.2, "亿元", 13.1, ""],
        ["吉首市", "幸福指数总量", "2021年1-6月", 88.0, "", "", ""],
    )
    _long("15-时期无法识别.csv", ["吉首市", "地区生产总值", "2021年13月", 150.2, "亿元", 13.1, ""])
    # --- values --------------------------------------------------------------------------
    _long(
        "16-单位不相容.csv",
        ["吉首市", "地区生产总值", "2021年1-6月", 150.2, "亿元", 13.1, ""],
        ["泸溪县", "地区生产总值", "2021年1-6月", 45.3, "家", 14.2, ""],
    )
    _long("17-数值含文字.csv", ["吉首市", "地区生产总值", "2021年1-6月", "约150", "亿元", 13.1, ""])
    rows = _wide_rows("2021年1-6月各县市区主要经济指标", COUNTIES)
    rows[5][2] = "abc"  # 凤凰县's growth
    _xlsx("18-宽表增速含文字.xlsx", rows, title="县市区")
    _long(
        "19-重复行.csv",
        ["吉首市", "地区生产总值", "2021年1-6月", 150.2, "亿元", 13.1, ""],
        ["泸溪县", "地区生产总值", "2021年1-6月", 45.3, "亿元", 14.2, ""],
        ["吉首市", "地区生产总值", "2021年1-6月", 150.2, "亿元", 13.1, ""],
    )
    _long(
        "20-重复行数值不同.csv",
        ["吉首市", "地区生产总值", "2021年1-6月", 150.2, "亿元", 13.1, ""],
        ["吉首市", "地区生产总值", "2021年上半年", 151.0, "亿元", 13.3, ""],
    )
    _long(
        "21-累计值下降.csv",
        ["吉首市", "社会消费品零售总额", "2021年1-5月", 40.1, "亿元", 24.0, ""],
        ["吉首市", "社会消费品零售总额", "2021年1-6月", 38.2, "亿元", 24.6, ""],
    )
    rows = _wide_rows("湘西州2021年上半年主要经济指标完成情况", COUNTIES)
    rows[3][3] = 1  # 吉首市 13.1% cannot be first while 花垣县 has 15.3%
    _xlsx("23-位次与增速矛盾.xlsx", rows, title="2021年1-6月")
    _long("24-总量为负.csv", ["吉首市", "地区生产总值", "2021年1-6月", -150.2, "亿元", 13.1, ""])
    _long(
        "25-增速低于负100.csv",
        ["吉首市", "社会消费品零售总额", "2021年1-6月", 45.2, "亿元", -130, ""],
    )
    _long("26-比率超过100.csv", ["吉首市", "空气质量优良率", "2021年1-6月", 120.5, "%", 1.2, ""])
    rows = _wide_rows("各县市区主要经济指标", COUNTIES)
    _xlsx("27-宽表无时期.xlsx", rows, title="Sheet1")
    _csv(
        "28-目标类型无法识别.csv",
        [
            ["地区", "指标", "年度", "目标类型", "目标值", "单位"],
            ["湘西州", "地区生产总值", 2021, "翻番", 8, "%"],
        ],
    )
    rows = _wide_rows("2021年1-6月各县市区主要经济指标", COUNTIES)
    rows[1][1] = "地区生产总值(家)"
    _xlsx("29-宽表单位不相容.xlsx", rows, title="县市区")
    nbs = (
        "\ufeff数据库：分省年度数据 \n时间： \n地区\t,2021年\t,2020年\t,\n"
        "湖南省\t,1.0\t,2.0\t,\n数据来源：国家统计局"
    )
    (BAD / "30-某某数据.csv").write_text(nbs, encoding="utf-8")
    _csv(
        "31-缺少指标列.csv",
        [["地区", "时期", "数值", "单位"], ["吉首市", "2021年1-6月", 150.2, "亿元"]],
    )
    # What the store holds before file 22 is imported.
    GOOD.mkdir(exist_ok=True)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(
        [LONG, ["吉首市", "社会消费品零售总额", "2021年1-5月", 40.1, "亿元", 24.0, ""]]
    )
    (GOOD / "社零-2021年1-5月.csv").write_text(buf.getvalue(), encoding="utf-8")
    # Lower than that stored 1-5月: a warning (the stored figure may be preliminary).
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(
        [LONG, ["吉首市", "社会消费品零售总额", "2021年1-6月", 30.0, "亿元", 24.6, ""]]
    )
    (GOOD / "社零-2021年1-6月-低于库中.csv").write_text(buf.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    make()
    for p in sorted(BAD.iterdir()):
        print(p.name)
