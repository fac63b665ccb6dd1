"""Figure phrases: 分别 clauses, verbs, and the source row each figure is tied to."""

from __future__ import annotations

from xingshi.report.facts import Item, SourceBook
from xingshi.report.model import Paragraph
from xingshi.report.sentences import Phrases, render


def _item(indicator: str, name: str, growth: float | None, level: float | None = None) -> Item:
    return Item(
        region_code="433100",
        region="湘西州",
        role="self",
        indicator=indicator,
        name=name,
        full_name=name,
        verb="实现",
        kind="flow",
        unit="亿元",
        period="2021-01/2021-06",
        level=level,
        growth=growth,
        label=name,
    )


def test_parallel_growth_shares_one_verb_with_fenbie() -> None:
    """Two rises share 增长 (分别增长1.5倍、1.3倍); a rise and a fall keep a verb each."""
    ph = Phrases(SourceBook(None), "全省")
    up = [_item("tourists", "游客", 150.0), _item("tourism_revenue", "旅游收入", 130.0)]
    assert Paragraph.parse(ph.growths(up)).text == "增长1.5倍、1.3倍"
    mixed = [_item("fai", "固定资产投资", 12.0), _item("retail", "社会消费品零售总额", -3.2)]
    assert Paragraph.parse(ph.growths(mixed)).text == "增长12.0%、下降3.2%"
    flat = [_item("tax", "税收", 0.0)]
    assert Paragraph.parse(ph.growth(flat[0])).text == "持平"


def test_grouped_names_with_a_shared_rank() -> None:
    """A rank group renders 三项指标…均居; a single indicator has neither 项 nor 均."""
    book = SourceBook(None)
    ph = Phrases(book, "全省")
    items = [
        _item(c, n, 10.0)
        for c, n in (
            ("gdp", "地区生产总值"),
            ("industry_va", "规模工业增加值"),
            ("domestic_capital", "实际利用内资"),
        )
    ]
    for it in items:
        it.rank, it.n_peers = 1, 14
    text = render(
        "achievements.rank_group",
        names="、".join(it.name for it in items),
        n=3,
        n_words="三项",
        basis="增速",
        rank=ph.rank_many(items),
        scope="全省",
    )
    para = Paragraph.parse(text)
    assert para.text == "地区生产总值、规模工业增加值、实际利用内资三项指标增速均居全省第一"
    ref = next(s.ref for s in para.spans if s.ref)
    source = book.refs[ref - 1]
    assert source.text == "第一" and source.computed
    assert "按全省14个地区增速由高到低排位计算" in source.basis
    single = render(
        "achievements.rank_group",
        names="税收",
        n=1,
        n_words="一项",
        basis="增速",
        rank="第二",
        scope="全省",
    )
    assert single == "税收增速居全省第二"


def test_each_figure_is_registered_once() -> None:
    """The same figure printed twice cites one source row."""
    book = SourceBook(None)
    ph = Phrases(book, "全省")
    it = _item("gdp", "地区生产总值", 12.5, 512.3)
    first, second = ph.level(it), ph.level(it)
    assert first.ref == second.ref and first.text == "512.3亿元"
    assert len(book.refs) == 1
