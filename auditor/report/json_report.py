"""JSON report of a scan (``--format json``). Schema: ``auditor/schemas/scan-report.schema.json``.

Deterministic: same build and catalog give the same bytes (sorted keys, no timestamps, stable order).
"""

from __future__ import annotations

import json
from typing import Any

from auditor.audit.model import AuditResult, BaselineEntry, Finding, Severity
from auditor.catalog.model import Vendor
from auditor.model import Build, DataAccess, ScanResult, SdkHit, SourcePosition, SwitchUse
from auditor.report.model import ReportModel

SCHEMA_VERSION = "1.1"


def build_block(build: Build) -> dict[str, Any]:
    m = build.manifest
    return {
        "path": build.path,
        "sha256": build.sha256,
        "size": build.size,
        "format": build.format,
        "package": m.package,
        "version_name": m.version_name,
        "version_code": m.version_code,
        "min_sdk": m.min_sdk,
        "target_sdk": m.target_sdk,
        "max_sdk": m.max_sdk,
        "application_class": m.application_class,
        "debuggable": m.debuggable,
        "label": m.label,
        "class_count": build.class_count,
        "dex": [
            {"path": d.path, "version": d.version, "classes": d.class_count,
             "method_refs": d.method_ref_count, "strings": d.string_count}
            for d in build.dex
        ],
        "components": [
            {"kind": c.kind, "name": c.name, "exported": c.exported, "authorities": list(c.authorities),
             "permission": c.permission, "intent_filter": c.has_intent_filter}
            for c in m.components
        ],
        "meta_data": [{"name": md.name, "parent": md.parent} for md in m.meta_data],
        "declared_permissions": [
            {"name": p.name, "protection_level": p.protection_level} for p in m.declared_permissions
        ],
        "queries": {"packages": list(m.queries.packages), "intent_actions": list(m.queries.intent_actions),
                    "providers": list(m.queries.providers)},
        "artifact_versions": [
            {"path": a.path, "group": a.group, "artifact": a.artifact, "version": a.version,
             "source": a.source, "modules": list(a.modules)}
            for a in build.artifact_versions
        ],
        "splits": [
            {"path": sp.path, "split": sp.split, "module": sp.module, "dex_count": sp.dex_count,
             "native_lib_count": sp.native_lib_count, "size": sp.size}
            for sp in build.splits
        ],
        "signing_block": [{"id": f"{e.id:#010x}", "name": e.name, "size": e.size} for e in build.signing_block],
        "deobfuscation": ({"source": build.deobfuscation.source, "renamed": build.deobfuscation.renamed}
                          if build.deobfuscation is not None else None),
        "nested": [
            {"path": n.path, "kind": n.kind, "size": n.size, "classes": n.class_count, "error": n.error}
            for n in build.nested
        ],
        "warnings": list(build.warnings),
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id, "severity": f.severity.label, "subject": f.subject, "message": f.message,
        "fingerprint": f.fingerprint,
        "evidence": [
            {"source": loc.source, "file": loc.file, "detail": loc.detail, "line_start": loc.line_start,
             "line_end": loc.line_end}
            for loc in f.evidence
        ],
    }


def _position(p: SourcePosition | None) -> dict[str, Any] | None:
    return None if p is None else {"file": p.file, "line": p.line, "class": p.class_name}


def access_dict(a: DataAccess) -> dict[str, Any]:
    return {
        "caller_class": a.caller_class, "caller_method": a.caller_method, "dex": a.dex, "api": a.api,
        "data_type": a.data_type, "permission": a.permission, "owner": a.owner,
        "reachability": a.reachability, "path": list(a.path), "via_reflection": a.via_reflection,
        "gate": a.gate, "repeated": a.repeated, "period_ms": a.period_ms,
        "position": _position(a.position), "app_frame": a.app_frame, "app_position": _position(a.app_position),
    }


def switch_dict(u: SwitchUse) -> dict[str, Any]:
    return {"sdk": u.sdk, "api": u.api, "meaning": u.meaning, "available": u.available, "verdict": u.verdict,
            "calls": [{"caller": c.caller, "value": c.value, "reachability": c.reachability} for c in u.calls]}


def _baseline_entry(e: BaselineEntry) -> dict[str, Any]:
    return {"fingerprint": e.fingerprint, "rule_id": e.rule_id, "subject": e.subject,
            "justification": e.justification, "expires": e.expires}


