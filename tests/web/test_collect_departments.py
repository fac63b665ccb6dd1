"""填报 by departments over the API: a round asking 8 counties and 2 departments (州商务局,
州税务局) for their own indicators; each department's user reaches only its own assignment
(403 on a county's and on the other department's), the reviewer sees departments beside the
counties, and publishing puts the departments' figures under 湘西州 with their source."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from xingshi.access import add_user, create_token

from .conftest import PASSWORD
from .test_access_routes import _csrf as token_of

PERIOD = "2021年1-7月"
DUE = (date.today() + timedelta(days=20)).isoformat()
DEPARTMENTS = {"shangwu": "州商务局", "shuiwu": "州税务局"}


@pytest.fixture(scope="module")
def heads(app) -> dict[str, dict[str, str]]:
    """Bearer headers: the two departments' 填报员 (made here), a county, reviewer, admin."""
    ctx = app.state.ctx
    for username, unit in DEPARTMENTS.items():
        add_user(ctx.engine, ctx.regions, username=username, password=PASSWORD, unit=unit,
                 role="填报员", region="湘西州", unit_kind="部门")  # fmt: skip
    names = {**{u: u for u in DEPARTMENTS}, "jishou": "jishou", "shenhe": "shenhe",
             "admin": "admin"}  # fmt: skip
    return {
        k: {"Authorization": "Bearer " + create_token(ctx.engine, u, "dept-test")}
        for k, u in names.items()
    }


def _figures(app, code: str, inds: list[str]) -> list[dict]:
    """The sample's 1-7月 levels raised by 0.1%, growth recomputed from last year's level."""
    store = app.state.ctx.store
    now = store.observations(regions=[code], indicators=inds, periods=[PERIOD])
    before = store.observations(regions=[code], indicators=inds, periods=["2020年1-7月"])
    base = dict(zip(before["indicator"], before["level"], strict=True))
    out = []
    for r in now.iter_rows(named=True):
        level = round(r["level"] * 1.001, 4)
        growth = round((level / base[r["indicator"]] - 1) * 100, 2)
        out.append({"indicator": r["indicator"], "level": level, "growth_pct": growth,
                    "version": 0})  # fmt: skip
    return out


