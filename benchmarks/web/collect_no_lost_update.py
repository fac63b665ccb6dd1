"""No lost update in 填报: 100 concurrent submitters against a real server on loopback.

Each submitter (its own 填报员 account and API token, httpx + asyncio) saves its own county's
12 figures three times, each save based on the version the previous one returned, then adds
one to a shared field (a 13th county's first figure, which every submitter may also report)
with read-modify-write and a retry on every 409 (after an exponential back-off with full
jitter, then reading the field again), and finally tries to write a neighbour's
county (must be 403). Afterwards, read from the database: every figure is the last one
written, the shared counter equals the number of submitters, no figure of a county was
written by another county's user. Prints conflicts retried and latency percentiles.

    .venv/bin/python benchmarks/web/collect_no_lost_update.py [--users 100] [--workers 2]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test]

With --database-url the run uses a fresh schema there (dropped afterwards). Bounded: at most
`--users` connections, every request times out after 120 s, the whole run after 900 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

PERIOD = "2021年1-6月"
PASSES = 3
# retry on 409: full-jitter exponential back-off, base 50 ms doubling up to a 2 s cap
BACKOFF_BASE_S = 0.05
BACKOFF_CAP_S = 2.0


def backoff(attempt: int, rng: random.Random) -> float:
    """Seconds to wait before retry `attempt` (1, 2, ...): uniform in [0, min(cap, base·2^n)]."""
    return rng.uniform(0, min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** (attempt - 1)))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_schema(base: str) -> tuple[str, str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    admin.dispose()
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False), schema


def _drop_schema(base: str, schema: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def prepare(path: Path, n: int) -> dict:
    """A workspace with n+1 counties of 湖南省 asked for 12 figures, and n 填报员 with tokens."""
    from xingshi.access import add_user, create_token, grant_role
    from xingshi.collect import open_round
    from xingshi.workspace import init_workspace

    ws = init_workspace(path)
    rc = ws.regions
    counties = [r.code for r in rc.descendants(rc.resolve("湖南省").code) if r.level == "county"]
    if len(counties) < n + 1:
        raise SystemExit(f"湖南省只有 {len(counties)} 个县级地区，最多 {len(counties) - 1} 个用户")
    units, shared = counties[:n], counties[n]
    inds = [r["code"] for r in ws.indicators.frame().filter(ws.indicators.frame()["kind"] == "flow")
            .head(12).iter_rows(named=True)]  # fmt: skip
    rnd = open_round(
        ws, None, period=PERIOD,
        items=[{"indicator": i, "growth": False} for i in inds],
        units=[*units, shared], due="月后10日",
    )  # fmt: skip
    users = []
    for i, code in enumerate(units):
        name = f"bench{i:03d}"
        add_user(ws.store.engine, rc, username=name, password=f"口令-{uuid.uuid4().hex}",
                 unit=rc.get(code).name, role="填报员", region=code)  # fmt: skip
        grant_role(ws.store.engine, rc, name, "填报员", shared)
        users.append(
            {"name": name, "code": code, "token": create_token(ws.store.engine, name, "bench")}
        )
    ws.close()
    return {"round": rnd["id"], "indicators": inds, "shared": shared, "users": users}


async def submitter(client, me: dict, setup: dict, i: int, stats: dict) -> dict[str, float]:
    h = {"Authorization": f"Bearer {me['token']}"}
    rid, inds = setup["round"], setup["indicators"]
    url = f"/api/v1/rounds/{rid}/assignments/{me['code']}"
    versions = {ind: 0 for ind in inds}
    last: dict[str, float] = {}
    for p in range(PASSES):
        values = []
        for k, ind in enumerate(inds):
            last[ind] = round(1000 + i * 10 + k + p * 0.25, 4)
            values.append({"indicator": ind, "level": last[ind], "version": versions[ind]})
        t0 = time.perf_counter()
        r = await client.put(url, json={"values": values}, headers=h)
        stats["save"].append(time.perf_counter() - t0)
        r.raise_for_status()
        versions = {v["indicator"]: v["version"] for v in r.json()["values"]}
    shared_url = f"/api/v1/rounds/{rid}/assignments/{setup['shared']}"
    ind = inds[0]
    t0 = time.perf_counter()
    r = await client.get(shared_url, headers=h)
    r.raise_for_status()
    field = next(v for v in r.json()["values"] if v["indicator"] == ind)
    level, version = field["level"] or 0, field["version"]
    rng = random.Random(i)  # per submitter, so that a run can be repeated
    attempt = 0
    while True:
        body = {"values": [{"indicator": ind, "level": level + 1, "version": version}]}
        r = await client.put(shared_url, json=body, headers=h)
        if r.status_code != 409:
            r.raise_for_status()
            break
        stats["conflicts"] += 1
        attempt += 1
        # the 409 carries the stored value, but others are writing it too: wait, then re-read
        await asyncio.sleep(backoff(attempt, rng))
        r = await client.get(shared_url, headers=h)
        r.raise_for_status()
        field = next(v for v in r.json()["values"] if v["indicator"] == ind)
        level, version = field["level"] or 0, field["version"]
    stats["increment"].append(time.perf_counter() - t0)
    # a neighbour's county is refused
    other = setup["users"][(i + 1) % len(setup["users"])]["code"]
    r = await client.put(
        f"/api/v1/rounds/{rid}/assignments/{other}",
        json={"values": [{"indicator": ind, "level": -1, "version": 0}]},
        headers=h,
    )
    stats["cross_status"].append(r.status_code)
    return last


async def run(base_url: str, setup: dict) -> tuple[list[dict], dict]:
    stats: dict = {"save": [], "increment": [], "conflicts": 0, "cross_status": []}
    limits = httpx.Limits(max_connections=len(setup["users"]), max_keepalive_connections=0)
    async with httpx.AsyncClient(base_url=base_url, timeout=120, limits=limits) as client:
        tasks = [submitter(client, u, setup, i, stats) for i, u in enumerate(setup["users"])]
        lasts = await asyncio.wait_for(asyncio.gather(*tasks), timeout=900)
    return lasts, stats


def verify(path: Path, setup: dict, lasts: list[dict]) -> dict:
    from sqlalchemy import select

    from xingshi.collect._models import CollectAssignment, CollectValue, CollectValueHistory
    from xingshi.workspace import open_workspace

    ws = open_workspace(path)
    with ws.store.engine.connect() as conn:
        rows = conn.execute(
            select(CollectAssignment.region_code, CollectValue.indicator, CollectValue.level)
            .join(CollectValue, CollectValue.assignment_id == CollectAssignment.id)
            .where(CollectAssignment.round_id == setup["round"])
        ).all()
        hist = conn.execute(
            select(CollectAssignment.region_code, CollectValueHistory.by)
            .join(CollectValueHistory, CollectValueHistory.assignment_id == CollectAssignment.id)
            .where(CollectAssignment.round_id == setup["round"])
        ).all()
    ws.close()
    stored = {(r[0], r[1]): r[2] for r in rows}
    lost = [
        (u["code"], ind, want, stored.get((u["code"], ind)))
        for u, last in zip(setup["users"], lasts, strict=True)
        for ind, want in last.items()
        if stored.get((u["code"], ind)) != want
    ]
    owner = {u["code"]: u["name"] for u in setup["users"]}
    crossed = [(code, by) for code, by in hist if code in owner and by != owner[code]]
    return {
        "lost": lost,
        "counter": stored.get((setup["shared"], setup["indicators"][0])),
        "crossed": crossed,
    }


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else 0.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=100)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--database-url", default=None)
    args = ap.parse_args()
    env = dict(os.environ)
    schema = None
    if args.database_url:
        url, schema = _pg_schema(args.database_url)
        env["XINGSHI_DATABASE_URL"] = url
        os.environ["XINGSHI_DATABASE_URL"] = url
    else:
        env.pop("XINGSHI_DATABASE_URL", None)
        os.environ.pop("XINGSHI_DATABASE_URL", None)
    backend = "PostgreSQL" if schema else "SQLite"
    tmp = Path(tempfile.mkdtemp(prefix="xingshi-bench-collect-"))
    path = tmp / "ws"
    server = None
    try:
        t0 = time.perf_counter()
        setup = prepare(path, args.users)
        took = time.perf_counter() - t0
        print(f"准备：{args.users} 个填报员、{args.users + 1} 个单位，{took:.0f} 秒")
        port = _free_port()
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "xingshi"), "serve", "--workspace", str(path),
             "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(f"{base}/login", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        else:
            raise SystemExit("服务没有启动：" + server.stderr.read().decode()[:2000])
        t0 = time.perf_counter()
        lasts, stats = asyncio.run(run(base, setup))
        wall = time.perf_counter() - t0
        result = verify(path, setup, lasts)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if schema:
            _drop_schema(args.database_url, schema)
    summary = {
        "backend": backend,
        "users": args.users,
        "workers": args.workers,
        "wall_s": round(wall, 1),
        "saves": len(stats["save"]),
        "save_p50_ms": round(pct(stats["save"], 50)),
        "save_p95_ms": round(pct(stats["save"], 95)),
        "increment_p95_ms": round(pct(stats["increment"], 95)),
        "conflicts_retried": stats["conflicts"],
        "conflicts_per_increment": round(stats["conflicts"] / max(1, args.users), 1),
        "counter": result["counter"],
        "lost_figures": len(result["lost"]),
        "cross_writes": len(result["crossed"]),
        "cross_attempts_403": sum(1 for s in stats["cross_status"] if s == 403),
    }
    print(json.dumps(summary, ensure_ascii=False))
    ok = (
        result["counter"] == args.users
        and not result["lost"]
        and not result["crossed"]
        and summary["cross_attempts_403"] == args.users
    )
    print(
        f"{backend}：{args.users} 个并发填报员，{summary['saves']} 次保存 p95 "
        f"{summary['save_p95_ms']} ms；共享字段 {result['counter']}（应为 {args.users}），"
        f"冲突重试 {stats['conflicts']} 次；丢失 {len(result['lost'])}，越权写入 "
        f"{len(result['crossed'])}，越权请求被拒 {summary['cross_attempts_403']} 次 —— "
        + ("通过" if ok else "失败")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
