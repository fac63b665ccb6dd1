"""Alembic environment for xingshi. Run programmatically by `xingshi.store.migrate`.

The caller passes an open connection in `config.attributes["connection"]`; with the plain
`alembic` command, the URL comes from `sqlalchemy.url` or `XINGSHI_DATABASE_URL`.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

import xingshi.access._models  # noqa: F401  (its tables on the same metadata)
from xingshi.collect import _models as _collect_models  # noqa: F401
from xingshi.store._models import Base
from xingshi.supervise import _models as _supervise_models  # noqa: F401

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("XINGSHI_DATABASE_URL")
    engine = create_engine(url)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
