"""Importable from spawned worker processes: a task that kills its worker on one build."""

from __future__ import annotations

import os

from auditor.batch.model import BuildRef, BuildResult
from auditor.batch.work import BatchSpec, run_build

CRASH_MARKER = "crash-me"


def crashing_task(spec: BatchSpec, ref: BuildRef) -> BuildResult:
    """Like :func:`run_build`, but the worker process dies (as on a segfault) on a build named ``crash-me*``."""
    if CRASH_MARKER in ref.file_name:
        os._exit(139)
    return run_build(spec, ref)
