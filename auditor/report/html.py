"""HTML audit report (``--format html``): one self-contained page, rendered from the JSON report dict.

Pure: ``render(report, rules) -> str``. The Jinja environment is built per call (no module state),
autoescape is on and undefined names fail loudly. The page loads nothing from outside (inline CSS, one
tiny inline script allowed by hash in a strict Content-Security-Policy, so even a missed escape could
not run injected script).
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from auditor.audit.knowledge import short_name
from auditor.vocab import CATEGORIES, DATA_TYPES

SEVERITIES = ("critical", "high", "medium", "low", "info")
REACHABILITY_ORDER = {"startup": 0, "self-start": 1, "gated": 2, "later": 3, "dead": 4}
_CELL_BUCKET = {"startup": "startup", "self-start": "startup", "gated": "reachable", "later": "reachable",
                "dead": "dead"}
"""Matrix cells count call sites before consent (start-up, self-start), later or gated, and dead."""
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


def data_matrix(report: Mapping[str, Any]) -> Matrix:
    """The SDK x data-type matrix of ``report["data_access"]`` (every call site, dead ones included)."""
    sdk_names = {s["id"]: s["name"] for s in report.get("sdks", [])}
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for site in report.get("data_access", []):
        counts[(site["owner"], site["data_type"])][_CELL_BUCKET.get(site["reachability"], "reachable")] += 1
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
            cells.append(None if c is None else MatrixCell(
                sum(c.values()), c["startup"], c["reachable"], c["dead"], f"cs-{i}-{dt}"))
        rows.append(MatrixRow(owner, owner_label(owner, sdk_names), tuple(cells)))
    return Matrix(columns, tuple(rows))


def _rule_table(rules: Iterable[Any] | None) -> dict[str, dict[str, str]]:
    """Rule id -> title, severity and help, from RuleInfo objects or dicts with the same keys."""
    if rules is None:
        from auditor.audit.rules import all_rules

        rules = [r.info for r in all_rules()]
    out = {}
    for r in rules:
        get = r.get if isinstance(r, Mapping) else lambda k, r=r: getattr(r, k, "")
        severity = get("severity")
        out[str(get("id"))] = {"title": str(get("title") or ""), "help": str(get("help") or ""),
                               "severity": getattr(severity, "label", str(severity or ""))}
    return out


def _evidence_view(ev: Mapping[str, Any]) -> dict[str, Any]:
    start, end = ev.get("line_start"), ev.get("line_end")
    lines = ""
    if start is not None:
        lines = f"line {start}" if end in (None, start) else f"lines {start}–{end}"
    return {"source": ev.get("source", ""), "file": ev.get("file", ""), "detail": ev.get("detail", ""),
            "lines": lines}


def _findings_view(findings: Sequence[Mapping[str, Any]], rules: dict[str, dict[str, str]]
                   ) -> list[dict[str, Any]]:
    """Findings by severity (most severe first), then by rule in order of first appearance."""
    groups = []
    for sev in SEVERITIES:
        by_rule: dict[str, list[dict[str, Any]]] = {}
        for f in findings:
            if f["severity"] != sev:
                continue
            by_rule.setdefault(f["rule_id"], []).append({
                "subject": f["subject"], "message": f["message"], "fingerprint": f.get("fingerprint", ""),
                "evidence": [_evidence_view(e) for e in f.get("evidence", [])]})
        if not by_rule:
            continue
        groups.append({"severity": sev, "count": sum(len(v) for v in by_rule.values()), "rules": [{
            "rule_id": rule_id,
            "title": rules.get(rule_id, {}).get("title", "") or rule_id,
            "help": rules.get(rule_id, {}).get("help", ""),
            "findings": items,
        } for rule_id, items in by_rule.items()]})
    return groups


def _sdk_inventory(sdks: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    labels: dict[str, str] = {t.id: t.en for t in CATEGORIES}
    by_cat: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for s in sdks:
        by_cat[s["category"]].append(s)
    out = []
    for cat in sorted(by_cat, key=lambda c: (labels.get(c, str(c)).casefold(), c)):
        rows = []
        for s in sorted(by_cat[cat], key=lambda s: (s["name"].casefold(), s["id"])):
            kinds: Counter[str] = Counter()
            for e in s.get("evidence", []):
                kinds[e["kind"]] += int(e.get("count") or 1)
            rows.append({"id": s["id"], "name": s["name"], "vendor": s["vendor"] or "unknown",
                         "confidence": f"{float(s['confidence']):.0%}", "class_count": s.get("class_count", 0),
                         "versions": ", ".join(s.get("versions", [])),
                         "evidence": [f"{k} ×{n}" for k, n in sorted(kinds.items())],
                         "example": next((e.get("example") or e.get("value") for e in s.get("evidence", [])),
                                         "")})
        out.append({"id": cat, "label": labels.get(cat, cat), "sdks": rows})
    return out


def _subjects(report: Mapping[str, Any], rule_id: str) -> list[str]:
    """Subjects of a rule's findings, suppressed ones included (a baseline does not change the facts)."""
    seen = [f["subject"] for f in list(report.get("findings", [])) + list(report.get("suppressed", []))
            if f["rule_id"] == rule_id]
    return sorted(set(seen))


