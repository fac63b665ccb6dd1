"""A real browser (Debian's Chromium, headless, through pytest-playwright) against a real
server: log in, see the map and the charts drawn, upload a good and a bad file, generate and
download a briefing, log out."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

pytest.importorskip("playwright")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="需要 /usr/bin/chromium")

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "layouts" / "长表-湘西州-2021年1-6月.csv"
BAD = ROOT / "tests" / "ingest" / "data" / "bad" / "21-累计值下降.csv"
PASSWORD = "测试密码-2021"


def _login(page, server: str, username: str) -> None:
    page.goto(f"{server}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/dashboard**")


def test_login_dashboard_upload_brief_logout(page, server: str, tmp_path: Path) -> None:
    """The whole round in Chromium: every step shows what a user would check."""
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    _login(page, server, "admin")
    page.goto(f"{server}/dashboard?region=湘西州&period=2021年1-6月")
    assert page.locator("h1").inner_text() == "湘西州 2021年1-6月 形势看板"
    page.wait_for_selector("#map[data-drawn='1'] canvas", timeout=15000)
    assert page.locator(".chart.trend").count() >= 2
    page.wait_for_selector(".chart.trend[data-drawn='1'] canvas", timeout=15000)
    assert (
        page.locator(".chart.trend[data-drawn='1']").count() == page.locator(".chart.trend").count()
    )
    assert "示意图" in page.locator("#map + .hint").inner_text()
    assert page.locator("table.matrix tbody tr").count() == 8
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)

    page.goto(f"{server}/imports")
    page.set_input_files("input[name=file]", str(GOOD))
    page.click("#upload button[type=submit]")
    page.wait_for_selector("#job-result", timeout=30000)
    assert page.locator("#job-result").get_attribute("data-ok") == "1"
    assert "已导入 长表-湘西州-2021年1-6月.csv" in page.locator("#job-result").inner_text()

    page.goto(f"{server}/imports")
    page.set_input_files("input[name=file]", str(BAD))
    page.click("#upload button[type=submit]")
    page.wait_for_selector("#job-result", timeout=30000)
    result = page.locator("#job-result")
    assert result.get_attribute("data-ok") == "0"
    assert "未导入任何数据" in result.inner_text()
    assert result.locator("table.findings tbody tr").count() >= 1

    page.goto(f"{server}/briefs?region=湘西州")
    page.select_option("select[name=period]", "2021年1-6月")
    page.click("#brief-form button[type=submit]")
    page.wait_for_selector("#brief-result", timeout=90000)
    with page.expect_download() as info:
        page.click("#brief-result a[href$='briefing.docx']")
    target = tmp_path / "briefing.docx"
    info.value.save_as(target)
    with zipfile.ZipFile(target) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "湘西州" in body

    page.click("button:has-text('退出')")
    page.wait_for_url(f"{server}/login**")
    page.goto(f"{server}/dashboard")
    assert "/login" in page.url
    assert errors == []


def test_county_user_sees_only_its_own_county_on_a_phone(browser, server: str) -> None:
    """A 吉首市 填报员 on a phone-sized screen: its own dashboard, no other county in the page."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    _login(page, server, "jishou")
    assert "吉首" in page.locator("h1").inner_text()
    text = page.content()
    for county in ("泸溪", "凤凰", "花垣", "保靖", "古丈", "永顺", "龙山"):
        assert county not in text
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400  # wide tables scroll inside their box, the page does not
    page.goto(f"{server}/dashboard?region=泸溪县")
    assert "无权查看" in page.content()
    context.close()
