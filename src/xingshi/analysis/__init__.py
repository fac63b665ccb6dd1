"""xingshi.analysis: pure functions over polars frames (no I/O).

``analyze(obs, targets, regions, indicators, *, region, period, settings) -> Analysis``; the
rules are in DOMAIN.md and ``docs/ANALYSIS.md``.
"""

from xingshi.analysis.core import Analysis, analyze, compute_panel
from xingshi.analysis.settings import AnalysisSettings
from xingshi.analysis.targets import required_growth

__all__ = ["Analysis", "AnalysisSettings", "analyze", "compute_panel", "required_growth"]
