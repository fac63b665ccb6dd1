"""填报 in a real browser (Debian's Chromium, headless, pytest-playwright) against a real
server: the bureau opens a round for 湘西州's 8 counties, 吉首市 fills it in the browser and
sees the cumulative-decrease message at the field, 泸溪县 uploads the filled Excel template,
is sent back and resubmits, the counties still missing show red, the round is published and
`xingshi show` returns the figures with the round as their source."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

pytest.importorskip("playwright")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="需要 /usr/bin/chromium")
PASSWORD = "测试密码-2021"
PERIOD = "2021年1-7月"


def _user(browser, server: str, username: str):
    """A page in its own browser context, logged in as `username`."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    page.goto(f"{server}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/dashboard**")
    return page


def _figures(store, code: str) -> dict[str, tuple[float, float]]:
    """Plausible figures: the sample's 1-7月 levels +0.1%, growth recomputed from 2020."""
    inds = ["local_fiscal", "tax"]
    obs = store.observations(regions=[code], indicators=inds, periods=[PERIOD, "2020年1-7月"])
    by = {(r["indicator"], r["year"]): r["level"] for r in obs.iter_rows(named=True)}
    out = {}
    for ind in inds:
        level = round(by[(ind, 2021)] * 1.001, 4)
        out[ind] = (level, round((level / by[(ind, 2020)] - 1) * 100, 2))
    return out


def test_round_in_the_browser(browser, server: str, app, web_ws: Path, tmp_path: Path) -> None:
    """The acceptance round of issue 12, step by step in Chromium."""
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from xingshi.cli import app as cli

    store = app.state.ctx.store
    # the bureau opens the round; its due date has passed, so missing counties are late
    rev = _user(browser, server, "shenhe")
    rev.goto(f"{server}/rounds")
    rev.fill("#open-round input[name=period]", PERIOD)
    rev.fill("#open-round input[name=indicators]", "地方财政收入,税收收入")
    rev.fill("#open-round input[name=parent]", "湘西州")
    rev.fill("#open-round input[name=due]", (date.today() - timedelta(days=1)).isoformat())
    rev.click("#open-round button[type=submit]")
    rev.wait_for_url(f"{server}/rounds/*")
    rid = int(rev.url.rsplit("/", 1)[1])
    assert rev.locator("#assignments tbody tr").count() == 8

    # 吉首市 in the browser: a value below 1-6月 is flagged at its field as it is typed
    js = _user(browser, server, "jishou")
    js.goto(f"{server}/rounds/{rid}/fill/433101")
    june = store.observations(regions=["433101"], indicators=["local_fiscal"],
                              periods=["2021年1-6月"])["level"][0]  # fmt: skip
    js.fill("input[name=level__local_fiscal]", f"{june - 1:.4f}")
    msg = js.locator("#msg-level__local_fiscal")
    msg.get_by_text("累计值下降").wait_for(timeout=10000)
    assert "低于" in msg.inner_text()
    figs = _figures(store, "433101")
    for ind, (level, growth) in figs.items():
        js.fill(f"input[name=level__{ind}]", str(level))
        js.fill(f"input[name=growth__{ind}]", str(growth))
    js.locator("#check-summary .ok").wait_for(timeout=10000)
    assert msg.inner_text().strip() == ""
    js.click("button[value=submit]")
    js.wait_for_url(f"{server}/rounds/{rid}/fill/433101?msg=*")
    assert js.locator("#state").inner_text() == "已报"

    # 泸溪县 offline: download the template, fill it, upload it, submit
    lx = _user(browser, server, "luxi")
    lx.goto(f"{server}/rounds/{rid}/fill/433122")
    with lx.expect_download() as dl:
        lx.click("#template-link")
    path = tmp_path / "泸溪县.xlsx"
    dl.value.save_as(path)
    wb = load_workbook(path)
    sheet = wb.worksheets[0]
    names = {"地方财政收入": "local_fiscal", "税收收入": "tax"}
    lx_figs = _figures(store, "433122")
    for row in range(2, sheet.max_row + 1):
        level, growth = lx_figs[names[sheet.cell(row, 2).value]]
        sheet.cell(row, 4).value, sheet.cell(row, 6).value = level, growth
    wb.save(path)
    lx.set_input_files("#upload input[name=file]", str(path))
    lx.click("#upload button[type=submit]")
    lx.wait_for_url(f"{server}/rounds/{rid}/fill/433122?msg=*")
    assert lx.locator("#state").inner_text() == "逾期"  # a draft past the due date
    assert lx.locator("input[name=level__tax]").input_value() == str(lx_figs["tax"][0])
    lx.click("button[value=submit]")
    lx.wait_for_url(f"{server}/rounds/{rid}/fill/433122?msg=*")

    # the reviewer sends 泸溪县 back; it resubmits with an explanation
    rev.goto(f"{server}/rounds/{rid}")
    row = rev.locator("tr[data-region='433122']")
    row.locator("input[name=reason]").fill("税收收入请与税务部门核对")
    row.locator("button[value=return]").click()
    rev.wait_for_url(f"{server}/rounds/{rid}")
    assert rev.locator("tr[data-region='433122'] .state").inner_text() == "退回"
    lx.goto(f"{server}/rounds/{rid}/fill/433122")
    assert "税收收入请与税务部门核对" in lx.locator("#return-reason").inner_text()
    lx.fill("textarea[name=explanation]", "已与税务部门核对一致")
    lx.click("button[value=submit]")
    lx.wait_for_url(f"{server}/rounds/{rid}/fill/433122?msg=*")
    assert lx.locator("#state").inner_text() == "已报"

    # overview: the two approved, the late ones red
    rev.goto(f"{server}/rounds/{rid}")
    for code in ("433101", "433122"):
        rev.locator(f"tr[data-region='{code}'] button[value=approve]").click()
        rev.wait_for_url(f"{server}/rounds/{rid}")
    late = rev.locator("tr[data-region='433123']")  # 凤凰县 has not reported
    assert "late" in (late.get_attribute("class") or "")
    assert late.locator(".state").inner_text() == "逾期"
    color = late.locator("td").first.evaluate("e => getComputedStyle(e).color")
    assert color == "rgb(176, 0, 32)"
    assert "late" not in (rev.locator("tr[data-region='433101']").get_attribute("class") or "")

    adm = _user(browser, server, "admin")
    adm.goto(f"{server}/rounds/{rid}")
    adm.click("#publish button[type=submit]")
    adm.wait_for_url(f"{server}/rounds/{rid}?published=*")
    assert "已发布为版本" in adm.locator("#published").inner_text()
    for p in (rev, js, lx, adm):
        assert p.errors == []

    shown = CliRunner().invoke(
        cli, ["show", "--region", "湘西州", "--period", PERIOD, "--format", "json",
              "--workspace", str(web_ws)],
    )  # fmt: skip
    assert shown.exit_code == 0, shown.output
    records = json.loads(shown.output)
    mine = [r for r in records if r["region"] in ("吉首市", "泸溪县") and r["indicator"] == "tax"]
    assert len(mine) == 2, records[:3]
    assert all(r["source"].startswith(f"填报:round/{rid}") for r in mine)
    assert {r["level"] for r in mine} == {figs["tax"][0], lx_figs["tax"][0]}
