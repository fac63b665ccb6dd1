"""xingshi.ingest: read the three layouts, check them (审核) and write them as releases.

from xingshi.ingest import import_files
results = import_files(workspace, ["2021年1-6月.xlsx"])   # one ImportResult per file
"""

from xingshi.ingest.importer import Catalogs, FileCheck, check_file, import_file, import_files
from xingshi.ingest.layouts import read_file
from xingshi.ingest.view import RegionView, region_view

__all__ = [
    "Catalogs",
    "FileCheck",
    "RegionView",
    "check_file",
    "import_file",
    "import_files",
    "read_file",
    "region_view",
]
