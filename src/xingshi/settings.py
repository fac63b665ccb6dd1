"""Workspace settings: one typed object read from `xingshi.toml`, passed in, never global.

Every field is declared once here with its default and a Chinese help text; `default_toml()`
writes the commented file that `xingshi init` puts in a workspace, and `load()` reads it back,
refusing unknown keys and wrong types with a message that names the file and the key.

Sections: `[workspace]` (who we are), `[analysis]` (ranks and warnings, read by
`xingshi.analysis.settings.AnalysisSettings.from_mapping(settings.table("analysis"))`),
`[checks]` (审核 tolerances and plausible ranges, read by the importer), `[limits]` (what one
imported file may hold: size, rows, columns, cell length, findings listed per rule) and
`[supervise]` (督查督办 light rules, deadlines and scores, read by `xingshi.supervise`) and
`[collect]` (填报 reminders: how many working days before the due date a unit is reminded).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import MISSING, Field, asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from xingshi.errors import Location, WorkspaceError

SETTINGS_FILE = "xingshi.toml"


def setting(default: Any, help: str, choices: tuple[str, ...] | None = None) -> Any:
    """A dataclass field carrying its help text (and allowed values, for text settings)."""
    return field(default=default, metadata={"help": help, "choices": choices})


@dataclass(frozen=True)
class WorkspaceSection:
    """Who the workspace works for."""

    region: str = setting(
        "", "本地区：默认的分析对象，可写名称或代码，如“湘西州”或“433100”；留空则每次须指定"
    )
    title: str = setting("", "单位名称，用于简报抬头，如“湘西州统计局”；可留空")


@dataclass(frozen=True)
class AnalysisSection:
    """Ranks and warnings (红黄绿灯); the names are those of AnalysisSettings."""

    rank_basis: str = setting(
        "growth", "排名依据：growth 按增速排名，level 按总量排名", ("growth", "level")
    )
    rank_decimals: int = setting(1, "排名前按公布口径保留的小数位数（相同的值并列同一名次）")
    bottom_n: int = setting(3, "列为“后几位”的名次数：下辖地区排名倒数几位进入落后名单")
    rank_fall_places: int = setting(2, "名次下降达到几位即列入“位次后移”名单")
    target_yellow_pp: float = setting(
        1.0, "增速低于增长目标不超过此值（百分点）亮黄灯，超过亮红灯；达到目标亮绿灯"
    )
    completion_yellow_pp: float = setting(
        5.0, "完成率落后时间进度不超过此值（百分点）亮黄灯，超过亮红灯；不落后亮绿灯"
    )
    parent_yellow_pp: float = setting(
        2.0, "增速低于上级（如全州）不超过此值（百分点）亮黄灯，超过亮红灯"
    )
    red_growth_below_pct: float = setting(0.0, "增速低于此值（%）一律亮红灯（默认：负增长）")
    growth_tolerance_pp: float = setting(
        1.0, "分析时公布增速与按总量推算增速相差超过此值（百分点）即提示口径差异"
    )
    related_pairs: tuple[tuple[str, str], ...] = setting(
        (("industry_va", "industrial_electricity"), ("industry_va", "industrial_tax")),
        "相关指标对（指标代码，相关指标代码）：走势背离时提示核实，如工业增加值与工业用电量",
    )
    related_z: float = setting(2.0, "相关指标增速差在同级地区中的离散程度（z 值）超过此值即提示")
    related_min_peers: int = setting(5, "计算上述离散程度至少需要的同级地区个数")
    related_drop_pct: float = setting(5.0, "指标增长而相关指标下降超过此值（%）即提示走势背离")


@dataclass(frozen=True)
class ChecksSection:
    """审核 at import: tolerances and plausible ranges; a breach is a warning finding."""

    growth_tolerance_pp: float = setting(
        0.15, "导入审核：公布增速与按总量推算增速的允许差（百分点），超过记为警告"
    )
    sum_tolerance_pct: float = setting(
        1.0, "导入审核：可加总指标下级合计与上级数值的允许相对差（%），超过记为警告"
    )
    plausible_growth_pct: tuple[float, float] = setting(
        (-100.0, 1000.0), "增速的合理范围 [下限, 上限]（%）；增长10倍即 1000"
    )
    plausible_rate_pct: tuple[float, float] = setting(
        (0.0, 100.0), "比率类指标（如空气质量优良率）数值的合理范围 [下限, 上限]（%）"
    )
    allow_negative_levels: bool = setting(
        False, "是否允许总量为负（如财政收支差额类指标）；否则负值记为警告"
    )
    plausible_level_max: float = setting(
        1e10, "总量绝对值的合理上限（按指标标准单位，如亿元）；超过即为错误（多半是错位或乱码）"
    )
    plausible_years: tuple[float, float] = setting(
        (1949.0, 2050.0), "年份的合理范围 [最早, 最晚]；时期或目标年度超出即为错误（如 9999 年）"
    )


@dataclass(frozen=True)
class LimitsSection:
    """Bounds on what one imported file may hold, so any file costs bounded time and memory."""

    max_file_mb: float = setting(200.0, "单个导入文件的大小上限（MB）；超过即拒绝，不读取内容")
    max_rows: int = setting(2_000_000, "每个工作表（或 CSV 文件）的行数上限；超过即拒绝")
    max_columns: int = setting(16_384, "每行的列数上限（Excel 最多 16384 列）；超过即拒绝")
    max_cell_chars: int = setting(
        32_767, "单元格文字长度上限（字符数，Excel 单元格最多 32767 个字符）；超过即拒绝"
    )
    max_findings_per_rule: int = setting(
        50, "每条审核规则最多列出的错误（警告）条数；其余只报条数“另有 N 个同类错误”"
    )


@dataclass(frozen=True)
class SuperviseSection:
    """督查督办: project lights, task deadlines, unit scores (read by xingshi.supervise)."""

    behind_yellow_pp: float = setting(
        10.0, "重点项目：投资完成率落后时间进度达到此值（百分点）亮黄灯（含本数）"
    )
    behind_red_pp: float = setting(
        30.0, "重点项目：投资完成率落后时间进度超过此值（百分点）亮红灯（不含本数）"
    )
    not_started_red_months: int = setting(
        3, "重点项目：到计划开工月份仍未开工亮黄灯，晚于计划开工达到此月数亮红灯"
    )
    unregistered_yellow_months: int = setting(1, "重点项目：开工后达到此月数仍未入库纳统亮黄灯")
    unregistered_red_months: int = setting(2, "重点项目：开工后达到此月数仍未入库纳统亮红灯")
    due_soon_working_days: int = setting(
        3, "督办事项：距办结时限不超过此工作日数（未超期）亮黄灯，超期亮红灯"
    )
    finding_due_working_days: int = setting(
        20, "由红灯指标生成的督办事项：办结时限为交办日后的工作日数"
    )
    report_due_day: int = setting(5, "考核：月度进展应在次月此日（含）前报送，晚于此日为迟报")
    score_base: float = setting(100.0, "考核：单位季度基础分")
    score_missing_report: float = setting(2.0, "考核：每缺报一期进展扣分")
    score_late_report: float = setting(1.0, "考核：每迟报一期进展扣分")
    score_overdue_task: float = setting(5.0, "考核：季末每项超期未销号的督办事项扣分")
    score_closed_task: float = setting(2.0, "考核：季度内每项按期审核销号的督办事项加分")
    indicator_units: tuple[tuple[str, str], ...] = setting(
        (
            ("retail", "州商务局"),
            ("retail_above", "州商务局"),
            ("fai", "州发展和改革委员会"),
            ("industry_va", "州工业和信息化局"),
            ("new_industrial_firms", "州工业和信息化局"),
            ("local_fiscal", "州财政局"),
            ("tax", "州税务局"),
            ("tourism_revenue", "州文化旅游广电局"),
            ("exports", "州商务局"),
        ),
        "指标与责任单位的对应（指标代码，责任单位）：红灯指标生成督办事项时交办给该单位",
    )


@dataclass(frozen=True)
class CollectSection:
    """填报: reporting rounds' reminders (read by xingshi.collect and `xingshi round remind`)."""

    due_soon_working_days: int = setting(
        3, "填报：距报送期限不超过此工作日数（尚未报送）即向该单位发“即将到期”提醒"
    )


