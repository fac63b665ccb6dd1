"""One routes module per concept; ROUTERS is what the app factory mounts."""

from xingshi.web.routes import (
    admin,
    auth,
    briefs,
    checks,
    collect,
    dashboard,
    imports,
    releases,
    supervise,
    warnings,
)

ROUTERS = [
    auth.router,
    dashboard.router,
    imports.router,
    releases.router,
    briefs.router,
    checks.router,
    warnings.router,
    admin.router,
    collect.router,
    supervise.router,
]
