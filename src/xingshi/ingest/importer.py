"""Read → check → write, one transaction per file.

Error findings reject the whole file (:class:`ImportRejected` lists all of them) and nothing is
written; warnings are stored with the release. Re-importing an unchanged file writes a release
with 0 inserted, 0 updated and N unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xingshi.errors import ImportRejected, Location, XingshiError
from xingshi.findings import Finding
from xingshi.ingest.checks import CheckContext, plausible, run_checks
from xingshi.ingest.layouts import read_file
from xingshi.ingest.limits import FindingCap, ReadLimits
from xingshi.ingest.normalize import OBS_SCHEMA, Normalized, normalize


@dataclass
class Catalogs:
    """The two catalogues an import resolves names against."""

    regions: Any
    indicators: Any

    @classmethod
    def load(cls) -> Catalogs:
        """The shipped catalogues (a Workspace adds its own; see import_files)."""
        from xingshi.catalog.indicators import IndicatorCatalog
        from xingshi.catalog.regions import RegionCatalog

        return cls(RegionCatalog.load(), IndicatorCatalog.load())


@dataclass
class FileCheck:
    """A file read and checked, not yet written: its frames and every finding."""

    path: Path
    normalized: Normalized
    findings: list[Finding]  # at most [limits] max_findings_per_rule per rule, plus counts
    error_total: int | None = None  # errors seen, listed or not

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def error_count(self) -> int:
        return len(self.errors) if self.error_total is None else self.error_total

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "error"]


def _tolerances(settings: Any) -> dict[str, Any]:
    checks = getattr(settings, "checks", None)
    out: dict[str, Any] = {}
    if checks is not None:
        out["growth_tolerance_pp"] = float(checks.growth_tolerance_pp)
        out["sum_tolerance_pct"] = float(checks.sum_tolerance_pct)
        # GDP does not add up exactly (regional accounting): five times the additive tolerance.
        out["approx_sum_tolerance_pct"] = 5 * float(checks.sum_tolerance_pct)
        out["plausible_growth_pct"] = tuple(checks.plausible_growth_pct)
        out["plausible_rate_pct"] = tuple(checks.plausible_rate_pct)
        out["allow_negative_levels"] = bool(checks.allow_negative_levels)
        out["plausible_level_max"] = float(checks.plausible_level_max)
        out["plausible_years"] = tuple(int(y) for y in checks.plausible_years)
    return out


def check_file(
    path: Path | str,
    catalogs: Catalogs,
    *,
    store: Any = None,
    settings: Any = None,
    period: str | None = None,
    indicator: str | None = None,
    region_scope: str | None = None,
    mapping: dict | None = None,
) -> FileCheck:
    """Read one file and run every check; raises only for unreadable files and layouts."""
    path = Path(path)
    scope = catalogs.regions.resolve(region_scope).code if region_scope else None
    limits = ReadLimits.from_settings(settings)
    readings = read_file(path, period=period, indicator=indicator, limits=limits, mapping=mapping)
    normalized = normalize(
        readings,
        catalogs.regions,
        catalogs.indicators,
        scope=scope,
        cap=limits.max_findings_per_rule,
        home=_home_region(settings, catalogs),
    )
    ctx = CheckContext(
        file=path.name,
        regions=catalogs.regions,
        indicators=catalogs.indicators,
        store=store,
        **_tolerances(settings),
    )
    # Frame rules run even when some cells failed, so the user sees every error at once.
    findings = FindingCap(limits.max_findings_per_rule)
    findings.extend(normalized.findings)
    findings.extend(run_checks(normalized.observations, ctx, limits.max_findings_per_rule))
    findings.extend(plausible.check_targets(normalized.targets, ctx))
    if (
        normalized.observations.is_empty()
        and normalized.targets.is_empty()
        and not findings.total("error")
    ):
        # Figures there, but every one left out: say why instead of "no data".
        unknown = [f for f in findings.findings() if f.rule == "unknown_indicator"]
        names = list(dict.fromkeys(str(f.where.value) for f in unknown if f.where.value))
        # 市区 figures, fixed-base indexes: left out whatever their indicators, said first.
        left = [f for f in findings.findings() if f.data.get("left_out")]
        if left:
            message = f"表中的数都未导入：{left[0].message}"
            where, hint = left[0].where, left[0].hint
        elif unknown:
            first = unknown[0].where
            shown = "、".join(f"“{n}”" for n in names[:5]) + (
                f" 等 {len(names)} 项" if len(names) > 5 else ""
            )
            message = f"表中的指标都不在目录中（{shown}），没有可导入的数据"
            where = Location(file=path.name, sheet=first.sheet, row=first.row, column=first.column)
            hint = "在工作区 indicators.toml 中添加这些指标（或给已有指标加别名）后再导入"
        else:
            message, where = "文件中没有可导入的数据", Location(file=path.name)
            hint = "检查表头下方是否有数据行，数值是否都为空"
        findings.add(Finding("no_data", "error", message, where, hint=hint))
    return FileCheck(path, normalized, findings.findings(), findings.total("error"))


def _home_region(settings: Any, catalogs: Catalogs) -> str | None:
    """The workspace's own region (xingshi.toml [workspace] region), if set and known."""
    name = getattr(getattr(settings, "workspace", None), "region", "") or ""
    if not name:
        return None
    try:
        return catalogs.regions.resolve(name).code
    except XingshiError:
        return None  # a bad setting is reported where it is used for analysis


