"""Write workbooks and CSVs in the shapes statistics bureaus really circulate (invented figures).

    python tests/ingest/data/real-shapes/make_real_shapes.py

Each file reproduces one family of real layouts (three-row headers, text numbers, Excel error
values, formulas, merged cells, footers with signatures, GBK CSV from WPS, 并列 ranks…);
``tests/ingest/test_real_shapes.py`` states what each must yield. Same content every run.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
COUNTIES = ["吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "古丈县", "永顺县", "龙山县"]
# Invented figures: GDP (亿元), growth %, rank by growth among the 8 counties.
GDP = [150.2, 38.1, 52.4, 41.7, 30.9, 16.3, 44.8, 48.6]
GDP_GROWTH = [8.1, 7.2, 9.4, 6.5, 7.0, 6.1, 8.8, 7.9]
RETAIL_WAN = [452300, 101200, 189500, 96300, 70100, 40200, 120400, 132800]  # 万元
RETAIL_GROWTH = [24.6, 21.0, 26.3, 19.8, 22.4, 18.7, 24.9, 23.1]


def _ranks(values: list[float]) -> list[int]:
    return [1 + sum(v > x for v in values) for x in values]


def _save(wb: Workbook, name: str) -> None:
    wb.save(HERE / name)


def three_row_header() -> None:
    """Group row (工业/投资/消费) over merged indicator names over 绝对值/增速/位次."""
    wb = Workbook()
    ws = wb.active
    ws.title = "主要指标"
    ws.append(["2021年1-6月湘西州各县市区主要经济指标"])
    ws.merge_cells("A1:K1")
    ws.append(["单位：亿元、%"])
    ws.append(["序号", "县市区", "综合", None, None, "工业", None, "消费", None, None])
    ws.append(
        [None, None, "地区生产总值", None, None, "规模以上工业增加值", None, "社会消费品零售总额"]
    )
    ws.append(
        [None, None, "绝对值", "增速", "位次", "增速", "位次", "绝对值(万元)", "增速", "位次"]
    )
    for rng in ("A3:A5", "B3:B5", "C3:E3", "F3:G3", "H3:J3", "C4:E4", "F4:G4", "H4:J4"):
        ws.merge_cells(rng)
    ind_growth = [9.5, 8.0, 12.1, 7.4, 6.9, 5.2, 10.3, 8.8]
    # 全州 sits in the merged A6:B6, so its text is in column A (a real, common shape).
    ws.append(["全州", None, 423.0, 7.9, None, 8.6, None, 1202800, 23.9, None])
    ws.merge_cells("A6:B6")
    for i, name in enumerate(COUNTIES):
        ws.append(
            [
                i + 1,
                name,
                GDP[i],
                GDP_GROWTH[i],
                _ranks(GDP_GROWTH)[i],
                ind_growth[i],
                _ranks(ind_growth)[i],
                RETAIL_WAN[i],
                RETAIL_GROWTH[i],
                _ranks(RETAIL_GROWTH)[i],
            ]
        )
    ws.append(["注：地区生产总值为初步核算数，增速按可比价计算。"])
    _save(wb, "01-三行表头分组.xlsx")


def text_numbers() -> None:
    """Numbers typed as text: thousands separators, full-width digits, %, spaces, dashes."""
    wb = Workbook()
    ws = wb.active
    ws.title = "社零"
    ws.append(["湘西州2021年1-6月社会消费品零售总额"])
    ws.append(["地  区", "社会消费品零售总额（万元）", None, None])
    ws.append([None, "1-6月累计", "同比增长（%）", "位次"])
    ws.merge_cells("B2:D2")
    ws.append(["全  州", "1,202,800", "23.9%", "—"])
    ws.append(["吉首市", "452,300 ", "２４.６", "３"])
    ws.append(["泸溪县", "101,200.0", " 21.0 ", "6"])
    ws.append(["凤凰县", "１８９５００", "26.3％", "1"])
    ws.append(["花垣县", "96300", "19.8", "7"])
    ws.append(["保靖县", "70100", "/", "/"])
    ws.append(["古丈县", "-", "-", "-"])
    ws.append(["永顺县", "120400", "+24.9", "2"])
    ws.append(["龙山县", "132800", "23.1", "4"])
    _save(wb, "02-文本数字千分位全角.xlsx")


def excel_errors() -> None:
    """A #DIV/0! growth (last year zero) and a #REF! level (broken link)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "投资"
    ws.append(["2021年1-6月各县市区固定资产投资"])
    ws.append(["地区", "固定资产投资", None, None])
    ws.append([None, "累计(亿元)", "增速%", "位次"])
    ws.append(["吉首市", 60.5, 12.3, 1])
    ws.append(["古丈县", 3.2, "#DIV/0!", None])
    ws.append(["龙山县", "#REF!", 8.1, 2])
    _save(wb, "03-Excel错误值.xlsx")


