"""What every 填报 module shares: states, the clock, loading a round and an assignment."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from xingshi.catalog.periods import Period
from xingshi.collect._models import CollectAssignment, CollectForm, CollectRound
from xingshi.errors import CatalogError, Conflict, Location

# 未报 → 草稿 → 已报 → 退回 → 已审; 逾期 is shown, not stored: past due and not submitted.
NOT_REPORTED, DRAFT, SUBMITTED, RETURNED, APPROVED = "未报", "草稿", "已报", "退回", "已审"
STATES = (NOT_REPORTED, DRAFT, SUBMITTED, RETURNED, APPROVED)
OVERDUE = "逾期"
EDITABLE = (NOT_REPORTED, DRAFT, RETURNED)

# The Excel template's columns; field locations in findings use them (D = 数值, F = 增长%).
TEMPLATE_HEADER = ("地区", "指标", "时期", "数值", "单位", "增长%", "备注")
LEVEL_COLUMN, GROWTH_COLUMN = "D", "F"
FIRST_ROW = 2


class NoSuchRound(CatalogError):
    """A round or assignment that does not exist (404)."""


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def actor_name(actor: Any) -> str | None:
    return getattr(actor, "username", None) if actor is not None else "命令行"


def require(actor: Any, regions: Any, code: str, permission: str) -> None:
    """Refuse unless `actor` may act on `code`; None is the command line (the workspace owner)."""
    if actor is not None:
        actor.require_region(regions, code, permission)


@dataclass(frozen=True)
class FormItem:
    """One indicator asked: level and/or growth, its unit, and whether it is required."""

    indicator: str
    level: bool = True
    growth: bool = True
    required: bool = True
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "level": self.level,
            "growth": self.growth,
            "required": self.required,
            "unit": self.unit,
        }


def items_of(form: Any) -> list[FormItem]:
    return [FormItem(**d) for d in json.loads(form.items)]


def period_of(rnd: Any) -> Period:
    return Period(rnd.year, rnd.first_month, rnd.last_month)


def load_round(conn: Connection, round_id: int) -> Any:
    rnd = conn.execute(select(CollectRound).where(CollectRound.id == round_id)).first()
    if rnd is None:
        raise NoSuchRound(
            f"没有编号为 {round_id} 的填报轮次",
            where=Location(value=round_id),
            hint="用 xingshi round status 或 填报 页面查看已有轮次",
        )
    return rnd


def load_form(conn: Connection, form_id: int) -> Any:
    return conn.execute(select(CollectForm).where(CollectForm.id == form_id)).one()


def load_assignment(conn: Connection, rnd: Any, code: str, regions: Any) -> Any:
    a = conn.execute(
        select(CollectAssignment).where(
            (CollectAssignment.round_id == rnd.id) & (CollectAssignment.region_code == code)
        )
    ).first()
    if a is None:
        raise NoSuchRound(
            f"第 {rnd.id} 轮填报没有要求{regions.get(code).name}报送",
            where=Location(value=code),
            hint="检查地区名称，或请统计局把该单位加入本轮",
        )
    return a


def is_overdue(rnd: Any, state: str, today: date | None = None) -> bool:
    today = today or date.today()
    return rnd.status == "open" and state in EDITABLE and today > rnd.due_on


def shown_state(rnd: Any, state: str, today: date | None = None) -> str:
    """逾期 for a unit past due that has not reported; a late 退回 still says 退回 (and is late)."""
    return OVERDUE if state != RETURNED and is_overdue(rnd, state, today) else state


def wrong_state(what: str, state: str, allowed: tuple[str, ...]) -> Conflict:
    return Conflict(
        f"当前状态为“{state}”，不能{what}",
        hint="只有处于" + "、".join(f"“{s}”" for s in allowed) + f"状态时才能{what}",
    )
