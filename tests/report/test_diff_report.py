"""``auditor diff`` reports: which gate tripped and why, a warning when the builds are different apps,
text / JSON / Markdown."""

from __future__ import annotations

import dataclasses
import json

from report_samples import sample_audit, sample_scan

from auditor.audit.diff import diff_builds
from auditor.audit.model import AuditResult, Severity
from auditor.model import PermissionInfo, SdkHit
from auditor.report.diff_render import diff_report, render_json, render_markdown, render_text


def _pair(other_package: bool = False):
    old = sample_scan()
    extra = SdkHit("getui", "Getui", "Daily Interactive", "push", 0.9, ())
    perm = PermissionInfo("android.permission.READ_CONTACTS", "dangerous", "dangerous")
    manifest = dataclasses.replace(old.build.manifest, package="com.other.app") if other_package else \
        old.build.manifest
    new = dataclasses.replace(old, sdks=old.sdks + (extra,), permissions=old.permissions + (perm,),
                              build=dataclasses.replace(old.build, manifest=manifest))
    return diff_builds(old, new, AuditResult(()), sample_audit())


def test_no_gate_no_verdict():
    report = diff_report(_pair())
    assert report.verdict is None
    out = render_text(report)
    assert "Verdict" not in out and "  + SDK        Getui (push)" in out
    assert json.loads(render_json(report))["gate"] is None


def test_which_gate_tripped_and_why():
    report = diff_report(_pair(), Severity.HIGH, new_sdk=True, new_permission=True)
    assert report.verdict is not None and not report.verdict.passed
    assert report.verdict.reasons == (
        "--fail-on high: 3 new findings at or above high (DATA-BEFORE-CONSENT, PERM-UNDISCLOSED, SDK-UNDISCLOSED)",
        "--fail-on-new-sdk: 1 SDK added (Getui)",
        "--fail-on-new-permission: 1 dangerous or special permission added (READ_CONTACTS)",
    )
    doc = json.loads(render_json(report))
    assert doc["gate"]["verdict"] == "fail" and len(doc["gate"]["tripped"]) == 3
    assert render_text(report).rstrip().endswith("--fail-on-new-permission: 1 dangerous or special permission "
                                                  "added (READ_CONTACTS)")


def test_gate_that_does_not_trip_passes():
    report = diff_report(_pair(), Severity.CRITICAL)
    assert report.verdict is not None and report.verdict.passed
    assert "Verdict  PASS (--fail-on critical): no gate tripped" in render_text(report)


def test_different_apps_warn():
    report = diff_report(_pair(other_package=True))
    assert report.warnings and "com.example.shop -> com.other.app" in report.warnings[0]
    assert render_text(report).startswith("warning: the builds are different apps")
    assert "> **Warning:** the builds are different apps" in render_markdown(report)
    assert json.loads(render_json(report))["warnings"] == list(report.warnings)
    assert diff_report(_pair()).warnings == ()


def test_markdown_table():
    md = render_markdown(diff_report(_pair(), new_sdk=True))
    assert md.startswith("### ❌ Privacy diff failed: --fail-on-new-sdk: 1 SDK added \\(Getui\\)")
    assert "| + | SDK | Getui \\(push\\) |" in md
