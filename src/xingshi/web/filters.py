"""Jinja filters: numbers as the bureau writes them, lights as colours."""

from __future__ import annotations

import math
from typing import Any

LIGHT_LABEL = {"green": "绿", "yellow": "黄", "red": "红"}


def num(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, float):
        text = f"{value:,.{digits}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


def pct(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:.{digits}f}"


def signed(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:+.{digits}f}"


def light(value: Any) -> str:
    return LIGHT_LABEL.get(str(value), "")


def install(env: Any) -> None:
    env.filters.update(num=num, pct=pct, signed=signed, light=light)
