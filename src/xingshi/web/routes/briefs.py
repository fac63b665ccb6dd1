"""简报: generate the briefing for a region and period, download docx, html or xlsx."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse, Response

from xingshi.access.audit import record_action
from xingshi.jobs import make_briefing
from xingshi.web import outputs, pages
from xingshi.web.access import Ctx, Viewer, client_ip

router = APIRouter(tags=["简报"])

FILES = ("briefing.docx", "briefing.html", "tables.xlsx")
MEDIA = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".html": "text/html; charset=utf-8",
}


@router.get("/briefs", summary="简报页")
def brief_page(request: Request, ctx: Ctx, user: Viewer, region: str | None = None) -> Response:
    code = ctx.regions.resolve(region).code if region else user.home_region()
    return pages.render(
        request,
        "briefs.html.j2",
        user=user,
        region_code=code,
        period_label=pages.latest_period(ctx, code) if code else None,
    )


@router.post("/briefs", summary="生成简报")
def generate(
    request: Request,
    ctx: Ctx,
    user: Viewer,
    region: Annotated[str, Form()],
    period: Annotated[str, Form()],
    as_of: Annotated[str, Form()] = "",
) -> Response:
    code = ctx.regions.resolve(region).code
    folder = outputs.new_folder(ctx.work_dir, "briefs", user, code, period=period)
    brief, _paths = make_briefing(ctx.ws, code, period, folder, as_of=as_of or None)
    record_action(
        ctx.engine,
        actor=user,
        action="brief.generate",
        object_type="brief",
        object_id=folder.name,
        region=code,
        after={"period": period, "as_of": as_of or None},
        ip=client_ip(request),
    )
    return pages.render(
        request,
        "briefs.html.j2",
        user=user,
        region_code=code,
        period_label=period,
        out_id=folder.name,
        files=FILES,
        title=getattr(brief, "title", ""),
        sections=[s.title for s in getattr(brief, "sections", [])],
    )


@router.get("/briefs/{out_id}/{name}", summary="下载简报文件")
def download(ctx: Ctx, user: Viewer, out_id: str, name: str) -> Response:
    folder, meta = outputs.open_folder(ctx.work_dir, "briefs", out_id)
    user.require_region(ctx.regions, meta["region_code"])
    path = outputs.file_in(folder, name, FILES)
    return FileResponse(path, media_type=MEDIA[path.suffix], filename=name)
