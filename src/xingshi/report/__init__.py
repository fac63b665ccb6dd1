"""xingshi.report: the analysis written as a briefing (docx, html, xlsx, charts).

`build_briefing` gives the text model (testable without files); `write_briefing` writes the
three files. Sentences are templates kept as data in `templates/`.
"""

from xingshi.report.build import build_briefing
from xingshi.report.model import Briefing, BriefingPaths
from xingshi.report.write import write_briefing

__all__ = ["Briefing", "BriefingPaths", "build_briefing", "write_briefing"]
