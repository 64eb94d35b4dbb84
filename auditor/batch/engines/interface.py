"""The engine axis: what runs :func:`auditor.batch.work.run_build` over many builds.

An engine gets the spec, the builds and a callback; it calls the callback once per build, in the client
process, as results arrive (the caller writes them). It never raises for a single build: failures,
crashed workers and lost tasks become ``error`` records. Implementations are registered in
:data:`ENGINES`, one per :class:`EngineKind` (a test checks that every kind has one).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from auditor.batch.model import BuildRef, BuildResult
from auditor.batch.work import BatchSpec

OnResult = Callable[[BuildResult], None]


class EngineKind(str, Enum):
    LOCAL = "local"
    """A process pool on this machine."""
    DASK = "dask"
    """An existing Dask ``distributed`` cluster (``--scheduler``)."""


@dataclass(frozen=True)
class EngineSettings:
    """What the user chose; each engine reads the fields that concern it."""

    jobs: int | None = None
    """Local worker processes (default: the usable cores)."""
    max_memory_mb: int | None = None
    """Local: address-space bound per worker process (``RLIMIT_AS``); a scan that hits it fails alone."""
    scheduler: str | None = None
    """Dask scheduler address (``tcp://host:8786``)."""


class Engine(Protocol):
    @property
    def kind(self) -> EngineKind:
        """Which implementation this is (shown in the portfolio)."""

    def run(self, spec: BatchSpec, builds: Sequence[BuildRef], on_result: OnResult) -> None:
        """Scan every build; call ``on_result`` in this process for each, as each finishes."""


def _local(settings: EngineSettings) -> Engine:
    from auditor.batch.engines.local import LocalEngine

    return LocalEngine(jobs=settings.jobs, max_memory_mb=settings.max_memory_mb)


def _dask(settings: EngineSettings) -> Engine:
    from auditor.batch.engines.dask_cluster import DaskEngine

    if not settings.scheduler:
        raise ValueError("the dask engine needs a scheduler address")
    return DaskEngine(address=settings.scheduler)


ENGINES: Mapping[EngineKind, Callable[[EngineSettings], Engine]] = {
    EngineKind.LOCAL: _local,
    EngineKind.DASK: _dask,
}


def create_engine(settings: EngineSettings) -> Engine:
    """The Dask engine when a scheduler is given, the local pool otherwise."""
    kind = EngineKind.DASK if settings.scheduler else EngineKind.LOCAL
    return ENGINES[kind](settings)
