"""Build the demo's sketch maps (示意图) of 湖南省's 市州 and 湘西州's 县市.

Source: two PyPI packages (MIT licence), which carry ECharts' compressed map files:
  echarts-china-provinces-pypkg 0.0.3  resources/echarts-china-provinces-js/hunan.js
  echarts-china-cities-pypkg 0.0.9     resources/echarts-china-cities-js/
                                       hu2_nan2_xiang1_xi1_tu3_jia1_zu2_miao2_zu2_zi4_zhi4_zhou1.js

Run:  python examples/geo/make_geo.py DIR   (DIR holds the two .tar.gz sdists, e.g. from
      `pip download --no-deps --no-build-isolation echarts-china-provinces-pypkg
      echarts-china-cities-pypkg`)
It decodes the coordinates, rounds them to 0.01° (a sketch, not a survey) and writes
src/xingshi/web/static/geo/430000.json and 433100.json, each marked 示意图 with its source.
"""

from __future__ import annotations

import json
import re
import sys
import tarfile
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "xingshi" / "web" / "static" / "geo"
SOURCES = {
    "430000": (
        "echarts-china-provinces-pypkg-0.0.3.tar.gz",
        "echarts-china-provinces-js/hunan.js",
    ),
    "433100": (
        "echarts-china-cities-pypkg-0.0.9.tar.gz",
        "echarts-china-cities-js/hu2_nan2_xiang1_xi1_tu3_jia1_zu2_miao2_zu2_zi4_zhi4_zhou1.js",
    ),
}
STEP = 0.01


def _js_object(js: str) -> dict:
    """The object literal passed to registerMap, as JSON (keys quoted, !0/!1 as booleans)."""
    start = js.index("registerMap(") + len("registerMap(")
    start = js.index("{", start)
    depth, i, in_str = 0, start, False
    while True:
        ch = js[i]
        if in_str:
            if ch == "\\":
                i += 1
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                break
        i += 1
    literal = js[start : i + 1]
    # encoded strings use characters from "@" upwards, never ":", so a key is always a key
    literal = re.sub(r"([{,])([A-Za-z_][A-Za-z0-9_]*):", r'\1"\2":', literal)
    literal = literal.replace(":!0", ":true").replace(":!1", ":false")
    return json.loads(literal)


def _ring(encoded: str, offsets: list[int], scale: float) -> list[list[float]]:
    # ECharts' UTF8 encoding: zigzag deltas offset by 64, two characters per point
    out: list[list[float]] = []
    px, py = offsets
    for k in range(0, len(encoded), 2):
        x = ord(encoded[k]) - 64
        y = ord(encoded[k + 1]) - 64
        x = (x >> 1) ^ (-(x & 1))
        y = (y >> 1) ^ (-(y & 1))
        px, py = px + x, py + y
        point = [
            round(round(px / scale / STEP) * STEP, 3),
            round(round(py / scale / STEP) * STEP, 3),
        ]
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def decode(obj: dict) -> dict:
    scale = obj.get("UTF8Scale") or 1024
    features = []
    for f in obj["features"]:
        g = f["geometry"]
        if g["type"] == "Polygon":
            coords = [
                _ring(r, o, scale)
                for r, o in zip(g["coordinates"], g["encodeOffsets"], strict=True)
            ]
        else:
            coords = [
                [_ring(r, o, scale) for r, o in zip(poly, offs, strict=True)]
                for poly, offs in zip(g["coordinates"], g["encodeOffsets"], strict=True)
            ]
        features.append(
            {
                "type": "Feature",
                "properties": {"name": f["properties"]["name"], "code": f.get("id")},
                "geometry": {"type": g["type"], "coordinates": coords},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main(src_dir: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for code, (sdist, member) in SOURCES.items():
        with tarfile.open(src_dir / sdist) as tar:
            name = next(m for m in tar.getnames() if m.endswith(member))
            js = tar.extractfile(name).read().decode("utf-8")
        geo = decode(_js_object(js))
        package = sdist.removesuffix(".tar.gz")
        geo["xingshi_note"] = (
            f"示意图，非标准地图：由 PyPI 包 {package}（MIT 许可）中的 ECharts 地图数据简化而成"
            f"（{date.today().isoformat()}，坐标取整到 {STEP}°）；正式使用请在工作区 boundaries/ "
            "放入经审核的边界文件"
        )
        text = json.dumps(geo, ensure_ascii=False, separators=(",", ":"))
        (OUT / f"{code}.json").write_text(text + "\n", encoding="utf-8")
        print(f"{code}.json：{len(geo['features'])} 个区域，{len(text) // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("."))
