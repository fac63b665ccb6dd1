"""The REST API: names, short names or codes as on the command line, as-of queries, JSON
errors with the Chinese message and hint and the status of the error class, OpenAPI and docs."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from xingshi.access import create_token

ROOT = Path(__file__).resolve().parents[2]
LONG = ROOT / "examples" / "layouts" / "长表-湘西州-2021年1-6月.csv"


def _api(app, username: str = "lingdao") -> TestClient:
    token = create_token(app.state.ctx.engine, username, "API 测试")
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


def _gdp(rows: list[dict]) -> list[tuple]:
    return [(r["region_code"], r["indicator"], r["indicator_name"], r["level"], r["growth_pct"])
            for r in rows]  # fmt: skip


def test_observations_take_names_short_names_or_codes(app) -> None:
    """吉首市, 吉首 and 433101 with 地区生产总值, GDP or gdp give the same single row."""
    api = _api(app)
    answers = []
    for region in ("吉首市", "吉首", "433101"):
        for indicator in ("地区生产总值", "GDP", "gdp"):
            params = {"region": region, "period": "2021年1-6月", "indicator": indicator}
            r = api.get("/api/v1/observations", params=params)
            assert r.status_code == 200, r.text
            answers.append(_gdp(r.json()))
    assert answers == [[("433101", "gdp", "地区生产总值", 127.126, 15.3)]] * 9


def test_errors_are_json_with_message_hint_and_status(app) -> None:
    """Unknown region 404, bad period 400, missing parameter 422, outside scope 403: each with
    a Chinese message and a hint."""
    api = _api(app, "jishou")
    cases = [
        ({"region": "火星市", "period": "2021年1-6月"}, 404, "UnknownRegion"),
        ({"region": "吉首", "period": "2021年13月"}, 400, "PeriodError"),
        ({"period": "2021年1-6月"}, 422, "ValidationError"),
        ({"region": "泸溪", "period": "2021年1-6月"}, 403, "PermissionDenied"),
    ]
    for params, status, kind in cases:
        r = api.get("/api/v1/observations", params=params)
        assert r.status_code == status, r.text
        err = r.json()["error"]
        assert err["type"] == kind
        assert err["message"] and err["hint"]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in err["message"])


def test_an_ambiguous_region_lists_its_candidates(app) -> None:
    """城区 names several districts: 400 with the candidates, so a tool can choose."""
    r = _api(app).get("/api/v1/observations", params={"region": "城区", "period": "2021年1-6月"})
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["type"] == "AmbiguousRegion" and len(err["candidates"]) >= 2


def test_analysis_and_lists_stay_in_scope(app) -> None:
    """A county's analysis has only its own rows; the leader's has every county's."""
    county = _api(app, "jishou").get("/api/v1/analysis?region=吉首&period=2021年1-6月").json()
    assert {r["region_code"] for r in county["rows"]} == {"433101"}
    assert all(f["data"]["region_code"] == "433101" for f in county["findings"])
    leader = _api(app).get("/api/v1/analysis?region=湘西州&period=2021年1-6月").json()
    assert {r["role"] for r in leader["rows"]} == {"self", "child"}
    assert len({r["region_code"] for r in leader["rows"]}) == 9
    regions = _api(app, "jishou").get("/api/v1/regions").json()
    assert [r["short"] for r in regions] == ["吉首"]
    me = _api(app, "jishou").get("/api/v1/me").json()
    assert me["grants"] == [{"role": "填报员", "region_code": "433101"}]


def test_as_of_an_earlier_release(app, clients, csrf_of) -> None:
    """After importing new figures, as_of the earlier release still answers the old value."""
    import re
    import time

    api = _api(app)
    url = "/api/v1/observations?region=湘西州&period=2021年1-6月&indicator=GDP"
    before = api.get(url).json()[0]["level"]
    releases = api.get("/api/v1/releases").json()
    last = releases[0]["release_id"]
    admin = clients["管理员"]
    r = admin.post("/imports", files={"file": (LONG.name, LONG.read_bytes())},
                   data={"csrf_token": csrf_of(admin)}, headers={"HX-Request": "true"})  # fmt: skip
    job = re.search(r'hx-get="([^"]+)"', r.text).group(1)
    for _ in range(200):
        if "job-result" in (body := admin.get(job, headers={"HX-Request": "true"}).text):
            break
        time.sleep(0.1)
    assert 'data-ok="1"' in body, body
    assert api.get(url).json()[0]["level"] == 455.0
    assert api.get(url + f"&as_of={last}").json()[0]["level"] == before
    assert api.get("/api/v1/releases").json()[0]["release_id"] == last + 1


def test_openapi_and_docs_are_served_without_a_cdn(app, clients) -> None:
    """/openapi.json lists the API; /docs loads Swagger UI from this server's static files."""
    leader = clients["领导"]
    spec = leader.get("/openapi.json").json()
    for path in ("/api/v1/observations", "/api/v1/analysis", "/api/v1/regions",
                 "/api/v1/indicators", "/api/v1/releases", "/api/v1/findings"):  # fmt: skip
        assert path in spec["paths"]
    docs = leader.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "http" not in docs.replace("http-equiv", "")
    assert leader.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert TestClient(app).get("/openapi.json").status_code == 401
