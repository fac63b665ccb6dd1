"""A red indicator opens a task for its responsible unit; the task says when it turns green;
the briefing's follow-up section counts from the ledger."""

from __future__ import annotations

from datetime import date

import pytest

from xingshi.errors import Conflict, InputError
from xingshi.supervise.findings import indicator_status, task_from_finding
from xingshi.supervise.tasks import get_task

from .conftest import LEDGER


@pytest.fixture
def sample_ws(workspace):
    from xingshi.sample import load_sample

    load_sample(workspace)
    return workspace


def test_red_indicator_opens_a_task_with_the_finding(sample_ws, supervisor) -> None:
    """新增入规企业数 of 湘西州 is red in 2021年1-6月: the task goes to 州工业和信息化局."""
    tid = task_from_finding(
        sample_ws,
        "湘西州",
        "新增入规企业数",
        "2021年1-6月",
        actor=supervisor,
        today=date(2021, 7, 12),
    )
    t = get_task(sample_ws.store.engine, tid)
    assert t["lead_unit"] == "州工业和信息化局" and t["source"] == "红灯指标"
    assert t["title"] == "湘西州新增入规企业数红灯督办（2021年1-6月）"
    assert t["due"] == "2021-08-09"  # 20 working days after 12 July 2021
    f = t["finding"]
    assert (f["region_code"], f["indicator"], f["period"], f["light"]) == (
        "433100",
        "new_industrial_firms",
        "2021年1-6月",
        "red",
    )
    assert f["release"] == sample_ws.store.latest_release_id()
    assert round(f["completion_pct"], 1) == 16.2 and f["time_progress_pct"] == 50.0
    assert "落后时间进度33.8个百分点" in t["source_detail"]
    with pytest.raises(Conflict):  # one open task per indicator
        task_from_finding(sample_ws, "湘西州", "新增入规企业数", "2021年1-6月", actor=supervisor)


def test_green_or_unmapped_indicators_open_nothing(sample_ws, supervisor) -> None:
    """A green indicator is a 409; an indicator without a responsible unit names the setting."""
    with pytest.raises(Conflict) as err:
        task_from_finding(sample_ws, "湘西州", "地区生产总值", "2021年1-6月", actor=supervisor)
    assert "无需督办" in err.value.message
    with pytest.raises(InputError) as err:
        task_from_finding(sample_ws, "湘西州", "减税降费", "2021年1-6月", actor=supervisor)
    assert "indicator_units" in err.value.hint


def test_task_says_when_the_indicator_turns_green(sample_ws, supervisor, tmp_path) -> None:
    """Still red in the latest period; after a corrected release reaching the target, green."""
    from xingshi.ingest import import_files

    tid = task_from_finding(sample_ws, "湘西州", "新增入规企业数", "2021年1-6月", actor=supervisor)
    task = get_task(sample_ws.store.engine, tid)
    before = indicator_status(sample_ws, task)
    assert before["period"] == "2021年1-12月" and before["light"] == "red"
    assert before["text"] == "新增入规企业数2021年1-12月仍为红灯"
    fix = tmp_path / "更正.csv"
    fix.write_text(
        "地区,指标,时期,数值,单位\n湘西州,新增入规企业数,2021年1-12月,165,家\n", encoding="utf-8"
    )
    import_files(sample_ws, [fix])
    after = indicator_status(sample_ws, task)
    assert after["turned_green"] and after["text"] == "新增入规企业数2021年1-12月已转为绿灯"


def test_briefing_follow_up_counts_from_the_ledger(sample_ws, tmp_path) -> None:
    """The briefing of 湘西州 2021年1-6月 ends with the 督查督办 section counted from the ledger."""
    from xingshi.jobs import make_briefing
    from xingshi.supervise.ledger import import_ledger

    import_ledger(sample_ws.store, sample_ws.regions, LEDGER)
    brief, paths = make_briefing(sample_ws, "湘西州", "2021年1-6月", tmp_path / "out")
    section = brief.sections[-1]
    assert section.title == "四、督查督办情况"
    text = "\n".join(p.text for p in section.paragraphs)
    assert "湘西州31项重点督办事项，已审核销号8项" in text
    assert "30个重点项目" in text and "亮红灯5个、黄灯7个" in text
    assert "梳理问题137个，已完成95个，尚有42个正在推进。" in text
    from docx import Document

    body = "\n".join(p.text for p in Document(paths.docx).paragraphs)
    assert "四、督查督办情况" in body and "梳理问题137个" in body
