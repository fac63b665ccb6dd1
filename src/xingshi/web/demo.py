"""The demo behind `make serve`: the sample in a fresh workspace and three demo accounts."""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

from xingshi.errors import WorkspaceError

MARKER = ".xingshi-demo"

# username, unit, role, region, what it shows
DEMO_USERS = (
    ("admin", "湘西州统计局", "管理员", "湘西州", "统计局管理员：用户、导入、审计"),
    ("jishou", "吉首市", "填报员", None, "吉首市填报员：只看到吉首市"),
    ("lingdao", "湘西州人民政府办公室", "领导", "湘西州", "领导：全州只读"),
)


def prepare_demo(path: str | Path) -> list[tuple[str, str, str]]:
    """Load the sample into a fresh workspace at `path`; returns (username, password, note).

    A directory that exists is replaced only if an earlier demo made it (it has the marker)."""
    from xingshi.access import add_user, grant_role
    from xingshi.sample import load_sample
    from xingshi.store import DATABASE_FILE
    from xingshi.workspace import init_workspace

    path = Path(path)
    if path.exists():
        if not (path / MARKER).is_file():
            raise WorkspaceError(
                "目录已存在且不是演示工作区，不会覆盖",
                hint="换一个目录，或删除该目录后重试",
            )
        shutil.rmtree(path)
    ws = init_workspace(path, database_url=f"sqlite:///{path.resolve() / DATABASE_FILE}")
    (path / MARKER).write_text("make serve 建立的演示工作区，可以删除\n", encoding="utf-8")
    out = []
    try:
        load_sample(ws)
        from xingshi.supervise.sample import load_sample_ledger

        load_sample_ledger(ws)  # 督查督办 sample: the admin holds the supervision permission
        for username, unit, role, region, note in DEMO_USERS:
            password = secrets.token_urlsafe(9)
            add_user(
                ws.store.engine,
                ws.regions,
                username=username,
                password=password,
                unit=unit,
                role=role,
                region=region,
            )
            if role == "管理员":
                grant_role(ws.store.engine, ws.regions, username, "发布员", "湘西州")
            out.append((username, password, note))
    finally:
        ws.close()
    return out
