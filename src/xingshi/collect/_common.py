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
from xingshi.errors import CatalogError, Conflict, Location, PermissionDenied

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


# A department's assignment is keyed "unit:<units.id>" in region_code (one per round and unit);
# its figures belong to the region the department sits in (the prefecture).
DEPARTMENT_PREFIX = "unit:"


@dataclass(frozen=True)
class Reporting:
    """Who reports an assignment: a region (a county, the prefecture) or a department."""

    key: str  # collect_assignments.region_code: the region code, or unit:<id>
    region_code: str  # where the figures belong
    name: str  # 吉首市, 州商务局
    unit_id: int | None = None  # the department's unit

    @property
    def is_department(self) -> bool:
        return self.unit_id is not None

    @property
    def kind(self) -> str:
        return "部门" if self.is_department else "地区"


def department_key(unit_id: int) -> str:
    return f"{DEPARTMENT_PREFIX}{unit_id}"


def _department_units(conn: Connection) -> dict[int, Any]:
    from xingshi.access._models import Unit

    return {u.id: u for u in conn.execute(select(Unit).where(Unit.kind == "部门"))}


class Reporters:
    """Resolves assignment keys and names to Reporting, loading the departments once."""

    def __init__(self, conn: Connection, regions: Any):
        self.regions = regions
        self.units = _department_units(conn)
        self.by_name = {u.name: u for u in self.units.values()}

    def _dept(self, u: Any) -> Reporting:
        return Reporting(department_key(u.id), u.region_code, u.name, u.id)

    def of_key(self, key: str) -> Reporting:
        """The Reporting of a stored key (region code or unit:<id>)."""
        if key.startswith(DEPARTMENT_PREFIX):
            u = self.units.get(int(key[len(DEPARTMENT_PREFIX) :]))
            if u is None:
                raise NoSuchRound(f"没有编号为 {key} 的部门", where=Location(value=key))
            return self._dept(u)
        return Reporting(key, key, self.regions.get(key).name)

    def resolve(self, text: str) -> Reporting:
        """A region (name, short name or code), a department's name, or unit:<id>."""
        raw = str(text).strip()
        if raw.startswith(DEPARTMENT_PREFIX) and raw[len(DEPARTMENT_PREFIX) :].isdigit():
            return self.of_key(raw)
        if raw in self.by_name:
            return self._dept(self.by_name[raw])
        return self.of_key(self.regions.resolve(raw).code)


def reporters(conn: Connection, regions: Any) -> Reporters:
    return Reporters(conn, regions)


def may(actor: Any, regions: Any, rep: Reporting, permission: str) -> bool:
    """Whether `actor` may act on `rep`'s assignment with `permission`.

    A department's users reach their own department's assignment only (never a region's or
    another department's); only they report it. The bureau's reviewers, publishers and leaders
    reach a department by its region, as they reach counties.
    """
    if actor is None:
        return True
    if not actor.has(permission):
        return False
    if getattr(actor, "is_department", False):
        return rep.unit_id == actor.unit_id and actor.can_region(
            regions, rep.region_code, permission
        )
    if rep.is_department and permission == "report":
        return False
    return actor.can_region(regions, rep.region_code, permission)


def require_unit(actor: Any, regions: Any, rep: Reporting, permission: str) -> None:
    """Refuse (PermissionDenied) unless may(actor, regions, rep, permission)."""
    if actor is None:
        return
    actor.require(permission)
    if not may(actor, regions, rep, permission):
        hint = (
            f"您属于{actor.unit}，只能查看和填报本部门的指标"
            if getattr(actor, "is_department", False)
            else "部门的指标只能由该部门的填报员填报"
            if rep.is_department and permission == "report"
            else "不在您的权限范围内"
        )
        raise PermissionDenied(f"无权查看或修改“{rep.name}”的填报", hint=hint)


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


def items_of(form: Any, assignment: Any = None) -> list[FormItem]:
    """The form's items; with an assignment, only those asked of it (a department's own)."""
    items = [FormItem(**d) for d in json.loads(form.items)]
    asked = getattr(assignment, "indicators", None)
    if asked:
        wanted = set(json.loads(asked))
        items = [i for i in items if i.indicator in wanted]
    return items


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


def load_assignment(conn: Connection, rnd: Any, code: str, regions: Any, name: str = "") -> Any:
    a = conn.execute(
        select(CollectAssignment).where(
            (CollectAssignment.round_id == rnd.id) & (CollectAssignment.region_code == code)
        )
    ).first()
    if a is None:
        raise NoSuchRound(
            f"第 {rnd.id} 轮填报没有要求{name or regions.get(code).name}报送",
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
