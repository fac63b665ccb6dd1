"""The pages' content on the sample: dashboard figures, map geometry, warnings filter,
releases, briefing and draft-check downloads (scope-checked), and `xingshi serve`'s set-up."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
from typer.testing import CliRunner

from xingshi.cli import app as cli_app
from xingshi.web.views import load_geometry


def test_home_goes_to_the_users_own_region(clients) -> None:
    """/ redirects a county user to its county's latest period, the leader to 湘西州's."""
    from urllib.parse import unquote

    r = clients["吉首市填报员"].get("/", follow_redirects=False)
    assert unquote(r.headers["location"]) == "/dashboard?region=433101&period=2021年1-12月"
    r = clients["领导"].get("/", follow_redirects=False)
    assert r.headers["location"].startswith("/dashboard?region=433100&period=")


def test_dashboard_shows_table_matrix_map_and_trends(clients) -> None:
    """湘西州 2021年1-6月: GDP 368.62亿元 +14.1%, 1.5 points above 湖南, first of 14; eight
    counties in the matrix and on the sketch map; trend data for this year and last."""
    page = clients["领导"].get("/dashboard?region=湘西州&period=2021年1-6月").text
    row = re.search(r"<td>地区生产总值</td>(.*?)</tr>", page, re.S).group(1)
    cells = [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]
    assert cells[:5] == ["368.62", "亿元", "14.1", "+1.5", "1/14"]
    assert cells[-1] == "绿"
    matrix = re.search(r'<table class="matrix">(.*?)</table>', page, re.S).group(1)
    assert re.findall(r'region=(\d+)&', matrix) == [
        "433101", "433122", "433123", "433124", "433125", "433126", "433127", "433130"
    ]  # fmt: skip
    data = json.loads(re.search(r'id="chart-data">(.*?)</script>', page, re.S).group(1))
    assert len(data["map"]["data"]) == 8 and data["map"]["geo"]["features"]
    names = {f["properties"]["name"] for f in data["map"]["geo"]["features"]}
    assert {d["name"] for d in data["map"]["data"]} == names
    assert "示意图" in page
    gdp = next(t for t in data["trends"] if t["indicator"] == "gdp")
    assert set(gdp["series"]) == {"2020", "2021"} and gdp["series"]["2021"][5] == 14.1


def test_workspace_boundaries_take_precedence_and_absent_geometry_gives_none(tmp_path) -> None:
    """A boundaries/<code>.geojson in the workspace is used as given; with none, no geometry."""
    (tmp_path / "boundaries").mkdir()
    ring = [[109, 28], [110, 28], [110, 29], [109, 28]]
    feature = {"type": "Feature", "properties": {"name": "吉首市"},
               "geometry": {"type": "Polygon", "coordinates": [ring]}}  # fmt: skip
    geo = {"type": "FeatureCollection", "features": [feature]}
    (tmp_path / "boundaries" / "433100.geojson").write_text(json.dumps(geo), encoding="utf-8")
    found, note = load_geometry(tmp_path, "433100", ["吉首市"])
    assert found == geo and note is None
    assert load_geometry(tmp_path, "430100", ["芙蓉区"]) == (None, None)
    shipped, note = load_geometry(tmp_path / "none", "430000", ["长沙市"])
    assert len(shipped["features"]) == 14 and "示意图" in note


def test_warnings_filter_by_rule_and_indicator(clients) -> None:
    """Filtering by 落后时间进度 lists only those findings; an indicator narrows further."""
    c = clients["领导"]
    every = c.get("/warnings?region=湘西州&period=2021年1-6月").text
    some = c.get("/warnings?region=湘西州&period=2021年1-6月&rule=behind_time_progress").text
    n_all = int(re.search(r"<p>(\d+) 条</p>", every).group(1))
    n_some = int(re.search(r"<p>(\d+) 条</p>", some).group(1))
    assert 0 < n_some < n_all
    assert some.count("落后时间进度</span>") == n_some
    one = c.get("/warnings?region=湘西州&period=2021年1-6月&rule=behind_time_progress"
                "&indicator=新增入规企业数").text  # fmt: skip
    n_one = int(re.search(r"<p>(\d+) 条</p>", one).group(1))
    assert 0 < n_one < n_some
    assert one.count("<td>新增入规企业数</td>") == n_one
    assert "湘西州新增入规企业数完成目标的16.2%" in one


def test_releases_page_lists_each_release_with_counts(clients) -> None:
    """The 版本 page shows the three sample releases with their inserted counts."""
    page = clients["吉首市填报员"].get("/releases").text
    for name, inserted in (("xiangxi_2020-2021.csv", 4062), ("targets_2021.csv", 160)):
        assert re.search(rf"<td>{re.escape(name)}</td><td class=\"n\">{inserted}</td>", page)
    assert "数据截至：版本" in page


def test_briefing_downloads_are_scope_checked(app, clients, csrf_of) -> None:
    """The leader's 湘西州 briefing downloads as docx, html and xlsx; a county user is refused."""
    leader = clients["领导"]
    r = leader.post("/briefs", data={"region": "湘西州", "period": "2021年1-6月",
                                      "csrf_token": csrf_of(leader)})  # fmt: skip
    links = re.findall(r'href="(/briefs/[0-9a-f]+/[^"]+)"', r.text)
    assert [link.rsplit("/", 1)[1] for link in links] == ["briefing.docx", "briefing.html",
                                                          "tables.xlsx"]  # fmt: skip
    for link in links:
        got = leader.get(link)
        assert got.status_code == 200 and len(got.content) > 1000
    text = "\n".join(
        p.text for p in docx.Document(io.BytesIO(leader.get(links[0]).content)).paragraphs
    )
    assert "湘西州" in text
    assert clients["吉首市填报员"].get(links[0]).status_code == 403
    assert leader.get(links[0].rsplit("/", 1)[0] + "/../meta.json").status_code in (400, 404)


