"""Uploads saved under the workspace's web folder after their name, type and size are checked."""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Any

from fastapi import UploadFile

from xingshi.errors import FileFormatError, Location


def save_upload(ctx: Any, upload: UploadFile, suffixes: tuple[str, ...], folder: str) -> Path:
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
    target_dir = ctx.work_dir / folder / secrets.token_hex(8)
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
