"""The principal: who is asking, with which roles over which regions.

Every page and API route gets one (or refuses the request) through the web layer's access
dependency; library functions take it to filter what a user may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from xingshi.access.roles import PERMISSIONS
from xingshi.errors import PermissionDenied, UnknownRegion


@dataclass(frozen=True)
class Principal:
    """A logged-in user (through a session or an API token)."""

    user_id: int
    username: str
    display_name: str | None
    unit: str
    unit_kind: str
    unit_region: str | None
    grants: tuple[tuple[str, str], ...]  # (role, region_code)
    via: str = "session"  # "session" | "token"
    session_id: str | None = None
    csrf_token: str | None = None
    unit_id: int | None = None
    _cache: dict = field(default_factory=dict, compare=False, repr=False, hash=False)

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r for r, _ in self.grants))

    @property
    def is_department(self) -> bool:
        """Whether the user works for a 部门 (which reports for itself, not for a region)."""
        return self.unit_kind == "部门" and self.unit_id is not None

    @property
    def label(self) -> str:
        return self.display_name or self.username

    def has(self, permission: str) -> bool:
        """Whether any of the user's roles carries `permission` (somewhere)."""
        allowed = PERMISSIONS[permission]
        return any(role in allowed for role, _ in self.grants)

    def roots(self, permission: str = "view") -> tuple[str, ...]:
        """The regions at the top of the user's scope for `permission`."""
        allowed = PERMISSIONS[permission]
        return tuple(dict.fromkeys(code for role, code in self.grants if role in allowed))

    def home_region(self) -> str | None:
        """The region the user starts in: its unit's, else its first scope."""
        roots = self.roots("view")
        if self.unit_region and self.can_region(None, self.unit_region, "view"):
            return self.unit_region
        return roots[0] if roots else None

    def visible(self, regions: Any, permission: str = "view") -> frozenset[str]:
        """Every region code in scope: the roots and all regions below them."""
        key = ("visible", permission, id(regions))
        if key not in self._cache:
            out: set[str] = set()
            todo = list(self.roots(permission))
            while todo:
                code = todo.pop()
                if code in out:
                    continue
                out.add(code)
                todo.extend(c.code for c in regions.children(code))
            self._cache[key] = frozenset(out)
        return self._cache[key]

    def can_region(self, regions: Any, code: str, permission: str = "view") -> bool:
        """Whether `code` is in scope for `permission` (itself or below a granted region)."""
        roots = set(self.roots(permission))
        if code in roots:
            return True
        if regions is None:
            return False
        seen: set[str] = set()
        current = code
        while current and current not in seen:
            seen.add(current)
            if current in roots:
                return True
            try:
                current = regions.get(current).parent
            except UnknownRegion:  # an unknown code has no ancestors in scope
                return False
        return False

    def require(self, permission: str) -> None:
        """Raise PermissionDenied unless a role of the user carries `permission`."""
        if not self.has(permission):
            raise PermissionDenied(
                "您的角色没有此项权限",
                hint="需要以下角色之一：" + "、".join(sorted(PERMISSIONS[permission])),
            )

    def require_region(self, regions: Any, code: str, permission: str = "view") -> None:
        """Raise PermissionDenied unless `code` lies within the scope of `permission`."""
        self.require(permission)
        if not self.can_region(regions, code, permission):
            name = _names(regions, (code,))[0]
            raise PermissionDenied(
                f"无权查看或修改“{name}”的数据",
                hint="您的权限范围：" + "、".join(_names(regions, self.roots(permission))),
            )


def _names(regions: Any, codes: tuple[str, ...]) -> list[str]:
    out = []
    for c in codes:
        try:
            r = regions.get(c)
            out.append(r.short or r.name)
        except UnknownRegion:
            out.append(c)
    return out or ["（无）"]