def _add_cached_values(path: Path, values: dict[str, float]) -> None:
    """Give formula cells the cached results Excel stores (openpyxl writes formulas only)."""
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode("utf-8")
    for ref, value in values.items():
        xml = re.sub(
            rf'(<c r="{ref}"[^>]*>)<f>([^<]*)</f>(<v\s*/>|<v></v>)?',
            rf"\1<f>\2</f><v>{value}</v>",
            xml,
        )
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in parts.items():
            zf.writestr(n, data)


def _formula_sheet() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "财政"
    ws.append(["2021年1-6月各县市区地方一般公共预算收入"])
    ws.append(["单位：万元"])
    ws.append(["县市区", "本年累计", "上年同期", "增幅%"])
    ws.append(["吉首市", 98000, 87000, "=ROUND((B4/C4-1)*100,1)"])
    ws.append(["泸溪县", 21000, 19500, "=ROUND((B5/C5-1)*100,1)"])
    ws.append(["凤凰县", 33000, 30100, "=ROUND((B6/C6-1)*100,1)"])
    return wb


def formulas() -> None:
    """Growth computed by formulas, saved by Excel with cached results; and the same unsaved."""
    _save(_formula_sheet(), "04-公式有缓存值.xlsx")
    _add_cached_values(
        HERE / "04-公式有缓存值.xlsx",
        {"D4": round((98000 / 87000 - 1) * 100, 1), "D5": 7.7, "D6": 9.6},
    )
    _save(_formula_sheet(), "05-公式无计算结果.xlsx")


def hidden_rows_columns() -> None:
    """A hidden helper column (上年同期) and a hidden spare row; the figures are still figures."""
    wb = Workbook()
    ws = wb.active
    ws.title = "GDP"
    ws.append(["湘西州2021年上半年地区生产总值"])
    ws.append(["地区", "地区生产总值(亿元)", None, None])
    ws.append([None, "绝对值", "上年同期", "增长%"])
    ws.merge_cells("B2:D2")
    ws.append(["吉首市", 150.2, 138.9, 8.1])
    ws.append(["泸溪县", 38.1, 35.5, 7.2])
    ws.append(["凤凰县", 52.4, 47.9, 9.4])
    ws.column_dimensions["C"].hidden = True
    ws.row_dimensions[5].hidden = True
    _save(wb, "06-隐藏行列.xlsx")


def spaced_and_short_names() -> None:
    """Names with spaces inside (吉 首 市, 全　州) and dropped suffixes (泸溪, 龙山)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "社零"
    ws.append(["2021年1-6月全州社会消费品零售总额"])
    ws.append(["地区", "社会消费品零售总额(亿元)", "增速(%)"])
    names = ["吉 首 市", "泸溪", "凤 凰", "花垣", "保靖", "古丈", "永顺", "龙山"]
    ws.append(["全　州", 120.28, 23.9])
    for i, name in enumerate(names):
        ws.append([name, round(RETAIL_WAN[i] / 10000, 2), RETAIL_GROWTH[i]])
    _save(wb, "07-地区名空格与简称.xlsx")


def sub_rows() -> None:
    """其中： sub-rows for parks (高新区, 经开区) under a county: not regions of the catalogue."""
    wb = Workbook()
    ws = wb.active
    ws.title = "规模工业"
    ws.append(["2021年1-6月各县市区规模以上工业增加值"])
    ws.append(["地区", "规模工业增加值增速(%)", "规模工业增加值位次"])
    ws.append(["吉首市", 9.5, 2])
    ws.append(["  其中：湘西高新区", 11.2, None])
    ws.append(["泸溪县", 8.0, 4])
    ws.append(["其中：湘西经开区", 8.5, None])
    ws.append(["凤凰县", 12.1, 1])
    ws.append(["花垣县", 9.0, 3])
    _save(wb, "08-其中子行园区.xlsx")


def footer_signatures() -> None:
    """Unit row, then signatures and dates under the table (填报单位/负责人/制表/报出日期)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["湘西州2021年1-6月地方一般公共预算收入完成情况"])
    ws.append([None, None, None, "单位：万元、%"])
    ws.append(["县市区", "地方一般公共预算收入", "增幅", "增幅位次"])
    ws.append(["吉首市", 98000, 12.6, 2])
    ws.append(["泸溪县", 21000, 7.7, 3])
    ws.append(["凤凰县", 33000, 13.2, 1])
    ws.append([None])
    ws.append(["单位负责人：张三", None, "统计负责人：李四"])
    ws.append(["填表人：王五", None, "报出日期：2021年7月12日"])
    ws.append(["制表：州统计局综合科"])
    _save(wb, "09-单位行与签名页脚.xlsx")


