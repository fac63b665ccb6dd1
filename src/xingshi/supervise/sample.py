"""The sample ledger of 湘西州 for 2021 (示例数据（模拟）): 30 key projects with monthly reports
for January to June, 31 supervised tasks and 137 problems of which 95 are closed.

Deterministic: the same workbook every time (fixed seed, fixed dates, fixed file metadata).
`examples/supervise/make_ledger.py` writes it; `xingshi ledger import` reads it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from xingshi.supervise.ledger_layout import (
    PROBLEM_HEADERS,
    PROJECT_HEADERS,
    REPORT_HEADERS,
    TASK_HEADERS,
    write_workbook,
)

SAMPLE_NOTE = "示例数据（模拟）"
SAMPLE_TODAY = date(2021, 7, 12)  # the day the sample ledger describes
COUNTIES = ("吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "古丈县", "永顺县", "龙山县")
LEADERS = ("刘某某", "张某某", "向某某", "彭某某", "杨某某", "龙某某")
DEPARTMENTS = (
    "州发展和改革委员会",
    "州工业和信息化局",
    "州商务局",
    "州财政局",
    "州住房和城乡建设局",
    "州农业农村局",
    "州文化旅游广电局",
    "州交通运输局",
    "州自然资源和规划局",
    "州生态环境局",
)
KINDS = (
    "产业园标准厂房",
    "农产品加工园",
    "全域旅游景区提质",
    "城区道路改造",
    "污水处理厂扩建",
    "学校新建",
    "人民医院综合楼",
    "高速公路连接线",
    "农村供水保障",
    "物流园",
)
CATEGORIES = ("省重点", "州重点", "中央预算内", "专项债")
TASK_THEMES = (
    "规模工业增加值增速回升",
    "固定资产投资项目入库纳统",
    "社会消费品零售总额提速",
    "招商引资到位资金",
    "新增规模以上工业企业培育",
    "重点项目开工率",
    "财政收入质量提升",
    "旅游接待人次恢复",
    "营商环境优化",
    "乡村振兴衔接资金拨付",
    "中小企业纾困",
    "专项债券资金使用",
    "城镇新增就业",
    "农民工转移就业",
    "空气质量优良率",
    "河长制问题整改",
    "安全生产隐患整改",
    "稳岗补贴发放",
    "园区标准厂房入驻",
    "金融机构贷款投放",
    "外贸进出口",
    "数字经济发展",
    "农产品品牌建设",
    "矿业秩序整治",
    "城乡客运一体化",
    "老旧小区改造",
    "医疗机构能力提升",
    "义务教育学位保障",
    "地方政府债务化解",
    "电力保障",
    "营商环境投诉办理",
)
# (light kind, completion share of the year's plan by June in %) for the 30 projects
PLAN = [("green", 48 + i * 1.5) for i in range(18)] + [
    ("yellow", 38.0),
    ("yellow", 34.5),
    ("yellow", 29.0),
    ("yellow", 25.0),
    ("red", 18.0),
    ("red", 12.0),
    ("unregistered1", 50.0),
    ("unregistered2", 47.0),
    ("not_started0", 0.0),
    ("not_started1", 0.0),
    ("not_started3", 0.0),
    ("not_started5", 0.0),
]
TASK_STATES = ["已销号"] * 8 + ["办结待审"] * 3 + ["延期待审"] * 2 + ["办理中"] * 14
TASK_STATES += ["已签收"] * 3 + ["已交办"]


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def sample_rows() -> dict[str, list[list]]:
    """The ledger's sheets as rows (headers first), deterministic."""
    rng = random.Random(2021)
    projects, reports = [PROJECT_HEADERS], [REPORT_HEADERS]
    for i, (kind, share) in enumerate(PLAN):
        county = COUNTIES[i % len(COUNTIES)]
        state_level = i % 5 == 4
        region = "湘西州" if state_level else county
        lead = DEPARTMENTS[i % len(DEPARTMENTS)] if state_level else county
        name = f"{county}{KINDS[i % len(KINDS)]}项目"
        total = round(rng.uniform(3, 40), 2)
        plan = round(total * rng.uniform(0.25, 0.6), 2)
        start_month = 1 + i % 3
        started = _ym(2021, start_month) if not kind.startswith("not_started") else None
        registered = _ym(2021, start_month) if started else None
        planned_start = _ym(2021, start_month)
        if kind == "unregistered1":
            started = planned_start = _ym(2021, 5)
            registered = None
        if kind == "unregistered2":
            started = planned_start = _ym(2021, 4)
            registered = None
        if kind.startswith("not_started"):
            planned_start = _ym(2021, 6 - int(kind[-1]))
        status = "在建" if started else "未开工"
        code = f"XM2021-{i + 1:03d}"
        projects.append(
            [
                code,
                name,
                2021,
                CATEGORIES[i % len(CATEGORIES)],
                region,
                lead,
                f"{county}城市建设投资有限公司",
                LEADERS[i % len(LEADERS)],
                total,
                plan,
                planned_start,
                _ym(2022 + i % 2, 12),
                started,
                registered,
                status,
                SAMPLE_NOTE,
            ]
        )
        if not started:
            continue
        first = int(started[5:])
        target = plan * share / 100
        months = list(range(first, 7))
        weights = [rng.uniform(0.7, 1.3) for _ in months]
        cum = 0.0
        for m, wgt in zip(months, weights, strict=True):
            prev = cum
            cum = round(target * sum(weights[: months.index(m) + 1]) / sum(weights), 2)
            reported = date(2021, m + 1, rng.choice((2, 3, 4, 5, 5, 6, 8)))
            reports.append(
                [
                    code,
                    2021,
                    m,
                    round(cum - prev, 2),
                    cum,
                    f"{'主体施工' if m > 3 else '基础施工'}，完成年度计划{cum / plan * 100:.1f}%",
                    "",
                    reported.isoformat(),
                ]
            )
            _ = wgt
    tasks = [TASK_HEADERS]
    sources = ("年度重点任务", "会议议定", "领导批示")
    states = TASK_STATES[:]
    rng.shuffle(states)
    for i, theme in enumerate(TASK_THEMES):
        county_task = i % 4 == 3
        region = COUNTIES[i % len(COUNTIES)] if county_task else "湘西州"
        lead = region if county_task else DEPARTMENTS[i % len(DEPARTMENTS)]
        co = "" if county_task else DEPARTMENTS[(i + 3) % len(DEPARTMENTS)]
        assigned = date(2021, 1 + i % 3, 5 + i % 20)
        due = assigned + timedelta(days=90 + 7 * (i % 20))
        state = states[i]
        closed = (due - timedelta(days=3 + i % 10)).isoformat() if state == "已销号" else ""
        if state == "已销号" and due > SAMPLE_TODAY:
            closed = (SAMPLE_TODAY - timedelta(days=2 + i % 5)).isoformat()
        tasks.append(
            [
                f"DB2021-{i + 1:03d}",
                f"{theme}",
                sources[i % 3],
                "2021年州经济形势分析会",
                region,
                lead,
                co,
                LEADERS[i % len(LEADERS)],
                assigned.isoformat(),
                due.isoformat(),
                "按月调度" if i % 3 else "按季督查",
                state,
                closed,
                "" if state == "已交办" else f"已完成阶段任务{40 + i % 50}%",
            ]
        )
    problems = [PROBLEM_HEADERS]
    owners = [r[0] for r in tasks[1:]] + [r[0] for r in projects[1:]]
    closed_tasks = {r[0] for r in tasks[1:] if r[11] == "已销号"}
    picks = [owners[i % len(owners)] for i in range(137)]
    must_close = [k for k, o in enumerate(picks) if o in closed_tasks]
    others = [k for k in range(137) if k not in must_close]
    rng.shuffle(others)
    closing = set(must_close) | set(others[: 95 - len(must_close)])
    for k, owner in enumerate(picks):
        raised = date(2021, 1 + k % 6, 1 + k % 27)
        done = raised + timedelta(days=10 + k % 30) if k in closing else None
        if done and done > SAMPLE_TODAY:
            done = SAMPLE_TODAY - timedelta(days=1)
        problems.append(
            [
                f"WT2021-{k + 1:03d}",
                owner,
                f"问题{k + 1}：{_problem_text(k)}",
                "",
                raised.isoformat(),
                done.isoformat() if done else "",
                "已整改到位" if done else "",
            ]
        )
    return {"重点项目": projects, "项目月度调度": reports, "督办事项": tasks, "问题清单": problems}


def _problem_text(k: int) -> str:
    texts = (
        "用地报批滞后",
        "征拆进度慢",
        "资金到位不足",
        "施工许可未办结",
        "环评手续未完成",
        "配套设施未接入",
        "入库资料不全",
        "企业复工不足",
    )
    return texts[k % len(texts)]


def write_sample(path: str | Path) -> Path:
    """Write the sample ledger workbook to `path`."""
    return write_workbook(path, sample_rows(), title_note=SAMPLE_NOTE)


def load_sample_ledger(ws: object) -> None:
    """Import the sample ledger into a workspace (for the demo), via a temporary workbook."""
    import tempfile

    from xingshi.supervise.ledger import import_ledger

    with tempfile.TemporaryDirectory() as tmp:
        path = write_sample(Path(tmp) / "湘西州督查台账2021（示例数据）.xlsx")
        import_ledger(ws.store, ws.regions, path)  # type: ignore[attr-defined]
