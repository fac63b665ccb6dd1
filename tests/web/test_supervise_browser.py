"""督查督办 in a real browser (Debian's Chromium through pytest-playwright): the supervision
office opens a task from a red indicator, the owner unit signs and reports, the office closes
it, and the audit log shows each step."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("playwright")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="需要 /usr/bin/chromium")
PASSWORD = "测试密码-2021"


@pytest.fixture(scope="module")
def owner_user(app) -> str:
    """A user of 州工业和信息化局, the unit responsible for 新增入规企业数."""
    from xingshi.access import add_user

    ctx = app.state.ctx
    add_user(
        ctx.engine,
        ctx.regions,
        username="gongxin",
        password=PASSWORD,
        unit="州工业和信息化局",
        role="填报员",
        region="湘西州",
    )
    return "gongxin"


def _login(browser, server: str, username: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/dashboard**")
    return page


def test_red_indicator_to_closed_task_with_audit(browser, server: str, owner_user: str) -> None:
    """From the dashboard's red light to the task, sign and report as the owner, close as the
    office, and read each step in the audit log."""
    office = _login(browser, server, "ducha")
    errors: list[str] = []
    office.on("pageerror", lambda e: errors.append(str(e)))
    office.goto(f"{server}/dashboard?region=湘西州&period=2021年1-6月")
    red = office.locator("table.indicators tbody tr", has_text="新增入规企业数").first
    red.locator("a.sv-open", has_text="督办").click()
    office.wait_for_url(f"{server}/supervise/indicators**")
    row = office.locator("tr[data-indicator='new_industrial_firms']")
    assert "红" in row.locator(".light").inner_text()
    row.locator("button", has_text="生成督办事项").click()
    office.wait_for_url(f"{server}/supervise/tasks/*")
    task_url = office.url
    assert office.locator("h1").inner_text().endswith("湘西州新增入规企业数红灯督办（2021年1-6月）")
    assert office.locator("#task-status").inner_text() == "已交办"
    assert "州工业和信息化局" in office.content()
    assert "仍为红灯" in office.locator("#indicator-status").inner_text()

    owner = _login(browser, server, owner_user)
    owner.goto(f"{server}/supervise/tasks")
    owner.locator("a", has_text="新增入规企业数红灯督办").click()
    owner.wait_for_url(task_url)
    owner.locator(".step-form button", has_text="签收").click()
    owner.wait_for_url(task_url)
    assert owner.locator("#task-status").inner_text() == "已签收"
    owner.fill("#task-report textarea[name=text]", "已走访拟入规企业12家，6家完成申报")
    owner.click("#task-report button[type=submit]")
    owner.wait_for_url(task_url)
    assert owner.locator("#task-status").inner_text() == "办理中"
    assert owner.locator(".step-form button", has_text="审核销号").count() == 0
    owner.locator(".step-form button", has_text="申请办结").click()
    owner.wait_for_url(task_url)
    assert owner.locator("#task-status").inner_text() == "办结待审"

    office.goto(task_url)
    office.locator(".step-form button", has_text="审核销号").click()
    office.wait_for_url(task_url)
    assert office.locator("#task-status").inner_text() == "已销号"
    steps = office.locator("#steps li").all_inner_texts()
    assert [s.split()[0] for s in steps] == ["立项交办", "签收", "报送进展", "申请办结", "审核销号"]
    assert errors == []

    admin = _login(browser, server, "admin")
    admin.goto(f"{server}/admin/audit?action=task")
    rows = admin.locator("tbody tr").all_inner_texts()
    task_id = task_url.rsplit("/", 1)[1]
    mine = [r for r in rows if f"task {task_id}" in r]
    actions = [
        next(
            a
            for a in ("task.open", "task.sign", "task.report", "task.close.request", "task.close")
            if f"\t{a}\t" in r
        )
        for r in mine
    ]
    assert actions == [
        "task.close",
        "task.close.request",
        "task.report",
        "task.sign",
        "task.open",
    ]  # newest first
    by = [r.split("\t")[1] for r in mine]
    assert by == ["ducha", "gongxin", "gongxin", "gongxin", "ducha"]