def many_sheets() -> None:
    """A workbook with a notes sheet, an empty chart-data sheet and two data sheets."""
    wb = Workbook()
    notes = wb.active
    notes.title = "说明"
    notes.append(["一、本表数据为快报数，以年报为准。"])
    notes.append(["二、增速按可比价计算。"])
    chart = wb.create_sheet("图表")
    chart.append(["各县市区GDP增速图"])
    gdp = wb.create_sheet("GDP")
    gdp.append(["2021年1-6月各县市区地区生产总值"])
    gdp.append(["地区", "地区生产总值（亿元）", "增速（%）", "位次"])
    for i, name in enumerate(COUNTIES):
        gdp.append([name, GDP[i], GDP_GROWTH[i], _ranks(GDP_GROWTH)[i]])
    fin = wb.create_sheet("财政")
    fin.append(["2021年1-6月各县市区财政总收入"])
    fin.append(["地区", "财政总收入(万元)", "同比±%"])
    fin.append(["吉首市", 180000, 10.2])
    fin.append(["凤凰县", 61000, 11.8])
    _save(wb, "10-多工作表含说明和图表.xlsx")


def wps_gbk_csv() -> None:
    """A wide table saved as CSV by WPS: GBK, CRLF, title row, two-row header, quoted 1,234."""
    rows = [
        ["2021年1-6月湘西州各县市区主要指标", "", "", "", ""],
        ["地区", "社会消费品零售总额(万元)", "", "固定资产投资", ""],
        ["", "累计", "增长%", "增速", "位次"],
        ["全州", "1,202,800", "23.9", "11.2", ""],
        ["吉首市", "452,300", "24.6", "12.3", "1"],
        ["泸溪县", "101,200", "21.0", "9.8", "2"],
    ]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    (HERE / "11-WPS导出GBK.csv").write_bytes(buf.getvalue().encode("gbk"))


def mixed_months() -> None:
    """Title says 1-6月; the investment growth columns are 1-5月 and 1-6月 side by side."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["湘西州2021年1-6月各县市区主要经济指标"])
    ws.append(["地区", "社会消费品零售总额(亿元)", None, "固定资产投资增速(%)", None])
    ws.append([None, "1-6月", "增速", "1-5月", "1-6月"])
    ws.append(["吉首市", 45.23, 24.6, 11.0, 12.3])
    ws.append(["泸溪县", 10.12, 21.0, 9.1, 9.8])
    _save(wb, "12-标题1-6月子表头1-5月.xlsx")


def mixed_units() -> None:
    """亿元 and 万元 side by side; the note row names 亿元 only."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2021年上半年各县市区主要指标"])
    ws.append(["单位：亿元"])
    ws.append(["地区", "地区生产总值", "税收收入(万元)", "金融机构存款余额"])
    ws.append(["吉首市", 150.2, 52000, 612.5])
    ws.append(["泸溪县", 38.1, 9800, 101.3])
    _save(wb, "13-亿元万元混合.xlsx")


