"""填报 API over the sample: every collect route for every role and region, and the round's
whole path (save, 409 on a stale version, 422 on a failed check, submit, return, approve,
publish) driven with API tokens."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from xingshi.access import PERMISSIONS, create_token
from xingshi.web.access import app_routes, rule_of

from .test_access_routes import ROLE_OF, _csrf

PERIOD = "2021年1-7月"
DUE = (date.today() + timedelta(days=20)).isoformat()
OWN = {"吉首市填报员": "433101", "泸溪县填报员": "433122"}


@pytest.fixture(scope="module")
def tokens(app) -> dict[str, dict[str, str]]:
    """Authorization headers per role, from API tokens."""
    engine = app.state.ctx.engine
    users = {"吉首市填报员": "jishou", "泸溪县填报员": "luxi", "审核员": "shenhe",
             "领导": "lingdao", "管理员": "admin"}  # fmt: skip
    return {
        role: {"Authorization": "Bearer " + create_token(engine, u, "collect-test")}
        for role, u in users.items()
    }


def _open(app, headers, **extra) -> dict:
    body = {"period": PERIOD, "indicators": ["地方财政收入", "税收收入"], "parent": "湘西州",
            "due": DUE, **extra}  # fmt: skip
    r = TestClient(app).post("/api/v1/rounds", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


def _figures(app, code: str) -> list[dict]:
    """The sample's 1-7月 levels raised by 0.1%, growth recomputed from last year's level."""
    store = app.state.ctx.store
    inds = ["local_fiscal", "tax"]
    now = store.observations(regions=[code], indicators=inds, periods=[PERIOD]).sort("indicator")
    before = store.observations(regions=[code], indicators=inds, periods=["2020年1-7月"])
    base = dict(zip(before["indicator"], before["level"], strict=True))
    out = []
    for r in now.iter_rows(named=True):
        level = round(r["level"] * 1.001, 4)
        growth = round((level / base[r["indicator"]] - 1) * 100, 2)
        out.append({"indicator": r["indicator"], "level": level, "growth_pct": growth})
    return out


def _collect_routes(app):
    for route in app_routes(app):
        if "/rounds" in route.path or "/reminders" in route.path:
            for method in sorted(set(route.methods) - {"HEAD"}):
                yield route, method


def test_every_collect_route_for_every_role_and_region(app, clients, tokens) -> None:
    """For a real round, each collect route answers 401 anonymous, 403 without the permission
    or outside the region scope (a county on another county), and neither otherwise; a
    county's answers never name another county."""
    rnd = _open(app, tokens["审核员"])
    rc = app.state.ctx.regions
    checked = 0
    for route, method in _collect_routes(app):
        rule = rule_of(route)
        assert rule is not None, route.path
        for region in ("吉首市", "泸溪县"):
            code = rc.resolve(region).code
            url = route.path.replace("{round_id}", str(rnd["id"])).replace("{region}", region)
            url = url.replace("{reminder_id}", "0")
            for name, client in clients.items():
                role = ROLE_OF.get(name)
                if method == "GET":
                    r = client.get(url, follow_redirects=False)
                else:
                    # a well-formed body, so that only the access rule can refuse
                    headers = {"X-CSRF-Token": _csrf(client)} if name != "匿名" else {}
                    body = {
                        "values": [],
                        "reason": "核实",
                        "csrf_token": headers.get("X-CSRF-Token"),
                    }
                    r = client.request(
                        method, url, json=body, headers=headers, follow_redirects=False
                    )
                where = f"{method} {url} as {name}: {r.status_code} {r.text[:200]}"
                if role is None:
                    assert r.status_code in (401, 303), where
                    continue
                allowed = rule.permission is None or role in PERMISSIONS[rule.permission]
                if "{region}" in route.path and name in OWN and OWN[name] != code:
                    allowed = False
                if allowed:
                    assert r.status_code not in (401, 403), where
                else:
                    assert r.status_code == 403, where
                if name in OWN and r.status_code == 200:
                    other = "泸溪" if name == "吉首市填报员" else "吉首"
                    assert other not in r.text, where
                checked += 1
    assert checked > 100


