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

# Columns stored in each table (the frames add `period`, computed on the fly).
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

    A datetime is compared with the releases' created_at (UTC; a naive datetime is taken as
    UTC); a date covers the whole day. Returns 0 when no release is that old.
    """
    if as_of is None:
        return None
    if isinstance(as_of, bool):
        raise StoreError("as_of 不能是布尔值", hint="请传入发布批次号（整数）或日期时间")
    if isinstance(as_of, int):
        return as_of
    if isinstance(as_of, datetime):
        if as_of.tzinfo is not None:
            as_of = as_of.astimezone(UTC).replace(tzinfo=None)
        stmt = select(func.max(Release.id)).where(Release.created_at <= as_of)
    elif isinstance(as_of, date):
        end = datetime.combine(as_of + timedelta(days=1), time())
        stmt = select(func.max(Release.id)).where(Release.created_at < end)
    else:
        raise StoreError(f"无法识别的 as_of：{as_of!r}", hint="请传入发布批次号（整数）或日期时间")
    return conn.execute(stmt).scalar() or 0


def _latest(table, key: tuple[str, ...], where: list, as_of_id: int | None) -> Select:
    """Rows of `table` whose release is the newest one (<= as_of) for their key."""
    cols = [table.c[k] for k in key]
    conds = list(where)
    if as_of_id is not None:
        conds.append(table.c.release_id <= as_of_id)
    latest = (
        select(*cols, func.max(table.c.release_id).label("rid"))
        .where(*conds)
        .group_by(*cols)
        .subquery("latest")
    )
    on = and_(*(table.c[k] == latest.c[k] for k in key), table.c.release_id == latest.c.rid)
    return select(table).join(latest, on).order_by(*cols)


def observation_rows(
    conn: Connection,
    *,
    regions: str | Iterable[str] | None = None,
    indicators: str | Iterable[str] | None = None,
    periods: Iterable[Any] | None = None,
    years: int | Iterable[int] | None = None,
    as_of_id: int | None = None,
) -> list[dict[str, Any]]:
    """Current observation rows as dicts (all stored columns plus `id`)."""
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
    stmt = _latest(_OBS, OBSERVATION_KEY, where, as_of_id)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def target_rows(
    conn: Connection,
    *,
    regions: str | Iterable[str] | None = None,
    indicators: str | Iterable[str] | None = None,
    year: int | Iterable[int] | None = None,
    as_of_id: int | None = None,
) -> list[dict[str, Any]]:
    """Current target rows as dicts."""
    where: list = []
    if (codes := _codes(regions)) is not None:
        where.append(_TGT.c.region_code.in_(codes))
    if (codes := _codes(indicators)) is not None:
        where.append(_TGT.c.indicator.in_(codes))
    if (ys := _ints(year)) is not None:
        where.append(_TGT.c.year.in_(ys))
    stmt = _latest(_TGT, TARGET_KEY, where, as_of_id)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def observations_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """The observations frame of ARCHITECTURE.md from stored rows."""
    data = {c: [r[c] for r in rows] for c in OBS_COLUMNS}
    frame = pl.DataFrame(data, schema={c: OBSERVATION_SCHEMA[c] for c in OBS_COLUMNS})
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


def targets_frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """The targets frame of ARCHITECTURE.md from stored rows."""
    data = {c: [r[c] for r in rows] for c in TGT_COLUMNS}
    return pl.DataFrame(data, schema=TARGET_SCHEMA)
