"""督查督办 over HTTP: the API's fields and scopes, the chain's 409s, red indicator → task,
and that supervision cannot touch statistics."""

from __future__ import annotations

import pytest


def _post(client, csrf_of, url, body):
    return client.post(url, json=body, headers={"X-CSRF-Token": csrf_of(client)})


PROJECT = {
    "name": "吉首市测试物流园项目",
    "year": 2021,
    "region": "吉首市",
    "category": "州重点",
    "lead_unit": "吉首市",
    "total_investment": 12.5,
    "annual_plan": 6.0,
    "planned_start": "2021-02",
    "planned_finish": "2022-12",
    "started": "2021-02",
    "registered": "2021-03",
}


def test_projects_api_fields_lights_and_scopes(clients, csrf_of) -> None:
    """督查员 adds a project; only its unit reports it; the list gives each light and reason."""
    sup, jishou, luxi = clients["督查员"], clients["吉首市填报员"], clients["泸溪县填报员"]
    assert _post(jishou, csrf_of, "/api/v1/projects", PROJECT).status_code == 403
    r = _post(sup, csrf_of, "/api/v1/projects", PROJECT)
    assert r.status_code == 201, r.text
    pid = r.json()["id"]
    report = {
        "year": 2021,
        "month": 6,
        "completed_month": 0.4,
        "completed_cum": 1.5,
        "progress": "主体施工",
        "problems": "用地报批滞后",
    }
    assert _post(luxi, csrf_of, f"/api/v1/projects/{pid}/reports", report).status_code == 404
    r = _post(jishou, csrf_of, f"/api/v1/projects/{pid}/reports", report)
    assert r.status_code == 201, r.text
    rows = jishou.get("/api/v1/projects?region=吉首市&period=2021年1-6月").json()
    assert rows and all(p["region_code"] == "433101" for p in rows)
    mine = next(p for p in rows if p["id"] == pid)
    # 1.5 of 6.0 is 25% against 50% time progress: 25 points behind, yellow
    assert (mine["light"], mine["completion"], mine["time_progress"]) == ("yellow", 25.0, 50.0)
    assert mine["reason"] == "投资完成率25%，落后时间进度25个百分点"
    assert luxi.get("/api/v1/projects?region=吉首市").status_code == 403
    assert all(p["region_code"] == "433122" for p in luxi.get("/api/v1/projects").json())
    bad = _post(sup, csrf_of, "/api/v1/projects", {**PROJECT, "started": "2021年13月"})
    assert bad.status_code == 400 and "实际开工" in bad.json()["error"]["message"]


def test_task_chain_over_http_with_409(clients, csrf_of, app) -> None:
    """Open, sign, report, apply, close over the API; an illegal step is 409 with the reason."""
    sup, jishou = clients["督查员"], clients["吉首市填报员"]
    body = {
        "title": "城区停车难整治",
        "lead_unit": "吉首市",
        "region": "吉首市",
        "due": "2031-06-30",
        "cadence": "按月调度",
        "source": "领导批示",
    }
    r = _post(sup, csrf_of, "/api/v1/tasks", body)
    assert r.status_code == 201, r.text
    tid = r.json()["id"]
    r = _post(sup, csrf_of, f"/api/v1/tasks/{tid}/transition", {"to": "已销号"})
    assert r.status_code == 409
    assert r.json()["error"]["message"] == "事项当前为“已交办”，不能“审核销号”"
    assert (
        _post(
            clients["泸溪县填报员"], csrf_of, f"/api/v1/tasks/{tid}/transition", {"to": "已签收"}
        ).status_code
        == 404
    )
    assert (
        _post(jishou, csrf_of, f"/api/v1/tasks/{tid}/transition", {"to": "已签收"}).json()["status"]
        == "已签收"
    )
    r = _post(jishou, csrf_of, f"/api/v1/tasks/{tid}/reports", {"text": "已施划停车位300个"})
    assert r.status_code == 201 and r.json()["status"] == "办理中"
    r = _post(jishou, csrf_of, "/api/v1/problems", {"task_id": tid, "text": "缺少停车场用地"})
    problem = r.json()["id"]
    _post(jishou, csrf_of, f"/api/v1/tasks/{tid}/transition", {"to": "申请办结"})
    r = _post(sup, csrf_of, f"/api/v1/tasks/{tid}/transition", {"to": "审核销号"})
    assert r.status_code == 409 and "1个问题未解决" in r.json()["error"]["message"]
    _post(jishou, csrf_of, f"/api/v1/problems/{problem}/close", {"note": "已落实用地"})
    assert (
        _post(jishou, csrf_of, f"/api/v1/tasks/{tid}/transition", {"to": "审核销号"}).status_code
        == 403
    )
    r = _post(sup, csrf_of, f"/api/v1/tasks/{tid}/transition", {"to": "审核销号"})
    assert r.status_code == 200 and r.json()["status"] == "已销号"
    steps = [s["step"] for s in sup.get(f"/api/v1/tasks/{tid}").json()["steps"]]
    assert steps == ["立项交办", "签收", "报送进展", "申请办结", "审核销号"]
    assert tid not in [t["id"] for t in clients["泸溪县填报员"].get("/api/v1/tasks").json()]


def test_task_from_finding_over_http(clients, csrf_of) -> None:
    """A red indicator opens a task for 州工业和信息化局 with the figures attached."""
    sup = clients["督查员"]
    body = {"region": "湘西州", "indicator": "新增入规企业数", "period": "2021年1-6月"}
    assert _post(clients["领导"], csrf_of, "/api/v1/tasks/from-finding", body).status_code == 403
    r = _post(sup, csrf_of, "/api/v1/tasks/from-finding", body)
    assert r.status_code == 201, r.text
    t = r.json()
    assert t["lead_unit"] == "州工业和信息化局" and t["finding"]["light"] == "red"
    again = _post(sup, csrf_of, "/api/v1/tasks/from-finding", body)
    assert again.status_code == 409
    view = sup.get(f"/api/v1/tasks/{t['id']}").json()
    assert view["indicator_status"]["text"] == "新增入规企业数2021年1-12月仍为红灯"


@pytest.mark.parametrize(
    ("method", "url"),
    [("POST", "/imports"), ("POST", "/briefs"), ("GET", "/imports"), ("GET", "/admin/users")],
)
def test_supervision_cannot_touch_statistics(clients, csrf_of, method, url) -> None:
    """A 督查员 is refused the import, publishing and user pages (reading figures is allowed)."""
    sup = clients["督查员"]
    if method == "GET":
        r = sup.get(url)
    else:
        r = sup.post(url, data={"csrf_token": csrf_of(sup), "region": "湘西州"})
    if url == "/briefs":  # a briefing is reading, not editing: allowed
        assert r.status_code != 403
    else:
        assert r.status_code == 403


def test_scores_show_a_unit_only_itself(clients) -> None:
    """A unit's score list holds only its own unit; the supervision office sees the ranking."""
    own = clients["吉首市填报员"].get("/api/v1/scores?year=2021&quarter=2").json()
    assert [r["unit"] for r in own] == ["吉首市"]
    every = clients["督查员"].get("/api/v1/scores?year=2021&quarter=2").json()
    assert len(every) > 10 and [r["rank"] for r in every] == sorted(r["rank"] for r in every)
