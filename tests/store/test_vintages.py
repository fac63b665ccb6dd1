"""Releases and vintages on SQLite and PostgreSQL: roundtrip, re-import, revision, as_of."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import polars as pl
import pytest

from xingshi.errors import Location, StoreError
from xingshi.findings import Finding
from xingshi.store import OBSERVATION_SCHEMA, TARGET_SCHEMA, ImportBatch, Store

SRC = "湘西州2021年1-6月主要经济指标.xlsx"


def _obs(**over) -> pl.DataFrame:
    rows = {
        "region_code": ["433100", "433101", "433122"],
        "indicator": ["gdp", "gdp", "gdp"],
        "year": [2021, 2021, 2021],
        "first_month": [1, 1, 1],
        "last_month": [6, 6, 6],
        "level": [512.3, 160.2, 45.7],
        "unit": ["亿元", "亿元", "亿元"],
        "growth_pct": [12.5, 13.1, 11.0],
        "rank": [1, 2, 5],
        "source_file": [SRC] * 3,
        "source_sheet": ["主要指标"] * 3,
        "level_cell": ["B5", "B6", "B7"],
        "growth_cell": ["C5", "C6", "C7"],
        "rank_cell": ["D5", "D6", "D7"],
        "note": ["示例数据（模拟）"] * 3,
    }
    rows.update(over)
    return pl.DataFrame(rows)


def _targets(value: float = 8.0) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "region_code": ["433100", "433100"],
            "indicator": ["gdp", "investment"],
            "year": [2021, 2021],
            "target_kind": ["growth", "growth"],
            "value": [value, 10.0],
            "unit": ["%", "%"],
            "source_file": ["湘西州2021年政府工作报告目标.xlsx"] * 2,
        }
    )


def test_roundtrip_returns_the_architecture_frame(store: Store) -> None:
    """Written observations come back with every ARCHITECTURE column, type and value."""
    res = store.write_release(ImportBatch(SRC, "ab" * 32, "上半年数据", observations=_obs()))
    assert (res.inserted, res.updated, res.unchanged) == (3, 0, 0)
    got = store.observations()
    assert got.schema == pl.Schema(OBSERVATION_SCHEMA)
    assert got["region_code"].to_list() == ["433100", "433101", "433122"]
    assert got["level"].to_list() == [512.3, 160.2, 45.7]
    assert got["growth_pct"].to_list() == [12.5, 13.1, 11.0]
    assert got["period"].unique().to_list() == ["2021-01/2021-06"]
    assert got["release_id"].unique().to_list() == [res.release_id]
    assert got["computed"].to_list() == [False, False, False]
    assert got.row(0, named=True)["level_cell"] == "B5"
    assert got.row(0, named=True)["note"] == "示例数据（模拟）"
    rel = store.releases()
    assert rel["source_file"].to_list() == [SRC]
    assert rel["inserted"].to_list() == [3]


def test_filters_select_regions_indicators_periods_years(store: Store) -> None:
    """Each filter narrows the frame to what was asked, in one read."""
    may = _obs(last_month=[5, 5, 5], growth_pct=[12.0, 12.9, 10.1])
    store.write_release(ImportBatch(SRC, observations=pl.concat([_obs(), may])))
    assert store.observations(regions=["433101"]).height == 2
    assert store.observations(regions="433101", periods=["2021-01/2021-05"])[
        "growth_pct"
    ].to_list() == [12.9]
    assert store.observations(indicators=["retail"]).height == 0
    assert store.observations(years=2020).height == 0
    assert store.observations(years=[2021]).height == 6
    assert store.observations(periods=[]).height == 0


def test_reimport_changes_nothing_but_is_recorded(store: Store) -> None:
    """Writing the same batch again counts all unchanged, adds no rows, and keeps a release."""
    first = store.write_release(ImportBatch(SRC, observations=_obs(), targets=_targets()))
    before = store.dump()
    again = store.write_release(ImportBatch(SRC, observations=_obs(), targets=_targets()))
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 5)
    assert again.release_id == first.release_id + 1
    assert store.observations()["release_id"].unique().to_list() == [first.release_id]
    assert store.releases()["unchanged"].to_list() == [0, 5]
    # Only the releases table grew.
    a, b = json.loads(before), json.loads(store.dump())
    assert a["observations"] == b["observations"] and a["targets"] == b["targets"]
    assert len(b["releases"]) == 2


def test_changed_value_adds_a_vintage_and_keeps_the_old(store: Store) -> None:
    """A revised figure is a new row; the old one is still returned as of the earlier release."""
    r1 = store.write_release(ImportBatch(SRC, observations=_obs()))
    created_1 = store.releases()["created_at"][0]
    time.sleep(0.01)
    revised = _obs(level=[512.3, 161.0, 45.7]).drop("source_file")
    r2 = store.write_release(ImportBatch("湘西州修订.xlsx", observations=revised))
    assert (r2.inserted, r2.updated, r2.unchanged) == (0, 1, 2)
    now = store.observations(regions=["433101"])
    assert now["level"].to_list() == [161.0]
    assert now["release_id"].to_list() == [r2.release_id]
    assert now["source_file"].to_list() == ["湘西州修订.xlsx"]
    old_by_id = store.observations(regions=["433101"], as_of=r1.release_id)
    assert old_by_id["level"].to_list() == [160.2]
    old_by_time = store.observations(regions=["433101"], as_of=created_1)
    assert old_by_time["level"].to_list() == [160.2]
    assert store.observations(as_of=created_1 - timedelta(days=1)).height == 0
    today = created_1.astimezone().date()  # a date is read in local time
    assert store.observations(regions=["433101"], as_of=today)["level"].to_list() == [161.0]
    naive_local = created_1.astimezone().replace(tzinfo=None)
    assert store.observations(regions=["433101"], as_of=naive_local)["level"].to_list() == [160.2]
    assert store.observations(as_of=r2.release_id).height == 3


def test_partial_batch_keeps_values_it_does_not_give(store: Store) -> None:
    """A later file with only growth rates revises growth and keeps the stored level and cell."""
    store.write_release(ImportBatch(SRC, observations=_obs()))
    growth_only = pl.DataFrame(
        {
            "region_code": ["433100", "433101"],
            "indicator": ["gdp", "gdp"],
            "year": [2021, 2021],
            "first_month": [1, 1],
            "last_month": [6, 6],
            "unit": ["亿元", "亿元"],
            "growth_pct": [12.5, 13.3],
            "growth_cell": ["E5", "E6"],
        }
    )
    res = store.write_release(ImportBatch("增速.csv", observations=growth_only))
    assert (res.inserted, res.updated, res.unchanged) == (0, 1, 1)
    row = store.observations(regions=["433101"]).row(0, named=True)
    assert (row["level"], row["level_cell"], row["growth_pct"], row["growth_cell"]) == (
        160.2,
        "B6",
        13.3,
        "E6",
    )


def test_target_vintages(store: Store) -> None:
    """Targets follow the same rule: unchanged, revised, and the old value as of before."""
    r1 = store.write_release(ImportBatch("目标.xlsx", targets=_targets(8.0)))
    assert (r1.targets_inserted, r1.inserted) == (2, 2)
    r2 = store.write_release(ImportBatch("目标.xlsx", targets=_targets(8.0)))
    assert (r2.inserted, r2.updated, r2.unchanged) == (0, 0, 2)
    r3 = store.write_release(ImportBatch("目标调整.xlsx", targets=_targets(7.5)))
    assert (r3.inserted, r3.updated, r3.unchanged) == (0, 1, 1)
    cur = store.targets(regions=["433100"], indicators=["gdp"], year=2021)
    assert cur.schema == pl.Schema(TARGET_SCHEMA)
    assert cur["value"].to_list() == [7.5]
    assert cur["release_id"].to_list() == [r3.release_id]
    old = store.targets(indicators="gdp", as_of=r2.release_id)
    assert old["value"].to_list() == [8.0]
    assert old["release_id"].to_list() == [r1.release_id]


def test_findings_are_kept_with_their_release(store: Store) -> None:
    """Warning findings come back as a frame tied to the release, with location and data."""
    f = Finding(
        rule="growth_vs_levels",
        severity="warning",
        message="泸溪县地区生产总值增速与总量推算不一致",
        where=Location(file=SRC, sheet="主要指标", row=7, column="C", value=11.0),
        hint="口径差异可能是原因",
        data={"published": 11.0, "computed": 11.4},
    )
    res = store.write_release(ImportBatch(SRC, observations=_obs(), findings=[f]))
    got = store.findings(release_id=res.release_id)
    assert got.height == 1
    row = got.row(0, named=True)
    assert (row["rule"], row["where_row"], row["where_value"]) == ("growth_vs_levels", 7, "11.0")
    assert row["data"] == '{"computed": 11.4, "published": 11.0}'
    assert store.findings(release_id=res.release_id + 1).height == 0
    assert store.releases()["findings"].to_list() == [1]


def test_failed_write_rolls_back_everything(store: Store) -> None:
    """A batch that fails mid-write leaves the database dump byte-identical."""
    store.write_release(ImportBatch(SRC, observations=_obs(), targets=_targets()))
    before = store.dump()
    bad_targets = _targets(7.0).with_columns(pl.Series("target_kind", ["growth", "速度"]))
    with pytest.raises(StoreError) as err:
        store.write_release(
            ImportBatch(
                "坏文件.xlsx", observations=_obs(level=[1.0, 2.0, 3.0]), targets=bad_targets
            )
        )
    assert "速度" in err.value.message
    assert store.dump() == before


def test_malformed_batches_are_store_errors(store: Store) -> None:
    """Duplicate keys, missing columns and text in number columns are refused in Chinese."""
    dup = pl.concat([_obs(), _obs()])
    with pytest.raises(StoreError, match="同一键出现两次"):
        store.write_release(ImportBatch(SRC, observations=dup))
    with pytest.raises(StoreError, match="缺少必需的列：unit"):
        store.write_release(ImportBatch(SRC, observations=_obs().drop("unit")))
    with pytest.raises(StoreError, match="数据类型不对"):
        store.write_release(ImportBatch(SRC, observations=_obs(level=["五百", "1", "2"])))
    assert store.releases().height == 0


def test_nan_means_not_provided(store: Store) -> None:
    """NaN from a spreadsheet's empty cell neither erases nor revises the stored level."""
    store.write_release(ImportBatch(SRC, observations=_obs()))
    res = store.write_release(
        ImportBatch(SRC, observations=_obs(level=[float("nan"), 160.2, float("nan")]))
    )
    assert (res.inserted, res.updated, res.unchanged) == (0, 0, 3)
    assert store.observations()["level"].to_list() == [512.3, 160.2, 45.7]


