"""CLI commands for accounts: ``user add/passwd/list``, ``token create`` and ``audit``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from xingshi.access._time import utcnow
from xingshi.cli._common import WorkspaceOpt, XingshiGroup, console, resolve_workspace
from xingshi.errors import InputError

user_app = typer.Typer(cls=XingshiGroup, help="用户：新建、改密码、列出", no_args_is_help=True)
token_app = typer.Typer(cls=XingshiGroup, help="API 令牌", no_args_is_help=True)


def _open(workspace: Path | None) -> Any:
    from xingshi.workspace import open_workspace

    return open_workspace(resolve_workspace(workspace))


def _read_password(from_stdin: bool) -> str:
    # a password piped in is read as if --password-stdin were given
    if from_stdin or not sys.stdin.isatty():
        text = sys.stdin.readline().rstrip("\r\n")
        if not text:
            raise InputError("标准输入中没有密码", hint="例如 echo '密码' | xingshi user add ...")
        return text
    first = typer.prompt("密码", hide_input=True)
    again = typer.prompt("再输入一次", hide_input=True)
    if first != again:
        raise InputError("两次输入的密码不一致", hint="请重新运行命令")
    return first


def _department_region(ws: Any, name: str) -> str | None:
    """Where a department sits: its unit's region if it exists, else the workspace's region."""
    from xingshi.access import list_units

    known = list_units(ws.store.engine).filter(name=name.strip())
    if not known.is_empty():
        return known["region_code"][0]
    return ws.settings.workspace.region or None


def user_add_cmd(
    name: Annotated[str, typer.Argument(help="用户名（登录用）", show_default=False)],
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="所属单位，如 吉首市、湘西州统计局", show_default=False),
    ] = None,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            help="角色：填报员、审核员、发布员、领导、督查员、管理员（--department 时默认填报员）",
            show_default=False,
        ),
    ] = None,
    department: Annotated[
        str | None,
        typer.Option(
            "--department",
            help="所属部门，如 州商务局：该部门的填报员只能填报本部门的指标"
            "（新部门建在 --region，默认工作区的本地区）",
            show_default=False,
        ),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option("--region", help="权限范围（地区，含其下级；默认为单位所在地区）"),
    ] = None,
    display_name: Annotated[str | None, typer.Option("--display-name", help="姓名")] = None,
    unit_kind: Annotated[
        str | None,
        typer.Option(
            "--unit-kind", help="单位类型：统计局、县市区、部门、政府办、督查室（默认按名称判断）"
        ),
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="从标准输入读取密码（不提示）")
    ] = False,
    workspace: WorkspaceOpt = None,
) -> None:
    """新建用户：所属单位、角色和权限范围；未指定 --password-stdin 时提示输入密码。"""
    from xingshi.access import add_user

    if (unit is None) == (department is None):
        raise InputError(
            "请给出 --unit 或 --department 之一", hint="例如 --unit 吉首市 或 --department 州商务局"
        )
    if role is None and department is None:
        raise InputError("没有指定角色", hint="加上 --role，例如 --role 填报员")
    if department is not None:
        unit, unit_kind, role = department, "部门", role or "填报员"
    password = _read_password(password_stdin)
    ws = _open(workspace)
    try:
        if department is not None and region is None:
            region = _department_region(ws, department)
        p = add_user(
            ws.store.engine,
            ws.regions,
            username=name,
            password=password,
            unit=unit,
            role=role,
            region=region,
            display_name=display_name,
            unit_kind=unit_kind,
        )
        scope = "、".join(
            f"{r}（{ws.regions.get(c).short or ws.regions.get(c).name}）" for r, c in p.grants
        )
    finally:
        ws.close()
    console.print(f"已新建用户 {p.username}：{p.unit}（{p.unit_kind}），{scope}", highlight=False)


def user_passwd_cmd(
    name: Annotated[str, typer.Argument(help="用户名", show_default=False)],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="从标准输入读取新密码（不提示）")
    ] = False,
    workspace: WorkspaceOpt = None,
) -> None:
    """修改用户密码（同时解除因密码错误造成的锁定，并注销该用户已登录的会话）。"""
    from xingshi.access import set_password
    from xingshi.access.sessions import revoke_all
    from xingshi.access.users import load_user_id

    password = _read_password(password_stdin)
    ws = _open(workspace)
    try:
        set_password(ws.store.engine, name, password)
        revoke_all(ws.store.engine, load_user_id(ws.store.engine, name))
    finally:
        ws.close()
    console.print(f"已修改用户 {name} 的密码。", highlight=False)


def user_list_cmd(workspace: WorkspaceOpt = None) -> None:
    """列出用户：单位、角色和权限范围、是否锁定。"""
    from xingshi.access import list_users

    ws = _open(workspace)
    try:
        frame = list_users(ws.store.engine)
        rc = ws.regions
    finally:
        ws.close()
    if frame.height == 0:
        console.print("还没有用户。用 xingshi user add 新建。", highlight=False)
        return
    table = Table(title="用户")
    for col in ("用户名", "姓名", "单位", "类型", "角色（范围）", "状态"):
        table.add_column(col)
    now = utcnow()
    for r in frame.iter_rows(named=True):
        roles = []
        for item in (r["roles"] or "").split(","):
            if "@" in item:
                role, code = item.split("@", 1)
                roles.append(f"{role}（{rc.get(code).short or rc.get(code).name}）")
        locked = r["locked_until"] is not None and r["locked_until"] > now
        state = "已锁定" if locked else ("正常" if r["active"] else "停用")
        table.add_row(
            r["username"],
            r["display_name"] or "",
            r["unit"],
            r["unit_kind"],
            "、".join(roles),
            state,
        )
    console.print(table)


def token_create_cmd(
    name: Annotated[str, typer.Argument(help="用户名（令牌代表该用户）", show_default=False)],
    label: Annotated[str, typer.Option("--label", help="令牌用途说明")] = "命令行创建",
    workspace: WorkspaceOpt = None,
) -> None:
    """为用户创建 API 令牌（Authorization: Bearer 令牌）；令牌只显示这一次，库中只存散列值。"""
    from xingshi.access import create_token

    ws = _open(workspace)
    try:
        token = create_token(ws.store.engine, name, label)
    finally:
        ws.close()
    console.print(token, highlight=False, soft_wrap=True)


def audit_cmd(
    actor: Annotated[str | None, typer.Option("--user", help="只看此用户的操作")] = None,
    action: Annotated[
        str | None, typer.Option("--action", help="只看此类操作（前缀），如 user、import")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="最多显示几条（最新的在前）")] = 100,
    workspace: WorkspaceOpt = None,
) -> None:
    """显示审计日志：谁、何时（本地时间）、从哪里、做了什么、改了什么。"""
    from xingshi.access import AuditFilter, list_events

    ws = _open(workspace)
    try:
        frame = list_events(ws.store.engine, AuditFilter(actor=actor, action=action, limit=limit))
    finally:
        ws.close()
    if frame.height == 0:
        console.print("审计日志中没有记录。", highlight=False)
        return
    # one line per event: the JSON before/after does not fit a table's columns
    for r in frame.iter_rows(named=True):
        parts = [
            r["at"].astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            r["actor"] or "",
            r["unit"] or "",
            r["ip"] or "",
            r["action"],
            f"{r['object_type']} {r['object_id'] or ''}".strip(),
        ]
        if r["region"]:
            parts.append(f"地区 {r['region']}")
        if r["before"]:
            parts.append(f"修改前 {r['before']}")
        if r["after"]:
            parts.append(f"修改后 {r['after']}")
        if r["reason"]:
            parts.append(f"原因 {r['reason']}")
        console.print("  ".join(p for p in parts if p), highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    user_app.command("add")(user_add_cmd)
    user_app.command("passwd")(user_passwd_cmd)
    user_app.command("list")(user_list_cmd)
    token_app.command("create")(token_create_cmd)
    app.add_typer(user_app, name="user")
    app.add_typer(token_app, name="token")
    app.command("audit")(audit_cmd)
