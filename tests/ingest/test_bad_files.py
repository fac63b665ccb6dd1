"""The bad-files suite: each file is refused with its named rule at its place, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from xingshi.errors import FileFormatError, ImportRejected, LayoutError, XingshiError
from xingshi.ingest import Catalogs, import_file

DATA = Path(__file__).resolve().parent / "data"
BAD = DATA / "bad"

# file, error class, rule, sheet, row, column (None: the rule names no such part of the place)
CASES = [
    ("01-图片改名.xlsx", FileFormatError, "not_spreadsheet", None, None, None),
    ("02-Word文档改名.xlsx", FileFormatError, "not_spreadsheet", None, None, None),
    ("03-压缩包改名.xlsx", FileFormatError, "not_spreadsheet", None, None, None),
    ("04-空文件.csv", FileFormatError, "empty_file", None, None, None),
    ("05-空工作表.xlsx", FileFormatError, "empty_sheet", "数据", None, None),
    ("06-GBK坏字节.csv", FileFormatError, "encoding", None, 3, None),
    ("07-UTF8坏字节.csv", FileFormatError, "encoding", None, 3, None),
    ("08-无法识别的格式.csv", LayoutError, "layout", None, None, None),
    ("09-缺少时期列.csv", ImportRejected, "header", None, 1, None),
    ("10-缺少数值列.csv", ImportRejected, "header", None, 1, None),
    ("11-重复列标题.csv", ImportRejected, "header", None, 1, "E"),
    ("12-未知地区.csv", ImportRejected, "unknown_region", None, 3, "A"),
    ("13-地区有歧义.csv", ImportRejected, "ambiguous_region", None, 2, "A"),
    ("14-未知指标.csv", ImportRejected, "unknown_indicator", None, 3, "B"),
    ("15-时期无法识别.csv", ImportRejected, "period", None, 2, "C"),
    ("16-单位不相容.csv", ImportRejected, "unit_clash", None, 3, "E"),
    ("17-数值含文字.csv", ImportRejected, "not_a_number", None, 2, "D"),
    ("18-宽表增速含文字.xlsx", ImportRejected, "not_a_number", "县市区", 6, "C"),
    ("19-重复行.csv", ImportRejected, "duplicate", None, 4, "A"),
    ("20-重复行数值不同.csv", ImportRejected, "duplicate", None, 3, "A"),
    ("21-累计值下降.csv", ImportRejected, "cumulative_decrease", None, 3, "D"),
    ("23-位次与增速矛盾.xlsx", ImportRejected, "rank_contradiction", "2021年1-6月", 4, "D"),
    ("24-总量为负.csv", ImportRejected, "implausible", None, 2, "D"),
    ("25-增速低于负100.csv", ImportRejected, "implausible", None, 2, "F"),
    ("26-比率超过100.csv", ImportRejected, "implausible", None, 2, "D"),
    ("27-宽表无时期.xlsx", LayoutError, "period", "Sheet1", 1, None),
    ("28-目标类型无法识别.csv", ImportRejected, "target_kind", None, 2, "D"),
    ("29-宽表单位不相容.xlsx", ImportRejected, "unit_clash", "县市区", 2, "B"),
    ("30-某某数据.csv", ImportRejected, "unknown_indicator", None, None, None),
    ("31-缺少指标列.csv", ImportRejected, "header", None, 1, None),
]


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def test_suite_is_complete():
    """Every file in the bad folder has its case, and there are at least 24 of them."""
    assert sorted(p.name for p in BAD.iterdir()) == sorted(c[0] for c in CASES)
    assert len(CASES) >= 24


@pytest.mark.parametrize(("name", "kind", "rule", "sheet", "row", "column"), CASES)
def test_bad_file_refused_with_rule_and_place(
    store, catalogs, name, kind, rule, sheet, row, column
):
    """The file raises its rule at its sheet/row/column and the database is unchanged."""
    # The store holds something already: a rejected file must leave it exactly as it was.
    import_file(store, DATA / "good" / "社零-2021年1-5月.csv", catalogs)
    before = store.dump()
    with pytest.raises(XingshiError) as info:
        import_file(store, BAD / name, catalogs)
    exc = info.value
    assert type(exc) is kind
    if isinstance(exc, ImportRejected):
        errors = [f for f in exc.findings if f.severity == "error"]
        assert errors and {f.rule for f in errors} == {rule}, [f.describe() for f in errors]
        where = errors[0].where
        assert all(f.where.file == name for f in errors)
        assert "未通过审核" in exc.message
    else:
        assert exc.rule == rule
        where = exc.where
        assert exc.hint
    assert where.file == name
    assert (where.sheet, where.row, where.column) == (sheet, row, column)
    assert store.dump() == before


def test_all_errors_listed_not_just_first(store, catalogs, tmp_path):
    """A file with several faults reports every one of them, and writes nothing."""
    path = tmp_path / "多处错误.csv"
    path.write_text(
        "地区,指标,时期,数值,单位,增长%\n"
        "吉首县,地区生产总值,2021年1-6月,150.2,亿元,13.1\n"
        "泸溪县,地区生产总值,2021年1-6月,约45,亿元,14.2\n"
        "凤凰县,幸福指数,2021年1-6月,60.1,亿元,10.5\n"
        "花垣县,地区生产总值,2021年1-6月,48.7,家,15.3\n",
        encoding="utf-8",
    )
    before = store.dump()
    with pytest.raises(ImportRejected) as info:
        import_file(store, path, catalogs)
    got = [(f.rule, f.where.row, f.where.column) for f in info.value.findings]
    assert got == [
        ("unknown_region", 2, "A"),
        ("not_a_number", 3, "D"),
        ("unknown_indicator", 4, "B"),
        ("unit_clash", 5, "E"),
    ]
    assert store.dump() == before


def test_every_rule_documented():
    """Each rule the checks can raise has its row in docs/IMPORT.md."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "IMPORT.md").read_text(encoding="utf-8")
    rules = {c[2] for c in CASES} | {"growth_mismatch", "sum_mismatch", "no_data"}
    assert sorted(r for r in rules if f"`{r}`" not in doc) == []
