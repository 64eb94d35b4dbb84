"""The batch model: what a batch scans (:class:`BuildRef`), what it records per build (:class:`IndexRecord`).

An index record is one line of ``out/index.jsonl``. It carries the per-build facts the portfolio needs
(SDK ids, permissions, findings by rule and severity), so the portfolio and the comparison with the
previous batch are computed from index files alone, without re-reading every per-build report.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

from auditor.errors import AuditorError, ExitCode
from auditor.sanitize import json_text


class BatchError(AuditorError):
    """The batch itself cannot run: no builds found, unreadable list file, unreachable scheduler (exit 2)."""

    exit_code = ExitCode.USAGE


class Status(str, Enum):
    OK = "ok"
    ERROR = "error"


@dataclass(frozen=True)
class BuildRef:
    """One build to scan."""

    source: str
    """The build as the user named it (relative path, absolute path or URL); reports and the index show it."""
    location: str
    """What a worker opens: an absolute local path, or an fsspec URL (``s3://...``, ``file://...``)."""

    @property
    def is_url(self) -> bool:
        return "://" in self.location

    @property
    def file_name(self) -> str:
        """Last path component (what ``files:`` globs of a policy map match)."""
        return self.location.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class SdkFact:
    """An SDK found in a build (the portfolio's SDK × app matrix)."""

    id: str
    name: str
    category: str = ""
    class_count: int = 0


@dataclass(frozen=True)
class RuleFact:
    """How many findings of one rule at one severity a build has."""

    rule_id: str
    severity: str
    count: int


@dataclass(frozen=True)
class IndexRecord:
    """One line of ``index.jsonl``: the outcome of scanning one build."""

    path: str
    """:attr:`BuildRef.source`."""
    status: Status
    sha256: str = ""
    """Of the build file (also set for most failed builds, empty when the file could not be read)."""
    size: int = 0
    package: str = ""
    version: str = ""
    """``versionName``."""
    version_code: int | None = None
    error: str = ""
    """One-line reason when ``status`` is ``error``."""
    counts: dict[str, int] = field(default_factory=dict)
    """Active findings per severity (``critical`` .. ``info``)."""
    catalog_sha256: str = ""
    settings_sha256: str = ""
    """Digest of what else shapes the result (policy, scenes, config, code analysis on/off)."""
    policy: str = ""
    """Policy file the build was held against (empty: none)."""
    duration_s: float = 0.0
    sdks: tuple[SdkFact, ...] = ()
    permissions: tuple[tuple[str, str], ...] = ()
    """``(permission name, kind)`` pairs; kind is ``dangerous``, ``special``, ``signature``, ``normal``..."""
    rules: tuple[RuleFact, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def to_json(self) -> str:
        data = asdict(self)
        data["status"] = self.status.value
        data["permissions"] = [{"name": n, "kind": k} for n, k in self.permissions]
        return json_text(json.dumps(data, ensure_ascii=False, sort_keys=True))  # any file name: exact, one line

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexRecord:
        """Inverse of :meth:`to_json` (``KeyError`` / ``TypeError`` / ``ValueError`` on a malformed line)."""
        return cls(
            path=str(data["path"]), status=Status(data["status"]), sha256=str(data.get("sha256", "")),
            size=int(data.get("size", 0)), package=str(data.get("package", "")),
            version=str(data.get("version", "")), version_code=data.get("version_code"),
            error=str(data.get("error", "")), counts={str(k): int(v) for k, v in data.get("counts", {}).items()},
            catalog_sha256=str(data.get("catalog_sha256", "")),
            settings_sha256=str(data.get("settings_sha256", "")), policy=str(data.get("policy", "")),
            duration_s=float(data.get("duration_s", 0.0)),
            sdks=tuple(SdkFact(**s) for s in data.get("sdks", ())),
            permissions=tuple((str(p["name"]), str(p["kind"])) for p in data.get("permissions", ())),
            rules=tuple(RuleFact(**r) for r in data.get("rules", ())),
        )

    def comparable(self) -> dict[str, Any]:
        """Everything but the duration (which differs between runs): for comparing two batches."""
        data: dict[str, Any] = json.loads(self.to_json())
        data.pop("duration_s")
        return data


@dataclass(frozen=True)
class BuildResult:
    """What a worker hands back for one build."""

    record: IndexRecord
    document: str | None = None
    """The ``scan --format json`` document (``None`` when the build failed)."""


@dataclass(frozen=True)
class Progress:
    """Reported to the caller's callback after each build (the library never prints)."""

    done: int
    total: int
    failed: int
    elapsed_s: float
    record: IndexRecord

    @property
    def per_minute(self) -> float:
        return 60.0 * self.done / self.elapsed_s if self.elapsed_s > 0 else 0.0


@dataclass(frozen=True)
class BatchSummary:
    """What a batch did (the command's exit code and the portfolio's header come from it)."""

    builds: int
    scanned: int
    """Builds scanned in this run."""
    resumed: int
    """Builds skipped by ``--resume`` (their earlier result still holds)."""
    failed: int
    elapsed_s: float
    catalog_sha256: str
    engine: str
    previous: str = ""
    """Where the previous batch was read from (empty: none)."""
    warnings: tuple[str, ...] = ()
    """Non-fatal problems (e.g. Parquet skipped because pyarrow is missing)."""

    @property
    def per_minute(self) -> float:
        return 60.0 * self.scanned / self.elapsed_s if self.elapsed_s > 0 else 0.0
