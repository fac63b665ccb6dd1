"""The one error tree of xingshi.

Every error names where it happened (a :class:`Location`) and carries a hint. The CLI turns
them into a Chinese message and a non-zero exit code at the edge; library code never prints.

    XingshiError
    ├── InputError              a file or argument we cannot read
    │   ├── FileFormatError     not a spreadsheet / text, broken encoding, empty file
    │   └── LayoutError         headers we cannot understand
    ├── CatalogError
    │   ├── UnknownRegion / AmbiguousRegion (candidates listed)
    │   ├── UnknownIndicator / AmbiguousIndicator
    │   └── PeriodError
    ├── ImportRejected          one or more error findings; nothing was written
    ├── WorkspaceError          no workspace, bad settings, bad database URL
    ├── StoreError              release or query problems
    ├── AccessError             who may do what (web and API)
    │   ├── NotAuthenticated    no session or token (401)
    │   ├── LoginFailed         wrong name or password, or the account is locked (401)
    │   └── PermissionDenied    the role or region scope does not allow it (403)
    └── Conflict                the object changed or is in another state (409)

`http_status` on each class is what the web layer answers with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_SHOWN_CHARS = 60


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem is: any of file, sheet, row (1-based), column (letter or name), value."""

    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: Any = None

    def describe(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(f"文件 {self.file}")
        if self.sheet:
            parts.append(f"工作表 {self.sheet}")
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(f"{self.column}列")
        if self.value is not None and self.value != "":
            text = str(self.value)
            # A whole web page or a pasted report in one cell is not echoed back.
            shown = (
                text
                if len(text) <= _SHOWN_CHARS
                else f"{text[:_SHOWN_CHARS]}…（共 {len(text)} 字）"
            )
            parts.append(f"值“{shown}”")
        return "，".join(parts)


class XingshiError(Exception):
    """Base of all xingshi errors: a Chinese message, a location and a hint."""

    exit_code = 2
    http_status = 400

    def __init__(self, message: str, *, where: Location | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def describe(self) -> str:
        text = self.message
        if self.where is not None and self.where.describe():
            text = f"{self.where.describe()}：{text}"
        if self.hint:
            text = f"{text}\n提示：{self.hint}"
        return text


class InputError(XingshiError):
    """A file or argument that cannot be read as given."""


class FileFormatError(InputError):
    """Not a spreadsheet or text file we read, a broken encoding, or an empty file."""


class LayoutError(InputError):
    """A sheet whose headers or layout cannot be understood."""


class CatalogError(XingshiError):
    """A name that the catalogue cannot resolve."""

    http_status = 404


class UnknownRegion(CatalogError):
    pass


class AmbiguousRegion(CatalogError):
    http_status = 400

    def __init__(self, message: str, *, candidates: list[str], **kw: Any):
        super().__init__(message, **kw)
        self.candidates = candidates


class UnknownIndicator(CatalogError):
    pass


class AmbiguousIndicator(CatalogError):
    http_status = 400

    def __init__(self, message: str, *, candidates: list[str], **kw: Any):
        super().__init__(message, **kw)
        self.candidates = candidates


class PeriodError(CatalogError):
    http_status = 400


@dataclass
class _Rejection:
    findings: list[Any] = field(default_factory=list)


class ImportRejected(XingshiError):
    """An import stopped by error findings; nothing was written."""

    http_status = 422

    def __init__(self, message: str, *, findings: list[Any], **kw: Any):
        super().__init__(message, **kw)
        self.findings = findings

    def describe(self) -> str:
        lines = [self.message]
        lines += [f"- {f.describe()}" for f in self.findings]
        return "\n".join(lines)


class WorkspaceError(XingshiError):
    """No workspace, unreadable settings or an unusable database URL."""

    http_status = 500


class StoreError(XingshiError):
    """A release or query the store cannot serve."""

    http_status = 500


class AccessError(XingshiError):
    """Who may do what: raised by xingshi.access, answered with `http_status` on the web."""

    http_status = 403


class NotAuthenticated(AccessError):
    """No valid session or token."""

    http_status = 401


class LoginFailed(AccessError):
    """Wrong user name or password, or a locked account."""

    http_status = 401


class PermissionDenied(AccessError):
    """The user's roles or region scope do not allow this."""

    http_status = 403


class Conflict(XingshiError):
    """The object was changed by someone else, or is in a state that forbids this."""

    http_status = 409
