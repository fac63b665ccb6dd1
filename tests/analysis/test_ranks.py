"""Ranks among peers and gaps to the parent's own figure."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xingshi.analysis import AnalysisSettings, analyze, compute_panel
from xingshi.analysis.ranks import add_ranks, competition_ranks

H1 = (2021, 1, 6)
PREFS = ["430100", "430200", "430300", "433100"]
COUNTIES = ["433101", "433122", "433123", "433124"]


def _by_code(table: pl.DataFrame, indicator: str, column: str) -> dict:
    t = table.filter(pl.col("indicator") == indicator)
    return dict(zip(t["region_code"], t[column], strict=True))


def test_ties_share_a_rank(regions, indicators, make_obs):
    """Equal growth shares a rank and the next rank is skipped: 1, 2, 2, 4."""
    growth = dict(zip(PREFS, [9.0, 11.2, 11.2, 12.5], strict=True))
    obs = make_obs([(c, "gdp", H1, 100.0, g) for c, g in growth.items()])
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    ranks = _by_code(a.table, "gdp", "rank")
    assert ranks == {"433100": 1, "430200": 2, "430300": 2, "430100": 4}
    assert _by_code(a.table, "gdp", "rank_of")["433100"] == 4
    self_row = a.rows("self").row(0, named=True)
    assert self_row["rank_scope"] == "湖南"
    assert self_row["rank_basis"] == "growth"


def test_rounding_to_published_decimals_makes_ties(regions, indicators, make_obs):
    """Growth computed as 107.7 − 100 (float noise) ties with a published 7.7."""
    obs = make_obs(
        [
            ("430100", "gdp", H1, 100.0, 107.7 - 100),
            ("430200", "gdp", H1, 100.0, 7.7),
            ("430300", "gdp", H1, 100.0, 7.6),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="430100", period=H1)
    assert _by_code(a.table, "gdp", "rank") == {"430100": 1, "430200": 1, "430300": 3}


def test_lower_is_better_ranks_the_smallest_first(regions, indicators, make_obs):
    """城镇调查失业率 is better when lower: the smallest change ranks first."""
    obs = make_obs(
        [
            ("430100", "unemployment", H1, 5.1, None),
            ("430100", "unemployment", (2020, 1, 6), 5.5, None),
            ("433100", "unemployment", H1, 5.6, None),
            ("433100", "unemployment", (2020, 1, 6), 5.4, None),
        ]
    )
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    assert _by_code(a.table, "unemployment", "rank") == {"430100": 1, "433100": 2}


def test_rank_by_level(regions, indicators, make_obs):
    """With rank_basis level the 总量 decides, whatever the growth."""
    obs = make_obs([("430100", "gdp", H1, 6300.0, 8.0), ("433100", "gdp", H1, 330.0, 12.5)])
    a = analyze(
        obs,
        None,
        regions,
        indicators,
        region="433100",
        period=H1,
        settings=AnalysisSettings(rank_basis="level"),
    )
    assert _by_code(a.table, "gdp", "rank") == {"430100": 1, "433100": 2}
    assert a.table["rank_basis"].unique().to_list() == ["level"]


def test_rank_change_against_previous_period_and_last_year(regions, indicators, make_obs):
    """Moving from 4th in 1-5月 to 1st in 1-6月 is +3; from 2nd a year earlier is +1."""
    rows = []
    now = {"433100": 30.0, "430100": 20.0, "430200": 10.0, "430300": 5.0}
    before = {"433100": 1.0, "430100": 20.0, "430200": 10.0, "430300": 5.0}
    last_year = {"433100": 15.0, "430100": 20.0, "430200": 10.0, "430300": 5.0}
    for c in PREFS:
        rows.append((c, "retail", H1, 100.0, now[c]))
        rows.append((c, "retail", (2021, 1, 5), 80.0, before[c]))
        rows.append((c, "retail", (2020, 1, 6), 90.0, last_year[c]))
    a = analyze(make_obs(rows), None, regions, indicators, region="433100", period=H1)
    me = a.rows("self").row(0, named=True)
    assert (me["rank"], me["rank_prev"], me["rank_change"]) == (1, 4, 3)
    assert (me["rank_ly"], me["rank_change_yoy"]) == (2, 1)
    assert me["gap_to_prev_pp"] == pytest.approx(29.0)  # 30% now against 1% in 1-5月
    fell = [f for f in a.findings if f.rule == "rank_fell"]
    assert fell == []  # the region itself moved up; no child fell


def test_rank_falls_against_last_year_are_listed_apart(regions, indicators, make_obs):
    """花垣 was 1st of the four counties in 2020年1-6月 and is 4th now: a fall of 3 places
    against last year (rank_fell_yoy), while against 1-5月 (also 4th) nothing fell."""
    now = {"433101": 14.0, "433122": 12.0, "433123": 20.0, "433124": 6.0}
    before = {"433101": 14.5, "433122": 12.1, "433123": 19.0, "433124": 5.0}
    last_year = {"433101": 9.0, "433122": 8.0, "433123": 7.0, "433124": 11.0}
    rows = []
    for c in COUNTIES:
        rows.append((c, "retail", H1, 10.0, now[c]))
        rows.append((c, "retail", (2021, 1, 5), 8.0, before[c]))
        rows.append((c, "retail", (2020, 1, 6), 9.0, last_year[c]))
    a = analyze(make_obs(rows), None, regions, indicators, region="433100", period=H1)
    assert [f for f in a.findings if f.rule == "rank_fell"] == []
    yoy = [f for f in a.findings if f.rule == "rank_fell_yoy"]
    assert [f.data["region"] for f in yoy] == ["花垣"]  # 吉首 and 泸溪 kept 2nd and 3rd
    f = yoy[0]
    assert (f.data["rank_ly"], f.data["rank"], f.data["rank_change_yoy"]) == (1, 4, -3)
    assert f.data["indicator"] == "retail"
    assert f.severity == "warning"
    assert "排名由上年同期第1位降至第4位，后退3位" in f.message


def test_parent_average_is_the_parents_own_figure(regions, indicators, make_obs):
    """全州平均 is 湘西州's own 12.5%, not the mean of the counties (which would be 13.0%)."""
    growth = {"433101": 14.0, "433122": 12.0, "433123": 20.0, "433124": 6.0}
    rows = [(c, "gdp", H1, 50.0, g) for c, g in growth.items()]
    rows.append(("433100", "gdp", H1, 512.3, 12.5))
    a = analyze(make_obs(rows), None, regions, indicators, region="433100", period=H1)
    gaps = _by_code(a.rows("child"), "gdp", "gap_to_parent_pp")
    assert gaps == pytest.approx({"433101": 1.5, "433122": -0.5, "433123": 7.5, "433124": -6.5})
    me = a.rows("self").row(0, named=True)
    assert me["n_children_below"] == 2
    shares = _by_code(a.rows("child"), "gdp", "share_of_parent_pct")
    assert shares["433101"] == pytest.approx(50.0 / 512.3 * 100)
    below = [f for f in a.findings if f.rule == "below_parent"]
    assert len(below) == 1
    assert [c["region"] for c in below[0].data["children"]] == ["花垣", "泸溪"]
    assert below[0].data["parent_growth_pct"] == 12.5
    assert "低于湘西州平均水平（12.5%）的下辖地区有2个" in below[0].message
    assert "花垣（低6.5个百分点）" in below[0].message