def test_a_checked_draft_comes_back_marked_with_comments(clients, csrf_of) -> None:
    """A .docx draft with a wrong GDP growth is marked 矛盾 and returned with Word comments."""
    d = docx.Document()
    d.add_paragraph("上半年，全州地区生产总值368.62亿元，增长15.0%。")
    buf = io.BytesIO()
    d.save(buf)
    leader = clients["领导"]
    form = {"region": "湘西州", "period": "2021年1-6月", "csrf_token": csrf_of(leader)}
    r = leader.post("/checks", data=form, files={"file": ("草稿.docx", buf.getvalue())})
    assert r.status_code == 200, r.text
    assert '<mark class="contradicts">矛盾</mark>' in r.text
    assert '<mark class="agrees">一致</mark>' in r.text
    link = re.search(r'href="(/checks/[0-9a-f]+/draft\.核对\.docx)"', r.text).group(1)
    got = leader.get(link)
    with zipfile.ZipFile(io.BytesIO(got.content)) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "14.1" in comments
    assert clients["泸溪县填报员"].get(link).status_code == 403


def test_serve_refuses_a_missing_workspace_and_demo_keeps_other_folders(tmp_path: Path) -> None:
    """`xingshi serve` on no workspace exits 2 in Chinese; the demo set-up never overwrites a
    folder it did not make, and makes three accounts in one it did."""
    from xingshi.errors import WorkspaceError
    from xingshi.web.demo import prepare_demo

    out = CliRunner().invoke(cli_app, ["serve", "-w", str(tmp_path / "无")])
    assert out.exit_code == 2 and "工作区目录不存在" in out.output.replace("\n", "")
    (tmp_path / "mine").mkdir()
    try:
        prepare_demo(tmp_path / "mine")
    except WorkspaceError as exc:
        assert "不会覆盖" in exc.message
    else:
        raise AssertionError("prepare_demo overwrote a folder")
    accounts = prepare_demo(tmp_path / "demo")
    assert [a[0] for a in accounts] == ["admin", "jishou", "lingdao"]
    assert all(len(a[1]) >= 12 for a in accounts)
    again = prepare_demo(tmp_path / "demo")  # a demo folder is replaced
    assert again[0][1] != accounts[0][1]


def test_every_page_offers_as_of_any_release(clients) -> None:
    """The bar under the menu names the release the page shows and lets the user pick another."""
    c = clients["领导"]
    for url in ("/dashboard?region=湘西州&period=2021年1-6月", "/warnings", "/releases", "/briefs"):
        page = c.get(url).text
        assert re.search(r"数据截至：版本 3（\d{4}-\d\d-\d\d \d\d:\d\d）", page), url
        assert page.count('<option value="1">版本 1 · xiangxi_2020-2021.csv</option>') == 1
    page = c.get("/dashboard?region=湘西州&period=2021年1-6月&as_of=1").text
    assert "数据截至：版本 1" in page
    assert '<input type="hidden" name="period" value="2021年1-6月">' in page
