"""Files the web app writes for a user (briefings, checked drafts): one folder each, with a
meta.json saying whose and which region, so a download is checked against the scope."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

from xingshi.access import Principal
from xingshi.errors import CatalogError, InputError, Location


def new_folder(work_dir: Path, kind: str, user: Principal, region_code: str, **meta: Any) -> Path:
    folder = work_dir / kind / secrets.token_hex(12)
    folder.mkdir(parents=True)
    info = {"user_id": user.user_id, "region_code": region_code, **meta}
    (folder / "meta.json").write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    return folder


def open_folder(work_dir: Path, kind: str, out_id: str) -> tuple[Path, dict[str, Any]]:
    """The folder and its meta; CatalogError (404) for an unknown id."""
    folder = work_dir / kind / out_id
    if not out_id.isalnum() or not (folder / "meta.json").is_file():
        raise CatalogError("没有这个文件", where=Location(value=out_id), hint="请重新生成")
    return folder, json.loads((folder / "meta.json").read_text(encoding="utf-8"))


def file_in(folder: Path, name: str, allowed: tuple[str, ...]) -> Path:
    """A file directly in `folder` with one of the allowed names (no path tricks)."""
    if name not in allowed or not (folder / name).is_file():
        raise InputError("没有这个文件", where=Location(value=name), hint="请重新生成")
    return folder / name
