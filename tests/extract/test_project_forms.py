"""Project-progress notices, park reports and commerce summaries: plans, starts and tasks."""

from __future__ import annotations

import pytest

from xingshi.extract import extract_text


def _facts(text: str, year: int = 2022) -> list[tuple[str, float]]:
    return [(f.measure, float(f.value)) for f in extract_text(text, year=year) if not f.derived]


FORMS: list[tuple[str, list[tuple[str, float]]]] = [
    # Starts counted after the planned number are progress against that plan.
    (
        "本年度计划新开工项目86项，目前实际已开工61项，开工率达70.9%。",
        [("target", 86.0), ("completed", 61.0), ("ratio_pct", 70.9)],
    ),
    # A group named by its plan is counted; what happened to it is progress, not a goal.
    (
        "58个年度计划新开项目实际开工41个，项目开工率达70.7%。",
        [("count", 58.0), ("completed", 41.0), ("ratio_pct", 70.7)],
    ),
    # Once the starts are counted, the rate after them is a fact.
    (
        "12个计划投产项目实现投产9个，投产率达75%。",
        [("count", 12.0), ("completed", 9.0), ("ratio_pct", 75.0)],
    ),
    # The planned amount's own growth over last year is a growth, not a goal.
    (
        "重点项目个数和年度计划投资同比分别增长23%、41%。",
        [("growth_pct", 23.0), ("growth_pct", 41.0)],
    ),
    # A plan stated earlier does not govern the clause after 截至.
    (
        "园区2022年计划投资6.4亿元，截至6月底，累计完成投资2.9亿元，占年任务的45.3%。",
        [("target", 6.4), ("level", 2.9), ("completed", 45.3)],
    ),
    # The year's task is a goal, and the share of it is progress, whatever its decimals.
    (
        "实现税金3870万元，完成年任务2.5亿元的15.5%。",
        [("level", 3870.0), ("target", 2.5), ("completed", 15.5)],
    ),
    # 建成 and 投产 naming a kind of project or firm report no progress.
    (
        "全市36个建成项目完成投资18.2亿元，投产企业达到47户。",
        [("count", 36.0), ("level", 18.2), ("count", 47.0)],
    ),
    # Funds obtained (争取落实到位) are money in hand.
    ("全年争取落实到位省级引导资金680万元。", [("level", 680.0)]),
    # 开、复工 is one verb pair: one count, not two.
    ("前三季度，市属企业开、复工项目37项。", [("count", 37.0)]),
    # Couples after a registration word, medals and ages are figures.
    (
        "全县结婚1862对，离婚417对；运动员获金牌 14枚。",
        [("count", 1862.0), ("count", 417.0), ("count", 14.0)],
    ),
    # 人均预期寿命 names a measure: the ages are levels, not expectations.
    (
        "全市人均预期寿命由2021年的78.06岁提高到2022年的78.41岁。",
        [("level", 78.06), ("level", 78.41)],
    ),
    # 较全省…低 gives a negative difference in the amount's unit.
    ("游客人均花费812.4元，较全省人均花费低96.5元。", [("level", 812.4), ("level", -96.5)]),
    # 预计 with the period it estimates heads the whole sentence, semicolons included.
    (
        "预计1-9月份，完成地区生产总值18.6亿元，占年计划的71.2%；税收收入3260万元，同比增长9%。",
        [("target", 18.6), ("completed", 71.2), ("target", 3260.0), ("target", 9.0)],
    ),
    # 实际增长 names real growth: the forecast before it still governs.
    (
        "农民人均可支配收入预计突破2.1万元，实际增长6.2%左右。",
        [("target", 2.1), ("target", 6.2)],
    ),
    # 份 counts samples and copies.
    ("全年新收集种质资源1.3万多份。", [("count", 1.3)]),
    # 占年计划投资 names the plan; the next set's figures are facts again.
    (
        "1-6月累计完成投资88.4亿元，占年计划投资的61.5%，其中：在建项目62项，总投资315.2亿元。",
        [("level", 88.4), ("completed", 61.5), ("count", 62.0), ("level", 315.2)],
    ),
    # The planned total's growth over last year is a growth; a streak does not hide the speed.
    (
        "新开工项目计划总投资同比增长16.8%，增速连续3个月超过15%。",
        [("growth_pct", 16.8), ("level", 3.0), ("growth_pct", 15.0)],
    ),
    # A goal named after the figure (…5.5%左右的预期目标) makes it a target.
    ("全年实现地区生产总值增长5.5%左右的预期目标很有把握。", [("target", 5.5)]),
    # 升幅 is a growth rate, 增产 a growth verb.
    (
        "第二季实质上升2.6%，而第一季的升幅为1.9%；早稻增产2.4%。",
        [("growth_pct", 2.6), ("growth_pct", 1.9), ("growth_pct", 2.4)],
    ),
    # Starts and completions without a total of the same things are plain counts.
    (
        "新增规上工业企业21户、限上商贸企业12户；省市重点项目开工14个，竣工9个。",
        [("count", 21.0), ("count", 12.0), ("count", 14.0), ("count", 9.0)],
    ),
    # A strong rank verb reaches over the field it ranks in.
    ("某集团连续12年位居全国农机出口第一。", [("count", 12.0), ("rank", 1.0)]),
    # Two named indicators referred to as a list are no count.
    (
        "紧盯社会消费品零售总额和进出口两项考核指标，上半年社会消费品零售总额86.2亿元。",
        [("level", 86.2)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_project_form(text: str, expected: list[tuple[str, float]]) -> None:
    """Each sentence gives exactly these (measure, value) pairs in text order."""
    assert _facts(text) == expected


def test_quarter_quote_stays_in_its_sentence() -> None:
    """A quarter's growth borrows the indicator of the sentence before, not its words."""
    text = "初步核算，前三季度全县地区生产总值286.4亿元，同比增长6.1%。其中，一季度同比增长5.8%。"
    facts = [f for f in extract_text(text, year=2022) if not f.derived]
    quarter = facts[-1]
    assert (quarter.measure, float(quarter.value)) == ("growth_pct", 5.8)
    assert quarter.quote.startswith("一季度") or quarter.quote.startswith("其中")
    assert "286.4" not in quarter.quote


def test_traditional_progress_notice() -> None:
    """A notice in traditional characters reads its plan, progress and lead over the schedule."""
    text = (
        "今年安排全市重點建設項目312項,年度投資計劃402.5億元。1-9月累計完成投資351.7億元,"
        "佔年度投資計劃的87.4%,超過時間進度12.4個百分點。本年度計劃開工項目140項,"
        "目前實際已開工118項,完成年度計劃開工的84.3%。"
    )
    got = {(f.measure, float(f.value)) for f in extract_text(text, year=2021) if not f.derived}
    assert got == {
        ("count", 312.0),
        ("target", 402.5),
        ("level", 351.7),
        ("completed", 87.4),
        ("pp_diff", 12.4),
        ("target", 140.0),
        ("completed", 118.0),
        ("completed", 84.3),
    }
    started = next(f for f in extract_text(text, year=2021) if float(f.value) == 118.0)
    assert float(started.of) == 140.0
