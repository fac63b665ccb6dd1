"""核对: upload a draft (.docx/.txt), see its figures marked against the store, download the
commented .docx. Figures about regions outside the user's scope are left unmarked."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, Response

from xingshi.access.audit import record_action
from xingshi.extract.check import STATUS_LABEL, check_draft
from xingshi.extract.check_report import write_docx, write_html
from xingshi.web import outputs, pages
from xingshi.web.access import Ctx, Viewer, client_ip
from xingshi.web.context import DRAFT_SUFFIXES
from xingshi.web.uploads import save_upload

router = APIRouter(tags=["核对"])

MEDIA = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".html": "text/html; charset=utf-8",
}


@router.get("/checks", summary="讲话稿核对页")
def check_page(request: Request, ctx: Ctx, user: Viewer, region: str | None = None) -> Response:
    code = ctx.regions.resolve(region).code if region else user.home_region()
    return pages.render(
        request,
        "checks.html.j2",
        user=user,
        region_code=code,
        period_label=pages.latest_period(ctx, code) if code else None,
    )


@router.post("/checks", summary="上传草稿并核对")
def check(
    request: Request,
    ctx: Ctx,
    user: Viewer,
    region: Annotated[str, Form()],
    period: Annotated[str, Form()],
    file: Annotated[UploadFile, File()],
) -> Response:
    code = ctx.regions.resolve(region).code
    draft = save_upload(ctx, file, DRAFT_SUFFIXES, "drafts")
    folder = outputs.new_folder(ctx.work_dir, "checks", user, code, period=period)
    result = check_draft(
        draft, region=code, period=period, workspace=ctx.ws.path, out_dir=draft.parent
    )
    visible = user.visible(ctx.regions)
    result.verdicts = [v for v in result.verdicts if (v.fact.region_code or code) in visible]
    html = write_html(result, folder / "draft.核对.html")
    docx = write_docx(result, folder / "draft.核对.docx") if result.docx_path else None
    for p in draft.parent.iterdir():
        p.unlink()
    draft.parent.rmdir()
    record_action(
        ctx.engine,
        actor=user,
        action="check.draft",
        object_type="check",
        object_id=folder.name,
        region=code,
        after={"file": draft.name, "period": period, "contradicts": result.count("contradicts")},
        ip=client_ip(request),
    )
    rows = [
        {
            "text": v.fact.quote,
            "value": v.fact.value,
            "unit": v.fact.unit,
            "status": v.status,
            "label": STATUS_LABEL[v.status],
            "note": v.describe(),
        }
        for v in result.verdicts
    ]
    return pages.render(
        request,
        "checks.html.j2",
        user=user,
        region_code=code,
        period_label=period,
        out_id=folder.name,
        rows=rows,
        html_name=html.name,
        docx_name=docx.name if docx else None,
        counts={k: result.count(k) for k in STATUS_LABEL},
    )


@router.get("/checks/{out_id}/{name}", summary="下载核对结果")
def download(ctx: Ctx, user: Viewer, out_id: str, name: str) -> Response:
    folder, meta = outputs.open_folder(ctx.work_dir, "checks", out_id)
    user.require_region(ctx.regions, meta["region_code"])
    path = outputs.file_in(folder, name, ("draft.核对.html", "draft.核对.docx"))
    return FileResponse(path, media_type=MEDIA[path.suffix], filename=path.name)
