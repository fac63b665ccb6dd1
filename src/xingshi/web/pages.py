"""Rendering helpers every page shares: the navigation's regions, periods and releases."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import polars as pl
from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError

from xingshi.access import Principal
from xingshi.errors import XingshiError
from xingshi.jobs import parse_as_of

_cache: dict[tuple, Any] = {}
_lock = threading.Lock()


def _cached(key: tuple, build: Any) -> Any:
    with _lock:
        if key in _cache:
            return _cache[key]
    value = build()
    with _lock:
        if len(_cache) > 512:
            _cache.clear()
        _cache[key] = value
    return value


def release_list(ctx: Any) -> list[dict[str, Any]]:
    """Every release (newest first) for the as-of selector; cached until a new release."""
    latest = ctx.store.latest_release_id()
    return _cached(
        ("releases", id(ctx), latest),
        lambda: list(reversed(ctx.store.releases().to_dicts())),
    )


def periods_of(ctx: Any, code: str, as_of: str | None = None) -> list[str]:
    """The cumulative periods (from January) the store holds for a region, newest first."""
    latest = ctx.store.latest_release_id()

    def build() -> list[str]:
        obs = ctx.store.observations(regions=[code], as_of=parse_as_of(as_of))
        if obs.is_empty():
            return []
        cum = obs.filter(pl.col("first_month") == 1).select("year", "last_month").unique()
        cum = cum.sort(["year", "last_month"], descending=True)
        return [f"{y}年1-{m}月" if m > 1 else f"{y}年1月" for y, m in cum.iter_rows()]

    return _cached(("periods", id(ctx), code, as_of, latest), build)


def analysis(ctx: Any, region: str, period: str, as_of: str | None = None) -> Any:
    """`jobs.run_analysis`, kept until the next release (the same data gives the same result)."""
    from xingshi.jobs import run_analysis

    latest = ctx.store.latest_release_id()
    return _cached(
        ("analysis", id(ctx), region, period, as_of, latest),
        lambda: run_analysis(ctx.ws, region, period, as_of=as_of),
    )


def observations(ctx: Any, **query: Any) -> Any:
    """`Store.observations`, kept until the next release."""
    latest = ctx.store.latest_release_id()
    key = tuple(sorted((k, str(v)) for k, v in query.items()))
    return _cached(("obs", id(ctx), key, latest), lambda: ctx.store.observations(**query))


def latest_period(ctx: Any, code: str, as_of: str | None = None) -> str | None:
    found = periods_of(ctx, code, as_of)
    return found[0] if found else None


def region_choices(ctx: Any, user: Principal) -> list[dict[str, str]]:
    """The regions the user may pick: each scope root, then the regions below it."""
    rc = ctx.regions
    out: list[dict[str, str]] = []
    seen: set[str] = set()

    def walk(code: str, depth: int) -> None:
        if code in seen:
            return
        seen.add(code)
        r = rc.get(code)
        out.append({"code": code, "name": ("　" * depth) + (r.short or r.name)})
        for c in rc.children(code):
            walk(c.code, depth + 1)

    for root in user.roots("view"):
        walk(root, 0)
    return out


_swept: dict[int, date] = {}


def bell_count(ctx: Any, user: Principal) -> int:
    """The bell: the user's own unit's unread reminders (即将到期, 已逾期, 催报).

    The first page of the day in this process writes the day's reminders (`collect.sweep`,
    due soon per `[collect] due_soon_working_days`), so they appear without a scheduled job.
    """
    from xingshi import collect

    today = date.today()
    with _lock:
        due = _swept.get(id(ctx)) != today
        if due:
            _swept[id(ctx)] = today
    if due:
        try:
            collect.sweep(ctx.ws, today)
        except (XingshiError, SQLAlchemyError):  # a busy database: the next process day retries
            with _lock:
                _swept.pop(id(ctx), None)
    return collect.unread_count(ctx.ws, user)


def render(request: Request, template: str, *, user: Principal | None, **context: Any) -> Response:
    """A page with the navigation filled in for `user`."""
    ctx = request.app.state.ctx
    nav: dict[str, Any] = {}
    if user is not None:
        code = context.get("region_code") or user.home_region()
        nav = {
            "regions": region_choices(ctx, user),
            "releases": release_list(ctx),
            "periods": periods_of(ctx, code) if code else [],
            "csrf_token": user.csrf_token or "",
            "bell": bell_count(ctx, user),
        }
    status = context.pop("status_code", 200)
    return ctx.templates.TemplateResponse(
        request, template, {"user": user, **nav, **context}, status_code=status
    )
