"""Analysis settings: the workspace's [analysis] table, documented defaults, clear errors."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from xingshi.analysis import AnalysisSettings
from xingshi.errors import WorkspaceError
from xingshi.settings import Settings

DOC = Path(__file__).resolve().parents[2] / "docs" / "ANALYSIS.md"


def test_workspace_settings_feed_analysis_settings():
    """The workspace's [analysis] section, as written in TOML, builds the same object."""
    toml = (
        "[analysis]\n"
        'rank_basis = "level"\n'
        "bottom_n = 5\n"
        'related_pairs = [["industry_va", "electricity"]]\n'
    )
    got = AnalysisSettings.from_mapping(Settings.from_toml(toml).table("analysis"))
    assert got.rank_basis == "level"
    assert got.bottom_n == 5
    assert got.related_pairs == (("industry_va", "electricity"),)
    assert AnalysisSettings.from_mapping(Settings().table("analysis")) == AnalysisSettings()


def test_every_setting_is_documented_with_its_default():
    """Each threshold appears in docs/ANALYSIS.md next to its default value."""
    text = DOC.read_text(encoding="utf-8")
    for f in fields(AnalysisSettings):
        assert f"| {f.name} |" in text, f.name
        default = getattr(AnalysisSettings(), f.name)
        if not isinstance(default, tuple):
            assert f"| {f.name} | {default} |" in text, f.name


def test_unknown_rank_basis_is_a_clear_error():
    """A rank basis other than growth or level is refused with a Chinese message and a hint."""
    with pytest.raises(WorkspaceError, match="排名依据") as exc:
        AnalysisSettings.from_mapping({"rank_basis": "总量"})
    assert "growth" in (exc.value.hint or "")
