"""The local engine: a ``ProcessPoolExecutor`` sized to the cores, its workers forked from the client with
the jobs prepared (each worker prepares them once where processes are spawned).

Results reach the callback as they finish. A worker that dies (segfault in a native parser, killed by the
OOM killer) breaks the pool: the pool is replaced, the other builds carry on, and the builds that were in
flight are re-run one at a time in a fresh single-worker pool, so only the build that kills its worker is
recorded as failed.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from auditor.batch.engines.interface import EngineKind, OnResult
from auditor.batch.model import BuildRef, BuildResult
from auditor.batch.work import BatchSpec, failed_record, prepared, run_build

Task = Callable[[BatchSpec, BuildRef], BuildResult]
CRASHED = "worker process died while scanning this build (crash, or killed by a resource bound)"


def usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _init_worker(spec: BatchSpec, max_memory_mb: int | None) -> None:
    """Pool initializer: prepare the jobs once, then apply the memory bound to the scans."""
    # a raising initializer would break the pool: on failure each build records why instead
    with contextlib.suppress(Exception):
        prepared(spec)
    if max_memory_mb:
        import resource

        limit = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _context() -> multiprocessing.context.BaseContext:
    """'fork' where it exists: a worker starts as a copy of the client, its modules imported and the jobs the
    client prepared while planning already loaded (:func:`~auditor.batch.work.prepared`), instead of ~1 s
    of imports and catalog loading per worker ('spawn', used elsewhere). The pool forks all its workers
    before it starts its own thread."""
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


@dataclass(frozen=True)
class LocalEngine:
    jobs: int | None = None
    max_memory_mb: int | None = None
    task: Task = field(default=run_build)
    """What each worker runs per build (tests swap in one that crashes)."""
    kind: EngineKind = EngineKind.LOCAL

    @property
    def workers(self) -> int:
        return max(1, self.jobs or usable_cores())

    def _pool(self, spec: BatchSpec, workers: int) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                                      initializer=_init_worker, initargs=(spec, self.max_memory_mb))

    def run(self, spec: BatchSpec, builds: Sequence[BuildRef], on_result: OnResult) -> None:
        suspects = self._run_pool(spec, builds, on_result, self.workers)
        for ref in suspects:  # each alone: a crash now is this build's own
            if self._run_pool(spec, [ref], on_result, 1):
                on_result(BuildResult(failed_record(ref, CRASHED, 0.0)))

    def _run_pool(self, spec: BatchSpec, builds: Sequence[BuildRef], on_result: OnResult,
                  workers: int) -> list[BuildRef]:
        """Run ``builds``; return those that were in flight when a worker died (not yet reported)."""
        queue = deque(builds)
        suspects: list[BuildRef] = []
        while queue:
            pool = self._pool(spec, workers)
            in_flight: dict[cf.Future[BuildResult], BuildRef] = {}
            broken = False
            try:
                while (queue or in_flight) and not broken:
                    while queue and len(in_flight) < 2 * workers:
                        ref = queue.popleft()
                        in_flight[pool.submit(self.task, spec, ref)] = ref
                    done, _ = cf.wait(in_flight, return_when=cf.FIRST_COMPLETED)
                    for future in done:
                        ref = in_flight.pop(future)
                        try:
                            result = future.result()
                        except BrokenProcessPool:
                            broken = True
                            suspects.append(ref)
                        except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                            on_result(BuildResult(failed_record(ref, f"{type(exc).__name__}: {exc}", 0.0)))
                        else:
                            on_result(result)
                suspects.extend(in_flight.values())  # non-empty only when the pool broke
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        return suspects

