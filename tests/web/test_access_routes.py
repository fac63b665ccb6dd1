"""Every route of the app, for every role: the status its rule gives, and no figure outside
the role's region scope in the answer. A route added without an access rule fails here."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Mount

from xingshi.access import PERMISSIONS
from xingshi.web.access import app_routes, rule_of
from xingshi.web.filters import num

# values for path parameters; unknown ids give 404 to those allowed, 401/403 to the others
PATH_VALUES = {
    "release_id": "1",
    "out_id": "0000",
    "name": "briefing.docx",
    "job_id": "0000",
    "username": "jishou",
    "round_id": "0000",
    "region": "吉首市",
    "reminder_id": "0000",
    "project_id": "1",
    "task_id": "1",
    "problem_id": "1",
}
OTHER_COUNTIES = ("泸溪", "凤凰", "花垣", "保靖", "古丈", "永顺", "龙山")
HOME = {"吉首市填报员": "吉首市", "泸溪县填报员": "泸溪县"}
ROLE_OF = {"吉首市填报员": "填报员", "泸溪县填报员": "填报员", "审核员": "审核员",
           "领导": "领导", "管理员": "管理员", "督查员": "督查员"}  # fmt: skip


def _routes(app):
    for route in app_routes(app):
        original = getattr(route, "original_route", route)
        if isinstance(original, Mount):
            assert route.path == "/static", f"unexpected mount {route.path}"
            continue
        assert isinstance(original, APIRoute), f"{route.path} is not an APIRoute"
        for method in sorted(set(route.methods) - {"HEAD"}):
            yield route, method


def _url(route) -> str:
    path = route.path
    for name, value in PATH_VALUES.items():
        path = path.replace("{" + name + "}", value)
    assert "{" not in path, f"no test value for a parameter of {route.path}"
    return path


def _allowed(rule, role: str | None) -> bool:
    if rule.public:
        return True
    if role is None:
        return False
    return rule.permission is None or role in PERMISSIONS[rule.permission]


def _expected(method: str, url: str, role: str | None) -> set[int]:
    """The statuses an allowed call answers with: pages 200, unknown ids 404, redirects 303,
    and 422 or 400 (a Chinese input error) for a form posted without its fields."""
    if method != "GET":
        if url == "/logout":
            return {303}
        # refused for its input (no fields, unknown id), never for who sent it
        return {303, 400, 404, 422} if "0000" in url else {400, 422}
    if url == "/" or (url == "/login" and role is not None):
        return {303}
    if "0000" in url:
        return {404}
    if re.search(r"/(projects|tasks|problems)/\d", url):
        # a unit's own items answer 200; another unit's answer 404, as if they did not exist
        return {200, 404}
    if url.startswith("/api/v1/") and url.rsplit("/", 1)[-1] in _NEEDS_MORE_THAN_REGION:
        return {422}  # asked with region and period only: refused for its input, not its user
    return {200}


_NEEDS_MORE_THAN_REGION = {"inspections"}


def test_every_route_declares_an_access_rule(app) -> None:
    """Each route of the app (pages and API) carries an AccessRule among its dependencies."""
    missing = [f"{m} {r.path}" for r, m in _routes(app) if rule_of(r) is None]
    assert missing == []
    assert len(list(_routes(app))) >= 25


def _outside_figures(app, region_codes: set[str]) -> set[str]:
    """Distinctive figures (≥ 6 characters as printed) of regions outside a scope that none
    of the scope's own figures (any year) share."""
    store = app.state.ctx.store
    obs = store.observations()

    def texts(frame) -> set[str]:
        out = set()
        for v in frame["level"].drop_nulls().to_list():
            if v == v:
                out |= {t for t in (num(v), repr(v)) if len(t) >= 6}
        return out

    inside = obs["region_code"].is_in(sorted(region_codes))
    return texts(obs.filter(~inside & (obs["year"] == 2021))) - texts(obs.filter(inside))


def _shown(figure: str, body: str) -> bool:
    """The figure as a whole number in the text, not part of a longer one."""
    return re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d])", body) is not None


