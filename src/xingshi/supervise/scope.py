"""Who sees and changes what in 督查督办.

- 督查员 and 管理员 (permission "supervise") see every project and task in their region scope,
  open tasks, drive the chain (提醒, 催办, 延期 decisions, 销号) and adjust scores.
- 领导 read everything in their scope.
- Any other unit sees and reports only its own: where it is the lead unit or a co-unit, and a
  county (县市区) unit also the projects and tasks of its own region.
`principal=None` is the command line, which may do everything.
"""

from __future__ import annotations

from typing import Any

from xingshi.errors import PermissionDenied


def sees_all(principal: Any) -> bool:
    return principal is None or principal.has("supervise") or "领导" in principal.roles


def owns(principal: Any, *, lead_unit: str, co_units: list[str], region_code: str) -> bool:
    """Whether the principal's unit is responsible for an item."""
    if principal is None:
        return True
    if principal.unit == lead_unit or principal.unit in co_units:
        return True
    return principal.unit_kind == "县市区" and principal.unit_region == region_code


def can_see(principal: Any, regions: Any, item: dict) -> bool:
    """Whether the principal may read a project or task (a dict with region/lead/co units)."""
    if principal is None:
        return True
    if not principal.can_region(regions, item["region_code"], "view"):
        return False
    return sees_all(principal) or owns(
        principal,
        lead_unit=item["lead_unit"],
        co_units=item.get("co_units") or [],
        region_code=item["region_code"],
    )


def require_supervisor(principal: Any, regions: Any, region_code: str) -> None:
    """Raise unless the principal supervises `region_code`."""
    if principal is None:
        return
    principal.require_region(regions, region_code, "supervise")


def require_owner(principal: Any, regions: Any, item: dict, what: str) -> None:
    """Raise unless the principal's unit is responsible for the item (reports, 签收, 申请)."""
    if principal is None:
        return
    if not principal.can_region(regions, item["region_code"], "view") or not owns(
        principal,
        lead_unit=item["lead_unit"],
        co_units=item.get("co_units") or [],
        region_code=item["region_code"],
    ):
        raise PermissionDenied(
            f"只有责任单位可以{what}", hint=f"本事项的牵头单位是“{item['lead_unit']}”"
        )
