"""Rounds end to end in the library: open, fill, 409 on a stale save, checks, states, publish."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from xingshi.access import AuditFilter, list_events
from xingshi.collect import (
    StaleSave,
    approve,
    assignment_view,
    check_values,
    open_round,
    publish,
    return_assignment,
    round_status,
    save_values,
    submit,
)
from xingshi.errors import Conflict, ImportRejected, PermissionDenied

PERIOD = "2021年1-7月"
ITEMS = ["地方财政收入", "税收收入"]
FUTURE = date.today() + timedelta(days=30)


def _prev(ws, region: str, indicator: str, period: str) -> dict:
    code = ws.regions.resolve(region).code
    obs = ws.store.observations(regions=[code], indicators=[indicator], periods=[period])
    return obs.row(0, named=True)


def _values(ws, region: str) -> list[dict]:
    """Plausible figures: the sample's 1-7月 raised by 0.1%, growth recomputed from 2020."""
    out = []
    for ind in ITEMS:
        code = ws.indicators.resolve(ind).code
        base = _prev(ws, region, code, "2020年1-7月")["level"]
        level = round(_prev(ws, region, code, PERIOD)["level"] * 1.001, 4)
        growth = round((level / base - 1) * 100, 2)
        out.append({"indicator": ind, "level": level, "growth_pct": growth, "version": 0})
    return out


def test_round_lifecycle(ws) -> None:
    """A round for 湘西州's counties goes 未报→草稿→已报→退回→已报→已审 and publishes as one
    release whose figures carry the round as source; every transition is audited."""
    u = ws.users
    rnd = open_round(ws, u["shenhe"], period=PERIOD, items=ITEMS, parent="湘西州", due=FUTURE)
    assert len(rnd["assignments"]) == 8
    assert {a["state"] for a in rnd["assignments"]} == {"未报"}
    rid = rnd["id"]

    view = save_values(ws, u["jishou"], rid, "吉首市", _values(ws, "吉首市"))
    assert view["state"] == "草稿" and all(f["version"] == 1 for f in view["values"])
    assert view["values"][0]["previous"]["period"] == "2021年1-6月"
    assert view["values"][0]["last_year"]["period"] == "2020年1-7月"

    submit(ws, u["jishou"], rid, "吉首市")
    with pytest.raises(Conflict):  # submitted figures cannot be changed by the county
        save_values(ws, u["jishou"], rid, "吉首市", _values(ws, "吉首市"))
    return_assignment(ws, u["shenhe"], rid, "吉首市", "税收收入请核实")
    st = round_status(ws, rid, u["jishou"])
    assert [a["region"] for a in st["assignments"]] == ["吉首市"]  # a county sees only itself
    assert st["assignments"][0]["state"] == "退回"
    assert st["assignments"][0]["return_reason"] == "税收收入请核实"
    vals = _values(ws, "吉首市")
    for v in vals:
        v["version"] = 1
    vals[1]["level"] = round(vals[1]["level"] * 1.001, 4)  # the corrected 税收收入
    save_values(ws, u["jishou"], rid, "吉首市", vals)
    submit(ws, u["jishou"], rid, "吉首市")
    approve(ws, u["shenhe"], rid, "吉首市")

    out = publish(ws, u["fabu"], rid)
    assert out["source"] == f"填报:round/{rid}" and out["units"] == ["433101"]
    assert len(out["pending"]) == 7
    rel = ws.store.releases().filter(lambda_source(rid))
    assert rel.height == 1
    obs = ws.store.observations(regions=["433101"], periods=[PERIOD], indicators=["local_fiscal"])
    row = obs.row(0, named=True)
    assert row["source_file"] == f"填报:round/{rid}" and "jishou" in row["note"]
    assert row["release_id"] == out["release_id"]

    actions = list_events(ws.store.engine, AuditFilter(action="collect"))
    states = [
        json.loads(r["after"])["state"]
        for r in actions.filter(actions["action"] == "collect.state").iter_rows(named=True)
    ]
    assert states[::-1] == ["草稿", "已报", "退回", "已报", "已审"]
    assert "collect.round.publish" in actions["action"].to_list()
    assert "collect.round.open" in actions["action"].to_list()


