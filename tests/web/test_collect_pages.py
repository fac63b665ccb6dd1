"""填报 pages with the browser's session and CSRF token: the form, per-field checks (the htmx
fragment), save and submit, the Excel template read back by the importer, the overview."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

from openpyxl import load_workbook

from xingshi.ingest.layouts import read_file
from xingshi.ingest.normalize import normalize

from .test_access_routes import _csrf

PERIOD = "2021年1-7月"


def _open(clients) -> int:
    rev = clients["审核员"]
    r = rev.post(
        "/rounds",
        data={"period": PERIOD, "indicators": "地方财政收入,税收收入", "parent": "湘西州",
              "due": (date.today() + timedelta(days=9)).isoformat(), "csrf_token": _csrf(rev)},
        follow_redirects=False,
    )  # fmt: skip
    assert r.status_code == 303, r.text
    return int(r.headers["location"].rsplit("/", 1)[1])


def test_fill_check_save_submit_and_overview(app, clients) -> None:
    """A county's form shows last month and last year; a value below 1-6月 gets its message
    in that field's slot; save and submit move the state; the overview shows it."""
    rid = _open(clients)
    j = clients["吉首市填报员"]
    page = j.get(f"/rounds/{rid}/fill/吉首市")
    assert page.status_code == 200 and "地方财政收入" in page.text and "未报" in page.text
    store = app.state.ctx.store
    june = store.observations(regions=["433101"], indicators=["local_fiscal"],
                              periods=["2021年1-6月"])["level"][0]  # fmt: skip
    r = j.post(f"/rounds/{rid}/fill/吉首市/check",
               data={"level__local_fiscal": str(june - 1), "version__local_fiscal": "0"},
               headers={"X-CSRF-Token": _csrf(j), "HX-Request": "true"})  # fmt: skip
    assert r.status_code == 200
    slot = re.search(r'id="msg-level__local_fiscal"[^>]*>(.*?)</div>', r.text, re.S).group(1)
    assert "累计值下降" in slot
    r = j.post(f"/rounds/{rid}/fill/吉首市/check", data={"level__local_fiscal": "abc"},
               headers={"X-CSRF-Token": _csrf(j)})  # fmt: skip
    assert "不是数字" in r.text and "1 个错误" in r.text

    # fill from the downloaded template, as a county working offline would
    t = j.get(f"/rounds/{rid}/fill/吉首市/template.xlsx")
    assert t.status_code == 200
    wb = load_workbook(io.BytesIO(t.content))
    sheet = wb.worksheets[0]
    assert [c.value for c in sheet[1]] == ["地区", "指标", "时期", "数值", "单位", "增长%", "备注"]
    assert wb["版本"].sheet_state == "hidden"
    now = store.observations(regions=["433101"], indicators=["local_fiscal", "tax"],
                             periods=[PERIOD, "2020年1-7月"])  # fmt: skip
    by = {(r["indicator"], r["year"]): r["level"] for r in now.iter_rows(named=True)}
    codes = {"地方财政收入": "local_fiscal", "税收收入": "tax"}
    for row in range(2, sheet.max_row + 1):
        code = codes[sheet.cell(row, 2).value]
        level = round(by[(code, 2021)] * 1.001, 4)
        sheet.cell(row, 4).value = level
        sheet.cell(row, 6).value = round((level / by[(code, 2020)] - 1) * 100, 2)
    buf = io.BytesIO()
    wb.save(buf)
    path = app.state.ctx.work_dir / "filled.xlsx"
    path.write_bytes(buf.getvalue())
    # the importer itself reads the filled template
    norm = normalize(read_file(path), app.state.ctx.regions, app.state.ctx.indicators)
    assert norm.observations.height == 2 and not [f for f in norm.findings if f.severity == "error"]
    r = j.post(f"/rounds/{rid}/fill/吉首市/upload", data={"csrf_token": _csrf(j)},
               files={"file": ("filled.xlsx", buf.getvalue())}, follow_redirects=False)  # fmt: skip
    assert r.status_code == 303, r.text
    page = j.get(r.headers["location"])
    assert "草稿" in page.text and "保存为草稿" in page.text
    # submitting from the page
    fields = r'name="((?:level|growth|version)__\w+)"[^>]*value="([^"]*)"'
    form = dict(re.findall(fields, page.text))
    form.update(action="submit", csrf_token=_csrf(j))
    r = j.post(f"/rounds/{rid}/fill/吉首市", data=form, follow_redirects=False)
    assert r.status_code == 303, r.text
    overview = clients["审核员"].get(f"/rounds/{rid}")
    row = re.search(r'<tr data-region="433101"[^>]*>(.*?)</tr>', overview.text, re.S).group(1)
    assert "已报" in row and "审核通过" in row
    assert j.get(f"/rounds/{rid}/fill/泸溪县").status_code == 403


