"""Security basics, through the real app on a real database: sessions, CSRF, lockout, hashes,
cookie flags, upload limits, nothing written by a bad file, and an audit event for each change."""

from __future__ import annotations

import re
import time
from pathlib import Path

from fastapi.testclient import TestClient

from xingshi.access import create_token, list_events

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "layouts" / "长表-湘西州-2021年1-6月.csv"
BAD = ROOT / "tests" / "ingest" / "data" / "bad" / "21-累计值下降.csv"
PASSWORD = "测试密码-2021"


def _figures(app) -> tuple[int, int]:
    store = app.state.ctx.store
    return store.releases().height, store.observations().height


def _wait_job(client: TestClient, fragment: str) -> str:
    job = re.search(r'hx-get="(/imports/jobs/[0-9a-f]+)"', fragment)
    if job is None:
        return fragment
    for _ in range(200):
        body = client.get(job.group(1), headers={"HX-Request": "true"}).text
        if "job-result" in body:
            return body
        time.sleep(0.1)
    raise AssertionError("import did not finish")


def _upload(client, csrf_of, path: Path, name: str | None = None, data: bytes | None = None):
    files = {"file": (name or path.name, data if data is not None else path.read_bytes())}
    r = client.post(
        "/imports", files=files, data={"csrf_token": csrf_of(client)},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    return r, _wait_job(client, r.text) if r.status_code == 200 else r.text


def test_nothing_works_without_a_session_or_token(app, clients) -> None:
    """A forged cookie or token gets no page and no API answer; a real token gets the API."""
    forged = TestClient(app, cookies={"xingshi_session": "forged"})
    assert forged.get("/dashboard", follow_redirects=False).status_code == 303
    assert forged.get("/api/v1/regions").status_code == 401
    bad = forged.get("/api/v1/regions", headers={"Authorization": "Bearer xs_forged"})
    assert bad.status_code == 401 and bad.json()["error"]["hint"]
    token = create_token(app.state.ctx.engine, "jishou", "测试")
    api = TestClient(app)
    r = api.get("/api/v1/observations?region=吉首&period=2021年1-6月&indicator=GDP",
                headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    assert r.status_code == 200
    assert [(o["region_code"], o["indicator"], o["level"]) for o in r.json()] == [
        ("433101", "gdp", 127.126)
    ]
    r = api.get("/api/v1/observations?region=泸溪&period=2021年1-6月",
                headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    assert r.status_code == 403
    assert r.json()["error"]["message"] == "无权查看或修改“泸溪”的数据"


def test_a_form_post_without_the_csrf_token_is_refused(app, clients, csrf_of) -> None:
    """Without the token, with a wrong one, or from another Origin: 403, and no user is added."""
    admin = clients["管理员"]
    form = {"username": "newuser", "password": "long-enough-1", "unit": "吉首市", "role": "填报员"}
    for extra, headers in (
        ({}, {}),
        ({"csrf_token": "wrong"}, {}),
        ({"csrf_token": csrf_of(admin)}, {"Origin": "http://evil.example"}),
    ):
        r = admin.post("/admin/users", data={**form, **extra}, headers=headers)
        assert r.status_code == 403, r.text
        assert "已拒绝" in r.text
    assert "newuser" not in admin.get("/admin/users").text
    ok = admin.post("/admin/users", data={**form, "csrf_token": csrf_of(admin)},
                    headers={"Origin": "http://testserver"}, follow_redirects=False)  # fmt: skip
    assert ok.status_code == 303
    assert "newuser" in admin.get("/admin/users").text


def test_five_wrong_passwords_lock_the_account_on_the_login_page(app, login) -> None:
    """The sixth attempt, even with the right password, says the account is locked."""
    client = TestClient(app)
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    for _ in range(5):
        r = client.post("/login", data={"username": "luxi", "password": "wrong-pass-1",
                                        "csrf_token": token})  # fmt: skip
        assert r.status_code == 401 and "用户名或密码不正确" in r.text
    r = client.post("/login", data={"username": "luxi", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 401
    assert "账号因多次密码错误已被临时锁定" in r.text


def test_passwords_and_tokens_are_stored_only_as_hashes(app, clients) -> None:
    """No table of the database holds a password, a session cookie or an API token in clear."""
    token = create_token(app.state.ctx.engine, "lingdao", "测试")
    dump = app.state.ctx.store.dump()
    assert PASSWORD not in dump
    assert token not in dump
    for client in clients.values():
        cookie = client.cookies.get("xingshi_session")
        if cookie:
            assert cookie not in dump
    assert dump.count("$argon2id$v=19$m=19456,t=2,p=1$") >= 5


def test_the_session_cookie_is_httponly_and_samesite(app, web_ws) -> None:
    """The login answer sets HttpOnly and SameSite=Lax; Secure when served over HTTPS."""
    from xingshi.web import create_app

    for application, secure in ((app, False), (create_app(web_ws, secure_cookies=True), True)):
        client = TestClient(
            application, base_url="https://testserver" if secure else "http://testserver"
        )
        page = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        r = client.post("/login", data={"username": "lingdao", "password": PASSWORD,
                                        "csrf_token": token}, follow_redirects=False)  # fmt: skip
        cookie = next(c for c in r.headers.get_list("set-cookie") if "xingshi_session=" in c)
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie
        assert ("Secure" in cookie) is secure


def test_uploads_are_limited_in_size_and_type(app, clients, csrf_of) -> None:
    """A file over the limit is refused with 413, a wrong type with a Chinese error; nothing is
    written either way."""
    admin = clients["管理员"]
    before = _figures(app)
    big = b"a" * (3 * 1024 * 1024)
    r, _ = _upload(admin, csrf_of, GOOD, name="大文件.csv", data=big)
    assert r.status_code == 413
    assert "太大" in r.json()["error"]["message"]
    r, _ = _upload(admin, csrf_of, GOOD, name="程序.exe", data=b"MZ\x90\x00")
    assert r.status_code == 400
    assert "不支持的文件类型“.exe”" in r.text
    assert _figures(app) == before


def test_a_bad_file_writes_nothing_and_shows_each_error_with_its_place(app, clients, csrf_of):
    """A file with a cumulative value falling is rejected whole; the page names file, row and
    column of each error with its hint."""
    admin = clients["管理员"]
    before = _figures(app)
    r, body = _upload(admin, csrf_of, BAD)
    assert r.status_code == 200
    assert 'data-ok="0"' in body
    assert "未通过审核" in body and "未导入任何数据" in body
    assert BAD.name in body and "累计" in body
    assert re.search(r"<td>\d+</td>", body)  # the row of each error
    assert _figures(app) == before


def test_a_county_user_cannot_import_other_counties(app, clients, csrf_of) -> None:
    """A 填报员 has no import right at all: the page and the upload answer 403."""
    jishou = clients["吉首市填报员"]
    assert jishou.get("/imports").status_code == 403
    files = {"file": (GOOD.name, GOOD.read_bytes())}
    r = jishou.post("/imports", files=files, data={"csrf_token": csrf_of(jishou)})
    assert r.status_code == 403


def test_every_change_leaves_an_audit_event(app, clients, csrf_of, login) -> None:
    """Log in, add a user, reset a password, import, generate a briefing, check a draft, log
    out: each is in the audit log, with who, unit and IP, and the 管理员 page lists them."""
    admin = login(app, "admin")
    csrf = csrf_of(admin)
    admin.post("/admin/users", data={"username": "auditee", "password": "long-enough-1",
               "unit": "古丈县", "role": "填报员", "csrf_token": csrf})  # fmt: skip
    admin.post("/admin/users/auditee/password", data={"password": "another-pass-2",
               "csrf_token": csrf})  # fmt: skip
    r, body = _upload(admin, csrf_of, GOOD)
    assert 'data-ok="1"' in body, body
    r = admin.post(
        "/briefs", data={"region": "湘西州", "period": "2021年1-6月", "csrf_token": csrf}
    )
    assert r.status_code == 200 and "briefing.docx" in r.text
    draft = "2021年上半年，全州地区生产总值增长12.5%。".encode()
    form = {"region": "湘西州", "period": "2021年1-6月", "csrf_token": csrf}
    r = admin.post("/checks", data=form, files={"file": ("草稿.txt", draft)})
    assert r.status_code == 200, r.text
    admin.post("/logout", data={"csrf_token": csrf})
    events = list_events(app.state.ctx.engine)
    mine = events.filter(events["actor"] == "admin")
    actions = set(mine["action"].to_list())
    for action in ("session.login", "user.add", "unit.add", "user.passwd", "session.revoke_all",
                   "import", "brief.generate", "check.draft", "session.logout"):  # fmt: skip
        assert action in actions, (action, actions)
    imp = mine.filter(mine["action"] == "import").row(0, named=True)
    assert imp["unit"] == "湘西州统计局" and imp["ip"] == "testclient"
    assert '"file": "长表-湘西州-2021年1-6月.csv"' in imp["after"]
    page = clients["管理员"].get("/admin/audit?actor=admin&action=import")
    assert "长表-湘西州-2021年1-6月.csv" in page.text
    assert clients["领导"].get("/admin/audit").status_code == 403


def test_text_from_users_is_escaped_in_pages(app, clients, csrf_of) -> None:
    """A display name with markup is shown as text, never run as a script."""
    admin = clients["管理员"]
    r = admin.post("/admin/users", data={"username": "xss", "password": "long-enough-1",
                   "unit": "吉首市", "role": "填报员", "display_name": "<script>alert(1)</script>",
                   "csrf_token": csrf_of(admin)}, follow_redirects=False)  # fmt: skip
    assert r.status_code == 303
    page = admin.get("/admin/users").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_county_publisher_cannot_import_figures_of_other_regions(app, login, csrf_of) -> None:
    """A 吉首市 发布员 uploading the whole prefecture's file is refused and nothing is written."""
    from xingshi.access import add_user

    ctx = app.state.ctx
    add_user(ctx.engine, ctx.regions, username="jishou-fb", password=PASSWORD, unit="吉首市",
             role="发布员")  # fmt: skip
    client = login(app, "jishou-fb")
    before = _figures(app)
    r, body = _upload(client, csrf_of, GOOD)
    assert r.status_code == 200
    assert 'data-ok="0"' in body
    assert "文件中有您权限范围以外的地区：湘西州、泸溪、凤凰" in body
    assert _figures(app) == before


def test_an_admin_manages_only_users_within_its_scope(app, clients, csrf_of) -> None:
    """A 湘西州 管理员 cannot reset the password of a 长沙市 user, nor create one there."""
    from xingshi.access import add_user

    ctx = app.state.ctx
    add_user(ctx.engine, ctx.regions, username="changsha", password=PASSWORD, unit="长沙市",
             role="填报员")  # fmt: skip
    admin = clients["管理员"]
    r = admin.post("/admin/users/changsha/password",
                   data={"password": "new-password-1", "csrf_token": csrf_of(admin)})  # fmt: skip
    assert r.status_code == 403 and "长沙" in r.text
    r = admin.post("/admin/users", data={"username": "cs2", "password": "long-enough-1",
                   "unit": "长沙市", "role": "填报员", "csrf_token": csrf_of(admin)})  # fmt: skip
    assert r.status_code == 403
    listed = admin.get("/admin/users").text
    # usernames are matched as cells: a random CSRF token may contain "cs2"
    assert "<td>cs2</td>" not in listed and "<td>changsha</td>" not in listed
    assert "<td>jishou</td>" in listed  # the cell form is the one the page uses
