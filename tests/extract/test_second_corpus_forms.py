"""Forms the second corpus (batches 10–13) showed: one-cell-per-line tables, review years,
shares of tasks, counts without a classifier, lists mixing 倍 and %."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from xingshi.extract import extract_text


def _facts(text: str, year: int = 2022, region: str | None = None):
    return [f for f in extract_text(text, year=year, region=region) if not f.derived]


def _pairs(text: str, year: int = 2022) -> list[tuple[str, float]]:
    return [(f.measure, float(f.value)) for f in _facts(text, year)]


# "(percentages)" in an expectation: compare the percentages only.
FORMS: list[tuple[str, list]] = [
    # A task share is progress only after a count of tasks done.
    (
        "欠进度的有17个，占总任务的7.7%；已完成和提前完成24个，占总任务的10.8%。",
        ["(percentages)", ("share_pct", 7.7), ("completed", 10.8)],
    ),
    # A count whose items follow in brackets takes the sentence's classifier.
    (
        "正常推进的有4项，占目标任务的40%；推进缓慢的有3（城区公办幼儿园建设、乡镇加油站建设）。",
        [("count", 4.0), ("share_pct", 40.0), ("count", 3.0)],
    ),
    # A list mixing 倍 and % is a list of growths.
    (
        "集成电路、新能源汽车和打印设备产量增速分别达到1.8倍、65.7%和37.3%。",
        ["(percentages)", ("growth_pct", 65.7), ("growth_pct", 37.3)],
    ),
    # 预计 with a time and a comma heads the whole sentence.
    (
        "预计十三五末，全县地区生产总值400亿元，年均增长6.2%；固定资产投资250.3亿元，年均增长10.3%。",
        [("target", 400.0), ("target", 6.2), ("target", 250.3), ("target", 10.3)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_form(text: str, expected: list) -> None:
    """Each sentence gives exactly these (measure, value) pairs in text order."""
    got = _pairs(text)
    if "(percentages)" in str(expected):
        got = [(m, v) for (m, v), f in zip(got, _facts(text), strict=True) if f.unit == "%"]
    assert got == [p for p in expected if p != "(percentages)"]


def test_task_table_one_cell_per_line() -> None:
    """A 序号/项目内容/当前进度 table copied one cell per line: targets and progress, dated."""
    text = (
        "2022年度民生实事未完成项目进度表(截至10月31日)\n\n序号\n\n项目内容\n\n当前进度\n\n"
        "牵头单位\n\n1\n\n建设四好农村路55公里。\n\n95%\n\n县交通局\n\n"
        "2\n\n建成投用中小学3所。\n\n88%(进度滞后)\n\n县教育局\n"
    )
    got = [(f.measure, float(f.value), f.period) for f in _facts(text)]
    assert got == [
        ("target", 55.0, "2022-01/2022-12"),
        ("completed", 95.0, "2022-01/2022-10"),
        ("target", 3.0, "2022-01/2022-12"),
        ("completed", 88.0, "2022-01/2022-10"),
    ]


def test_statistics_table_one_cell_per_line() -> None:
    """Header cells with units, then a label and one number per column; labels are no figures."""
    text = (
        "2021 年全州统计公报\n\n表1 2021 年年末常住人口数及构成\n\n年末数(万人)\n\n比重(%\n\n"
        "常住人口\n\n44.84\n\n100.0\n\n60 岁及以上\n\n4.78\n\n10.66\n"
    )
    got = [(f.measure, float(f.value), f.unit, f.period) for f in _facts(text, year=2021)]
    assert got == [
        ("count", 44.84, "万人", "2021-01/2021-12"),
        ("ratio_pct", 100.0, "%", "2021-01/2021-12"),
        ("count", 4.78, "万人", "2021-01/2021-12"),
        ("ratio_pct", 10.66, "%", "2021-01/2021-12"),
    ]


PERIODS: list[tuple[str, int, list[str]]] = [
    # 元至九月 is 1-9月.
    ("元至九月,全县完成生产总值56.7亿元,增长7.5%。", 2018, ["2018-01/2018-09"] * 2),
    # A review heading run into its paragraph gives 全年 its year, not the report's.
    (
        "一、2019年工作回顾2019年,是极富成效的一年。全年完成地区生产总值295.7亿元,增长8.9%。",
        2020,
        ["2019-01/2019-12"] * 2,
    ),
    # 是2011年的N倍 names the base of the multiple, 2016年末 the year reported.
    (
        "截至2016年末,全县生产总值完成96.4亿元,是2011年的1.37倍;财政收入6.1亿元。",
        2017,
        ["2016-01/2016-12"] * 3,
    ),
    # A year naming the work report is no period; the notice is on 上半年.
    (
        "对2025年《政府工作报告》目标任务上半年落实情况进行了督查。2025年《政府工作报告》明确145项"
        "目标任务。经督查核实,欠进度的有17个。",
        2025,
        ["2025-01/2025-06", "2025-01/2025-06"],
    ),
]


@pytest.mark.parametrize(("text", "year", "expected"), PERIODS)
def test_period(text: str, year: int, expected: list[str]) -> None:
    """Each figure of the text carries this period."""
    assert [f.period for f in _facts(text, year)] == expected


def test_rank_scope_is_not_the_region() -> None:
    """全市排名第1 in a district's text ranks the district, 全市 is only the scope."""
    facts = _facts("天桥区前三季度固定资产投资增长12.1%,全市排名第1。", region="天桥区")
    rank = [f for f in facts if f.measure == "rank"]
    assert [(f.region, f.value) for f in rank] == [("天桥区", 1)]


def test_scorer_keeps_a_prefecture_apart_from_its_namesake_province() -> None:
    """The scorer's region names: 海南藏族自治州 and 海南州 match, 海南省 does not."""
    path = Path(__file__).parent / "scoring.py"
    spec = importlib.util.spec_from_file_location("_scoring_regions", path)
    assert spec is not None and spec.loader is not None
    sc = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = sc
    spec.loader.exec_module(sc)
    assert sc.norm_region("海南藏族自治州") == sc.norm_region("海南州") != sc.norm_region("海南省")
    assert sc.norm_region("湘西土家族苗族自治州") == sc.norm_region("湘西州") == "湘西"


def test_numbered_task_then_progress() -> None:
    """A numbered item restating a task, then its progress from 上半年 on: targets, then reports."""
    text = "1.新开工亿元以上产业项目100个。上半年,新开工亿元以上产业项目80个。\n"
    assert [(f.measure, float(f.value)) for f in _facts(text, year=2021)] == [
        ("level", 1.0),  # 亿元以上: the threshold of the group, written with no digit
        ("target", 100.0),
        ("level", 1.0),
        ("count", 80.0),
    ]
