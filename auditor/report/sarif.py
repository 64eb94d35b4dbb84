"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.

- Rules come from the registry, as this run applied them: ``level`` and ``security-severity`` follow
  ``--config`` severity overrides; ``precision`` and the help say how each rule knows; tags ``security``
  and ``privacy`` (GitHub ranks alerts by ``security-severity`` only for rules tagged ``security``).
- Each result sits where a developer fixes it (:mod:`auditor.report.locate`): URIs relative to
  ``%SRCROOT%`` (the ``--source-root``, or the working directory), absolute paths as ``file://`` URIs.
- ``partialFingerprints`` carries the auditor's own key (rule, package, subject): the same build gives the
  same fingerprints. ``primaryLocationLineHash`` is never set: GitHub computes it from the source line.
- GitHub's limits: at most 25,000 results per run (most severe kept), 10 tags per rule, 1,000 locations.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from auditor.audit.model import Severity
from auditor.report.locate import SRCROOT, Located, Logical, Place, locate
from auditor.report.model import ReportModel, RuleView

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/privacy-auditor/privacy-auditor"
FINGERPRINT_KEY = "auditorFingerprint/v1"
MAX_RESULTS = 25_000
MAX_RELATED = 10
_LEVEL = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning",
          Severity.LOW: "note", Severity.INFO: "note"}
# GitHub: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low
SECURITY_SEVERITY = {Severity.CRITICAL: "9.5", Severity.HIGH: "8.0", Severity.MEDIUM: "5.5",
                     Severity.LOW: "3.0", Severity.INFO: "1.0"}
_FAMILY_TAGS = {"SDK": "third-party-sdk", "PERM": "permissions", "DATA": "personal-data", "CODE": "code"}
CWE_TAG = "external/cwe/cwe-359"
"""CWE-359: Exposure of Private Personal Information to an Unauthorized Actor."""


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", rule_id) if part)


def _descriptor(rule: RuleView) -> dict[str, Any]:
    family = _FAMILY_TAGS.get(rule.id.split("-", 1)[0], "privacy-audit")
    how = f"How it knows ({rule.precision} precision): {rule.basis}" if rule.basis else ""
    full = " ".join(p for p in (rule.help, how) if p)
    markdown = f"**{rule.title}**\n\n{rule.help}" + (f"\n\n*{how}*" if how else "") + (
        f"\n\n**Fix:** {rule.fix}." if rule.fix else "")
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": full},
        "help": {"text": full + (f" Fix: {rule.fix}." if rule.fix else ""), "markdown": markdown},
        "defaultConfiguration": {"level": _LEVEL[rule.severity], "enabled": rule.enabled},
        "properties": {"tags": ["security", "privacy", family, CWE_TAG][:10], "precision": rule.precision,
                       "security-severity": SECURITY_SEVERITY[rule.severity],
                       "default-severity": rule.default_severity.label, "severity": rule.severity.label},
    }


def _artifact(place: Place) -> dict[str, Any]:
    return {"uri": place.uri, "uriBaseId": SRCROOT} if place.relative else {"uri": place.uri}


def _physical(place: Place) -> dict[str, Any]:
    out: dict[str, Any] = {"artifactLocation": _artifact(place)}
    if place.start_line is not None and place.start_line >= 1:
        region: dict[str, Any] = {"startLine": place.start_line}
        if place.end_line is not None and place.end_line >= place.start_line:
            region["endLine"] = place.end_line
        if place.snippet:
            region["snippet"] = {"text": place.snippet}
        out["region"] = region
    return out


def _logical(items: tuple[Logical, ...]) -> list[dict[str, Any]]:
    return [{"name": lg.name, "fullyQualifiedName": lg.fully_qualified, "kind": lg.kind} for lg in items]


def _location(place: Place, logical: tuple[Logical, ...], index: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"physicalLocation": _physical(place)}
    if index is not None:
        out["id"] = index
    if logical:
        out["logicalLocations"] = _logical(logical)
    if place.note:
        out["message"] = {"text": place.note[:1000]}
    return out


def _result(model: ReportModel, index: dict[str, int], finding: Any) -> dict[str, Any]:
    rule = model.rule(finding.rule_id)
    where: Located = locate(model, finding)
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "level": _LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(where.primary, where.logical)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"severity": finding.severity.label, "subject": finding.subject,
                       "precision": rule.precision if rule else "medium"},
    }
    if finding.rule_id in index:
        result["ruleIndex"] = index[finding.rule_id]
    if where.related:
        result["relatedLocations"] = [_location(p, lg, i) for i, (p, lg) in enumerate(where.related[:MAX_RELATED])]
    return result


def to_sarif(model: ReportModel) -> dict[str, Any]:
    rules = [_descriptor(r) for r in model.rules]
    index = {r["id"]: i for i, r in enumerate(rules)}
    findings = model.audit.findings[:MAX_RESULTS]  # most severe first
    build = model.scan.build
    root = model.sources.root if model.sources is not None else model.work_dir
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "auditor", "informationUri": INFO_URI, "version": model.scan.tool_version,
                            "semanticVersion": model.scan.tool_version, "rules": rules}},
        "automationDetails": {"id": f"auditor/{build.manifest.package}/"},
        "columnKind": "utf16CodeUnits",
        "results": [_result(model, index, f) for f in findings],
        "properties": {"package": build.manifest.package, "build_sha256": build.sha256,
                       "version_name": build.manifest.version_name, "catalog_sha256": model.scan.catalog.sha256,
                       "results_dropped": max(0, len(model.audit.findings) - MAX_RESULTS)},
    }
    if root:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": Path(root).as_uri().rstrip("/") + "/"}}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(model: ReportModel) -> str:
    return json.dumps(to_sarif(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