def test_bottom_three_children(regions, indicators, make_obs):
    """The three lowest counties by growth are listed, worst last."""
    growth = {"433101": 14.0, "433122": 12.0, "433123": 20.0, "433124": 6.0}
    rows = [(c, "tax", H1, 5.0, g) for c, g in growth.items()]
    rows.append(("433100", "tax", H1, 30.0, 12.5))
    a = analyze(make_obs(rows), None, regions, indicators, region="433100", period=H1)
    bottom = [f for f in a.findings if f.rule == "bottom_n"]
    assert len(bottom) == 1
    assert [(c["region"], c["rank"]) for c in bottom[0].data["children"]] == [
        ("吉首", 2),
        ("泸溪", 3),
        ("花垣", 4),
    ]


def test_custom_peer_group(regions, indicators, make_obs):
    """A user-defined peer set ranks the region among those peers only."""
    growth = dict(zip(PREFS, [15.0, 11.0, 9.0, 12.5], strict=True))
    obs = make_obs([(c, "gdp", H1, 100.0, g) for c, g in growth.items()])
    a = analyze(
        obs,
        None,
        regions,
        indicators,
        region="433100",
        period=H1,
        peers=["430200", "430300"],
        peer_group="武陵山片区",
    )
    ranked = _by_code(a.table.filter(pl.col("role").is_in(["self", "peer"])), "gdp", "rank")
    assert ranked == {"433100": 1, "430200": 2, "430300": 3}
    assert a.rows("self")["rank_scope"][0] == "武陵山片区"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(st.none(), st.integers(min_value=-50, max_value=50).map(lambda x: x / 2)),
        min_size=1,
        max_size=12,
    ),
    st.booleans(),
)
def test_panel_ranks_match_a_hand_count(values, higher_is_better):
    """For any growth values with ties and gaps, rank = 1 + number of strictly better peers."""
    codes = [f"4331{i:02d}" for i in range(1, len(values) + 1)]
    regions = pl.DataFrame(
        {
            "code": ["433100", *codes],
            "name": ["湘西州", *[f"县{i}" for i in range(len(codes))]],
            "short": ["湘西州", *[f"县{i}" for i in range(len(codes))]],
            "level": ["prefecture", *["county"] * len(codes)],
            "parent": ["430000", *["433100"] * len(codes)],
        }
    )
    indicators = pl.DataFrame(
        {
            "code": ["tax"],
            "name": ["税收收入"],
            "kind": ["flow"],
            "unit": ["亿元"],
            "frequency": ["monthly"],
            "growth_rule": ["nominal"],
            "higher_is_better": [higher_is_better],
        }
    )
    obs = pl.DataFrame(
        {
            "region_code": codes,
            "indicator": ["tax"] * len(codes),
            "year": [2021] * len(codes),
            "first_month": [1] * len(codes),
            "last_month": [6] * len(codes),
            "level": [1.0] * len(codes),
            "growth_pct": values,
        },
        schema_overrides={"growth_pct": pl.Float64},
    )
    panel = compute_panel(obs, None, regions, indicators, period=H1)
    got = dict(zip(panel["region_code"], panel["rank"], strict=True))
    expected = dict(zip(codes, competition_ranks(values, higher_is_better), strict=True))
    assert got == expected


