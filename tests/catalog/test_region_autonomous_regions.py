"""Autonomous regions as statistical tables shorten them (广西区, 宁夏区, 新疆区)."""

from __future__ import annotations

import pytest

from xingshi.catalog.regions import RegionCatalog


@pytest.fixture(scope="module")
def regions() -> RegionCatalog:
    return RegionCatalog.load()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("广西区", "450000"),
        ("宁夏区", "640000"),
        ("新疆区", "650000"),
        ("西藏区", "540000"),
        ("内蒙古区", "150000"),
        ("广西自治区", "450000"),
        ("广西", "450000"),
    ],
)
def test_autonomous_region_short_forms(regions, name, code):
    """The 区 and 自治区 forms of an autonomous region resolve to the province-level code."""
    assert regions.resolve(name).code == code


def test_full_names_unchanged(regions):
    """The official name and its usual short form still give the same region and short name."""
    region = regions.resolve("广西壮族自治区")
    assert (region.code, region.short) == ("450000", "广西")