def lambda_source(rid: int):
    import polars as pl

    return pl.col("source_file") == f"填报:round/{rid}"


def test_stale_save_is_refused_with_both_values(ws) -> None:
    """Two saves based on the same version: the second gets StaleSave naming both values and
    the stored figure stays the first one."""
    u = ws.users
    rid = open_round(ws, u["shenhe"], period=PERIOD, items=ITEMS, parent="湘西州",
                     due=FUTURE.isoformat())["id"]  # fmt: skip
    first = _values(ws, "泸溪县")
    save_values(ws, u["luxi"], rid, "泸溪县", first)
    second = [dict(v, level=v["level"] + 1) for v in first]  # still based on version 0
    with pytest.raises(StaleSave) as exc:
        save_values(ws, u["luxi"], rid, "泸溪县", second)
    c = exc.value.conflicts[0]
    assert c["yours"]["level"] == second[0]["level"]
    assert c["theirs"]["level"] == first[0]["level"] and c["theirs"]["version"] == 1
    view = assignment_view(ws, u["luxi"], rid, "泸溪县")
    assert view["values"][0]["level"] == first[0]["level"]


def test_scope_checks_and_field_rules(ws) -> None:
    """A county cannot write another county's figures; a cumulative value below last month's
    is reported at its field; warnings block submission until explained."""
    u = ws.users
    rid = open_round(ws, u["shenhe"], period=PERIOD, items=ITEMS, parent="湘西州",
                     due=FUTURE)["id"]  # fmt: skip
    with pytest.raises(PermissionDenied):
        save_values(ws, u["jishou"], rid, "泸溪县", _values(ws, "泸溪县"))
    with pytest.raises(PermissionDenied):
        approve(ws, u["jishou"], rid, "吉首市")
    code = ws.indicators.resolve("地方财政收入").code
    june = _prev(ws, "433101", code, "2021年1-6月")["level"]
    found = check_values(ws, rid, "吉首市", [{"indicator": code, "level": june - 1}])
    low = [f for f in found if f.rule == "cumulative_decrease"]
    assert low and low[0].where.row == 2 and low[0].where.column == "D"
    assert "低于" in low[0].message
    bad = check_values(ws, rid, "吉首市", [{"indicator": code, "level": "十二"}])
    assert [f.rule for f in bad if f.severity == "error"] == ["not_a_number"]
    vals = _values(ws, "吉首市")
    vals[0]["level"] = june - 1  # a warning: below the stored 1-6月
    save_values(ws, u["jishou"], rid, "吉首市", vals)
    with pytest.raises(ImportRejected) as exc:
        submit(ws, u["jishou"], rid, "吉首市")
    assert "情况说明" in exc.value.message
    submit(ws, u["jishou"], rid, "吉首市", explanation="1-6月数据待修订，以本期为准")
    assert round_status(ws, rid, u["shenhe"])["counts"]["已报"] == 1


def test_due_dates_in_working_days() -> None:
    """月后N日 is the N-th working day after the period's last month; ISO dates pass through."""
    from xingshi.catalog.periods import parse_period
    from xingshi.collect import parse_due

    p = parse_period(PERIOD)
    assert parse_due("月后10日", p) == date(2021, 8, 13)  # 2021-07-31 is a Saturday
    assert parse_due("月后1个工作日", p) == date(2021, 8, 2)
    assert parse_due("2021-08-20", p) == date(2021, 8, 20)
    with pytest.raises(Exception, match="无法识别"):
        parse_due("下月初", p)


