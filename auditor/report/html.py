"""HTML audit report (``--format html``): one self-contained page, rendered from the report model.

Pure: ``render(model) -> str``. The page opens with what to do (actions grouped by SDK), then the verdict
only when a gate was given, the findings with their evidence folded, policy coverage (computed from the
build and the policy, :mod:`auditor.report.coverage`), SDKs grouped by product, personal data in code and
permissions. The Jinja environment is built per call (no module state), autoescape is on and undefined
names fail loudly. The page loads nothing from outside (inline CSS, one tiny inline script allowed by hash
in a strict Content-Security-Policy, so even a missed escape could not run injected script).
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from auditor.audit.knowledge import short_name
from auditor.audit.model import Finding, Location
from auditor.model import DataAccess, ScanResult
from auditor.report.actions import short_chain
from auditor.report.model import ReportModel, RuleView
from auditor.vocab import CATEGORIES, DATA_TYPES

SEVERITIES = ("critical", "high", "medium", "low", "info")
REACHABILITY_ORDER = {"startup": 0, "self-start": 1, "gated": 2, "later": 3, "dead": 4}
MAX_SITES_PER_CELL = 100
MAX_UNKNOWN = 200

# Opens every <details> while printing so help texts and call paths reach the paper.
PRINT_SCRIPT = (
    "window.addEventListener('beforeprint',function(){"
    "document.querySelectorAll('details').forEach(function(d){d.setAttribute('open','');});});"
)


@dataclass(frozen=True)
class MatrixCell:
    """Call sites of one owner reaching one data type."""

    total: int
    startup: int
    reachable: int
    dead: int
    anchor: str

    @property
    def state(self) -> str:
        """The worst reachability in the cell: ``startup``, ``reachable`` or ``dead``."""
        return "startup" if self.startup else "reachable" if self.reachable else "dead"


@dataclass(frozen=True)
class MatrixRow:
    owner: str
    """SDK id, ``app`` or ``unknown``."""
    label: str
    cells: tuple[MatrixCell | None, ...]
    """One per column; ``None`` where the owner never reaches that data type."""


@dataclass(frozen=True)
class Matrix:
    """Owners (rows) x data types (columns); only owners and data types that occur."""

    columns: tuple[str, ...]
    """Data type ids, in vocabulary order."""
    rows: tuple[MatrixRow, ...]
    """Detected SDKs by name, then ``App``, then ``Unknown``."""


def owner_label(owner: str, sdk_names: Mapping[str, str]) -> str:
    if owner == "app":
        return "App"
    if owner == "unknown":
        return "Unknown"
    return sdk_names.get(owner, owner)


def data_matrix(scan: ScanResult) -> Matrix:
    """The SDK x data-type matrix of the scan's call sites (every call site, dead ones included)."""
    sdk_names = {s.sdk_id: s.name for s in scan.sdks}
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for site in scan.data_access:
        counts[(site.owner, site.data_type)][site.reachability] += 1
    order = {t.id: i for i, t in enumerate(DATA_TYPES)}
    columns = tuple(sorted({dt for _, dt in counts}, key=lambda d: (order.get(d, len(order)), d)))
    owners = {o for o, _ in counts}

    def owner_key(o: str) -> tuple[int, str, str]:
        rank = 2 if o == "unknown" else 1 if o == "app" else 0
        return rank, owner_label(o, sdk_names).casefold(), o

    rows = []
    for i, owner in enumerate(sorted(owners, key=owner_key)):
        cells = []
        for dt in columns:
            c = counts.get((owner, dt))
            early = (c["startup"] + c["self-start"]) if c else 0
            dead = c["dead"] if c else 0
            cells.append(None if c is None else MatrixCell(
                sum(c.values()), early, sum(c.values()) - early - dead, dead, f"cs-{i}-{dt}"))
        rows.append(MatrixRow(owner, owner_label(owner, sdk_names), tuple(cells)))
    return Matrix(columns, tuple(rows))


def _evidence_view(ev: Location) -> dict[str, Any]:
    start, end = ev.line_start, ev.line_end
    lines = ""
    if start is not None:
        lines = f"line {start}" if end in (None, start) else f"lines {start}–{end}"
    return {"source": ev.source, "file": ev.file, "detail": ev.detail, "lines": lines}


