"""Targets against time, the growth the rest of the year needs, warnings and quality flags."""

from __future__ import annotations

import polars as pl
import pytest

from xingshi.analysis import analyze, required_growth

H1 = (2021, 1, 6)


def _me(a, indicator: str) -> dict:
    return a.table.filter((pl.col("role") == "self") & (pl.col("indicator") == indicator)).row(
        0, named=True
    )


def test_required_growth_worked_example():
    """L=1000, B=450, C=460, g=8%: the second half needs (1080−460)/550 − 1 = 12.73%."""
    assert required_growth(8.0, 1000.0, 450.0, 460.0) == pytest.approx(620 / 550 * 100 - 100)
    assert required_growth(8.0, 1000.0, 450.0, 460.0) == pytest.approx(12.7273, abs=1e-4)


def test_required_growth_and_front_loaded_flag(regions, indicators, make_obs, make_targets):
    """社零 grew 2.2% so far against an 8% target: the rest needs 12.7%, flagged 前高后低."""
    obs = make_obs(
        [
            ("433100", "retail", H1, 460.0, None),
            ("433100", "retail", (2020, 1, 6), 450.0, None),
            ("433100", "retail", (2020, 1, 12), 1000.0, None),
        ]
    )
    targets = make_targets([("433100", "retail", 2021, "growth", 8.0)])
    a = analyze(obs, targets, regions, indicators, region="433100", period=H1)
    me = _me(a, "retail")
    assert me["required_growth_pct"] == pytest.approx(620 / 550 * 100 - 100)
    assert me["front_loaded"] is True
    assert me["target"] == 8.0 and me["target_kind"] == "growth"
    assert me["gap_to_target_pp"] == pytest.approx((460 / 450 - 1) * 100 - 8.0)
    assert me["warning"] == "red"
    rules = {f.rule for f in a.findings}
    assert {"behind_target", "front_loaded"} <= rules


def test_required_growth_not_flagged_when_ahead(regions, indicators, make_obs, make_targets):
    """C=520 is 15.6% so far; the rest needs only 1.8%, no 前高后低 flag, green against target."""
    obs = make_obs(
        [
            ("433100", "retail", H1, 520.0, None),
            ("433100", "retail", (2020, 1, 6), 450.0, None),
            ("433100", "retail", (2020, 1, 12), 1000.0, None),
        ]
    )
    targets = make_targets([("433100", "retail", 2021, "growth", 8.0)])
    me = _me(analyze(obs, targets, regions, indicators, region="433100", period=H1), "retail")
    assert me["required_growth_pct"] == pytest.approx(560 / 550 * 100 - 100)
    assert me["front_loaded"] is False
    assert me["warning"] == "green"


def test_required_growth_comparable_uses_growth_so_far(regions, indicators, make_obs, make_targets):
    """For GDP (comparable prices) C is last year's base grown by the published rate."""
    obs = make_obs(
        [
            ("433100", "gdp", H1, 600.0, 12.5),
            ("433100", "gdp", (2020, 1, 6), 450.0, None),
            ("433100", "gdp", (2020, 1, 12), 1000.0, None),
        ]
    )
    targets = make_targets([("433100", "gdp", 2021, "growth", 8.0)])
    me = _me(analyze(obs, targets, regions, indicators, region="433100", period=H1), "gdp")
    assert me["required_growth_pct"] == pytest.approx(required_growth(8.0, 1000, 450, 506.25))


@pytest.mark.parametrize(
    ("level", "completion", "colour"),
    [(30.0, 50.0, "green"), (27.0, 45.0, "yellow"), (25.0, 25 / 60 * 100, "red")],
)
def test_completion_against_time_progress(
    regions, indicators, make_obs, make_targets, level, completion, colour
):
    """时间过半、任务过半: 30 of 60亿 at end-June is on track; 5 pp behind is yellow, more red."""
    obs = make_obs([("433100", "tax", H1, level, 20.0)])
    targets = make_targets([("433100", "tax", 2021, "level", 60.0)])
    a = analyze(obs, targets, regions, indicators, region="433100", period=H1)
    me = _me(a, "tax")
    assert me["completion_pct"] == pytest.approx(completion)
    assert me["time_progress_pct"] == pytest.approx(50.0)
    assert me["warning"] == colour
    behind = [f for f in a.findings if f.rule == "behind_time_progress"]
    assert len(behind) == (0 if colour == "green" else 1)


