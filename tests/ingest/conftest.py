"""The ingest tests share small-sheet helpers (``sheets.py``) and the shipped catalogues."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from xingshi.ingest import Catalogs

sys.path.insert(0, str(Path(__file__).parent))  # for ``from sheets import …`` (importlib mode)


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()
