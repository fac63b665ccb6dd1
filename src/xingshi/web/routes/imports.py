"""导入: upload an Excel/CSV; the same checks as `xingshi import`; nothing written on error.

The upload returns at once with a panel that polls the job's state (htmx, every half second)
until the file is read, checked and written or rejected.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import Response

from xingshi.web import jobs, pages
from xingshi.web.access import Ctx, Importer, client_ip
from xingshi.web.context import UPLOAD_SUFFIXES
from xingshi.web.uploads import save_upload

router = APIRouter(tags=["导入"])


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
            request,
            "error.html.j2",
            user=user,
            status=404,
            message="没有这个导入任务",
            hint="重新上传文件",
            status_code=404,
        )
    return pages.render(request, "_import_job.html.j2", user=user, job_id=job_id, s=state)
