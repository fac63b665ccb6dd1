"""Property: after any sequence of releases, every as_of read equals a plain-Python model."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xingshi.store import ImportBatch, Store

REGIONS = ["433100", "433101", "433122"]  # 湘西州, 吉首市, 泸溪县
VALUES = st.one_of(st.none(), st.sampled_from([1.5, 2.0, 12.5, 160.2]))
ROW = st.tuples(
    st.sampled_from(REGIONS),
    st.sampled_from(["gdp", "retail"]),
    st.sampled_from([5, 6]),
    VALUES,
    VALUES,
    st.one_of(st.none(), st.integers(1, 8)),
)
BATCH = st.lists(ROW, max_size=6, unique_by=lambda r: r[:3])


def _frame(rows: list[tuple]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "region_code": [r[0] for r in rows],
            "indicator": [r[1] for r in rows],
            "year": [2021] * len(rows),
            "first_month": [1] * len(rows),
            "last_month": [r[2] for r in rows],
            "level": [r[3] for r in rows],
            "growth_pct": [r[4] for r in rows],
            "rank": [r[5] for r in rows],
            "unit": ["亿元"] * len(rows),
        },
        schema_overrides={"level": pl.Float64, "growth_pct": pl.Float64, "rank": pl.Int32},
    )


def _apply(state: dict, rows: list[tuple]) -> tuple[int, int, int]:
    """The documented rule, written plainly: provided values win, nulls keep the old ones."""
    counts = [0, 0, 0]
    for region, ind, month, level, growth, rank in rows:
        key = (region, ind, month)
        new = (level, growth, rank)
        if key not in state:
            state[key] = new
            counts[0] += 1
            continue
        merged = tuple(n if n is not None else o for n, o in zip(new, state[key], strict=True))
        if merged == state[key]:
            counts[2] += 1
        else:
            state[key] = merged
            counts[1] += 1
    return counts[0], counts[1], counts[2]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated empty database: copying it per example is much faster than migrating."""
    path = tmp_path_factory.mktemp("model") / "template.db"
    Store.open(f"sqlite:///{path}").close()
    return path


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(BATCH, min_size=1, max_size=4))
def test_as_of_reads_match_the_model(template: Path, batches: list[list[tuple]]) -> None:
    """Counts per release and the frame as of each release equal the model's."""
    with tempfile.TemporaryDirectory() as tmp:
        db = shutil.copy(template, Path(tmp) / "m.db")
        store = Store.open(f"sqlite:///{db}")
        state: dict = {}
        snapshots = []
        for i, rows in enumerate(batches):
            res = store.write_release(ImportBatch(f"第{i + 1}批.xlsx", observations=_frame(rows)))
            assert (res.inserted, res.updated, res.unchanged) == _apply(state, rows)
            snapshots.append((res.release_id, dict(state)))
        for release_id, snap in snapshots:
            got = store.observations(as_of=release_id)
            seen = {
                (r["region_code"], r["indicator"], r["last_month"]): (
                    r["level"],
                    r["growth_pct"],
                    r["rank"],
                )
                for r in got.iter_rows(named=True)
            }
            assert seen == snap
        store.close()
