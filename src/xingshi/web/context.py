"""What every request of one app shares: the workspace, its store and catalogues, settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates

# Uploads larger than this are refused before they are read (a year of a prefecture's figures
# is well under 1 MB).
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
UPLOAD_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv")
DRAFT_SUFFIXES = (".docx", ".txt")


@dataclass
class WebContext:
    """One opened workspace and the app's settings; `app.state.ctx` holds it."""

    ws: Any
    templates: Jinja2Templates
    secure_cookies: bool = False
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    work_dir: Path = field(default_factory=lambda: Path("."))

    @property
    def engine(self) -> Any:
        return self.ws.store.engine

    @property
    def store(self) -> Any:
        return self.ws.store

    @property
    def regions(self) -> Any:
        return self.ws.regions

    @property
    def indicators(self) -> Any:
        return self.ws.indicators
