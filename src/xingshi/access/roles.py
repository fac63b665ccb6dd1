"""Roles, unit kinds and what each role may do. Every check in the web layer names a permission.

A role is granted over a region and covers everything below it (a 湘西州 领导 reads every
county of 湘西州; a 吉首市 填报员 only 吉首市).
"""

from __future__ import annotations

ROLES = ("填报员", "审核员", "发布员", "领导", "督查员", "管理员")

UNIT_KINDS = ("统计局", "县市区", "部门", "政府办", "督查室")

# permission -> roles that hold it. "view" is reading figures, analyses and briefings in scope.
PERMISSIONS: dict[str, frozenset[str]] = {
    "view": frozenset(ROLES),
    "report": frozenset({"填报员"}),
    "review": frozenset({"审核员", "管理员"}),
    "import": frozenset({"发布员", "管理员"}),
    "publish": frozenset({"发布员", "管理员"}),
    "supervise": frozenset({"督查员", "管理员"}),
    "admin": frozenset({"管理员"}),
    "audit": frozenset({"管理员"}),
}

ROLE_HELP = {
    "填报员": "填报本单位的数据",
    "审核员": "审核范围内的数据",
    "发布员": "导入和发布数据版本",
    "领导": "查看范围内的全部数据",
    "督查员": "督查督办",
    "管理员": "管理用户和设置，查看审计日志",
}


def check_role(role: str) -> str:
    """The role name if it is one of ROLES, else an InputError listing them."""
    from xingshi.errors import InputError, Location

    if role not in ROLES:
        raise InputError(
            f"没有角色“{role}”",
            where=Location(value=role),
            hint="角色为：" + "、".join(ROLES),
        )
    return role


def guess_unit_kind(name: str, is_region: bool) -> str:
    """A unit's kind from its name: 统计局, 政府办, 督查室, a region's name, else 部门."""
    if "统计" in name:
        return "统计局"
    if "督查" in name or "推进办" in name:
        return "督查室"
    if "政府办" in name or "办公室" in name:
        return "政府办"
    return "县市区" if is_region else "部门"