def test_parks_rank_among_parks_not_among_counties(regions, indicators, make_obs):
    """湘西高新区 (a custom unit under 湘西州) does not push the counties down the ranking."""
    parks = pl.DataFrame(
        {
            "code": ["X433101", "X433102"],
            "name": ["湘西高新技术产业开发区", "泸溪高新技术产业开发区"],
            "short": ["湘西高新区", "泸溪高新区"],
            "level": ["custom", "custom"],
            "parent": ["433100", "433100"],
            "province": ["430000", "430000"],
        }
    )
    rows = [
        ("433101", "tax", H1, 5.0, 14.0),
        ("433122", "tax", H1, 5.0, 12.0),
        ("X433101", "tax", H1, 3.0, 40.0),
        ("X433102", "tax", H1, 1.0, 20.0),
        ("433100", "tax", H1, 30.0, 12.5),
    ]
    a = analyze(
        make_obs(rows), None, pl.concat([regions, parks]), indicators, region="433100", period=H1
    )
    kids = a.rows("child")
    ranks = dict(zip(kids["region"], kids["rank"], strict=True))
    assert ranks == {"吉首": 1, "泸溪": 2, "湘西高新区": 1, "泸溪高新区": 2}
    scopes = dict(zip(kids["region"], kids["rank_scope"], strict=True))
    assert scopes["湘西高新区"] == "湘西州各园区" and scopes["吉首"] == "湘西州"
    county = analyze(
        make_obs(rows), None, pl.concat([regions, parks]), indicators, region="433101", period=H1
    )
    assert county.rows("peer")["region"].to_list() == ["泸溪"]


