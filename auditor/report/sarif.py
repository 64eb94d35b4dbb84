"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.

Rules come from the registry (:func:`auditor.audit.rules.all_rules`): id, title, help and default level
in one place. Results point at ``AndroidManifest.xml`` (build evidence) or the policy file (with its line
numbers). ``partialFingerprints`` carries the auditor fingerprint, so alerts survive rebuilds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from auditor.audit.model import AuditResult, Finding, Severity
from auditor.audit.rules import all_rules
from auditor.model import ScanResult

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/privacy-auditor/privacy-auditor"
_LEVEL = {Severity.CRITICAL: "error", Severity.HIGH: "error", Severity.MEDIUM: "warning",
          Severity.LOW: "note", Severity.INFO: "note"}
_SECURITY_SEVERITY = {Severity.CRITICAL: "9.5", Severity.HIGH: "8.0", Severity.MEDIUM: "5.5",
                      Severity.LOW: "3.0", Severity.INFO: "1.0"}


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", rule_id) if part)


def _rule_descriptors() -> list[dict[str, Any]]:
    out = []
    for rule in all_rules():
        info = rule.info
        out.append({
            "id": info.id,
            "name": _pascal(info.id),
            "shortDescription": {"text": info.title},
            "fullDescription": {"text": info.help},
            "help": {"text": info.help, "markdown": f"**{info.title}**\n\n{info.help}"},
            "defaultConfiguration": {"level": _LEVEL[info.severity]},
            "properties": {"tags": ["privacy"], "precision": "high",
                           "security-severity": _SECURITY_SEVERITY[info.severity]},
        })
    return out


def _uri(path: str) -> str:
    return Path(path).as_posix().lstrip("/") or "AndroidManifest.xml"


def _locations(finding: Finding, policy_path: str) -> list[dict[str, Any]]:
    locations = []
    for loc in finding.evidence:
        if loc.source == "policy" and loc.file:
            region: dict[str, Any] = {"startLine": max(1, loc.line_start or 1)}
            if loc.line_end and loc.line_end >= region["startLine"]:
                region["endLine"] = loc.line_end
            locations.append({"physicalLocation": {"artifactLocation": {"uri": _uri(loc.file)},
                                                   "region": region},
                              "message": {"text": loc.detail or "policy text"}})
    if not any(loc.source == "build" for loc in finding.evidence) and locations:
        return locations[:5]
    # build evidence: the manifest is the one build file a reviewer can open; keep the detail as message
    details = [f"{loc.file}: {loc.detail}" for loc in finding.evidence if loc.source != "policy"]
    manifest = {"physicalLocation": {"artifactLocation": {"uri": "AndroidManifest.xml"},
                                     "region": {"startLine": 1}}}
    if details:
        manifest["message"] = {"text": "; ".join(details)[:1000]}
    return ([manifest] + locations)[:5]


def to_sarif(result: ScanResult, audit: AuditResult) -> dict[str, Any]:
    rules = _rule_descriptors()
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = []
    for f in audit.findings:
        results.append({
            "ruleId": f.rule_id,
            "ruleIndex": index[f.rule_id],
            "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": _locations(f, audit.policy_path),
            "partialFingerprints": {"auditorFingerprint/v1": f.fingerprint},
            "properties": {"severity": f.severity.label, "subject": f.subject,
                           "security-severity": _SECURITY_SEVERITY[f.severity]},
        })
    build = result.build
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "auditor", "informationUri": INFO_URI, "version": result.tool_version,
                                "semanticVersion": result.tool_version, "rules": rules}},
            "automationDetails": {"id": f"auditor/{build.manifest.package}/"},
            "results": results,
            "properties": {"package": build.manifest.package, "build_sha256": build.sha256,
                           "version_name": build.manifest.version_name,
                           "catalog_sha256": result.catalog.sha256},
        }],
    }


def render(result: ScanResult, audit: AuditResult) -> str:
    return json.dumps(to_sarif(result, audit), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
