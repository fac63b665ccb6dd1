"""导入: upload an Excel/CSV; the same checks as `xingshi import`; nothing written on error.

The upload returns at once with a panel that polls the job's state (htmx, every half second)
until the file is read, checked and written or rejected.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import Response

from xingshi.errors import FileFormatError, Location
from xingshi.web import jobs, pages
from xingshi.web.access import Ctx, Importer, client_ip
from xingshi.web.context import UPLOAD_SUFFIXES

router = APIRouter(tags=["导入"])


def save_upload(ctx, upload: UploadFile, suffixes: tuple[str, ...], folder: str) -> Path:
    """The upload saved under the workspace's web folder, after its name and size are checked."""
    name = Path(upload.filename or "").name
    suffix = Path(name).suffix.lower()
    if suffix not in suffixes:
        raise FileFormatError(
            f"不支持的文件类型“{suffix or '无扩展名'}”",
            where=Location(file=name or None),
            hint="请上传 " + "、".join(suffixes) + " 文件",
        )
    safe = re.sub(r"[^\w.\-（）()]+", "_", name)[-120:] or f"upload{suffix}"
    target_dir = ctx.work_dir / folder / jobs.secrets.token_hex(8)
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / safe
    size = 0
    with target.open("wb") as out:
        while chunk := upload.file.read(1 << 20):
            size += len(chunk)
            if size > ctx.max_upload_bytes:
                out.close()
                target.unlink(missing_ok=True)
                raise FileFormatError(
                    "上传的文件太大，未写入任何数据",
                    where=Location(file=name),
                    hint=f"单个文件不超过 {ctx.max_upload_bytes // (1024 * 1024)} MB",
                )
            out.write(chunk)
    if size == 0:
        target.unlink(missing_ok=True)
        raise FileFormatError("文件是空的", where=Location(file=name), hint="请选择有数据的文件")
    return target


@router.get("/imports", summary="导入页")
def import_page(request: Request, user: Importer) -> Response:
    return pages.render(request, "imports.html.j2", user=user)


@router.post("/imports", summary="上传并导入")
def upload(
    request: Request, ctx: Ctx, user: Importer, file: Annotated[UploadFile, File()]
) -> Response:
    path = save_upload(ctx, file, UPLOAD_SUFFIXES, "uploads")
    job_id = jobs.new_job(ctx.work_dir, user, path.name)
    jobs.start_import(ctx, user, job_id, path, client_ip(request))
    state = jobs.read_state(ctx.work_dir, job_id)
    template = "_import_job.html.j2" if request.headers.get("hx-request") else "imports.html.j2"
    return pages.render(request, template, user=user, job_id=job_id, s=state)


@router.get("/imports/jobs/{job_id}", summary="导入进度")
def import_job(request: Request, ctx: Ctx, user: Importer, job_id: str) -> Response:
    state = jobs.read_state(ctx.work_dir, job_id)
    if state is None or state.get("user_id") != user.user_id:
        return pages.render(
            request, "error.html.j2", user=user, status=404, message="没有这个导入任务",
            hint="重新上传文件", status_code=404,
        )  # fmt: skip
    return pages.render(request, "_import_job.html.j2", user=user, job_id=job_id, s=state)
