"""Hand-annotated texts in the styles met in real documents, each scored per measure."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from xingshi.extract import extract_file

GOLD = Path(__file__).parent / "gold"
# A county leader's speech, a county-level statistics bulletin with a text table, and a
# prefecture news item in traditional characters: figures invented, forms from real texts.
TEXTS = ["speech-yuanling-2022-q3", "bulletin-jishou-2022", "news-trad-2022"]


def _scoring():
    spec = importlib.util.spec_from_file_location("_extract_scoring", GOLD.parent / "scoring.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", TEXTS)
def test_gold_scores_per_measure(name: str) -> None:
    """Every measure of the text is found and right at a rate of at least 0.97."""
    path = GOLD / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    lines = (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines if line]
    assert len(gold) >= 25
    for g in gold:
        assert g["quote"] in text, g
    out = [f.to_record() for f in extract_file(path, year=2022)]
    result = _scoring().score(text, gold, out, None)
    low = {m: hv for m, hv in result.recall.items() if hv[0] / hv[1] < 0.97}
    low.update({m: hv for m, hv in result.precision.items() if hv[0] / hv[1] < 0.97})
    assert not low, (low, result.missed, result.extra)
