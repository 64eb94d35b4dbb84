"""Run a batch: find the builds, validate the inputs once, skip what ``--resume`` allows, hand the rest to
an engine, write each result as it arrives, then the index and the portfolio.

Two steps so a caller can size a progress bar: :func:`plan_batch` (everything that fails on bad input fails
here, before any build is scanned) and :func:`execute`. Progress goes to a callback; nothing is printed.
"""

from __future__ import annotations

import contextlib
import math
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from auditor.batch.engines.interface import Engine
from auditor.batch.model import BatchError, BatchSummary, BuildRef, BuildResult, IndexRecord, Progress
from auditor.batch.policymap import PolicyMap, load_policy_map
from auditor.batch.portfolio import build_portfolio
from auditor.batch.sources import discover
from auditor.batch.store import INDEX, OutputDir, read_index
from auditor.batch.work import BatchSpec, failed_record, hash_file, prepared
from auditor.outputs import write_atomic
from auditor.pipeline import AuditInputs
from auditor.report.portfolio_render import arrow_table, render_csv, render_html
from auditor.sanitize import terminal_text


@dataclass(frozen=True)
class BatchRequest:
    """What the user asked for."""

    source: Path
    """A directory of builds or a text file listing paths/URLs."""
    out: Path
    inputs: AuditInputs = field(default_factory=AuditInputs)
    """Catalog, config, code analysis; ``policy``/``scenes`` are the default for builds the map leaves out."""
    policy_map: Path | None = None
    resume: bool = False
    previous: Path | None = None
    """Directory of the batch to compare with (default: the last completed batch in ``out``)."""
    timeout_s: float | None = None


@dataclass(frozen=True)
class BatchPlan:
    spec: BatchSpec
    out: OutputDir
    todo: tuple[BuildRef, ...]
    """Builds to scan now."""
    carried: tuple[IndexRecord, ...]
    """Records of builds ``--resume`` skips."""
    previous: tuple[IndexRecord, ...] | None
    previous_label: str = ""

    @property
    def total(self) -> int:
        return len(self.todo) + len(self.carried)


def plan_batch(request: BatchRequest) -> BatchPlan:
    """Find the builds and validate every input (policy map, policies, scenes, config, catalog: exit 4)."""
    builds = discover(request.source)
    policy_map = load_policy_map(request.policy_map) if request.policy_map else PolicyMap()
    policy_map = policy_map.with_default(request.inputs.policy, request.inputs.scenes)
    spec = BatchSpec(replace(request.inputs, policy=None, scenes=None, baseline=None), policy_map,
                     timeout_s=request.timeout_s)
    jobs = prepared(spec, fresh=True)  # memoised: a local pool forks its workers with these jobs loaded
    spec = replace(spec, catalog_sha256=jobs.base.catalog.sha256)
    digests = dict(jobs.digests)
    out = OutputDir(request.out)
    previous, label = _previous(request, out)  # every input checked before anything is written
    out.prepare()
    todo, carried = list(builds), []
    if request.resume:
        prior = {r.path: r for r in [*out.completed_index(), *out.interrupted_index()]}
        todo = []
        for ref in builds:
            record = prior.get(ref.source)
            if record is not None and _still_valid(record, ref, spec, digests, out):
                carried.append(record)
            else:
                todo.append(ref)
    return BatchPlan(spec, out, tuple(todo), tuple(carried), previous, label)


def _previous(request: BatchRequest, out: OutputDir) -> tuple[tuple[IndexRecord, ...] | None, str]:
    if request.previous is not None:
        index = request.previous / INDEX
        if not index.is_file():
            raise BatchError(f"{request.previous}: no {INDEX} of a previous batch")
        return tuple(read_index(index)), str(request.previous)
    index = out.root / INDEX
    return (tuple(read_index(index)), str(out.root)) if index.is_file() else (None, "")


def _still_valid(record: IndexRecord, ref: BuildRef, spec: BatchSpec, digests: dict[Any, Any], out: OutputDir) -> bool:
    """A result may be reused when it is ok, its JSON is there, and build, catalog and settings are the same."""
    if not record.ok or record.catalog_sha256 != spec.catalog_sha256 or not out.has_result(record.sha256):
        return False
    choice = spec.policy_map.resolve(record.package, ref.file_name)
    if digests.get(choice) != record.settings_sha256:
        return False
    if ref.is_url:
        return True  # no cheap way to re-hash a remote build: same URL, same catalog and settings
    try:
        path = Path(ref.location)
        return path.stat().st_size == record.size and hash_file(path)[0] == record.sha256
    except OSError:
        return False


