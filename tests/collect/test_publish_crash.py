"""kill -9 of a process in the middle of publishing a round: the release is wholly absent
afterwards (never half there), and publishing again writes it whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import polars as pl

from xingshi.access import AuditFilter, list_events
from xingshi.collect import approve, open_round, publish, round_status, save_values, submit

CHILD = textwrap.dedent(
    """
    import sys, time
    from xingshi.collect import publish
    from xingshi.workspace import open_workspace

    ws = open_workspace(sys.argv[1])

    def stall(conn, result):
        # inside the release's transaction: the observations and the round are written
        print("IN_TRANSACTION", result.release_id, flush=True)
        time.sleep(120)

    publish(ws, None, int(sys.argv[2]), on_write=stall)
    print("COMMITTED", flush=True)
    """
)


def _approved_round(ws) -> int:
    u = ws.users
    rid = open_round(ws, u["shenhe"], period="2021年1-7月", items=["税收收入"],
                     parent="湘西州", due=date.today() + timedelta(days=9))["id"]  # fmt: skip
    obs = ws.store.observations(indicators=["tax"], periods=["2021年1-7月", "2020年1-7月"])
    for name, code in (("jishou", "433101"), ("luxi", "433122")):
        mine = obs.filter(pl.col("region_code") == code).sort("year")
        base, now = mine["level"].to_list()
        level = round(now * 1.002, 4)
        growth = round((level / base - 1) * 100, 2)
        value = {"indicator": "tax", "level": level, "growth_pct": growth, "version": 0}
        save_values(ws, u[name], rid, code, [value])
        submit(ws, u[name], rid, code)
        approve(ws, u["shenhe"], rid, code)
    return rid


def test_kill_during_publish_leaves_no_half_release(ws, tmp_path: Path) -> None:
    """A publisher killed inside its transaction leaves no release, no changed figure, no
    publish event and the round still open; the next publish writes everything once."""
    rid = _approved_round(ws)
    source = f"填报:round/{rid}"
    before = ws.store.observations(indicators=["tax"], periods=["2021年1-7月"])
    n_releases = ws.store.releases().height
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(ws.path), str(rid)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        line = proc.stdout.readline()
        assert line.startswith("IN_TRANSACTION"), line + proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    rel = ws.store.releases()
    assert rel.height == n_releases
    assert rel.filter(pl.col("source_file") == source).height == 0
    after = ws.store.observations(indicators=["tax"], periods=["2021年1-7月"])
    assert after.sort("region_code").equals(before.sort("region_code"))
    assert round_status(ws, rid)["status"] == "open"
    events = list_events(ws.store.engine, AuditFilter(action="collect.round.publish"))
    assert events.height == 0

    out = publish(ws, ws.users["fabu"], rid)
    rel = ws.store.releases().filter(pl.col("source_file") == source)
    assert rel.height == 1 and rel["release_id"][0] == out["release_id"]
    assert out["updated"] == 2 and round_status(ws, rid)["status"] == "published"
    now = ws.store.observations(regions=["433101", "433122"], indicators=["tax"],
                                periods=["2021年1-7月"])  # fmt: skip
    assert set(now["source_file"]) == {source}
