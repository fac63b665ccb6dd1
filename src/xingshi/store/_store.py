"""The Store: one database (SQLite file or PostgreSQL), releases and as-of reads."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import polars as pl
from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from xingshi.errors import StoreError, WorkspaceError
from xingshi.store import _read, _write, migrate
from xingshi.store._batch import FINDING_SCHEMA, RELEASE_SCHEMA, ImportBatch, ImportResult
from xingshi.store._models import Base, FindingRow, Release
from xingshi.store.migrate import upgrade

DATABASE_ENV = "XINGSHI_DATABASE_URL"
DATABASE_FILE = "xingshi.db"


def database_url_for(workspace: str | Path) -> str:
    """The workspace's database: XINGSHI_DATABASE_URL if set, else its SQLite file."""
    env = os.environ.get(DATABASE_ENV, "").strip()
    if env:
        return env
    return f"sqlite:///{Path(workspace).resolve() / DATABASE_FILE}"


# Wait this long for another writer before saying so (SQLite busy_timeout).
BUSY_TIMEOUT_MS = 60_000
# One PostgreSQL advisory lock serialises every release write (and the schema upgrade).
_PG_WRITE_LOCK = 7238201
_WRITE = "xingshi_write"


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # The driver's own transaction handling commits before DDL and never takes the write lock
    # up front; xingshi emits BEGIN itself (see _sqlite_begin), so DDL is transactional too.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "memory":
        # WAL: readers never wait for a writer; NORMAL is durable at every checkpoint in WAL.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # A writer takes the database's write lock before it reads what it will change.
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _is_locked(exc: BaseException) -> bool:
    text_ = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text_ or "database is busy" in text_