def test_warning_against_parent_and_decline(regions, indicators, make_obs):
    """No target: 1 pp below the prefecture is yellow, 3 pp below red, a decline red."""
    rows = [("433100", "tax", H1, 30.0, 10.0)]
    rows += [
        ("433101", "tax", H1, 5.0, 11.0),
        ("433122", "tax", H1, 5.0, 9.0),
        ("433123", "tax", H1, 5.0, 7.0),
        ("433124", "tax", H1, 5.0, -1.0),
    ]
    a = analyze(make_obs(rows), None, regions, indicators, region="433100", period=H1)
    kids = a.rows("child")
    colours = dict(zip(kids["region"], kids["warning"], strict=True))
    assert colours == {"吉首": "green", "泸溪": "yellow", "凤凰": "red", "花垣": "red"}


def test_cumulative_fell_is_flagged(regions, indicators, make_obs):
    """A 1-6月 cumulative below 1-5月 is a quality finding naming both figures."""
    obs = make_obs(
        [
            ("433100", "tax", H1, 28.0, 20.0),
            ("433100", "tax", (2021, 1, 5), 29.5, 21.0),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    fell = [f for f in a.findings if f.rule == "cumulative_fell"]
    assert len(fell) == 1
    assert fell[0].data["value"] == 28.0 and fell[0].data["value_prev"] == 29.5
    assert "累计数不应下降" in fell[0].message


def test_industry_growth_while_electricity_falls(regions, indicators, make_obs):
    """规模工业增加值 +15% while 工业用电量 −12%: flagged as moving unlike its related indicator."""
    obs = make_obs(
        [
            ("433101", "industry_va", H1, None, 15.0),
            ("433101", "industrial_electricity", H1, 8800.0, -12.0),
            ("433122", "industry_va", H1, None, 8.0),
            ("433122", "industrial_electricity", H1, 5000.0, 7.0),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    flags = [f for f in a.findings if f.rule == "related_divergence"]
    assert [(f.data["region_code"], f.data["related"]) for f in flags] == [
        ("433101", "industrial_electricity")
    ]


def test_contributions_pull_and_share(regions, indicators, make_obs):
    """拉动 = component growth × its share a year earlier; 贡献率 = 拉动 / GDP growth."""
    obs = make_obs(
        [
            ("433100", "gdp", H1, 512.3, 12.5),
            ("433100", "gdp", (2020, 1, 6), 400.0, 2.0),
            ("433100", "secondary_va", H1, 160.0, 20.0),
            ("433100", "secondary_va", (2020, 1, 6), 120.0, 1.0),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    c = a.contributions.filter(pl.col("component") == "secondary_va").row(0, named=True)
    assert c["share_ly_pct"] == pytest.approx(30.0)
    assert c["pull_pp"] == pytest.approx(6.0)
    assert c["contribution_pct"] == pytest.approx(48.0)


def test_unknown_region_is_a_clear_error(regions, indicators, make_obs):
    """A code outside the catalogue raises UnknownRegion with a Chinese message."""
    from xingshi.errors import UnknownRegion

    obs = make_obs([("433100", "tax", H1, 28.0, 20.0)])
    with pytest.raises(UnknownRegion, match="不在区划目录中"):
        analyze(obs, None, regions, indicators, region="999999", period=H1)


def test_published_rank_disagreeing_with_growth_is_flagged(regions, indicators, make_obs):
    """A source saying 株洲 is first while its growth is second gets a rank_mismatch flag."""
    obs = make_obs(
        [
            ("430100", "retail", H1, 2000.0, 15.0, 2),
            ("430200", "retail", H1, 600.0, 12.0, 1),
            ("433100", "retail", H1, 178.0, 10.0, 3),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    flags = [f for f in a.findings if f.rule == "rank_mismatch"]
    assert [
        (f.data["region_code"], f.data["rank_published"], f.data["rank_computed"])
        for f in sorted(flags, key=lambda f: f.data["region_code"])
    ] == [
        ("430100", 2, 1),
        ("430200", 1, 2),
    ]


def test_published_rank_of_the_amount_is_checked_against_levels(regions, indicators, make_obs):
    """总量位次 published beside the growth rank: 长沙's amount (2000) is first, not second; the
    growth ranks (1, 2, 3) are right, so only the amount's rank is flagged, by 总量."""
    obs = make_obs(
        [
            ("430100", "retail", H1, 2000.0, 15.0, 1, 2),
            ("430200", "retail", H1, 600.0, 12.0, 2, 2),
            ("433100", "retail", H1, 178.0, 10.0, 3, 3),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    flags = [f for f in a.findings if f.rule == "rank_mismatch"]
    assert [
        (f.data["region_code"], f.data["rank_published"], f.data["rank_computed"]) for f in flags
    ] == [("430100", 2, 1)]
    assert flags[0].data["rank_of"] == "level_rank"
    assert flags[0].message == "长沙社会消费品零售总额公布总量位次第2位，按各地总量应为第1位"


def test_published_rank_of_a_rate_is_checked_against_values(regions, indicators, make_obs):
    """优良率 published as 株洲 first: by value (96.0 > 95.1 > 90.2) it is, so no flag, though its
    change in points (−1.0) is the lowest; 长沙 said to be third is second: flagged, by 数值."""
    obs = make_obs(
        [
            ("430100", "air_quality", H1, 95.1, 2.0, 3),
            ("430200", "air_quality", H1, 96.0, -1.0, 1),
            ("433100", "air_quality", H1, 90.2, 0.5, 3),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    flags = [f for f in a.findings if f.rule == "rank_mismatch"]
    assert [(f.data["region_code"], f.data["rank_computed"]) for f in flags] == [("430100", 2)]
    assert flags[0].data["rank_basis"] == "level"
    assert flags[0].message == "长沙空气质量优良率公布排名第3位，按各地数值应为第2位"


def test_industry_far_from_electricity_among_peers_is_flagged(indicators, make_obs):
    """Among 8 counties, the one whose 工业 − 用电 growth gap is an outlier (|z| > 2) is flagged."""
    codes = ["433101", "433122", "433123", "433124", "433125", "433126", "433127", "433130"]
    names = ["吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "古丈县", "永顺县", "龙山县"]
    regions = pl.DataFrame(
        {
            "code": ["433100", *codes],
            "name": ["湘西土家族苗族自治州", *names],
            "short": ["湘西州", *[n[:2] for n in names]],
            "level": ["prefecture", *["county"] * 8],
            "parent": ["430000", *["433100"] * 8],
        }
    )
    industry = [10.0, 11.0, 9.0, 10.5, 9.5, 10.0, 11.0, 30.0]
    electricity = [9.0, 10.0, 9.5, 10.0, 9.0, 10.5, 10.0, 8.0]
    rows = [(c, "industry_va", H1, None, g) for c, g in zip(codes, industry, strict=True)]
    rows += [
        (c, "industrial_electricity", H1, 1000.0, g)
        for c, g in zip(codes, electricity, strict=True)
    ]
    a = analyze(make_obs(rows), None, regions, indicators, region="433100", period=H1)
    flags = [f for f in a.findings if f.rule == "related_divergence"]
    assert [f.data["region_code"] for f in flags] == ["433130"]
    assert "走势明显背离" in flags[0].message


def test_rate_ceiling_target_for_a_lower_is_better_rate(
    regions, indicators, make_obs, make_targets
):
    """失业率控制在5.5%以内: 湘西州's 5.8% is 0.3 points above the ceiling (yellow, listed);
    吉首's 5.0% is 0.5 points under it (green, not listed); a rate has no completion."""
    obs = make_obs(
        [
            ("433100", "unemployment", H1, 5.8, None),
            ("433100", "unemployment", (2020, 1, 6), 6.0, None),
            ("433101", "unemployment", H1, 5.0, None),
            ("433101", "unemployment", (2020, 1, 6), 5.4, None),
        ]
    )
    targets = make_targets(
        [
            ("433100", "unemployment", 2021, "level", 5.5),
            ("433101", "unemployment", 2021, "level", 5.5),
        ]
    )
    a = analyze(obs, targets, regions, indicators, region="433100", period=H1)
    me = _me(a, "unemployment")
    assert me["gap_to_target_pp"] == pytest.approx(0.3)
    assert me["completion_pct"] is None and me["completion_gap_pp"] is None
    assert me["growth_pct"] == pytest.approx(-0.2)  # fell 0.2 points: good for this rate
    assert me["warning"] == "yellow"
    kid = a.table.filter((pl.col("region_code") == "433101") & (pl.col("role") == "child"))
    assert kid["gap_to_target_pp"][0] == pytest.approx(-0.5)
    assert kid["warning"][0] == "green"
    behind = [f for f in a.findings if f.rule == "behind_target"]
    assert [f.data["region"] for f in behind] == ["湘西州"]
    assert behind[0].data["higher_is_better"] is False
    assert behind[0].message == "湘西州城镇调查失业率为5.8%，高于控制目标5.5%，差0.30个百分点"


def test_growth_target_for_an_indicator_that_should_fall(
    regions, indicators, make_obs, make_targets
):
    """能源消费总量 to fall 2%: L=1000, B=450, C=460 is +2.22% so far, 4.22 points off (red);
    the rest must fall (980−460)/550 − 1 = −5.45%, a harder fall than so far: flagged."""
    obs = make_obs(
        [
            ("433100", "energy", H1, 460.0, None),
            ("433100", "energy", (2020, 1, 6), 450.0, None),
            ("433100", "energy", (2020, 1, 12), 1000.0, None),
        ]
    )
    targets = make_targets([("433100", "energy", 2021, "growth", -2.0)])
    a = analyze(obs, targets, regions, indicators, region="433100", period=H1)
    me = _me(a, "energy")
    assert me["growth_pct"] == pytest.approx(100 * 460 / 450 - 100)
    assert me["gap_to_target_pp"] == pytest.approx(100 * 460 / 450 - 100 + 2.0)
    assert me["required_growth_pct"] == pytest.approx(520 / 550 * 100 - 100)
    assert me["front_loaded"] is True
    assert me["warning"] == "red"
    found = {f.rule: f for f in a.findings}
    assert found["behind_target"].message == (
        "湘西州能源消费总量增长2.2%，未达到下降2.0%的控制目标，差4.22个百分点"
    )
    assert "需下降5.5%才能实现全年下降2.0%的控制目标" in found["front_loaded"].message


def test_falling_faster_than_a_falling_target_is_green(regions, indicators, make_obs, make_targets):
    """C=430 is −4.44% against a −2% target: ahead, green; the rest may grow 0.36%: no flag."""
    obs = make_obs(
        [
            ("433100", "energy", H1, 430.0, None),
            ("433100", "energy", (2020, 1, 6), 450.0, None),
            ("433100", "energy", (2020, 1, 12), 1000.0, None),
        ]
    )
    targets = make_targets([("433100", "energy", 2021, "growth", -2.0)])
    a = analyze(obs, targets, regions, indicators, region="433100", period=H1)
    me = _me(a, "energy")
    assert me["required_growth_pct"] == pytest.approx(550 / 550 * 100 - 100 + 0.0, abs=1e-9)
    assert me["front_loaded"] is False
    assert me["warning"] == "green"
    assert not [f for f in a.findings if f.rule in ("behind_target", "front_loaded")]


def test_level_ceiling_against_time_progress(regions, indicators, make_obs, make_targets):
    """能源消费总量控制在900万吨: 吉首 used 500 (55.6%) by June, 5.6 points ahead of time
    progress: red and listed; 泸溪 used 400 (44.4%): green, not listed."""
    obs = make_obs(
        [
            ("433101", "energy", H1, 500.0, None),
            ("433122", "energy", H1, 400.0, None),
        ]
    )
    targets = make_targets(
        [("433101", "energy", 2021, "level", 900.0), ("433122", "energy", 2021, "level", 900.0)]
    )
    a = analyze(obs, targets, regions, indicators, region="433100", period=H1)
    kids = a.rows("child")
    colour = dict(zip(kids["region_code"], kids["warning"], strict=True))
    gap = dict(zip(kids["region_code"], kids["completion_gap_pp"], strict=True))
    assert gap["433101"] == pytest.approx(500 / 9 - 50)
    assert gap["433122"] == pytest.approx(400 / 9 - 50)
    assert colour == {"433101": "red", "433122": "green"}
    behind = [f for f in a.findings if f.rule == "behind_time_progress"]
    assert [f.data["region"] for f in behind] == ["吉首"]
    assert behind[0].message == "吉首能源消费总量已达全年控制目标的55.6%，超过时间进度5.6个百分点"


def test_a_rates_growth_target_is_said_in_points(regions, indicators, make_obs, make_targets):
    """优良率 to rise 2 points: 90.5 against 90.0 a year earlier is +0.5, 1.5 points short (red)."""
    obs = make_obs(
        [
            ("433100", "air_quality", H1, 90.5, None),
            ("433100", "air_quality", (2020, 1, 6), 90.0, None),
        ]
    )
    targets = make_targets([("433100", "air_quality", 2021, "growth", 2.0)])
    a = analyze(obs, targets, regions, indicators, region="433100", period=H1)
    me = _me(a, "air_quality")
    assert me["gap_to_target_pp"] == pytest.approx(-1.5)
    assert me["warning"] == "red"
    behind = [f for f in a.findings if f.rule == "behind_target"]
    assert behind[0].message == (
        "湘西州空气质量优良率提高0.5个百分点，未达到提高2.0个百分点的目标，差1.50个百分点"
    )