def test_aware_datetime_as_of_is_compared_in_utc(store: Store) -> None:
    """as_of with a Beijing-time datetime finds the release made at that UTC instant."""
    from datetime import timezone

    r1 = store.write_release(ImportBatch(SRC, observations=_obs()))
    created = store.releases()["created_at"][0]
    time.sleep(0.01)
    store.write_release(ImportBatch(SRC, observations=_obs(rank=[2, 3, 6])))
    assert created.utcoffset() == timedelta(0)
    beijing = created.astimezone(timezone(timedelta(hours=8)))
    got = store.observations(regions="433100", as_of=beijing)
    assert got["rank"].to_list() == [1]
    assert got["release_id"].to_list() == [r1.release_id]
    with pytest.raises(StoreError, match="as_of"):
        store.observations(as_of="昨天")


def test_unit_change_carries_nothing_over(store: Store) -> None:
    """A row in a new unit is a revision that keeps no value from the old unit."""
    store.write_release(ImportBatch(SRC, observations=_obs()))
    in_wan = pl.DataFrame(
        {
            "region_code": ["433101"],
            "indicator": ["gdp"],
            "year": [2021],
            "first_month": [1],
            "last_month": [6],
            "level": [1602000.0],
            "unit": ["万元"],
        }
    )
    res = store.write_release(ImportBatch("万元口径.xlsx", observations=in_wan))
    assert (res.updated, res.unchanged) == (1, 0)
    row = store.observations(regions="433101").row(0, named=True)
    assert (row["level"], row["unit"], row["growth_pct"], row["rank"]) == (
        1602000.0,
        "万元",
        None,
        None,
    )