def test_revision_after_publishing_is_a_new_vintage(ws) -> None:
    """A published figure corrected through a revision (退回 of an approved unit, resubmit,
    approve, publish) becomes a new vintage: as of the first release the old figure stays,
    and the field's history keeps every version with who saved it."""
    from xingshi.collect import value_history

    u = ws.users
    rid = open_round(ws, u["shenhe"], period=PERIOD, items=ITEMS, units=["吉首市"],
                     due=FUTURE)["id"]  # fmt: skip
    vals = _values(ws, "吉首市")
    save_values(ws, u["jishou"], rid, "吉首市", vals)
    submit(ws, u["jishou"], rid, "吉首市")
    approve(ws, u["shenhe"], rid, "吉首市")
    first = publish(ws, u["fabu"], rid)
    return_assignment(ws, u["shenhe"], rid, "吉首市", "修订：地方财政收入按决算调整")
    fixed = dict(vals[0], level=round(vals[0]["level"] * 1.0005, 4), version=1)
    save_values(ws, u["jishou"], rid, "吉首市", [fixed])
    submit(ws, u["jishou"], rid, "吉首市", explanation="按决算调整")
    approve(ws, u["shenhe"], rid, "吉首市")
    second = publish(ws, u["fabu"], rid)
    assert second["release_id"] > first["release_id"]
    assert (second["updated"], second["unchanged"]) == (1, 1)
    code = ws.indicators.resolve(ITEMS[0]).code
    now = ws.store.observations(regions=["433101"], indicators=[code], periods=[PERIOD])
    old = ws.store.observations(
        regions=["433101"], indicators=[code], periods=[PERIOD], as_of=first["release_id"]
    )
    assert now["level"][0] == fixed["level"] and old["level"][0] == vals[0]["level"]
    hist = [h for h in value_history(ws, u["jishou"], rid, "吉首市") if h["indicator"] == code]
    assert [(h["version"], h["state"], h["by"]) for h in hist] == [
        (1, "未报", "jishou"),
        (2, "退回", "jishou"),
    ]
    assert round_status(ws, rid)["publications"] == 2


def test_cross_unit_check_counties_against_the_prefecture(ws) -> None:
    """When all 8 counties have reported, their sum is checked against 湘西州's figure: close
    figures pass, one county's slip makes a sum_mismatch warning naming the gap."""
    from xingshi.collect import cross_checks

    u = ws.users
    rid = open_round(ws, u["shenhe"], period=PERIOD,
                     items=[{"indicator": "地方财政收入", "growth": False}], parent="湘西州",
                     due=FUTURE)["id"]  # fmt: skip
    obs = ws.store.observations(indicators=["local_fiscal"], periods=[PERIOD])
    levels = dict(zip(obs["region_code"], obs["level"], strict=True))
    children = [r.code for r in ws.regions.children("433100")]
    for code in children[:-1]:
        save_values(ws, None, rid, code, [{"indicator": "local_fiscal",
                                           "level": levels[code], "version": 0}])  # fmt: skip
    assert cross_checks(ws, rid) == []  # not everyone has reported yet
    last = children[-1]
    save_values(ws, None, rid, last, [{"indicator": "local_fiscal", "level": levels[last],
                                       "version": 0}])  # fmt: skip
    assert [f.rule for f in cross_checks(ws, rid)] == []
    slip = levels[last] + levels["433100"] * 0.12
    save_values(ws, None, rid, last, [{"indicator": "local_fiscal", "level": slip,
                                       "version": 1}])  # fmt: skip
    found = cross_checks(ws, rid, u["shenhe"])
    assert [f.rule for f in found] == ["sum_mismatch"]
    assert "8 个下级合计" in found[0].message


def test_a_county_with_an_ambiguous_name_is_a_county_not_a_department(ws) -> None:
    """永定区 names two counties (福建, 湖南): its bureau's unit, given its region, is a 县市区,
    so its 填报员 reports its own assignment and is not confined as a department is."""
    from xingshi.access import add_user

    p = add_user(ws.store.engine, ws.regions, username="yongding", password="测试密码-2021",
                 unit="永定区", role="填报员", region="430802")  # fmt: skip
    assert (p.unit_kind, p.unit_region, p.is_department) == ("县市区", "430802", False)
    rid = open_round(ws, None, period=PERIOD, items=["税收收入"], units=["430802"],
                     due=FUTURE)["id"]  # fmt: skip
    out = save_values(ws, p, rid, "430802", [{"indicator": "税收收入", "level": 1.5,
                                             "version": 0}])  # fmt: skip
    assert out["state"] == "草稿" and out["can_report"]
