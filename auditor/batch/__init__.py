"""Many builds at once: a portfolio scan on a process pool, or the same job on a Dask cluster.

Entry points: :func:`plan_batch` then :func:`execute` (:mod:`.runner`), with an engine from
:func:`create_engine`. Axes: build filters (:mod:`.sources`), engines (:mod:`.engines`).
"""

from auditor.batch.engines import Engine, EngineKind, EngineSettings, create_engine
from auditor.batch.model import BatchError, BatchSummary, BuildRef, IndexRecord, Progress, Status
from auditor.batch.runner import BatchPlan, BatchRequest, execute, plan_batch

__all__ = [
    "BatchError", "BatchPlan", "BatchRequest", "BatchSummary", "BuildRef", "Engine", "EngineKind",
    "EngineSettings", "IndexRecord", "Progress", "Status", "create_engine", "execute", "plan_batch",
]
