"""Shared fixtures: a database URL on each backend, a store on it, and a fresh workspace.

`db_url` runs a test on SQLite (a file in tmp_path) and, when XINGSHI_TEST_DATABASE_URL is set,
on PostgreSQL too. Each PostgreSQL test gets its own schema (random name, dropped afterwards),
selected through the URL's `options=-csearch_path=...`, because several people run tests
against the same database at once.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_ENV = "XINGSHI_TEST_DATABASE_URL"


def _pg_schema_url(base: str) -> Iterator[str]:
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL with nothing in it: SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"PostgreSQL 测试需要环境变量 {PG_ENV}")
    yield from _pg_schema_url(base)


@pytest.fixture
def store(db_url: str):
    """A Store opened (and migrated) on `db_url`, closed afterwards."""
    from xingshi.store import Store

    s = Store.open(db_url)
    yield s
    s.close()


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A workspace initialised in tmp_path on its own SQLite file."""
    from xingshi.workspace import init_workspace

    monkeypatch.delenv("XINGSHI_DATABASE_URL", raising=False)
    ws = init_workspace(tmp_path / "ws")
    yield ws
    ws.close()
