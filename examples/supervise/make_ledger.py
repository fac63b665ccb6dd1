"""Write the sample 督查台账 of 湘西州 (示例数据（模拟）) next to this script.

    .venv/bin/python examples/supervise/make_ledger.py

Deterministic: running it again gives the same figures (xingshi.supervise.sample).
"""

from __future__ import annotations

from pathlib import Path

from xingshi.supervise.sample import write_sample

LEDGER = Path(__file__).with_name("湘西州督查台账2021（示例数据）.xlsx")

if __name__ == "__main__":
    print(write_sample(LEDGER))
