"""Principals of the supervision tests and a store with the sample ledger imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from xingshi.access import Principal

LEDGER = (
    Path(__file__).parents[2] / "examples" / "supervise" / "湘西州督查台账2021（示例数据）.xlsx"
)


def principal(unit: str, kind: str, region: str, role: str, uid: int = 1) -> Principal:
    return Principal(
        user_id=uid,
        username=f"u{uid}",
        display_name=None,
        unit=unit,
        unit_kind=kind,
        unit_region=region,
        grants=((role, region),),
    )


@pytest.fixture
def supervisor() -> Principal:
    """The prefecture's supervision office (督查员 over 湘西州)."""
    return principal("湘西州督查室", "督查室", "433100", "督查员", 1)


@pytest.fixture
def commerce() -> Principal:
    """A department user: 州商务局, 填报员 over 湘西州."""
    return principal("州商务局", "部门", "433100", "填报员", 2)


@pytest.fixture
def jishou() -> Principal:
    """The 吉首市 unit (a county), 填报员 over 吉首市."""
    return principal("吉首市", "县市区", "433101", "填报员", 3)


@pytest.fixture
def regions():
    from xingshi.catalog.regions import RegionCatalog

    return RegionCatalog.load()


@pytest.fixture
def ledger_store(store, regions):
    """The store with the sample ledger imported."""
    from xingshi.supervise.ledger import import_ledger

    result = import_ledger(store, regions, LEDGER)
    assert result.findings == []
    return store
