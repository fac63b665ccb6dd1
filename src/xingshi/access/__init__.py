"""xingshi.access: units, users, roles with region scopes, sessions, API tokens, the audit log.

    from xingshi.access import add_user, authenticate, record_event
    p = add_user(store.engine, ws.regions, username="jishou", password="…", unit="吉首市",
                 role="填报员")
    p.can_region(ws.regions, "433101")      # True: its own county
    p.require_region(ws.regions, "433122")  # PermissionDenied: 泸溪县 is outside its scope

Every change writes an `audit_event` in its own transaction (`record_event(conn, ...)`).
"""

from xingshi.access import _models  # noqa: F401  (tables on the store's metadata)
from xingshi.access.audit import AuditFilter, list_events, record_event
from xingshi.access.principal import Principal
from xingshi.access.roles import PERMISSIONS, ROLES, UNIT_KINDS
from xingshi.access.sessions import create_session, resolve_session, revoke_session
from xingshi.access.tokens import create_token, resolve_token, revoke_token
from xingshi.access.users import (
    add_user,
    authenticate,
    grant_role,
    list_units,
    list_users,
    load_principal,
    set_password,
)

__all__ = [
    "PERMISSIONS",
    "ROLES",
    "UNIT_KINDS",
    "AuditFilter",
    "Principal",
    "add_user",
    "authenticate",
    "create_session",
    "create_token",
    "grant_role",
    "list_events",
    "list_units",
    "list_users",
    "load_principal",
    "record_event",
    "resolve_session",
    "resolve_token",
    "revoke_session",
    "revoke_token",
    "set_password",
]