SECTIONS: dict[str, type] = {
    "workspace": WorkspaceSection,
    "analysis": AnalysisSection,
    "checks": ChecksSection,
    "limits": LimitsSection,
    "supervise": SuperviseSection,
    "collect": CollectSection,
}
_SECTION_HELP = {
    "workspace": "工作区：本地区与单位",
    "analysis": "分析：排名与红黄绿灯预警阈值",
    "checks": "审核：导入时的容差与合理范围",
    "limits": "限制：单个导入文件的大小、行数、列数、单元格长度和列出的错误条数",
    "supervise": "督查督办：重点项目亮灯规则、督办时限与单位考核计分",
    "collect": "填报：报送期限提醒",
}


@dataclass(frozen=True)
class Settings:
    """All settings of a workspace; build with `Settings()` (defaults) or `Settings.load(path)`."""

    workspace: WorkspaceSection = field(default_factory=WorkspaceSection)
    analysis: AnalysisSection = field(default_factory=AnalysisSection)
    checks: ChecksSection = field(default_factory=ChecksSection)
    limits: LimitsSection = field(default_factory=LimitsSection)
    supervise: SuperviseSection = field(default_factory=SuperviseSection)
    collect: CollectSection = field(default_factory=CollectSection)

    def table(self, section: str) -> dict[str, Any]:
        """One section as a plain dict (what `AnalysisSettings.from_mapping` takes)."""
        return asdict(getattr(self, section))

    @classmethod
    def load(cls, path: str | Path) -> Settings:
        """Read `xingshi.toml` (a file, or a workspace directory holding one)."""
        path = Path(path)
        if path.is_dir():
            path = path / SETTINGS_FILE
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise WorkspaceError(
                "找不到设置文件", where=Location(file=str(path)), hint="先运行 xingshi init"
            ) from None
        except UnicodeDecodeError:
            raise WorkspaceError(
                "设置文件不是 UTF-8 编码", where=Location(file=str(path)), hint="请另存为 UTF-8"
            ) from None
        return cls.from_toml(text, source=str(path))

    @classmethod
    def from_toml(cls, text: str, source: str | None = None) -> Settings:
        """Parse settings TOML; missing keys take their defaults."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise WorkspaceError(
                f"设置文件格式错误：{exc}",
                where=Location(file=source),
                hint="请按 TOML 格式书写，可参照 xingshi init 生成的默认文件",
            ) from None
        parts: dict[str, Any] = {}
        for name, values in data.items():
            if name not in SECTIONS or not isinstance(values, dict):
                raise WorkspaceError(
                    f"未知的设置节 [{name}]",
                    where=Location(file=source, value=name),
                    hint=f"可用的节：{'、'.join(SECTIONS)}",
                )
            parts[name] = _section(SECTIONS[name], name, values, source)
        return cls(**parts)

    @staticmethod
    def default_toml() -> str:
        """The commented default `xingshi.toml` (every field, with its help)."""
        return to_toml(Settings())


def _section(kind: type, name: str, values: dict[str, Any], source: str | None) -> Any:
    known = {f.name: f for f in fields(kind)}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise WorkspaceError(
                f"未知的设置项 {name}.{key}",
                where=Location(file=source, value=key),
                hint=f"[{name}] 可用的设置项：{'、'.join(known)}",
            )
        out[key] = _coerce(known[key], f"{name}.{key}", value, source)
    return replace(kind(), **out)


def _coerce(f: Field, label: str, value: Any, source: str | None) -> Any:
    default = f.default if f.default is not MISSING else None
    where = Location(file=source, value=value)

    def bad(expect: str) -> WorkspaceError:
        return WorkspaceError(f"设置项 {label} 应为{expect}", where=where, hint=f.metadata["help"])

    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise bad("true 或 false")
        return value
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if label.startswith("limits.") and number and value <= 0:
        raise bad("正数")
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad("整数")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad("数字")
        return float(value)
    if isinstance(default, str):
        choices = f.metadata.get("choices")
        if not isinstance(value, str) or (choices and value not in choices):
            raise bad("文字" if not choices else "以下之一：" + "、".join(choices))
        return value
    if isinstance(default, tuple) and default and isinstance(default[0], tuple):
        ok = isinstance(value, list) and all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in value
        )
        if not ok:
            raise bad('成对指标代码的列表，如 [["industry_va", "industrial_electricity"]]')
        return tuple(tuple(p) for p in value)
    if isinstance(default, tuple):
        ok = (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(x, int | float) and not isinstance(x, bool) for x in value)
            and value[0] <= value[1]
        )
        if not ok:
            raise bad("[下限, 上限] 两个数字")
        return (float(value[0]), float(value[1]))
    return value


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def to_toml(settings: Settings) -> str:
    """Settings as commented TOML (Chinese comments from each field's help)."""
    lines = [
        "# 形势（xingshi）工作区设置。每一项的含义写在它上面的注释里；",
        "# 删除某项即恢复默认值。修改后重新运行命令即生效。",
        "",
    ]
    for name in SECTIONS:
        lines.append(f"# {_SECTION_HELP[name]}")
        lines.append(f"[{name}]")
        section = getattr(settings, name)
        for f in fields(section):
            lines.append(f"# {f.metadata['help']}")
            lines.append(f"{f.name} = {_toml_value(getattr(section, f.name))}")
        lines.append("")
    return "\n".join(lines)
