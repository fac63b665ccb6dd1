"""xingshi check against what the analysis computes: ranks, ratios, shares, gaps, completion."""

from __future__ import annotations

import csv
import io
import json
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

# The five changes of the acceptance: a rank, one rank said for two indicators, a ratio's
# rank, a count and a level.
FIVE = {
    "固定资产投资增速居全省第四": "固定资产投资增速居全省第五",
    "增速均位居全省第二": "增速均位居全省第三",
    "税收占GDP比重居全省第二": "税收占GDP比重居全省第三",
    "“四上”企业仅869家": "“四上”企业仅896家",
    "实现旅游收入304.4亿元": "实现旅游收入314.4亿元",
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    if not SEED.exists():
        pytest.skip("shared/examples is not next to this checkout")
    path = tmp_path_factory.mktemp("ws") / "xingshi-data"
    load_sample(path)
    return path


def _check(workspace: Path, tmp_path: Path, text: str, name: str = "稿.txt"):
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8")
    return check_draft(draft, region="湘西州", period="2021年1-6月", workspace=workspace)


def _cli(workspace: Path, draft: Path, *extra: str):
    args = ["-w", str(workspace), "check", str(draft), "-r", "湘西州", "-p", "2021年1-6月"]
    return CliRunner().invoke(app, [*args, *extra])


def test_five_changes_give_six_contradictions_and_exit_1(workspace, tmp_path):
    """The seed with five changed figures: six contradictions (the shared rank twice), exit 1;
    the seed as given: none, exit 0."""
    text = SEED.read_text(encoding="utf-8")
    for old, new in FIVE.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    draft = tmp_path / "改稿.txt"
    draft.write_text(text, encoding="utf-8")
    res = _cli(workspace, draft, "--out", str(tmp_path / "out"))
    assert res.exit_code == 1, res.output
    result = check_draft(draft, region="湘西州", period="2021年1-6月", workspace=workspace,
                         out_dir=tmp_path / "out")  # fmt: skip
    flagged = sorted(
        (v.fact.indicator_code, v.fact.measure, v.fact.value, v.stored)
        for v in result.contradictions
    )
    assert flagged == [
        ("above_scale_firms", "count", 896, 869.0),
        ("fai", "rank", 5, 4.0),
        ("tax_gdp_share", "rank", 3, 2.0),
        ("tourism_revenue", "level", 314.4, 304.4),
        ("tourism_revenue", "rank", 3, 2.0),
        ("tourists", "rank", 3, 2.0),
    ]
    seed = tmp_path / "原稿.txt"
    seed.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    res = _cli(workspace, seed, "--out", str(tmp_path / "out"))
    assert res.exit_code == 0, res.output
    assert "矛盾 0" in res.output


def test_seed_ranks_agree_with_the_analysis(workspace, tmp_path):
    """Every rank the seed states among 全省 is checked (none left 无数据 for lack of a rank),
    each indicator of `三项指标增速均居全省第一` on its own."""
    result = _check(workspace, tmp_path, SEED.read_text(encoding="utf-8"))
    ranks = {
        v.fact.indicator_code: (v.status, v.stored)
        for v in result.verdicts
        if v.fact.measure == "rank" and v.fact.indicator_code
    }
    assert ranks == {
        "gdp": ("agrees", 1.0),
        "industry_va": ("agrees", 1.0),
        "domestic_capital": ("agrees", 1.0),
        "tax": ("agrees", 2.0),
        "loans": ("agrees", 2.0),
        "fai": ("agrees", 4.0),
        "tax_gdp_share": ("agrees", 2.0),
        "investment_attraction": ("agrees", 1.0),
        "tourists": ("agrees", 2.0),
        "tourism_revenue": ("agrees", 2.0),
    }


def test_rank_among_a_custom_set_is_no_data(workspace, tmp_path):
    """A rank among a set the store cannot rank is 无数据, never a contradiction."""
    result = _check(workspace, tmp_path, "1-6月，在洞庭湖区域3市中，全州地区生产总值增速排第3位。")
    ranks = [v for v in result.verdicts if v.fact.measure == "rank"]
    assert [v.status for v in ranks] == ["no_data"]


def test_shares_gaps_counts_completion_and_other_periods(workspace, tmp_path):
    """Shares, gaps to the province and to another indicator, counts, target completion and a
    figure of another period are held against the store; a wrong one contradicts."""
    text = (
        "1-6月，全州招商引资到位资金80亿元，完成全年目标的53.3%。"
        "全州地区生产总值增长14.1%，高于全省1.5个百分点。"
        "全州“四上”企业869家，占全省的1.9%。新增入规企业26家。"
        "1-3月，全州地区生产总值增长20.1%。"
    )
    good = _check(workspace, tmp_path, text)
    statuses = [(v.fact.measure, v.fact.value, v.status) for v in good.verdicts]
    assert ("completed", 53.3, "agrees") in statuses
    assert ("pp_diff", 1.5, "agrees") in statuses
    assert ("share_pct", 1.9, "agrees") in statuses
    assert ("count", 26, "agrees") in statuses
    assert ("growth_pct", 20.1, "agrees") in statuses  # 1-3月 against 1-3月
    assert good.contradictions == []
    wrong = text.replace("53.3%", "58.3%").replace("1.5个百分点", "2.5个百分点")
    wrong = wrong.replace("1.9%", "2.9%").replace("26家", "36家").replace("20.1%", "14.1%")
    bad = _check(workspace, tmp_path, wrong)
    # the province's growth the gap implies (14.1 − 2.5) contradicts too
    assert sorted((v.fact.measure, v.fact.derived) for v in bad.contradictions) == [
        ("completed", False), ("count", False), ("growth_pct", False), ("growth_pct", True),
        ("pp_diff", False), ("share_pct", False),
    ]  # fmt: skip


def test_highlight_is_exactly_the_figure_after_stray_commas(workspace, tmp_path):
    """Stray `,,` earlier in a .txt do not shift the highlight: it marks exactly `23.9%`."""
    text = (
        "讲话——某某,,7月21日,,(精选)\n\n1-6月，全州社会消费品零售总额增长23.9%，旅游收入304.4亿元。"
    )
    result = _check(workspace, tmp_path, text)
    html = result.html_path.read_text(encoding="utf-8")
    marked = [chunk.split("</mark>")[0].split(">", 1)[1] for chunk in html.split("<mark")[4:]]
    assert marked == ["23.9%", "304.4亿元"]


def test_word_comment_sits_on_the_figure_run(workspace, tmp_path):
    """In a .docx draft the comment covers the contradicting figure's run, not the paragraph."""
    draft = tmp_path / "稿.docx"
    document = docx.Document()
    document.add_paragraph("1-6月，全州接待游客3822.1万人次，增长1.5倍。")
    document.save(str(draft))
    result = check_draft(draft, region="湘西州", period="2021年1-6月", workspace=workspace)
    assert len(result.contradictions) == 1
    copy = docx.Document(str(result.docx_path))
    paragraph = copy.paragraphs[0]
    assert paragraph.text == "1-6月，全州接待游客3822.1万人次，增长1.5倍。"
    xml = paragraph._p.xml
    start = xml.index("commentRangeStart")
    end = xml.index("commentRangeEnd")
    inside = "".join(t.text for t in paragraph._p.iter() if t.tag.endswith("}t")
                     and start < xml.index(t.text) < end)  # fmt: skip
    assert inside == "3822.1万人次"


def test_json_and_csv_records(workspace, tmp_path):
    """--format json|csv writes one record per figure with verdict, stored value, release and
    source; the summary goes to stderr."""
    draft = tmp_path / "稿.txt"
    draft.write_text("1-6月，全州接待游客3822.1万人次，旅游收入304.4亿元。", encoding="utf-8")
    runner = CliRunner()
    args = ["check", str(draft), "-r", "湘西州", "-p", "2021年1-6月", "-w", str(workspace)]
    res = runner.invoke(app, [*args, "--format", "json"])
    assert res.exit_code == 1
    rows = json.loads(res.stdout)
    assert [(r["figure"], r["verdict"], r["stored"], r["release"]) for r in rows] == [
        ("3822.1万人次", "矛盾", 3722.1, 1),
        ("304.4亿元", "一致", 304.4, 1),
    ]
    assert rows[0]["source"].startswith("xiangxi_2020-2021.csv")
    res = runner.invoke(app, [*args, "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [r["verdict"] for r in table] == ["矛盾", "一致"]
    assert "矛盾 1" in res.stderr


def test_as_of_checks_against_an_earlier_release(tmp_path):
    """`check --as-of 1` holds the draft against the figures before a later revision."""
    ws = tmp_path / "ws"
    load_sample(ws)
    revision = tmp_path / "修订.csv"
    revision.write_text(
        "地区,指标,时期,数值,单位\n湘西州,旅游收入,2021年1-6月,310.2,亿元\n", encoding="utf-8"
    )
    runner = CliRunner()
    assert runner.invoke(app, ["-w", str(ws), "import", str(revision)]).exit_code == 0
    draft = tmp_path / "稿.txt"
    draft.write_text("1-6月，全州实现旅游收入304.4亿元。", encoding="utf-8")
    args = ["-w", str(ws), "check", str(draft), "-r", "湘西州", "-p", "2021年1-6月"]
    now = runner.invoke(app, [*args, "-f", "json"])
    assert now.exit_code == 1
    assert json.loads(now.stdout)[0]["stored"] == 310.2
    before = runner.invoke(app, [*args, "-f", "json", "--as-of", "1"])
    assert before.exit_code == 0, before.output
    assert json.loads(before.stdout)[0]["release"] == 1
