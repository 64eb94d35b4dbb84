"""The Dask engine: one task per build on an existing ``distributed`` cluster, gathered as completed.

The spec is scattered to every worker once; each worker prepares its jobs on its first task (memoised per
worker process by :func:`auditor.batch.work.prepared`). Workers open the builds themselves (local paths
they can see, or fsspec URLs), results come back to this client, which hands them to the callback. A task
that Dask gives up on (its worker died too often: ``KilledWorker``) becomes an ``error`` record.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from auditor.batch.engines.interface import EngineKind, OnResult
from auditor.batch.model import BatchError, BuildRef, BuildResult
from auditor.batch.work import BatchSpec, failed_record, run_build

CONNECT_TIMEOUT = "30s"


@dataclass(frozen=True)
class DaskEngine:
    address: str
    kind: EngineKind = EngineKind.DASK

    def _client(self) -> Any:
        try:
            from distributed import Client
        except ImportError as exc:
            raise BatchError("--scheduler needs Dask distributed (the 'batch' extra)") from exc
        try:
            return Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise BatchError(f"cannot connect to the Dask scheduler at {self.address} ({exc})") from exc

    def run(self, spec: BatchSpec, builds: Sequence[BuildRef], on_result: OnResult) -> None:
        from distributed import as_completed

        client = self._client()
        try:
            [spec_future] = client.scatter([spec], broadcast=True, hash=False)
            token = uuid.uuid4().hex[:12]
            futures = {
                client.submit(run_build, spec_future, ref, key=f"auditor-scan-{token}-{i}", pure=False,
                              retries=0): ref
                for i, ref in enumerate(builds)
            }
            for future in as_completed(list(futures), loop=client.loop):  # type: ignore[no-untyped-call]
                ref = futures.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # noqa: BLE001 - KilledWorker, lost data, unpicklable result...
                    result = BuildResult(failed_record(ref, f"task failed on the cluster: "
                                                            f"{type(exc).__name__}: {exc}", 0.0))
                future.release()
                on_result(result)
        finally:
            client.close()
