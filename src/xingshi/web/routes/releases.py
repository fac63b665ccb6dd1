"""版本: every release with its counts and warnings; a release's warnings within scope."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from xingshi.web import pages, views
from xingshi.web.access import Ctx, Viewer

router = APIRouter(tags=["版本"])


@router.get("/releases", summary="数据版本")
def releases(request: Request, user: Viewer) -> Response:
    return pages.render(request, "releases.html.j2", user=user)


@router.get("/releases/{release_id}", summary="一个版本的审核警告")
def release(request: Request, ctx: Ctx, user: Viewer, release_id: int) -> Response:
    found = views.release_findings(ctx.store.findings(release_id), user, ctx.regions)
    rel = next((r for r in pages.release_list(ctx) if r["release_id"] == release_id), None)
    return pages.render(
        request, "release.html.j2", user=user, release=rel, findings=found, release_id=release_id
    )