def test_round_through_the_api(app, tokens) -> None:
    """Save, a stale save refused with both values (409), a failed check (422), submit, a
    warning needing 情况说明, return with reason, approve, publish as one release whose
    figures carry the round as source; a county cannot write another county (403)."""
    api = TestClient(app)
    j, lx, rev, adm = (tokens[k] for k in ("吉首市填报员", "泸溪县填报员", "审核员", "管理员"))
    rnd = _open(app, rev)
    rid = rnd["id"]
    base = f"/api/v1/rounds/{rid}/assignments"
    figs = _figures(app, "433101")
    r = api.put(f"{base}/吉首市", json={"values": [dict(f, version=0) for f in figs]}, headers=j)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "草稿"
    assert {v["version"] for v in r.json()["values"]} == {1}

    stale = [dict(figs[0], level=figs[0]["level"] + 1, version=0)]
    r = api.put(f"{base}/吉首市", json={"values": stale}, headers=j)
    assert r.status_code == 409, r.text
    c = r.json()["error"]["conflicts"][0]
    assert c["yours"]["level"] == figs[0]["level"] + 1
    assert c["theirs"]["level"] == figs[0]["level"] and c["theirs"]["version"] == 1

    r = api.put(f"{base}/吉首市", json={"values": [dict(figs[0], level="abc", version=1)]},
                headers=j)  # fmt: skip
    assert r.status_code == 422 and r.json()["error"]["findings"][0]["rule"] == "not_a_number"

    r = api.put(f"{base}/泸溪县", json={"values": [dict(figs[0], version=0)]}, headers=j)
    assert r.status_code == 403

    r = api.post(f"{base}/吉首市/submit", headers=j)
    assert r.status_code == 200 and r.json()["state"] == "已报", r.text
    r = api.post(f"{base}/吉首市/return", json={"reason": "请核实税收收入"}, headers=rev)
    assert r.status_code == 200 and r.json()["return_reason"] == "请核实税收收入"
    r = api.post(f"{base}/吉首市/approve", headers=rev)
    assert r.status_code == 409  # 退回 must be resubmitted first
    r = api.post(f"{base}/吉首市/submit", json={"explanation": "已核实"}, headers=j)
    assert r.status_code == 200
    assert api.post(f"{base}/吉首市/approve", headers=rev).status_code == 200

    # 泸溪县: a cumulative value below its 1-6月 is a warning that needs an explanation
    lx_figs = _figures(app, "433122")
    june = app.state.ctx.store.observations(
        regions=["433122"], indicators=["local_fiscal"], periods=["2021年1-6月"]
    )["level"][0]
    lx_figs[0]["level"] = june - 0.5
    r = api.put(f"{base}/泸溪", json={"values": [dict(f, version=0) for f in lx_figs]},
                headers=lx)  # fmt: skip
    assert r.status_code == 200
    assert "cumulative_decrease" in [w["rule"] for w in r.json()["warnings"]]
    r = api.post(f"{base}/泸溪/submit", headers=lx)
    assert r.status_code == 422 and "情况说明" in r.json()["error"]["message"]

    r = api.get(f"/api/v1/rounds/{rid}", headers=rev)
    states = {a["region"]: a["state"] for a in r.json()["assignments"]}
    assert states["吉首市"] == "已审" and states["泸溪县"] == "草稿" and len(states) == 8
    assert api.post(f"/api/v1/rounds/{rid}/publish", headers=rev).status_code == 403
    r = api.post(f"/api/v1/rounds/{rid}/publish", headers=adm)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["units"] == ["433101"] and out["source"] == f"填报:round/{rid}"
    r = api.get(f"/api/v1/observations?region=吉首市&period={PERIOD}&indicator=税收收入",
                headers=j)  # fmt: skip
    row = r.json()[0]
    assert row["source_file"] == f"填报:round/{rid}" and row["release_id"] == out["release_id"]
    assert "jishou" in row["note"]