def test_rates_rank_by_their_value_not_by_their_change(regions, indicators, make_obs):
    """空气质量优良率 92.1, 95.3, 88.0, 95.3 ranks 3, 1, 4, 1 by value (the changes in points,
    −2.0, +0.3, +6.0, −1.2, would give 4, 2, 1, 3); 失业率 ranks the lowest first; add_ranks
    with rates_by = growth goes back to the change."""
    rate = dict(zip(PREFS, [92.1, 95.3, 88.0, 95.3], strict=True))
    rate_ly = dict(zip(PREFS, [94.1, 95.0, 82.0, 96.5], strict=True))
    rate_prev = dict(zip(PREFS, [96.0, 93.0, 90.0, 91.0], strict=True))  # 1-5月: 1, 2, 4, 3
    jobless = dict(zip(PREFS, [5.1, 5.6, 4.9, 5.3], strict=True))
    rows = []
    for c in PREFS:
        rows.append((c, "air_quality", H1, rate[c], None))
        rows.append((c, "air_quality", (2020, 1, 6), rate_ly[c], None))
        rows.append((c, "air_quality", (2021, 1, 5), rate_prev[c], None))
        rows.append((c, "unemployment", H1, jobless[c], None))
    obs = make_obs(rows)
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    ranks = _by_code(a.table, "air_quality", "rank")
    assert ranks == {"430100": 3, "430200": 1, "430300": 4, "433100": 1}
    assert set(_by_code(a.table, "air_quality", "rank_basis").values()) == {"level"}
    me = a.rows("self").filter(pl.col("indicator") == "air_quality").row(0, named=True)
    assert (me["rank_prev"], me["rank_change"]) == (3, 2)  # 91.0 was 3rd in 1-5月
    assert (me["rank_ly"], me["rank_change_yoy"]) == (1, 0)  # 96.5 led last year
    assert _by_code(a.table, "unemployment", "rank") == {
        "430300": 1,
        "430100": 2,
        "433100": 3,
        "430200": 4,
    }
    panel = compute_panel(obs, None, regions, indicators, period=H1)
    b = add_ranks(panel.drop("rank", "rank_of", "rank_prev", "rank_ly"), rates_by="growth")
    b = b.filter(pl.col("rank_scope") == "430000")
    assert _by_code(b, "air_quality", "rank") == {
        "430100": 4,
        "430200": 2,
        "430300": 1,
        "433100": 3,
    }
    assert set(_by_code(b, "air_quality", "rank_basis").values()) == {"growth"}


def test_rates_keep_growth_ranks_for_flows_beside_them(regions, indicators, make_obs):
    """Ranking rates by value leaves 社零 ranked by growth (湘西州 12.5% first of four)."""
    growth = dict(zip(PREFS, [9.0, 11.2, 10.0, 12.5], strict=True))
    level = dict(zip(PREFS, [2000.0, 500.0, 400.0, 200.0], strict=True))
    obs = make_obs([(c, "retail", H1, level[c], growth[c]) for c in PREFS])
    a = analyze(obs, None, regions, indicators, region="433100", period=H1)
    assert _by_code(a.table, "retail", "rank")["433100"] == 1
    assert set(_by_code(a.table, "retail", "rank_basis").values()) == {"growth"}


def test_a_place_every_peer_shared_is_no_fall(regions, indicators, make_obs):
    """Every county grew −5.2% in 2020年1-6月 (all tied first): ranking 4th now is no fall
    against last year; against 1-5月, where they differed, 花垣's fall from 1st is listed."""
    now = {"433101": 14.0, "433122": 12.0, "433123": 20.0, "433124": 6.0}
    before = {"433101": 9.0, "433122": 8.0, "433123": 7.0, "433124": 11.0}
    rows = []
    for c in COUNTIES:
        rows.append((c, "retail", H1, 10.0, now[c]))
        rows.append((c, "retail", (2021, 1, 5), 8.0, before[c]))
        rows.append((c, "retail", (2020, 1, 6), 9.0, -5.2))
    a = analyze(make_obs(rows), None, regions, indicators, region="433100", period=H1)
    kids = a.rows("child")
    assert set(kids["rank_ly"].to_list()) == {1}
    assert [f for f in a.findings if f.rule == "rank_fell_yoy"] == []
    fell = [f for f in a.findings if f.rule == "rank_fell"]
    assert [(f.data["region"], f.data["rank_prev"], f.data["rank"]) for f in fell] == [
        ("花垣", 1, 4)
    ]
