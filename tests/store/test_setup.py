"""Opening a store: SQLite settings, half-made schemas, the busy message and --as-of errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import text

from xingshi.errors import StoreError
from xingshi.store import ImportBatch, Store


def _one_row_batch() -> ImportBatch:
    obs = pl.DataFrame(
        {
            "region_code": ["433101"],
            "indicator": ["gdp"],
            "year": [2021],
            "first_month": [1],
            "last_month": [6],
            "level": [150.2],
            "unit": ["亿元"],
        }
    )
    return ImportBatch(source_file="a.csv", sha256="0", description="测试", observations=obs)


def test_sqlite_is_opened_in_wal_with_a_busy_timeout(tmp_path: Path) -> None:
    """A SQLite store uses WAL, synchronous=NORMAL and a busy timeout of tens of seconds."""
    with Store.open(f"sqlite:///{tmp_path / 'x.db'}") as store, store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000


def test_half_made_empty_schema_is_rebuilt_with_a_notice(tmp_path: Path) -> None:
    """Tables without their version row and without data are rebuilt, and the store says so."""
    db = tmp_path / "x.db"
    Store.open(f"sqlite:///{db}").close()
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TABLE alembic_version")
    store = Store.open(f"sqlite:///{db}")
    assert store.notices and "已重新建立" in store.notices[0]
    assert store.write_release(_one_row_batch()).inserted == 1
    store.close()


def test_half_made_schema_with_data_is_refused_not_dropped(tmp_path: Path) -> None:
    """Tables holding data but no version row are never dropped: a clear error instead."""
    db = tmp_path / "x.db"
    with Store.open(f"sqlite:///{db}") as store:
        store.write_release(_one_row_batch())
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TABLE alembic_version")
    with pytest.raises(StoreError, match="已有数据") as err:
        Store.open(f"sqlite:///{db}")
    assert "备份" in err.value.hint
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT count(*) FROM observations").fetchone()[0] == 1


def test_a_writer_that_cannot_get_the_lock_is_told_another_is_writing(tmp_path: Path) -> None:
    """While another process holds the write lock past the timeout, the message says so."""
    from xingshi.store import _store

    db = tmp_path / "x.db"
    Store.open(f"sqlite:///{db}").close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    old = _store.BUSY_TIMEOUT_MS
    _store.BUSY_TIMEOUT_MS = 200
    try:
        store = Store.open(f"sqlite:///{db}")
        with pytest.raises(StoreError, match="另一个导入") as err:
            store.write_release(_one_row_batch())
        assert "重试" in err.value.hint
        store.close()
    finally:
        _store.BUSY_TIMEOUT_MS = old
        holder.rollback()
        holder.close()


def test_as_of_a_release_that_does_not_exist_names_the_latest(store: Store) -> None:
    """--as-of 99999 is an error naming the newest release, never a silent "latest"."""
    store.write_release(_one_row_batch())
    with pytest.raises(StoreError, match="版本 99999 不存在") as err:
        store.observations(as_of=99999)
    assert "最新的版本是 1" in err.value.hint
    assert store.observations(as_of=1).height == 1


def test_every_write_takes_the_one_write_lock_on_postgresql(store: Store) -> None:
    """On PostgreSQL a write transaction holds the advisory lock other writers wait for."""
    if store.dialect != "postgresql":
        pytest.skip("PostgreSQL only")
    from xingshi.store._store import _PG_WRITE_LOCK

    with store.write_transaction() as conn:
        held = conn.execute(
            text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = :k"),
            {"k": _PG_WRITE_LOCK},
        ).scalar()
        assert held == 1
