"""xingshi.collect (填报): reporting rounds that counties and departments fill in by a deadline,
checked as they type with the import's 审核 rules, reviewed and published as one release.

    from xingshi.collect import open_round, save_values, submit, approve, publish
    rnd = open_round(ws, actor, period="2021年1-7月", items=["地方财政收入"], parent="湘西州",
                     due="月后10日")
    save_values(ws, jishou, rnd["id"], "吉首市", [{"indicator": "地方财政收入", "level": 9.1,
                "growth_pct": 5.2, "version": 0}])
    submit(ws, jishou, rnd["id"], "吉首市"); approve(ws, reviewer, rnd["id"], "吉首市")
    publish(ws, publisher, rnd["id"])     # one release, source 填报:round/<id>

Every function takes the actor (a Principal, or None for the command line) and checks its
region scope; every transition writes an audit event in the same transaction.
"""

from xingshi.collect import _models  # noqa: F401  (tables on the store's metadata)
from xingshi.collect._common import OVERDUE, STATES, FormItem, NoSuchRound
from xingshi.collect.dates import add_working_days, parse_due
from xingshi.collect.entry import (
    StaleSave,
    assignment_view,
    check_values,
    field_of,
    save_values,
    source_of,
    submit,
    value_history,
)
from xingshi.collect.reminders import (
    SmtpConfig,
    digest,
    mark_read,
    nudge,
    reminders_for,
    send_digest,
    sweep,
    unread_count,
)
from xingshi.collect.review import approve, cross_checks, publish, return_assignment
from xingshi.collect.rounds import list_rounds, open_round, round_status, templates

__all__ = [
    "OVERDUE",
    "STATES",
    "FormItem",
    "NoSuchRound",
    "SmtpConfig",
    "StaleSave",
    "add_working_days",
    "approve",
    "assignment_view",
    "check_values",
    "cross_checks",
    "digest",
    "field_of",
    "list_rounds",
    "mark_read",
    "nudge",
    "open_round",
    "parse_due",
    "publish",
    "reminders_for",
    "return_assignment",
    "round_status",
    "save_values",
    "send_digest",
    "source_of",
    "submit",
    "sweep",
    "templates",
    "unread_count",
    "value_history",
]
