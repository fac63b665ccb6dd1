"""xingshi.catalog: the reference data every other package names things by.

- :mod:`~xingshi.catalog.periods`: ``Period`` and ``parse_period`` (1-6月, 上半年, 2021Q3 …)
- :mod:`~xingshi.catalog.regions`: ``RegionCatalog`` (division codes, short names, peers)
- :mod:`~xingshi.catalog.indicators`: ``IndicatorCatalog`` (data/indicators.toml)
- :mod:`~xingshi.catalog.units`: ``parse_unit`` and ``convert`` (万元 ↔ 亿元)
"""

from xingshi.catalog.indicators import Indicator, IndicatorCatalog
from xingshi.catalog.periods import Period, parse_period
from xingshi.catalog.regions import Region, RegionCatalog
from xingshi.catalog.units import convert, parse_unit

__all__ = [
    "Indicator",
    "IndicatorCatalog",
    "Period",
    "Region",
    "RegionCatalog",
    "convert",
    "parse_period",
    "parse_unit",
]