def _findings_view(findings: Sequence[Finding], rules: Mapping[str, RuleView]) -> list[dict[str, Any]]:
    """Findings by severity (most severe first), then by rule in order of first appearance."""
    groups = []
    for sev in SEVERITIES:
        by_rule: dict[str, list[dict[str, Any]]] = {}
        for f in findings:
            if f.severity.label != sev:
                continue
            by_rule.setdefault(f.rule_id, []).append({
                "subject": f.subject, "message": f.message, "fingerprint": f.fingerprint,
                "evidence": [_evidence_view(e) for e in f.evidence]})
        if not by_rule:
            continue
        groups.append({"severity": sev, "count": sum(len(v) for v in by_rule.values()), "rules": [{
            "rule_id": rule_id,
            "title": (rules[rule_id].title if rule_id in rules else "") or rule_id,
            "help": rules[rule_id].help if rule_id in rules else "",
            "fix": rules[rule_id].fix if rule_id in rules else "",
            "findings": items,
        } for rule_id, items in by_rule.items()]})
    return groups


def _sdk_inventory(model: ReportModel) -> list[dict[str, Any]]:
    """SDK products by category; each product lists the parts found in the build."""
    labels: dict[str, str] = {t.id: t.en for t in CATEGORIES}
    by_cat: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for group in model.groups:
        if not group.hits:
            continue
        parts = []
        for s in sorted(group.hits, key=lambda h: (h.sdk_id != group.key, h.name.casefold())):
            kinds: Counter[str] = Counter()
            for e in s.evidence:
                kinds[e.kind.value] += e.count
            parts.append({"id": s.sdk_id, "name": s.name, "vendor": s.vendor or "unknown",
                          "confidence": f"{s.confidence:.0%}",
                          "class_count": s.class_count, "versions": ", ".join(s.versions),
                          "evidence": [f"{k} ×{n}" for k, n in sorted(kinds.items())],
                          "example": next((e.example or e.value for e in s.evidence), "")})
        first = group.hits[0]
        category = next((h.category for h in group.hits if h.sdk_id == group.key), first.category)
        by_cat[category].append({"label": group.label, "parts": parts})
    out = []
    for cat in sorted(by_cat, key=lambda c: (labels.get(c, str(c)).casefold(), c)):
        products = sorted(by_cat[cat], key=lambda p: str(p["label"]).casefold())
        out.append({"id": cat, "label": labels.get(cat, cat), "products": products})
    return out


def _permissions_view(model: ReportModel) -> list[dict[str, Any]]:
    disclosed = {p.name: p.disclosed for p in model.coverage.permissions} if model.coverage else {}
    no_scene = {f.subject for f in (*model.audit.findings, *model.audit.suppressed) if f.rule_id == "PERM-NO-SCENE"}
    kind_order = {"dangerous": 0, "special": 1, "normal": 2, "signature": 3}
    rows = []
    for p in sorted(model.scan.permissions, key=lambda p: (kind_order.get(p.kind, 4), p.name)):
        state = disclosed.get(p.name)
        rows.append({"name": p.name, "short": short_name(p.name), "kind": p.kind, "label": p.label,
                     "max_sdk": p.max_sdk_version,
                     "disclosed": "" if model.coverage is None else "n/a" if state is None else
                     "yes" if state else "no", "no_scene": p.name in no_scene})
    return rows


def _coverage_view(model: ReportModel) -> dict[str, Any] | None:
    cov = model.coverage
    if cov is None:
        return None

    def names(items: Any) -> list[str]:
        return sorted((i.name for i in items), key=str.casefold)

    return {
        "path": cov.policy_path,
        "named": names(cov.sdks_with("named")),
        "via_product": [f"{c.name} (part of {', '.join(c.named_as)})" for c in cov.sdks_with("via-product")],
        "undisclosed": names(cov.sdks_with("undisclosed")),
        "same_vendor": [f"{c.name} (the policy names {', '.join(c.named_as)} of the same vendor)"
                        for c in cov.sdks_with("undisclosed-same-vendor")],
        "stale": names(cov.stale),
        "unresolved": names(cov.unresolved),
        "data_undisclosed": [d.data_type for d in cov.data_types if not d.disclosed],
    }


def _site_view(site: DataAccess) -> dict[str, Any]:
    return {"reachability": site.reachability, "caller_class": site.caller_class,
            "caller_method": site.caller_method, "api": site.api, "via_reflection": site.via_reflection,
            "dex": site.dex, "path": list(site.path), "chain": short_chain(site),
            "source": (f"{site.position.file}:{site.position.line}" if site.position and site.position.line
                       else site.position.file if site.position else "")}