def _busy_error() -> StoreError:
    return StoreError(
        "另一个导入（或其他写入）正在写数据库，等待超时，本次未写入任何数据",
        hint="稍后重试；如确实没有其他程序在写入，检查是否有进程卡住未退出",
    )


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
        if parsed.drivername in ("postgresql", "postgres"):
            # psycopg 3 is the driver xingshi ships with; plain postgresql:// would mean psycopg2.
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(parsed)
    except (ArgumentError, NoSuchModuleError, ValueError, ImportError) as exc:
        raise WorkspaceError(
            f"无法使用数据库地址：{exc}",
            hint="形如 sqlite:///路径/xingshi.db 或 postgresql+psycopg://用户@主机:5432/库名",
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return engine


def _finding_record(release_id: int, f: Any) -> dict[str, Any]:
    where = f.where
    return {
        "release_id": release_id,
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "where_file": where.file,
        "where_sheet": where.sheet,
        "where_row": where.row,
        "where_column": where.column,
        "where_value": None if where.value is None else str(where.value),
        "hint": f.hint,
        "data": json.dumps(f.data, ensure_ascii=False, sort_keys=True, default=str),
    }


class Store:
    """Figures by release. Open with `Store.open(url)`; the schema is migrated to head."""

    def __init__(self, engine: Engine):
        self.engine = engine
        # Things the user should hear about opening (a half-made schema rebuilt, ...).
        self.notices: list[str] = []

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to `url` and run the Alembic migrations up to head.

        The upgrade runs in one write transaction (DDL included, on SQLite as on PostgreSQL),
        so a process killed half-way leaves the database as it was. A schema left half-made by
        an older xingshi is rebuilt when its tables hold no data (`store.notices` says so).
        """
        engine = _engine(url)
        store = cls(engine)
        try:
            with engine.connect() as conn:
                current = migrate.is_current(conn)
            if not current:
                with store.write_transaction() as conn:
                    if not migrate.is_current(conn):
                        store.notices.extend(migrate.repair_half_made(conn))
                        upgrade(conn)
        except StoreError:
            engine.dispose()
            raise
        except OperationalError as exc:
            engine.dispose()
            if _is_locked(exc):
                raise _busy_error() from None
            raise StoreError(
                f"无法连接或升级数据库：{exc.orig}",
                hint="检查数据库地址（XINGSHI_DATABASE_URL）、服务是否运行和访问权限",
            ) from None
        return store

    @classmethod
    def for_workspace(cls, path: str | Path) -> Store:
        """The store of a workspace directory (XINGSHI_DATABASE_URL wins over its SQLite file)."""
        return cls.open(database_url_for(path))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    @contextmanager
    def write_transaction(self) -> Iterator[Connection]:
        """One transaction holding the database's write lock from its first statement.

        Everything that reads the current vintages and writes new ones runs inside it, so
        concurrent writers give exactly the result of some serial order: SQLite takes the lock
        with BEGIN IMMEDIATE (waiting up to BUSY_TIMEOUT_MS), PostgreSQL with one advisory
        transaction lock. Commits on success, rolls back on any exception.
        """
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                conn = conn.execution_options(**{_WRITE: True})
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(text(f"SELECT pg_advisory_xact_lock({_PG_WRITE_LOCK})"))
                yield conn

    def write_release(self, batch: ImportBatch, *, on_write: Any = None) -> ImportResult:
        """Write a batch as a new release in ONE transaction (all or nothing).

        A batch that changes nothing is still recorded as a release with zero rows inserted,
        so the history shows the re-import. `on_write(conn, result)`, if given, runs inside the
        same transaction (the web layer writes its audit event there).
        """
        try:
            with self.write_transaction() as conn:
                result = self._write(conn, batch)
                if on_write is not None:
                    on_write(conn, result)
                return result
        except SQLAlchemyError as exc:
            if _is_locked(exc):
                raise _busy_error() from None
            raise StoreError(
                f"写入数据库失败，已全部回滚：{getattr(exc, 'orig', exc)}",
                hint="数据库中的数据未改变；检查数据库连接后重试",
            ) from None

    def _write(self, conn: Connection, batch: ImportBatch) -> ImportResult:
        created = datetime.now(UTC).replace(tzinfo=None)
        res = conn.execute(
            Release.__table__.insert().values(
                created_at=created,
                source_file=str(batch.source_file),
                sha256=batch.sha256,
                description=batch.description,
                inserted=0,
                updated=0,
                unchanged=0,
                n_findings=len(batch.findings),
            )
        )
        release_id = int(res.inserted_primary_key[0])
        obs = _write.write_observations(
            conn, release_id, batch.observations, str(batch.source_file)
        )
        tgt = _write.write_targets(conn, release_id, batch.targets, str(batch.source_file))
        if batch.findings:
            conn.execute(
                FindingRow.__table__.insert(),
                [_finding_record(release_id, f) for f in batch.findings],
            )
        totals = (
            obs.inserted + tgt.inserted,
            obs.updated + tgt.updated,
            obs.unchanged + tgt.unchanged,
        )
        conn.execute(
            Release.__table__.update()
            .where(Release.id == release_id)
            .values(inserted=totals[0], updated=totals[1], unchanged=totals[2])
        )
        return ImportResult(
            release_id=release_id,
            inserted=totals[0],
            updated=totals[1],
            unchanged=totals[2],
            findings=list(batch.findings),
            observations_inserted=obs.inserted,
            observations_updated=obs.updated,
            observations_unchanged=obs.unchanged,
            targets_inserted=tgt.inserted,
            targets_updated=tgt.updated,
            targets_unchanged=tgt.unchanged,
        )

    # -- reading -------------------------------------------------------------------------
    def observations(
        self,
        regions: str | Iterable[str] | None = None,
        indicators: str | Iterable[str] | None = None,
        periods: Iterable[Any] | None = None,
        years: int | Iterable[int] | None = None,
        as_of: int | date | datetime | None = None,
    ) -> pl.DataFrame:
        """The observations frame: for each key, the newest vintage with release <= as_of."""
        with self.engine.connect() as conn:
            as_of_id = _read.resolve_as_of(conn, as_of)
            rows = _read.observation_rows(
                conn,
                regions=regions,
                indicators=indicators,
                periods=periods,
                years=years,
                as_of_id=as_of_id,
            )
        return _read.observations_frame(rows)

    def targets(
        self,
        regions: str | Iterable[str] | None = None,
        indicators: str | Iterable[str] | None = None,
        year: int | Iterable[int] | None = None,
        as_of: int | date | datetime | None = None,
    ) -> pl.DataFrame:
        """The targets frame, with the same vintage rule as observations."""
        with self.engine.connect() as conn:
            as_of_id = _read.resolve_as_of(conn, as_of)
            rows = _read.target_rows(
                conn, regions=regions, indicators=indicators, year=year, as_of_id=as_of_id
            )
        return _read.targets_frame(rows)

    def releases(self) -> pl.DataFrame:
        """All releases, oldest first: release_id, created_at (UTC), source, counts, findings."""
        r = Release.__table__.c
        stmt = select(
            r.id,
            r.created_at,
            r.source_file,
            r.sha256,
            r.description,
            r.inserted,
            r.updated,
            r.unchanged,
            r.n_findings,
        ).order_by(r.id)
        with self.engine.connect() as conn:
            rows = [(r[0], r[1].replace(tzinfo=UTC), *r[2:]) for r in conn.execute(stmt)]
        return pl.DataFrame(rows, schema=RELEASE_SCHEMA, orient="row")

    def latest_release_id(self) -> int | None:
        """The newest release id, or None for an empty store."""
        with self.engine.connect() as conn:
            return conn.execute(select(func.max(Release.id))).scalar()

    def findings(self, release_id: int | None = None) -> pl.DataFrame:
        """Stored findings (all, or one release's), in order; `data` is JSON text."""
        t = FindingRow.__table__
        stmt = select(*(t.c[c] for c in FINDING_SCHEMA)).order_by(t.c.release_id, t.c.id)
        if release_id is not None:
            stmt = stmt.where(t.c.release_id == release_id)
        with self.engine.connect() as conn:
            rows = [tuple(row) for row in conn.execute(stmt)]
        return pl.DataFrame(rows, schema=FINDING_SCHEMA, orient="row")

    def dump(self) -> str:
        """Every table, every row, in key order, as JSON text: equal dumps mean equal data."""
        out: dict[str, list[dict[str, Any]]] = {}
        with self.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                stmt = select(table).order_by(*table.primary_key.columns)
                out[table.name] = [dict(r) for r in conn.execute(stmt).mappings()]
            out["alembic_version"] = [
                dict(r)
                for r in conn.execute(text("SELECT version_num FROM alembic_version")).mappings()
            ]
        return json.dumps(out, ensure_ascii=False, sort_keys=True, indent=1, default=str)
