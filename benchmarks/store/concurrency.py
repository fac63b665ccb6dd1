"""The store's concurrency and crash probes at full count, on SQLite and PostgreSQL.

Runs tests/store/test_concurrency.py with each probe repeated ten times (the suite runs them
twice) and tests/store/test_crash.py (40 kills during init, 20 during imports), and prints how
long each took. PostgreSQL runs where XINGSHI_TEST_DATABASE_URL is set.

    .venv/bin/python benchmarks/store/concurrency.py [--repeats 10]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=10)
    args = ap.parse_args()
    env = {**os.environ, "XINGSHI_PROBE_REPEATS": str(args.repeats)}
    backends = "SQLite + PostgreSQL" if env.get("XINGSHI_TEST_DATABASE_URL") else "SQLite"
    print(f"后端：{backends}；每个并发探针重复 {args.repeats} 次")
    failed = 0
    for target in ("tests/store/test_concurrency.py", "tests/store/test_crash.py"):
        start = time.perf_counter()
        code = subprocess.call(
            [sys.executable, "-m", "pytest", target, "-q", "-p", "no:cacheprovider", "-rA"],
            cwd=ROOT,
            env=env,
        )
        print(f"{target}: {'通过' if code == 0 else '失败'}，{time.perf_counter() - start:.0f} 秒")
        failed += code != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
