"""xingshi.store: releases (vintages) of figures and targets, read "as of" any release.

from xingshi.store import Store, ImportBatch
store = Store.open("sqlite:///xingshi.db")       # migrates to head
result = store.write_release(ImportBatch(source_file="a.xlsx", observations=frame))
store.observations(regions=["433100"], as_of=result.release_id)
"""

from xingshi.store._batch import (
    FINDING_SCHEMA,
    OBSERVATION_SCHEMA,
    RELEASE_SCHEMA,
    TARGET_SCHEMA,
    ImportBatch,
    ImportResult,
    empty_observations,
    empty_targets,
)
from xingshi.store._store import DATABASE_ENV, DATABASE_FILE, Store, database_url_for

__all__ = [
    "DATABASE_ENV",
    "DATABASE_FILE",
    "FINDING_SCHEMA",
    "OBSERVATION_SCHEMA",
    "RELEASE_SCHEMA",
    "TARGET_SCHEMA",
    "ImportBatch",
    "ImportResult",
    "Store",
    "database_url_for",
    "empty_observations",
    "empty_targets",
]
