"""The portfolio across a batch: SDK × app and permission × app matrices, findings by rule and severity,
and the SDKs that appeared or vanished since the previous batch. Computed from index records alone (pure).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from auditor.batch.model import IndexRecord

SEVERITIES = ("critical", "high", "medium", "low", "info")
PERMISSION_KIND_ORDER = {"dangerous": 0, "special": 1, "signature": 2, "normal": 3}
COLUMNS = ("app", "package", "version", "version_code", "sha256", "path", "status", "kind", "item", "detail",
           "value")
"""Columns of the portfolio table (Parquet and CSV): one tidy row per fact."""


@dataclass(frozen=True)
class App:
    """One build of the batch (a column of the matrices when it scanned)."""

    key: str
    """The package name; ``package (file name)`` when several builds of the batch share a package."""
    record: IndexRecord


@dataclass(frozen=True)
class MatrixRow:
    item: str
    label: str
    detail: str
    """SDK category, or permission kind."""
    cells: tuple[int | None, ...]
    """One per app column: SDK class count / 1 for a permission; ``None`` where absent."""

    @property
    def apps(self) -> int:
        return sum(1 for c in self.cells if c is not None)


@dataclass(frozen=True)
class RuleRow:
    rule_id: str
    severity: str
    findings: int
    apps: int


@dataclass(frozen=True)
class SdkChange:
    app: str
    sdk: str
    name: str
    change: str
    """``appeared`` or ``vanished``."""


@dataclass(frozen=True)
class Portfolio:
    apps: tuple[App, ...]
    """Every build, in path order."""
    columns: tuple[App, ...]
    """The builds that scanned (the matrices' columns)."""
    sdk_rows: tuple[MatrixRow, ...]
    permission_rows: tuple[MatrixRow, ...]
    rule_rows: tuple[RuleRow, ...]
    has_previous: bool
    changes: tuple[SdkChange, ...] = ()
    """Per app present in both batches."""
    sdks_appeared: tuple[str, ...] = ()
    """SDK ids found in no app of the previous batch."""
    sdks_vanished: tuple[str, ...] = ()
    """SDK ids of the previous batch found in no app now."""
    apps_added: tuple[str, ...] = ()
    apps_removed: tuple[str, ...] = ()

    @property
    def failed(self) -> tuple[App, ...]:
        return tuple(a for a in self.apps if not a.record.ok)

    def severity_totals(self) -> dict[str, int]:
        return {s: sum(r.findings for r in self.rule_rows if r.severity == s) for s in SEVERITIES}


def app_keys(records: Iterable[IndexRecord]) -> dict[str, str]:
    """path -> app key (package, disambiguated by file name when a package occurs more than once)."""
    records = list(records)
    per_package = Counter(r.package for r in records if r.package)
    keys = {}
    for r in records:
        if not r.package:
            keys[r.path] = r.path
        elif per_package[r.package] > 1:
            keys[r.path] = f"{r.package} ({PurePath(r.path).name})"
        else:
            keys[r.path] = r.package
    return keys


def _sdk_sets(records: Sequence[IndexRecord]) -> dict[str, set[str]]:
    keys = app_keys(records)
    return {keys[r.path]: {s.id for s in r.sdks} for r in records if r.ok}


def build_portfolio(records: Sequence[IndexRecord], previous: Sequence[IndexRecord] | None = None) -> Portfolio:
    """The portfolio of ``records``; with ``previous`` (the last batch's index), what changed since."""
    ordered = sorted(records, key=lambda r: r.path)
    keys = app_keys(ordered)
    apps = tuple(App(keys[r.path], r) for r in ordered)
    columns = tuple(a for a in apps if a.record.ok)
    portfolio = Portfolio(apps, columns, _sdk_rows(columns), _permission_rows(columns), _rule_rows(columns),
                          previous is not None)
    if previous is None:
        return portfolio
    now, before = _sdk_sets(ordered), _sdk_sets(previous)
    names = {s.id: s.name for r in [*ordered, *previous] for s in r.sdks}
    changes = []
    for app in sorted(set(now) & set(before)):
        changes += [SdkChange(app, s, names.get(s, s), "appeared") for s in sorted(now[app] - before[app])]
        changes += [SdkChange(app, s, names.get(s, s), "vanished") for s in sorted(before[app] - now[app])]
    all_now = set().union(*now.values()) if now else set()
    all_before = set().union(*before.values()) if before else set()
    return Portfolio(apps, columns, portfolio.sdk_rows, portfolio.permission_rows, portfolio.rule_rows, True,
                     tuple(changes), tuple(sorted(all_now - all_before)), tuple(sorted(all_before - all_now)),
                     tuple(sorted(set(now) - set(before))), tuple(sorted(set(before) - set(now))))


def _sdk_rows(columns: Sequence[App]) -> tuple[MatrixRow, ...]:
    info: dict[str, tuple[str, str]] = {}
    cells: dict[str, list[int | None]] = defaultdict(lambda: [None] * len(columns))
    for i, app in enumerate(columns):
        for sdk in app.record.sdks:
            info[sdk.id] = (sdk.name, sdk.category)
            cells[sdk.id][i] = sdk.class_count
    rows = [MatrixRow(sdk, info[sdk][0], info[sdk][1], tuple(c)) for sdk, c in cells.items()]
    return tuple(sorted(rows, key=lambda r: (-r.apps, r.item)))


def _permission_rows(columns: Sequence[App]) -> tuple[MatrixRow, ...]:
    kinds: dict[str, str] = {}
    cells: dict[str, list[int | None]] = defaultdict(lambda: [None] * len(columns))
    for i, app in enumerate(columns):
        for name, kind in app.record.permissions:
            kinds[name] = kind
            cells[name][i] = 1
    rows = [MatrixRow(name, name.rsplit(".", 1)[-1], kinds[name], tuple(c)) for name, c in cells.items()]
    return tuple(sorted(rows, key=lambda r: (PERMISSION_KIND_ORDER.get(r.detail, 9), -r.apps, r.item)))


def _rule_rows(columns: Sequence[App]) -> tuple[RuleRow, ...]:
    findings: Counter[tuple[str, str]] = Counter()
    apps: Counter[tuple[str, str]] = Counter()
    for app in columns:
        for fact in app.record.rules:
            findings[(fact.rule_id, fact.severity)] += fact.count
            apps[(fact.rule_id, fact.severity)] += 1
    order = {s: i for i, s in enumerate(SEVERITIES)}
    rows = [RuleRow(rule, sev, n, apps[(rule, sev)]) for (rule, sev), n in findings.items()]
    return tuple(sorted(rows, key=lambda r: (order.get(r.severity, 9), r.rule_id)))


def table_rows(portfolio: Portfolio) -> list[dict[str, object]]:
    """The portfolio as tidy rows (:data:`COLUMNS`): one per build, SDK, permission, rule and SDK change."""
    rows: list[dict[str, object]] = []
    by_key = {a.key: a for a in portfolio.apps}

    def add(app: App, kind: str, item: str, detail: str, value: int) -> None:
        r = app.record
        rows.append({"app": app.key, "package": r.package, "version": r.version, "version_code": r.version_code,
                     "sha256": r.sha256, "path": r.path, "status": r.status.value, "kind": kind, "item": item,
                     "detail": detail, "value": value})

    for app in portfolio.apps:
        r = app.record
        add(app, "build", r.status.value, r.error, sum(r.counts.values()))
        for sdk in r.sdks:
            add(app, "sdk", sdk.id, sdk.name, sdk.class_count)
        for name, kind in r.permissions:
            add(app, "permission", name, kind, 1)
        for fact in r.rules:
            add(app, "finding", fact.rule_id, fact.severity, fact.count)
    for change in portfolio.changes:
        add(by_key[change.app], f"sdk_{change.change}", change.sdk, change.name, 1)
    return rows
