"""Settings: every field documented, written by init, read back, and bad values refused."""

from __future__ import annotations

import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from xingshi.errors import WorkspaceError
from xingshi.settings import SECTIONS, Settings


def test_every_field_has_help_and_appears_in_the_default_file() -> None:
    """Each setting carries Chinese help text, and the default TOML lists it under that help."""
    text = Settings.default_toml()
    lines = text.splitlines()
    for name, kind in SECTIONS.items():
        start = lines.index(f"[{name}]")
        for f in fields(kind):
            help_text = f.metadata.get("help")
            assert help_text and any("\u4e00" <= ch <= "\u9fff" for ch in help_text), f.name
            at = next(
                i for i, line in enumerate(lines) if i > start and line.startswith(f"{f.name} = ")
            )
            assert lines[at - 1] == f"# {help_text}"


def test_default_file_reads_back_to_the_defaults() -> None:
    """Parsing the written defaults gives exactly Settings()."""
    assert Settings.from_toml(Settings.default_toml()) == Settings()
    assert tomllib.loads(Settings.default_toml())["analysis"]["bottom_n"] == 3


def test_analysis_section_matches_the_analysis_package() -> None:
    """The [analysis] defaults equal AnalysisSettings' own, so the file never silently differs."""
    from xingshi.analysis.settings import AnalysisSettings

    assert AnalysisSettings.from_mapping(Settings().table("analysis")) == AnalysisSettings()
    analysis_names = {f.name for f in fields(AnalysisSettings)}
    assert {f.name for f in fields(SECTIONS["analysis"])} == analysis_names


def test_user_values_override_defaults(tmp_path: Path) -> None:
    """Values in xingshi.toml win; keys left out keep their defaults."""
    path = tmp_path / "xingshi.toml"
    path.write_text(
        '[workspace]\nregion = "湘西州"\n[analysis]\nbottom_n = 2\ntarget_yellow_pp = 1\n'
        "[checks]\nplausible_growth_pct = [-50, 300]\n",
        encoding="utf-8",
    )
    s = Settings.load(tmp_path)
    assert s.workspace.region == "湘西州"
    assert (s.analysis.bottom_n, s.analysis.target_yellow_pp) == (2, 1.0)
    assert s.analysis.rank_fall_places == 2
    assert s.checks.plausible_growth_pct == (-50.0, 300.0)
    assert s.checks.sum_tolerance_pct == 1.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[analysis]\nbotom_n = 2\n", "未知的设置项 analysis.botom_n"),
        ("[alerts]\nx = 1\n", "未知的设置节 [alerts]"),
        ('[analysis]\nbottom_n = "三"\n', "设置项 analysis.bottom_n 应为整数"),
        ('[analysis]\nrank_basis = "总量"\n', "设置项 analysis.rank_basis 应为以下之一"),
        ("[checks]\nplausible_rate_pct = [100, 0]\n", "应为[下限, 上限] 两个数字"),
        ("[analysis\n", "设置文件格式错误"),
    ],
)
def test_bad_settings_are_workspace_errors(tmp_path: Path, text: str, message: str) -> None:
    """A wrong key, type or TOML syntax names the file and the key in Chinese, with a hint."""
    path = tmp_path / "xingshi.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkspaceError) as err:
        Settings.load(path)
    assert message in err.value.message
    assert err.value.where is not None and err.value.where.file == str(path)
    assert err.value.hint
