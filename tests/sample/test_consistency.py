"""The simulated values pass the 审核 checks; the generator is deterministic."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest

from xingshi.sample import WORKBOOK_FILE, sample_dir

FILES = ("xiangxi_2020-2021.csv", "hunan_2020-2021.csv")
XX, PROVINCE = "433100", "430000"
COUNTIES = ["433101", "433122", "433123", "433124", "433125", "433126", "433127", "433130"]
PREFECTURES = [
    "430100", "430200", "430300", "430400", "430500", "430600", "430700",
    "430800", "430900", "431000", "431100", "431200", "431300", "433100",
]  # fmt: skip
# Cumulative flows (never fall within a year) whose growth is computable from nominal levels.
NOMINAL_FLOWS = {
    "规模以上工业总产值", "优势产业链产值", "社会消费品零售总额", "财政总收入", "地方财政收入",
    "税收收入", "工业税收", "非税收入", "城镇居民人均可支配收入", "农村居民人均可支配收入",
    "接待游客", "旅游收入", "实际利用内资", "招商引资到位资金", "新增企业", "减税降费",
}  # fmt: skip
STOCKS = {"金融机构贷款余额", "金融机构存款余额"}
# Additive indicators that the counties and prefectures report too (the rest are 湘西州 only).
ADDITIVE = (NOMINAL_FLOWS | STOCKS | {"地区生产总值", "四上企业数", "新增入规企业数"}) - {
    "城镇居民人均可支配收入",
    "农村居民人均可支配收入",
    "新增企业",
    "减税降费",
}


def read(name: str) -> list[dict[str, str]]:
    with (sample_dir() / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def month_of(period: str) -> tuple[int, int]:
    year, rest = period.split("年")
    return int(year), int(rest.rstrip("月").split("-")[-1])


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return [r for name in FILES for r in read(name)]


@pytest.fixture(scope="module")
def level() -> dict[tuple[str, str, int, int], float]:
    out = {}
    for name in FILES:
        for r in read(name):
            if r["数值"]:
                out[(r["地区代码"], r["指标"], *month_of(r["时期"]))] = float(r["数值"])
    return out


def test_one_value_per_key_and_shared_rows_identical():
    """No file repeats a region x indicator x period; 湘西州's rows are the same in both files."""
    by_file = {name: read(name) for name in FILES}
    for name, file_rows in by_file.items():
        keys = [(r["地区代码"], r["指标"], r["时期"]) for r in file_rows]
        assert len(keys) == len(set(keys)), name
    xx = [[r for r in by_file[name] if r["地区代码"] == XX] for name in FILES]
    assert xx[0] == xx[1]
    assert len(xx[0]) > 400


def test_every_row_is_marked(rows):
    """Every row says it is simulated or quotes the speech, so nobody takes it for official data."""
    assert all(r["备注"].startswith(("示例数据（模拟）", "讲话稿原文：")) for r in rows)
    quoted = [r for r in rows if r["备注"].startswith("讲话稿原文：")]
    assert {r["时期"] for r in quoted} == {"2021年1-6月", "2021年1-5月"}


def test_periods_follow_frequency(rows):
    """1-2月 are merged where the catalogue says so; GDP and income are quarterly only."""
    months = defaultdict(set)
    for r in rows:
        months[r["指标"]].add(month_of(r["时期"])[1])
    assert months["地区生产总值"] == {3, 6, 9, 12}
    assert months["城镇居民人均可支配收入"] == {3, 6, 9, 12}
    assert months["社会消费品零售总额"] == set(range(2, 13))
    assert months["规模以上工业增加值"] == set(range(2, 13))
    assert months["财政总收入"] == set(range(1, 13))
    assert months["金融机构贷款余额"] == set(range(1, 13))
    assert len(months) >= 20


def test_cumulative_flows_never_fall(level):
    """Within each year a cumulative flow grows month by month."""
    series = defaultdict(list)
    for (code, ind, year, month), value in level.items():
        if ind in NOMINAL_FLOWS or ind == "新增入规企业数":
            series[(code, ind, year)].append((month, value))
    assert len(series) > 300
    for key, points in series.items():
        values = [v for _m, v in sorted(points)]
        assert values == sorted(values), key