def tied_ranks() -> None:
    """Ties written 并列3 and 3（并列）, ranks written 第1位."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2021年1-6月各县市区规模工业增加值"])
    ws.append(["县市区", "规模工业增加值增速(%)", "增速排位"])
    ws.append(["吉首市", 9.5, "第1位"])
    ws.append(["泸溪县", 8.0, "并列3"])
    ws.append(["凤凰县", 8.0, "3（并列）"])
    ws.append(["花垣县", 9.0, "2"])
    ws.append(["保靖县", 6.9, "5"])
    _save(wb, "14-并列位次.xlsx")


def indicators_down_regions_across() -> None:
    """Indicators down the rows, regions across, 单位 column, 其中 and section rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "分县市区"
    ws.append(["2021年1-6月湘西州分县市区主要经济指标"])
    ws.append(["指标名称", "计量单位", "全州", None, "吉首市", None, "泸溪县", None])
    ws.append([None, None, "绝对值", "增长%", "绝对值", "增长%", "绝对值", "增长%"])
    ws.append(["一、综合", None, None, None, None, None, None, None])
    ws.append(["地区生产总值", "亿元", 423.0, 7.9, 150.2, 8.1, 38.1, 7.2])
    ws.append(["二、消费", None])
    ws.append(["社会消费品零售总额", "万元", 1202800, 23.9, 452300, 24.6, 101200, 21.0])
    ws.append(["  其中：限额以上", "万元", 402800, 18.2, 152300, 20.1, 31200, 15.0])
    ws.append(["三、财政"])
    ws.append(["地方一般公共预算收入", "万元", 260000, 11.1, 98000, 12.6, 21000, 7.7])
    _save(wb, "15-指标纵排地区横排.xlsx")


def one_indicator_months_across() -> None:
    """One indicator per sheet: counties down, months across (指标：… line above)."""
    wb = Workbook()
    for i, (title, unit_line) in enumerate(
        [
            ("规模工业增加值", "指标：规模以上工业增加值_同比增长(%)"),
            ("固投", "指标：固定资产投资_累计增长(%)"),
        ]
    ):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = title
        ws.append([unit_line])
        ws.append(["地区", "2021年1-2月", "2021年1-3月", "2021年1-4月", "2021年1-5月"])
        ws.append(["吉首市", 12.1, 11.0, 10.2, 9.8])
        ws.append(["泸溪县", 8.3, 8.0, "--", 7.5])
        ws.append(["注：1-2月合并统计。"])
    _save(wb, "16-一指标一表月份横排.xlsx")


def monthly_report() -> None:
    """The region's own 统计月报: 本月, 1-6月累计, 同比±%, 上年同期 and a sub-item row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "主要指标"
    ws.append(["湘西州2021年6月主要经济指标"])
    ws.append(["指标", "单位", "本月", "1-6月累计", "上年同期", "同比±%"])
    ws.append(["社会消费品零售总额", "亿元", 21.0, 120.28, 97.08, 23.9])
    ws.append(["  其中：城镇", "亿元", 17.1, 98.1, 79.9, 22.8])
    ws.append(["一般公共预算支出", "亿元", 30.1, 210.4, 201.9, 4.2])
    ws.append(["全社会用电量", "万千瓦时", 21000, 120300, 110900, 8.5])
    ws.append(["填报单位：湘西州统计局"])
    _save(wb, "17-统计月报本月累计.xlsx")


def county_finance_long_like() -> None:
    """A one-indicator table with 序号 first and rank in the last column, 增幅 as header."""
    wb = Workbook()
    ws = wb.active
    ws.title = "财政"
    ws.append(["2021年1-6月分县市区地方一般公共预算收入"])
    ws.append(["序号", "县市区", "地方一般公共预算收入(万元)", "增幅(%)", "位次"])
    growth = [12.6, 7.7, 13.2, 5.0, 6.1, 3.3, 9.9, 8.4]
    values = [98000, 21000, 33000, 19000, 14000, 6000, 27000, 31000]
    for i, name in enumerate(COUNTIES):
        ws.append([i + 1, name, values[i], growth[i], _ranks(growth)[i]])
    ws.append(["合计", None, sum(values), 9.6, None])
    _save(wb, "18-分县市区财政收入增幅位次.xlsx")


def excel_error_in_long() -> None:
    """A long CSV where one growth cell holds #N/A (a lookup that found nothing)."""
    rows = [
        ["地区", "指标", "时期", "数值", "单位", "增长%"],
        ["吉首市", "地区生产总值", "2021年1-6月", "150.2", "亿元", "8.1"],
        ["泸溪县", "地区生产总值", "2021年1-6月", "38.1", "亿元", "#N/A"],
    ]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    (HERE / "19-长表含错误值.csv").write_bytes(buf.getvalue().encode("utf-8-sig"))


