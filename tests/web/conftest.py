"""A web app over the sample, on SQLite and (with XINGSHI_TEST_DATABASE_URL) PostgreSQL.

The sample is loaded once per module and backend; each role's user is made once. Clients log
in through the real login form.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_ENV = "XINGSHI_TEST_DATABASE_URL"
PASSWORD = "测试密码-2021"

# role name in the tests -> (username, unit, role, region)
ROLES = {
    "吉首市填报员": ("jishou", "吉首市", "填报员", None),
    "泸溪县填报员": ("luxi", "泸溪县", "填报员", None),
    "审核员": ("shenhe", "湘西州统计局", "审核员", "湘西州"),
    "领导": ("lingdao", "湘西州人民政府办公室", "领导", "湘西州"),
    "管理员": ("admin", "湘西州统计局", "管理员", "湘西州"),
    "督查员": ("ducha", "湘西州督查室", "督查员", "湘西州"),
}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def web_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database URL for the module: a SQLite file or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('webdb') / 'web.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"PostgreSQL 测试需要环境变量 {PG_ENV}")
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def web_ws(web_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A workspace with the sample loaded and one user per role, on `web_db`."""
    from xingshi.access import add_user
    from xingshi.sample import load_sample
    from xingshi.workspace import init_workspace

    mp = pytest.MonkeyPatch()
    mp.setenv("XINGSHI_DATABASE_URL", web_db)  # jobs that reopen the workspace see the same
    path = tmp_path_factory.mktemp("webws") / "ws"
    ws = init_workspace(path)
    load_sample(ws)
    from xingshi.supervise.ledger import import_ledger

    ledger = Path(__file__).parents[2] / "examples/supervise/湘西州督查台账2021（示例数据）.xlsx"
    import_ledger(ws.store, ws.regions, ledger)  # 督查督办 rows for the access walk
    for username, unit, role, region in ROLES.values():
        add_user(ws.store.engine, ws.regions, username=username, password=PASSWORD, unit=unit,
                 role=role, region=region)  # fmt: skip
    ws.close()
    yield path
    mp.undo()


@pytest.fixture(scope="module")
def app(web_ws: Path):
    from xingshi.web import create_app
    from xingshi.workspace import open_workspace

    ws = open_workspace(web_ws)
    application = create_app(ws, max_upload_bytes=2 * 1024 * 1024)
    yield application
    ws.close()


def _login(app, username: str, password: str = PASSWORD) -> TestClient:
    """A client logged in through the login form (with its CSRF token)."""
    client = TestClient(app)
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    r = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    return client


def _csrf_of(client: TestClient) -> str:
    page = client.get("/sessions")
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


@pytest.fixture(scope="module")
def clients(app) -> dict[str, TestClient]:
    """One logged-in client per role, and "匿名" with no session."""
    out = {"匿名": TestClient(app)}
    for name, (username, *_rest) in ROLES.items():
        out[name] = _login(app, username)
    return out


@pytest.fixture(scope="module")
def relogin(app):
    """relogin(role name) -> a new client of that role's user (for steps that end a session)."""
    return lambda name: _login(app, ROLES[name][0])


@pytest.fixture(scope="module")
def login():
    """login(app, username, password) -> a client logged in through the form."""
    return _login


@pytest.fixture(scope="module")
def csrf_of():
    """csrf_of(client) -> the session's CSRF token, read from a page."""
    return _csrf_of


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright drives Debian's Chromium (playwright cannot download its own here)."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "headless": True}


@pytest.fixture(scope="module")
def server(app):
    """The app served by uvicorn on a free loopback port, in a thread, for the module."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
