"""Current-vintage queries: one SQL statement per read, frames built from rows in bulk."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import polars as pl
from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.engine import Connection

from xingshi.errors import StoreError
from xingshi.store._batch import OBSERVATION_KEY, OBSERVATION_SCHEMA, TARGET_KEY, TARGET_SCHEMA
from xingshi.store._models import Observation, Release, Target

_OBS = Observation.__table__
_TGT = Target.__table__
_PERIOD_KEY = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")

# Columns a batch may carry (the frames add `period`, computed on the fly).
OBS_COLUMNS = [c for c in OBSERVATION_SCHEMA if c != "period"]
TGT_COLUMNS = list(TARGET_SCHEMA)


def period_triple(p: Any) -> tuple[int, int, int]:
    """(year, first_month, last_month) of a Period, a `Period.key` string or any period text."""
    if hasattr(p, "first_month") and hasattr(p, "last_month"):
        return int(p.year), int(p.first_month), int(p.last_month)
    if isinstance(p, str):
        m = _PERIOD_KEY.match(p.strip())
        if m and m.group(1) == m.group(3):
            return int(m.group(1)), int(m.group(2)), int(m.group(4))
        from xingshi.catalog.periods import parse_period  # lazy: only for free-form text

        return period_triple(parse_period(p))
    raise StoreError(f"无法识别的时期：{p!r}", hint="请传入 Period 或形如 2021-01/2021-06 的时期键")


def _codes(values: str | Iterable[str] | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return [values]
    return [str(v) for v in values]


def _ints(values: int | Iterable[int] | None) -> list[int] | None:
    if values is None:
        return None
    if isinstance(values, int):
        return [values]
    return [int(v) for v in values]


def resolve_as_of(conn: Connection, as_of: int | date | datetime | None) -> int | None:
    """The newest release id covered by `as_of`; None means "no limit".

    An int is a release id. A datetime is compared with the releases' creation time: an aware
    one as given, a naive one (and a date, which covers its whole day) in this computer's
    local time, as a user reads a clock. Returns 0 when no release is that old.
    """
    if as_of is None:
        return None
    if isinstance(as_of, bool):
        raise StoreError("as_of 不能是布尔值", hint="请传入版本号（整数）或日期时间")
    if isinstance(as_of, int):
        latest = conn.execute(select(func.max(Release.id))).scalar()
        exists = conn.execute(select(Release.id).where(Release.id == as_of)).first()
        if exists is None:
            raise StoreError(
                f"版本 {as_of} 不存在",
                hint=f"最新的版本是 {latest}（xingshi releases 列出全部版本）"
                if latest
                else "数据库中还没有任何版本，请先导入数据",
            )
        return as_of
    if isinstance(as_of, datetime):
        # astimezone() takes a naive datetime as local time; created_at is stored as naive UTC.
        limit = as_of.astimezone(UTC).replace(tzinfo=None)
        stmt = select(func.max(Release.id)).where(Release.created_at <= limit)
    elif isinstance(as_of, date):
        end = datetime.combine(as_of + timedelta(days=1), time()).astimezone(UTC)
        stmt = select(func.max(Release.id)).where(Release.created_at < end.replace(tzinfo=None))
    else:
        raise StoreError(f"无法识别的 as_of：{as_of!r}", hint="请传入版本号（整数）或日期时间")
    return conn.execute(stmt).scalar() or 0


def _latest(table, key: tuple[str, ...], where: list, as_of_id: int | None) -> Select:
    """Rows of `table` whose release is the newest one (<= as_of) for their key.

    A window function ranks each key's vintages in one pass: no self-join, so the plan does
    not depend on fresh table statistics (a big import followed by a read stays fast).
    """
    conds = list(where)
    if as_of_id is not None:
        conds.append(table.c.release_id <= as_of_id)
    newest = (
        func.row_number()
        .over(partition_by=[table.c[k] for k in key], order_by=table.c.release_id.desc())
        .label("_vintage")
    )
    ranked = select(table, newest).where(*conds).subquery("ranked")
    return (
        select(*(ranked.c[c.name] for c in table.columns))
        .where(ranked.c._vintage == 1)
        .order_by(*(ranked.c[k] for k in key))
    )


def observation_rows(
    conn: Connection,
    *,
    regions: str | Iterable[str] | None = None,
    indicators: str | Iterable[str] | None = None,
    periods: Iterable[Any] | None = None,
    years: int | Iterable[int] | None = None,
    as_of_id: int | None = None,
) -> list[tuple]:
    """Current observation rows as tuples in the table's column order (with `id`)."""
    where: list = []
    if (codes := _codes(regions)) is not None:
        where.append(_OBS.c.region_code.in_(codes))
    if (codes := _codes(indicators)) is not None:
        where.append(_OBS.c.indicator.in_(codes))
    if (ys := _ints(years)) is not None:
        where.append(_OBS.c.year.in_(ys))
    if periods is not None:
        triples = sorted({period_triple(p) for p in periods})
        where.append(
            or_(
                *(
                    and_(_OBS.c.year == y, _OBS.c.first_month == f, _OBS.c.last_month == la)
                    for y, f, la in triples
                )
            )
            if triples
            else _OBS.c.id.is_(None)
        )
    return _rows(conn, _latest(_OBS, OBSERVATION_KEY, where, as_of_id))


def target_rows(
    conn: Connection,
    *,
    regions: str | Iterable[str] | None = None,
    indicators: str | Iterable[str] | None = None,
    year: int | Iterable[int] | None = None,
    as_of_id: int | None = None,
) -> list[tuple]:
    """Current target rows as tuples in the table's column order."""
    where: list = []
    if (codes := _codes(regions)) is not None:
        where.append(_TGT.c.region_code.in_(codes))
    if (codes := _codes(indicators)) is not None:
        where.append(_TGT.c.indicator.in_(codes))
    if (ys := _ints(year)) is not None:
        where.append(_TGT.c.year.in_(ys))
    return _rows(conn, _latest(_TGT, TARGET_KEY, where, as_of_id))


def _rows(conn: Connection, stmt: Select) -> list[tuple]:
    # Plain tuples in table-column order: building dicts per row costs more than the query.
    return [tuple(row) for row in conn.execute(stmt).all()]


def as_dicts(table, rows: list[tuple]) -> list[dict[str, Any]]:
    """Rows from `observation_rows`/`target_rows` as dicts keyed by column name."""
    names = [c.name for c in table.columns]
    return [dict(zip(names, row, strict=True)) for row in rows]


def _frame(table, rows: list[tuple], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    stored = {c.name: schema[c.name] if c.name in schema else pl.Int64() for c in table.columns}
    return pl.DataFrame(rows, schema=stored, orient="row")


def observations_frame(rows: list[tuple]) -> pl.DataFrame:
    """The observations frame of ARCHITECTURE.md from stored rows."""
    frame = _frame(_OBS, rows, OBSERVATION_SCHEMA)
    ym = pl.col("year").cast(pl.String).str.zfill(4)
    period = pl.concat_str(
        [
            ym,
            pl.lit("-"),
            pl.col("first_month").cast(pl.String).str.zfill(2),
            pl.lit("/"),
            ym,
            pl.lit("-"),
            pl.col("last_month").cast(pl.String).str.zfill(2),
        ]
    )
    return frame.with_columns(period.alias("period")).select(list(OBSERVATION_SCHEMA))


def targets_frame(rows: list[tuple]) -> pl.DataFrame:
    """The targets frame of ARCHITECTURE.md from stored rows."""
    return _frame(_TGT, rows, TARGET_SCHEMA).select(list(TARGET_SCHEMA))