def test_published_growth_agrees_with_levels(rows, level):
    """For nominal indicators published growth is level / last year's − 1, within 0.1 pp."""
    checked = 0
    for r in rows:
        if r["指标"] not in NOMINAL_FLOWS | STOCKS or not r["增长%"]:
            continue
        year, month = month_of(r["时期"])
        before = level.get((r["地区代码"], r["指标"], year - 1, month))
        if before is None:
            continue
        computed = (float(r["数值"]) / before - 1) * 100
        assert abs(computed - float(r["增长%"])) <= 0.1, r
        checked += 1
    assert checked > 3500


def test_children_add_up_to_parent(level):
    """Counties add up to 湘西州 and prefectures to 湖南省 within 1% for additive indicators."""
    checked = 0
    for (code, ind, year, month), value in level.items():
        if ind not in ADDITIVE or code not in (XX, PROVINCE):
            continue
        children = COUNTIES if code == XX else PREFECTURES
        parts = [level.get((c, ind, year, month)) for c in children]
        if ind == "优势产业链产值":
            assert parts == [None] * len(children)
            continue
        assert None not in parts, (code, ind, year, month)
        assert abs(sum(parts) - value) <= 0.01 * value, (code, ind, year, month)
        checked += 1
    assert checked > 700


def test_province_growth_is_its_own_figure(rows):
    """湖南省's 2021年1-6月 GDP growth is its published 12.6%, not the mean of its prefectures."""
    gdp = {
        r["地区代码"]: float(r["增长%"])
        for r in rows
        if r["指标"] == "地区生产总值" and r["时期"] == "2021年1-6月"
    }
    assert gdp[PROVINCE] == 12.6
    assert gdp[PROVINCE] != round(sum(gdp[c] for c in PREFECTURES) / 14, 1)


def test_air_quality_second_by_level(level):
    """空气质量优良率 97.8% ranks second among the 14 市州 ("空气质量位居全省第二")."""
    values = {c: level[(c, "空气质量优良率", 2021, 6)] for c in PREFECTURES}
    assert sorted(values.values(), reverse=True).index(values[XX]) == 1
    assert all(v <= 100 for v in values.values())


def test_workbook_agrees_with_csv(level):
    """The wide workbook has the CSV's 2021年1-6月 numbers for 全州 and each county."""
    ws = openpyxl.load_workbook(sample_dir() / WORKBOOK_FILE, read_only=True).active
    cells = list(ws.iter_rows(values_only=True))
    assert cells[0][0] == "2021年1-6月湘西州各县市区主要经济指标"
    header, sub = cells[1], cells[2]
    names = {r["地区"]: r["地区代码"] for r in read("xiangxi_2020-2021.csv")}
    growth = {
        (r["地区代码"], r["指标"]): r["增长%"]
        for r in read("xiangxi_2020-2021.csv")
        if r["时期"] == "2021年1-6月"
    }
    compared = 0
    for row in cells[3:12]:
        code = XX if row[0] == "全州" else names[row[0]]
        indicator = None
        for col in range(1, len(row)):
            if header[col]:
                indicator = header[col].split("(")[0]
            if sub[col] == "绝对值":
                assert row[col] == level[(code, indicator, 2021, 6)]
            else:
                assert row[col] == float(growth[(code, indicator)])
            compared += 1
    assert compared == 9 * 20


def test_generator_is_deterministic(tmp_path: Path):
    """Running the generator again writes byte-identical files to the committed ones."""
    script = sample_dir() / "make_sample.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True, timeout=120)
    for name in (*FILES, "targets_2021.csv", WORKBOOK_FILE):
        assert (tmp_path / name).read_bytes() == (sample_dir() / name).read_bytes(), name


def test_indicators_resolve_in_catalogue_and_keep_its_frequency(rows):
    """Every indicator name resolves in the shipped catalogue; no 1月 where 1-2月 are merged."""
    from xingshi.catalog.indicators import IndicatorCatalog

    catalogue = IndicatorCatalog.load()
    months = defaultdict(set)
    for r in rows:
        months[r["指标"]].add(month_of(r["时期"])[1])
    codes = set()
    for name, seen in months.items():
        ind = catalogue.resolve(name)
        codes.add(ind.code)
        if ind.frequency == "monthly":
            assert 1 not in seen, name
        if ind.frequency == "quarterly":
            assert seen == {3, 6, 9, 12}, name
    assert len(codes) == len(months) == 28
