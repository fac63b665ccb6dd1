"""Tables in traditional characters (地區生產總值, 億元, 臺灣) are read as simplified ones.

Ranking pages mirrored in Hong Kong and Taiwan, and statistics republished from there, write
the same figures in traditional characters; the catalogues, header words and units are
simplified. A sheet whose text the OpenCC ``t2s`` conversion changes is converted cell by cell,
with a warning saying so. A simplified sheet is left as it is: the conversion changes almost
nothing in simplified text, and what it does change (乾 of 乾安县 standing alone) is not a
sign of traditional text.
"""

from __future__ import annotations

import functools
from typing import Any

from xingshi.findings import Finding

# Simplified characters t2s still changes when they stand alone (乾安 → 干安): no evidence.
_NOT_EVIDENCE = frozenset("乾")
_MIN_CHANGED = 2  # distinct changed characters before a sheet counts as traditional


@functools.lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _changed(original: str, converted: str) -> set[str]:
    if len(original) != len(converted):
        return {original}
    return {a for a, b in zip(original, converted, strict=True) if a != b} - _NOT_EVIDENCE


def simplify_sheet(sheet: Any) -> None:
    """Convert a sheet written in traditional characters to simplified, in place."""
    texts = {v for row in sheet.rows for v in row if isinstance(v, str) and not v.isascii()}
    if not texts:
        return
    convert = _converter().convert
    joined = "\x00".join(texts)
    changed = _changed(joined, convert(joined))
    if len(changed) < _MIN_CHANGED:
        return
    mapping = {t: convert(t) for t in texts}
    first: tuple[int, int, str] | None = None
    for r, row in enumerate(sheet.rows):
        for c, value in enumerate(row):
            if isinstance(value, str) and (new := mapping.get(value, value)) != value:
                row[c] = new
                if first is None:
                    first = (r, c, value)
    if first is None:
        return
    r, c, value = first
    sheet.findings.append(
        Finding(
            "traditional_script",
            "warning",
            f"表格用繁体字书写，已按简体字读取（如“{value}”读作“{mapping[value]}”）",
            sheet.where(r, c, value),
            hint="请核对地区和指标名称是否读对；如不应转换，请改为简体字后再导入",
            data={"characters": "".join(sorted(changed))[:40]},
        )
    )