def year_sub_headers() -> None:
    """This year and last year side by side as sub-headers (2021年1-6月 | 2020年1-6月)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2021年1-6月各县市区地区生产总值"])
    ws.append(["地区", "地区生产总值（亿元）", None, None])
    ws.append([None, "2021年1-6月", "2020年1-6月", "增长%"])
    ws.merge_cells("B2:D2")
    ws.append(["吉首市", 150.2, 138.9, 8.1])
    ws.append(["泸溪县", 38.1, 35.5, 7.2])
    _save(wb, "20-本年上年时期子表头.xlsx")


def own_level_and_parks() -> None:
    """州本级 and a 经开区 as rows of their own beside the counties, minus signs as U+2212."""
    wb = Workbook()
    ws = wb.active
    ws.title = "财政"
    ws.append(["2021年1-6月各县市区地方一般公共预算收入"])
    ws.append(["地区", "地方一般公共预算收入(万元)", "增幅(%)"])
    ws.append(["全州", 260000, 11.1])
    ws.append(["州本级", 40000, 10.0])
    ws.append(["吉首市", 98000, 12.6])
    ws.append(["湘西经开区", 12000, 15.0])
    ws.append(["泸溪县", 21000, "\u22121.5"])
    _save(wb, "21-州本级与经开区行.xlsx")


def short_indicator_names() -> None:
    """Everyday short names (社零总额, 规工增加值) and qualifiers in brackets (不含农户)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2021年各县市区主要经济指标（1-6月）"])
    ws.append(
        ["地区", "社零总额(亿元)", "社零增速(%)", "规工增加值增速(%)", "固定资产投资(不含农户)"]
    )
    ws.append([None, None, None, None, "增速"])
    ws.append(["吉首市", 45.23, 24.6, 9.5, 12.3])
    ws.append(["泸溪县", 10.12, 21.0, 8.0, 9.8])
    _save(wb, "22-简称指标与标题后置月份.xlsx")


def two_year_average_columns() -> None:
    """2021 tables: 两年平均增长, 比2019年增长, 上年同期增速, 完成年度目标% beside the figures."""
    wb = Workbook()
    ws = wb.active
    ws.title = "GDP"
    ws.append(["2021年1-6月各县市区地区生产总值"])
    ws.append(["地区", "地区生产总值", None, None, None, None, None])
    ws.append(
        [
            None,
            "绝对值(亿元)",
            "同比增长%",
            "两年平均增长%",
            "比2019年同期增长%",
            "上年同期增速%",
            "完成年度目标%",
        ]
    )
    ws.merge_cells("B2:G2")
    ws.append(["全州合计", 188.3, 7.9, 6.0, 12.3, 3.1, 48.2])
    ws.append(["吉首市", 150.2, 8.1, 6.2, 12.8, 3.0, 49.0])
    ws.append(["泸溪县", 38.1, 7.2, 5.5, 11.3, 3.5, 47.1])
    _save(wb, "23-两年平均与目标完成度列.xlsx")


def change_and_month_on_month() -> None:
    """比上年增减(亿元) is a change in money and 环比 is not year-on-year: neither is growth."""
    wb = Workbook()
    ws = wb.active
    ws.title = "社零"
    ws.append(["2021年1-6月各县市区社会消费品零售总额"])
    ws.append(["地区", "社会消费品零售总额", None, None, None])
    ws.append([None, "本期(亿元)", "比上年增减(亿元)", "增长%", "环比增长%"])
    ws.merge_cells("B2:E2")
    ws.append(["吉首市", 45.23, 8.93, 24.6, 1.2])
    ws.append(["泸溪县", 10.12, 1.76, 21.0, 0.8])
    _save(wb, "24-增减额与环比列.xlsx")


def monthly_report_two_year() -> None:
    """A region's monthly report with 两年平均增长 and 比2019年 columns beside 同比增长."""
    wb = Workbook()
    ws = wb.active
    ws.title = "月报"
    ws.append(["湘西州2021年6月主要经济指标"])
    ws.append(["指标", "单位", "1-6月累计", "同比增长%", "两年平均增长%", "比2019年同期增长%"])
    ws.append(["地区生产总值", "亿元", 423.0, 7.9, 6.0, 12.3])
    ws.append(["社会消费品零售总额", "亿元", 120.28, 23.9, 5.1, 10.2])
    _save(wb, "25-月报两年平均列.xlsx")


