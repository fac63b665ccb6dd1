"""The observations API gives both published ranks, each with its cell and as of a release."""

from __future__ import annotations

import polars as pl
from fastapi.testclient import TestClient

from xingshi.access import create_token
from xingshi.store import ImportBatch


def test_observations_list_the_amount_rank_beside_the_growth_rank(app) -> None:
    """A release giving 吉首市's 总量位次 adds level_rank; rank keeps the growth's; as_of the
    earlier release shows no level_rank."""
    store = app.state.ctx.store
    cell = {"regions": ["433101"], "indicators": ["gdp"], "periods": ["2021-01/2021-06"]}
    before = store.observations(**cell).row(0, named=True)
    batch = pl.DataFrame(
        {
            "region_code": ["433101"],
            "indicator": ["gdp"],
            "year": [2021],
            "first_month": [1],
            "last_month": [6],
            "unit": ["亿元"],
            "level_rank": [1],
            "level_rank_cell": ["C5"],
        }
    )
    release = store.write_release(ImportBatch("各县市位次.xlsx", observations=batch)).release_id
    token = create_token(app.state.ctx.engine, "lingdao", "API 测试")
    api = TestClient(app, headers={"Authorization": f"Bearer {token}"})
    params = {"region": "吉首市", "period": "2021年1-6月", "indicator": "gdp"}
    now = api.get("/api/v1/observations", params=params).json()
    assert [(r["level_rank"], r["level_rank_cell"], r["rank"]) for r in now] == [
        (1, "C5", before["rank"])
    ]
    assert now[0]["release_id"] == release
    old = api.get("/api/v1/observations", params={**params, "as_of": str(release - 1)}).json()
    assert [(r["level_rank"], r["level"]) for r in old] == [(None, before["level"])]
