"""The seed speech against its hand-annotated gold: precision and recall per measure."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from xingshi.extract import extract_file

HERE = Path(__file__).parent
# shared/ sits beside the repository (a clone in CI, /work/main here).
SEED = HERE.parents[2] / "shared" / "examples" / "speech-xiangxi-2021-h1.txt"
if not SEED.exists():
    SEED = Path("/work/shared/examples/speech-xiangxi-2021-h1.txt")
GOLD = HERE / "gold" / "speech-xiangxi-2021-h1.jsonl"


def _load():
    import importlib.util

    spec = importlib.util.spec_from_file_location("_extract_scoring", HERE / "scoring.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result():
    if not SEED.exists():
        pytest.skip("shared/examples is not next to this checkout")
    text = SEED.read_text(encoding="utf-8")
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    out = [f.to_record() for f in extract_file(SEED)]
    return _load().score(text, gold, out, ("同志们", "推荐访问"))


def test_gold_quotes_are_in_the_text():
    """Every gold quote is an exact substring of the seed speech."""
    if not SEED.exists():
        pytest.skip("shared/examples is not next to this checkout")
    text = SEED.read_text(encoding="utf-8")
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["quote"] in text


def test_recall_per_measure(result):
    """Each measure's gold figures are found at a rate of at least 0.97."""
    low = {m: hv for m, hv in result.recall.items() if hv[0] / hv[1] < 0.97}
    assert not low, (low, [(g["measure"], g["quote"]) for g in result.missed])


def test_precision_per_measure(result):
    """Each measure's extracted figures in the body are right at a rate of at least 0.97."""
    low = {m: hv for m, hv in result.precision.items() if hv[0] / hv[1] < 0.97}
    assert not low, (low, [(o["measure"], o["quote"]) for o in result.extra])


def test_indicators_mostly_named(result):
    """The matched figures mostly carry the gold indicator (a looser bar than the figures)."""
    total = sum(t for _, t in result.recall.values())
    assert result.indicator_hits / total >= 0.8


def test_release_gold_per_measure():
    """A statistics bureau style release (forms the seed lacks) scores >= 0.97 per measure."""
    text_path = HERE / "gold" / "release-huaihua-2021q3.txt"
    text = text_path.read_text(encoding="utf-8")
    gold_lines = (HERE / "gold" / "release-huaihua-2021q3.jsonl").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in gold_lines.splitlines() if line]
    out = [f.to_record() for f in extract_file(text_path)]
    result = _load().score(text, gold, out, None)
    low = {m: hv for m, hv in {**result.recall}.items() if hv[0] / hv[1] < 0.97}
    low.update({m: hv for m, hv in result.precision.items() if hv[0] / hv[1] < 0.97})
    assert not low, (low, result.missed, result.extra)
