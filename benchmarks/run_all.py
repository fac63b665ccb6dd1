"""Run every benchmark the project keeps, one after another, at full size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (
    "analysis/run.py",
    "briefing/run.py",
    "extract/run.py",
    "hostile/run.py",
    "import/run.py",
    "web/run.py",
)


def main() -> int:
    failed = 0
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        failed += subprocess.call([sys.executable, str(HERE / script)]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