def test_stale_save_in_the_page_shows_both_values(app, clients) -> None:
    """Two people save the same field from pages loaded at the same version: the second gets
    409 with its value and the first one's, and the stored figure is the first one's."""
    rid = _open(clients)
    j = clients["吉首市填报员"]
    base = {"version__local_fiscal": "0", "action": "save", "csrf_token": _csrf(j)}
    r = j.post(f"/rounds/{rid}/fill/吉首市", data={**base, "level__local_fiscal": "91.25"},
               follow_redirects=False)  # fmt: skip
    assert r.status_code == 303, r.text
    r = j.post(f"/rounds/{rid}/fill/吉首市", data={**base, "level__local_fiscal": "92.5"})
    assert r.status_code == 409
    conflict = re.search(r'id="conflicts".*?</section>', r.text, re.S).group(0)
    assert "92.5" in conflict and "91.25" in conflict and "jishou" in conflict
    assert "税收收入" not in conflict  # only the field that was overtaken
    field = re.search(r'name="level__local_fiscal"[^>]*value="([^"]*)"', r.text).group(1)
    assert float(field) == 91.25


def test_nudge_reaches_the_unit_bell(app, clients) -> None:
    """The reviewer's 催报 button puts a reminder in that county's bell and list only; the
    county marks it read."""
    rid = _open(clients)
    rev = clients["审核员"]
    form = {"action": "remind", "csrf_token": _csrf(rev)}
    r = rev.post(f"/rounds/{rid}/review/泸溪县", data=form, follow_redirects=False)
    assert r.status_code == 303
    lx, js = clients["泸溪县填报员"], clients["吉首市填报员"]
    page = lx.get("/reminders")
    assert "催报" in page.text and f"/rounds/{rid}/fill/433122" in page.text
    assert f"/rounds/{rid}/fill/433122" not in js.get("/reminders").text
    unread = int(re.search(r'id="unread">(\d+)<', lx.get("/rounds").text).group(1))
    assert unread >= 1
    rem_id = re.search(r'action="/reminders/(\d+)/read"', page.text).group(1)
    r = lx.post(f"/reminders/{rem_id}/read", data={"csrf_token": _csrf(lx)}, follow_redirects=False)
    assert r.status_code == 303
    after = int(re.search(r'id="unread">(\d+)<', lx.get("/rounds").text).group(1))
    assert after == unread - 1


def _bell(client, url: str) -> int:
    page = client.get(url)
    assert page.status_code == 200, f"{url}: {page.status_code}"
    found = re.search(r'<a class="bell" href="/reminders"[^>]*>🔔<span[^>]*id="bell-count">(\d+)<',
                      page.text)  # fmt: skip
    assert found, f"{url}: no bell"
    return int(found.group(1))


def test_bell_on_every_page_counts_only_the_own_units_reminders(app, clients) -> None:
    """The bell in the header of any page (dashboard, releases, …) counts the county's own
    unread reminders and links to the list; a 催报 to another county leaves it unchanged."""
    from xingshi.collect import unread_count
    from xingshi.web.access import resolve_session

    rid = _open(clients)
    rev, j, lx = clients["审核员"], clients["吉首市填报员"], clients["泸溪县填报员"]

    def me(client):
        return resolve_session(app.state.ctx.engine, client.cookies.get("xingshi_session"))

    pages = ("/dashboard?region=吉首市", "/releases")
    before = {url: _bell(j, url) for url in pages}
    assert set(before.values()) == {unread_count(app.state.ctx.ws, me(j))}
    for _ in range(2):
        r = rev.post(f"/rounds/{rid}/review/泸溪县", data={"action": "remind",
                     "csrf_token": _csrf(rev)}, follow_redirects=False)  # fmt: skip
        assert r.status_code == 303
    assert {url: _bell(j, url) for url in pages} == before  # another county's: not counted
    lx_count = _bell(lx, "/releases")
    assert lx_count == unread_count(app.state.ctx.ws, me(lx)) and lx_count >= 2
    assert _bell(lx, "/dashboard?region=泸溪县") == lx_count
    r = rev.post(f"/rounds/{rid}/review/吉首市", data={"action": "remind",
                 "csrf_token": _csrf(rev)}, follow_redirects=False)  # fmt: skip
    assert r.status_code == 303
    assert {url: _bell(j, url) for url in pages} == {url: n + 1 for url, n in before.items()}
    assert _bell(rev, "/releases") == 0  # the reviewer reports for no unit
