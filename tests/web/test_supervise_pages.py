"""The 督查督办 overview page states the ledger's counts, lights and laggards (hand-counted in
tests/supervise/test_ledger.py), and a unit's pages show only its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


def _counts(html: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r'<b id="n-([a-z-]+)">(\d+)</b>', html)}


def test_overview_states_the_ledger_counts(clients) -> None:
    """湘西州 2021年1-6月: 31 tasks (8 closed), 30 projects (5 red, 7 yellow), 137/95 problems."""
    r = clients["领导"].get("/supervise?region=湘西州&period=2021年1-6月")
    assert r.status_code == 200
    n = _counts(r.text)
    assert (n["tasks"], n["tasks-closed"], n["projects"], n["red"], n["yellow"]) == (
        31,
        8,
        30,
        5,
        7,
    )
    assert (n["problems"], n["problems-closed"]) == (137, 95)
    assert "梳理问题137个，已完成95个，尚有42个正在推进。" in r.text
    assert "重点项目按包联领导汇总" in r.text


def test_a_county_sees_its_own_projects_only(clients) -> None:
    """吉首市's overview counts only 吉首市's projects; another county's project page is 404."""
    r = clients["吉首市填报员"].get("/supervise?period=2021年1-6月")
    n = _counts(r.text)
    assert n["projects"] == 3  # XM2021-001, -009, -017 of the sample are 吉首市's
    api = clients["吉首市填报员"].get("/api/v1/projects").json()
    assert sorted(p["code"] for p in api) == ["XM2021-001", "XM2021-009", "XM2021-017"]
    other = clients["领导"].get("/api/v1/projects?region=泸溪县").json()[0]["id"]
    assert clients["吉首市填报员"].get(f"/supervise/projects/{other}").status_code == 404


@pytest.mark.parametrize("who", ["督查员", "管理员"])
def test_notice_and_ledger_downloads(clients, who) -> None:
    """The 督查通报 (.docx) and the 台账 (.xlsx) download as Office files."""
    r = clients[who].get("/supervise/notice.docx?region=湘西州&period=2021年1-6月")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    r = clients[who].get("/supervise/ledger/export.xlsx")
    assert r.status_code == 200 and r.content[:2] == b"PK"


def test_pages_without_a_period_use_the_newest_reported_month(clients) -> None:
    """Opened from the menu, the overview judges projects at the newest month reported (June)."""
    page = clients["领导"].get("/supervise?region=湘西州").text
    assert "督查督办 湘西州 2021年1-6月" in page
    assert _counts(page)["red"] == 5


def test_ledger_upload_shows_each_error_and_writes_nothing(clients, csrf_of, tmp_path) -> None:
    """A bad ledger uploaded in the page lists sheet, row, column and value; nothing is added."""
    from openpyxl import load_workbook

    ledger = "湘西州督查台账2021（示例数据）.xlsx"
    LEDGER = Path(__file__).parents[2] / "examples" / "supervise" / ledger
    wb = load_workbook(LEDGER)
    wb["重点项目"]["A3"] = "XM2021-901"  # new codes, so only the bad cell is an error
    for i, row in enumerate(wb["重点项目"].iter_rows(min_row=4), start=902):
        row[0].value = f"XM2021-{i}"
    wb["重点项目"]["I5"] = "十亿"
    for sheet in ("项目月度调度", "督办事项", "问题清单"):
        del wb[sheet]
    bad = tmp_path / "台账.xlsx"
    wb.save(bad)
    sup = clients["督查员"]
    before = len(sup.get("/api/v1/projects").json())
    with bad.open("rb") as fh:
        r = sup.post(
            "/supervise/ledger",
            data={"csrf_token": csrf_of(sup)},
            files={"file": ("台账.xlsx", fh, "application/octet-stream")},
        )
    assert r.status_code == 422
    assert "<td>重点项目</td><td>5</td><td>I</td><td>十亿</td>" in r.text
    assert len(sup.get("/api/v1/projects").json()) == before


def test_inspection_form_on_the_scores_page(clients, csrf_of) -> None:
    """The office records a quarterly inspection in the page; a unit may not, and sees its own."""
    sup, jishou = clients["督查员"], clients["吉首市填报员"]
    form = {
        "year": "2021",
        "quarter": "2",
        "unit": "吉首市",
        "finding": "月度调度台账齐全",
        "rating": "较好",
    }
    denied = jishou.post("/supervise/inspections", data={**form, "csrf_token": csrf_of(jishou)})
    assert denied.status_code == 403
    r = sup.post("/supervise/inspections", data={**form, "csrf_token": csrf_of(sup)})
    assert r.status_code == 200 and "月度调度台账齐全" in r.text  # after the redirect
    own = jishou.get("/supervise/scores?year=2021&quarter=2").text
    assert "月度调度台账齐全" in own and "<td>较好</td>" in own
