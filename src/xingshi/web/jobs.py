"""Long web tasks (imports) run in a thread; their state is a small JSON file in the workspace.

A file rather than memory, so that with several server workers the page polling the state
may land on any of them.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from pathlib import Path
from typing import Any

from xingshi.access import Principal, record_event
from xingshi.errors import ImportRejected, Location, PermissionDenied, XingshiError
from xingshi.web.errors import finding_dict

STEPS = ("已上传", "读取并审核", "写入数据库", "完成")


def _dir(work_dir: Path) -> Path:
    d = work_dir / "jobs"
    d.mkdir(parents=True, exist_ok=True)
    return d


def write_state(work_dir: Path, job_id: str, state: dict[str, Any]) -> None:
    path = _dir(work_dir) / f"{job_id}.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(tmp, path)  # readers never see half a file


def read_state(work_dir: Path, job_id: str) -> dict[str, Any] | None:
    if not job_id.isalnum():
        return None
    path = _dir(work_dir) / f"{job_id}.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def new_job(work_dir: Path, user: Principal, filename: str) -> str:
    job_id = secrets.token_hex(12)
    write_state(
        work_dir,
        job_id,
        {"user_id": user.user_id, "file": filename, "step": 0, "steps": STEPS, "done": False},
    )
    return job_id


def scope_guard(ctx: Any, user: Principal) -> Any:
    """Refuse a checked file holding figures of a region outside the user's import scope."""
    allowed = user.visible(ctx.regions, "import")

    def accept(checked: Any) -> None:
        codes = set(checked.normalized.observations["region_code"].to_list())
        codes |= set(checked.normalized.targets["region_code"].to_list())
        outside = sorted(codes - allowed)
        if outside:
            names = [ctx.regions.get(c).short or ctx.regions.get(c).name for c in outside[:5]]
            raise PermissionDenied(
                f"文件中有您权限范围以外的地区：{'、'.join(names)}，未导入任何数据",
                where=Location(file=checked.path.name),
                hint="只能导入您权限范围内地区的数据；请删去这些行或请上级单位导入",
            )

    return accept


def run_import(ctx: Any, user: Principal, job_id: str, path: Path, ip: str | None) -> None:
    """Check and import one uploaded file; the state file follows each step."""
    from xingshi.ingest import Catalogs, import_file

    state = read_state(ctx.work_dir, job_id) or {}

    def step(n: int, **extra: Any) -> None:
        state.update(step=n, **extra)
        write_state(ctx.work_dir, job_id, state)

    def audit(conn: Any, result: Any) -> None:
        step(2)
        record_event(
            conn,
            actor=user,
            action="import",
            object_type="release",
            object_id=str(result.release_id),
            after={
                "file": path.name,
                "inserted": result.inserted,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "warnings": len(result.findings),
            },
            ip=ip,
        )

    step(1)
    try:
        result = import_file(
            ctx.store,
            path,
            Catalogs(ctx.regions, ctx.indicators),
            settings=ctx.ws.settings,
            accept=scope_guard(ctx, user),
            on_write=audit,
        )
    except ImportRejected as exc:
        step(
            3,
            done=True,
            ok=False,
            message=exc.message,
            hint=exc.hint,
            findings=[finding_dict(f) for f in exc.findings],
        )
    except XingshiError as exc:
        where = exc.where.describe() if exc.where else ""
        step(
            3,
            done=True,
            ok=False,
            message=(f"{where}：" if where else "") + exc.message,
            hint=exc.hint,
            findings=[],
        )
    except Exception as exc:  # the page must say something rather than poll forever
        step(
            3,
            done=True,
            ok=False,
            message=f"导入失败：{type(exc).__name__}",
            hint=str(exc),
            findings=[],
        )
    else:
        step(
            3,
            done=True,
            ok=True,
            release_id=result.release_id,
            inserted=result.inserted,
            updated=result.updated,
            unchanged=result.unchanged,
            findings=[finding_dict(f) for f in result.findings],
        )
    finally:
        path.unlink(missing_ok=True)


def start_import(ctx: Any, user: Principal, job_id: str, path: Path, ip: str | None) -> None:
    threading.Thread(
        target=run_import, args=(ctx, user, job_id, path, ip), daemon=True, name=f"import-{job_id}"
    ).start()
