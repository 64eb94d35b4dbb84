"""``auditor diff`` reports: text, JSON and Markdown of a :class:`DiffReport`.

The verdict appears only when a diff gate was given, and then says which gate tripped and why; a warning
leads every format when the two builds are different apps (package names differ).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from auditor.audit.diff import BuildDiff, gate_reasons
from auditor.audit.knowledge import short_name
from auditor.audit.model import Severity
from auditor.model import PermissionInfo, SdkHit
from auditor.report.json_report import finding_dict
from auditor.report.markdown import escape
from auditor.report.model import Gate, Verdict

DIFF_SCHEMA_VERSION = "1.1"


@dataclass(frozen=True)
class DiffReport:
    diff: BuildDiff
    verdict: Verdict | None
    """``None`` when no diff gate was given."""

    @property
    def warnings(self) -> tuple[str, ...]:
        d = self.diff
        if d.same_app:
            return ()
        return ((f"the builds are different apps: {d.old_package or '?'} -> {d.new_package or '?'} "
                 "(findings are matched by package, so every finding looks new)"),)


def diff_report(d: BuildDiff, fail_on: Severity | None = None, new_sdk: bool = False,
                new_permission: bool = False) -> DiffReport:
    gate = Gate(fail_on, new_sdk, new_permission)
    if not gate.given:
        return DiffReport(d, None)
    reasons = gate_reasons(d, fail_on, new_sdk, new_permission)
    return DiffReport(d, Verdict(not reasons, gate, reasons))


def to_dict(report: DiffReport) -> dict[str, Any]:
    d = report.diff

    def sdk(h: SdkHit) -> dict[str, Any]:
        return {"id": h.sdk_id, "name": h.name, "vendor": h.vendor, "category": h.category,
                "versions": list(h.versions)}

    def perm(p: PermissionInfo) -> dict[str, Any]:
        return {"name": p.name, "kind": p.kind}

    v = report.verdict
    return {
        "schema_version": DIFF_SCHEMA_VERSION,
        "old": d.old_label,
        "new": d.new_label,
        "old_package": d.old_package,
        "new_package": d.new_package,
        "warnings": list(report.warnings),
        "changed": d.changed,
        "sdks": {"added": [sdk(h) for h in d.sdks_added], "removed": [sdk(h) for h in d.sdks_removed],
                 "version_changed": [{"id": c.sdk_id, "name": c.name, "old": list(c.old), "new": list(c.new)}
                                     for c in d.sdks_version_changed]},
        "permissions": {"added": [perm(p) for p in d.permissions_added],
                        "removed": [perm(p) for p in d.permissions_removed]},
        "data_types_added": list(d.data_types_added),
        "findings": {"new": [finding_dict(f) for f in d.findings_new],
                     "fixed": [finding_dict(f) for f in d.findings_fixed]},
        "gate": None if v is None else {"given": v.gate.describe(), "verdict": "pass" if v.passed else "fail",
                                        "tripped": list(v.reasons)},
    }


def render_json(report: DiffReport) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _changes(d: BuildDiff) -> list[tuple[str, str, str]]:
    """``(sign, what, text)`` per change, in reading order."""
    out: list[tuple[str, str, str]] = []
    out += [("+", "SDK", f"{h.name} ({h.category})" + (f" {', '.join(h.versions)}" if h.versions else ""))
            for h in d.sdks_added]
    out += [("-", "SDK", f"{h.name} ({h.category})") for h in d.sdks_removed]
    out += [("~", "SDK", f"{c.name} {', '.join(c.old)} -> {', '.join(c.new)}") for c in d.sdks_version_changed]
    out += [("+", "permission", f"{short_name(p.name)} ({p.kind})") for p in d.permissions_added]
    out += [("-", "permission", f"{short_name(p.name)} ({p.kind})") for p in d.permissions_removed]
    out += [("+", "data", f"{dt} reached in code") for dt in d.data_types_added]
    out += [("+", "finding", f"{f.severity.label.upper()} {f.rule_id} {f.message}") for f in d.findings_new]
    out += [("-", "finding", f"{f.rule_id} {f.subject}") for f in d.findings_fixed]
    return out


def _verdict_lines(report: DiffReport) -> list[str]:
    v = report.verdict
    if v is None:
        return []
    if v.passed:
        return [f"Verdict  PASS ({v.gate.describe()}): no gate tripped"]
    return ["Verdict  FAIL: " + "; ".join(v.reasons)]


def render_text(report: DiffReport) -> str:
    d = report.diff
    lines = [f"warning: {w}" for w in report.warnings] + [f"{d.old_label}  ->  {d.new_label}"]
    changes = _changes(d)
    if not changes:
        lines.append("no change in SDKs, permissions, data access or findings")
    lines += [f"  {sign} {what:<10} {text}" for sign, what, text in changes]
    verdict = _verdict_lines(report)
    return "\n".join(lines + ([""] + verdict if verdict else [])) + "\n"


def render_markdown(report: DiffReport) -> str:
    d = report.diff
    v = report.verdict
    if v is None:
        head = f"### Privacy diff: {len(_changes(d))} change{'s' if len(_changes(d)) != 1 else ''}"
    elif v.passed:
        head = f"### ✅ Privacy diff passed ({escape(v.gate.describe())})"
    else:
        head = "### ❌ Privacy diff failed: " + escape("; ".join(v.reasons))
    lines = [head, ""]
    lines += [f"> **Warning:** {escape(w)}" for w in report.warnings]
    lines += ["", f"{escape(d.old_label)} → {escape(d.new_label)}", ""]
    changes = _changes(d)
    if not changes:
        return "\n".join([*lines, "No change in SDKs, permissions, data access or findings.", ""])
    lines += ["| Change | Kind | What |", "|---|---|---|"]
    lines += [f"| {escape(sign)} | {escape(what)} | {escape(text)} |" for sign, what, text in changes]
    return "\n".join([*lines, ""])