def same_role_twice() -> None:
    """Two growth columns under one indicator with nothing telling them apart: an error."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2021年1-6月各县市区固定资产投资"])
    ws.append(["地区", "固定资产投资", None, None])
    ws.append([None, "增长%", "增速", "位次"])
    ws.merge_cells("B2:D2")
    ws.append(["吉首市", 12.3, 6.1, 1])
    ws.append(["泸溪县", 9.8, 5.0, 2])
    _save(wb, "26-同一指标两列增速.xlsx")


def months_typed_as_dates() -> None:
    """Month headers typed as dates (shown 2021年3月) under a 累计增速 title: 1-3月, 1-4月…"""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["规模以上工业增加值累计增速（%）"])
    ws.append(["地区", datetime(2021, 3, 1), datetime(2021, 4, 1), datetime(2021, 5, 1)])
    for cell in ws[2][1:]:
        cell.number_format = 'yyyy"年"m"月"'
    ws.append(["吉首市", 11.0, 10.2, 9.8])
    ws.append(["泸溪县", 8.0, 7.9, 7.5])
    _save(wb, "27-月份为日期的表头.xlsx")


def unit_note_in_brackets() -> None:
    """（单位：万元） in brackets at the right, over a one-indicator table named by its title."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2021年1-6月各县市区社会消费品零售总额"])
    ws.append([None, None, "（单位：万元）"])
    ws.append(["地区", "累计", "增速%"])
    ws.append(["吉首市", 452300, 24.6])
    ws.append(["泸溪县", 101200, 21.0])
    _save(wb, "28-括号中的单位说明.xlsx")


def hidden_old_sheet() -> None:
    """A visible 1-6月 sheet and a hidden copy of last month's sheet left in the workbook."""
    wb = Workbook()
    ws = wb.active
    ws.title = "6月"
    ws.append(["2021年1-6月各县市区社会消费品零售总额"])
    ws.append(["地区", "社会消费品零售总额(亿元)", "增速(%)"])
    ws.append(["吉首市", 45.23, 24.6])
    ws.append(["泸溪县", 10.12, 21.0])
    old = wb.create_sheet("5月")
    old.append(["2021年1-5月各县市区社会消费品零售总额"])
    old.append(["地区", "社会消费品零售总额(亿元)", "增速(%)"])
    old.append(["吉首市", 37.80, 25.1])
    old.append(["泸溪县", 8.40, 21.9])
    old.sheet_state = "hidden"
    _save(wb, "29-隐藏的旧月份工作表.xlsx")


def footnote_marks() -> None:
    """Footnote marks on names and figures: 吉首市①, 12.5*, 8.1△ with the notes below."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2021年1-6月各县市区规模以上工业增加值"])
    ws.append(["地区", "规模以上工业增加值增速(%)", "位次"])
    ws.append(["吉首市①", "9.5*", 1])
    ws.append(["泸溪县", "8.0△", 2])
    ws.append(["凤凰县②", 7.4, 3])
    ws.append(["注：①含湘西高新区；②为快报数；*为预计数；△为初步核算数。"])
    _save(wb, "30-脚注标记.xlsx")


def long_sheet_period_forms() -> None:
    """A long sheet whose 时期 cells are dates (Excel turned 2021-06 into one) or 2021上半年."""
    wb = Workbook()
    ws = wb.active
    ws.title = "长表"
    ws.append(["地区", "指标", "时期", "数值", "单位", "增长%"])
    ws.append(["吉首市", "金融机构存款余额", datetime(2021, 6, 30), 612.5, "亿元", 9.1])
    ws.append(["泸溪县", "金融机构存款余额", "2021-06-30", 101.3, "亿元", 7.7])
    ws.append(["吉首市", "地区生产总值", "2021上半年", 150.2, "亿元", 8.1])
    ws.append(["泸溪县", "地区生产总值", "2021年上半年度", 38.1, "亿元", 7.2])
    _save(wb, "31-长表时期为日期.xlsx")


def regions_and_periods_down() -> None:
    """地区 and 时期 down (region merged over its months), indicators across."""
    wb = Workbook()
    ws = wb.active
    ws.title = "分月"
    ws.append(["2021年各县市区分月主要指标"])
    ws.append(["地区", "时期", "社会消费品零售总额(亿元)", "增速(%)", "规模工业增加值增速(%)"])
    ws.append(["吉首市", "1-5月", 37.80, 25.1, 10.0])
    ws.append([None, "1-6月", 45.23, 24.6, 9.5])
    ws.append(["泸溪县", "1-5月", 8.40, 21.9, 8.3])
    ws.append([None, "1-6月", 10.12, 21.0, 8.0])
    ws.merge_cells("A3:A4")
    ws.merge_cells("A5:A6")
    _save(wb, "32-地区时期纵排指标横排.xlsx")


def report_headed_project() -> None:
    """A monthly report headed 项目 (used for both orientations) and one with a blank corner."""
    for name, corner in (("33-月报首列为项目.xlsx", "项目"), ("34-月报首列表头空白.xlsx", None)):
        wb = Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        ws.append(["湘西州2021年1-6月主要经济指标"])
        ws.append([corner, "单位", "1-6月", "同比增长%"])
        ws.append(["地区生产总值", "亿元", 423.0, 7.9])
        ws.append(["社会消费品零售总额", "亿元", 120.28, 23.9])
        _save(wb, name)


def growth_rows_regions_across() -> None:
    """项目 over regions across; a level row and a 增速(%) row for the same indicator."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2021年1-6月各县市区主要指标"])
    ws.append(["项目", "全州", "吉首市", "泸溪县"])
    ws.append(["地区生产总值(亿元)", 423.0, 150.2, 38.1])
    ws.append(["地区生产总值增速(%)", 7.9, 8.1, 7.2])
    ws.append(["地区生产总值位次", None, 1, 2])
    _save(wb, "35-项目地区横排增速行.xlsx")


