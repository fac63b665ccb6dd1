"""Access rules of the 督查督办 routes (the rule objects are those of xingshi.web.access).

Lists and object pages take `SvUser` (any logged-in user; the library shows each unit only
its own projects and tasks and answers 404 for others); opening, deciding and importing take
`Supervisor` (督查员 or 管理员, within the region of the request when one is named).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from xingshi.access import Principal
from xingshi.web.access import AccessRule

SvUser = Annotated[Principal, Depends(AccessRule("view", region_param="region"))]
Supervisor = Annotated[Principal, Depends(AccessRule("supervise", region_param="region"))]