def test_round_with_two_departments_end_to_end(app, heads) -> None:
    api = TestClient(app)
    sw, tax, j, rev, adm = (heads[k] for k in ("shangwu", "shuiwu", "jishou", "shenhe", "admin"))
    body = {
        "period": PERIOD,
        "indicators": ["地方财政收入", "税收收入", "社会消费品零售总额",
                       {"indicator": "实际利用外资", "growth": False}],
        "parent": "湘西州",
        "departments": [
            {"name": "州商务局", "indicators": ["社会消费品零售总额", "实际利用外资"]},
            "州税务局:税收收入",
        ],
        "due": DUE,
    }  # fmt: skip
    r = api.post("/api/v1/rounds", json=body, headers=rev)
    assert r.status_code == 201, r.text
    rnd = r.json()
    rid = rnd["id"]
    kinds = {a["region"]: a["kind"] for a in rnd["assignments"]}
    assert sorted(k for k, v in kinds.items() if v == "部门") == ["州商务局", "州税务局"]
    assert len(kinds) == 10  # 8 counties beside 2 departments
    asked = {a["region"]: a["indicators"] for a in rnd["assignments"]}
    assert asked["州商务局"] == ["retail", "foreign_capital"] and asked["州税务局"] == ["tax"]
    assert len(asked["吉首市"]) == 4  # a county is asked the whole form
    key = {a["region"]: a["region_code"] for a in rnd["assignments"]}
    base = f"/api/v1/rounds/{rid}/assignments"

    # an indicator given to two departments, or outside the form, is refused with its name
    clash = dict(body, departments=["州商务局:税收收入", "州税务局:税收收入"])
    r = api.post("/api/v1/rounds", json=clash, headers=rev)
    assert r.status_code == 400 and "同时分给了州商务局和州税务局" in r.text, r.text
    r = api.post("/api/v1/rounds", json=dict(body, departments=["州税务局:非税收入"]),
                 headers=rev)  # fmt: skip
    assert r.status_code == 400 and "不在本轮表单中" in r.text, r.text

    # a department sees and changes only its own assignment
    r = api.get(f"/api/v1/rounds/{rid}", headers=sw)
    assert r.status_code == 200
    assert [a["region"] for a in r.json()["assignments"]] == ["州商务局"]
    assert "吉首" not in r.text and "州税务局" not in r.text
    for other in ("吉首市", "433101", "州税务局", key["州税务局"], "湘西州"):
        for method, url in (("GET", f"{base}/{other}"), ("PUT", f"{base}/{other}"),
                            ("GET", f"{base}/{other}/history"),
                            ("POST", f"{base}/{other}/submit")):  # fmt: skip
            r = api.request(method, url, json={"values": []}, headers=sw)
            assert r.status_code in (403, 404), f"{method} {url}: {r.status_code} {r.text}"
    r = api.get(f"{base}/州商务局", headers=sw)
    assert r.status_code == 200 and r.json()["kind"] == "部门"
    assert [v["indicator"] for v in r.json()["values"]] == ["retail", "foreign_capital"]
    assert r.json()["values"][0]["previous"]["period"] == "2021年1-6月"  # 湘西州's own 1-6月
    # its figures are not the county's: a county user and another department get 403
    assert api.get(f"{base}/州商务局", headers=j).status_code == 403
    assert api.get(f"{base}/州商务局", headers=tax).status_code == 403
    r = api.put(f"{base}/州商务局", json={"values": [{"indicator": "retail", "level": 1,
                                                      "version": 0}]}, headers=j)  # fmt: skip
    assert r.status_code == 403
    # a department cannot report an indicator of the form that is not its own
    r = api.put(f"{base}/州商务局",
                json={"values": [{"indicator": "税收收入", "level": 1, "version": 0}]},
                headers=sw)  # fmt: skip
    assert r.status_code == 400 and "没有要求州商务局填报" in r.text, r.text

    # both departments and one county report; the reviewer approves them
    retail = _figures(app, "433100", ["retail"])
    r = api.put(f"{base}/州商务局", headers=sw, json={"values": [
        *retail, {"indicator": "实际利用外资", "level": 81234.5, "version": 0}]})  # fmt: skip
    assert r.status_code == 200, r.text
    assert api.post(f"{base}/州商务局/submit", json={"explanation": "已核实"},
                    headers=sw).status_code == 200  # fmt: skip
    r = api.put(f"{base}/{key['州税务局']}", headers=tax,
                json={"values": _figures(app, "433100", ["tax"])})  # fmt: skip
    assert r.status_code == 200, r.text
    assert api.post(f"{base}/州税务局/submit", json={"explanation": "已核实"},
                    headers=tax).status_code == 200  # fmt: skip
    county = [*_figures(app, "433101", ["local_fiscal", "tax", "retail"]),
              {"indicator": "foreign_capital", "level": 1234.5, "version": 0}]  # fmt: skip
    r = api.put(f"{base}/吉首市", headers=j, json={"values": county})
    assert r.status_code == 200, r.text
    assert api.post(f"{base}/吉首市/submit", json={"explanation": "已核实"},
                    headers=j).status_code == 200  # fmt: skip
    r = api.get(f"/api/v1/rounds/{rid}", headers=rev)
    states = {a["region"]: a["state"] for a in r.json()["assignments"]}
    assert states["州商务局"] == states["州税务局"] == states["吉首市"] == "已报"
    for unit in ("州商务局", "州税务局", "吉首市"):
        r = api.post(f"{base}/{unit}/approve", headers=rev)
        assert r.status_code == 200, r.text

    # 催报 reaches the department's own user only
    r = api.post(f"{base}/州税务局/remind", headers=rev)
    assert r.status_code == 409 or r.status_code == 400  # already reported: nothing to chase
    assert api.get("/api/v1/reminders", headers=sw).json() == []

    r = api.post(f"/api/v1/rounds/{rid}/publish", headers=adm)
    assert r.status_code == 200, r.text
    out = r.json()
    assert sorted(out["units"]) == sorted(["433101", key["州商务局"], key["州税务局"]])
    r = api.get(f"/api/v1/observations?region=湘西州&period={PERIOD}", headers=rev)
    rows = {x["indicator"]: x for x in r.json() if x["release_id"] == out["release_id"]}
    assert set(rows) == {"retail", "foreign_capital", "tax"}
    assert rows["foreign_capital"]["level"] == 81234.5
    assert rows["tax"]["source_file"] == f"填报:round/{rid}"
    assert "州税务局" in rows["tax"]["note"] and "shuiwu" in rows["tax"]["note"]
    assert "州商务局" in rows["retail"]["note"] and "shangwu" in rows["retail"]["note"]
    r = api.get(f"/api/v1/observations?region=吉首市&period={PERIOD}&indicator=税收收入",
                headers=j)  # fmt: skip
    assert r.json()[0]["source_file"] == f"填报:round/{rid}" and "jishou" in r.json()[0]["note"]


