"""The briefing's text built from a real analysis of hand-built figures."""

from __future__ import annotations

import re

import polars as pl

from xingshi.report import build_briefing

PREFS = ["430100", "430200", "430300", "430400", "433100"]


def _brief(run_analysis, obs, indicators, targets=None):
    analysis = run_analysis(obs, targets)
    return build_briefing(
        analysis, None, indicators, observations=obs, targets=targets, with_charts=False
    )


def test_seed_sentences_come_out_figure_for_figure(run_analysis, sample_obs, indicators) -> None:
    """Tourism in one 分别 sentence with 倍 and a shared rank; ranks grouped in the summary."""
    text = _brief(run_analysis, sample_obs, indicators).text()
    assert (
        "文化旅游方面，全州接待游客3722.1万人次，实现旅游收入304.4亿元，分别增长1.5倍、1.3倍，"
        "增速均居全省第二。" in text
    )
    assert (
        "1-6月，全州地区生产总值、规模以上工业增加值、实际利用内资三项指标增速均居全省第一，"
        "税收收入、金融机构贷款余额两项指标增速均居全省第二。" in text
    )


def test_sections_follow_the_meeting(run_analysis, sample_obs, indicators) -> None:
    """Three sections, named for the period: 上半年 achievements, problems, 下半年 outlook."""
    brief = _brief(run_analysis, sample_obs, indicators)
    assert [s.title for s in brief.sections] == [
        "一、上半年主要成绩",
        "二、存在的困难和问题",
        "三、下半年形势与建议",
    ]
    assert brief.title == "湘西州2021年上半年经济运行情况"


def test_problems_name_the_lagging_indicators_and_counties(
    run_analysis, sample_obs, indicators
) -> None:
    """Indicators below the province and counties below the prefecture get their gaps in points."""
    problems = "\n".join(
        p.text for p in _brief(run_analysis, sample_obs, indicators).sections[1].paragraphs
    )
    assert "固定资产投资增长12.0%，增速低于全省1.0个百分点" in problems
    assert "实现社会消费品零售总额179.1亿元，同比增长23.9%，增速低于全省1.3个百分点" in problems
    assert (
        "从各县市看，1-6月地区生产总值有2个县市未达到全州平均水平，"
        "其中泸溪、花垣分别低于全州1.5、3.0个百分点" in problems
    )


def test_a_missing_figure_writes_no_sentence(run_analysis, sample_obs, indicators) -> None:
    """Without the tourism figures the text says nothing of tourism at all."""
    obs = sample_obs.filter(
        ~(
            (pl.col("region_code") == "433100")
            & pl.col("indicator").is_in(["tourists", "tourism_revenue"])
        )
    )
    text = _brief(run_analysis, obs, indicators).text()
    assert "游客" not in text
    assert "旅游收入" not in text


def test_targets_against_time_progress(
    run_analysis, sample_obs, sample_targets, indicators
) -> None:
    """Level targets are held against time progress; a growth target gives its gap in points."""
    text = _brief(run_analysis, sample_obs, indicators, sample_targets).text()
    assert (
        "旅游收入完成全年目标的60.9%，超过时间进度10.9个百分点，实现“时间过半、任务过半”。" in text
    )
    assert "社会消费品零售总额完成全年目标400亿元的44.8%，低于时间进度5.2个百分点" in text
    assert "地区生产总值增速高于全年目标4.5个百分点。" in text


def test_every_figure_in_the_text_is_linked_to_a_source(
    run_analysis, sample_obs, sample_targets, indicators
) -> None:
    """Every digit and Chinese ordinal in the body sits in a span that cites a source row."""
    brief = _brief(run_analysis, sample_obs, indicators, sample_targets)
    for section in brief.sections:
        for para in section.paragraphs:
            for span in para.spans:
                if span.ref is None:
                    words = re.sub(r"(\d{4}年)?(\d{1,2}-)?\d{1,2}月", "", span.text)  # periods
                    assert not re.search(r"\d|第[一二三四五六七八九十]", words), span.text
                else:
                    src = brief.source(span.ref)
                    assert src.text == span.text
                    assert src.cell or src.basis, src
    cells = {s.cell for s in brief.sources if s.field == "level"}
    assert {"C49", "C55"} <= cells  # 3722.1万人次 and 304.4亿元 keep their cells