def execute(plan: BatchPlan, engine: Engine, on_progress: Callable[[Progress], None] | None = None) -> BatchSummary:
    """Scan ``plan.todo`` with ``engine``; write results, the index and the portfolio under ``plan.out``."""
    start = time.perf_counter()
    records: list[IndexRecord] = []
    try:
        _scan_all(plan, engine, records, start, on_progress)
    except BaseException as exc:
        _stopped(plan, records, exc)
        raise
    everything = [*plan.carried, *records]
    plan.out.finish_index(everything)
    elapsed = time.perf_counter() - start
    summary = BatchSummary(builds=plan.total, scanned=len(records), resumed=len(plan.carried),
                           failed=sum(1 for r in everything if not r.ok), elapsed_s=elapsed,
                           catalog_sha256=plan.spec.catalog_sha256, engine=engine.kind.value,
                           previous=plan.previous_label)
    return replace(summary, warnings=write_portfolio(plan.out.root, everything, plan.previous, summary))


def _scan_all(plan: BatchPlan, engine: Engine, records: list[IndexRecord], start: float,
              on_progress: Callable[[Progress], None] | None) -> None:
    """Hand ``plan.todo`` to ``engine``; write each result and its index line as it arrives."""
    failed = 0
    with plan.out.open_partial(plan.carried) as partial:

        def on_result(result: BuildResult) -> None:
            nonlocal failed
            record = result.record
            if result.document is not None:
                plan.out.write_result(record.sha256, result.document)
            partial.write(record.to_json() + "\n")
            partial.flush()
            records.append(record)
            failed += 0 if record.ok else 1
            if on_progress is not None:
                on_progress(Progress(len(records), len(plan.todo), failed, time.perf_counter() - start, record))

        if plan.todo:
            engine.run(plan.spec, largest_first(plan.todo), on_result)


def largest_first(builds: Sequence[BuildRef]) -> list[BuildRef]:
    """``builds`` with the largest files first (then by name), so the long scans start early and the small
    ones fill the gaps at the end; a build whose size is unknown (a URL, an unreadable path) goes first."""

    def size(ref: BuildRef) -> float:
        if ref.is_url:
            return math.inf
        try:
            return float(os.stat(ref.location).st_size)
        except (OSError, ValueError):
            return math.inf

    return sorted(builds, key=lambda ref: (-size(ref), ref.source))


def _stopped(plan: BatchPlan, records: list[IndexRecord], exc: BaseException) -> None:
    """A batch that stops part-way (interrupted, disk full, engine lost) leaves ``index.jsonl.partial`` whole:
    the records so far and an ``error`` record for every build it did not scan (``--resume`` continues)."""
    reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else f"{type(exc).__name__}: {exc}"
    done = {r.path for r in records}
    missing = [failed_record(ref, f"not scanned: the batch stopped ({reason})", 0.0)
               for ref in plan.todo if ref.source not in done]
    with contextlib.suppress(Exception):  # the first error is the one to report
        plan.out.stop_index([*plan.carried, *records, *missing])


def write_portfolio(root: Path, records: list[IndexRecord], previous: tuple[IndexRecord, ...] | None,
                    summary: BatchSummary) -> tuple[str, ...]:
    """Write ``portfolio.html``, ``.csv`` and ``.parquet``; return warnings (Parquet needs pyarrow)."""
    portfolio = build_portfolio(records, previous)
    write_atomic(root / "portfolio.html", terminal_text(render_html(portfolio, summary)), make_parents=True)
    write_atomic(root / "portfolio.csv", render_csv(portfolio), make_parents=True)
    try:
        import pyarrow.parquet as pq
    except ImportError:
        return ("portfolio.parquet not written: pyarrow is not installed (the 'batch' extra)",)
    table = arrow_table(portfolio)
    write_atomic(root / "portfolio.parquet", lambda tmp: pq.write_table(table, tmp), make_parents=True)
    return ()