def _permissions_view(report: Mapping[str, Any]) -> list[dict[str, Any]]:
    policy = report.get("policy") is not None
    undisclosed = set(_subjects(report, "PERM-UNDISCLOSED"))
    no_scene = set(_subjects(report, "PERM-NO-SCENE"))
    kind_order = {"dangerous": 0, "special": 1, "normal": 2, "signature": 3}
    rows = []
    for p in sorted(report.get("permissions", []), key=lambda p: (kind_order.get(p["kind"], 4), p["name"])):
        name = p["name"]
        if not policy:
            disclosed = ""
        elif name in undisclosed:
            disclosed = "no"
        elif p["kind"] in ("dangerous", "special"):
            disclosed = "yes"
        else:
            disclosed = "n/a"
        short = short_name(name)
        rows.append({"name": name, "short": short, "kind": p["kind"], "label": p.get("label") or "",
                     "max_sdk": p.get("max_sdk_version"), "disclosed": disclosed,
                     "no_scene": name in no_scene})
    return rows


def _coverage_view(report: Mapping[str, Any]) -> dict[str, Any] | None:
    if report.get("policy") is None:
        return None
    names = {s["id"]: s["name"] for s in report.get("sdks", [])}
    undisclosed = _subjects(report, "SDK-UNDISCLOSED")
    named = sorted((names[i] for i in names if i not in undisclosed), key=str.casefold)
    return {
        "path": report["policy"].get("path", ""),
        "named": named,
        "undisclosed": sorted((names.get(i, i) for i in undisclosed), key=str.casefold),
        "stale": _subjects(report, "SDK-STALE"),
        "unresolved": _subjects(report, "SDK-UNRESOLVED"),
        "vendor_mismatch": sorted((names.get(i, i) for i in _subjects(report, "SDK-VENDOR-MISMATCH")),
                                  key=str.casefold),
        "data_beyond": sorted((names.get(i, i) for i in _subjects(report, "SDK-DATA-BEYOND")),
                              key=str.casefold),
    }


def _call_sites_view(report: Mapping[str, Any], matrix: Matrix) -> list[dict[str, Any]]:
    labels = {t.id: t.en for t in DATA_TYPES}
    by_cell: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for site in report.get("data_access", []):
        by_cell[(site["owner"], site["data_type"])].append(site)
    out = []
    for row in matrix.rows:
        for dt, cell in zip(matrix.columns, row.cells):
            if cell is None:
                continue
            sites = sorted(by_cell[(row.owner, dt)], key=lambda s: (
                REACHABILITY_ORDER.get(s["reachability"], 5), s["caller_class"], s["caller_method"], s["api"],
                s.get("dex", "")))
            out.append({"anchor": cell.anchor, "owner": row.label, "data_type": dt,
                        "data_label": labels.get(dt, dt), "cell": cell,
                        "sites": [dict(s) for s in sites[:MAX_SITES_PER_CELL]],
                        "more": max(0, len(sites) - MAX_SITES_PER_CELL)})
    return out


def _build_view(report: Mapping[str, Any]) -> dict[str, Any]:
    b = report["build"]
    return {"file": PurePath(str(b.get("path", ""))).name, "path": b.get("path", ""),
            "package": b.get("package", ""), "version_name": b.get("version_name") or "",
            "version_code": b.get("version_code"), "sha256": b.get("sha256", ""),
            "min_sdk": b.get("min_sdk"), "target_sdk": b.get("target_sdk"),
            "class_count": b.get("class_count"), "dex_count": len(b.get("dex", [])),
            "native_count": len(report.get("native_libs", [])), "debuggable": bool(b.get("debuggable")),
            "label": b.get("label") or ""}


def context(report: Mapping[str, Any], rules: Iterable[Any] | None = None) -> dict[str, Any]:
    """Everything the template shows, computed from the report dict (the template only lays it out)."""
    rule_table = _rule_table(rules)
    summary = report["summary"]
    matrix = data_matrix(report)
    dt_labels = {t.id: t.en for t in DATA_TYPES}
    unknown = sorted(report.get("unknown_packages", []), key=lambda u: (-u["class_count"], u["package"]))
    return {
        "tool": report.get("tool", {}),
        "schema_version": report.get("schema_version", ""),
        "build": _build_view(report),
        "catalog": report.get("catalog", {}),
        "policy": report.get("policy"),
        "severities": SEVERITIES,
        "counts": {s: int(summary["counts"].get(s, 0)) for s in SEVERITIES},
        "summary": summary,
        "expired": report.get("baseline", {}).get("expired", []),
        "groups": _findings_view(report.get("findings", []), rule_table),
        "suppressed": _findings_view(report.get("suppressed", []), rule_table),
        "inventory": _sdk_inventory(report.get("sdks", [])),
        "sdk_total": len(report.get("sdks", [])),
        "permissions": _permissions_view(report),
        "matrix": matrix,
        "matrix_labels": {c: dt_labels.get(c, c) for c in matrix.columns},
        "call_sites": _call_sites_view(report, matrix),
        "site_total": len(report.get("data_access", [])),
        "coverage": _coverage_view(report),
        "unknown": unknown[:MAX_UNKNOWN],
        "unknown_more": max(0, len(unknown) - MAX_UNKNOWN),
        "unknown_classes": sum(u["class_count"] for u in unknown),
    }


def _environment() -> Environment:
    return Environment(loader=PackageLoader("auditor", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def render(report: Mapping[str, Any], rules: Iterable[Any] | None = None) -> str:
    """The HTML report for ``report`` (``json_report.to_dict``). ``rules``: RuleInfo objects or dicts
    (id, title, severity, help); default: the rule registry."""
    digest = base64.b64encode(hashlib.sha256(PRINT_SCRIPT.encode()).digest()).decode()
    template = _environment().get_template("report.html.j2")
    return template.render(**context(report, rules), print_script=Markup(PRINT_SCRIPT),
                           script_hash=f"sha256-{digest}")
