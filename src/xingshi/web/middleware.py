"""Plain ASGI middleware: upload size limit before any body is read, security headers.

Pure ASGI (not BaseHTTPMiddleware) because it sits on every request of a busy page.
"""

from __future__ import annotations

from typing import Any

_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'"
)
_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"content-security-policy", _CSP.encode()),
]


class WebGuard:
    """Refuses bodies over `max_body` bytes (413) and adds security headers to each answer."""

    def __init__(self, app: Any, max_body: int, secure: bool = False):
        self.app = app
        self.max_body = max_body
        self.headers = list(_HEADERS)
        if secure:
            self.headers.append((b"strict-transport-security", b"max-age=31536000"))

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = None
        for k, v in scope.get("headers", ()):
            if k == b"content-length":
                length = int(v) if v.isdigit() else -1
        if length is not None and (length < 0 or length > self.max_body):
            await _refuse(send, 413, "上传的文件太大（超过上限），未写入任何数据")
            return
        seen = 0

        async def limited_receive() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge
            return message

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *self.headers]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _TooLarge:
            await _refuse(send, 413, "上传的文件太大（超过上限），未写入任何数据")


class _TooLarge(Exception):
    pass


async def _refuse(send: Any, status: int, message: str) -> None:
    import json

    body = json.dumps(
        {"error": {"type": "TooLarge", "message": message, "hint": "请拆分文件后再上传"}},
        ensure_ascii=False,
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json; charset=utf-8")],
        }
    )
    await send({"type": "http.response.body", "body": body})
