"""50 simulated users browsing dashboards and the API on the sample for 60 s, on loopback.

    python benchmarks/web/run.py [--users 50] [--seconds 60] [--workers 2] [--postgres URL]

Starts `xingshi serve` on 127.0.0.1 (a free port) over a fresh sample workspace, logs each
simulated user in (login timings are reported apart: argon2id makes them slow on purpose),
then each user loops: a page or API call, 1-3 s of think time, until the time is up. Requests
go only to 127.0.0.1, bounded in count (each user at most seconds/1 requests) and in time.
Prints p50/p95/p99/max per kind of request and overall; exit 1 if the overall p95 > 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

BUDGET_P95_MS = 200.0
PASSWORD = "bench-password-2021"
COUNTIES = ("吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "古丈县", "永顺县", "龙山县")
PERIODS = ("2021年1-6月", "2021年1-3月", "2021年1-5月", "2021年1-12月")


def prepare(path: Path, url: str) -> list[str]:
    """The sample workspace with a 领导 for 湘西州 and a 填报员 per county; their user names."""
    from xingshi.access import add_user
    from xingshi.sample import load_sample
    from xingshi.store import DATABASE_FILE
    from xingshi.workspace import init_workspace

    ws = init_workspace(path, database_url=url or f"sqlite:///{path.resolve() / DATABASE_FILE}")
    load_sample(ws)
    names = ["lingdao"]
    add_user(ws.store.engine, ws.regions, username="lingdao", password=PASSWORD,
             unit="湘西州人民政府办公室", role="领导", region="湘西州")  # fmt: skip
    for i, county in enumerate(COUNTIES):
        add_user(ws.store.engine, ws.regions, username=f"county{i}", password=PASSWORD,
                 unit=county, role="填报员")  # fmt: skip
        names.append(f"county{i}")
    ws.close()
    return names


def pg_schema(base: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"bench_{os.getpid()}_{int(time.time())}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return schema, url.render_as_string(hide_password=False)


def drop_schema(base: str, schema: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def requests_for(username: str) -> list[tuple[str, str]]:
    """(kind, url) a user of this name may ask for: the leader any region, a county its own."""
    if username == "lingdao":
        regions = ("湘西州", *COUNTIES)
    else:
        regions = (COUNTIES[int(username.removeprefix("county"))],)
    out = []
    for region in regions:
        for period in PERIODS:
            out.append(("看板", f"/dashboard?region={region}&period={period}"))
            out.append(("预警", f"/warnings?region={region}&period={period}"))
            out.append(("API 数据", f"/api/v1/observations?region={region}&period={period}"))
            out.append(("API 分析", f"/api/v1/analysis?region={region}&period={period}"))
    return out


async def login(client: httpx.AsyncClient, username: str) -> float:
    page = await client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    start = time.perf_counter()
    r = await client.post(
        "/login", data={"username": username, "password": PASSWORD, "csrf_token": token}
    )
    elapsed = time.perf_counter() - start
    if r.status_code != 303:
        raise RuntimeError(f"login {username}: {r.status_code}")
    return elapsed


async def browse(client, username: str, until: float, rng: random.Random, out: dict) -> None:
    choices = requests_for(username)
    while time.monotonic() < until:
        kind, url = rng.choice(choices)
        start = time.perf_counter()
        r = await client.get(url)
        out.setdefault(kind, []).append(time.perf_counter() - start)
        if r.status_code != 200:
            out["errors"].append(f"{r.status_code} {url}")
        await asyncio.sleep(rng.uniform(1.0, 3.0))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


async def run(base: str, names: list[str], users: int, seconds: float, seed: int) -> dict:
    """Log every user in at once (timed apart), then all browse until `seconds` have passed."""
    out: dict = {"login": [], "errors": []}
    rng = random.Random(seed)
    clients = [httpx.AsyncClient(base_url=base, timeout=30) for _ in range(users)]
    try:
        who = [names[i % len(names)] for i in range(users)]
        out["login"] = list(
            await asyncio.gather(*(login(c, n) for c, n in zip(clients, who, strict=True)))
        )
        until = time.monotonic() + seconds
        await asyncio.gather(
            *(
                browse(c, n, until, random.Random(rng.random()), out)
                for c, n in zip(clients, who, strict=True)
            )
        )
    finally:
        for c in clients:
            await c.aclose()
    return out


async def warm(base: str, workers: int) -> None:
    """Each page once per worker (caches are per process), four at a time."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        await login(client, "lingdao")
        sem = asyncio.Semaphore(4)

        async def get(url: str) -> None:
            async with sem:
                await client.get(url)

        urls = [u for _k, u in requests_for("lingdao")] * workers
        await asyncio.gather(*(get(u) for u in urls))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=20210630)
    ap.add_argument(
        "--postgres",
        metavar="URL",
        help="run on PostgreSQL (a fresh schema in this database, dropped afterwards)",
    )
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="xingshi-bench-web-"))
    schema, url = pg_schema(args.postgres) if args.postgres else (None, "")
    names = prepare(tmp / "ws", url)
    port = free_port()
    env = {**os.environ}
    env.pop("XINGSHI_DATABASE_URL", None)
    if url:
        env["XINGSHI_DATABASE_URL"] = url
    server = subprocess.Popen(
        [sys.executable, "-m", "xingshi.cli", "serve", "-w", str(tmp / "ws"), "--host",
         "127.0.0.1", "--port", str(port), "--workers", str(args.workers)],
        env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        t0 = time.perf_counter()
        asyncio.run(warm(base, args.workers))
        warm_s = time.perf_counter() - t0
        started = time.perf_counter()
        out = asyncio.run(run(base, names, args.users, args.seconds, args.seed))
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=20)
        if schema:
            drop_schema(args.postgres, schema)
    timed = [v for k, vs in out.items() if k not in ("login", "errors") for v in vs]
    report = {
        "users": args.users,
        "seconds": round(wall, 1),
        "warm_up_seconds": round(warm_s, 1),
        "workers": args.workers,
        "database": "postgresql" if url else "sqlite",
        "requests": len(timed),
        "errors": len(out["errors"]),
        "overall_ms": {
            "p50": pct(timed, 0.5),
            "p95": pct(timed, 0.95),
            "p99": pct(timed, 0.99),
            "max": max(timed) * 1000,
        },
        "by_kind_ms": {
            k: {"n": len(vs), "p50": pct(vs, 0.5), "p95": pct(vs, 0.95), "max": max(vs) * 1000}
            for k, vs in out.items()
            if k not in ("errors",) and vs
        },
        "login_mean_ms": statistics.mean(out["login"]) * 1000,
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))
    ok = report["overall_ms"]["p95"] <= BUDGET_P95_MS and not out["errors"]
    print(f"p95 {report['overall_ms']['p95']:.0f} ms（预算 {BUDGET_P95_MS:.0f} ms）："
          + ("通过" if ok else "未通过"))  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
