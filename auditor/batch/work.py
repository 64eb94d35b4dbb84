"""The worker side of a batch: prepare the jobs once per process, scan one build, never raise for a build.

Both engines run :func:`run_build` (the local engine in pool processes, the Dask engine on cluster
workers). Everything a worker needs travels in a :class:`BatchSpec` (plain, picklable values); the
loaded jobs are memoised per process by :func:`prepared`, so each worker loads the catalog, policies and
scenes once, not once per build.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import signal
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from auditor import inputs
from auditor.batch.model import BuildRef, BuildResult, IndexRecord, RuleFact, SdkFact, Status
from auditor.batch.policymap import PolicyChoice, PolicyMap
from auditor.build.archive import Limits
from auditor.errors import AuditorError, BuildError, ConfigError
from auditor.model import ScanResult
from auditor.pipeline import AuditInputs, Job
from auditor.report import json_report

_CHUNK = 1 << 20


@dataclass(frozen=True)
class BatchSpec:
    """What every worker needs to scan any build of the batch."""

    inputs: AuditInputs
    """Catalog, config, code analysis, date (policy and scenes come from :attr:`policy_map`)."""
    policy_map: PolicyMap = field(default_factory=PolicyMap)
    catalog_sha256: str = ""
    """The catalog the client validated; a worker whose catalog differs fails its builds."""
    timeout_s: float | None = None
    """Per-build wall-clock bound (enforced where the scan runs on a process's main thread)."""


@dataclass(frozen=True)
class JobSet:
    """The prepared jobs of one worker: one per distinct policy choice, sharing one scanner and catalog."""

    base: Job
    jobs: dict[PolicyChoice, Job] = field(hash=False)
    digests: dict[PolicyChoice, str] = field(hash=False)


def settings_digest(inputs: AuditInputs, choice: PolicyChoice) -> str:
    """Digest of what besides the build and catalog shapes a result (``--resume`` compares it)."""
    digest = hashlib.sha256()
    for label, path in (("policy", choice.policy), ("scenes", choice.scenes), ("config", inputs.config)):
        digest.update(label.encode() + b"\0")
        digest.update(inputs_digest(path, label) if path is not None else b"-")
    digest.update(b"code" if inputs.code else b"no-code")
    return digest.hexdigest()


def inputs_digest(path: Path, label: str) -> bytes:
    """The sha256 of a side input (a regular file within the largest side-input bound, the policy's)."""
    from auditor.policy.loader import MAX_POLICY_BYTES

    return inputs.hash_file(path, label, MAX_POLICY_BYTES, ConfigError)[0].encode()


def prepare_jobs(spec: BatchSpec) -> JobSet:
    """Load and validate everything once (:class:`ConfigError` / :class:`CatalogError`, exit 4)."""
    base = Job.prepare(replace(spec.inputs, policy=None, scenes=None))
    jobs: dict[PolicyChoice, Job] = {}
    digests: dict[PolicyChoice, str] = {}
    for choice in spec.policy_map.choices():
        jobs[choice] = base.with_policy(choice.policy, choice.scenes)
        digests[choice] = settings_digest(spec.inputs, choice)
    return _same_catalog(JobSet(base, jobs, digests), spec)


def _same_catalog(jobs: JobSet, spec: BatchSpec) -> JobSet:
    """``jobs``, when their catalog is the one the client validated (:class:`ConfigError` otherwise)."""
    if spec.catalog_sha256 and jobs.base.catalog.sha256 != spec.catalog_sha256:
        raise ConfigError(f"this worker's SDK catalog ({jobs.base.catalog.sha256[:12]}) differs from the "
                          f"client's ({spec.catalog_sha256[:12]}): install the same auditor version")
    return jobs


def prepared(spec: BatchSpec, fresh: bool = False) -> JobSet:
    """:func:`prepare_jobs`, memoised per process (the pool initializer calls it first). The memo is keyed
    without the client's catalog digest, so the jobs the client prepared while planning serve the workers
    it forks (:mod:`auditor.batch.engines.local`); the digest is still checked on every call. ``fresh``:
    load everything again (planning validates the inputs as they are now, not as a previous plan saw them)."""
    if fresh:
        _prepared.cache_clear()
    return _same_catalog(_prepared(replace(spec, catalog_sha256="")), spec)


@functools.lru_cache(maxsize=2)
def _prepared(spec: BatchSpec) -> JobSet:
    return prepare_jobs(spec)


def run_build(spec: BatchSpec, ref: BuildRef) -> BuildResult:
    """Scan and audit one build. A failure becomes an ``error`` record; nothing a build does escapes."""
    start = time.perf_counter()
    try:
        jobs = prepared(spec)
        with _time_bound(spec.timeout_s), local_copy(ref, jobs.base.scanner.limits) as path:
            try:
                scan = jobs.base.scanner.scan(path)
            except BuildError as exc:
                raise BuildError(str(exc).replace(str(path), ref.source)) from exc
            scan = replace(scan, build=replace(scan.build, path=ref.source))
            choice = spec.policy_map.resolve(scan.build.manifest.package, ref.file_name)
            audit = jobs.jobs[choice].audit(scan)
            document = json_report.render(scan, audit)
        record = _ok_record(ref, scan, audit.counts(), audit.findings, choice, jobs,
                            time.perf_counter() - start)
        return BuildResult(record, document)
    except AuditorError as exc:
        return BuildResult(failed_record(ref, str(exc), time.perf_counter() - start))
    except MemoryError:
        return BuildResult(failed_record(ref, "out of memory (resource bound)", time.perf_counter() - start))
    except RecursionError:
        return BuildResult(failed_record(ref, "recursion too deep", time.perf_counter() - start))
    except Exception as exc:  # noqa: BLE001 - one bad build must not stop the batch
        message = f"internal error: {type(exc).__name__}: {exc}"
        return BuildResult(failed_record(ref, message, time.perf_counter() - start))


def _ok_record(ref: BuildRef, scan: ScanResult, counts: dict[str, int], findings: tuple[Any, ...], choice: PolicyChoice,
               jobs: JobSet, duration: float) -> IndexRecord:
    by_rule = Counter((f.rule_id, f.severity.label) for f in findings)
    manifest = scan.build.manifest
    return IndexRecord(
        path=ref.source, status=Status.OK, sha256=scan.build.sha256, size=scan.build.size,
        package=manifest.package, version=manifest.version_name, version_code=manifest.version_code,
        counts=counts, catalog_sha256=scan.catalog.sha256, settings_sha256=jobs.digests[choice],
        policy=str(choice.policy or ""), duration_s=round(duration, 3),
        sdks=tuple(SdkFact(s.sdk_id, s.name, s.category, s.class_count) for s in scan.sdks),
        permissions=tuple((p.name, p.kind) for p in scan.permissions),
        rules=tuple(RuleFact(rule, severity, n) for (rule, severity), n in sorted(by_rule.items())),
    )


def failed_record(ref: BuildRef, message: str, duration: float) -> IndexRecord:
    """An ``error`` record; the file's sha256 and size when it is a readable regular local file."""
    sha256, size = "", 0
    if not ref.is_url:
        with contextlib.suppress(AuditorError):
            sha256, size = hash_file(Path(ref.location))
    message = " ".join(message.replace(ref.location, ref.source).split())[:500]
    return IndexRecord(path=ref.source, status=Status.ERROR, sha256=sha256, size=size, error=message,
                       duration_s=round(duration, 3))


def hash_file(path: Path) -> tuple[str, int]:
    """``(sha256, size)`` of a build: a regular file within the build size bound (a FIFO or ``/dev/zero`` named
    in a list file is refused at once, never read); :class:`BuildError` otherwise."""
    return inputs.hash_file(path, "build", Limits().max_build_size, BuildError)


@contextlib.contextmanager
def local_copy(ref: BuildRef, limits: Limits) -> Iterator[Path]:
    """The build as a local file: the path itself, or a bounded temporary copy of an fsspec URL."""
    if not ref.is_url:
        yield Path(ref.location)
        return
    try:
        import fsspec
    except ImportError as exc:
        raise BuildError(f"{ref.source}: reading URLs needs fsspec (the 'remote' extra)") from exc
    suffix = os.path.splitext(ref.file_name)[1][:16]
    fd, tmp = tempfile.mkstemp(prefix="auditor-build-", suffix=suffix)
    try:
        try:
            with fsspec.open(ref.location, "rb") as src, os.fdopen(fd, "wb") as dst:
                copied = 0
                for chunk in iter(lambda: src.read(_CHUNK), b""):
                    copied += len(chunk)
                    if copied > limits.max_build_size:
                        raise BuildError(f"{ref.source}: larger than the bound of {limits.max_build_size} bytes")
                    dst.write(chunk)
        except (OSError, ValueError, ImportError) as exc:
            raise BuildError(f"{ref.source}: cannot fetch ({type(exc).__name__}: {exc})") from exc
        yield Path(tmp)
    finally:
        Path(tmp).unlink(missing_ok=True)


class BuildTimeout(BuildError):
    """A build took longer than the per-build bound."""


@contextlib.contextmanager
def _time_bound(seconds: float | None) -> Iterator[None]:
    """Raise :class:`BuildTimeout` after ``seconds`` (only on a main thread, where signals arrive)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise BuildTimeout(f"scan exceeded the time bound of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
