"""xingshi check: a draft's figures against the sample data in a real workspace store."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from xingshi.cli import app
from xingshi.extract.check import check_draft
from xingshi.sample import load_sample

HERE = Path(__file__).parent
SEED = HERE.parents[2] / "shared" / "examples" / "speech-xiangxi-2021-h1.txt"
if not SEED.exists():
    SEED = Path("/work/shared/examples/speech-xiangxi-2021-h1.txt")

# Three figures the sample holds, each changed in the draft.
ALTERED = {
    "社会消费品零售总额增长23.9%": "社会消费品零售总额增长25.9%",
    "接待游客3722.1万人次": "接待游客3822.1万人次",
    "空气质量优良率97.8%": "空气质量优良率96.8%",
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    if not SEED.exists():
        pytest.skip("shared/examples is not next to this checkout")
    path = tmp_path_factory.mktemp("ws") / "xingshi-data"
    load_sample(path)
    return path


def _altered_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    for old, new in ALTERED.items():
        assert text.count(old) == 1
        text = text.replace(old, new)
    return text


def test_unaltered_speech_has_no_contradiction(workspace, tmp_path):
    """The seed speech as given contradicts nothing the sample holds, and agrees with much."""
    draft = tmp_path / "讲话稿.txt"
    draft.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = check_draft(draft, region="湘西州", period="2021年1-6月", workspace=workspace)
    assert result.contradictions == []
    assert result.count("agrees") >= 15
    html = result.html_path.read_text(encoding="utf-8")
    assert 'class="contradicts"' not in html.split("</h1>", 1)[1].split("</p>", 1)[1]


def test_three_altered_figures_are_flagged_and_exit_1(workspace, tmp_path):
    """Exactly the three altered figures contradict; the CLI exits 1 and names them."""
    draft = tmp_path / "讲话稿.txt"
    draft.write_text(_altered_text(), encoding="utf-8")
    out = tmp_path / "核对"
    res = CliRunner().invoke(
        app,
        ["check", str(draft), "--region", "湘西州", "--period", "2021年1-6月",
         "--workspace", str(workspace), "--out", str(out)],
    )  # fmt: skip
    assert res.exit_code == 1, res.output
    assert "矛盾 3" in res.output
    result = check_draft(draft, region="湘西州", period="2021年1-6月", workspace=workspace,
                         out_dir=out)  # fmt: skip
    flagged = sorted((v.fact.indicator, v.fact.value, v.stored) for v in result.contradictions)
    assert flagged == [
        ("接待游客", 3822.1, 3722.1),
        ("社会消费品零售总额", 25.9, 23.9),
        ("空气质量优良率", 96.8, 97.8),
    ]
    html = (out / "讲话稿.核对.html").read_text(encoding="utf-8")
    assert html.count('<mark class="contradicts" title=') == 3
    assert "库中为 3722.1万人次（版本 #1" in html


def test_docx_draft_gets_word_comments(workspace, tmp_path):
    """A .docx draft is copied with one Word comment on each contradicting figure."""
    draft = tmp_path / "讲话稿.docx"
    document = docx.Document()
    for line in _altered_text().splitlines():
        document.add_paragraph(line)
    document.save(str(draft))
    result = check_draft(draft, region="湘西州", period="2021年1-6月", workspace=workspace)
    assert len(result.contradictions) == 3
    assert result.docx_path is not None
    copy = docx.Document(str(result.docx_path))
    comments = list(copy.comments)
    assert len(comments) == 3
    assert any("3722.1" in c.text for c in comments)


def test_agreement_within_rounding(workspace, tmp_path):
    """A figure rounded as the draft writes it agrees; a bound (超过) agrees when it holds."""
    draft = tmp_path / "稿.txt"
    draft.write_text(
        "1-6月，全州社会消费品零售总额增长24%，旅游收入超过300亿元，接待游客约3700万人次。",
        encoding="utf-8",
    )
    result = check_draft(draft, region="湘西州", period="2021年1-6月", workspace=workspace)
    assert [(v.fact.indicator, v.status) for v in result.verdicts] == [
        ("社会消费品零售总额", "agrees"),
        ("旅游收入", "agrees"),
        ("接待游客", "agrees"),
    ]


def test_targets_are_checked(workspace, tmp_path):
    """A stated annual target is held against the stored target of that year."""
    draft = tmp_path / "稿.txt"
    draft.write_text(
        "2021年，全州地区生产总值目标增长8%，规模以上工业增加值目标增长12%。", encoding="utf-8"
    )
    result = check_draft(draft, region="湘西州", period="2021年1-6月", workspace=workspace)
    assert [(v.fact.measure, v.fact.value, v.status, v.stored) for v in result.verdicts] == [
        ("target", 8, "agrees", 8.0),
        ("target", 12, "contradicts", 9.0),
    ]
