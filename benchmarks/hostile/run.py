"""Hostile large files: time and peak memory of `xingshi import`, at 1× and 4× size.

    .venv/bin/python benchmarks/hostile/run.py [--mb 50] [--kinds unknown_regions,duplicates]

For each kind (see ``bigfiles.py``) a file of ``mb / 4`` MB and one of ``mb`` MB are written
(deterministically, under a temporary directory), each imported by the real CLI in a fresh
workspace as a child process; the child's wall time and peak RSS are reported, with the
4×/1× ratios (linear cost gives about 4 for time and at most 4 for memory: a fixed part of the
memory is the interpreter and libraries; CPU time is the fairer figure on a shared machine).
Rejected files must exit 2 and leave the store
unchanged; the benchmark exits 1 if any child used more than ``--max-rss-gb`` (default 2).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bigfiles  # noqa: E402

XINGSHI = Path(sys.executable).with_name("xingshi")


def _run(args: list[str], env: dict[str, str]) -> tuple[int, float, float, float, int]:
    """(exit code, wall seconds, CPU seconds, peak RSS in MB, bytes printed) of one child."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        printed = out.tell()
    cpu = usage.ru_utime + usage.ru_stime
    return proc.returncode, seconds, cpu, usage.ru_maxrss / 1024, printed


def _dump(ws: Path) -> str:
    from xingshi.store import Store

    with Store.for_workspace(ws) as store:
        return store.dump()


def measure(kind: str, mb: float, tmp: Path, env: dict[str, str]) -> dict[str, float]:
    path = bigfiles.write(kind, tmp / f"{kind}-{mb:g}MB.csv", mb)
    ws = tmp / f"ws-{kind}-{mb:g}"
    subprocess.run([str(XINGSHI), "init", str(ws)], check=True, env=env, capture_output=True)
    before = _dump(ws)
    code, seconds, cpu, rss, printed = _run(
        [str(XINGSHI), "import", str(path), "--workspace", str(ws)], env
    )
    unchanged = _dump(ws) == before
    size = path.stat().st_size
    path.unlink()
    return {
        "mb": size / 1024 / 1024,
        "code": code,
        "seconds": seconds,
        "cpu": cpu,
        "rss_mb": rss,
        "printed_kb": printed / 1024,
        "unchanged": unchanged,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the 4× file in MB")
    parser.add_argument("--kinds", default="unknown_regions,duplicates,valid")
    parser.add_argument("--max-rss-gb", type=float, default=2.0)
    args = parser.parse_args()
    os.environ.pop("XINGSHI_DATABASE_URL", None)  # each workspace on its own SQLite file
    env = dict(os.environ)
    failed = False
    print(
        f"{'kind':<16}{'MB':>7}{'exit':>5}{'wall s':>9}{'cpu s':>8}{'peak MB':>9}{'out KB':>8}"
        "  store"
    )
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        for kind in args.kinds.split(","):
            rows = []
            for mb in (args.mb / 4, args.mb):
                r = measure(kind, mb, tmp, env)
                rows.append(r)
                store = "unchanged" if r["unchanged"] else "written"
                print(
                    f"{kind:<16}{mb:>7.1f}{r['code']:>5}{r['seconds']:>9.1f}{r['cpu']:>8.1f}"
                    f"{r['rss_mb']:>9.0f}"
                    f"{r['printed_kb']:>8.0f}  {store}",
                    flush=True,
                )
                bad_exit = r["code"] not in (0, 2) or (r["code"] == 2 and not r["unchanged"])
                failed |= bad_exit or r["rss_mb"] > args.max_rss_gb * 1024
            small, big = rows
            print(
                f"{kind:<16} 4×/1×: wall time {big['seconds'] / small['seconds']:.2f}, "
                f"CPU time {big['cpu'] / small['cpu']:.2f}, "
                f"peak memory {big['rss_mb'] / small['rss_mb']:.2f}",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