def test_department_reminders_and_nudge_reach_only_that_department(app, heads, clients) -> None:
    """A 催报 to 州商务局 is in 州商务局's list, not in 州税务局's nor a county's; the reviewer's
    overview lists both departments with their indicators, a department's only its own row."""
    api = TestClient(app)
    body = {
        "period": "2021年1-8月",
        "indicators": ["社会消费品零售总额", "税收收入"],
        "departments": ["州商务局:社会消费品零售总额", "州税务局:税收收入"],
        "due": DUE,
    }
    r = api.post("/api/v1/rounds", json=body, headers=heads["shenhe"])
    assert r.status_code == 201, r.text
    rid = r.json()["id"]
    assert len(r.json()["assignments"]) == 2  # departments only: no county asked
    r = api.post(f"/api/v1/rounds/{rid}/assignments/州商务局/remind", headers=heads["shenhe"])
    assert r.status_code == 200, r.text
    mine = api.get("/api/v1/reminders", headers=heads["shangwu"]).json()
    assert [m["round_id"] for m in mine if m["kind"] == "nudge"] == [rid]
    assert [m for m in api.get("/api/v1/reminders", headers=heads["shuiwu"]).json()
            if m["round_id"] == rid] == []  # fmt: skip
    assert [m for m in api.get("/api/v1/reminders", headers=heads["jishou"]).json()
            if m["round_id"] == rid] == []  # fmt: skip
    r = clients["审核员"].get(f"/rounds/{rid}")
    assert r.status_code == 200
    rows = re.findall(r'<tr data-region="[^"]+" data-kind="部门"', r.text)
    assert len(rows) == 2 and "部门：社会消费品零售总额" in r.text and "部门：税收收入" in r.text
    # the department's own pages: its row only, its form editable, the other one refused
    page = TestClient(app)
    login = page.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', login.text).group(1)
    page.post("/login", data={"username": "shangwu", "password": PASSWORD, "csrf_token": token})
    r = page.get(f"/rounds/{rid}")
    assert r.status_code == 200 and "州商务局" in r.text and "州税务局" not in r.text
    r = page.get(f"/rounds/{rid}/fill/州商务局")
    assert r.status_code == 200 and 'id="department"' in r.text and "disabled" not in r.text
    assert page.get(f"/rounds/{rid}/fill/州税务局").status_code == 403

    # offline: the template's rows say 湘西州 (where the figures go), the sheet the department
    t = page.get(f"/rounds/{rid}/fill/州商务局/template.xlsx")
    assert t.status_code == 200
    wb = load_workbook(io.BytesIO(t.content))
    sheet = wb.worksheets[0]
    assert sheet.title == "州商务局"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in rows] == [("湘西土家族苗族自治州", "社会消费品零售总额")]
    july = app.state.ctx.store.observations(
        regions=["433100"], indicators=["retail"], periods=[PERIOD]
    )["level"][0]
    sheet.cell(2, 4).value = round(july * 1.15, 4)
    buf = io.BytesIO()
    wb.save(buf)
    r = page.post(
        f"/rounds/{rid}/fill/州商务局/upload",
        files={"file": ("州商务局.xlsx", buf.getvalue(), "application/octet-stream")},
        data={"csrf_token": token_of(page)},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text[:500]
    saved = api.get(f"/api/v1/rounds/{rid}/assignments/州商务局", headers=heads["shangwu"]).json()
    assert saved["values"][0]["level"] == round(july * 1.15, 4)
    assert saved["values"][0]["updated_by"] == "shangwu" and saved["state"] == "草稿"
