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

from xingshi.errors import ImportRejected, Location
from xingshi.findings import Finding
from xingshi.ingest.checks import CheckContext, run_checks
from xingshi.ingest.layouts import read_file
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
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

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
) -> FileCheck:
    """Read one file and run every check; raises only for unreadable files and layouts."""
    path = Path(path)
    scope = catalogs.regions.resolve(region_scope).code if region_scope else None
    readings = read_file(path, period=period, indicator=indicator)
    normalized = normalize(readings, catalogs.regions, catalogs.indicators, scope=scope)
    ctx = CheckContext(
        file=path.name,
        regions=catalogs.regions,
        indicators=catalogs.indicators,
        store=store,
        **_tolerances(settings),
    )
    # Frame rules run even when some cells failed, so the user sees every error at once.
    findings = list(normalized.findings) + run_checks(normalized.observations, ctx)
    if (
        normalized.observations.is_empty()
        and normalized.targets.is_empty()
        and not any(f.severity == "error" for f in findings)
    ):
        findings.append(
            Finding(
                "no_data",
                "error",
                "文件中没有可导入的数据",
                Location(file=path.name),
                hint="检查表头下方是否有数据行，数值是否都为空",
            )
        )
    return FileCheck(path, normalized, findings)


def import_file(
    store: Any,
    path: Path | str,
    catalogs: Catalogs,
    *,
    settings: Any = None,
    period: str | None = None,
    indicator: str | None = None,
    region_scope: str | None = None,
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
    )
    if checked.errors:
        raise ImportRejected(
            f"文件 {checked.path.name} 未通过审核（{len(checked.errors)} 个错误），未导入任何数据",
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
) -> list[Any]:
    """Import files in order, one release each; stops at the first rejected file.

    ``store`` may be a Store, a Workspace or a workspace directory; a workspace supplies its
    own catalogues and settings unless they are given.
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
            )
        finally:
            ws.close()
    if hasattr(store, "settings") and hasattr(store, "store"):
        catalogs = catalogs or Catalogs(store.regions, store.indicators)
        settings = settings if settings is not None else store.settings
        store = store.store
    catalogs = catalogs or Catalogs.load()
    return [
        import_file(
            store,
            p,
            catalogs,
            settings=settings,
            period=period,
            indicator=indicator,
            region_scope=region_scope,
        )
        for p in paths
    ]