def test_every_route_for_every_role(app, clients, relogin) -> None:
    """Anonymous calls get 401 (API) or a redirect to /login (pages); a role without the
    route's permission gets 403; others get neither; county users see no other county."""
    rc = app.state.ctx.regions
    own = {"吉首市填报员": {"433101"}, "泸溪县填报员": {"433122"}}
    foreign = {name: _outside_figures(app, codes) for name, codes in own.items()}
    checked = 0
    # logging out ends the client's session: last
    for route, method in sorted(_routes(app), key=lambda rm: rm[0].path == "/logout"):
        rule = rule_of(route)
        url = _url(route)
        for name, client in clients.items():
            role = ROLE_OF.get(name)
            if route.path == "/logout" and name != "匿名":
                client = relogin(name)  # keep the shared sessions for the other tests
            if method == "GET":
                # each role asks about its own region; the region routes check it
                query = {"region": HOME.get(name, "湘西州"), "period": "2021年1-6月"}
                r = client.get(url, params=query, follow_redirects=False)
            else:
                token = _anon_csrf(client) if name == "匿名" else _csrf(client)
                r = client.request(method, url, data={"csrf_token": token}, follow_redirects=False)
            where = f"{method} {url} as {name}: {r.status_code} {_message(r.text)}"
            if _allowed(rule, role):
                assert r.status_code in _expected(method, url, role), where
            elif role is None:
                if url.startswith(("/api/", "/openapi")):
                    assert r.status_code == 401, where
                    assert r.json()["error"]["message"] == "请先登录", where
                else:
                    assert r.status_code == 303 and r.headers["location"].startswith("/login"), (
                        where
                    )
            else:
                assert r.status_code == 403, where
            if name in own and r.status_code == 200:
                body = r.text
                for county in OTHER_COUNTIES:
                    if county in rc.get(next(iter(own[name]))).name:
                        continue
                    assert county not in body, f"{where}: shows {county}"
                leaked = [f for f in foreign[name] if _shown(f, body)]
                assert leaked == [], f"{where}: shows figures of other regions {leaked[:5]}"
            checked += 1
    assert checked >= 25 * len(clients)


def _message(body: str) -> str:
    import re

    m = re.search(r'class="error"[^>]*>(.*?)</p>', body, re.S)
    return m.group(1) if m else body[:300]


def _anon_csrf(client) -> str:
    """The login form's token (only public routes accept it)."""
    import re

    page = client.get("/login")
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def _csrf(client) -> str:
    """The session's token, kept on the client itself: an id() key could be reused by a
    later client (a relogin) and hand it a revoked session's token."""
    import re

    token = getattr(client, "_xingshi_csrf", None)
    if token is None:
        page = client.get("/sessions", follow_redirects=False)
        found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert found, f"no session: {page.status_code} {page.headers}"
        token = client._xingshi_csrf = found.group(1)
    return token


@pytest.mark.parametrize(
    ("who", "region", "status"),
    [
        ("吉首市填报员", "吉首市", 200),
        ("吉首市填报员", "泸溪县", 403),
        ("吉首市填报员", "湘西州", 403),
        ("泸溪县填报员", "泸溪", 200),
        ("泸溪县填报员", "433101", 403),
        ("领导", "泸溪县", 200),
        ("领导", "长沙市", 403),
        ("审核员", "湘西州", 200),
        ("管理员", "吉首市", 200),
    ],
)
def test_region_scope_on_every_region_route(app, clients, who, region, status) -> None:
    """Every route that takes a region answers 403 outside the user's scope, on pages and API."""
    client = clients[who]
    period = "2021年1-6月"
    urls = [
        f"/dashboard?region={region}&period={period}",
        f"/warnings?region={region}&period={period}",
        f"/briefs?region={region}",
        f"/checks?region={region}",
        f"/api/v1/observations?region={region}&period={period}",
        f"/api/v1/analysis?region={region}&period={period}",
    ]
    for url in urls:
        r = client.get(url)
        assert r.status_code == status, f"{url}: {r.status_code} {r.text[:200]}"
        if status == 403 and url.startswith("/api/"):
            assert "无权查看" in r.json()["error"]["message"]
    # posting a briefing for a region outside the scope is refused as well
    r = client.post(
        "/briefs", data={"region": region, "period": period, "csrf_token": _csrf(client)}
    )
    if status == 403:
        assert r.status_code == 403