def audit_block(audit: AuditResult, fail_on: Severity | None) -> dict[str, Any]:
    failing = audit.at_or_above(fail_on) if fail_on is not None else ()
    return {
        "summary": {
            "counts": audit.counts(),
            "total": len(audit.findings),
            "suppressed": len(audit.suppressed),
            "fail_on": fail_on.label if fail_on is not None else None,
            "verdict": None if fail_on is None else "fail" if failing else "pass",
        },
        "policy": {"path": audit.policy_path} if audit.policy_path else None,
        "findings": [finding_dict(f) for f in audit.findings],
        "suppressed": [finding_dict(f) for f in audit.suppressed],
        "baseline": {"expired": [_baseline_entry(e) for e in audit.expired_baseline]},
    }


def to_dict(result: ScanResult, audit: AuditResult | None = None,
            fail_on: Severity | None = None) -> dict[str, Any]:
    """The report as plain data (also the base of the SARIF, HTML and Markdown reporters)."""
    doc = _scan_dict(result)
    doc["data_access"] = [access_dict(a) for a in result.data_access]
    doc["privacy_switches"] = [switch_dict(u) for u in result.privacy_switches]
    doc.update(audit_block(audit or AuditResult(()), fail_on))
    return doc


def vendor_dict(v: Vendor | None) -> dict[str, Any] | None:
    """A vendor record; ``None`` values are unknown (say "unknown", never "none")."""
    if v is None:
        return None
    return {"id": v.id, "name": v.name, "name_zh": v.name_zh, "legal_name": v.legal_name,
            "legal_name_zh": v.legal_name_zh, "country": v.country, "privacy_policy_url": v.privacy_policy_url,
            "website": v.website, "other_legal_names": [o.name for o in v.other_legal_names]}


def sdk_dict(s: SdkHit) -> dict[str, Any]:
    return {
        "id": s.sdk_id, "name": s.name, "vendor": s.vendor, "vendor_record": vendor_dict(s.vendor_record),
        "kind": s.kind.value, "product": s.product, "parts": list(s.parts), "category": s.category,
        "confidence": s.confidence, "class_count": s.class_count, "versions": list(s.versions),
        "evidence": [
            {"kind": e.kind.value, "value": e.value, "location": e.location, "count": e.count, "example": e.example}
            for e in s.evidence
        ],
    }


def _scan_dict(result: ScanResult) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "auditor", "version": result.tool_version},
        "build": build_block(result.build),
        "permissions": [
            {"name": p.name, "protection_level": p.protection_level, "kind": p.kind, "dangerous": p.dangerous,
             "label": p.label, "max_sdk_version": p.max_sdk_version, "sdk23": p.sdk23,
             "occurrences": p.occurrences, "known": p.known, "removed_after_api": p.removed_after_api}
            for p in result.permissions
        ],
        "sdks": [sdk_dict(s) for s in result.sdks],
        "libraries": [sdk_dict(s) for s in result.libraries],
        "native_libs": [
            {"path": n.path, "abi": n.abi, "name": n.name, "size": n.size, "soname": n.soname,
             "needed": list(n.needed), "jni_symbols": list(n.jni_symbols), "error": n.error}
            for n in result.build.native_libs
        ],
        "unknown_packages": [
            {"package": u.package, "class_count": u.class_count, "dex_files": list(u.dex_files),
             "example": u.example, "likely_vendor": u.likely_vendor or None,
             "likely_vendor_id": u.likely_vendor_id or None, "confidence": u.confidence,
             "evidence": [{"signal": e.signal.value, "value": e.value, "vendor": e.vendor,
                           "vendor_id": e.vendor_id or None, "sdk": e.sdk_id, "count": e.count}
                          for e in u.evidence],
             "components": list(u.components), "data_access_sites": u.data_access_sites, "hosts": list(u.hosts)}
            for u in result.unknown_packages
        ],
        "catalog": {"version": result.catalog.version, "sha256": result.catalog.sha256,
                    "entries": result.catalog.entries},
    }


def render(result: ScanResult, audit: AuditResult | None = None, fail_on: Severity | None = None) -> str:
    return json.dumps(to_dict(result, audit, fail_on), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_model(model: ReportModel) -> str:
    """The JSON report of a report model (``verdict`` is null unless a gate was given)."""
    gate = model.gate
    return render(model.scan, model.audit, gate.fail_on if gate is not None else None)
