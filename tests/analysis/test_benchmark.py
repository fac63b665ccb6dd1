"""The analysis benchmark keeps working: a tiny national panel, polars and pandas agree."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "analysis"


def _load_run():
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location("analysis_bench_run", BENCH / "run.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def test_benchmark_runs_at_a_tiny_size_and_both_implementations_agree():
    """One province (北京市) through both implementations: same rows, figures asserted equal."""
    result = _load_run().run(provinces=1, repeat=1)
    assert result["regions"] == 1 + 1 + 1 + 16  # 全国, 北京市, its 市辖区, 16 districts
    assert result["rows"] > 0
    assert result["observations"] > result["rows"]