def import_file(
    store: Any,
    path: Path | str,
    catalogs: Catalogs,
    *,
    settings: Any = None,
    period: str | None = None,
    indicator: str | None = None,
    region_scope: str | None = None,
    mapping: dict | None = None,
    accept: Any = None,
    on_write: Any = None,
) -> Any:
    """Check one file and write it as one release; ImportRejected (nothing written) on errors.

    `accept(checked)` may raise to refuse a checked file before anything is written (the web
    layer refuses regions outside the user's scope); `on_write(conn, result)` runs inside the
    release's transaction.
    """
    from xingshi.store import ImportBatch

    checked = check_file(
        path,
        catalogs,
        store=store,
        settings=settings,
        period=period,
        indicator=indicator,
        region_scope=region_scope,
        mapping=mapping,
    )
    if checked.errors:
        raise ImportRejected(
            f"文件 {checked.path.name} 未通过审核（{checked.error_count} 个错误），未导入任何数据",
            findings=checked.errors,
            where=Location(file=checked.path.name),
        )
    if accept is not None:
        accept(checked)
    obs = checked.normalized.observations.select(list(OBS_SCHEMA))
    batch = ImportBatch(
        source_file=checked.path.name,
        sha256=hashlib.sha256(checked.path.read_bytes()).hexdigest(),
        description=f"导入 {checked.path.name}",
        observations=obs,
        targets=checked.normalized.targets,
        findings=checked.warnings,
    )
    return store.write_release(batch, on_write=on_write)


def import_files(
    store: Any,
    paths: Iterable[Path | str],
    catalogs: Catalogs | None = None,
    settings: Any = None,
    *,
    period: str | None = None,
    indicator: str | None = None,
    region_scope: str | None = None,
    mapping: dict | None = None,
) -> list[Any]:
    """Import files in order, one release each; stops at the first rejected file.

    ``store`` may be a Store, a Workspace or a workspace directory; a workspace supplies its
    own catalogues and settings unless they are given, and its saved mappings
    (``mappings/*.toml``) read the files whose header cells they were saved for.
    """
    if isinstance(store, (str, Path)):
        from xingshi.workspace import open_workspace

        ws = open_workspace(store)
        try:
            return import_files(
                ws,
                paths,
                catalogs,
                settings,
                period=period,
                indicator=indicator,
                region_scope=region_scope,
                mapping=mapping,
            )
        finally:
            ws.close()
    saved = None
    if hasattr(store, "settings") and hasattr(store, "store"):
        saved = getattr(store, "path", None)
        catalogs = catalogs or Catalogs(store.regions, store.indicators)
        settings = settings if settings is not None else store.settings
        store = store.store
    catalogs = catalogs or Catalogs.load()

    def mapping_for(p: Path | str) -> dict | None:
        if mapping is not None or saved is None:
            return mapping
        from xingshi.ingest.layouts.mapping import find_mapping

        found = find_mapping(saved, p)
        return found[1] if found else None

    return [
        import_file(
            store,
            p,
            catalogs,
            settings=settings,
            period=period,
            indicator=indicator,
            region_scope=region_scope,
            mapping=mapping_for(p),
        )
        for p in paths
    ]