def stacked_tables() -> None:
    """Two tables in one sheet, one under the other, each with its title and header."""
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(["2021年1-6月各县市区地区生产总值"])
    ws.append(["地区", "地区生产总值(亿元)", "增速(%)"])
    ws.append(["吉首市", 150.2, 8.1])
    ws.append(["泸溪县", 38.1, 7.2])
    ws.append([None])
    ws.append(["2021年1-5月各县市区地方一般公共预算收入"])
    ws.append(["单位：万元"])
    ws.append(["地区", "地方一般公共预算收入", "增幅(%)"])
    ws.append(["吉首市", 81000, 12.0])
    ws.append(["泸溪县", 17500, 7.1])
    _save(wb, "36-一表两块.xlsx")


def units_row() -> None:
    """A row of units (亿元 | 万元 | %) under the indicator names instead of roles."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2021年1-6月各县市区主要指标"])
    ws.append(["地区", "地区生产总值", None, "社会消费品零售总额", None, "地方一般公共预算收入"])
    ws.append([None, "亿元", "%", "万元", "%", "万元"])
    ws.merge_cells("B2:C2")
    ws.merge_cells("D2:E2")
    ws.append(["吉首市", 150.2, 8.1, 452300, 24.6, 98000])
    ws.append(["泸溪县", 38.1, 7.2, 101200, 21.0, 21000])
    _save(wb, "37-单位行代替子表头.xlsx")


def roles_then_units() -> None:
    """Roles (本期 | 增速) over a units row (万元 | %) over the figures."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["2021年1-6月各县市区社会消费品零售总额"])
    ws.append(["地区", "社会消费品零售总额", None])
    ws.append([None, "本期", "增速"])
    ws.append([None, "万元", "%"])
    ws.merge_cells("B2:C2")
    ws.append(["吉首市", 452300, 24.6])
    ws.append(["泸溪县", 101200, 21.0])
    _save(wb, "38-子表头下再有单位行.xlsx")


def main() -> None:
    three_row_header()
    text_numbers()
    excel_errors()
    formulas()
    hidden_rows_columns()
    spaced_and_short_names()
    sub_rows()
    footer_signatures()
    many_sheets()
    wps_gbk_csv()
    mixed_months()
    mixed_units()
    tied_ranks()
    indicators_down_regions_across()
    one_indicator_months_across()
    monthly_report()
    county_finance_long_like()
    excel_error_in_long()
    year_sub_headers()
    own_level_and_parks()
    short_indicator_names()
    two_year_average_columns()
    change_and_month_on_month()
    monthly_report_two_year()
    same_role_twice()
    months_typed_as_dates()
    unit_note_in_brackets()
    hidden_old_sheet()
    footnote_marks()
    long_sheet_period_forms()
    regions_and_periods_down()
    report_headed_project()
    growth_rows_regions_across()
    stacked_tables()
    units_row()
    roles_then_units()


if __name__ == "__main__":
    main()