def test_a_rank_that_fell_two_places_is_named(
    run_analysis, sample_obs, indicators, obs_builder
) -> None:
    """Retail second among the five in 1-5月 and last in 1-6月: 后移3位, said in section 二."""
    may = obs_builder(
        [
            (code, "retail", (2021, 1, 5), None, g)
            for code, g in zip(PREFS, [20.0, 25.0, 19.0, 18.0, 24.0], strict=True)
        ]
    )
    text = _brief(run_analysis, pl.concat([sample_obs, may]), indicators).text()
    assert "社会消费品零售总额增速排位比1-5月后移3位" in text


def test_sections_follow_the_period(run_analysis, indicators, obs_builder) -> None:
    """For 1-9月 the sections are 前三季度 achievements and the 四季度 outlook."""
    q3 = (2021, 1, 9)
    obs = obs_builder(
        [
            (code, "gdp", q3, None, g)
            for code, g in zip([*PREFS, "430000"], [8.0, 7.5, 7.0, 9.0, 9.6, 8.4], strict=True)
        ]
    )
    brief = _brief_period(run_analysis, obs, indicators, q3)
    assert [s.title for s in brief.sections] == [
        "一、前三季度主要成绩",
        "二、存在的困难和问题",
        "三、四季度形势与建议",
    ]
    assert brief.title == "湘西州2021年前三季度经济运行情况"
    text = brief.text()
    assert "1-9月，全州地区生产总值增速居全省第一。" in text
    assert "从经济总量看，全州地区生产总值增长9.6%，增速高于全省1.2个百分点。" in text


def test_near_and_over_only_where_the_source_says_so(run_analysis, sample_obs, indicators) -> None:
    """A level noted as 近似值 prints with 近; the same level without the note prints bare."""
    flagged = sample_obs.with_columns(
        pl.when((pl.col("region_code") == "433100") & (pl.col("indicator") == "tourists"))
        .then(pl.lit("近似值"))
        .otherwise(pl.col("note"))
        .alias("note")
    )
    assert "接待游客近3722.1万人次" in _brief(run_analysis, flagged, indicators).text()
    assert "接待游客3722.1万人次" in _brief(run_analysis, sample_obs, indicators).text()


def _brief_period(run_analysis, obs, indicators, period):
    analysis = run_analysis(obs, None, period=period)
    return build_briefing(analysis, None, indicators, observations=obs, with_charts=False)


def test_a_long_list_of_lagging_indicators_keeps_the_worst_with_figures(
    run_analysis, sample_obs, indicators
) -> None:
    """When many indicators lag, section 二 gives figures for six (headline ones first) and
    names the rest once with 此外…等指标."""
    behind = sample_obs.with_columns(
        pl.when((pl.col("region_code") == "433100") & (pl.col("period") == "2021-01/2021-06"))
        .then(pl.col("growth_pct") - 60.0)
        .otherwise(pl.col("growth_pct"))
        .alias("growth_pct")
    )
    problems = _brief(run_analysis, behind, indicators).sections[1].paragraphs[0].text
    first, _, rest = problems.partition("此外，")
    assert first.count("；") == 6  # six items with figures, then the rest
    assert "地区生产总值" in first and "个百分点" in first
    assert rest.endswith("等指标也低于全省平均水平或排位靠后。")
    assert not re.search(r"\d", rest)
    named = rest.split("等指标")[0].split("、")
    assert len(named) == 3 and not any(n in first for n in named)
