"""Write one small example file per import layout (same content every run; run to regenerate).

    python examples/layouts/make_layouts.py

All figures are simulated (示例数据（模拟）) except the NBS extract, which copies real values of
国家统计局 分省年度数据 (地区生产总值指数, 上年=100) for four provinces.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent
NOTE = "示例数据（模拟）"

# 湘西州 and its 8 counties, 2021年1-6月: GDP (亿元) and growth (%), retail (万元) and growth.
COUNTIES = [
    ("吉首市", 150.2, 13.1, 452300.0, 24.6),
    ("泸溪县", 45.3, 14.2, 101200.0, 22.1),
    ("凤凰县", 60.1, 10.5, 189500.0, 26.3),
    ("花垣县", 48.7, 15.3, 96800.0, 21.4),
    ("保靖县", 30.2, 11.8, 72100.0, 23.0),
    ("古丈县", 18.9, 9.6, 38600.0, 20.7),
    ("永顺县", 45.6, 12.0, 120400.0, 24.9),
    ("龙山县", 55.8, 11.2, 131900.0, 22.8),
]
PREFECTURE = ("湘西州", 455.0, 12.5, 1202800.0, 23.9)


def _ranks(values: list[float]) -> list[int]:
    """Competition ranks, highest first, ties share a rank (1, 2, 2, 4)."""
    return [1 + sum(1 for w in values if w > v) for v in values]


def write_long() -> Path:
    path = HERE / "长表-湘西州-2021年1-6月.csv"
    gdp_rank = _ranks([c[2] for c in COUNTIES])
    retail_rank = _ranks([c[4] for c in COUNTIES])
    rows = [["地区", "地区代码", "指标", "时期", "数值", "单位", "增长%", "位次", "备注"]]
    rows.append(
        [
            "湘西州",
            "433100",
            "地区生产总值",
            "2021年1-6月",
            PREFECTURE[1],
            "亿元",
            PREFECTURE[2],
            1,
            NOTE,
        ]
    )
    for (name, gdp, growth, _r, _g), rank in zip(COUNTIES, gdp_rank, strict=True):
        rows.append([name, "", "地区生产总值", "2021年1-6月", gdp, "亿元", growth, rank, NOTE])
    for (name, _gdp, _growth, retail, growth), rank in zip(COUNTIES, retail_rank, strict=True):
        rows.append(
            [
                name,
                "",
                "社会消费品零售总额",
                "2021年1-5月",
                round(retail / 1e4 * 0.82, 2),
                "亿元",
                "",
                "",
                NOTE,
            ]
        )
        rows.append(
            [
                name,
                "",
                "社会消费品零售总额",
                "2021年1-6月",
                retail / 1e4,
                "亿元",
                f"{growth}%",
                rank,
                NOTE,
            ]
        )
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def write_targets() -> Path:
    path = HERE / "目标-湘西州-2021年.csv"
    rows = [
        ["地区", "指标", "年度", "目标类型", "目标值", "单位", "备注"],
        ["湘西州", "地区生产总值", 2021, "增长", 8.0, "%", NOTE],
        ["湘西州", "社会消费品零售总额", 2021, "总量", 260.0, "亿元", NOTE],
        ["湘西州", "固定资产投资", 2021, "增长", 10.0, "%", NOTE],
        ["吉首市", "地区生产总值", 2021, "增长", 8.5, "%", NOTE],
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def write_wide() -> Path:
    """The layout statisticians circulate: title, unit note, merged two-row header, 注 footer."""
    path = HERE / "宽表-湘西州2021年上半年主要经济指标.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "县市区"
    ws.append(["湘西州2021年上半年主要经济指标完成情况"])
    ws.merge_cells("A1:G1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["单位：亿元、%"])
    ws.append(["地区", "地区生产总值(亿元)", None, None, "社会消费品零售总额", None, None])
    ws.append([None, "绝对值", "同比增长%", "位次", "累计(万元)", "增速", "排名"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:D3")
    ws.merge_cells("E3:G3")
    gdp_rank = _ranks([c[2] for c in COUNTIES])
    retail_rank = _ranks([c[4] for c in COUNTIES])
    ws.append(["全州", PREFECTURE[1], PREFECTURE[2], 1, PREFECTURE[3], PREFECTURE[4], "—"])
    for (name, gdp, growth, retail, rgrowth), r1, r2 in zip(
        COUNTIES, gdp_rank, retail_rank, strict=True
    ):
        ws.append([f"  {name}", gdp, growth, r1, retail, rgrowth, r2])
    ws.append([])
    ws.append([f"注：1. {NOTE}，不是官方统计数据。2. 全州位次为在全省14个市州中的位次。"])
    ws.append(["数据来源：示例"])
    wb.save(path)
    return path


def write_nbs() -> Path:
    """An extract of a real 国家数据 export, as downloaded (BOM, tab+comma, trailing comma)."""
    path = HERE / "国家数据-地区生产总值指数.csv"
    rows = [
        ("湖南省", ["", "104.7", "104.7", "104.2", "107.6", "103.8"]),
        ("湖北省", ["", "105.6", "106.1", "104.0", "112.9", "94.6"]),
        ("江西省", ["", "105.1", "104.2", "104.3", "108.9", "103.8"]),
        ("贵州省", ["", "105.3", "105.1", "101.2", "108.3", "104.6"]),
    ]
    years = ["2025年", "2024年", "2023年", "2022年", "2021年", "2020年"]
    lines = ["数据库：分省年度数据 ", "时间：2020年-2025年 "]
    lines.append("地区\t," + "".join(f"{y}\t," for y in years))
    for name, values in rows:
        lines.append(f"{name}\t," + "".join(f"{v}\t," for v in values))
    lines.append("注：摘自国家统计局分省年度数据，上年=100。")
    lines.append("数据来源：国家统计局")
    path.write_text("\ufeff" + "\n".join(lines), encoding="utf-8")
    return path


if __name__ == "__main__":
    for written in (write_long(), write_targets(), write_wide(), write_nbs()):
        print(written.name)
