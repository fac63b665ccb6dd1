"""xingshi.web: the web platform over one workspace (FastAPI, server-rendered pages, REST API).

from xingshi.web import create_app
app = create_app("xingshi-data")    # then: uvicorn, or `xingshi serve`
"""

from xingshi.web.app import create_app

__all__ = ["create_app"]