def _call_sites_view(scan: ScanResult, matrix: Matrix) -> list[dict[str, Any]]:
    labels = {t.id: t.en for t in DATA_TYPES}
    by_cell: dict[tuple[str, str], list[DataAccess]] = defaultdict(list)
    for site in scan.data_access:
        by_cell[(site.owner, site.data_type)].append(site)
    out = []
    for row in matrix.rows:
        for dt, cell in zip(matrix.columns, row.cells):
            if cell is None:
                continue
            sites = sorted(by_cell[(row.owner, dt)], key=lambda s: (
                REACHABILITY_ORDER.get(s.reachability, 5), s.caller_class, s.caller_method, s.api, s.dex))
            out.append({"anchor": cell.anchor, "owner": row.label, "data_type": dt,
                        "data_label": labels.get(dt, dt), "cell": cell,
                        "sites": [_site_view(s) for s in sites[:MAX_SITES_PER_CELL]],
                        "more": max(0, len(sites) - MAX_SITES_PER_CELL)})
    return out


def _build_view(scan: ScanResult) -> dict[str, Any]:
    b = scan.build
    m = b.manifest
    return {"file": PurePath(b.path).name, "path": b.path, "package": m.package, "version_name": m.version_name,
            "version_code": m.version_code, "sha256": b.sha256, "min_sdk": m.min_sdk, "target_sdk": m.target_sdk,
            "class_count": b.class_count, "dex_count": len(b.dex), "native_count": len(b.native_libs),
            "debuggable": m.debuggable, "label": m.label}


def _verdict_view(model: ReportModel) -> dict[str, Any] | None:
    v = model.verdict
    if v is None:
        return None
    return {"passed": v.passed, "gate": v.gate.describe(), "reasons": list(v.reasons)}


def context(model: ReportModel) -> dict[str, Any]:
    """Everything the template shows, computed from the model (the template only lays it out)."""
    scan, audit = model.scan, model.audit
    rules = {r.id: r for r in model.rules}
    matrix = data_matrix(scan)
    dt_labels = {t.id: t.en for t in DATA_TYPES}
    unknown = sorted(scan.unknown_packages, key=lambda u: (-u.class_count, u.package))
    counts = audit.counts()
    return {
        "tool": {"name": "auditor", "version": scan.tool_version},
        "build": _build_view(scan),
        "catalog": scan.catalog,
        "policy": {"path": audit.policy_path} if audit.policy_path else None,
        "severities": SEVERITIES,
        "counts": {s: int(counts.get(s, 0)) for s in SEVERITIES},
        "total": len(audit.findings),
        "suppressed_total": len(audit.suppressed),
        "verdict": _verdict_view(model),
        "actions": [{"severity": a.severity.label, "group": a.group, "summary": a.summary, "fix": a.fix,
                     "rule_id": a.rule_id, "count": a.count} for a in model.actions],
        "rule_counts": [{"rule_id": r.rule_id, "title": r.title, "severity": r.severity.label, "count": r.count}
                        for r in model.rule_counts],
        "expired": audit.expired_baseline,
        "groups": _findings_view(audit.findings, rules),
        "suppressed": _findings_view(audit.suppressed, rules),
        "inventory": _sdk_inventory(model),
        "sdk_total": len(scan.sdks),
        "permissions": _permissions_view(model),
        "matrix": matrix,
        "matrix_labels": {c: dt_labels.get(c, c) for c in matrix.columns},
        "call_sites": _call_sites_view(scan, matrix),
        "site_total": len(scan.data_access),
        "coverage": _coverage_view(model),
        "unknown": unknown[:MAX_UNKNOWN],
        "unknown_more": max(0, len(unknown) - MAX_UNKNOWN),
        "unknown_classes": sum(u.class_count for u in unknown),
    }


def environment() -> Environment:
    """The Jinja environment every HTML reporter uses: package templates, autoescape, strict undefined."""
    return Environment(loader=PackageLoader("auditor", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def render(model: ReportModel) -> str:
    """The HTML report of ``model``."""
    digest = base64.b64encode(hashlib.sha256(PRINT_SCRIPT.encode()).digest()).decode()
    template = environment().get_template("report.html.j2")
    return template.render(**context(model), print_script=Markup(PRINT_SCRIPT),
                           script_hash=f"sha256-{digest}")
